// Settings: the QSettings round trip, the dialog (CUDA greyed out without a device), and that
// the jobs the window starts really use the preset, device, threads, recovery record, extraction folder and
// overwrite policy.
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QCheckBox>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "container/archive_reader.hpp"
#include "entries_model.hpp"
#include "job_runner.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/extract_job.hpp"
#include "interop/opened_archive.hpp"
#include "accessible_names.hpp"
#include "label_buddies.hpp"
#include "password_dialog.hpp"
#include "raw_archives.hpp"
#include "remove_by_bytes.hpp"
#include "main_window.hpp"
#include "neural/torch_lstm.hpp"
#include "progress_panel.hpp"
#include "settings_dialog.hpp"

namespace fs = std::filesystem;
using nnz::ui::AppSettings;
using nnz::ui::Job;
using nnz::ui::MainWindow;
using nnz::ui::NewArchiveDialog;
using nnz::ui::SettingsDialog;
Q_DECLARE_METATYPE(AppSettings::Overwrite)

namespace {

void writeFile(const fs::path& path, const std::string& content)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

QString q(const fs::path& path) { return QString::fromStdString(path.string()); }

bool waitIdle(MainWindow& window)
{
    QTest::qWait(20);
    QElapsedTimer clock;
    clock.start();
    while (window.jobRunner()->busy() && clock.elapsed() < 60000) QTest::qWait(20);
    QTest::qWait(20);
    return !window.jobRunner()->busy();
}

bool sameSettings(const AppSettings& a, const AppSettings& b)
{
    return a.preset == b.preset && a.device == b.device && a.threads == b.threads && a.extractFolder == b.extractFolder &&
           a.overwrite == b.overwrite && a.exclude == b.exclude && a.skipUnreadable == b.skipUnreadable &&
           a.followSymlinks == b.followSymlinks && a.excludeVcs == b.excludeVcs && a.excludeCaches == b.excludeCaches &&
           a.excludeNoBackup == b.excludeNoBackup &&
           a.oneFileSystem == b.oneFileSystem &&
           a.testArchives == b.testArchives && a.recoveryPercent == b.recoveryPercent && a.nameCharset == b.nameCharset;
}

// Selects the rows whose entry path is one of paths.
void selectEntries(MainWindow& window, const QStringList& paths)
{
    window.entriesView()->selectionModel()->clearSelection();
    for (const QString& path : paths) {
        const QModelIndex item = window.proxyModel()->mapFromSource(window.entriesModel()->indexOfPath(path));
        QVERIFY2(item.isValid(), qPrintable(path));
        window.entriesView()->selectionModel()->select(item, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

}  // namespace

class TestSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void roundTrip_data();
    void roundTrip();
    void dialogShowsAndReturnsTheSettings();
    void mnemonicsLeadToTheirFields();
    void nameCharsetReachesEveryArchiveOpened();
    void dialogFromTheWindowSavesOnOk();
    void cudaIsGreyedOutWithoutADevice();
    void compressOptionsFollowTheSettings();
    void presetReachesTheJobs_data();
    void presetReachesTheJobs();
    void deviceAndThreadsReachTheJobs();
    void recoveryRecordReachesNewArchivesOnly();
    void exclusionsReachTheJobs();
    void followingSymlinksReachesTheJobs();
    void unreadableFilesFollowTheSetting_data();
    void unreadableFilesFollowTheSetting();
    void warningsReachThePanel_data();
    void warningsReachThePanel();
    void extractionFolderIsUsed();
    void overwritePolicyIsUsed_data();
    void overwritePolicyIsUsed();
    void keepNewerPolicyIsUsed();
    void newArchiveMeetsATakenName_data();
    void newArchiveMeetsATakenName();
    void suggestedNameIsFree();

private:
    fs::path makeArchive(const std::string& name);
    QTemporaryDir temp_;
    fs::path root_;
};

void TestSettings::initTestCase()
{
    QVERIFY(temp_.isValid());
    root_ = fs::path(temp_.path().toStdString());
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString((root_ / "config").string()));
    QCoreApplication::setOrganizationName(QStringLiteral("nnzip-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("settings"));
    writeFile(root_ / "src" / "a.txt", "alpha alpha alpha alpha alpha alpha alpha alpha\n");
    writeFile(root_ / "src" / "b.txt", "beta\n");
    writeFile(root_ / "more" / "c.txt", "the neural model learns the bytes it has already coded, the neural model\n");
}

// QTemporaryDir cannot remove the name that is not UTF-8 unreadableFilesFollowTheSetting makes.
void TestSettings::cleanupTestCase() { const RemoveByBytes removed{root_}; }

void TestSettings::init() { AppSettings{}.save(); }

fs::path TestSettings::makeArchive(const std::string& name)
{
    const fs::path archive = root_ / name;
    fs::remove(archive);
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    const std::vector<fs::path> inputs{root_ / "src" / "a.txt", root_ / "src" / "b.txt"};
    nnz::compress_paths(archive, inputs, options, control);
    return archive;
}

void TestSettings::roundTrip_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("device");
    QTest::addColumn<int>("threads");
    QTest::addColumn<QString>("folder");
    QTest::addColumn<AppSettings::Overwrite>("overwrite");
    QTest::addColumn<QStringList>("exclude");
    QTest::newRow("defaults") << "default" << "auto" << 0 << "" << AppSettings::Overwrite::Ask << QStringList{};
    QTest::newRow("fast, keep existing") << "fast" << "cpu" << 2 << "" << AppSettings::Overwrite::Skip << QStringList{};
    QTest::newRow("default, keep both") << "default" << "cpu" << 4 << "" << AppSettings::Overwrite::KeepBoth << QStringList{};
    QTest::newRow("max, keep newer") << "max" << "auto" << 3 << "" << AppSettings::Overwrite::KeepNewer << QStringList{"*.tmp"};
    QTest::newRow("store, cpu, never") << "store" << "cpu" << 3 << "/tmp/out" << AppSettings::Overwrite::Never
                                       << QStringList{".git"};
    QTest::newRow("max, cuda, always") << "max" << "cuda" << 16 << "/srv/x y" << AppSettings::Overwrite::Always
                                       << QStringList{"*.o", "build dir/cache"};
    QTest::newRow("fast") << "fast" << "auto" << 1 << "" << AppSettings::Overwrite::Ask << QStringList{};
    QTest::newRow("gpu, cuda") << "gpu" << "cuda" << 0 << "" << AppSettings::Overwrite::Ask << QStringList{};
}

void TestSettings::roundTrip()
{
    QFETCH(QString, preset);
    QFETCH(QString, device);
    QFETCH(int, threads);
    QFETCH(QString, folder);
    QFETCH(AppSettings::Overwrite, overwrite);
    QFETCH(QStringList, exclude);
    AppSettings saved;
    saved.exclude = exclude;
    saved.skipUnreadable = !exclude.isEmpty();
    saved.followSymlinks = threads % 2 == 1;
    saved.excludeVcs = !exclude.isEmpty();
    saved.excludeCaches = threads % 2 == 0;
    saved.excludeNoBackup = threads % 2 == 1;
    saved.oneFileSystem = threads % 3 == 1;
    saved.testArchives = threads % 3 == 0;
    saved.recoveryPercent = threads * 3;  // 0 (none) and some percents
    saved.preset = preset;
    saved.device = device;
    saved.threads = threads;
    saved.extractFolder = folder;
    saved.overwrite = overwrite;
    saved.save();
    QVERIFY(sameSettings(AppSettings::load(), saved));
}

// Names in other archives: saved, it holds for every foreign archive opened after (a tar of
// Latin-1 names), Automatic again for none; a set in the file that iconv does not know is as
// Automatic. The dialog offers what is saved, one written by hand too.
void TestSettings::nameCharsetReachesEveryArchiveOpened()
{
    std::ofstream(root_ / "latin.tar", std::ios::binary) << tar_with_raw_name("caf\xe9.txt", "x");
    const auto first_name = [&] { return nnz::open_archive(root_ / "latin.tar")->foreign()->entries().front(); };
    AppSettings settings = AppSettings::load();
    settings.nameCharset = QStringLiteral("ISO-8859-1");
    settings.save();
    QCOMPARE(AppSettings::load().nameCharset, QStringLiteral("ISO-8859-1"));
    QCOMPARE(QString::fromStdString(first_name().info.path), QString::fromUtf8("café.txt"));
    settings.nameCharset = QStringLiteral("NO-SUCH-SET");
    settings.save();
    QCOMPARE(first_name().problem_code, nnz::ErrorCode::Unsafe);
    const SettingsDialog dialog(settings);
    QCOMPARE(dialog.settings().nameCharset, QStringLiteral("NO-SUCH-SET"));
    settings.nameCharset.clear();
    settings.save();
    QCOMPARE(first_name().problem_code, nnz::ErrorCode::Unsafe);
    QCOMPARE(SettingsDialog(settings).settings().nameCharset, QString());
}

// Alt+letter of every label reaches a field (a row of a line edit and a Browse button included).
void TestSettings::mnemonicsLeadToTheirFields()
{
    const SettingsDialog settings{AppSettings()};
    QCOMPARE(labelsWithoutBuddy(settings), QStringList());
    QCOMPARE(unnamedFields(settings), QStringList());  // and a screen reader names every field
    const NewArchiveDialog creating({QStringLiteral("/tmp/docs")}, QStringLiteral("/tmp/docs.nnz"), QStringLiteral("default"));
    QCOMPARE(labelsWithoutBuddy(creating), QStringList());
    QCOMPARE(unnamedFields(creating), QStringList());
    const nnz::ui::PasswordDialog password(QStringLiteral("a.nnz"), true);
    QCOMPARE(labelsWithoutBuddy(password), QStringList());
    QCOMPARE(unnamedFields(password), QStringList());
}

void TestSettings::dialogShowsAndReturnsTheSettings()
{
    AppSettings settings;
    settings.preset = QStringLiteral("fast");
    settings.device = QStringLiteral("cpu");
    settings.threads = 4;
    settings.extractFolder = QStringLiteral("/tmp/somewhere");
    settings.overwrite = AppSettings::Overwrite::Never;
    settings.exclude = QStringList{".git", "*.o"};
    settings.skipUnreadable = true;
    settings.followSymlinks = true;
    settings.excludeVcs = true;
    settings.excludeCaches = true;
    settings.excludeNoBackup = true;
    settings.oneFileSystem = true;
    settings.testArchives = true;
    settings.recoveryPercent = 8;
    settings.nameCharset = QStringLiteral("CP932");
    SettingsDialog dialog(settings);
    QCOMPARE(dialog.findChild<QComboBox*>(QStringLiteral("nameCharset"))->currentData().toString(), QStringLiteral("CP932"));
    QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("testArchives"))->isChecked());
    QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("excludeVcs"))->isChecked());
    QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("excludeCaches"))->isChecked());
    QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("excludeNoBackup"))->isChecked());
    QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("oneFileSystem"))->isChecked());
    QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("followSymlinks"))->isChecked());
    QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("recoveryPercent"))->value(), 8);
    QVERIFY(dialog.findChild<QCheckBox*>(QStringLiteral("skipUnreadable"))->isChecked());
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("exclude"))->text(), QStringLiteral(".git; *.o"));
    QCOMPARE(dialog.findChild<QComboBox*>(QStringLiteral("preset"))->currentData().toString(), QStringLiteral("fast"));
    QCOMPARE(dialog.findChild<QComboBox*>(QStringLiteral("device"))->currentData().toString(), QStringLiteral("cpu"));
    QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("threads"))->value(), 4);
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("extractFolder"))->text(), QStringLiteral("/tmp/somewhere"));
    QCOMPARE(dialog.findChild<QComboBox*>(QStringLiteral("overwrite"))->currentData().toString(), QStringLiteral("never"));
    QVERIFY(sameSettings(dialog.settings(), settings));
}

