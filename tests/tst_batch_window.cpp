// The GUI's command-line modes (--extract-here, --extract-to, --compress-to): in-process through
// BatchWindow for every outcome, and through the built nnzip-gui for the wiring and exit codes.
#include <QDesktopServices>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "batch_window.hpp"
#include "container/archive_reader.hpp"
#include "container/archive_writer.hpp"
#include "job_runner.hpp"
#include "jobs/compress_job.hpp"
#include "notifications.hpp"
#include "progress_panel.hpp"
#include "zip_maker.hpp"
#include "settings_dialog.hpp"

namespace fs = std::filesystem;
using nnz::ui::AppSettings;
using nnz::ui::BatchRequest;
using nnz::ui::BatchWindow;

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

// The built GUI, in English whatever the machine's locale (its messages are checked).
void useEnglish(QProcess& process)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    environment.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(environment);
}

std::vector<std::string> names(const fs::path& dir)
{
    std::vector<std::string> result;
    for (const auto& e : fs::directory_iterator(dir)) result.push_back(e.path().filename().string());
    std::sort(result.begin(), result.end());
    return result;
}

void saveSettings(AppSettings::Overwrite overwrite, const QString& preset = QStringLiteral("store"))
{
    AppSettings settings;
    settings.preset = preset;
    settings.overwrite = overwrite;
    settings.save();
}

// Records the URLs handed to the desktop instead of starting a file manager.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl& url) { urls << url; }
};

struct Run {
    int status = -1;
    QStringList errors;
    QStringList questions;
};

}  // namespace

class TestBatchWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void extractHereMakesANewFolderNextToTheArchive();
    void extractHereAvoidsAFolderInAFolder_data();
    void extractHereAvoidsAFolderInAFolder();
    void severalArchivesShareOneNotification();
    void extractToFollowsTheOverwritePolicy_data();
    void extractToFollowsTheOverwritePolicy();
    void compressToCreatesTheArchive();
    void compressToNeverReplacesWhenToldNot();
    void compressToKeepsBothWhenToldSo();
    void badArchiveFailsAndLeavesNothingPartial_data();
    void badArchiveFailsAndLeavesNothingPartial();
    void closingMidJobCancelsAndLeavesNothing();
    void extractHereAsksAboutOutsideLinks_data();
    void extractHereAsksAboutOutsideLinks();
    void extractHereAsksForThePassword_data();
    void extractHereAsksForThePassword();
    void nothingToDoIsAUsageError();
    void compressToEncrypted_data();
    void compressToEncrypted();
    void builtGuiRejectsBadCommandLines_data();
    void builtGuiRejectsBadCommandLines();
    void builtGuiExtractsAndCompresses();
    void builtGuiReportsADamagedArchive();

private:
    fs::path makeArchive(const std::string& name, uint64_t blockSize = 8u << 20, const std::string& password = {});
    // Runs the request to its end (done, or all jobs finished when a failure keeps it open).
    Run run(const BatchRequest& request, std::function<bool(const QString&)> answer = {});

    QTemporaryDir temp_;
    fs::path root_;
    UrlCatcher catcher_;
};

void TestBatchWindow::initTestCase()
{
    QVERIFY(temp_.isValid());
    root_ = fs::path(temp_.path().toStdString());
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString((root_ / "config").string()));
    QCoreApplication::setOrganizationName(QStringLiteral("nnzip-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("batch"));
    writeFile(root_ / "src" / "docs" / "readme.txt", "hello from the archive\n");
    writeFile(root_ / "src" / "one.bin", std::string(3000, '1'));
    writeFile(root_ / "src" / "two.bin", std::string(3000, '2'));
    writeFile(root_ / "src" / "three.bin", std::string(3000, '3'));
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher_, "open");
}

void TestBatchWindow::init()
{
    saveSettings(AppSettings::Overwrite::Ask);
    catcher_.urls.clear();
}

void TestBatchWindow::cleanupTestCase() { QDesktopServices::unsetUrlHandler(QStringLiteral("file")); }

