#pragma once
// The GUI's command-line modes, for file-manager menus: --extract-here ARCHIVE...,
// --extract-to DIR ARCHIVE..., --compress-to ARCHIVE PATH.... A bare window with one progress
// panel per job. When every job succeeded it shows the notification (with "Open folder") for a
// few seconds and then reports done(0); a failure is shown in a dialog and the window stays
// until it is closed, then done() carries the CLI's exit status for it (docs/CLI.md).
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "extract_targets.hpp"
#include "jobs/extract_job.hpp"
#include "job_runner.hpp"
#include "outside_links_question.hpp"
#include "password_question.hpp"

class QTimer;
class QVBoxLayout;

namespace nnz::ui {

class NotificationBar;
class TrayNotifier;

struct BatchRequest {
    enum class Mode { ExtractHere, ExtractTo, CompressTo };
    Mode mode = Mode::ExtractHere;
    QString target;     // DIR for ExtractTo, ARCHIVE for CompressTo
    QStringList paths;  // the archives to extract, or the paths to put in the archive
    bool encrypt = false;  // CompressTo: ask for a password and encrypt the archive with it
};

class BatchWindow : public QWidget {
    Q_OBJECT
public:
    explicit BatchWindow(QWidget* parent = nullptr);
    ~BatchWindow() override;

    // Queues the request's jobs. Returns false when nothing was queued (nothing to do, or every
    // job declined); done() then follows from the event loop.
    bool start(const BatchRequest& request);

    JobRunner* runner() const { return runner_; }
    NotificationBar* notificationBar() const { return notification_; }
    // 0 while every job succeeded; else the status of the first failure (130: cancelled).
    int exitStatus() const { return exit_status_; }
    // How long the window stays up after success (default 5 s).
    void setLingerMs(int ms) { linger_ms_ = ms; }

    // When set, errors and questions go here instead of dialogs (tests).
    void setErrorHandler(std::function<void(const QString& title, const QString& text)> handler)
    {
        error_handler_ = std::move(handler);
    }
    void setQuestionHandler(std::function<bool(const QString& title, const QString& text)> handler)
    {
        question_handler_ = std::move(handler);
    }
    void setChoiceHandler(ChoiceHandler handler) { choice_handler_ = std::move(handler); }
    // When set, the passwords of encrypted archives are asked for here (tests).
    void setPasswordHandler(PasswordHandler handler) { password_handler_ = std::move(handler); }
    // When set, the password a new encrypted archive gets is chosen here (tests): the archive's
    // name in, the password out, empty for cancel.
    void setNewPasswordHandler(std::function<QString(const QString& archiveName)> handler)
    {
        new_password_handler_ = std::move(handler);
    }

signals:
    void done(int exitStatus);
    void errorShown(const QString& text);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // Refused links (the job fails before writing anything) are asked about and the extraction
    // queued again as the user chooses (see onJobFinished).
    // An encrypted .nnz, or a foreign archive with encrypted entries.
    // foreignEntries, when given, receives a foreign archive's entries, read for this anyway.
    static bool needsPassword(const QString& archive, std::vector<nnz::EntryInfo>* foreignEntries = nullptr);
    // No place: Extract Here, placed by extractHerePlace() once the archive can be read (after
    // its password), never replacing anything.
    void queueExtract(const QString& archive, std::optional<ExtractionPlace> place, bool askBeforeReplacing,
                      nnz::OutsideLinks outsideLinks = nnz::OutsideLinks::Refuse,
                      std::optional<nnz::ExistingFiles> existingChosen = std::nullopt);
    // True when the job was an extraction refused for its links and is queued again instead.
    bool retriedWithLinksChoice(Job* job);
    void queueCompress(const QString& archive, const QStringList& inputs, bool encrypt);
    void onJobFinished(Job* job);
    void onAllFinished();
    void finish();
    void showError(const QString& title, const QString& text);
    bool ask(const QString& title, const QString& text);

    JobRunner* runner_;
    QVBoxLayout* panels_;
    NotificationBar* notification_;
    TrayNotifier* tray_;
    QTimer* linger_;
    int linger_ms_ = 5000;
    int exit_status_ = 0;
    int queued_ = 0;
    bool done_ = false;
    std::function<void(const QString&, const QString&)> error_handler_;
    std::function<bool(const QString&, const QString&)> question_handler_;
    ChoiceHandler choice_handler_;
    PasswordHandler password_handler_;
    std::function<QString(const QString&)> new_password_handler_;
    std::map<QString, nnz::Passphrase> passwords_;  // of the encrypted archives, asked once each
    struct Extraction {
        std::shared_ptr<std::vector<nnz::OutsideLink>> refusedLinks;  // written by the job's worker
        nnz::ExistingFiles existing;
        ExtractionPlace place;
    };
    std::map<Job*, Extraction> extractions_;  // until each has finished
};

}  // namespace nnz::ui
