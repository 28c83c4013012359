// MainWindow: the three drop cases with synthesized drag events (QTest has no drag helpers),
// damaged archives shown as errors without a crash, drag-out data, actions' enabled state.
#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QCheckBox>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QTreeView>
#include <QSettings>
#include <QtTest>
#include <QToolBar>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <fstream>

#include "accessible_names.hpp"
#include "entries_model.hpp"
#include "translations.hpp"
#include "job_runner.hpp"
#include "jobs/compress_job.hpp"
#include "fs/disk_walker.hpp"
#include "container/archive_writer.hpp"
#include "jobs/extract_job.hpp"
#include "interop/opened_archive.hpp"
#include "interop/foreign_archive.hpp"
#include "edited_files.hpp"
#include "extract_dialog.hpp"
#include "container/archive_file.hpp"
#include "container/archive_reader.hpp"
#include "main_window.hpp"
#include "notifications.hpp"
#include "password_dialog.hpp"
#include "progress_panel.hpp"
#include "preview_dialog.hpp"
#include "properties_dialog.hpp"
#include "settings_dialog.hpp"
#include "zip_maker.hpp"

namespace fs = std::filesystem;
using nnz::ui::EntriesModel;
using nnz::ui::Job;
using nnz::ui::MainWindow;

namespace {

void writeFile(const fs::path& path, const std::string& content)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << content;
}

std::string readFile(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Sends the enter + drop pair a real drag would deliver (at the target's centre unless told);
// returns whether the enter was accepted.
bool dropUrls(QWidget* target, const QStringList& paths, std::optional<QPoint> where = std::nullopt)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& p : paths) urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint at = where.value_or(QPoint(target->width() / 2, target->height() / 2));
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

// Records the URLs handed to the desktop instead of starting an application.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl& url) { urls << url; }
};

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

QAction* action(MainWindow& window, const char* name) { return window.findChild<QAction*>(QLatin1String(name)); }

// Flips one byte of a file.
void damage(const fs::path& file, uint64_t at)
{
    std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
    io.seekg(std::streamoff(at));
    const char byte = char(io.get() ^ 0x5a);
    io.seekp(std::streamoff(at));
    io.put(byte);
}

bool waitIdle(MainWindow& window, int timeoutMs = 30000)
{
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(20);  // jobs start from the event loop
    while (window.jobRunner()->busy() && clock.elapsed() < timeoutMs) QTest::qWait(20);
    QTest::qWait(20);  // let the completion handlers run
    return !window.jobRunner()->busy();
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void startsEmptyWithArchiveActionsDisabled();
    void toolbarIconsAreDrawnAtToolbarSize();
    void openingListsEntries();
    void damagedArchiveShowsErrorWithoutCrash_data();
    void damagedArchiveShowsErrorWithoutCrash();
    void dropOneArchiveOpensIt();
    void dropFilesOnEmptyWindowAsksAndCreates();
    void dropFilesOnOpenArchiveAddsThem();
    void dropWithoutFilesIsRefused();
    void deleteAsksThenRemovesTheSelection_data();
    void deleteAsksThenRemovesTheSelection();
    void renameAsksForTheNewName_data();
    void renameAsksForTheNewName();
    void dragOutExtractsSelection();
    void extractAndTestRunAsJobs();
    void extractAsksAboutOutsideLinks_data();
    void extractAsksAboutOutsideLinks();
    void filterBoxFiltersList();
    void treeKeepsOpenFoldersAcrossEdits();
    void dropOnAFolderAddsIntoIt();
    void contextMenuOffersTheEntryActions();
    void propertiesShowArchiveAndEntry();
    void propertiesShowListsAndAttributes();
    void compareWithFolderListsDifferences();
    void openWithDefaultAppHandsOverTheExtractedFile();
    void activatingOpensFilesAndFolders();
    void copyPutsFilesOnTheClipboard();
    void previewShowsTheSelectedFile();
    void exportWritesAStandardArchive_data();
    void exportWritesAStandardArchive();
    void layoutIsRememberedAcrossWindows();
    void columnsSavedBeforePermissionsAndOwner();
    void extractPlacesOneFolderWithoutAnother_data();
    void extractPlacesOneFolderWithoutAnother();
    void extractToDialogChoosesFoldersAndExisting_data();
    void extractToDialogChoosesFoldersAndExisting();
    void extractionSaysWhatMetadataItCouldNotSet();
    void newArchiveDialogCanMoveTheFilesIn();
    void newArchiveFromAFolder();
    void statusBarSumsUpTheSelection();
    void newArchiveNamedZipIsAZip();
    void savedFileGoesBackIntoTheArchive_data();
    void savedFileGoesBackIntoTheArchive();
    void jobEndNotifiesWithOpenFolder();
    void corruptedArchiveIsReportedClearly_data();
    void corruptedArchiveIsReportedClearly();
    void progressPanelNamesTheEntryBeingCoded();
    void encryptedArchiveFromTheNewArchiveDialog();
    void encryptedArchiveAsksForItsPassword_data();
    void encryptedArchiveAsksForItsPassword();
    void setPasswordEncryptsChangesAndRemovesIt();
    void repairRecoversACutArchive();
    void recoveryRecordFromDialogToRepair();
    void splitArchiveOpensAsOne();
    void damagedArchiveOpensThroughItsRecord();

private:
    fs::path makeArchive(const QString& name, const std::string& password = {});
    QTemporaryDir temp_;
    fs::path root_;
    std::vector<QString> errors_;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(temp_.isValid());
    root_ = fs::path(temp_.path().toStdString());
    nnz::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));  // plural forms, as the GUI has them
    // Private settings, and the store codec so jobs are instant.
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString((root_ / "config").string()));
    QCoreApplication::setOrganizationName(QStringLiteral("nnzip-tests"));
    nnz::ui::AppSettings settings;
    settings.preset = QStringLiteral("store");
    settings.overwrite = nnz::ui::AppSettings::Overwrite::Always;
    settings.save();
    writeFile(root_ / "src" / "docs" / "readme.txt", "hello from the archive\n");
    writeFile(root_ / "src" / "docs" / "notes.md", "# notes\n");
    writeFile(root_ / "src" / "data.bin", std::string(5000, 'x'));
    writeFile(root_ / "extra" / "added.txt", "added later\n");
    writeFile(root_ / "extra" / "second.txt", "and another\n");
}

void TestMainWindow::init() { errors_.clear(); }

fs::path TestMainWindow::makeArchive(const QString& name, const std::string& password)
{
    const fs::path archive = root_ / name.toStdString();
    fs::remove(archive);
    nnz::CompressOptions options;
    options.codec = "store";
    options.passphrase = nnz::Passphrase(password);
    nnz::JobControl control;
    const std::vector<fs::path> inputs{root_ / "src" / "docs", root_ / "src" / "data.bin"};
    nnz::compress_paths(archive, inputs, options, control);
    return archive;
}

void TestMainWindow::startsEmptyWithArchiveActionsDisabled()
{
    MainWindow window;
    QVERIFY(window.archivePath().isEmpty());
    QVERIFY(window.acceptDrops());
    int enabled = 0;
    for (QAction* action : window.findChildren<QAction*>()) {
        const QString text = action->text().remove(QLatin1Char('&'));
        if (text == QLatin1String("Extract") || text == QLatin1String("Test") || text == QLatin1String("Properties"))
            QVERIFY2(!action->isEnabled(), qPrintable(text));
        if ((text == QStringLiteral("New…") || text == QStringLiteral("Open…")) && action->isEnabled()) ++enabled;
    }
    QCOMPARE(enabled, 2);
}

// Every toolbar button has an icon drawn at the toolbar's size (a 16-pixel style icon among
// 32-pixel ones looks broken and shifts its text), from the icon theme or the style.
void TestMainWindow::toolbarIconsAreDrawnAtToolbarSize()
{
    MainWindow window;
    auto* toolbar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QVERIFY(toolbar);
    QVERIFY(toolbar->actions().size() >= 6);
    const QSize size = toolbar->iconSize();
    for (QAction* action : toolbar->actions()) {
        QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
        QVERIFY2(action->icon().actualSize(size) == size,
                 qPrintable(action->text() + QStringLiteral(": drawn at %1 px").arg(action->icon().actualSize(size).width())));
    }
}

void TestMainWindow::openingListsEntries()
{
    const fs::path archive = makeArchive(QStringLiteral("open.nnz"));
    MainWindow window;
    QSignalSpy opened(&window, &MainWindow::archiveOpened);
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(window.entriesModel()->entryCount(), 4);  // docs, docs/notes.md, docs/readme.txt, data.bin
    QVERIFY(window.windowTitle().contains(QStringLiteral("open.nnz")));
    QVERIFY(nnz::ui::AppSettings::recentArchives().contains(QString::fromStdString(archive.string())));
    QCOMPARE(unnamedFields(window), QStringList());  // the list and the filter box are named for screen readers
}

void TestMainWindow::damagedArchiveShowsErrorWithoutCrash_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("garbage") << QByteArray("this is not an nnzip archive at all, just text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("truncated") << QByteArray("truncate");
}

void TestMainWindow::damagedArchiveShowsErrorWithoutCrash()
{
    QFETCH(QByteArray, content);
    const fs::path broken = root_ / "broken.nnz";
    if (content == "truncate") {
        const fs::path good = makeArchive(QStringLiteral("to-truncate.nnz"));
        fs::copy_file(good, broken, fs::copy_options::overwrite_existing);
        fs::resize_file(broken, fs::file_size(good) - 7);
    } else {
        writeFile(broken, content.toStdString());
    }
    // Once through the test hook, once through the real (non-blocking) message box.
    for (bool hook : {true, false}) {
        MainWindow window;
        if (hook) window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
        QSignalSpy shown(&window, &MainWindow::errorShown);
        QVERIFY(!window.openArchive(QString::fromStdString(broken.string())));
        QCOMPARE(shown.count(), 1);
        const QString text = shown.first().first().toString();
        QVERIFY2(text.contains(QStringLiteral("broken.nnz")) && text.contains(QStringLiteral("not changed")), qPrintable(text));
        QVERIFY(window.archivePath().isEmpty());
        QCOMPARE(window.entriesModel()->entryCount(), 0);
        if (hook) QCOMPARE(errors_.size(), size_t(1));
        else QVERIFY(window.findChild<QMessageBox*>(QStringLiteral("errorBox")) != nullptr);
    }
}

void TestMainWindow::dropOneArchiveOpensIt()
{
    const fs::path archive = makeArchive(QStringLiteral("dropped.nnz"));
    MainWindow window;
    window.show();
    QVERIFY(dropUrls(&window, {QString::fromStdString(archive.string())}));
    QTRY_COMPARE(window.archivePath(), QString::fromStdString(archive.string()));
    QCOMPARE(window.entriesModel()->entryCount(), 4);
    QVERIFY(!window.jobRunner()->busy());  // opening is not a job
}