void TestSettings::dialogFromTheWindowSavesOnOk()
{
    MainWindow window;
    window.findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
    SettingsDialog* dialog = window.findChild<SettingsDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());  // non-modal open(): the test goes on while it is up
    auto* preset = dialog->findChild<QComboBox*>(QStringLiteral("preset"));
    preset->setCurrentIndex(preset->findData(QStringLiteral("max")));
    dialog->findChild<QSpinBox*>(QStringLiteral("threads"))->setValue(7);
    dialog->findChild<QLineEdit*>(QStringLiteral("extractFolder"))->setText(q(root_ / "x"));
    auto* overwrite = dialog->findChild<QComboBox*>(QStringLiteral("overwrite"));
    overwrite->setCurrentIndex(overwrite->findData(QStringLiteral("always")));
    // Patterns are separated by ';', trimmed, and empty ones dropped.
    dialog->findChild<QLineEdit*>(QStringLiteral("exclude"))->setText(QStringLiteral(" .git ;; *.o;node_modules ; "));
    dialog->accept();
    const AppSettings saved = AppSettings::load();
    QCOMPARE(saved.exclude, (QStringList{".git", "*.o", "node_modules"}));
    QCOMPARE(saved.preset, QStringLiteral("max"));
    QCOMPARE(saved.threads, 7);
    QCOMPARE(saved.extractFolder, q(root_ / "x"));
    QCOMPARE(saved.overwrite, AppSettings::Overwrite::Always);

    // Cancel changes nothing.
    window.findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
    QTRY_VERIFY(window.findChildren<SettingsDialog*>().size() == 1);
    dialog = window.findChildren<SettingsDialog*>().last();
    dialog->findChild<QSpinBox*>(QStringLiteral("threads"))->setValue(2);
    dialog->reject();
    QCOMPARE(AppSettings::load().threads, 7);
}

