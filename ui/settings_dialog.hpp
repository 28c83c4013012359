#pragma once
// User preferences (QSettings) with their dialog, and the small "new archive" dialog asked when
// files are dropped on an empty window.
#include <QComboBox>
#include <QDialog>
#include <QString>
#include <QStringList>

#include "jobs/compress_job.hpp"

class QCheckBox;
class QLineEdit;
class QLabel;
class QPushButton;
class QSpinBox;

namespace nnz::ui {
class PasswordFields;
}

namespace nnz::ui {

struct AppSettings {
    // Never: an existing file stops the job before it writes; Skip: existing files are left as
    // they are and the rest extracted (nnz::ExistingFiles::Skip; for a new archive, as Never);
    // KeepNewer: existing files are replaced but those newer than in the archive
    // (nnz::ExistingFiles::KeepNewer; for a new archive, as Never).
    enum class Overwrite { Ask, Never, Always, Skip, KeepNewer, KeepBoth };

    QString preset = QStringLiteral("default");  // "store" | "fast" | "default" | "max" | "gpu"
    QString device = QStringLiteral("auto");     // "auto" | "cpu" | "cuda"
    int threads = 0;                             // 0 = all cores
    QString extractFolder;                       // empty = next to the archive
    Overwrite overwrite = Overwrite::Ask;
    QStringList exclude;                         // patterns left out when compressing (EntryPatterns)
    bool skipUnreadable = false;                 // leave out, with a warning, what cannot be read or named
    bool followSymlinks = false;                 // store what symlinks point to (nnzip a -L)
    bool excludeVcs = false;                     // leave out .git, .svn... (nnzip a --exclude-vcs)
    bool excludeCaches = false;                  // leave out what CACHEDIR.TAG folders hold (--exclude-caches)
    bool excludeNoBackup = false;                // leave out what folders holding a .nobackup hold (--exclude-tag .nobackup)
    bool oneFileSystem = false;                  // do not enter mount points (--one-file-system)
    bool testArchives = false;                   // test what is written before keeping it (nnzip a --test)
    int recoveryPercent = 0;                     // recovery record of new archives, 0 = none
    QString nameCharset;                         // names that are not UTF-8 in other archives (--name-charset); empty: automatic

    static AppSettings load();
    // Stores them, and applies what holds for the whole process (applyToProcess).
    void save() const;
    // The character set of names that are not UTF-8 in foreign archives (nnz::set_name_charset),
    // for every archive opened from now on; one iconv does not know counts as automatic.
    void applyToProcess() const;
    // Compression options for a preset name ("store" selects the store codec).
    nnz::CompressOptions compressOptions(const QString& presetName) const;
    nnz::CompressOptions compressOptions() const { return compressOptions(preset); }
    // For an archive about to be made: compressOptions() with the recovery record of new archives
    // (edits keep the record their archive has).
    nnz::CompressOptions newArchiveOptions(const QString& presetName) const;
    nnz::CompressOptions newArchiveOptions() const { return newArchiveOptions(preset); }
    // "Fast preset · CPU · 2 threads", shown with a job so people see what it runs with.
    static QString describe(const nnz::CompressOptions& options);
    // The options with their warnings (skipped files, a preset meant for another machine)
    // collected in the job's control, which the progress panel shows.
    static nnz::CompressOptions warningTo(nnz::CompressOptions options, nnz::JobControl& control);

    static QStringList recentArchives();
    static void noteRecentArchive(const QString& path);  // most recent first, at most 10
    // The folders Extract To… extracted into, as the archives above.
    static QStringList recentExtractFolders();
    static void noteRecentExtractFolder(const QString& folder);
};

// Presets offered in the dialogs, with human labels.
QStringList presetNames();
QString presetLabel(const QString& name);

// The Existing files choice, in Settings and in Extract To….
class OverwriteBox : public QComboBox {
    Q_OBJECT
public:
    explicit OverwriteBox(AppSettings::Overwrite policy, QWidget* parent = nullptr);
    AppSettings::Overwrite policy() const;
    void setPolicy(AppSettings::Overwrite policy);
};

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& settings, QWidget* parent = nullptr);
    AppSettings settings() const;

private:
    QComboBox* preset_;
    QComboBox* device_;
    QSpinBox* threads_;
    QLineEdit* extract_folder_;
    OverwriteBox* overwrite_;
    QLineEdit* exclude_;
    QCheckBox* skip_unreadable_;
    QCheckBox* follow_symlinks_;
    QCheckBox* exclude_vcs_;
    QCheckBox* exclude_caches_;
    QCheckBox* exclude_nobackup_;
    QCheckBox* one_file_system_;
    QCheckBox* test_archives_;
    QSpinBox* recovery_;
    QComboBox* name_charset_;
};

class NewArchiveDialog : public QDialog {
    Q_OBJECT
public:
    NewArchiveDialog(const QStringList& inputs, const QString& suggestedArchive, const QString& preset,
                     QWidget* parent = nullptr);
    QString archivePath() const;
    QString preset() const;
    QStringList inputs() const { return inputs_; }
    void setArchivePath(const QString& path);
    void setPreset(const QString& name);
    // The password to encrypt with: empty unless "Encrypt with a password" is on and both fields
    // agree (Create stays disabled otherwise).
    QString password() const;
    // Turns encryption on with these two entries (tests; the fields can be typed into as well).
    void setPasswords(const QString& password, const QString& repeated);
    // The recovery record to add, in percent of the archive; 0 = none (the box unticked).
    int recoveryPercent() const;
    void setRecoveryPercent(int percent);
    // Volumes to split the archive into, in bytes; 0 = one file (the box unticked).
    quint64 volumeSize() const;
    void setVolumeSizeMiB(int mebibytes);  // 0 unticks it
    // Remove the files and folders once they are in the archive (nnzip a --remove-files); unticked
    // whenever the dialog opens.
    bool removeFiles() const;
    void setRemoveFiles(bool remove);
    // Off (greyed, unticked) where symlinks are followed (Settings): the targets would be removed.
    void allowRemovingFiles(bool allowed);
    // Test the archive before keeping it (nnzip a --test); as Settings say when the dialog opens.
    // Off (greyed) while the archive is split into volumes, which are tested after.
    bool testArchive() const;
    void setTestArchive(bool test);
    bool canCreate() const;

    // "<first input's folder>/<first input's name>.nnz", or "... (2).nnz" and so on when that is taken
    static QString suggestedArchiveFor(const QStringList& inputs);

private:
    void updatePasswordState();

    QStringList inputs_;
    QLineEdit* archive_;
    QComboBox* preset_;
    QCheckBox* encrypt_;
    PasswordFields* password_;
    QCheckBox* recovery_;
    QSpinBox* recovery_percent_;
    QCheckBox* split_;
    QSpinBox* volume_mib_;
    QCheckBox* remove_files_;
    QCheckBox* test_;
    QPushButton* create_;
};

}  // namespace nnz::ui