void TestMainWindow::dropFilesOnEmptyWindowAsksAndCreates()
{
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.show();
    const QString docs = QString::fromStdString((root_ / "src" / "docs").string());
    const QString data = QString::fromStdString((root_ / "src" / "data.bin").string());
    QVERIFY(dropUrls(&window, {docs, data}));
    nnz::ui::NewArchiveDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::NewArchiveDialog*>()) != nullptr);
    // Defaults: next to the first item, named after it, with the configured preset.
    QCOMPARE(dialog->archivePath(), QString::fromStdString((root_ / "src" / "docs.nnz").string()));
    QCOMPARE(dialog->preset(), QStringLiteral("store"));
    QCOMPARE(dialog->inputs(), (QStringList{docs, data}));
    const QString target = QString::fromStdString((root_ / "created.nnz").string());
    QFile::remove(target);
    dialog->setArchivePath(QString::fromStdString((root_ / "created").string()));  // ".nnz" is added
    dialog->accept();
    QVERIFY(waitIdle(window));
    QVERIFY(errors_.empty());
    QVERIFY(QFileInfo::exists(target));
    QCOMPARE(window.archivePath(), target);
    QCOMPARE(window.entriesModel()->entryCount(), 4);
    QCOMPARE(window.progressPanels().size(), 1);
    QCOMPARE(window.progressPanels().first()->statusText(), QStringLiteral("Done"));
}

// The new-archive dialog's "Delete the files once they are in the archive" (unticked each time
// it opens): the dropped files are gone when the job is done, the archive holds them. And its
// "Test the archive before keeping it".
void TestMainWindow::newArchiveDialogCanMoveTheFilesIn()
{
    writeFile(root_ / "moving" / "one.txt", "first\n");
    writeFile(root_ / "moving" / "inner" / "two.txt", "second\n");
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.show();
    QVERIFY(dropUrls(&window, {QString::fromStdString((root_ / "moving").string())}));
    nnz::ui::NewArchiveDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::NewArchiveDialog*>()) != nullptr);
    QVERIFY(!dialog->removeFiles());
    dialog->setRemoveFiles(true);
    // Test before keeping: as Settings say (off here), also for volumes.
    QVERIFY(!dialog->testArchive());
    dialog->setTestArchive(true);
    dialog->setVolumeSizeMiB(10);
    QVERIFY(dialog->testArchive());
    dialog->setVolumeSizeMiB(0);
    QVERIFY(dialog->testArchive());
    const QString target = QString::fromStdString((root_ / "moved.nnz").string());
    QFile::remove(target);
    dialog->setArchivePath(target);
    dialog->accept();
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QVERIFY(!fs::exists(root_ / "moving"));
    QCOMPARE(window.archivePath(), target);
    QCOMPARE(window.entriesModel()->entryCount(), 4);
    QVERIFY2(window.progressPanels().first()->detailsText().contains(QStringLiteral("deleting the files once archived")),
             qPrintable(window.progressPanels().first()->detailsText()));
    QVERIFY2(window.progressPanels().first()->detailsText().contains(QStringLiteral("tested before it is kept")),
             qPrintable(window.progressPanels().first()->detailsText()));
}

// File ▸ New from Folder… (newArchiveFrom with the folder chosen): the dialog proposes the
// folder's name beside it; Create closes the open archive and opens the new one.
void TestMainWindow::newArchiveFromAFolder()
{
    writeFile(root_ / "album" / "one.txt", "first\n");
    writeFile(root_ / "album" / "inner" / "two.txt", "second\n");
    const fs::path target = root_ / "album.nnz";
    fs::remove(target);
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.show();
    errors_.clear();
    QAction* fromFolder = action(window, "newFromFolderAction");
    QVERIFY(fromFolder && fromFolder->isEnabled());
    QVERIFY(window.openArchive(QString::fromStdString(makeArchive(QStringLiteral("other.nnz")).string())));
    window.newArchiveFrom({QString::fromStdString((root_ / "album").string())});
    nnz::ui::NewArchiveDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::NewArchiveDialog*>()) != nullptr);
    QCOMPARE(dialog->archivePath(), QString::fromStdString(target.string()));
    dialog->setPreset(QStringLiteral("store"));
    dialog->accept();
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(window.archivePath(), QString::fromStdString(target.string()));
    QCOMPARE(window.entriesModel()->entryCount(), 4);  // album, album/inner, and the two files
}

// The status bar's left side says what the selection holds: a folder with everything in it, a
// file and its folder counted once; nothing when nothing is selected.
void TestMainWindow::statusBarSumsUpTheSelection()
{
    const fs::path archive = makeArchive(QStringLiteral("selection.nnz"));
    MainWindow window;
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    auto* label = window.findChild<QLabel*>(QStringLiteral("selectionSummary"));
    QVERIFY(label);
    QVERIFY(label->text().isEmpty());
    selectEntries(window, {QStringLiteral("docs")});
    QCOMPARE(label->text(), QStringLiteral("Selected: 2 files in 1 folder · 31 bytes"));
    selectEntries(window, {QStringLiteral("docs"), QStringLiteral("docs/readme.txt"), QStringLiteral("data.bin")});
    QVERIFY2(label->text().startsWith(QStringLiteral("Selected: 3 files in 1 folder · 5.")), qPrintable(label->text()));
    selectEntries(window, {QStringLiteral("docs/notes.md")});
    QCOMPARE(label->text(), QStringLiteral("Selected: 1 file · 8 bytes"));
    selectEntries(window, {});
    QVERIFY(label->text().isEmpty());
}

// A new archive named .zip (7z, tar...) is written in that format and opens, read-only.
void TestMainWindow::newArchiveNamedZipIsAZip()
{
    nnz::ui::NewArchiveDialog dialog({QStringLiteral("/tmp/x")}, QStringLiteral("/tmp/x.nnz"), QStringLiteral("store"));
    dialog.setArchivePath(QStringLiteral("/tmp/for-mail.zip"));
    QCOMPARE(dialog.archivePath(), QStringLiteral("/tmp/for-mail.zip"));
    dialog.setArchivePath(QStringLiteral("/tmp/plain"));
    QCOMPARE(dialog.archivePath(), QStringLiteral("/tmp/plain.nnz"));

    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    const QString target = QString::fromStdString((root_ / "for-mail.zip").string());
    QFile::remove(target);
    Job* job = window.createArchive(target, {QString::fromStdString((root_ / "src" / "docs").string())}, QStringLiteral("store"),
                                    {}, 5);
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(job->details(), QStringLiteral("Written as a zip, for other tools"));
    QVERIFY(!nnz::has_nnz_magic(target.toStdString()));
    QCOMPARE(window.archivePath(), target);
    QVERIFY(window.entriesModel()->isForeign());
    QCOMPARE(window.entriesModel()->entryCount(), 3);
}