void TestSettings::cudaIsGreyedOutWithoutADevice()
{
    AppSettings settings;
    settings.device = QStringLiteral("cuda");
    SettingsDialog dialog(settings);
    auto* device = dialog.findChild<QComboBox*>(QStringLiteral("device"));
    auto* items = qobject_cast<QStandardItemModel*>(device->model());
    QVERIFY(items);
    const int cuda = device->findData(QStringLiteral("cuda"));
    QVERIFY(cuda >= 0);  // shown either way, so people know it exists
    QCOMPARE(items->item(cuda)->isEnabled(), nnz::torch_cuda_available());
    // A saved "cuda" without a device falls back to automatic rather than selecting a dead item.
    QCOMPARE(dialog.settings().device, nnz::torch_cuda_available() ? QStringLiteral("cuda") : QStringLiteral("auto"));
}

void TestSettings::compressOptionsFollowTheSettings()
{
    AppSettings settings;
    settings.device = QStringLiteral("cpu");
    settings.threads = 3;
    const nnz::CompressOptions fast = settings.compressOptions(QStringLiteral("fast"));
    QCOMPARE(fast.codec, std::string("neural"));
    QCOMPARE(fast.preset, std::string("fast"));
    QCOMPARE(fast.device, nnz::Device::Cpu);
    QCOMPARE(fast.threads, 3);
    QCOMPARE(settings.compressOptions(QStringLiteral("store")).codec, std::string("store"));
    settings.device = QStringLiteral("cuda");
    QCOMPARE(settings.compressOptions().device, nnz::Device::Cuda);
    settings.device = QStringLiteral("auto");
    QCOMPARE(settings.compressOptions().device, nnz::Device::Auto);
    QVERIFY(settings.compressOptions().exclude.empty());
    settings.exclude = QStringList{".git", "*.o"};
    QCOMPARE(settings.compressOptions().exclude, (std::vector<std::string>{".git", "*.o"}));
    QVERIFY2(AppSettings::describe(settings.compressOptions()).endsWith(QStringLiteral(" · leaving out .git, *.o")),
             qPrintable(AppSettings::describe(settings.compressOptions())));
    QVERIFY(!settings.compressOptions().one_file_system);
    settings.oneFileSystem = true;
    QVERIFY(settings.compressOptions().one_file_system);
    QVERIFY2(AppSettings::describe(settings.compressOptions()).endsWith(QStringLiteral(" · leaving out .git, *.o, other file systems")),
             qPrintable(AppSettings::describe(settings.compressOptions())));
    settings.oneFileSystem = false;
    // The recovery record is for new archives; edits keep what their archive has.
    QVERIFY(!settings.newArchiveOptions().recovery_percent);
    settings.recoveryPercent = 6;
    QCOMPARE(settings.newArchiveOptions().recovery_percent, std::optional<unsigned>(6));
    QVERIFY(!settings.compressOptions().recovery_percent);
}

