#include "settings_dialog.hpp"

#include <filesystem>

#include "browse_row.hpp"
#include "password_fields.hpp"
#include "jobs/extract_job.hpp"
#include "progress_panel.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>
#include <QVBoxLayout>

#include "container/recovery_record.hpp"
#include "error.hpp"
#include "interop/foreign_names.hpp"
#include "interop/archive_export.hpp"
#include "neural/torch_lstm.hpp"

namespace nnz::ui {
namespace {

constexpr int kMaxRecent = 10;

// "[x] Option of [ 5 % ]": the number counts only while the box is ticked.
QLayout* optionRow(QCheckBox* option, QSpinBox* amount)
{
    amount->setAccessibleName(QString(option->text()).remove(QLatin1Char('&')));  // what the number is of
    amount->setEnabled(option->isChecked());
    QObject::connect(option, &QCheckBox::toggled, amount, &QWidget::setEnabled);
    auto* row = new QHBoxLayout;
    row->addWidget(option);
    row->addWidget(amount);
    row->addStretch();
    return row;
}

QString overwriteKey(AppSettings::Overwrite policy)
{
    switch (policy) {
    case AppSettings::Overwrite::Never: return QStringLiteral("never");
    case AppSettings::Overwrite::Always: return QStringLiteral("always");
    case AppSettings::Overwrite::Skip: return QStringLiteral("skip");
    case AppSettings::Overwrite::KeepNewer: return QStringLiteral("newer");
    case AppSettings::Overwrite::KeepBoth: return QStringLiteral("both");
    case AppSettings::Overwrite::Ask: break;
    }
    return QStringLiteral("ask");
}

AppSettings::Overwrite overwriteFromKey(const QString& key)
{
    return key == QLatin1String("never")    ? AppSettings::Overwrite::Never
           : key == QLatin1String("always") ? AppSettings::Overwrite::Always
           : key == QLatin1String("skip")   ? AppSettings::Overwrite::Skip
           : key == QLatin1String("newer")  ? AppSettings::Overwrite::KeepNewer
           : key == QLatin1String("both")   ? AppSettings::Overwrite::KeepBoth
                                            : AppSettings::Overwrite::Ask;
}

}  // namespace

QStringList presetNames()
{
    return {QStringLiteral("store"), QStringLiteral("fast"), QStringLiteral("default"), QStringLiteral("max"), QStringLiteral("gpu")};
}

QString presetLabel(const QString& name)
{
    if (name == QLatin1String("store")) return QObject::tr("Store (no compression)");
    if (name == QLatin1String("fast")) return QObject::tr("Fast (small network)");
    if (name == QLatin1String("max")) return QObject::tr("Maximum (large network, slow)");
    if (name == QLatin1String("gpu")) return QObject::tr("GPU (64 lanes, for an NVIDIA GPU)");
    return QObject::tr("Default");
}

AppSettings AppSettings::load()
{
    QSettings store;
    AppSettings s;
    s.preset = store.value(QStringLiteral("compress/preset"), s.preset).toString();
    if (!presetNames().contains(s.preset)) s.preset = QStringLiteral("default");
    s.device = store.value(QStringLiteral("compress/device"), s.device).toString();
    s.threads = std::max(0, store.value(QStringLiteral("compress/threads"), 0).toInt());
    s.extractFolder = store.value(QStringLiteral("extract/folder")).toString();
    s.exclude = store.value(QStringLiteral("compress/exclude")).toStringList();
    s.exclude.removeAll(QString());  // an empty pattern would refuse every job
    s.skipUnreadable = store.value(QStringLiteral("compress/skipUnreadable"), false).toBool();
    s.followSymlinks = store.value(QStringLiteral("compress/followSymlinks"), false).toBool();
    s.excludeVcs = store.value(QStringLiteral("compress/excludeVcs"), false).toBool();
    s.excludeCaches = store.value(QStringLiteral("compress/excludeCaches"), false).toBool();
    s.excludeNoBackup = store.value(QStringLiteral("compress/excludeNoBackup"), false).toBool();
    s.oneFileSystem = store.value(QStringLiteral("compress/oneFileSystem"), false).toBool();
    s.testArchives = store.value(QStringLiteral("compress/testArchives"), false).toBool();
    s.recoveryPercent = std::clamp(store.value(QStringLiteral("compress/recoveryPercent"), 0).toInt(), 0,
                                   int(nnz::kMaxRecoveryPercent));
    s.overwrite = overwriteFromKey(store.value(QStringLiteral("extract/overwrite")).toString());
    s.nameCharset = store.value(QStringLiteral("read/nameCharset")).toString();
    return s;
}

void AppSettings::save() const
{
    QSettings store;
    store.setValue(QStringLiteral("compress/preset"), preset);
    store.setValue(QStringLiteral("compress/device"), device);
    store.setValue(QStringLiteral("compress/threads"), threads);
    store.setValue(QStringLiteral("extract/folder"), extractFolder);
    store.setValue(QStringLiteral("compress/exclude"), exclude);
    store.setValue(QStringLiteral("compress/skipUnreadable"), skipUnreadable);
    store.setValue(QStringLiteral("compress/followSymlinks"), followSymlinks);
    store.setValue(QStringLiteral("compress/excludeVcs"), excludeVcs);
    store.setValue(QStringLiteral("compress/excludeCaches"), excludeCaches);
    store.setValue(QStringLiteral("compress/excludeNoBackup"), excludeNoBackup);
    store.setValue(QStringLiteral("compress/oneFileSystem"), oneFileSystem);
    store.setValue(QStringLiteral("compress/testArchives"), testArchives);
    store.setValue(QStringLiteral("compress/recoveryPercent"), recoveryPercent);
    store.setValue(QStringLiteral("extract/overwrite"), overwriteKey(overwrite));
    store.setValue(QStringLiteral("read/nameCharset"), nameCharset);
    applyToProcess();
}

void AppSettings::applyToProcess() const
{
    try {
        nnz::set_name_charset(nameCharset.toStdString());
    } catch (const nnz::Error&) {
        nnz::set_name_charset({});  // a set edited into the file by hand that iconv does not know
    }
}

nnz::CompressOptions AppSettings::compressOptions(const QString& presetName) const
{
    nnz::CompressOptions options;
    if (presetName == QLatin1String("store")) {
        options.codec = "store";
    } else {
        options.codec = "neural";
        options.preset = presetNames().contains(presetName) ? presetName.toStdString() : "default";
    }
    options.device = device == QLatin1String("cpu")    ? nnz::Device::Cpu
                     : device == QLatin1String("cuda") ? nnz::Device::Cuda
                                                       : nnz::Device::Auto;
    options.threads = threads;
    for (const QString& pattern : exclude) options.exclude.push_back(pattern.toStdString());
    options.skip_unreadable = skipUnreadable;
    options.follow_symlinks = followSymlinks;
    options.exclude_vcs = excludeVcs;
    options.exclude_caches = excludeCaches;
    if (excludeNoBackup) options.exclude_tags.push_back(".nobackup");
    options.one_file_system = oneFileSystem;
    options.test = testArchives;
    return options;
}

nnz::CompressOptions AppSettings::newArchiveOptions(const QString& presetName) const
{
    nnz::CompressOptions options = compressOptions(presetName);
    if (recoveryPercent > 0) options.recovery_percent = unsigned(recoveryPercent);
    return options;
}

nnz::CompressOptions AppSettings::warningTo(nnz::CompressOptions options, nnz::JobControl& control)
{
    options.on_warning = [&control](const std::string& warning) { control.add_warning(warning); };
    return options;
}

QString AppSettings::describe(const nnz::CompressOptions& options)
{
    QString text;
    if (options.codec == "store") {
        text = QObject::tr("Stored without compression");
    } else {
        const QString preset = presetLabel(QString::fromStdString(options.preset));
        const QString device = options.device == nnz::Device::Cpu    ? QObject::tr("CPU")
                               : options.device == nnz::Device::Cuda ? QObject::tr("CUDA GPU")
                                                                     : QObject::tr("automatic device");
        const QString threads = options.threads > 0 ? QObject::tr("%n thread(s)", nullptr, options.threads)
                                                    : QObject::tr("all cores");
        text = QObject::tr("%1 · %2 · %3").arg(preset, device, threads);
    }
    QStringList leftOut;
    for (const auto& pattern : options.exclude) leftOut << QString::fromStdString(pattern);
    if (options.exclude_vcs) leftOut << QObject::tr("version control");
    if (options.exclude_caches) leftOut << QObject::tr("caches");
    for (const auto& tag : options.exclude_tags) leftOut << QObject::tr("folders with a %1").arg(QString::fromStdString(tag));
    if (options.one_file_system) leftOut << QObject::tr("other file systems");
    if (!leftOut.isEmpty()) text += QObject::tr(" · leaving out %1").arg(leftOut.join(QStringLiteral(", ")));
    if (options.recovery_percent && *options.recovery_percent > 0)
        text += QObject::tr(" · recovery record %1%").arg(*options.recovery_percent);
    if (options.volume_size > 0 && options.volume_size % (1u << 20) == 0)
        text += QObject::tr(" · volumes of %1 MiB").arg(options.volume_size >> 20);
    else if (options.volume_size > 0)
        text += QObject::tr(" · volumes of %1").arg(formatBytes(double(options.volume_size)));
    if (options.follow_symlinks) text += QObject::tr(" · following symbolic links");
    if (options.remove_files) text += QObject::tr(" · deleting the files once archived");
    if (options.test) text += QObject::tr(" · tested before it is kept");
    return text;
}

QStringList AppSettings::recentArchives()
{
    return QSettings().value(QStringLiteral("recent/archives")).toStringList();
}

namespace {

// Puts path first in the list under key, at most kMaxRecent long.
void noteRecent(const QString& key, const QString& path)
{
    QStringList recent = QSettings().value(key).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent) recent.removeLast();
    QSettings().setValue(key, recent);
}

}  // namespace