void TestMainWindow::dropFilesOnOpenArchiveAddsThem()
{
    const fs::path archive = makeArchive(QStringLiteral("add.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.show();
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QCOMPARE(window.entriesModel()->entryCount(), 4);
    QVERIFY(dropUrls(&window, {QString::fromStdString((root_ / "extra" / "added.txt").string()),
                               QString::fromStdString((root_ / "extra" / "second.txt").string())}));
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(window.entriesModel()->entryCount(), 6);
    QStringList names;
    for (int row = 0; row < window.entriesModel()->entryCount(); ++row)
        names << QString::fromStdString(window.entriesModel()->entry(row).path);
    for (const char* expected : {"added.txt", "second.txt", "docs/readme.txt", "docs/notes.md", "data.bin"})
        QVERIFY2(names.contains(QLatin1String(expected)), expected);
    // Adding a same-named item again replaces it rather than failing.
    QVERIFY(window.addToArchive({QString::fromStdString((root_ / "extra" / "added.txt").string())}));
    QVERIFY(waitIdle(window));
    QVERIFY(errors_.empty());
    QCOMPARE(window.entriesModel()->entryCount(), 6);
}

void TestMainWindow::deleteAsksThenRemovesTheSelection_data()
{
    QTest::addColumn<bool>("confirmed");
    QTest::newRow("confirmed") << true;
    QTest::newRow("declined") << false;
}

void TestMainWindow::deleteAsksThenRemovesTheSelection()
{
    QFETCH(bool, confirmed);
    const fs::path archive = makeArchive(QStringLiteral("delete.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QStringList questions;
    window.setQuestionHandler([&](const QString& title, const QString&) {
        questions << title;
        return confirmed;
    });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    selectEntries(window, {QStringLiteral("docs")});
    QAction* remove = action(window, "deleteAction");
    QVERIFY(remove->isEnabled());
    remove->trigger();
    QCOMPARE(questions.size(), 1);
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QStringList names;
    for (int row = 0; row < window.entriesModel()->entryCount(); ++row)
        names << QString::fromStdString(window.entriesModel()->entry(row).path);
    names.sort();
    // The folder goes with everything in it; the archive is opened again as it now is.
    const QStringList expected = confirmed ? QStringList{"data.bin"} : QStringList{"data.bin", "docs", "docs/notes.md", "docs/readme.txt"};
    QCOMPARE(names, expected);
}

void TestMainWindow::renameAsksForTheNewName_data()
{
    QTest::addColumn<QString>("answer");  // empty: the dialog was cancelled
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("fails");
    const QStringList before{"data.bin", "docs", "docs/notes.md", "docs/readme.txt"};
    QTest::newRow("a folder moves with its files") << "manual" << QStringList{"data.bin", "manual", "manual/notes.md", "manual/readme.txt"} << false;
    QTest::newRow("cancelled") << "" << before << false;
    QTest::newRow("a name that is taken") << "data.bin" << before << true;
}

void TestMainWindow::renameAsksForTheNewName()
{
    QFETCH(QString, answer);
    QFETCH(QStringList, expected);
    QFETCH(bool, fails);
    const fs::path archive = makeArchive(QStringLiteral("rename.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QStringList offered;
    window.setTextHandler([&](const QString&, const QString&, const QString& text) {
        offered << text;
        return answer;
    });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    selectEntries(window, {QStringLiteral("docs")});
    action(window, "renameAction")->trigger();
    QCOMPARE(offered, QStringList{"docs"});  // the dialog starts from the current name
    QVERIFY(waitIdle(window));
    QCOMPARE(errors_.size(), size_t(fails ? 1 : 0));
    if (fails) QVERIFY2(errors_.front().contains("already has an entry") && errors_.front().contains("not changed"), qPrintable(errors_.front()));
    QStringList names;
    for (int row = 0; row < window.entriesModel()->entryCount(); ++row)
        names << QString::fromStdString(window.entriesModel()->entry(row).path);
    names.sort();
    QCOMPARE(names, expected);
}

void TestMainWindow::dropWithoutFilesIsRefused()
{
    MainWindow window;
    window.show();
    QMimeData mime;
    mime.setText(QStringLiteral("just text"));
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(!enter.isAccepted());
}

void TestMainWindow::dragOutExtractsSelection()
{
    const fs::path archive = makeArchive(QStringLiteral("drag.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    selectEntries(window, {QStringLiteral("docs"), QStringLiteral("docs/readme.txt")});
    QCOMPARE(window.selectedEntryPaths(), QStringList{QStringLiteral("docs")});  // the folder covers its file
    std::unique_ptr<QMimeData> mime(window.extractSelectionForDrag());
    QVERIFY(mime);
    QVERIFY(mime->hasUrls());
    QCOMPARE(mime->urls().size(), 1);
    const QString folder = mime->urls().first().toLocalFile();
    QVERIFY(QFileInfo(folder).isDir());
    QCOMPARE(readFile(folder + QStringLiteral("/readme.txt")), std::string("hello from the archive\n"));
    QVERIFY(errors_.empty());
}

void TestMainWindow::extractAndTestRunAsJobs()
{
    const fs::path archive = makeArchive(QStringLiteral("extract.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    const QString dest = QString::fromStdString((root_ / "extracted").string());
    Job* extract = window.extractEntries(dest, {QStringLiteral("data.bin")});
    Job* test = window.testArchive();
    QVERIFY(extract && test);
    QVERIFY(waitIdle(window));
    QCOMPARE(extract->state(), Job::State::Succeeded);
    QCOMPARE(test->state(), Job::State::Succeeded);
    QCOMPARE(readFile(dest + QStringLiteral("/data.bin")), std::string(5000, 'x'));
    QVERIFY(!QFileInfo::exists(dest + QStringLiteral("/docs")));
    QCOMPARE(extract->resultFolder(), dest);
    QVERIFY(errors_.empty());

    // Test Selected Entries: the selection's checksums, said so when they pass.
    selectEntries(window, {QStringLiteral("docs")});
    QVERIFY(action(window, "testSelectionAction")->isEnabled());
    Job* selected = window.testSelection();
    QVERIFY(selected);
    QCOMPARE(selected->title(), QStringLiteral("Testing 1 entry of extract.nnz"));
    QVERIFY(waitIdle(window));
    QCOMPARE(selected->state(), Job::State::Succeeded);
    QVERIFY2(window.notificationBar()->text().contains(QStringLiteral("the selected entries decoded and their checksums matched")),
             qPrintable(window.notificationBar()->text()));

    // A failing job (the archive vanished) reports what failed and that nothing changed.
    fs::remove(archive);
    QVERIFY(window.testArchive());
    QVERIFY(waitIdle(window));
    QCOMPARE(errors_.size(), size_t(1));
    QVERIFY2(errors_.front().contains(QStringLiteral("extract.nnz")), qPrintable(errors_.front()));
}

// Asked before the job: create the links, leave them out, or extract nothing; only for the
// selected entries.
void TestMainWindow::extractAsksAboutOutsideLinks_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<bool>("queued");
    QTest::addColumn<bool>("linkCreated");
    QTest::newRow("create links") << 0 << true << true;
    QTest::newRow("leave them out") << 1 << true << false;
    QTest::newRow("cancel") << -1 << false << false;
}

void TestMainWindow::extractAsksAboutOutsideLinks()
{
    QFETCH(int, choice);
    QFETCH(bool, queued);
    QFETCH(bool, linkCreated);
    const fs::path input = root_ / "with-links";
    fs::remove_all(input);
    writeFile(input / "kept.txt", "kept\n");
    fs::create_symlink("../../elsewhere", input / "up");
    const fs::path archive = root_ / "links.nnz";
    fs::remove(archive);
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    const std::vector<fs::path> inputs{input};
    nnz::compress_paths(archive, inputs, options, control);

    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QStringList asked;
    window.setChoiceHandler([&](const QString&, const QString& text, const QStringList&) {
        asked << text;
        return choice;
    });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    const fs::path dest = root_ / "links-out";
    fs::remove_all(dest);
    // A selection without the link: nothing to ask.
    Job* onlyFile = window.extractEntries(QString::fromStdString(dest.string()), {QStringLiteral("with-links/kept.txt")});
    QVERIFY(onlyFile);
    QVERIFY(waitIdle(window));
    QVERIFY(asked.isEmpty());
    fs::remove_all(dest);

    Job* job = window.extractEntries(QString::fromStdString(dest.string()), {});
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().contains(QStringLiteral("with-links/up")) && asked.first().contains(QStringLiteral("../../elsewhere")),
             qPrintable(asked.first()));
    QCOMPARE(job != nullptr, queued);
    QVERIFY(waitIdle(window));
    if (job) QCOMPARE(job->state(), Job::State::Succeeded);
    QCOMPARE(fs::exists(dest / "with-links" / "kept.txt"), queued);
    QCOMPARE(fs::is_symlink(dest / "with-links" / "up"), linkCreated);
    QVERIFY(!fs::exists(root_ / "elsewhere"));
    QVERIFY(errors_.empty());
}

void TestMainWindow::filterBoxFiltersList()
{
    const fs::path archive = makeArchive(QStringLiteral("filter.nnz"));
    MainWindow window;
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    auto* filter = window.findChild<QLineEdit*>();
    QVERIFY(filter);
    auto* proxy = window.proxyModel();
    auto* view = window.entriesView();
    // The tree: folders first, each open or closed as the user left it.
    QCOMPARE(proxy->rowCount(), 2);
    QCOMPARE(proxy->index(0, 0).data(EntriesModel::PathRole).toString(), QStringLiteral("docs"));
    QCOMPARE(proxy->index(1, 0).data(EntriesModel::PathRole).toString(), QStringLiteral("data.bin"));
    QCOMPARE(proxy->rowCount(proxy->index(0, 0)), 2);
    QVERIFY(!view->isExpanded(proxy->index(0, 0)));  // two items at the top: nothing is opened for the user
    // A match deep inside shows the folders leading to it, opened.
    filter->setText(QStringLiteral("README"));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->rowCount(proxy->index(0, 0)), 1);
    QCOMPARE(proxy->index(0, 0, proxy->index(0, 0)).data(EntriesModel::PathRole).toString(), QStringLiteral("docs/readme.txt"));
    QVERIFY(view->isExpanded(proxy->index(0, 0)));
    filter->setText(QStringLiteral("zzz"));
    QCOMPARE(proxy->rowCount(), 0);
    filter->clear();
    QCOMPARE(proxy->rowCount(), 2);
    QCOMPARE(proxy->rowCount(proxy->index(0, 0)), 2);
}

void TestMainWindow::treeKeepsOpenFoldersAcrossEdits()
{
    // An archive of one folder opens showing what is in it.
    const fs::path single = root_ / "single.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::compress_paths(single, std::vector<fs::path>{root_ / "src" / "docs"}, options, control);
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    auto* proxy = window.proxyModel();
    auto* view = window.entriesView();
    const auto item = [&](const char* path) { return proxy->mapFromSource(window.entriesModel()->indexOfPath(QLatin1String(path))); };
    QVERIFY(window.openArchive(QString::fromStdString(single.string())));
    QVERIFY(view->isExpanded(item("docs")));

    // Folders the user opened stay open when the archive is read again after an edit.
    const fs::path archive = makeArchive(QStringLiteral("tree.nnz"));
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QVERIFY(!view->isExpanded(item("docs")));
    view->expand(item("docs"));
    QVERIFY(window.addToArchive({QString::fromStdString((root_ / "extra" / "added.txt").string())}));
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QVERIFY(item("added.txt").isValid());
    QVERIFY(view->isExpanded(item("docs")));
    // Another archive starts closed.
    QVERIFY(window.openArchive(QString::fromStdString(makeArchive(QStringLiteral("other.nnz")).string())));
    QVERIFY(!view->isExpanded(item("docs")));
}

void TestMainWindow::dropOnAFolderAddsIntoIt()
{
    const fs::path archive = makeArchive(QStringLiteral("into.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    auto* view = window.entriesView();
    // The centre of an entry's row, in the window's coordinates.
    const auto rowAt = [&](const char* path) {
        const QModelIndex item = window.proxyModel()->mapFromSource(window.entriesModel()->indexOfPath(QLatin1String(path)));
        return view->viewport()->mapTo(&window, view->visualRect(item).center());
    };
    QCOMPARE(window.dropFolderAt(rowAt("docs")), QStringLiteral("docs"));
    QCOMPARE(window.dropFolderAt(rowAt("data.bin")), QString());  // a file at the top: the top
    view->expand(window.proxyModel()->mapFromSource(window.entriesModel()->indexOfPath(QStringLiteral("docs"))));
    QCOMPARE(window.dropFolderAt(rowAt("docs/readme.txt")), QStringLiteral("docs"));  // a file: its folder
    QCOMPARE(window.dropFolderAt(QPoint(1, 1)), QString());                           // the menu bar: the top

    // Dropped on the folder: into it; an archive dropped there is added too, not opened.
    const QString inner = QString::fromStdString(makeArchive(QStringLiteral("inner.nnz")).string());
    QVERIFY(dropUrls(&window, {QString::fromStdString((root_ / "extra" / "added.txt").string()), inner}, rowAt("docs")));
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(window.archivePath(), QString::fromStdString(archive.string()));
    QVERIFY(window.entriesModel()->indexOfPath(QStringLiteral("docs/added.txt")).isValid());
    QVERIFY(window.entriesModel()->indexOfPath(QStringLiteral("docs/inner.nnz")).isValid());
    QVERIFY(!window.entriesModel()->indexOfPath(QStringLiteral("added.txt")).isValid());
    QVERIFY2(window.progressPanels().last()->job()->title().contains(QStringLiteral("to docs in into.nnz")),
             qPrintable(window.progressPanels().last()->job()->title()));

    // Add Files and Add Folder go into the one folder selected, else to the top.
    selectEntries(window, {QStringLiteral("docs")});
    QCOMPARE(window.selectedFolder(), QStringLiteral("docs"));
    selectEntries(window, {QStringLiteral("data.bin")});
    QCOMPARE(window.selectedFolder(), QString());
    selectEntries(window, {QStringLiteral("docs"), QStringLiteral("data.bin")});
    QCOMPARE(window.selectedFolder(), QString());
}

void TestMainWindow::contextMenuOffersTheEntryActions()
{
    const fs::path archive = makeArchive(QStringLiteral("menu.nnz"));
    MainWindow window;
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QStringList texts;
    for (QAction* a : window.contextMenuActions()) texts << (a ? a->text().remove(QLatin1Char('&')) : QStringLiteral("-"));
    QCOMPARE(texts, (QStringList{"Extract", "Extract To…", "Open with Default Application", "Preview", "Copy", "-", "Rename…",
                                 "Delete from Archive", "-", "Test Selected Entries", "Properties"}));
    QVERIFY(!action(window, "deleteAction")->isEnabled());  // nothing selected
    QVERIFY(!action(window, "renameAction")->isEnabled());
    QVERIFY(!action(window, "testSelectionAction")->isEnabled());
    QVERIFY(window.testSelection() == nullptr);
    // "Open with" and Preview need exactly one file; Rename one entry of any kind.
    selectEntries(window, {QStringLiteral("docs")});
    QVERIFY(!action(window, "openWithAction")->isEnabled());
    QVERIFY(!action(window, "previewAction")->isEnabled());
    QVERIFY(action(window, "renameAction")->isEnabled());
    selectEntries(window, {QStringLiteral("data.bin")});
    QVERIFY(action(window, "openWithAction")->isEnabled());
    QVERIFY(action(window, "previewAction")->isEnabled());
    selectEntries(window, {QStringLiteral("data.bin"), QStringLiteral("docs/notes.md")});
    QVERIFY(!action(window, "openWithAction")->isEnabled());
    QVERIFY(!action(window, "previewAction")->isEnabled());
    QVERIFY(!action(window, "renameAction")->isEnabled());
    QVERIFY(window.openWithDefaultApp() == nullptr);
    QVERIFY(window.previewSelection() == nullptr);
}

void TestMainWindow::compareWithFolderListsDifferences()
{
    const fs::path root = root_ / "compare";
    fs::create_directories(root / "tree" / "sub");
    std::ofstream(root / "tree" / "a.txt") << "as archived";
    std::ofstream(root / "tree" / "sub" / "b.txt") << "b";
    const fs::path archive = root / "tree.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{root / "tree"}, options, control);
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QVERIFY(action(window, "compareAction")->isEnabled());

    // As archived: said in the status bar, no list.
    const QString folder = QString::fromStdString(root.string());
    Job* same = window.compareWithFolder(folder);
    QVERIFY(same);
    QVERIFY(waitIdle(window));
    QCOMPARE(same->state(), Job::State::Succeeded);
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("as tree.nnz holds them")),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(!window.findChild<QMessageBox*>(QStringLiteral("differencesMessage")));

    // Changed on disk: the differences listed, the window still usable (not modal).
    std::ofstream(root / "tree" / "a.txt", std::ios::app) << " and changed";
    fs::remove(root / "tree" / "sub" / "b.txt");
    QVERIFY(window.compareWithFolder(folder));
    QVERIFY(waitIdle(window));
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("differencesMessage"));
    QVERIFY(box);
    QVERIFY(!box->isModal());
    QVERIFY2(box->text().startsWith(QStringLiteral("2 entries of tree.nnz differ")), qPrintable(box->text()));
    QCOMPARE(box->detailedText(), QStringLiteral("tree/a.txt: size 11 -> 23, modified\ntree/sub/b.txt: missing on disk"));
    box->close();
    QVERIFY(errors_.empty());

    // A foreign archive is decoded to compare its contents.
    makeZip(root / "z.zip", {{"tree/a.txt", "as archived AND CHANGED"}});  // the size of the file on disk
    QVERIFY(window.openArchive(QString::fromStdString((root / "z.zip").string())));
    QVERIFY(action(window, "compareAction")->isEnabled());
    QVERIFY(window.compareWithFolder(folder));
    QVERIFY(waitIdle(window));
    QTRY_VERIFY((box = window.findChild<QMessageBox*>(QStringLiteral("differencesMessage"))) != nullptr);
    QCOMPARE(box->detailedText(), QStringLiteral("tree/a.txt: content, modified"));
    box->close();
    QVERIFY(errors_.empty());
}

void TestMainWindow::propertiesShowListsAndAttributes()
{
    // Given to the writer as a file system would give them: shown as lines, markup as text.
    const fs::path root = fs::path(temp_.path().toStdString()) / "acl-props";
    fs::create_directories(root / "d");
    std::ofstream(root / "d" / "shared.txt") << "shared";
    auto items = nnz::walk_inputs(std::vector<fs::path>{root / "d"});
    for (auto& item : items) {
        if (item.info.path != "d/shared.txt") continue;
        item.info.acl = "user::rw-,user:alice:r--:1000,group::r--,mask::r--,other::r--";
        item.info.xattrs = {{"user.comment", "<i>team</i> notes"}};
    }
    const fs::path archive = root / "acl.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::write_archive(archive, items, nnz::write_options_for(options, items), control);
    MainWindow window;
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    selectEntries(window, {QStringLiteral("d/shared.txt")});
    action(window, "propertiesAction")->trigger();
    auto* dialog = window.findChild<nnz::ui::PropertiesDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->field(QStringLiteral("acl")), QStringLiteral("user::rw-\nuser:alice:r--:1000\ngroup::r--\nmask::r--\nother::r--"));
    QCOMPARE(dialog->field(QStringLiteral("xattrs")), QStringLiteral("user.comment: <i>team</i> notes"));
    auto* shown = dialog->findChild<QLabel*>(QStringLiteral("xattrs"));
    QVERIFY(shown);
    QCOMPARE(shown->textFormat(), Qt::PlainText);  // the archive's text, not markup
    dialog->close();
}

void TestMainWindow::propertiesShowArchiveAndEntry()
{
    const fs::path archive = makeArchive(QStringLiteral("props.nnz"));
    MainWindow window;
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    selectEntries(window, {QStringLiteral("data.bin")});
    action(window, "propertiesAction")->trigger();
    auto* dialog = window.findChild<nnz::ui::PropertiesDialog*>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());  // non-modal: the test goes on while it is open
    QCOMPARE(dialog->field(QStringLiteral("archive")), QString::fromStdString(archive.string()));
    QCOMPARE(dialog->field(QStringLiteral("entries")), QStringLiteral("4"));
    QCOMPARE(dialog->field(QStringLiteral("fileSize")), nnz::ui::formatBytes(double(fs::file_size(archive))));
    QVERIFY2(dialog->field(QStringLiteral("blocks")).startsWith(QStringLiteral("1 (store)")), qPrintable(dialog->field("blocks")));
    QCOMPARE(dialog->field(QStringLiteral("presets")), QStringLiteral("Store (no compression)"));
    QCOMPARE(dialog->field(QStringLiteral("entry")), QStringLiteral("data.bin"));
    QCOMPARE(dialog->field(QStringLiteral("type")), QStringLiteral("File"));
    QCOMPARE(dialog->field(QStringLiteral("entrySize")), QStringLiteral("5.0 KB"));
    QCOMPARE(dialog->field(QStringLiteral("entryBpb")), QStringLiteral("8.000"));  // stored
    nnz::ArchiveReader reader(archive);
    const auto found = std::find_if(reader.entries().begin(), reader.entries().end(), [](const nnz::EntryInfo& e) { return e.path == "data.bin"; });
    QVERIFY(found != reader.entries().end());
    QCOMPARE(dialog->field(QStringLiteral("checksum")), QStringLiteral("%1").arg(found->content_hash, 16, 16, QChar('0')));
    const passwd* user = ::getpwuid(::geteuid());
    const group* userGroup = ::getgrgid(::getegid());
    QVERIFY(user && userGroup);
    QCOMPARE(dialog->field(QStringLiteral("owner")),
             QStringLiteral("%1:%2 (%3:%4)").arg(user->pw_name, userGroup->gr_name).arg(::geteuid()).arg(::getegid()));
    dialog->close();
    QTRY_VERIFY(window.findChild<nnz::ui::PropertiesDialog*>() == nullptr);  // deleted on close

    // A folder, and the archive alone when nothing is selected.
    selectEntries(window, {QStringLiteral("docs")});
    action(window, "propertiesAction")->trigger();
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::PropertiesDialog*>()) != nullptr);
    QCOMPARE(dialog->field(QStringLiteral("type")), QStringLiteral("Folder"));
    QCOMPARE(dialog->field(QStringLiteral("contains")), QStringLiteral("2 files, 31 bytes"));
    QCOMPARE(dialog->field(QStringLiteral("entryBpb")), QStringLiteral("8.000"));
    QVERIFY(dialog->field(QStringLiteral("checksum")).isEmpty());
    dialog->close();
    QTRY_VERIFY(window.findChild<nnz::ui::PropertiesDialog*>() == nullptr);
    window.entriesView()->selectionModel()->clearSelection();
    action(window, "propertiesAction")->trigger();
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::PropertiesDialog*>()) != nullptr);
    QCOMPARE(dialog->field(QStringLiteral("entries")), QStringLiteral("4"));
    QVERIFY(dialog->field(QStringLiteral("entry")).isEmpty());
}

void TestMainWindow::openWithDefaultAppHandsOverTheExtractedFile()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    const fs::path archive = makeArchive(QStringLiteral("openwith.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    selectEntries(window, {QStringLiteral("docs/readme.txt")});
    QVERIFY(action(window, "openWithAction")->isEnabled());
    action(window, "openWithAction")->trigger();
    QVERIFY(window.jobRunner()->busy());  // extracted by a job, not on the GUI thread
    QVERIFY(waitIdle(window));
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QVERIFY(errors_.empty());
    QCOMPARE(catcher.urls.size(), 1);
    const QString opened = catcher.urls.first().toLocalFile();
    QVERIFY2(opened.endsWith(QStringLiteral("/docs/readme.txt")), qPrintable(opened));
    QVERIFY2(opened.startsWith(QDir::tempPath()), qPrintable(opened));  // a temporary copy, not next to the archive
    QCOMPARE(readFile(opened), std::string("hello from the archive\n"));
    // Only that file was extracted.
    QCOMPARE(QDir(QFileInfo(opened).absolutePath() + QStringLiteral("/..")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
             QStringList{QStringLiteral("docs")});
}

// Copy (Ctrl+C), the keyboard's drag out: the selection extracted by a job and put on the
// clipboard as files, as a file manager pastes them.
void TestMainWindow::copyPutsFilesOnTheClipboard()
{
    const fs::path archive = makeArchive(QStringLiteral("copy.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QVERIFY(!action(window, "copyAction")->isEnabled());
    QVERIFY(window.copySelection() == nullptr);
    selectEntries(window, {QStringLiteral("docs"), QStringLiteral("data.bin")});
    QVERIFY(action(window, "copyAction")->isEnabled());
    QGuiApplication::clipboard()->clear();
    action(window, "copyAction")->trigger();
    QVERIFY(waitIdle(window));
    QVERIFY(errors_.empty());
    const QMimeData* copied = QGuiApplication::clipboard()->mimeData();
    QVERIFY(copied);
    const QList<QUrl> urls = copied->urls();
    QCOMPARE(urls.size(), 2);
    QStringList names;
    for (const QUrl& url : urls) names << QFileInfo(url.toLocalFile()).fileName();
    names.sort();
    QCOMPARE(names, (QStringList{"data.bin", "docs"}));
    for (const QUrl& url : urls) QVERIFY2(url.toLocalFile().startsWith(QDir::tempPath()), qPrintable(url.toLocalFile()));
    const QString docs = urls[0].toLocalFile().endsWith(QStringLiteral("docs")) ? urls[0].toLocalFile() : urls[1].toLocalFile();
    QCOMPARE(readFile(docs + QStringLiteral("/readme.txt")), std::string("hello from the archive\n"));
    const QByteArray gnome = copied->data(QStringLiteral("x-special/gnome-copied-files"));
    QVERIFY2(gnome.startsWith("copy\nfile://") && gnome.count('\n') == 2, gnome.constData());
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Copied 2 items")));
    QTRY_VERIFY(window.progressPanels().isEmpty());  // said on the status bar; its panel goes
}

void TestMainWindow::previewShowsTheSelectedFile()
{
    const fs::path archive = makeArchive(QStringLiteral("preview.nnz"), "secret");
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.setPasswordHandler([](const QString&, const QString&) { return QStringLiteral("secret"); });  // the job uses it too
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    // A temporary folder of its own, to see that a preview writes nothing there.
    const fs::path privateTemp = root_ / "preview-tmp";
    fs::create_directories(privateTemp);
    const QByteArray oldTemp = qgetenv("TMPDIR");
    qputenv("TMPDIR", QByteArray::fromStdString(privateTemp.string()));
    const auto restoreTemp = qScopeGuard([&] { oldTemp.isNull() ? qunsetenv("TMPDIR") : qputenv("TMPDIR", oldTemp); });
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    selectEntries(window, {QStringLiteral("docs/readme.txt")});
    window.entriesView()->setFocus();
    QTest::keyClick(window.entriesView(), Qt::Key_F3);  // the shortcut, as 7-Zip's View
    QVERIFY(window.jobRunner()->busy() || window.findChild<nnz::ui::PreviewDialog*>());  // decoded by a job
    QVERIFY(waitIdle(window));
    QVERIFY(errors_.empty());
    nnz::ui::PreviewDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::PreviewDialog*>()) != nullptr);
    QVERIFY(!dialog->isModal());
    QTRY_VERIFY(window.progressPanels().isEmpty());  // its job's panel went once the preview came
    auto* text = dialog->findChild<QPlainTextEdit*>(QStringLiteral("previewText"));
    QVERIFY(text);
    QCOMPARE(text->toPlainText(), QStringLiteral("hello from the archive\n"));
    QVERIFY2(dialog->summary().startsWith(QStringLiteral("docs/readme.txt\nText (UTF-8) · 23 bytes")), qPrintable(dialog->summary()));
    QVERIFY(fs::is_empty(privateTemp));  // nothing was written to disk for it

    // Its button opens the whole file in its application, as Open with Default Application does.
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    auto* open = dialog->findChild<QPushButton*>(QStringLiteral("openButton"));
    QVERIFY(open);
    open->click();
    QVERIFY(waitIdle(window));
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(catcher.urls.size(), 1);
    QCOMPARE(readFile(catcher.urls.first().toLocalFile()), std::string("hello from the archive\n"));
    dialog->close();
    QTRY_VERIFY(window.findChild<nnz::ui::PreviewDialog*>() == nullptr);  // deleted on close

    // Closed, it follows the selection no more; a folder has no preview.
    selectEntries(window, {QStringLiteral("docs/notes.md")});
    QVERIFY(!window.jobRunner()->busy());
    selectEntries(window, {QStringLiteral("docs")});
    QVERIFY(window.previewSelection() == nullptr);

    // Open, the preview shows each file selected next, in the same window (5,000 bytes of 'x'
    // are text too); a folder selected leaves it as it was.
    selectEntries(window, {QStringLiteral("data.bin")});
    QVERIFY(window.previewSelection());
    QVERIFY(waitIdle(window));
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::PreviewDialog*>()) != nullptr);
    QCOMPARE(dialog->content().text, QString(5000, QLatin1Char('x')));
    selectEntries(window, {QStringLiteral("docs/notes.md")});
    QVERIFY(waitIdle(window));
    QTRY_COMPARE(dialog->entryPath(), QStringLiteral("docs/notes.md"));
    QCOMPARE(dialog->content().text, QStringLiteral("# notes\n"));
    QCOMPARE(window.findChildren<nnz::ui::PreviewDialog*>().size(), 1);
    selectEntries(window, {QStringLiteral("docs")});
    QVERIFY(!window.jobRunner()->busy());
    QCOMPARE(dialog->entryPath(), QStringLiteral("docs/notes.md"));
    // Files chosen quickly one after another: the last one is shown, the others' jobs cancelled
    // without a word.
    selectEntries(window, {QStringLiteral("docs/readme.txt")});
    selectEntries(window, {QStringLiteral("data.bin")});
    QVERIFY(waitIdle(window));
    QTRY_COMPARE(dialog->entryPath(), QStringLiteral("data.bin"));
    QTRY_VERIFY(window.progressPanels().isEmpty());
    QVERIFY(errors_.empty());
    dialog->close();
    QTRY_VERIFY(window.findChild<nnz::ui::PreviewDialog*>() == nullptr);

    // Space in the list opens it and closes it again, as Quick Look does; the list keeps the keys,
    // so Down shows the next file.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.entriesView()->setFocus();
    selectEntries(window, {QStringLiteral("docs/notes.md")});
    window.entriesView()->setCurrentIndex(window.entriesView()->selectionModel()->selectedRows().first());
    QTest::keyClick(window.entriesView(), Qt::Key_Space);
    QVERIFY(waitIdle(window));
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::PreviewDialog*>()) != nullptr);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->entryPath(), QStringLiteral("docs/notes.md"));
    QCOMPARE(QApplication::activeWindow(), &window);
    QTest::keyClick(window.entriesView(), Qt::Key_Down);  // docs/readme.txt
    QVERIFY(waitIdle(window));
    QTRY_COMPARE(dialog->entryPath(), QStringLiteral("docs/readme.txt"));
    QTest::keyClick(window.entriesView(), Qt::Key_Space);
    QTRY_VERIFY(window.findChild<nnz::ui::PreviewDialog*>() == nullptr);
}