// "Store what symbolic links point to": new archives and added files store a linked folder's
// contents; the new-archive dialog then offers no deleting of the files (their targets would go).
void TestSettings::followingSymlinksReachesTheJobs()
{
    AppSettings settings;
    settings.preset = QStringLiteral("store");
    settings.followSymlinks = true;
    settings.save();
    writeFile(root_ / "linked" / "target" / "data.txt", "data\n");
    fs::create_directories(root_ / "linking");
    fs::remove(root_ / "linking" / "data");
    fs::create_directory_symlink("../linked/target", root_ / "linking" / "data");
    MainWindow window;
    window.setErrorHandler([](const QString&, const QString& text) { QFAIL(qPrintable(text)); });
    const fs::path archive = root_ / "followed.nnz";
    fs::remove(archive);
    Job* job = window.createArchive(q(archive), {q(root_ / "linking")}, QStringLiteral("store"));
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QVERIFY2(job->details().contains(QStringLiteral("following symbolic links")), qPrintable(job->details()));
    const nnz::ArchiveReader reader(archive);
    QStringList names;
    for (const auto& e : reader.entries()) names << QString::fromStdString(e.path) + (e.type == nnz::EntryType::Symlink ? "@" : "");
    names.sort();
    QCOMPARE(names, (QStringList{"linking", "linking/data", "linking/data/data.txt"}));

    nnz::ui::NewArchiveDialog dialog({q(root_ / "linking")}, q(root_ / "x.nnz"), QStringLiteral("store"));
    dialog.setRemoveFiles(true);
    dialog.allowRemovingFiles(false);
    QVERIFY(!dialog.removeFiles());
}

void TestSettings::presetReachesTheJobs_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("codec");
    QTest::newRow("store") << "store" << "store";
    QTest::newRow("fast") << "fast" << "neural";
    QTest::newRow("gpu") << "gpu" << "neural";
}

// A name an archive cannot hold stops the job, or with the setting is left out with a warning
// in the job's panel.
void TestSettings::unreadableFilesFollowTheSetting_data()
{
    QTest::addColumn<bool>("skip");
    QTest::newRow("stop") << false;
    QTest::newRow("leave out") << true;
}

void TestSettings::unreadableFilesFollowTheSetting()
{
    QFETCH(bool, skip);
    AppSettings settings;
    settings.preset = QStringLiteral("store");
    settings.skipUnreadable = skip;
    settings.save();
    writeFile(root_ / "odd" / "ok.txt", "ok");
    writeFile(root_ / "odd" / "caf\xe9.txt", "latin-1");
    const fs::path archive = root_ / "odd.nnz";
    fs::remove(archive);
    MainWindow window;
    QStringList errors;
    window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
    Job* job = window.createArchive(q(archive), {q(root_ / "odd")}, QStringLiteral("store"));
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), skip ? Job::State::Succeeded : Job::State::Failed);
    QCOMPARE(fs::exists(archive), skip);
    if (skip) {
        const QString shown = window.progressPanels().first()->warningsText();
        QVERIFY2(shown.contains(QStringLiteral("caf\\xE9.txt")), qPrintable(shown));
        QVERIFY(errors.isEmpty());
    } else {
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("caf\\xE9.txt")), qPrintable(errors.first()));
    }
}

