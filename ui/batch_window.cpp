#include "batch_window.hpp"

#include "existing_files.hpp"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>
#include <QVBoxLayout>

#include <filesystem>
#include <vector>

#include "error.hpp"
#include "extract_targets.hpp"
#include "interop/archive_export.hpp"
#include "interop/opened_archive.hpp"
#include "job_messages.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/extract_job.hpp"
#include "notifications.hpp"
#include "password_dialog.hpp"
#include "progress_panel.hpp"
#include "settings_dialog.hpp"

namespace nnz::ui {
namespace fs = std::filesystem;
namespace {

constexpr int kCancelledStatus = 130;  // as the CLI's after Ctrl-C (docs/CLI.md)

fs::path toPath(const QString& path) { return fs::path(QDir::fromNativeSeparators(path).toStdString()); }

// The deepest folder holding all of them ("Open folder" after several jobs).
QString commonFolder(const QStringList& folders)
{
    if (folders.isEmpty()) return {};
    QString common = QDir::cleanPath(folders.first());
    for (const QString& folder : folders) {
        const QString clean = QDir::cleanPath(folder);
        while (!common.isEmpty() && clean != common && !clean.startsWith(common + QLatin1Char('/'))) {
            const QString parent = QFileInfo(common).path();
            common = parent == common ? QString() : parent;
        }
    }
    return common;
}

}  // namespace

BatchWindow::BatchWindow(QWidget* parent) : QWidget(parent)
{
    setWindowTitle(tr("nnzip — working"));
    runner_ = new JobRunner(this);
    notification_ = new NotificationBar(this);
    tray_ = new TrayNotifier(windowIcon(), this);
    linger_ = new QTimer(this);
    linger_->setSingleShot(true);
    connect(linger_, &QTimer::timeout, this, &BatchWindow::finish);
    // Opening the folder is the last thing asked of this window.
    connect(notification_, &NotificationBar::folderOpened, this, [this] { QTimer::singleShot(0, this, &BatchWindow::finish); });

    auto* layout = new QVBoxLayout(this);
    panels_ = new QVBoxLayout;
    layout->addWidget(notification_);
    layout->addLayout(panels_);
    layout->addStretch(1);
    connect(runner_, &JobRunner::jobAdded, this, [this](Job* job) {
        auto* panel = new ProgressPanel(job, this);
        panels_->addWidget(panel);
        connect(panel, &ProgressPanel::closeRequested, this, &QWidget::close);
    });
    connect(runner_, &JobRunner::jobFinished, this, &BatchWindow::onJobFinished);
    connect(runner_, &JobRunner::allFinished, this, &BatchWindow::onAllFinished);
    resize(560, 10);
}

BatchWindow::~BatchWindow() = default;

bool BatchWindow::start(const BatchRequest& request)
{
    if (request.paths.isEmpty()) {
        exit_status_ = nnz::exit_status_for(nnz::ErrorCode::Usage);
        showError(tr("Nothing to Do"), tr("No archive or file was given."));
        QTimer::singleShot(0, this, &BatchWindow::finish);
        return false;
    }
    const AppSettings settings = AppSettings::load();
    switch (request.mode) {
    case BatchRequest::Mode::ExtractHere:
        // Next to it, without a folder in a folder (extractHerePlace): nothing that exists is
        // ever touched.
        for (const QString& archive : request.paths)
            queueExtract(QFileInfo(archive).absoluteFilePath(), std::nullopt, false, nnz::OutsideLinks::Refuse,
                         nnz::ExistingFiles::Refuse);
        break;
    case BatchRequest::Mode::ExtractTo: {
        const QString destination = QFileInfo(request.target).absoluteFilePath();
        for (const QString& archive : request.paths)
            queueExtract(QFileInfo(archive).absoluteFilePath(), ExtractionPlace{destination, 0, destination},
                         settings.overwrite == AppSettings::Overwrite::Ask);
        break;
    }
    case BatchRequest::Mode::CompressTo:
        queueCompress(QFileInfo(request.target).absoluteFilePath(), request.paths, request.encrypt);
        break;
    }
    if (queued_ == 0) {
        QTimer::singleShot(0, this, &BatchWindow::finish);
        return false;
    }
    return true;
}

bool BatchWindow::needsPassword(const QString& archive, std::vector<nnz::EntryInfo>* foreignEntries)
{
    const fs::path path = toPath(archive);
    if (nnz::has_nnz_magic(path)) return nnz::is_encrypted_nnz(path);
    try {
        const auto opened = nnz::open_archive(path);  // a foreign archive is read header by header
        if (foreignEntries) *foreignEntries = opened->entries();  // its names need no password
        return opened->foreign() && opened->foreign()->has_encrypted_entries();
    } catch (const nnz::Error&) {
        return false;  // the job says why it cannot be read
    }
}

void BatchWindow::queueExtract(const QString& archive, std::optional<ExtractionPlace> place, bool askBeforeReplacing,
                               nnz::OutsideLinks outsideLinks, std::optional<nnz::ExistingFiles> existingChosen)
{
    const AppSettings settings = AppSettings::load();
    nnz::ExistingFiles existingFiles = existingChosen.value_or(existingFilesFor(settings.overwrite));
    // Extract Here places the entries by their names: a foreign archive's are read here once, with
    // the look for encrypted entries (a second pass over a large tar.gz would cost its decoding).
    std::optional<std::vector<nnz::EntryInfo>> names;
    if (!place) names.emplace();
    if (!passwords_.contains(archive) && needsPassword(archive, names ? &*names : nullptr)) {
        const auto answer = askArchivePassword(this, QFileInfo(archive).fileName(), password_handler_,
                                               [&](const nnz::Passphrase& candidate) {
                                                   try {
                                                       const auto opened = nnz::open_archive(toPath(archive), nullptr, candidate);
                                                       if (opened->foreign()) opened->foreign()->check_passphrase();
                                                       return true;
                                                   } catch (const nnz::Error& e) {
                                                       // Damage: the job says what is wrong.
                                                       return e.code() != nnz::ErrorCode::Password;
                                                   }
                                               });
        if (!answer) return;  // cancelled: this archive is left alone
        passwords_[archive] = *answer;
    }
    const nnz::Passphrase passphrase = passwords_.contains(archive) ? passwords_.at(archive) : nnz::Passphrase();
    if (!place) {
        const QFileInfo info(archive);
        // An .nnz (or a foreign archive whose headers were not read above): its index, small.
        if (names->empty() && nnz::has_nnz_magic(toPath(archive))) {
            try {
                *names = nnz::open_archive(toPath(archive), nullptr, passphrase)->entries();
            } catch (const nnz::Error&) {
                // Unreadable: the job, run into a folder of its own, says why.
            }
        }
        place = extractHerePlace(*names, info.absolutePath(), info.completeBaseName());
    }
    const QString destination = place->destination;
    if (askBeforeReplacing) {
        QString existing;
        try {
            // Any archive nnzip reads (.nnz, zip, tar...); a foreign one is read header by header.
            const auto opened = nnz::open_archive(toPath(archive), nullptr, passphrase);
            existing = firstExistingTarget(opened->entries(), destination);
        } catch (const nnz::Error&) {
            // The job reports why the archive cannot be read.
        }
        if (!existing.isEmpty()) {
            const auto answer = askAboutExistingFiles(
                this,
                tr("Extracting %1 would replace files in %2 (%3 and maybe more). Replace them, keep them and extract the "
                   "rest, or keep both (the archive's under new names, such as \"a (2).txt\")?")
                    .arg(QFileInfo(archive).fileName(), QDir::toNativeSeparators(destination), existing),
                choice_handler_);
            if (!answer) return;
            existingFiles = *answer;
        }
    }
    // Links leading outside are only found by the job (which then writes nothing): reading a
    // foreign archive's headers here as well would cost a second pass over it.
    auto refusedLinks = std::make_shared<std::vector<nnz::OutsideLink>>();
    Job* job = runner_->enqueue(Job::Kind::Extract,
                                tr("Extracting %1 to %2").arg(QFileInfo(archive).fileName(), QDir::toNativeSeparators(destination)),
                                [a = toPath(archive), d = toPath(destination), existing = existingFiles, outsideLinks,
                                 refusedLinks, passphrase, strip = place->stripComponents](nnz::JobControl& control) {
                                    try {
                                        reportExtractionWarnings(nnz::extract_archive(a, d, {}, existing, control, outsideLinks,
                                                                                      passphrase, strip),
                                                                 control);
                                    } catch (const nnz::LinkRefused& e) {
                                        *refusedLinks = e.links();  // read by the GUI thread once the job has ended
                                        throw;
                                    }
                                },
                                place->resultFolder);
    job->setProperty("archive", archive);
    extractions_[job] = {std::move(refusedLinks), existingFiles, *place};
    ++queued_;
}

bool BatchWindow::retriedWithLinksChoice(Job* job)
{
    const auto it = extractions_.find(job);
    if (it == extractions_.end()) return false;
    const auto [links, existing, place] = it->second;
    extractions_.erase(it);
    if (job->state() != Job::State::Failed || links->empty()) return false;
    const QString archive = job->property("archive").toString();
    const auto answer = askAboutOutsideLinks(this, *links, QFileInfo(archive).fileName(), place.resultFolder, choice_handler_);
    if (!answer) return false;  // reported as the failure it is
    // The refused job wrote nothing: it leaves the window for the one that replaces it.
    for (ProgressPanel* panel : findChildren<ProgressPanel*>())
        if (panel->job() == job) delete panel;  // not on the stack: the runner's signal called us
    job->setParent(nullptr);
    job->deleteLater();
    --queued_;
    queueExtract(archive, place, false, *answer, existing);
    return true;
}

void BatchWindow::queueCompress(const QString& archive, const QStringList& inputs, bool encrypt)
{
    const AppSettings settings = AppSettings::load();
    nnz::CompressOptions options = settings.newArchiveOptions();
    if (encrypt) {
        const QString name = QFileInfo(archive).fileName();
        const QString password = new_password_handler_ ? new_password_handler_(name) : askNewPassword(this, name);
        if (password.isEmpty()) return;  // cancelled: nothing is made
        options.passphrase = nnz::Passphrase(password.toStdString());
    }
    const auto place = placeForNewArchive(archive, options.volume_size, settings.overwrite, [this](const QString& existing) {
        return ask(tr("Replace Archive?"), tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(existing)));
    });
    if (!place) return;
    options.overwrite = place->overwrite;
    const QString written = place->path;
    const QFileInfo target(written);
    std::vector<fs::path> paths;
    for (const QString& p : inputs) paths.push_back(toPath(QFileInfo(p).absoluteFilePath()));
    Job* job = runner_->enqueue(Job::Kind::Create, tr("Creating %1").arg(target.fileName()),
                                [a = toPath(written), paths, options](nnz::JobControl& control) {
                                    nnz::compress_paths(a, paths, AppSettings::warningTo(options, control), control);
                                },
                                target.absolutePath());
    job->setDetails(AppSettings::describe(options));
    job->setProperty("archive", written);
    ++queued_;
}