// As root the window gives entries their recorded attributes back (as `nnzip x` does); one the
// kernel refuses (a capability that is not one) is named in the job's panel, the file extracted.
void TestMainWindow::extractionSaysWhatMetadataItCouldNotSet()
{
    if (::geteuid() != 0) QSKIP("the window gives attributes back only when it runs as root");
    writeFile(root_ / "caps" / "tool", "a program\n");
    writeFile(root_ / "caps" / "readme.txt", "no attributes here\n");
    const fs::path archive = root_ / "caps.nnz";
    fs::remove(archive);
    nnz::CompressOptions options;
    options.codec = "store";
    const std::vector<fs::path> inputs{root_ / "caps"};
    std::vector<nnz::InputItem> items = nnz::gather_inputs(archive, inputs, options);
    for (auto& item : items)
        if (item.info.path == "caps/tool") item.info.xattrs.push_back({"security.capability", "not a capability"});
    nnz::JobControl making;
    nnz::write_archive(archive, items, nnz::write_options_for(options, items), making);

    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    const QString dest = QString::fromStdString((root_ / "caps-out").string());
    Job* extract = window.extractEntries(dest, {});
    QVERIFY(extract);
    QVERIFY(waitIdle(window));
    QCOMPARE(extract->state(), Job::State::Succeeded);
    QVERIFY(errors_.empty());
    QCOMPARE(readFile(dest + QStringLiteral("/caps/tool")), std::string("a program\n"));
    const QString shown = window.progressPanels().last()->warningsText();
    QVERIFY2(shown.contains(QStringLiteral("could not give one entry all of its recorded owner")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("tool")), qPrintable(shown));
    QVERIFY2(!shown.contains(QStringLiteral("readme.txt")), qPrintable(shown));
}