// Names matching the Leave out patterns stay out of what is added, and the job says so.
void TestSettings::exclusionsReachTheJobs()
{
    AppSettings settings;
    settings.preset = QStringLiteral("store");
    settings.exclude = QStringList{"*.o", ".git"};
    settings.save();
    const fs::path archive = makeArchive("exclude.nnz");
    writeFile(root_ / "proj" / "main.c", "int main;\n");
    writeFile(root_ / "proj" / "main.o", "object");
    writeFile(root_ / "proj" / ".git" / "HEAD", "ref");
    MainWindow window;
    window.setErrorHandler([](const QString&, const QString& text) { QFAIL(qPrintable(text)); });
    QVERIFY(window.openArchive(q(archive)));
    Job* job = window.addToArchive({q(root_ / "proj")});
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QStringList names;
    for (int row = 0; row < window.entriesModel()->entryCount(); ++row)
        names << QString::fromStdString(window.entriesModel()->entry(row).path);
    names.sort();
    QCOMPARE(names, (QStringList{"a.txt", "b.txt", "proj", "proj/main.c"}));
    QVERIFY2(job->details().contains(QStringLiteral("leaving out *.o, .git")), qPrintable(job->details()));

    // The version control and cache boxes: .svn goes, and what a tagged cache holds but its tag.
    settings.exclude.clear();
    settings.excludeVcs = true;
    settings.excludeCaches = true;
    settings.excludeNoBackup = true;
    settings.save();
    writeFile(root_ / "proj2" / "videos" / ".nobackup", "");
    writeFile(root_ / "proj2" / "videos" / "film.mkv", "film");
    writeFile(root_ / "proj2" / ".svn" / "entries", "svn");
    writeFile(root_ / "proj2" / "cache" / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n");
    writeFile(root_ / "proj2" / "cache" / "blob", "cached");
    writeFile(root_ / "proj2" / "main.c", "int main;\n");
    job = window.addToArchive({q(root_ / "proj2")});
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    names.clear();
    for (int row = 0; row < window.entriesModel()->entryCount(); ++row)
        names << QString::fromStdString(window.entriesModel()->entry(row).path);
    QVERIFY2(names.contains("proj2/main.c") && names.contains("proj2/cache/CACHEDIR.TAG"), qPrintable(names.join(' ')));
    QVERIFY2(!names.contains("proj2/.svn") && !names.contains("proj2/cache/blob"), qPrintable(names.join(' ')));
    QVERIFY2(names.contains("proj2/videos/.nobackup") && !names.contains("proj2/videos/film.mkv"), qPrintable(names.join(' ')));
    QVERIFY2(job->details().contains(QStringLiteral("leaving out version control, caches, folders with a .nobackup")),
             qPrintable(job->details()));

    // Test archives before keeping them: the job says so and keeps a whole archive.
    settings.excludeVcs = settings.excludeCaches = settings.excludeNoBackup = false;
    settings.testArchives = true;
    settings.save();
    writeFile(root_ / "proj3" / "main.c", "int main(void) { return 0; }\n");
    job = window.addToArchive({q(root_ / "proj3")});
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QVERIFY2(job->details().contains(QStringLiteral("tested before it is kept")), qPrintable(job->details()));
    nnz::JobControl testing;
    QCOMPARE(nnz::test_archive(fs::path(window.archivePath().toStdString()), testing).entries, size_t(window.entriesModel()->entryCount()));
    // So are renaming and a recovery record, which copy every block.
    job = window.renameEntry(QStringLiteral("proj3/main.c"), QStringLiteral("proj3/start.c"));
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QVERIFY2(job->details().contains(QStringLiteral("tested before it is kept")), qPrintable(job->details()));
    job = window.setRecoveryRecord(5);
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QVERIFY2(job->details().contains(QStringLiteral("tested before it is kept")), qPrintable(job->details()));
    const auto tested = nnz::test_archive(fs::path(window.archivePath().toStdString()), testing);
    QCOMPARE(tested.recovery_percent, 5u);
    QVERIFY(window.entriesModel()->indexOfPath(QStringLiteral("proj3/start.c")).isValid());
    settings.testArchives = false;
    settings.save();
    job = window.renameEntry(QStringLiteral("proj3/start.c"), QStringLiteral("proj3/main.c"));
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QVERIFY2(!job->details().contains(QStringLiteral("tested")), qPrintable(job->details()));
}

void TestSettings::presetReachesTheJobs()
{
    QFETCH(QString, preset);
    QFETCH(QString, codec);
    AppSettings settings;
    settings.preset = preset;
    settings.save();
    const fs::path archive = makeArchive("preset.nnz");
    MainWindow window;
    window.setErrorHandler([](const QString&, const QString& text) { QFAIL(qPrintable(text)); });
    QVERIFY(window.openArchive(q(archive)));
    // The added file is compressed with the configured preset (the archive's old blocks are
    // copied as they were stored: by the store codec).
    Job* job = window.addToArchive({q(root_ / "more" / "c.txt")});
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QCOMPARE(window.entriesModel()->entryCount(), 3);
    QStringList codecs = window.entriesModel()->codecNames();
    codecs.sort();
    const QStringList expected = codec == QLatin1String("store") ? QStringList{"store"} : QStringList{"neural", "store"};
    QCOMPARE(codecs, expected);
    // The presets, read back from the blocks' headers: the old block's, then the new one's.
    QCOMPARE(window.entriesModel()->presetNames(),
             preset == QLatin1String("store") ? QStringList{"store"} : (QStringList{"store", preset}));
    QVERIFY2(job->details().contains(nnz::ui::presetLabel(preset)) || preset == QLatin1String("store"), qPrintable(job->details()));
}

void TestSettings::deviceAndThreadsReachTheJobs()
{
    AppSettings settings;
    settings.preset = QStringLiteral("fast");
    settings.device = QStringLiteral("cpu");
    settings.threads = 2;
    settings.save();
    const fs::path archive = root_ / "threads.nnz";
    fs::remove(archive);
    MainWindow window;
    window.setErrorHandler([](const QString&, const QString& text) { QFAIL(qPrintable(text)); });
    Job* job = window.createArchive(q(archive), {q(root_ / "src" / "b.txt")}, QStringLiteral("fast"));
    QVERIFY(job);
    // What the job runs with is shown on its panel.
    QVERIFY2(job->details().contains(QStringLiteral("CPU")) && job->details().contains(QStringLiteral("2 thread")),
             qPrintable(job->details()));
    QCOMPARE(window.progressPanels().size(), 1);
    QCOMPARE(window.progressPanels().first()->detailsText(), job->details());
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QVERIFY(fs::exists(archive));
}

void TestSettings::recoveryRecordReachesNewArchivesOnly()
{
    AppSettings settings;
    settings.preset = QStringLiteral("store");
    settings.recoveryPercent = 4;
    settings.save();
    const fs::path archive = root_ / "protected.nnz";
    fs::remove(archive);
    MainWindow window;
    window.setErrorHandler([](const QString&, const QString& text) { QFAIL(qPrintable(text)); });
    QVERIFY(window.createArchive(q(archive), {q(root_ / "src" / "a.txt")}, QStringLiteral("store")));
    QVERIFY(waitIdle(window));
    QCOMPARE(nnz::ArchiveReader(archive).recovery_percent(), 4u);
    // Adding keeps the archive's record, whatever Settings say now.
    settings.recoveryPercent = 9;
    settings.save();
    QVERIFY(window.openArchive(q(archive)));
    QVERIFY(window.addToArchive({q(root_ / "src" / "b.txt")}));
    QVERIFY(waitIdle(window));
    QCOMPARE(nnz::ArchiveReader(archive).recovery_percent(), 4u);
    // Told otherwise (the new-archive dialog's choice), a new archive has none.
    fs::remove(archive);
    QVERIFY(window.createArchive(q(archive), {q(root_ / "src" / "a.txt")}, QStringLiteral("store"), {}, 0));
    QVERIFY(waitIdle(window));
    QCOMPARE(nnz::ArchiveReader(archive).recovery_percent(), 0u);
}

void TestSettings::warningsReachThePanel_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("expected");  // empty: no warning at all
    QTest::newRow("gpu preset on the CPU") << "gpu" << "Warning: the gpu preset is meant for an NVIDIA GPU";
    QTest::newRow("fast preset on the CPU") << "fast" << "";
}