void BatchWindow::onJobFinished(Job* job)
{
    if (job->kind() == Job::Kind::Extract && retriedWithLinksChoice(job)) return;
    if (job->state() == Job::State::Succeeded) return;
    if (exit_status_ == 0)
        exit_status_ = job->state() == Job::State::Cancelled ? kCancelledStatus : nnz::exit_status_for(job->errorCode());
    if (job->state() == Job::State::Failed) {
        const JobMessage message = JobMessages::failure(*job, QFileInfo(job->property("archive").toString()).fileName());
        showError(message.title, message.text);
    }
}

void BatchWindow::onAllFinished()
{
    if (exit_status_ != 0 || done_) return;  // failures stay on screen until the window is closed
    const QList<Job*> jobs = runner_->findChildren<Job*>();
    if (jobs.isEmpty()) return;
    QStringList folders;
    for (const Job* job : jobs)
        if (!job->resultFolder().isEmpty()) folders << job->resultFolder();
    const QString folder = commonFolder(folders);
    const JobMessage message = jobs.size() == 1
                                   ? JobMessages::success(*jobs.first(), QFileInfo(jobs.first()->property("archive").toString()).fileName())
                                   : JobMessage{tr("Done"), tr("%n job(s) finished.", nullptr, int(jobs.size()))};
    notification_->showMessage(message.title, message.text, folder);
    tray_->notify(message.title, message.text, folder);
    linger_->start(linger_ms_);
}

void BatchWindow::finish()
{
    if (done_) return;
    done_ = true;
    linger_->stop();
    emit done(exit_status_);
}

void BatchWindow::closeEvent(QCloseEvent* event)
{
    if (runner_->busy()) {
        runner_->cancelAll();  // the core removes its partial output; ~JobRunner waits for it
        if (exit_status_ == 0) exit_status_ = kCancelledStatus;
    }
    QWidget::closeEvent(event);
    finish();
}

void BatchWindow::showError(const QString& title, const QString& text)
{
    // Also on stderr, for whoever started us from a script.
    qWarning("%s: %s", qPrintable(title), qPrintable(QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '))));
    emit errorShown(text);
    if (error_handler_) {
        error_handler_(title, text);
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // Once the last error is read and nothing runs, the window has nothing more to do.
    connect(box, &QDialog::finished, this, [this] {
        if (!runner_->busy() && findChildren<QMessageBox*>().size() <= 1) close();
    });
    box->open();
}

bool BatchWindow::ask(const QString& title, const QString& text)
{
    if (question_handler_) return question_handler_(title, text);
    return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::No) == QMessageBox::Yes;
}

}  // namespace nnz::ui
