// nnzip-gui: the archive window, or (for file-manager actions) a bare progress window that runs
// --extract-here / --extract-to / --compress-to jobs and exits when they are done.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QTimer>
#include <QUrl>

#include "batch_window.hpp"
#include "job_runner.hpp"
#include "entries_model.hpp"
#include "entries_view.hpp"
#include "main_window.hpp"
#include "progress_panel.hpp"
#include "preview_dialog.hpp"
#include "translations.hpp"

namespace {

// Hidden debug mode for scripts/screenshots.sh: opens ARCHIVE, starts compressing INPUT into a
// scratch archive, and saves the main window, a preview and the progress panel mid-job as PNGs.
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
        // Preview of the first file in the list's folder of source code, when the sample has one.
        const QModelIndex item = window.proxyModel()->mapFromSource(window.entriesModel()->indexOfPath(QStringLiteral("cantrbry/code/fields.c")));
        if (item.isValid()) {
            window.entriesView()->selectionModel()->select(item, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            window.previewSelection();
        }
    });
    QTimer::singleShot(2400, &window, [&] {
        if (auto* preview = window.findChild<nnz::ui::PreviewDialog*>()) {
            preview->grab().save(QDir(folder).filePath(QStringLiteral("preview.png")));
            preview->close();
        }
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
    nnz::ui::AppSettings::load().applyToProcess();  // what holds for every archive opened
    QApplication::setQuitOnLastWindowClosed(true);
    // Before anything is shown or parsed, so --help is translated too.
    nnz::ui::installTranslations(app, QLocale::system());
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("nnzip"), QIcon(QStringLiteral(":/icons/nnzip.png"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("nnzip-gui", "Neural-network archiver"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption extractHere(QStringLiteral("extract-here"),
                                         QApplication::translate("nnzip-gui", "Extract each ARCHIVE next to it: the one folder it holds as that folder, "
                                                                                   "anything else into a folder named after it."));
    const QCommandLineOption extractTo(QStringLiteral("extract-to"),
                                       QApplication::translate("nnzip-gui", "Extract each ARCHIVE into DIR."),
                                       QApplication::translate("nnzip-gui", "DIR"));
    const QCommandLineOption compressTo(QStringLiteral("compress-to"),
                                        QApplication::translate("nnzip-gui", "Create ARCHIVE from the given paths."),
                                        QApplication::translate("nnzip-gui", "ARCHIVE"));
    const QCommandLineOption encrypt(QStringLiteral("encrypt"),
                                     QApplication::translate("nnzip-gui", "With --compress-to: ask for a password and encrypt the archive."));
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("debug: save screenshots to DIR"),
                                  QStringLiteral("DIR"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({extractHere, extractTo, compressTo, encrypt, screenshot});
    parser.addPositionalArgument(QApplication::translate("nnzip-gui", "ARCHIVE"), QApplication::translate("nnzip-gui", "Archive to open."),
                                 QApplication::translate("nnzip-gui", "[ARCHIVE | PATH...]"));
    parser.process(app);
    QStringList arguments = parser.positionalArguments();
    for (QString& a : arguments) if (a.startsWith(QLatin1String("file://"))) a = QUrl(a).toLocalFile();  // Exec=nnzip-gui %U

    if (parser.isSet(screenshot)) return takeScreenshots(app, parser.value(screenshot), arguments);

    const int modes = int(parser.isSet(extractHere)) + int(parser.isSet(extractTo)) + int(parser.isSet(compressTo));
    if (modes > 1) {
        qCritical("%s", qPrintable(QApplication::translate("nnzip-gui", "use only one of --extract-here, --extract-to and --compress-to")));
        return 1;
    }
    if (parser.isSet(encrypt) && !parser.isSet(compressTo)) {
        qCritical("%s", qPrintable(QApplication::translate("nnzip-gui", "--encrypt goes with --compress-to")));
        return 1;
    }
    if (modes == 1) {
        if (arguments.isEmpty()) {
            qCritical("%s", qPrintable(QApplication::translate("nnzip-gui", "nothing to do: give ARCHIVE or PATH arguments")));
            return 1;
        }
        nnz::ui::BatchRequest request;
        request.paths = arguments;
        if (parser.isSet(compressTo)) {
            request.mode = nnz::ui::BatchRequest::Mode::CompressTo;
            request.target = parser.value(compressTo);
            request.encrypt = parser.isSet(encrypt);
        } else if (parser.isSet(extractTo)) {
            request.mode = nnz::ui::BatchRequest::Mode::ExtractTo;
            request.target = parser.value(extractTo);
        }
        // The window's done() ends the process with its status; closing it must not quit with 0 first.
        QApplication::setQuitOnLastWindowClosed(false);
        nnz::ui::BatchWindow window;
        QObject::connect(&window, &nnz::ui::BatchWindow::done, &app, [](int status) { QApplication::exit(status); });
        window.show();
        window.start(request);
        return app.exec();
    }

    nnz::ui::MainWindow window;
    window.setWindowIcon(QApplication::windowIcon());
    window.show();
    if (!arguments.isEmpty()) window.openArchive(arguments.first());
    return app.exec();
}