void AppSettings::noteRecentArchive(const QString& path) { noteRecent(QStringLiteral("recent/archives"), path); }

QStringList AppSettings::recentExtractFolders()
{
    return QSettings().value(QStringLiteral("recent/extractFolders")).toStringList();
}

void AppSettings::noteRecentExtractFolder(const QString& folder) { noteRecent(QStringLiteral("recent/extractFolders"), folder); }

OverwriteBox::OverwriteBox(AppSettings::Overwrite policy, QWidget* parent) : QComboBox(parent)
{
    setObjectName(QStringLiteral("overwrite"));
    addItem(tr("Ask"), QStringLiteral("ask"));
    addItem(tr("Never overwrite"), QStringLiteral("never"));
    addItem(tr("Always overwrite"), QStringLiteral("always"));
    addItem(tr("Keep existing files, extract the rest"), QStringLiteral("skip"));
    addItem(tr("Replace older files, keep newer ones"), QStringLiteral("newer"));
    addItem(tr("Keep both: extract under new names (a (2).txt)"), QStringLiteral("both"));
    setPolicy(policy);
}

AppSettings::Overwrite OverwriteBox::policy() const { return overwriteFromKey(currentData().toString()); }
void OverwriteBox::setPolicy(AppSettings::Overwrite policy) { setCurrentIndex(std::max(0, findData(overwriteKey(policy)))); }