void TestSettings::warningsReachThePanel()
{
    // What the CLI prints as "nnzip: warning: ..." the job's panel shows: the worker hands them
    // to the job's control, and the panel reads them as it reads the counters.
    QFETCH(QString, preset);
    QFETCH(QString, expected);
    AppSettings settings;
    settings.preset = preset;
    settings.device = QStringLiteral("cpu");
    settings.save();
    const fs::path archive = root_ / "warned.nnz";
    fs::remove(archive);
    MainWindow window;
    window.setErrorHandler([](const QString&, const QString& text) { QFAIL(qPrintable(text)); });
    Job* job = window.createArchive(q(archive), {q(root_ / "src" / "b.txt")}, preset);
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    const QString shown = window.progressPanels().first()->warningsText();
    if (expected.isEmpty())
        QVERIFY2(shown.isEmpty(), qPrintable(shown));
    else
        QVERIFY2(shown.contains(expected), qPrintable(shown));
}

void TestSettings::extractionFolderIsUsed()
{
    AppSettings settings;
    settings.preset = QStringLiteral("store");
    settings.extractFolder = q(root_ / "extracted here");
    settings.save();
    const fs::path archive = makeArchive("folder.nnz");
    MainWindow window;
    window.setErrorHandler([](const QString&, const QString& text) { QFAIL(qPrintable(text)); });
    QVERIFY(window.openArchive(q(archive)));
    window.findChild<QAction*>(QStringLiteral("extractAction"))->trigger();
    QVERIFY(waitIdle(window));
    // <default folder>/<archive name without .nnz>
    QCOMPARE(readFile(root_ / "extracted here" / "folder" / "b.txt"), std::string("beta\n"));

    // Without one, next to the archive: the two files in a folder named after it, one chosen
    // file beside it (it needs no folder of its own).
    AppSettings{}.save();
    window.entriesView()->selectionModel()->clearSelection();
    window.findChild<QAction*>(QStringLiteral("extractAction"))->trigger();
    QVERIFY(waitIdle(window));
    QCOMPARE(readFile(root_ / "folder" / "b.txt"), std::string("beta\n"));
    QVERIFY(fs::exists(root_ / "folder" / "a.txt"));
    selectEntries(window, {QStringLiteral("b.txt")});
    window.findChild<QAction*>(QStringLiteral("extractAction"))->trigger();
    QVERIFY(waitIdle(window));
    QCOMPARE(readFile(root_ / "b.txt"), std::string("beta\n"));
    QVERIFY(!fs::exists(root_ / "a.txt"));  // only the selection
}