void TestMainWindow::extractPlacesOneFolderWithoutAnother_data()
{
    QTest::addColumn<QStringList>("inputs");     // under src/, what the archive is made of
    QTest::addColumn<QStringList>("selection");  // what Extract is given
    QTest::addColumn<QString>("opened");         // the job's folder to open, under the extraction folder
    QTest::addColumn<QStringList>("files");      // the files under the extraction folder afterwards
    QTest::newRow("one folder") << QStringList{"docs"} << QStringList{} << "docs"
                                << QStringList{"docs/notes.md", "docs/readme.txt"};
    QTest::newRow("loose files") << QStringList{"docs", "data.bin"} << QStringList{} << "ARCHIVE"
                                 << QStringList{"ARCHIVE/data.bin", "ARCHIVE/docs/notes.md", "ARCHIVE/docs/readme.txt"};
    QTest::newRow("one file chosen") << QStringList{"docs", "data.bin"} << QStringList{"data.bin"} << ""
                                     << QStringList{"data.bin"};
    QTest::newRow("a file inside a folder") << QStringList{"docs", "data.bin"} << QStringList{"docs/readme.txt"} << "docs"
                                            << QStringList{"docs/readme.txt"};
    QTest::newRow("two names at the top chosen") << QStringList{"docs", "data.bin"} << QStringList{"docs", "data.bin"} << "ARCHIVE"
                                                 << QStringList{"ARCHIVE/data.bin", "ARCHIVE/docs/notes.md", "ARCHIVE/docs/readme.txt"};
}

void TestMainWindow::extractPlacesOneFolderWithoutAnother()
{
    QFETCH(QStringList, inputs);
    QFETCH(QStringList, selection);
    QFETCH(QString, opened);
    QFETCH(QStringList, files);
    const QString name = QStringLiteral("placed-%1").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
    const fs::path archive = root_ / (name + QStringLiteral(".nnz")).toStdString();
    fs::remove(archive);
    {
        nnz::CompressOptions options;
        options.codec = "store";
        std::vector<fs::path> paths;
        for (const QString& input : inputs) paths.push_back(root_ / "src" / input.toStdString());
        nnz::JobControl control;
        nnz::compress_paths(archive, paths, options, control);
    }
    const fs::path out = root_ / "placed-out" / name.toStdString();
    fs::remove_all(out);
    const nnz::ui::AppSettings saved = nnz::ui::AppSettings::load();
    nnz::ui::AppSettings settings = saved;
    settings.extractFolder = QString::fromStdString(out.string());
    settings.save();
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    selectEntries(window, selection);
    QSignalSpy finished(window.jobRunner(), &nnz::ui::JobRunner::jobFinished);
    action(window, "extractAction")->trigger();
    QVERIFY(waitIdle(window));
    saved.save();
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(finished.size(), 1);
    const Job* job = finished.first().first().value<Job*>();
    QCOMPARE(job->state(), Job::State::Succeeded);
    opened.replace(QStringLiteral("ARCHIVE"), name);
    const QString outFolder = QString::fromStdString(out.string());
    QCOMPARE(QDir::cleanPath(job->resultFolder()), opened.isEmpty() ? outFolder : QDir(outFolder).filePath(opened));
    QStringList found;
    for (const auto& e : fs::recursive_directory_iterator(out))
        if (e.is_regular_file()) found << QString::fromStdString(e.path().lexically_relative(out).string());
    found.sort();
    files.replaceInStrings(QStringLiteral("ARCHIVE"), name);
    QCOMPARE(found, files);
}

void TestMainWindow::extractToDialogChoosesFoldersAndExisting_data()
{
    QTest::addColumn<QStringList>("selection");
    QTest::addColumn<bool>("keepFolders");
    QTest::addColumn<int>("overwrite");   // AppSettings::Overwrite chosen in the dialog
    QTest::addColumn<QStringList>("files");  // under the destination afterwards, with their content's first 5 bytes
    // The folder proposed: the archive's own (named after it) for names at the top, its folder
    // for a selection with one (Extract's choice).
    QTest::addColumn<QString>("proposed");
    QTest::newRow("everything, folders kept") << QStringList{} << true << int(nnz::ui::AppSettings::Overwrite::Never)
                                              << QStringList{"data.bin=xxxxx", "docs/notes.md=# not", "docs/readme.txt=hello"}
                                              << "/dialog";
    QTest::newRow("a file in a folder, kept") << QStringList{"docs/readme.txt"} << true << int(nnz::ui::AppSettings::Overwrite::Never)
                                              << QStringList{"docs/readme.txt=hello"} << "";
    QTest::newRow("a file in a folder, alone") << QStringList{"docs/readme.txt"} << false << int(nnz::ui::AppSettings::Overwrite::Never)
                                               << QStringList{"readme.txt=hello"} << "";
    QTest::newRow("both files of the folder, alone") << QStringList{"docs/readme.txt", "docs/notes.md"} << false
                                                     << int(nnz::ui::AppSettings::Overwrite::Always)
                                                     << QStringList{"notes.md=# not", "readme.txt=hello"} << "";
    QTest::newRow("an existing file kept") << QStringList{"docs/readme.txt", "docs/notes.md"} << false
                                           << int(nnz::ui::AppSettings::Overwrite::Skip) << QStringList{"notes.md=# not", "readme.txt=mine"}
                                           << "";
}