fs::path TestBatchWindow::makeArchive(const std::string& name, uint64_t blockSize, const std::string& password)
{
    const fs::path archive = root_ / "archives" / name;
    fs::create_directories(archive.parent_path());
    fs::remove(archive);
    nnz::CompressOptions options;
    options.codec = "store";
    options.block_size = blockSize;
    options.passphrase = nnz::Passphrase(password);
    nnz::JobControl control;
    const std::vector<fs::path> inputs{root_ / "src" / "docs", root_ / "src" / "one.bin", root_ / "src" / "two.bin",
                                       root_ / "src" / "three.bin"};
    nnz::compress_paths(archive, inputs, options, control);
    return archive;
}

Run TestBatchWindow::run(const BatchRequest& request, std::function<bool(const QString&)> answer)
{
    Run result;
    BatchWindow window;
    window.setLingerMs(0);
    window.setErrorHandler([&](const QString&, const QString& text) { result.errors << text; });
    window.setQuestionHandler([&](const QString&, const QString& text) {
        result.questions << text;
        return answer ? answer(text) : false;
    });
    // Replace files? Yes: the first choice (Replace); no: cancel.
    window.setChoiceHandler([&](const QString&, const QString& text, const QStringList&) {
        result.questions << text;
        return answer && answer(text) ? 0 : -1;
    });
    QSignalSpy done(&window, &BatchWindow::done);
    window.show();
    window.start(request);
    QElapsedTimer clock;
    clock.start();
    // Success ends by itself; a failure keeps the window until it is closed.
    while (done.isEmpty() && clock.elapsed() < 20000) {
        if (window.exitStatus() != 0 && !window.runner()->busy()) window.close();
        QTest::qWait(10);
    }
    if (!done.isEmpty()) result.status = done.first().first().toInt();
    return result;
}

void TestBatchWindow::extractHereMakesANewFolderNextToTheArchive()
{
    const fs::path archive = makeArchive("here.nnz");
    BatchWindow window;
    window.setLingerMs(0);
    QSignalSpy done(&window, &BatchWindow::done);
    window.show();
    QVERIFY(window.start({BatchRequest::Mode::ExtractHere, {}, {q(archive)}}));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    QCOMPARE(done.first().first().toInt(), 0);
    const fs::path out = root_ / "archives" / "here";
    QCOMPARE(readFile(out / "docs" / "readme.txt"), std::string("hello from the archive\n"));
    QCOMPARE(readFile(out / "three.bin"), std::string(3000, '3'));
    // The end is announced in the window (no tray offscreen), with the folder to open.
    QVERIFY(window.notificationBar()->isVisible());
    QVERIFY2(window.notificationBar()->text().contains(QStringLiteral("here.nnz")), qPrintable(window.notificationBar()->text()));
    QCOMPARE(window.notificationBar()->folder(), q(out));
    QVERIFY(window.notificationBar()->openFolderButton()->isVisible());
    window.notificationBar()->openFolderButton()->click();
    QCOMPARE(catcher_.urls, QList<QUrl>{QUrl::fromLocalFile(q(out))});

    // Again: a new folder beside the first, which is left alone.
    writeFile(out / "three.bin", "changed by the user");
    const Run again = run({BatchRequest::Mode::ExtractHere, {}, {q(archive)}});
    QCOMPARE(again.status, 0);
    QVERIFY(again.errors.isEmpty());
    QCOMPARE(readFile(out / "three.bin"), std::string("changed by the user"));
    QCOMPARE(readFile(root_ / "archives" / "here (2)" / "three.bin"), std::string(3000, '3'));
}

