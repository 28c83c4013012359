// nnzip-gui: the archive window, or (for file-manager actions) a bare progress window that runs
// --extract-here / --extract-to / --compress-to jobs and exits when they are done.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QScrollArea>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <filesystem>
#include <string>
#include <vector>

#include "error.hpp"
#include "job_runner.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/extract_job.hpp"
#include "main_window.hpp"
#include "progress_panel.hpp"
#include "settings_dialog.hpp"

namespace {

using nnz::ui::Job;
using nnz::ui::JobRunner;
using nnz::ui::ProgressPanel;
namespace fs = std::filesystem;

fs::path toPath(const QString& path) { return fs::path(QDir::fromNativeSeparators(path).toStdString()); }

// The progress-only window of the command-line modes: one panel per job, queued in order.
// Returns the process exit status through finish: 0 when every job succeeded, otherwise the
// CLI's status for the first failure (docs/CLI.md).
class ProgressWindow : public QWidget {
public:
    ProgressWindow()
    {
        setWindowTitle(QApplication::translate("nnzip-gui", "nnzip — working"));
        runner_ = new JobRunner(this);
        auto* layout = new QVBoxLayout(this);
        panels_ = new QVBoxLayout;
        layout->addLayout(panels_);
        layout->addStretch(1);
        QObject::connect(runner_, &JobRunner::jobAdded, this, [this](Job* job) {
            auto* panel = new ProgressPanel(job, this);
            panels_->addWidget(panel);
            QObject::connect(panel, &ProgressPanel::closeRequested, this, &QWidget::close);
        });
        QObject::connect(runner_, &JobRunner::jobFinished, this, [this](Job* job) {
            if (job->state() != Job::State::Succeeded && exit_status_ == 0)
                exit_status_ = job->state() == Job::State::Cancelled ? 130 : nnz::exit_status_for(job->errorCode());
        });
        QObject::connect(runner_, &JobRunner::allFinished, this, &ProgressWindow::onAllFinished);
        resize(560, 10);
    }

    JobRunner* runner() const { return runner_; }
    int exitStatus() const { return exit_status_; }

protected:
    void closeEvent(QCloseEvent* event) override
    {
        runner_->cancelAll();
        QWidget::closeEvent(event);
        QApplication::exit(exit_status_);
    }

private:
    void onAllFinished()
    {
        if (exit_status_ != 0) return;  // failures stay on screen until closed
        const auto& jobs = runner_->findChildren<Job*>();
        const QString text = jobs.size() == 1 ? jobs.first()->title()
                                              : QApplication::translate("nnzip-gui", "%n job(s) finished.", nullptr, int(jobs.size()));
        if (QSystemTrayIcon::isSystemTrayAvailable()) {
            auto* tray = new QSystemTrayIcon(windowIcon(), this);
            tray->show();
            tray->showMessage(QApplication::translate("nnzip-gui", "nnzip: done"), text, QSystemTrayIcon::Information, 6000);
            // Leave time for the notification to be handed over, then go.
            QTimer::singleShot(1500, this, [] { QApplication::exit(0); });
        } else {
            // Without a tray the panels' final state (with "Open folder") is the notification:
            // it stays up for a few seconds, then the process exits as the caller expects.
            QTimer::singleShot(5000, this, [] { QApplication::exit(0); });
        }
    }

