#pragma once
// The archive window: the entries of one open archive, the actions on it, drops in and drags out,
// and a dock with one progress panel per job. Long work runs on the JobRunner's worker thread.
#include <QMainWindow>
#include <QPointer>
#include <QStringList>
#include <QTreeView>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "entries_proxy.hpp"
#include "entries_view.hpp"
#include "job_runner.hpp"
#include "outside_links_question.hpp"
#include "password_question.hpp"
#include "settings_dialog.hpp"

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QMimeData;
class QStackedWidget;
class QTemporaryDir;
class QVBoxLayout;

namespace nnz::ui {

class EditedFiles;
class EntriesModel;
class NotificationBar;
class PreviewDialog;
class ProgressPanel;
class TrayNotifier;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens an archive and lists it; on failure shows why and returns false (nothing crashes,
    // the previously open archive is closed).
    bool openArchive(const QString& path);
    void closeArchive();
    QString archivePath() const;

    // The drop rules: nothing open -> ask to create; one .nnz -> open it; else add to the open one.
    // into: the folder of the open archive the drop landed on ("" = the top); a drop on a folder
    // always adds, even an archive.
    void handleDroppedPaths(const QStringList& paths, const QString& into = {});
    // The new-archive dialog for these files and folders (File ▸ New…, New from Folder…, a drop on
    // an empty window); on Create the open archive closes and the new one is made, then opened.
    void newArchiveFrom(const QStringList& inputs);
    // A non-empty password encrypts the archive (format 4.0); the window remembers it for this
    // session, so that the archive opens without asking when the job is done.
    // recoveryPercent: the recovery record to add; -1 = the one Settings give new archives.
    // volumeSize: split into volumes of that many bytes (NAME.001, ...); 0 = one file.
    // removeFiles: the inputs are removed once they are in the archive (a --remove-files).
    // test: test it before keeping it (a --test); unset = as Settings say.
    // A name that is taken is met as Settings' Existing files say (placeForNewArchive): asked
    // about, replaced, refused, or the archive written beside it as "name (2).nnz".
    Job* createArchive(const QString& chosenName, const QStringList& inputs, const QString& preset,
                       const QString& password = {}, int recoveryPercent = -1, quint64 volumeSize = 0,
                       bool removeFiles = false, std::optional<bool> test = std::nullopt);
    // into: a folder inside the archive to add to ("docs/2024"); empty = the top.
    Job* addToArchive(const QStringList& inputs, const QString& into = {});
    // Where a drop at `position` (in the window's coordinates) would add: the folder under it, the
    // folder holding the file under it, or "" (the top).
    QString dropFolderAt(const QPoint& position) const;
    // The one folder selected (Add Files and Add Folder add into it), else "".
    QString selectedFolder() const;
    // Deletes the entries (folders with everything in them) from the open .nnz after asking;
    // nullptr when declined, nothing is chosen, or the archive is foreign (read-only).
    Job* deleteEntries(const QStringList& entries);
    // Renames one entry (a folder with everything in it) without compressing anything.
    Job* renameEntry(const QString& from, const QString& to);
    // Encrypts the open .nnz with newPassword, or removes its password when that is empty,
    // copying every block (nothing is compressed); nullptr for a foreign archive, or when there
    // is no password to remove.
    Job* changePassword(const QString& newPassword);
    // Gives the open .nnz a recovery record of percent (0 removes it), copying every block;
    // nullptr for a foreign archive, or when there is no record to remove.
    Job* setRecoveryRecord(int percent);
    // stripComponents: leading folders taken off every name (nnz::extract_archive); overwrite:
    // instead of the one Settings give.
    Job* extractEntries(const QString& destination, const QStringList& entries, int stripComponents = 0,
                        std::optional<AppSettings::Overwrite> overwrite = std::nullopt);
    Job* testArchive();
    // Decodes the selected entries (a folder stands for everything in it) and verifies their
    // checksums as a job (nnz::test_entries); the notification says the selection passed.
    // nullptr when nothing is selected.
    Job* testSelection();
    // Compares the open archive with the files under folder (the folder it was made in) as a
    // job (nnz::compare_with_disk: an .nnz by the checksums it keeps, nothing decoded). When it
    // is done a notification says whether they match; differences are listed in a non-modal
    // message box (object name "differencesMessage"). nullptr when nothing is open.
    Job* compareWithFolder(const QString& folder);
    // Extracts the one selected file into the session's temporary folder as a job, then hands it
    // to the desktop (QDesktopServices::openUrl). Returns the job, or nullptr when the selection
    // is not exactly one file.
    Job* openWithDefaultApp();
    // The same for the file entryPath names (Preview's button); nullptr when it is not a file
    // of the open archive.
    Job* openEntryWithDefaultApp(const QString& entryPath);
    // Decodes the first bytes of the one selected file (nnz::read_file_start: a picture whole, other
    // files their first 256 KiB) as a job, then shows them in a non-modal PreviewDialog (object name
    // "previewDialog"). Nothing is written to disk. nullptr when the selection is not one file.
    // While that dialog is open, each file selected next is shown in it (a preview still being
    // decoded is cancelled by the next).
    Job* previewSelection();
    // Non-modal dialogs; they delete themselves when closed.
    void showProperties();
    void showSettings();
    // Converts the open foreign archive (zip, tar, 7z, ...) into a new .nnz at output, with the
    // compression settings; the result is opened when done. nullptr when no foreign archive is open.
    Job* convertArchive(const QString& output);
    // Writes the open archive (.nnz or foreign) as the standard archive output's name asks for
    // (.zip, .7z, .tar, .tar.gz, ...: nnz::export_archive), replacing output; an encrypted one
    // becomes a zip with its password. nullptr when nothing is open or the name asks for no format.
    Job* exportArchive(const QString& output);
    // "photos.tar.gz" -> "<same folder>/photos.nnz"
    static QString suggestedNnzFor(const QString& foreignArchive);
    // Writes what the damaged .nnz still holds to output (nnz::repair_archive) and opens it when
    // done; the notification says how many entries came back and which were lost.
    Job* repairArchive(const QString& damaged, const QString& output);
    // "<same folder>/a (repaired).nnz", numbered so that nothing is replaced.
    static QString suggestedRepairedFor(const QString& damaged);

    // Entry paths of the selected rows (folders stand for what is inside them).
    QStringList selectedEntryPaths() const;
    // The entry index of the one selected row when it is a regular file, else -1.
    int selectedFileEntry() const;
    // Extracts the selection now (synchronously) into a fresh folder of the session's temporary
    // directory and describes the extracted items as text/uri-list; nullptr and an error shown
    // when extraction fails. Used for drags out of the window.
    QMimeData* extractSelectionForDrag();
    // Cop&y (Ctrl+C): extracts the selection into a fresh folder of the session's temporary
    // directory as a job, then puts the items on the clipboard as files (a URL list and GNOME's
    // x-special/gnome-copied-files), so a file manager pastes them; they last while the window
    // is open. nullptr when nothing is selected.
    Job* copySelection();

    JobRunner* jobRunner() const { return runner_; }
    EntriesModel* entriesModel() const { return model_; }
    QSortFilterProxyModel* proxyModel() const { return proxy_; }
    EditedFiles* editedFiles() const { return edited_; }
    EntriesView* entriesView() const { return view_; }
    QList<ProgressPanel*> progressPanels() const;
    QWidget* jobsWidget() const;
    NotificationBar* notificationBar() const { return notification_; }
    // The in-app context menu's actions for the entries (Extract, Extract to…, Open with…, Test,
    // Properties), separators as null.
    QList<QAction*> contextMenuActions() const;

    // When set, errors go here instead of a message box (tests, the command-line mode).
    void setErrorHandler(std::function<void(const QString& title, const QString& text)> handler)
    {
        error_handler_ = std::move(handler);
    }
    // When set, yes/no questions go here instead of a message box (tests).
    void setQuestionHandler(std::function<bool(const QString& title, const QString& text)> handler)
    {
        question_handler_ = std::move(handler);
    }
    // When set, questions with more than two answers go here instead of a message box (tests).
    void setChoiceHandler(ChoiceHandler handler) { choice_handler_ = std::move(handler); }
    // When set, password questions go here instead of a password dialog (tests); the handler
    // returns the password, empty for cancel.
    void setPasswordHandler(PasswordHandler handler) { password_handler_ = std::move(handler); }
    // When set, questions asking for a line of text go here instead of an input dialog (tests);
    // the handler returns the answer, empty for cancel.
    void setTextHandler(std::function<QString(const QString& title, const QString& label, const QString& text)> handler)
    {
        text_handler_ = std::move(handler);
    }

signals:
    void errorShown(const QString& text);
    void archiveOpened(const QString& path);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    static QString testedDetails();
    void buildActions();
    void buildMenus();
    void updateActions();
    void previewFollowsSelection();
    void closePanelOf(Job* job);
    void updateSummary();
    // "Selected: 6 files in 2 folders · 1.2 MB" (everything in a selected folder counted once).
    void updateSelectionSummary();
    void rebuildRecentMenu();
    void showError(const QString& title, const QString& text);
    bool ask(const QString& title, const QString& text);
    QString askText(const QString& title, const QString& label, const QString& text);  // empty: cancelled
    void notify(const QString& title, const QString& text, const QString& folder);
    Job* enqueue(Job::Kind kind, const QString& title, Job::Work work, const QString& resultFolder = {});
    void onJobFinished(Job* job);
    QString defaultExtractFolder(const QStringList& selection) const;
    QString sessionTempFolder(const QString& prefix);

    void newArchive();
    void newArchiveFromFolder();
    void openDialog();
    void addFilesDialog();
    void addFolderDialog();
    void extractHere();
    void deleteSelection();
    void renameSelection();
    void passwordDialog();
    void recoveryDialog();
    void compareDialog();
    void repairDialog();
    void extractToDialog();
    void convertDialog();
    void exportDialog();
    void showContextMenu(const QPoint& position);
    // Filters the tree; with a filter every folder leading to a match is open.
    void applyFilter(const QString& text);
    QStringList expandedFolders() const;  // their paths
    void restoreLayout();
    void saveLayout() const;
    // A file opened with another application was saved there: asks, then puts it back.
    void offerToUpdateEditedFile(const QString& localFile, const QString& entryPath, const QString& archive);

    EntriesModel* model_;
    EntriesProxy* proxy_;
    EntriesView* view_;
    QLineEdit* filter_;
    QStackedWidget* pages_;
    QLabel* summary_;
    QLabel* selection_summary_;  // what the selection holds, on the status bar's left
    JobRunner* runner_;
    EditedFiles* edited_;
    QWidget* jobs_widget_;
    QVBoxLayout* jobs_layout_;
    QMenu* recent_menu_ = nullptr;
    NotificationBar* notification_;
    TrayNotifier* tray_;
    std::unique_ptr<QTemporaryDir> session_temp_;  // drag-out and "open with" files live here
    int temp_serial_ = 0;
    std::function<void(const QString&, const QString&)> error_handler_;
    std::function<bool(const QString&, const QString&)> question_handler_;
    ChoiceHandler choice_handler_;
    std::function<QString(const QString&, const QString&, const QString&)> text_handler_;
    PasswordHandler password_handler_;
    // Passwords of the encrypted archives opened or created in this session, by absolute path.
    std::map<QString, nnz::Passphrase> passwords_;

    QAction* new_action_;
    QAction* new_from_folder_action_;
    QAction* open_action_;
    QAction* close_action_;
    QAction* add_action_;
    QAction* add_folder_action_;
    QAction* delete_action_;
    QAction* rename_action_;
    QAction* password_action_;
    QAction* recovery_action_;
    QAction* repair_action_;
    QAction* extract_action_;
    QAction* extract_to_action_;
    QAction* open_with_action_;
    QAction* preview_action_;
    QAction* copy_action_;
    QPointer<PreviewDialog> preview_;  // the open preview of this archive, if any
    QPointer<Job> preview_job_;        // the last preview asked for
    QAction* test_action_;
    QAction* test_selection_action_;
    QAction* compare_action_;
    QAction* convert_action_;
    QAction* export_action_;
    QAction* properties_action_;
    QAction* settings_action_;
    QAction* quit_action_;
};

}  // namespace nnz::ui