// An archive of one folder (or one file) is extracted next to it as that folder (file), not
// inside a folder named after the archive; when that name is taken, into "name (2)" with the top
// level stripped (a file: into a folder named after the archive). Nothing existing is touched.
void TestBatchWindow::extractHereAvoidsAFolderInAFolder_data()
{
    QTest::addColumn<QString>("content");      // "folder" (project/...), "file" (notes.txt), "zip folder" (no folder entries)
    QTest::addColumn<bool>("taken");           // the name exists next to the archive already
    QTest::addColumn<QString>("expected");     // where project/sub/b.txt (or notes.txt) lands, under archives/
    QTest::addColumn<QString>("opened");       // the folder the notification opens, under archives/
    QTest::newRow("one folder") << "folder" << false << "project/sub/b.txt" << "project";
    QTest::newRow("one folder, name taken") << "folder" << true << "project (2)/sub/b.txt" << "project (2)";
    QTest::newRow("one folder in a zip without folder entries") << "zip folder" << false << "project/sub/b.txt" << "project";
    QTest::newRow("one file") << "file" << false << "notes.txt" << "";
    QTest::newRow("one file, name taken") << "file" << true << "bundle/notes.txt" << "bundle";
}

void TestBatchWindow::extractHereAvoidsAFolderInAFolder()
{
    QFETCH(QString, content);
    QFETCH(bool, taken);
    QFETCH(QString, expected);
    QFETCH(QString, opened);
    const fs::path dir = root_ / "here-smart";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path sources = root_ / "smart-sources";
    fs::remove_all(sources);
    writeFile(sources / "project" / "a.txt", "a");
    writeFile(sources / "project" / "sub" / "b.txt", "b");
    writeFile(sources / "notes.txt", "notes");
    fs::path archive = dir / "bundle.nnz";
    if (content == "zip folder") {
        archive = dir / "bundle.zip";
        makeZip(archive, {{"project/a.txt", "a"}, {"project/sub/b.txt", "b"}});
    } else {
        nnz::CompressOptions options;
        options.codec = "store";
        nnz::JobControl control;
        const std::vector<fs::path> inputs{content == "file" ? sources / "notes.txt" : sources / "project"};
        nnz::compress_paths(archive, inputs, options, control);
    }
    const fs::path existing = dir / (content == "file" ? "notes.txt" : "project");
    if (taken) {
        if (content == "file") writeFile(existing, "the user's own");
        else writeFile(existing / "mine.txt", "the user's own");
    }
    BatchWindow window;
    window.setLingerMs(0);
    window.setErrorHandler([](const QString&, const QString& text) { QFAIL(qPrintable(text)); });
    QSignalSpy done(&window, &BatchWindow::done);
    window.show();
    QVERIFY(window.start({BatchRequest::Mode::ExtractHere, {}, {q(archive)}}));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    QCOMPARE(done.first().first().toInt(), 0);
    QCOMPARE(readFile(dir / expected.toStdString()), std::string(content == "file" ? "notes" : "b"));
    QCOMPARE(window.notificationBar()->folder(), q(opened.isEmpty() ? dir : dir / opened.toStdString()));
    if (taken) {
        QCOMPARE(readFile(content == "file" ? existing : existing / "mine.txt"), std::string("the user's own"));
        if (content != "file") QVERIFY(!fs::exists(existing / "a.txt"));
    }
    QVERIFY(!fs::exists(dir / "bundle" / "project"));  // never a folder in a folder
}

void TestBatchWindow::extractHereAsksForThePassword_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("answers");
    QTest::addColumn<bool>("extracted");
    QTest::newRow("right") << "nnz" << QStringList{"open sesame"} << true;
    QTest::newRow("wrong, then right") << "nnz" << QStringList{"open simsim", "open sesame"} << true;
    QTest::newRow("cancelled") << "nnz" << QStringList{""} << false;
    QTest::newRow("zip (AES), wrong, then right") << "zip" << QStringList{"open simsim", "open sesame"} << true;
}