void TestMainWindow::extractToDialogChoosesFoldersAndExisting()
{
    QFETCH(QStringList, selection);
    QFETCH(bool, keepFolders);
    QFETCH(int, overwrite);
    QFETCH(QStringList, files);
    QFETCH(QString, proposed);
    const fs::path archive = makeArchive(QStringLiteral("dialog.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    selectEntries(window, selection);
    const fs::path dest = root_ / "dialog-out" / QTest::currentDataTag();
    fs::remove_all(dest);
    if (overwrite != int(nnz::ui::AppSettings::Overwrite::Never)) {  // a file already there
        fs::create_directories(dest);
        writeFile(dest / "readme.txt", "mine");
    }
    action(window, "extractToAction")->trigger();
    nnz::ui::ExtractDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::ExtractDialog*>()) != nullptr);
    // Proposed: the default folder, the Settings' policy, the folders kept (offered only inside one).
    QCOMPARE(dialog->folder(), QString::fromStdString(root_.string()) + proposed);
    QVERIFY(dialog->keepsFolders());
    QCOMPARE(dialog->findChild<QCheckBox*>(QStringLiteral("keepFolders"))->isVisibleTo(dialog), !selection.isEmpty());
    dialog->setFolder(QString::fromStdString(dest.string()));
    dialog->setKeepFolders(keepFolders);
    dialog->setOverwrite(nnz::ui::AppSettings::Overwrite(overwrite));
    dialog->accept();
    QCOMPARE(nnz::ui::AppSettings::recentExtractFolders().value(0), QString::fromStdString(dest.string()));  // offered next time
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QStringList found;
    for (const auto& e : fs::recursive_directory_iterator(dest)) {
        if (!e.is_regular_file()) continue;
        const std::string content = readFile(QString::fromStdString(e.path().string()));
        found << QString::fromStdString(e.path().lexically_relative(dest).string() + "=" + content.substr(0, 5));
    }
    found.sort();
    QCOMPARE(found, files);
}

void TestMainWindow::columnsSavedBeforePermissionsAndOwner()
{
    // A layout saved by 0.13 (six columns, the checksum hidden): the new columns stay hidden.
    {
        QStandardItemModel sixColumns(0, 6);
        QTreeView older;
        older.setModel(&sixColumns);
        older.header()->setSectionHidden(5, true);
        QSettings().setValue(QStringLiteral("window/columns"), older.header()->saveState());
    }
    MainWindow window;
    QHeaderView* header = window.entriesView()->header();
    QVERIFY(!header->isSectionHidden(EntriesModel::Name));
    QVERIFY(!header->isSectionHidden(EntriesModel::Size));
    QVERIFY(header->isSectionHidden(EntriesModel::Checksum));  // as it was left
    QVERIFY(header->isSectionHidden(EntriesModel::Permissions));
    QVERIFY(header->isSectionHidden(EntriesModel::Owner));
    QSettings().remove(QStringLiteral("window"));
}

void TestMainWindow::layoutIsRememberedAcrossWindows()
{
    const fs::path archive = makeArchive(QStringLiteral("layout.nnz"));
    {
        MainWindow window;
        QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
        const QList<QAction*> columns = window.entriesView()->columnActions(&window);
        QCOMPARE(columns.size(), EntriesModel::ColumnCount - 1);  // every column but Name
        // Permissions and Owner are there to be chosen, not shown at first.
        QVERIFY(!columns.at(EntriesModel::Permissions - 1)->isChecked());
        QVERIFY(!columns.at(EntriesModel::Owner - 1)->isChecked());
        columns.at(EntriesModel::Owner - 1)->setChecked(true);
        QAction* checksum = columns.at(EntriesModel::Checksum - 1);
        QCOMPARE(checksum->text(), QStringLiteral("Checksum (XXH64)"));
        QVERIFY(checksum->isChecked());
        checksum->setChecked(false);
        QVERIFY(window.entriesView()->header()->isSectionHidden(EntriesModel::Checksum));
        window.entriesView()->sortByColumn(EntriesModel::Size, Qt::DescendingOrder);
        window.resize(700, 450);
        window.show();
        QVERIFY(window.close());
    }
    MainWindow again;
    QHeaderView* header = again.entriesView()->header();
    QVERIFY(header->isSectionHidden(EntriesModel::Checksum));
    QVERIFY(!header->isSectionHidden(EntriesModel::Name));
    QVERIFY(!header->isSectionHidden(EntriesModel::Owner));
    QVERIFY(header->isSectionHidden(EntriesModel::Permissions));
    QCOMPARE(header->sortIndicatorSection(), int(EntriesModel::Size));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(again.size(), QSize(700, 450));
    QVERIFY(!again.entriesView()->columnActions(&again).at(EntriesModel::Checksum - 1)->isChecked());
    // The list sorts as it was left (by size, folders first).
    QVERIFY(again.openArchive(QString::fromStdString(archive.string())));
    QCOMPARE(again.proxyModel()->index(0, 0).data(EntriesModel::PathRole).toString(), QStringLiteral("docs"));
    QSettings().remove(QStringLiteral("window"));  // the other tests start from the defaults
}

void TestMainWindow::exportWritesAStandardArchive_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("password");
    QTest::newRow("zip") << "shared.zip" << "";
    QTest::newRow("7z") << "shared.7z" << "";
    QTest::newRow("tar.zst") << "shared.tar.zst" << "";
    QTest::newRow("encrypted, as a zip with its password") << "secret.zip" << "pw";
}

void TestMainWindow::exportWritesAStandardArchive()
{
    QFETCH(QString, output);
    QFETCH(QString, password);
    const fs::path archive = makeArchive(QStringLiteral("export.nnz"), password.toStdString());
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.setPasswordHandler([&](const QString&, const QString&) { return password; });
    QVERIFY(!action(window, "exportAction")->isEnabled());
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QVERIFY(action(window, "exportAction")->isEnabled());
    const fs::path out = root_ / "exported" / output.toStdString();
    fs::create_directories(out.parent_path());
    fs::remove(out);
    QVERIFY(window.exportArchive(QStringLiteral("no-format.txt")) == nullptr);
    // Settings' Test archives before keeping them: what is written is decoded and checked first.
    const nnz::ui::AppSettings saved = nnz::ui::AppSettings::load();
    nnz::ui::AppSettings testing = saved;
    testing.testArchives = true;
    testing.save();
    Job* job = window.exportArchive(QString::fromStdString(out.string()));
    saved.save();
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QVERIFY2(window.progressPanels().last()->detailsText().contains(QStringLiteral("Tested before it is kept")),
             qPrintable(window.progressPanels().last()->detailsText()));
    QCOMPARE(window.archivePath(), QString::fromStdString(archive.string()));  // the .nnz stays open
    // Read back as any foreign archive: the same entries, with the password where there was one.
    const auto exported = nnz::open_archive(out, nullptr, nnz::Passphrase(password.toStdString()));
    QVERIFY(!exported->nnz());
    std::vector<std::string> names;
    for (const auto& e : exported->entries()) names.push_back(e.path);
    std::sort(names.begin(), names.end());
    QCOMPARE(names, (std::vector<std::string>{"data.bin", "docs", "docs/notes.md", "docs/readme.txt"}));
    QCOMPARE(exported->foreign()->has_encrypted_entries(), !password.isEmpty());
    nnz::JobControl control;
    nnz::extract_archive(out, root_ / "exported" / (output.toStdString() + "-out"), {}, true, control, nnz::OutsideLinks::Refuse,
                         nnz::Passphrase(password.toStdString()));
    QCOMPARE(readFile(QString::fromStdString((root_ / "exported" / (output.toStdString() + "-out") / "docs" / "readme.txt").string())),
             std::string("hello from the archive\n"));
}

void TestMainWindow::activatingOpensFilesAndFolders()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    const fs::path archive = makeArchive(QStringLiteral("activate.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    auto* view = window.entriesView();
    const auto item = [&](const char* path) { return window.proxyModel()->mapFromSource(window.entriesModel()->indexOfPath(QLatin1String(path))); };
    view->setFocus();
    // Enter on a folder opens it, and again closes it; a double-click does the same, once.
    view->setCurrentIndex(item("docs"));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(view->isExpanded(item("docs")));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(!view->isExpanded(item("docs")));
    const QPoint docs = view->visualRect(item("docs")).center();
    // As a desktop delivers one: press, release, double-click (in place of the second press), release.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, docs);
    QMouseEvent doubleClick(QEvent::MouseButtonDblClick, QPointF(docs), QPointF(view->viewport()->mapToGlobal(docs)), Qt::LeftButton,
                            Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &doubleClick);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, docs);
    QVERIFY(view->isExpanded(item("docs")));
    // Enter on a file opens it with its application.
    view->setCurrentIndex(item("docs/notes.md"));
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(waitIdle(window));
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(catcher.urls.size(), 1);
    QVERIFY(catcher.urls.first().toLocalFile().endsWith(QStringLiteral("/docs/notes.md")));
    QVERIFY(errors_.empty());
}

void TestMainWindow::savedFileGoesBackIntoTheArchive_data()
{
    QTest::addColumn<bool>("byRename");  // saved as many editors do: a new file renamed over the old
    QTest::addColumn<bool>("accepted");
    QTest::newRow("saved in place, put back") << false << true;
    QTest::newRow("saved by rename, put back") << true << true;
    QTest::newRow("declined") << false << false;
}