void TestSettings::overwritePolicyIsUsed_data()
{
    QTest::addColumn<AppSettings::Overwrite>("policy");
    QTest::addColumn<int>("answer");  // to "Replace Files?": 0 Replace, 1 Keep Existing, 2 Keep Both, -1 cancel
    QTest::addColumn<bool>("queued");
    QTest::addColumn<bool>("replaced");
    QTest::addColumn<int>("questions");
    QTest::addColumn<bool>("renamed");  // the archive's a.txt extracted as "a (2).txt"
    QTest::newRow("never") << AppSettings::Overwrite::Never << -1 << true << false << 0 << false;
    QTest::newRow("always") << AppSettings::Overwrite::Always << -1 << true << true << 0 << false;
    QTest::newRow("ask, replace") << AppSettings::Overwrite::Ask << 0 << true << true << 1 << false;
    QTest::newRow("ask, keep existing") << AppSettings::Overwrite::Ask << 1 << true << false << 1 << false;
    QTest::newRow("ask, keep both") << AppSettings::Overwrite::Ask << 2 << true << false << 1 << true;
    QTest::newRow("ask, cancel") << AppSettings::Overwrite::Ask << -1 << false << false << 1 << false;
    QTest::newRow("keep existing") << AppSettings::Overwrite::Skip << -1 << true << false << 0 << false;
    QTest::newRow("keep both") << AppSettings::Overwrite::KeepBoth << -1 << true << false << 0 << true;
}

void TestSettings::overwritePolicyIsUsed()
{
    QFETCH(AppSettings::Overwrite, policy);
    QFETCH(int, answer);
    QFETCH(bool, queued);
    QFETCH(bool, replaced);
    QFETCH(int, questions);
    QFETCH(bool, renamed);
    AppSettings settings;
    settings.overwrite = policy;
    settings.save();
    QCOMPARE(AppSettings::load().overwrite, policy);
    const fs::path archive = makeArchive("policy.nnz");
    const fs::path dest = root_ / "policy" / QTest::currentDataTag();
    writeFile(dest / "a.txt", "mine");
    MainWindow window;
    QStringList errors, asked;
    window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
    window.setChoiceHandler([&](const QString&, const QString& text, const QStringList& choices) {
        asked << text;
        if (choices != QStringList{QStringLiteral("Replace"), QStringLiteral("Keep Existing"), QStringLiteral("Keep Both")}) return -1;
        return answer;
    });
    QVERIFY(window.openArchive(q(archive)));
    Job* job = window.extractEntries(q(dest), {});
    QCOMPARE(job != nullptr, queued);
    QCOMPARE(asked.size(), questions);
    if (questions) QVERIFY2(asked.first().contains(QStringLiteral("a.txt")), qPrintable(asked.first()));
    QVERIFY(waitIdle(window));
    QCOMPARE(readFile(dest / "a.txt"), replaced ? std::string("alpha alpha alpha alpha alpha alpha alpha alpha\n") : std::string("mine"));
    if (policy == AppSettings::Overwrite::Never) {
        // Refused before anything was written, and said so.
        QCOMPARE(job->state(), Job::State::Failed);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("Nothing was written")), qPrintable(errors.first()));
        QVERIFY(!fs::exists(dest / "b.txt"));
    } else {
        QVERIFY(errors.isEmpty());
        QCOMPARE(fs::exists(dest / "b.txt"), queued);
    }
    QCOMPARE(fs::exists(dest / "a (2).txt"), renamed);
    if (renamed) QCOMPARE(readFile(dest / "a (2).txt"), std::string("alpha alpha alpha alpha alpha alpha alpha alpha\n"));
    // Kept files are named in the job's warnings, and so are the new names.
    if (queued && !replaced && policy != AppSettings::Overwrite::Never) {
        const auto warnings = job->control().warnings();
        QCOMPARE(warnings.size(), size_t(1));
        QCOMPARE(QString::fromStdString(warnings.front()),
                 renamed ? QStringLiteral("a.txt already existed: the archive's was extracted as a (2).txt")
                         : QStringLiteral("a.txt already existed and was kept as it was"));
    }
}

// A new archive whose name is taken, as Existing files say: asked about, replaced, written beside
// it under the first free number, or refused by the job with the old one left as it was.
void TestSettings::newArchiveMeetsATakenName_data()
{
    QTest::addColumn<AppSettings::Overwrite>("policy");
    QTest::addColumn<bool>("answer");       // to "Replace Archive?"
    QTest::addColumn<int>("questions");
    QTest::addColumn<QString>("written");   // the archive made ("": none)
    QTest::addColumn<bool>("jobFails");     // refused by the job, the old archive kept
    QTest::newRow("ask, replace") << AppSettings::Overwrite::Ask << true << 1 << "taken.nnz" << false;
    QTest::newRow("ask, no") << AppSettings::Overwrite::Ask << false << 1 << "" << false;
    QTest::newRow("always") << AppSettings::Overwrite::Always << false << 0 << "taken.nnz" << false;
    QTest::newRow("keep both") << AppSettings::Overwrite::KeepBoth << false << 0 << "taken (3).nnz" << false;
    QTest::newRow("never") << AppSettings::Overwrite::Never << false << 0 << "" << true;
    QTest::newRow("keep existing") << AppSettings::Overwrite::Skip << false << 0 << "" << true;
}