void TestBatchWindow::extractHereAsksForThePassword()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, answers);
    QFETCH(bool, extracted);
    fs::path archive = root_ / "archives" / "locked.zip";
    if (kind == "nnz") {
        archive = makeArchive("locked.nnz", 8u << 20, "open sesame");
    } else {
        fs::remove(archive);
        makeZip(archive, {{"docs/readme.txt", "hello from the archive\n"}, {"three.bin", std::string(3000, '3')}},
                "open sesame");
    }
    const fs::path out = root_ / "archives" / "locked";
    fs::remove_all(out);
    BatchWindow window;
    window.setLingerMs(0);
    window.setErrorHandler([](const QString&, const QString& text) { QFAIL(qPrintable(text)); });
    QStringList labels;
    window.setPasswordHandler([&](const QString&, const QString& label) {
        labels << label;
        return labels.size() <= answers.size() ? answers[labels.size() - 1] : QString();
    });
    QSignalSpy done(&window, &BatchWindow::done);
    window.show();
    window.start({BatchRequest::Mode::ExtractHere, {}, {q(archive)}});
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    QCOMPARE(labels.size(), answers.size());
    QVERIFY(labels.first().contains(QStringLiteral("locked.%1 is encrypted").arg(kind)));
    if (answers.size() > 1) QVERIFY(labels[1].contains(QStringLiteral("Wrong password")));
    QCOMPARE(fs::exists(out / "docs" / "readme.txt"), extracted);
    if (extracted) QCOMPARE(readFile(out / "three.bin"), std::string(3000, '3'));
}

void TestBatchWindow::severalArchivesShareOneNotification()
{
    const fs::path first = makeArchive("first.nnz");
    const fs::path second = makeArchive("second.nnz");
    BatchWindow window;
    window.setLingerMs(60000);  // ended by "Open folder", not by the timer
    QSignalSpy done(&window, &BatchWindow::done);
    window.show();
    QVERIFY(window.start({BatchRequest::Mode::ExtractHere, {}, {q(first), q(second)}}));
    QTRY_VERIFY_WITH_TIMEOUT(window.notificationBar()->isVisible(), 20000);
    QCOMPARE(window.runner()->findChildren<nnz::ui::Job*>().size(), 2);
    QVERIFY(fs::exists(root_ / "archives" / "first" / "one.bin"));
    QVERIFY(fs::exists(root_ / "archives" / "second" / "one.bin"));
    QCOMPARE(window.notificationBar()->folder(), q(root_ / "archives"));  // what holds both
    QVERIFY(done.isEmpty());
    window.notificationBar()->openFolderButton()->click();
    QTRY_COMPARE(done.count(), 1);
    QCOMPARE(done.first().first().toInt(), 0);
    QCOMPARE(catcher_.urls, QList<QUrl>{QUrl::fromLocalFile(q(root_ / "archives"))});
}

// A symlink to an absolute path: the job is refused before it writes anything, the user is
// asked, and the extraction runs again as chosen (or fails as it was, when cancelled).
void TestBatchWindow::extractHereAsksAboutOutsideLinks_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("extracted");
    QTest::addColumn<bool>("linkCreated");
    QTest::newRow("create links") << 0 << 0 << true << true;
    QTest::newRow("leave them out") << 1 << 0 << true << false;
    QTest::newRow("cancel") << -1 << 2 << false << false;
}