void TestMainWindow::savedFileGoesBackIntoTheArchive()
{
    QFETCH(bool, byRename);
    QFETCH(bool, accepted);
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    const fs::path archive = makeArchive(QStringLiteral("edited.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QStringList questions;
    window.setQuestionHandler([&](const QString&, const QString& text) {
        questions << text;
        return accepted;
    });
    window.editedFiles()->setSettleTime(50);
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    selectEntries(window, {QStringLiteral("docs/readme.txt")});
    QVERIFY(window.openWithDefaultApp());
    QVERIFY(waitIdle(window));
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(catcher.urls.size(), 1);
    const QString opened = catcher.urls.first().toLocalFile();
    QCOMPARE(window.editedFiles()->watchedFiles(), QStringList{opened});

    const auto save = [&](const std::string& content) {
        const std::string target = opened.toStdString();
        if (!byRename) {
            writeFile(target, content);
            return;
        }
        writeFile(target + ".new", content);
        fs::rename(target + ".new", target);
    };
    const auto stored = [&] {
        const fs::path out = root_ / "edited-out";
        fs::remove_all(out);
        nnz::JobControl control;
        nnz::extract_archive(archive, out, std::vector<std::string>{"docs/readme.txt"}, false, control);
        return readFile(QString::fromStdString((out / "docs" / "readme.txt").string()));
    };
    save("edited in another application\n");
    QTRY_COMPARE_WITH_TIMEOUT(questions.size(), 1, 5000);
    QVERIFY2(questions.first().contains(QStringLiteral("docs/readme.txt")), qPrintable(questions.first()));
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(window.entriesModel()->entryCount(), 4);  // replaced in its folder, not added beside it
    QCOMPARE(stored(), accepted ? std::string("edited in another application\n") : std::string("hello from the archive\n"));
    // Still watched after the archive was read again: the next save asks again.
    save("saved twice\n");
    QTRY_COMPARE_WITH_TIMEOUT(questions.size(), 2, 5000);
    QVERIFY(waitIdle(window));
    QCOMPARE(stored(), accepted ? std::string("saved twice\n") : std::string("hello from the archive\n"));
    // Closing the window while it is watched asks first (the copy goes with the window).
    window.show();
    questions.clear();
    window.setQuestionHandler([&](const QString& title, const QString&) {
        questions << title;
        return false;
    });
    QVERIFY(!window.close());
    QCOMPARE(questions, QStringList{"Files Still Open"});
    QVERIFY(window.isVisible());
    // Another archive opened: the file is no longer watched.
    QVERIFY(window.openArchive(QString::fromStdString(makeArchive(QStringLiteral("other-edited.nnz")).string())));
    QVERIFY(window.editedFiles()->watchedFiles().isEmpty());
}

void TestMainWindow::jobEndNotifiesWithOpenFolder()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    const fs::path archive = makeArchive(QStringLiteral("notify.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.show();
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    nnz::ui::NotificationBar* bar = window.notificationBar();
    QVERIFY(!bar->isVisible());
    const QString dest = QString::fromStdString((root_ / "notified").string());
    QVERIFY(window.extractEntries(dest, {}));
    QVERIFY(waitIdle(window));
    // No system tray offscreen: the notification is the in-window strip.
    QVERIFY(!nnz::ui::TrayNotifier::available());
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(QStringLiteral("Extraction finished")) && bar->text().contains(QStringLiteral("notify.nnz")),
             qPrintable(bar->text()));
    QCOMPARE(bar->folder(), dest);
    QVERIFY(bar->openFolderButton()->isVisible());
    bar->openFolderButton()->click();
    QCOMPARE(catcher.urls, QList<QUrl>{QUrl::fromLocalFile(dest)});
    QVERIFY(!bar->isVisible());

    // A test has no folder to open.
    QVERIFY(window.testArchive());
    QVERIFY(waitIdle(window));
    QVERIFY(bar->isVisible());
    QVERIFY(bar->text().contains(QStringLiteral("Test passed")));
    QVERIFY(!bar->openFolderButton()->isVisible());
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QVERIFY(errors_.empty());
}

void TestMainWindow::corruptedArchiveIsReportedClearly_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("index") << "index";
    QTest::newRow("block data") << "block";
}

void TestMainWindow::corruptedArchiveIsReportedClearly()
{
    QFETCH(QString, where);
    const fs::path archive = makeArchive(QStringLiteral("corrupt-%1.nnz").arg(where));
    {
        // The index sits between the last block and the trailer at the very end.
        nnz::ArchiveReader reader(archive);
        const auto& block = reader.blocks().front();
        damage(archive, where == QLatin1String("index") ? fs::file_size(archive) - 60 : block.file_offset + block.packed_size / 2 + 40);
    }
    const auto before = readFile(QString::fromStdString(archive.string()));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    const bool opened = window.openArchive(QString::fromStdString(archive.string()));
    if (where == QLatin1String("index")) {
        // The index is checked when the archive opens.
        QVERIFY(!opened);
        QCOMPARE(errors_.size(), size_t(1));
        QVERIFY2(errors_.front().contains(QStringLiteral("damaged")) && errors_.front().contains(QStringLiteral("checksum")),
                 qPrintable(errors_.front()));
        QVERIFY(window.archivePath().isEmpty());
    } else {
        // The blocks are checked when they are decoded: listing works, testing says what is wrong.
        QVERIFY(opened);
        QVERIFY(window.testArchive());
        QVERIFY(waitIdle(window));
        QCOMPARE(errors_.size(), size_t(1));
        QVERIFY2(errors_.front().contains(QStringLiteral("is damaged")) && errors_.front().contains(QStringLiteral("checksum mismatch")) &&
                     errors_.front().contains(QStringLiteral("not changed")),
                 qPrintable(errors_.front()));
        QCOMPARE(window.progressPanels().last()->statusText(), QStringLiteral("Failed"));
        // Extracting stops there too, and says what was kept.
        const QString dest = QString::fromStdString((root_ / "from-corrupt").string());
        QVERIFY(window.extractEntries(dest, {}));
        QVERIFY(waitIdle(window));
        QCOMPARE(errors_.size(), size_t(2));
        QVERIFY2(errors_.back().contains(QStringLiteral("No file was extracted")), qPrintable(errors_.back()));
        QVERIFY(!QFileInfo::exists(dest + QStringLiteral("/data.bin")));
    }
    QCOMPARE(readFile(QString::fromStdString(archive.string())), before);  // never written to
}

void TestMainWindow::progressPanelNamesTheEntryBeingCoded()
{
    // Several blocks, coded one at a time; the panel's current file follows the coder.
    const fs::path archive = root_ / "named.nnz";
    fs::remove(archive);
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    Job* job = window.createArchive(QString::fromStdString(archive.string()),
                                    {QString::fromStdString((root_ / "src" / "docs").string()),
                                     QString::fromStdString((root_ / "src" / "data.bin").string())},
                                    QStringLiteral("store"));
    QVERIFY(job);
    QVERIFY(waitIdle(window));
    QCOMPARE(job->state(), Job::State::Succeeded);
    nnz::ui::ProgressPanel* panel = window.progressPanels().first();
    // The last entry with content that the coder reached (archive order: the kinds with the most
    // bytes first, data.bin, readme.txt, notes.md).
    QCOMPARE(panel->currentText(), QStringLiteral("docs/notes.md"));
    QVERIFY2(panel->bpbText().startsWith(QStringLiteral("8.000 bpb overall")), qPrintable(panel->bpbText()));
}

void TestMainWindow::encryptedArchiveFromTheNewArchiveDialog()
{
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    int asked = 0;
    window.setPasswordHandler([&](const QString&, const QString&) {
        ++asked;
        return QString();
    });
    window.show();
    const QString docs = QString::fromStdString((root_ / "src" / "docs").string());
    QVERIFY(dropUrls(&window, {docs}));
    nnz::ui::NewArchiveDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::NewArchiveDialog*>()) != nullptr);
    QVERIFY(dialog->canCreate());
    QVERIFY(dialog->password().isEmpty());  // off by default
    dialog->setPasswords(QStringLiteral("hunter2"), QStringLiteral("hunter3"));
    QVERIFY(!dialog->canCreate());
    QVERIFY(dialog->password().isEmpty());
    dialog->setPasswords(QString(), QString());
    QVERIFY(!dialog->canCreate());
    dialog->setPasswords(QStringLiteral("hunter2"), QStringLiteral("hunter2"));
    QVERIFY(dialog->canCreate());
    QCOMPARE(dialog->password(), QStringLiteral("hunter2"));
    const QString target = QString::fromStdString((root_ / "sealed.nnz").string());
    QFile::remove(target);
    dialog->setArchivePath(target);
    dialog->accept();
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    // Opened when done without asking: the window knows the password it was made with.
    QCOMPARE(window.archivePath(), target);
    QCOMPARE(asked, 0);
    QVERIFY(window.entriesModel()->isEncrypted());
    QVERIFY2(window.windowTitle().contains(QStringLiteral("(encrypted)")), qPrintable(window.windowTitle()));
    QVERIFY(readFile(target).find("readme") == std::string::npos);
    nnz::ArchiveReader reader(target.toStdString(), nnz::Passphrase("hunter2"));
    QVERIFY(reader.encrypted());
    QCOMPARE(reader.entries().size(), size_t(3));
}

void TestMainWindow::encryptedArchiveAsksForItsPassword_data()
{
    QTest::addColumn<QStringList>("answers");
    QTest::addColumn<bool>("opens");
    QTest::newRow("right") << QStringList{"s3cret"} << true;
    QTest::newRow("wrong, then right") << QStringList{"guess", "s3cret"} << true;
    QTest::newRow("cancelled") << QStringList{""} << false;
    QTest::newRow("wrong, then cancelled") << QStringList{"guess", ""} << false;
}

void TestMainWindow::encryptedArchiveAsksForItsPassword()
{
    QFETCH(QStringList, answers);
    QFETCH(bool, opens);
    const fs::path archive = makeArchive(QStringLiteral("locked.nnz"), "s3cret");
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    QStringList labels;
    window.setPasswordHandler([&](const QString&, const QString& label) {
        labels << label;
        return labels.size() <= answers.size() ? answers[labels.size() - 1] : QString();
    });
    window.show();
    errors_.clear();
    QCOMPARE(window.openArchive(QString::fromStdString(archive.string())), opens);
    QCOMPARE(labels.size(), answers.size());
    QVERIFY2(labels.first().contains(QStringLiteral("locked.nnz is encrypted")), qPrintable(labels.first()));
    if (labels.size() > 1) QVERIFY2(labels[1].contains(QStringLiteral("Wrong password for locked.nnz")), qPrintable(labels[1]));
    QVERIFY(errors_.empty());  // a cancel is no error
    if (!opens) {
        QVERIFY(window.archivePath().isEmpty());
        return;
    }
    QCOMPARE(window.entriesModel()->entryCount(), 4);

    // Every job on the open archive uses the password it was opened with; nothing asks again.
    const QString out = QString::fromStdString((root_ / "locked-out").string());
    QDir(out).removeRecursively();
    QVERIFY(window.extractEntries(out, {}));
    QVERIFY(window.testArchive());
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(readFile(out + "/data.bin"), readFile(QString::fromStdString((root_ / "src" / "data.bin").string())));
    window.setQuestionHandler([](const QString&, const QString&) { return true; });
    QVERIFY(window.deleteEntries({QStringLiteral("data.bin")}));
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(window.entriesModel()->entryCount(), 3);  // reopened after the edit, without asking
    QCOMPARE(labels.size(), answers.size());
    QVERIFY(nnz::ArchiveReader(archive, nnz::Passphrase("s3cret")).encrypted());

    window.entriesView()->selectionModel()->clearSelection();
    action(window, "propertiesAction")->trigger();
    nnz::ui::PropertiesDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::PropertiesDialog*>()) != nullptr);
    QVERIFY2(dialog->field(QStringLiteral("encryption")).startsWith(QStringLiteral("XChaCha20-Poly1305")),
             qPrintable(dialog->field(QStringLiteral("encryption"))));
    dialog->close();
}