SettingsDialog::SettingsDialog(const AppSettings& settings, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("nnzip Settings"));
    preset_ = new QComboBox(this);
    preset_->setObjectName(QStringLiteral("preset"));
    for (const QString& name : presetNames()) preset_->addItem(presetLabel(name), name);
    preset_->setCurrentIndex(std::max(0, preset_->findData(settings.preset)));

    device_ = new QComboBox(this);
    device_->setObjectName(QStringLiteral("device"));
    device_->addItem(tr("Automatic"), QStringLiteral("auto"));
    device_->addItem(tr("CPU"), QStringLiteral("cpu"));
    device_->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    if (!nnz::torch_cuda_available()) {
        // Greyed out rather than hidden, so people see the option exists.
        auto* items = qobject_cast<QStandardItemModel*>(device_->model());
        if (auto* cuda = items ? items->item(2) : nullptr) {
            cuda->setEnabled(false);
            cuda->setToolTip(tr("This build or machine has no CUDA support"));
        }
    }
    device_->setCurrentIndex(std::max(0, device_->findData(settings.device)));
    if (!nnz::torch_cuda_available() && device_->currentIndex() == 2) device_->setCurrentIndex(0);

    threads_ = new QSpinBox(this);
    threads_->setObjectName(QStringLiteral("threads"));
    threads_->setRange(0, 1024);
    threads_->setSpecialValueText(tr("All cores (%1)").arg(QThread::idealThreadCount()));
    threads_->setValue(settings.threads);

    extract_folder_ = new QLineEdit(settings.extractFolder, this);
    extract_folder_->setObjectName(QStringLiteral("extractFolder"));
    extract_folder_->setPlaceholderText(tr("Next to the archive"));
    extract_folder_->setAccessibleName(tr("Extract to"));  // its label names the row with the Browse button
    QWidget* folderRow = withBrowseButton(extract_folder_, this, [this] {
        return QFileDialog::getExistingDirectory(this, tr("Default Extraction Folder"), extract_folder_->text());
    });

    overwrite_ = new OverwriteBox(settings.overwrite, this);

    exclude_ = new QLineEdit(settings.exclude.join(QStringLiteral("; ")), this);
    exclude_->setObjectName(QStringLiteral("exclude"));
    exclude_->setPlaceholderText(tr("Nothing, for example .git; *.o; node_modules"));
    exclude_->setToolTip(tr("Names to leave out of new archives and added files, separated by ';'. "
                            "A pattern without '/' is tried on every name (a folder goes with "
                            "everything in it); one with '/' on the path from the top. * and ? "
                            "stand for any characters or one."));

    skip_unreadable_ = new QCheckBox(tr("Leave out files that cannot be read, with a warning"), this);
    skip_unreadable_->setObjectName(QStringLiteral("skipUnreadable"));
    skip_unreadable_->setToolTip(tr("Files without read permission, and names an archive cannot hold (not "
                                    "UTF-8). Unticked, such a file stops the job and no archive is written."));
    skip_unreadable_->setChecked(settings.skipUnreadable);

    follow_symlinks_ = new QCheckBox(tr("Store what symbolic links point to, not the links"), this);
    follow_symlinks_->setObjectName(QStringLiteral("followSymlinks"));
    follow_symlinks_->setToolTip(tr("A linked file is stored with its content, a linked folder with everything in it, "
                                    "under the link's name (nnzip a -L). Unticked, links are stored as links."));
    follow_symlinks_->setChecked(settings.followSymlinks);

    exclude_vcs_ = new QCheckBox(tr("Leave out version control folders (.git, .svn, .hg, CVS…)"), this);
    exclude_vcs_->setObjectName(QStringLiteral("excludeVcs"));
    exclude_vcs_->setToolTip(tr("The folders and files version control keeps, anywhere in the tree (nnzip a --exclude-vcs)."));
    exclude_vcs_->setChecked(settings.excludeVcs);
    exclude_caches_ = new QCheckBox(tr("Leave out what cache folders hold (tagged with CACHEDIR.TAG)"), this);
    exclude_caches_->setObjectName(QStringLiteral("excludeCaches"));
    exclude_caches_->setToolTip(tr("A folder holding a CACHEDIR.TAG is stored with that file only: caches can be made "
                                   "again (nnzip a --exclude-caches)."));
    exclude_caches_->setChecked(settings.excludeCaches);
    exclude_nobackup_ = new QCheckBox(tr("Leave out what folders marked with a .nobackup file hold"), this);
    exclude_nobackup_->setObjectName(QStringLiteral("excludeNoBackup"));
    exclude_nobackup_->setToolTip(tr("A folder holding a file named .nobackup is stored with that file only "
                                     "(nnzip a --exclude-tag .nobackup)."));
    exclude_nobackup_->setChecked(settings.excludeNoBackup);
    one_file_system_ = new QCheckBox(tr("Stay on one file system (leave out what is mounted inside)"), this);
    one_file_system_->setObjectName(QStringLiteral("oneFileSystem"));
    one_file_system_->setToolTip(tr("A folder on which another disk, a network share or /proc is mounted is stored "
                                    "empty (nnzip a --one-file-system)."));
    one_file_system_->setChecked(settings.oneFileSystem);
    test_archives_ = new QCheckBox(tr("Test archives before keeping them"), this);
    test_archives_->setObjectName(QStringLiteral("testArchives"));
    test_archives_->setToolTip(tr("A new or changed archive is decoded and every checksum verified before it replaces "
                                  "anything; one that fails is not kept (nnzip a --test). It takes about as long again."));
    test_archives_->setChecked(settings.testArchives);

    recovery_ = new QSpinBox(this);
    recovery_->setObjectName(QStringLiteral("recoveryPercent"));
    recovery_->setRange(0, int(nnz::kMaxRecoveryPercent));
    recovery_->setSuffix(tr(" %"));
    recovery_->setSpecialValueText(tr("None"));
    recovery_->setToolTip(tr("Parity data added to new archives, in percent of their size. With it, Repair "
                             "Archive rebuilds damaged parts exactly: up to about that share of the archive."));
    recovery_->setValue(settings.recoveryPercent);

    name_charset_ = new QComboBox(this);
    name_charset_->setObjectName(QStringLiteral("nameCharset"));
    name_charset_->setToolTip(tr("The character set of file names that are not UTF-8 in zips, tars and other archives "
                                 "made elsewhere (nnzip --name-charset). Automatic reads a zip's as Windows writes them "
                                 "(code page 437)."));
    name_charset_->addItem(tr("Automatic"), QString());
    const std::pair<const char*, const char*> charsets[] = {
        {"CP932", QT_TR_NOOP("Japanese (CP932, Shift JIS)")},     {"CP936", QT_TR_NOOP("Chinese, simplified (CP936, GBK)")},
        {"CP950", QT_TR_NOOP("Chinese, traditional (CP950, Big5)")}, {"CP949", QT_TR_NOOP("Korean (CP949)")},
        {"CP866", QT_TR_NOOP("Cyrillic, DOS (CP866)")},            {"CP1251", QT_TR_NOOP("Cyrillic, Windows (CP1251)")},
        {"CP850", QT_TR_NOOP("Western European, DOS (CP850)")},    {"CP1252", QT_TR_NOOP("Western European, Windows (CP1252)")},
        {"ISO-8859-2", QT_TR_NOOP("Central European (ISO-8859-2)")}, {"CP1250", QT_TR_NOOP("Central European, Windows (CP1250)")},
        {"ISO-8859-7", QT_TR_NOOP("Greek (ISO-8859-7)")}};
    for (const auto& [charset, label] : charsets) name_charset_->addItem(tr(label), QString::fromLatin1(charset));
    if (name_charset_->findData(settings.nameCharset) < 0)
        name_charset_->addItem(settings.nameCharset, settings.nameCharset);  // one written into the file by hand
    name_charset_->setCurrentIndex(name_charset_->findData(settings.nameCharset));

    auto* form = new QFormLayout;
    form->addRow(tr("Default &preset:"), preset_);
    form->addRow(tr("&Device:"), device_);
    form->addRow(tr("Worker &threads:"), threads_);
    form->addRow(tr("Leave &out:"), exclude_);
    form->addRow(QString(), skip_unreadable_);
    form->addRow(QString(), exclude_vcs_);
    form->addRow(QString(), exclude_caches_);
    form->addRow(QString(), exclude_nobackup_);
    form->addRow(QString(), one_file_system_);
    form->addRow(QString(), test_archives_);
    form->addRow(QString(), follow_symlinks_);
    form->addRow(tr("&Recovery record:"), recovery_);
    form->addRow(tr("&Extract to:"), folderRow);
    form->addRow(tr("Existing &files:"), overwrite_);
    form->addRow(tr("&Names in other archives:"), name_charset_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s;
    s.preset = preset_->currentData().toString();
    s.device = device_->currentData().toString();
    s.threads = threads_->value();
    s.extractFolder = QDir::fromNativeSeparators(extract_folder_->text().trimmed());
    for (const QString& pattern : exclude_->text().split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (const QString trimmed = pattern.trimmed(); !trimmed.isEmpty()) s.exclude << trimmed;
    s.skipUnreadable = skip_unreadable_->isChecked();
    s.followSymlinks = follow_symlinks_->isChecked();
    s.excludeVcs = exclude_vcs_->isChecked();
    s.excludeCaches = exclude_caches_->isChecked();
    s.excludeNoBackup = exclude_nobackup_->isChecked();
    s.oneFileSystem = one_file_system_->isChecked();
    s.testArchives = test_archives_->isChecked();
    s.recoveryPercent = recovery_->value();
    s.overwrite = overwrite_->policy();
    s.nameCharset = name_charset_->currentData().toString();
    return s;
}

NewArchiveDialog::NewArchiveDialog(const QStringList& inputs, const QString& suggestedArchive, const QString& preset,
                                   QWidget* parent)
    : QDialog(parent), inputs_(inputs)
{
    setWindowTitle(tr("Create Archive"));
    auto* what = new QLabel(this);
    what->setWordWrap(true);
    what->setText(inputs.size() == 1 ? tr("Create a new archive from %1?").arg(QFileInfo(inputs.first()).fileName())
                                     : tr("Create a new archive from %n item(s)?", nullptr, int(inputs.size())));
    archive_ = new QLineEdit(QDir::toNativeSeparators(suggestedArchive), this);
    archive_->setMinimumWidth(360);
    archive_->setAccessibleName(tr("Archive"));
    QWidget* archiveRow = withBrowseButton(archive_, this, [this] {
        return QFileDialog::getSaveFileName(this, tr("New Archive"), archive_->text(), tr("nnzip archives (*.nnz)"));
    });
    preset_ = new QComboBox(this);
    for (const QString& name : presetNames()) preset_->addItem(presetLabel(name), name);
    setPreset(preset);

    encrypt_ = new QCheckBox(tr("&Encrypt with a password (contents and names)"), this);
    password_ = new PasswordFields(this);
    connect(password_, &PasswordFields::changed, this, &NewArchiveDialog::updatePasswordState);
    connect(encrypt_, &QCheckBox::toggled, this, &NewArchiveDialog::updatePasswordState);

    recovery_ = new QCheckBox(tr("Add a recovery &record of"), this);
    recovery_->setToolTip(tr("Parity data with which Repair Archive rebuilds damaged parts of the archive "
                             "exactly, up to about this share of its size"));
    recovery_percent_ = new QSpinBox(this);
    recovery_percent_->setRange(int(nnz::kMinRecoveryPercent), int(nnz::kMaxRecoveryPercent));
    recovery_percent_->setSuffix(tr(" %"));
    recovery_percent_->setValue(5);
    QLayout* recoveryRow = optionRow(recovery_, recovery_percent_);

    split_ = new QCheckBox(tr("&Split into volumes of"), this);
    split_->setToolTip(tr("NAME.nnz.001, NAME.nnz.002, ...: for media, mail or upload limits. nnzip reads and "
                          "changes them as one archive."));
    volume_mib_ = new QSpinBox(this);
    volume_mib_->setRange(1, 1024 * 1024);
    volume_mib_->setSuffix(tr(" MiB"));
    volume_mib_->setValue(100);
    QLayout* splitRow = optionRow(split_, volume_mib_);

    remove_files_ = new QCheckBox(tr("&Delete the files once they are in the archive"), this);
    remove_files_->setToolTip(tr("Moves them into the archive: each file's content is verified in the finished "
                                 "archive first, and a file that changed meanwhile is kept."));

    test_ = new QCheckBox(tr("&Test the archive before keeping it"), this);
    test_->setToolTip(tr("It is decoded and every checksum verified before it replaces anything; one that fails is "
                         "not kept. It takes about as long again."));

    auto* form = new QFormLayout;
    form->addRow(tr("&Archive:"), archiveRow);
    form->addRow(tr("&Compression:"), preset_);
    form->addRow(recoveryRow);
    form->addRow(splitRow);
    form->addRow(remove_files_);
    form->addRow(test_);
    form->addRow(encrypt_);
    form->addRow(password_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    create_ = buttons->addButton(tr("C&reate"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (!nnz::encryption_available()) {
        encrypt_->setEnabled(false);
        encrypt_->setToolTip(tr("This nnzip was built without encryption (libsodium)."));
    }
    updatePasswordState();
}

void NewArchiveDialog::updatePasswordState()
{
    password_->setVisible(encrypt_->isChecked());
    create_->setEnabled(canCreate());
}

bool NewArchiveDialog::canCreate() const { return !encrypt_->isChecked() || password_->acceptable(); }

QString NewArchiveDialog::password() const { return encrypt_->isChecked() ? password_->password() : QString(); }

void NewArchiveDialog::setPasswords(const QString& password, const QString& repeated)
{
    encrypt_->setChecked(true);
    password_->setPasswords(password, repeated);
}

int NewArchiveDialog::recoveryPercent() const { return recovery_->isChecked() ? recovery_percent_->value() : 0; }

void NewArchiveDialog::setRecoveryPercent(int percent)
{
    recovery_->setChecked(percent > 0);
    if (percent > 0) recovery_percent_->setValue(percent);
}

quint64 NewArchiveDialog::volumeSize() const { return split_->isChecked() ? quint64(volume_mib_->value()) << 20 : 0; }

void NewArchiveDialog::setVolumeSizeMiB(int mebibytes)
{
    split_->setChecked(mebibytes > 0);
    if (mebibytes > 0) volume_mib_->setValue(mebibytes);
}

bool NewArchiveDialog::removeFiles() const { return remove_files_->isChecked(); }
void NewArchiveDialog::setRemoveFiles(bool remove) { remove_files_->setChecked(remove); }

bool NewArchiveDialog::testArchive() const { return test_->isChecked(); }
void NewArchiveDialog::setTestArchive(bool test) { test_->setChecked(test); }

void NewArchiveDialog::allowRemovingFiles(bool allowed)
{
    remove_files_->setEnabled(allowed);
    if (allowed) return;
    remove_files_->setChecked(false);
    remove_files_->setToolTip(tr("Not while Settings store what symbolic links point to: the files they lead to "
                                 "would be deleted."));
}

QString NewArchiveDialog::archivePath() const
{
    QString path = QDir::fromNativeSeparators(archive_->text().trimmed());
    // A .zip, .7z or .tar.* name asks for that format (written for other tools, as `nnzip a`).
    const bool standard = nnz::export_format_for(std::filesystem::path(path.toStdString())).has_value();
    if (!path.isEmpty() && !standard && !path.endsWith(QLatin1String(".nnz"), Qt::CaseInsensitive))
        path += QLatin1String(".nnz");
    return path;
}

QString NewArchiveDialog::preset() const { return preset_->currentData().toString(); }
void NewArchiveDialog::setArchivePath(const QString& path) { archive_->setText(QDir::toNativeSeparators(path)); }
void NewArchiveDialog::setPreset(const QString& name) { preset_->setCurrentIndex(std::max(0, preset_->findData(name))); }

QString NewArchiveDialog::suggestedArchiveFor(const QStringList& inputs)
{
    if (inputs.isEmpty()) return QDir::home().filePath(tr("archive") + QStringLiteral(".nnz"));
    QString first = QDir::cleanPath(QFileInfo(inputs.first()).absoluteFilePath());
    const QFileInfo info(first);
    QString name = info.fileName();
    if (name.isEmpty()) name = tr("archive");
    // A name not taken, so that accepting the suggestion never replaces anything: "docs (2).nnz".
    const QString plain = info.dir().filePath(name + QStringLiteral(".nnz"));
    QString suggested = plain;
    for (unsigned n = 2; QFileInfo::exists(suggested) || QFileInfo(suggested).isSymLink(); ++n)
        suggested = QString::fromStdString(nnz::numbered_name(plain.toStdString(), n));
    return suggested;
}

}  // namespace nnz::ui