void TestBatchWindow::extractHereAsksAboutOutsideLinks()
{
    QFETCH(int, choice);
    QFETCH(int, status);
    QFETCH(bool, extracted);
    QFETCH(bool, linkCreated);
    const fs::path input = root_ / "linked";
    fs::remove_all(input);
    writeFile(input / "kept.txt", "kept");
    fs::create_symlink("/etc", input / "etc");
    const fs::path archive = root_ / "archives" / "linked.nnz";
    fs::remove(archive);
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    const std::vector<fs::path> inputs{input};
    nnz::compress_paths(archive, inputs, options, control);
    const fs::path out = root_ / "archives" / "linked";
    fs::remove_all(out);

    BatchWindow window;
    window.setLingerMs(0);
    QStringList errors;
    QStringList asked;
    window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
    int offered = 0;
    window.setChoiceHandler([&](const QString&, const QString& text, const QStringList& choices) {
        asked << text;
        offered = int(choices.size());
        return choice;
    });
    QSignalSpy done(&window, &BatchWindow::done);
    window.show();
    QVERIFY(window.start({BatchRequest::Mode::ExtractHere, {}, {q(archive)}}));
    QElapsedTimer clock;
    clock.start();
    while (done.isEmpty() && clock.elapsed() < 20000) {
        if (window.exitStatus() != 0 && !window.runner()->busy()) window.close();
        QTest::qWait(10);
    }
    QCOMPARE(done.count(), 1);
    QCOMPARE(done.first().first().toInt(), status);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(offered, 2);
    QVERIFY2(asked.first().contains(QStringLiteral("linked/etc")) && asked.first().contains(QStringLiteral("/etc")),
             qPrintable(asked.first()));
    QCOMPARE(errors.size(), status == 0 ? 0 : 1);
    // One folder in the archive: it is extracted as that folder, not inside another of its name.
    QCOMPARE(fs::exists(out / "kept.txt"), extracted);
    QCOMPARE(fs::is_symlink(out / "etc"), linkCreated);
    if (!extracted) QVERIFY(!fs::exists(out));  // the refused job left no folder behind
    // One panel and one job: the refused attempt gave way to the one that ran.
    QTRY_COMPARE(window.findChildren<nnz::ui::ProgressPanel*>().size(), 1);
    QCOMPARE(window.runner()->findChildren<nnz::ui::Job*>().size(), 1);
}

void TestBatchWindow::extractToFollowsTheOverwritePolicy_data()
{
    QTest::addColumn<int>("policy");
    QTest::addColumn<bool>("answer");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("replaced");
    QTest::addColumn<int>("questions");
    QTest::addColumn<int>("errors");
    QTest::newRow("never") << int(AppSettings::Overwrite::Never) << false << 3 << false << 0 << 1;
    QTest::newRow("always") << int(AppSettings::Overwrite::Always) << false << 0 << true << 0 << 0;
    QTest::newRow("ask, yes") << int(AppSettings::Overwrite::Ask) << true << 0 << true << 1 << 0;
    QTest::newRow("ask, no") << int(AppSettings::Overwrite::Ask) << false << 0 << false << 1 << 0;
    QTest::newRow("keep existing") << int(AppSettings::Overwrite::Skip) << false << 0 << false << 0 << 0;
}

void TestBatchWindow::extractToFollowsTheOverwritePolicy()
{
    QFETCH(int, policy);
    QFETCH(bool, answer);
    QFETCH(int, status);
    QFETCH(bool, replaced);
    QFETCH(int, questions);
    QFETCH(int, errors);
    saveSettings(AppSettings::Overwrite(policy));
    const fs::path archive = makeArchive("to.nnz");
    const fs::path dest = root_ / "dest" / QTest::currentDataTag();
    writeFile(dest / "two.bin", "mine");
    const Run result = run({BatchRequest::Mode::ExtractTo, q(dest), {q(archive)}}, [&](const QString&) { return answer; });
    QCOMPARE(result.status, status);
    QCOMPARE(result.questions.size(), questions);
    QCOMPARE(result.errors.size(), errors);
    QCOMPARE(readFile(dest / "two.bin"), replaced ? std::string(3000, '2') : std::string("mine"));
    if (errors) {
        QVERIFY2(result.errors.first().contains(QStringLiteral("to.nnz")) && result.errors.first().contains(QStringLiteral("Nothing was written")),
                 qPrintable(result.errors.first()));
        QCOMPARE(names(dest), std::vector<std::string>{"two.bin"});
    }
    if (policy == int(AppSettings::Overwrite::Skip)) QVERIFY(names(dest).size() > 1);  // the rest extracted
}