void TestMainWindow::setPasswordEncryptsChangesAndRemovesIt()
{
    const fs::path archive = makeArchive(QStringLiteral("later.nnz"));
    const std::string plain = readFile(QString::fromStdString(archive.string()));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    int asked = 0;
    window.setPasswordHandler([&](const QString&, const QString&) {
        ++asked;
        return QString();
    });
    window.show();
    errors_.clear();
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QVERIFY(action(window, "passwordAction")->isEnabled());
    QVERIFY(!window.changePassword(QString()));  // no password to remove

    // Through the dialog: a plain archive can only get one, typed twice alike.
    action(window, "passwordAction")->trigger();
    nnz::ui::PasswordDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::PasswordDialog*>()) != nullptr);
    QVERIFY(!dialog->canAccept());
    dialog->setRemovesPassword(true);  // not offered for a plain archive
    QVERIFY(!dialog->removesPassword() && !dialog->canAccept());
    dialog->setPasswords(QStringLiteral("first"), QStringLiteral("frist"));
    QVERIFY(!dialog->canAccept());
    dialog->setPasswords(QStringLiteral("first"), QStringLiteral("first"));
    QVERIFY(dialog->canAccept());
    dialog->accept();
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QVERIFY(window.entriesModel()->isEncrypted());  // reopened with it, nothing asked
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("summary"))->text().endsWith(QStringLiteral(" · encrypted")));
    QCOMPARE(asked, 0);
    QCOMPARE(window.entriesModel()->entryCount(), 4);
    QVERIFY(nnz::ArchiveReader(archive, nnz::Passphrase("first")).encrypted());

    QVERIFY(window.changePassword(QStringLiteral("second")));
    QVERIFY(waitIdle(window));
    QVERIFY(errors_.empty());
    QVERIFY(nnz::ArchiveReader(archive, nnz::Passphrase("second")).encrypted());
    QCOMPARE(asked, 0);

    // Removed through the dialog: the archive is again the one it was made as.
    action(window, "passwordAction")->trigger();
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::PasswordDialog*>()) != nullptr);
    dialog->setRemovesPassword(true);
    QVERIFY(dialog->removesPassword() && dialog->canAccept() && dialog->password().isEmpty());
    dialog->accept();
    QVERIFY(waitIdle(window));
    QVERIFY(errors_.empty());
    QVERIFY(!window.entriesModel()->isEncrypted());
    QVERIFY(readFile(QString::fromStdString(archive.string())) == plain);
    QCOMPARE(asked, 0);
}

void TestMainWindow::repairRecoversACutArchive()
{
    // Blocks of 1 KiB so that a cut leaves whole blocks before it.
    const fs::path archive = root_ / "cut.nnz";
    fs::remove(archive);
    nnz::CompressOptions options;
    options.codec = "store";
    options.block_size = 1024;
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{root_ / "src" / "docs", root_ / "src" / "data.bin"}, options, control);
    const std::string whole = readFile(QString::fromStdString(archive.string()));
    {
        std::ofstream cut(archive, std::ios::binary | std::ios::trunc);
        cut << whole.substr(0, whole.size() - 100);  // the index and trailer are gone
    }
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.show();
    errors_.clear();
    const QString damaged = QString::fromStdString(archive.string());
    QVERIFY(!window.openArchive(damaged));
    QCOMPARE(errors_.size(), size_t(1));
    QVERIFY2(errors_.front().contains(QStringLiteral("Repair Archive")), qPrintable(errors_.front()));
    QVERIFY(action(window, "repairAction")->isEnabled());

    const QString output = MainWindow::suggestedRepairedFor(damaged);
    QCOMPARE(QFileInfo(output).fileName(), QStringLiteral("cut (repaired).nnz"));
    const nnz::ui::AppSettings saved = nnz::ui::AppSettings::load();
    nnz::ui::AppSettings testing = saved;
    testing.testArchives = true;  // the repaired archive is decoded whole before it is kept
    testing.save();
    QVERIFY(window.repairArchive(damaged, output));
    saved.save();
    QVERIFY(waitIdle(window));
    QCOMPARE(errors_.size(), size_t(1));
    QVERIFY2(window.progressPanels().last()->detailsText().contains(QStringLiteral("Tested before it is kept")),
             qPrintable(window.progressPanels().last()->detailsText()));
    QCOMPARE(window.archivePath(), output);  // opened when done
    QCOMPARE(window.entriesModel()->entryCount(), 4);  // nothing was lost but the index
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("4 entries recovered")),
             qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(readFile(QString::fromStdString(archive.string())).size(), whole.size() - 100);  // left as it was
    // A second repair does not replace the first.
    QCOMPARE(QFileInfo(MainWindow::suggestedRepairedFor(damaged)).fileName(), QStringLiteral("cut (repaired 2).nnz"));

    // An encrypted one asks for its password (again after a wrong one), and the result opens with
    // it. (Undamaged here: this archive fits one 64 KiB chunk, which a cut would take whole.)
    const fs::path sealed = makeArchive(QStringLiteral("sealed.nnz"), "pw");
    QStringList answers{"wrong", "pw"};
    int asked = 0;
    window.setPasswordHandler([&](const QString&, const QString&) { return answers.value(asked++); });
    const QString sealedOut = QString::fromStdString((root_ / "sealed-fixed.nnz").string());
    QFile::remove(sealedOut);
    QVERIFY(window.repairArchive(QString::fromStdString(sealed.string()), sealedOut));
    QCOMPARE(asked, 2);
    QVERIFY(waitIdle(window));
    QCOMPARE(errors_.size(), size_t(1));
    QCOMPARE(window.archivePath(), sealedOut);
    QCOMPARE(asked, 2);  // opened with the password it was repaired with
    QVERIFY(window.entriesModel()->isEncrypted());
}

void TestMainWindow::recoveryRecordFromDialogToRepair()
{
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.show();
    errors_.clear();
    QVERIFY(dropUrls(&window, {QString::fromStdString((root_ / "src" / "docs").string())}));
    nnz::ui::NewArchiveDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::NewArchiveDialog*>()) != nullptr);
    QCOMPARE(dialog->recoveryPercent(), 0);  // Settings give new archives none
    dialog->setRecoveryPercent(7);
    QCOMPARE(dialog->recoveryPercent(), 7);
    dialog->setPreset(QStringLiteral("store"));
    const QString target = QString::fromStdString((root_ / "protected.nnz").string());
    QFile::remove(target);
    dialog->setArchivePath(target);
    dialog->accept();
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(window.archivePath(), target);
    QCOMPARE(window.entriesModel()->recoveryPercent(), 7);
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("summary"))->text().endsWith(QStringLiteral(" · recovery record 7%")));
    QVERIFY(action(window, "recoveryAction")->isEnabled());
    {
        nnz::ui::PropertiesDialog properties(*window.entriesModel(), QModelIndex());
        QVERIFY2(properties.field(QStringLiteral("recovery")).startsWith(QStringLiteral("7% of the archive")),
                 qPrintable(properties.field(QStringLiteral("recovery"))));
    }

    // Removed, then given again: the archive is reopened each time.
    QVERIFY(window.setRecoveryRecord(0));
    QVERIFY(waitIdle(window));
    QCOMPARE(window.entriesModel()->recoveryPercent(), 0);
    QVERIFY(!window.setRecoveryRecord(0));  // nothing to remove
    QVERIFY(window.setRecoveryRecord(12));
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(window.entriesModel()->recoveryPercent(), 12);
    QCOMPARE(nnz::ArchiveReader(target.toStdString()).recovery_percent(), 12u);
    QVERIFY(window.testArchive());
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("its recovery record is intact")),
             qPrintable(window.statusBar()->currentMessage()));

    // Damage in the middle: Test fails and points to Repair Archive, which gives back the archive
    // as it was made.
    const std::string whole = readFile(target);
    damage(target.toStdString(), 200);  // in the archive's bytes (most of so small a file is its record)
    QVERIFY(window.testArchive());
    QVERIFY(waitIdle(window));
    QCOMPARE(errors_.size(), size_t(1));
    QVERIFY2(errors_.front().contains(QStringLiteral("protected.nnz has a recovery record: File ▸ Repair Archive…")),
             qPrintable(errors_.front()));
    errors_.clear();
    const QString output = MainWindow::suggestedRepairedFor(target);
    QVERIFY(window.repairArchive(target, output));
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(window.archivePath(), output);
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("restored from its recovery record")),
             qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(readFile(output) == whole);
}

void TestMainWindow::splitArchiveOpensAsOne()
{
    // 2.2 MB of incompressible bytes, stored in 1 MiB volumes from the new-archive dialog.
    std::string noise(2'200'000, '\0');
    uint32_t x = 1;
    for (auto& c : noise) c = char((x = x * 1103515245u + 12345u) >> 24);
    writeFile(root_ / "split-src" / "noise.bin", noise);
    const fs::path archive = root_ / "split.nnz";
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.show();
    errors_.clear();
    QVERIFY(dropUrls(&window, {QString::fromStdString((root_ / "split-src").string())}));
    nnz::ui::NewArchiveDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<nnz::ui::NewArchiveDialog*>()) != nullptr);
    QCOMPARE(dialog->volumeSize(), quint64(0));  // one file unless asked
    dialog->setVolumeSizeMiB(1);
    QCOMPARE(dialog->volumeSize(), quint64(1) << 20);
    dialog->setPreset(QStringLiteral("store"));
    dialog->setTestArchive(true);  // the volumes are tested together before they are kept
    dialog->setArchivePath(QString::fromStdString(archive.string()));
    dialog->accept();
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QVERIFY(!fs::exists(archive));
    QCOMPARE(nnz::volumes_of(archive).size(), size_t(3));
    QVERIFY2(window.progressPanels().last()->detailsText().contains(QStringLiteral("volumes of 1 MiB")),
             qPrintable(window.progressPanels().last()->detailsText()));
    QVERIFY2(window.progressPanels().last()->detailsText().contains(QStringLiteral("tested before it is kept")),
             qPrintable(window.progressPanels().last()->detailsText()));
    // Opened when done, as one archive.
    QCOMPARE(window.entriesModel()->entryCount(), 2);
    {
        nnz::ui::PropertiesDialog properties(*window.entriesModel(), QModelIndex());
        QVERIFY2(properties.field(QStringLiteral("fileSize")).contains(QStringLiteral(" in 3 volume")),
                 qPrintable(properties.field(QStringLiteral("fileSize"))));
    }
    QVERIFY(window.testArchive());
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    // Added to as one archive: written anew in volumes of 1 MiB, reopened.
    writeFile(root_ / "split-more.txt", "more\n");
    QVERIFY(window.addToArchive({QString::fromStdString((root_ / "split-more.txt").string())}));
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(window.entriesModel()->entryCount(), 3);
    QVERIFY(!fs::exists(archive));
    QCOMPARE(nnz::volumes_of(archive).size(), size_t(3));
    QCOMPARE(fs::file_size(nnz::volume_path(archive, 0)), uintmax_t(1) << 20);
    // Reopened by its first volume; a later volume says which one to open.
    QVERIFY(window.openArchive(QString::fromStdString(archive.string() + ".001")));
    QVERIFY(!window.openArchive(QString::fromStdString(archive.string() + ".002")));
    QCOMPARE(errors_.size(), size_t(1));
    QVERIFY2(errors_.front().contains(QStringLiteral("is a later volume of a split archive: open")), qPrintable(errors_.front()));
}

void TestMainWindow::damagedArchiveOpensThroughItsRecord()
{
    // Its index damaged: the window shows it from a copy its recovery record rebuilds and says so;
    // the file is left as it is.
    const fs::path archive = root_ / "damaged-index.nnz";
    fs::remove(archive);
    nnz::CompressOptions options;
    options.codec = "store";
    options.recovery_percent = 10;
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{root_ / "src" / "docs", root_ / "src" / "data.bin"}, options, control);
    std::string bytes = readFile(QString::fromStdString(archive.string()));
    const size_t index = bytes.rfind("NIDX");
    QVERIFY(index != std::string::npos);
    for (size_t k = index; k < index + 20; ++k) bytes[k] = char(bytes[k] ^ 0x5a);
    writeFile(archive, bytes);
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    errors_.clear();
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("summary"))->text().contains(QStringLiteral("damaged: read through its recovery record")));
    QVERIFY(window.proxyModel()->rowCount() > 0);
    QVERIFY(readFile(QString::fromStdString(archive.string())) == bytes);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
