// MainWindow: the three drop cases with synthesized drag events (QTest has no drag helpers),
// damaged archives shown as errors without a crash, drag-out data, actions' enabled state.
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "entries_model.hpp"
#include "job_runner.hpp"
#include "jobs/compress_job.hpp"
#include "main_window.hpp"
#include "progress_panel.hpp"
#include "settings_dialog.hpp"

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

// Sends the enter + drop pair a real drag would deliver; returns whether the enter was accepted.
bool dropUrls(QWidget* target, const QStringList& paths)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& p : paths) urls << QUrl::fromLocalFile(p);
    mime.setUrls(urls);
    const QPoint at(target->width() / 2, target->height() / 2);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
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
    void openingListsEntries();
    void damagedArchiveShowsErrorWithoutCrash_data();
    void damagedArchiveShowsErrorWithoutCrash();
    void dropOneArchiveOpensIt();
    void dropFilesOnEmptyWindowAsksAndCreates();
    void dropFilesOnOpenArchiveAddsThem();
    void dropWithoutFilesIsRefused();
    void dragOutExtractsSelection();
    void extractAndTestRunAsJobs();
    void filterBoxFiltersList();

private:
    fs::path makeArchive(const QString& name);
    QTemporaryDir temp_;
    fs::path root_;
    std::vector<QString> errors_;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(temp_.isValid());
    root_ = fs::path(temp_.path().toStdString());
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

fs::path TestMainWindow::makeArchive(const QString& name)
{
    const fs::path archive = root_ / name.toStdString();
    fs::remove(archive);
    nnz::CompressOptions options;
    options.codec = "store";
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

void TestMainWindow::openingListsEntries()
{
    const fs::path archive = makeArchive(QStringLiteral("open.nnz"));
    MainWindow window;
    QSignalSpy opened(&window, &MainWindow::archiveOpened);
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(window.entriesModel()->rowCount(), 4);  // docs, docs/notes.md, docs/readme.txt, data.bin
    QVERIFY(window.windowTitle().contains(QStringLiteral("open.nnz")));
    QVERIFY(nnz::ui::AppSettings::recentArchives().contains(QString::fromStdString(archive.string())));
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
        QCOMPARE(window.entriesModel()->rowCount(), 0);
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
    QCOMPARE(window.entriesModel()->rowCount(), 4);
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
    QCOMPARE(window.entriesModel()->rowCount(), 4);
    QCOMPARE(window.progressPanels().size(), 1);
    QCOMPARE(window.progressPanels().first()->statusText(), QStringLiteral("Done"));
}

void TestMainWindow::dropFilesOnOpenArchiveAddsThem()
{
    const fs::path archive = makeArchive(QStringLiteral("add.nnz"));
    MainWindow window;
    window.setErrorHandler([this](const QString&, const QString& text) { errors_.push_back(text); });
    window.show();
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    QCOMPARE(window.entriesModel()->rowCount(), 4);
    QVERIFY(dropUrls(&window, {QString::fromStdString((root_ / "extra" / "added.txt").string()),
                               QString::fromStdString((root_ / "extra" / "second.txt").string())}));
    QVERIFY(waitIdle(window));
    QVERIFY2(errors_.empty(), errors_.empty() ? "" : qPrintable(errors_.front()));
    QCOMPARE(window.entriesModel()->rowCount(), 6);
    QStringList names;
    for (int row = 0; row < window.entriesModel()->rowCount(); ++row)
        names << QString::fromStdString(window.entriesModel()->entry(row).path);
    for (const char* expected : {"added.txt", "second.txt", "docs/readme.txt", "docs/notes.md", "data.bin"})
        QVERIFY2(names.contains(QLatin1String(expected)), expected);
    // Adding a same-named item again replaces it rather than failing.
    QVERIFY(window.addToArchive({QString::fromStdString((root_ / "extra" / "added.txt").string())}));
    QVERIFY(waitIdle(window));
    QVERIFY(errors_.empty());
    QCOMPARE(window.entriesModel()->rowCount(), 6);
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
    auto* view = window.entriesView();
    QItemSelectionModel* selection = view->selectionModel();
    for (int row = 0; row < window.proxyModel()->rowCount(); ++row) {
        const QString path = window.proxyModel()->index(row, 0).data(EntriesModel::PathRole).toString();
        if (path == QLatin1String("docs") || path == QLatin1String("docs/readme.txt"))
            selection->select(window.proxyModel()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
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

    // A failing job (the archive vanished) reports what failed and that nothing changed.
    fs::remove(archive);
    QVERIFY(window.testArchive());
    QVERIFY(waitIdle(window));
    QCOMPARE(errors_.size(), size_t(1));
    QVERIFY2(errors_.front().contains(QStringLiteral("extract.nnz")), qPrintable(errors_.front()));
}

void TestMainWindow::filterBoxFiltersList()
{
    const fs::path archive = makeArchive(QStringLiteral("filter.nnz"));
    MainWindow window;
    QVERIFY(window.openArchive(QString::fromStdString(archive.string())));
    auto* filter = window.findChild<QLineEdit*>();
    QVERIFY(filter);
    filter->setText(QStringLiteral("README"));
    QCOMPARE(window.proxyModel()->rowCount(), 1);
    filter->clear();
    QCOMPARE(window.proxyModel()->rowCount(), 4);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