void TestBatchWindow::compressToCreatesTheArchive()
{
    const fs::path archive = root_ / "made" / "new.nnz";
    fs::create_directories(archive.parent_path());
    BatchWindow window;
    window.setLingerMs(0);
    QSignalSpy done(&window, &BatchWindow::done);
    window.show();
    QVERIFY(window.start({BatchRequest::Mode::CompressTo, q(archive), {q(root_ / "src" / "docs"), q(root_ / "src" / "one.bin")}}));
    QCOMPARE(window.findChildren<nnz::ui::ProgressPanel*>().size(), 1);
    // The job says how it runs (the preset from the settings).
    QVERIFY2(window.findChildren<nnz::ui::ProgressPanel*>().first()->detailsText().contains(QStringLiteral("without compression")),
             qPrintable(window.findChildren<nnz::ui::ProgressPanel*>().first()->detailsText()));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    QCOMPARE(done.first().first().toInt(), 0);
    nnz::ArchiveReader reader(archive);
    QCOMPARE(reader.entries().size(), size_t(3));  // docs, docs/readme.txt, one.bin
    QCOMPARE(window.notificationBar()->folder(), q(archive.parent_path()));
    QCOMPARE(names(archive.parent_path()), std::vector<std::string>{"new.nnz"});
}

void TestBatchWindow::compressToEncrypted_data()
{
    QTest::addColumn<QString>("password");  // what the question gets: empty for cancel
    QTest::newRow("a password") << "file manager secret";
    QTest::newRow("cancelled") << "";
}

void TestBatchWindow::compressToEncrypted()
{
    // The file manager's "Compress to encrypted .nnz…": nnzip-gui --compress-to A --encrypt PATH...
    QFETCH(QString, password);
    const fs::path archive = root_ / "sealed" / "new.nnz";
    fs::remove_all(archive.parent_path());
    fs::create_directories(archive.parent_path());
    BatchWindow window;
    window.setLingerMs(0);
    QStringList asked;
    window.setNewPasswordHandler([&](const QString& name) {
        asked << name;
        return password;
    });
    QSignalSpy done(&window, &BatchWindow::done);
    window.show();
    BatchRequest request{BatchRequest::Mode::CompressTo, q(archive), {q(root_ / "src" / "docs")}};
    request.encrypt = true;
    QCOMPARE(window.start(request), !password.isEmpty());
    QCOMPARE(asked, QStringList{"new.nnz"});
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    if (password.isEmpty()) {
        QVERIFY(names(archive.parent_path()).empty());  // cancelled: nothing made
        return;
    }
    QCOMPARE(done.first().first().toInt(), 0);
    nnz::ArchiveReader reader(archive, nnz::Passphrase(password.toStdString()));
    QVERIFY(reader.encrypted());
    QCOMPARE(reader.entries().size(), size_t(2));  // docs, docs/readme.txt
    try {
        nnz::ArchiveReader without(archive);
        QFAIL("opened without the password");
    } catch (const nnz::Error& e) {
        QCOMPARE(e.code(), nnz::ErrorCode::Password);
    }
}

void TestBatchWindow::compressToNeverReplacesWhenToldNot()
{
    saveSettings(AppSettings::Overwrite::Never);
    const fs::path archive = root_ / "kept" / "old.nnz";
    writeFile(archive, "precious");
    const Run result = run({BatchRequest::Mode::CompressTo, q(archive), {q(root_ / "src" / "one.bin")}});
    QCOMPARE(result.status, 3);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY2(result.errors.first().contains(QStringLiteral("No archive was written")), qPrintable(result.errors.first()));
    QCOMPARE(readFile(archive), std::string("precious"));
    QCOMPARE(names(archive.parent_path()), std::vector<std::string>{"old.nnz"});

    // Asked and declined: nothing is queued and nothing changes.
    saveSettings(AppSettings::Overwrite::Ask);
    const Run declined = run({BatchRequest::Mode::CompressTo, q(archive), {q(root_ / "src" / "one.bin")}});
    QCOMPARE(declined.status, 0);
    QCOMPARE(declined.questions.size(), 1);
    QCOMPARE(readFile(archive), std::string("precious"));
}