void TestSettings::newArchiveMeetsATakenName()
{
    QFETCH(AppSettings::Overwrite, policy);
    QFETCH(bool, answer);
    QFETCH(int, questions);
    QFETCH(QString, written);
    QFETCH(bool, jobFails);
    AppSettings settings;
    settings.overwrite = policy;
    settings.save();
    const fs::path dir = root_ / "taken" / QTest::currentDataTag();
    writeFile(dir / "taken.nnz", "an older archive");
    writeFile(dir / "taken (2).nnz", "another");
    MainWindow window;
    QStringList errors, asked;
    window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
    window.setQuestionHandler([&](const QString& title, const QString& text) {
        asked << title + ": " + text;
        return answer;
    });
    Job* job = window.createArchive(q(dir / "taken.nnz"), {q(root_ / "src" / "a.txt")}, QStringLiteral("store"));
    QCOMPARE(asked.size(), questions);
    if (questions) QVERIFY2(asked.first().startsWith(QStringLiteral("Replace Archive?: ")) && asked.first().contains("taken.nnz"),
                            qPrintable(asked.first()));
    QCOMPARE(job != nullptr, !written.isEmpty() || jobFails);
    QVERIFY(waitIdle(window));
    if (jobFails) {
        QCOMPARE(job->state(), Job::State::Failed);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("already exists")), qPrintable(errors.first()));
    } else {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
    }
    QCOMPARE(readFile(dir / "taken (2).nnz"), std::string("another"));
    if (written == QStringLiteral("taken.nnz")) {
        QCOMPARE(nnz::ArchiveReader(dir / "taken.nnz").entries().size(), size_t(1));
    } else {
        QCOMPARE(readFile(dir / "taken.nnz"), std::string("an older archive"));
        if (!written.isEmpty()) QCOMPARE(nnz::ArchiveReader(dir / written.toStdString()).entries().size(), size_t(1));
    }
    if (!written.isEmpty()) QCOMPARE(window.archivePath(), q(dir / written.toStdString()));  // opened when done
    size_t files = 0;
    for ([[maybe_unused]] const auto& f : fs::directory_iterator(dir)) ++files;
    QCOMPARE(files, size_t(written.isEmpty() || written == QStringLiteral("taken.nnz") ? 2 : 3));
}

// The new-archive dialog suggests a name that is not taken, so accepting it replaces nothing.
void TestSettings::suggestedNameIsFree()
{
    const fs::path dir = root_ / "suggest";
    writeFile(dir / "docs" / "a.txt", "a");
    const QStringList inputs{q(dir / "docs")};
    QCOMPARE(nnz::ui::NewArchiveDialog::suggestedArchiveFor(inputs), q(dir / "docs.nnz"));
    writeFile(dir / "docs.nnz", "taken");
    QCOMPARE(nnz::ui::NewArchiveDialog::suggestedArchiveFor(inputs), q(dir / "docs (2).nnz"));
    fs::create_symlink("nowhere", dir / "docs (2).nnz");  // a dangling link takes the name too
    QCOMPARE(nnz::ui::NewArchiveDialog::suggestedArchiveFor(inputs), q(dir / "docs (3).nnz"));
}

// "Replace older files, keep newer ones": no question; an existing file older than the archive's
// copy is replaced, a newer one kept and named in the job's warnings.
void TestSettings::keepNewerPolicyIsUsed()
{
    AppSettings settings;
    settings.overwrite = AppSettings::Overwrite::KeepNewer;
    settings.save();
    QCOMPARE(AppSettings::load().overwrite, AppSettings::Overwrite::KeepNewer);
    const fs::path archive = makeArchive("newer.nnz");
    const fs::path dest = root_ / "policy-newer";
    writeFile(dest / "a.txt", "older work");
    writeFile(dest / "b.txt", "newer work");
    const auto archived = fs::last_write_time(root_ / "src" / "a.txt");
    fs::last_write_time(dest / "a.txt", archived - std::chrono::hours(24));
    fs::last_write_time(dest / "b.txt", archived + std::chrono::hours(24));
    MainWindow window;
    QStringList errors, asked;
    window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
    window.setChoiceHandler([&](const QString&, const QString& text, const QStringList&) {
        asked << text;
        return -1;
    });
    QVERIFY(window.openArchive(q(archive)));
    Job* job = window.extractEntries(q(dest), {});
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QVERIFY(asked.isEmpty() && errors.isEmpty());
    QCOMPARE(readFile(dest / "a.txt"), std::string("alpha alpha alpha alpha alpha alpha alpha alpha\n"));
    QCOMPARE(readFile(dest / "b.txt"), std::string("newer work"));
    const auto warnings = job->control().warnings();
    QCOMPARE(warnings.size(), size_t(1));
    QCOMPARE(QString::fromStdString(warnings.front()), QStringLiteral("b.txt already existed and was kept as it was"));
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