    JobRunner* runner_;
    QVBoxLayout* panels_;
    int exit_status_ = 0;
};

void queueExtract(JobRunner* runner, const QString& archive, const QString& destination)
{
    const nnz::ui::AppSettings settings = nnz::ui::AppSettings::load();
    const bool overwrite = settings.overwrite == nnz::ui::AppSettings::Overwrite::Always;
    runner->enqueue(Job::Kind::Extract,
                    QApplication::translate("nnzip-gui", "Extracting %1 to %2")
                        .arg(QFileInfo(archive).fileName(), QDir::toNativeSeparators(destination)),
                    [a = toPath(archive), d = toPath(destination), overwrite](nnz::JobControl& control) {
                        nnz::extract_archive(a, d, {}, overwrite, control);
                    },
                    destination);
}

// Hidden debug mode for scripts/screenshots.sh: opens ARCHIVE, starts compressing INPUT into a
// scratch archive, and saves the main window and the progress panel mid-job as PNGs.
int takeScreenshots(QApplication& app, const QString& folder, const QStringList& arguments)
{
    if (arguments.size() < 2) {
        qCritical("--screenshot DIR needs ARCHIVE INPUT...");
        return 1;
    }
    QDir().mkpath(folder);
    nnz::ui::MainWindow window;
    window.resize(940, 600);
    window.show();
    window.openArchive(arguments.first());
    const QString scratch = QDir::temp().filePath(QStringLiteral("alice.nnz"));
    QFile::remove(scratch);
    QTimer::singleShot(1200, &window, [&] {
        window.grab().save(QDir(folder).filePath(QStringLiteral("main-window.png")));
        window.createArchive(scratch, arguments.mid(1), QStringLiteral("fast"));
    });
    QTimer::singleShot(4000, &window, [&] {
        window.grab().save(QDir(folder).filePath(QStringLiteral("main-window-job.png")));
        const auto panels = window.progressPanels();
        if (!panels.isEmpty()) panels.first()->grab().save(QDir(folder).filePath(QStringLiteral("progress-panel.png")));
        window.jobRunner()->cancelAll();
        QTimer::singleShot(1500, &app, [] { QApplication::exit(0); });
    });
    const int status = app.exec();
    QFile::remove(scratch);
    return status;
}

}  // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("nnzip"));
    QApplication::setApplicationVersion(QStringLiteral(NNZIP_VERSION));
    QApplication::setOrganizationName(QStringLiteral("nnzip"));
    QApplication::setQuitOnLastWindowClosed(true);
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("nnzip"), QIcon(QStringLiteral(":/icons/nnzip.png"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("nnzip-gui", "Neural-network archiver"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption extractHere(QStringLiteral("extract-here"),
                                         QApplication::translate("nnzip-gui", "Extract each ARCHIVE into a folder named after it, next to it."));
    const QCommandLineOption extractTo(QStringLiteral("extract-to"),
                                       QApplication::translate("nnzip-gui", "Extract each ARCHIVE into DIR."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption compressTo(QStringLiteral("compress-to"),
                                        QApplication::translate("nnzip-gui", "Create ARCHIVE from the given paths."),
                                        QStringLiteral("ARCHIVE"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("debug: save screenshots to DIR"),
                                  QStringLiteral("DIR"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({extractHere, extractTo, compressTo, screenshot});
    parser.addPositionalArgument(QStringLiteral("ARCHIVE"), QApplication::translate("nnzip-gui", "Archive to open."),
                                 QStringLiteral("[ARCHIVE | PATH...]"));
    parser.process(app);
    QStringList arguments = parser.positionalArguments();
    for (QString& a : arguments) if (a.startsWith(QLatin1String("file://"))) a = QUrl(a).toLocalFile();  // Exec=nnzip-gui %U

    if (parser.isSet(screenshot)) return takeScreenshots(app, parser.value(screenshot), arguments);

    const int modes = int(parser.isSet(extractHere)) + int(parser.isSet(extractTo)) + int(parser.isSet(compressTo));
    if (modes > 1) {
        qCritical("use only one of --extract-here, --extract-to and --compress-to");
        return 1;
    }
    if (modes == 1) {
        if (arguments.isEmpty()) {
            qCritical("%s", qPrintable(QApplication::translate("nnzip-gui", "nothing to do: give ARCHIVE or PATH arguments")));
            return 1;
        }
        ProgressWindow window;
        if (parser.isSet(compressTo)) {
            const QString archive = QFileInfo(parser.value(compressTo)).absoluteFilePath();
            nnz::CompressOptions options = nnz::ui::AppSettings::load().compressOptions();
            std::vector<fs::path> inputs;
            for (const QString& p : arguments) inputs.push_back(toPath(p));
            window.runner()->enqueue(Job::Kind::Create,
                                     QApplication::translate("nnzip-gui", "Creating %1").arg(QFileInfo(archive).fileName()),
                                     [a = toPath(archive), inputs, options](nnz::JobControl& control) {
                                         nnz::compress_paths(a, inputs, options, control);
                                     },
                                     QFileInfo(archive).absolutePath());
        } else {
            for (const QString& archive : arguments) {
                const QFileInfo info(archive);
                const QString destination = parser.isSet(extractTo)
                                                ? QFileInfo(parser.value(extractTo)).absoluteFilePath()
                                                : info.absoluteDir().filePath(info.completeBaseName());
                queueExtract(window.runner(), info.absoluteFilePath(), destination);
            }
        }
        window.show();
        const int status = app.exec();
        return status != 0 ? status : window.exitStatus();
    }

    nnz::ui::MainWindow window;
    window.setWindowIcon(QApplication::windowIcon());
    window.show();
    if (!arguments.isEmpty()) window.openArchive(arguments.first());
    return app.exec();
}