// Existing files "Keep both": the new archive goes beside the old one, under the first free number.
void TestBatchWindow::compressToKeepsBothWhenToldSo()
{
    saveSettings(AppSettings::Overwrite::KeepBoth);
    const fs::path archive = root_ / "both" / "old.nnz";
    writeFile(archive, "precious");
    writeFile(root_ / "both" / "old (2).nnz", "also precious");
    const Run result = run({BatchRequest::Mode::CompressTo, q(archive), {q(root_ / "src" / "one.bin")}});
    QCOMPARE(result.status, 0);
    QVERIFY(result.questions.isEmpty());
    QCOMPARE(readFile(archive), std::string("precious"));
    QCOMPARE(readFile(root_ / "both" / "old (2).nnz"), std::string("also precious"));
    QCOMPARE(names(archive.parent_path()), (std::vector<std::string>{"old (2).nnz", "old (3).nnz", "old.nnz"}));
    QCOMPARE(nnz::ArchiveReader(root_ / "both" / "old (3).nnz").entries().size(), size_t(1));
    saveSettings(AppSettings::Overwrite::Ask);
}

void TestBatchWindow::badArchiveFailsAndLeavesNothingPartial_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("kept");
    QTest::newRow("not an archive") << "garbage" << 2 << QStringList{};
    QTest::newRow("missing") << "missing" << 3 << QStringList{};
    // Entries are stored sorted: docs, one.bin, three.bin, two.bin.
    QTest::newRow("damaged last block") << "block" << 2 << QStringList{"docs", "one.bin", "three.bin"};
}

void TestBatchWindow::badArchiveFailsAndLeavesNothingPartial()
{
    QFETCH(QString, damage);
    QFETCH(int, status);
    QFETCH(QStringList, kept);
    const fs::path archive = root_ / "bad" / "broken.nnz";
    fs::remove_all(root_ / "bad");
    fs::create_directories(archive.parent_path());
    if (damage == "garbage") {
        writeFile(archive, "this is not an nnzip archive at all");
    } else if (damage == "block") {
        // Small blocks: one.bin and three.bin lie in blocks before the damaged last one.
        fs::copy_file(makeArchive("blocks.nnz", 4096), archive);
        nnz::ArchiveReader reader(archive);
        const uint64_t at = reader.blocks().back().file_offset + reader.blocks().back().packed_size / 2 + 40;
        std::fstream file(archive, std::ios::in | std::ios::out | std::ios::binary);
        file.seekg(std::streamoff(at));
        const char byte = char(file.get() ^ 0x5a);
        file.seekp(std::streamoff(at));
        file.put(byte);
    }
    const Run result = run({BatchRequest::Mode::ExtractHere, {}, {q(archive)}});
    QCOMPARE(result.status, status);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY2(result.errors.first().contains(QStringLiteral("broken.nnz")), qPrintable(result.errors.first()));
    const fs::path out = root_ / "bad" / "broken";
    if (kept.isEmpty()) {
        QVERIFY2(!fs::exists(out), "an empty destination folder was left behind");
        QVERIFY(result.errors.first().contains(QStringLiteral("Could not extract")));
    } else {
        QVERIFY2(result.errors.first().contains(QStringLiteral("Every file that could be read was extracted and verified")),
                 qPrintable(result.errors.first()));
        std::vector<std::string> expected;
        for (const QString& name : kept) expected.push_back(name.toStdString());
        QCOMPARE(names(out), expected);  // two.bin, the last entry, reaches the damaged block: not there at all
        QCOMPARE(readFile(out / "three.bin"), std::string(3000, '3'));
    }
}

void TestBatchWindow::closingMidJobCancelsAndLeavesNothing()
{
    const fs::path archive = root_ / "cancel" / "never.nnz";
    fs::create_directories(archive.parent_path());
    BatchWindow window;
    QSignalSpy done(&window, &BatchWindow::done);
    window.show();
    QVERIFY(window.start({BatchRequest::Mode::CompressTo, q(archive), {q(root_ / "src")}}));
    // Paused before it starts, it is held at its first checkpoint, so the close lands mid-job.
    QCOMPARE(window.runner()->findChildren<nnz::ui::Job*>().size(), 1);
    window.runner()->findChildren<nnz::ui::Job*>().first()->setPaused(true);
    QTRY_VERIFY(window.runner()->runningJob() != nullptr);
    QTest::qWait(50);
    window.close();
    QCOMPARE(done.count(), 1);
    QCOMPARE(done.first().first().toInt(), 130);
    QTRY_VERIFY(!window.runner()->busy());
    QVERIFY(fs::is_empty(archive.parent_path()));
}

void TestBatchWindow::nothingToDoIsAUsageError()
{
    const Run result = run({BatchRequest::Mode::ExtractHere, {}, {}});
    QCOMPARE(result.status, 1);
    QCOMPARE(result.errors.size(), 1);
}

void TestBatchWindow::builtGuiRejectsBadCommandLines_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no archives") << QStringList{"--extract-here"} << "nothing to do";
    QTest::newRow("two modes") << QStringList{"--extract-here", "--compress-to", "x.nnz", "a"} << "only one of";
    QTest::newRow("--encrypt without --compress-to") << QStringList{"--extract-here", "--encrypt", "a.nnz"}
                                                     << "--encrypt goes with --compress-to";
}

void TestBatchWindow::builtGuiRejectsBadCommandLines()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess gui;
    useEnglish(gui);
    gui.start(QStringLiteral(NNZ_GUI_PATH), arguments);
    QVERIFY(gui.waitForFinished(20000));
    QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
    QCOMPARE(gui.exitCode(), 1);
    const QString err = QString::fromLocal8Bit(gui.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

void TestBatchWindow::builtGuiExtractsAndCompresses()
{
    // The real program, as a file manager runs it. It shows its notification for a few seconds
    // after success, then exits 0.
    const fs::path archive = makeArchive("gui.nnz");
    {
        // The program's own settings (its organisation is "nnzip"): store, so this stays fast.
        QSettings settings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("nnzip"), QStringLiteral("nnzip"));
        settings.setValue(QStringLiteral("compress/preset"), QStringLiteral("store"));
    }
    QProcess gui;
    useEnglish(gui);
    gui.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    gui.start(QStringLiteral(NNZ_GUI_PATH), {QStringLiteral("--extract-to"), q(root_ / "gui-out"), q(archive)});
    QVERIFY(gui.waitForFinished(30000));
    QCOMPARE(gui.exitCode(), 0);
    QCOMPARE(readFile(root_ / "gui-out" / "one.bin"), std::string(3000, '1'));

    const fs::path made = root_ / "gui-made.nnz";
    gui.start(QStringLiteral(NNZ_GUI_PATH), {QStringLiteral("--compress-to"), q(made), q(root_ / "src" / "docs")});
    QVERIFY(gui.waitForFinished(30000));
    QCOMPARE(gui.exitCode(), 0);
    nnz::ArchiveReader reader(made);
    QCOMPARE(reader.entries().size(), size_t(2));
}

void TestBatchWindow::builtGuiReportsADamagedArchive()
{
    // A failure keeps the window (and its error dialog) up until a person closes it; the
    // message also goes to stderr at once. Killing the process then leaves nothing behind.
    writeFile(root_ / "gui-bad" / "junk.nnz", "not an archive");
    QProcess gui;
    useEnglish(gui);
    gui.start(QStringLiteral(NNZ_GUI_PATH), {QStringLiteral("--extract-here"), q(root_ / "gui-bad" / "junk.nnz")});
    QVERIFY(gui.waitForStarted());
    QString err;
    QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromLocal8Bit(gui.readAllStandardError())).contains(QStringLiteral("junk.nnz")), 20000);
    QVERIFY2(err.contains(QStringLiteral("Cannot Extract")), qPrintable(err));
    gui.kill();
    gui.waitForFinished();
    QCOMPARE(names(root_ / "gui-bad"), std::vector<std::string>{"junk.nnz"});
}

QTEST_MAIN(TestBatchWindow)
#include "tst_batch_window.moc"
