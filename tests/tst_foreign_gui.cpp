// The GUI on foreign archives (zip, tar, 7z, ...): opened read-only in the entries model, with
// "Convert to .nnz" instead of adding; extraction, drag-out, test and preview work as for .nnz.
#include <QAction>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <memory>

#include "container/archive_reader.hpp"
#include "zip_maker.hpp"
#include "entries_model.hpp"
#include "job_runner.hpp"
#include "main_window.hpp"
#include "preview_dialog.hpp"
#include "properties_dialog.hpp"
#include "settings_dialog.hpp"

namespace fs = std::filesystem;
using nnz::ui::EntriesModel;
using nnz::ui::Job;
using nnz::ui::MainWindow;

namespace {

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A zip made by libarchive: name -> content ("" with a trailing '/' in the name: a folder).
bool waitIdle(MainWindow& window, int timeoutMs = 30000)
{
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(20);
    while (window.jobRunner()->busy() && clock.elapsed() < timeoutMs) QTest::qWait(20);
    QTest::qWait(20);
    return !window.jobRunner()->busy();
}

QAction* actionNamed(MainWindow& window, const QString& text)
{
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text().remove(QLatin1Char('&')) == text) return action;
    return nullptr;
}

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

}  // namespace

class TestForeignGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(temp_.isValid());
        root_ = temp_.path().toStdString();
        qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString((root_ / "config").string()));
        QCoreApplication::setOrganizationName(QStringLiteral("nnzip-tests"));
        nnz::ui::AppSettings settings;
        settings.preset = QStringLiteral("store");
        settings.overwrite = nnz::ui::AppSettings::Overwrite::Always;
        settings.save();
        zip_ = root_ / "photos.zip";
        makeZip(zip_, {{"album/", ""}, {"album/a.txt", "first photo"}, {"album/b.txt", "second photo"}, {"readme", "hi"}});
    }

    void opensReadOnlyWithConvert()
    {
        MainWindow window;
        QStringList errors;
        window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
        QVERIFY(window.openArchive(q(zip_)));
        EntriesModel* model = window.entriesModel();
        QVERIFY(model->isForeign());
        QCOMPARE(model->foreignFormat(), QStringLiteral("zip"));
        QCOMPARE(model->entryCount(), 4);
        // What only .nnz knows stays empty, for entries and for the folders that sum them.
        for (int i = 0; i < model->entryCount(); ++i) {
            const QModelIndex item = model->indexOfPath(QString::fromStdString(model->entry(i).path));
            QVERIFY(item.isValid());
            QVERIFY(item.siblingAtColumn(EntriesModel::Packed).data().toString().isEmpty());
            QVERIFY(item.siblingAtColumn(EntriesModel::Bpb).data().toString().isEmpty());
            QVERIFY(item.siblingAtColumn(EntriesModel::Checksum).data().toString().isEmpty());
        }
        QVERIFY(window.windowTitle().contains(QStringLiteral("read-only")));

        QAction* convert = actionNamed(window, QStringLiteral("Convert to .nnz…"));
        QAction* add = actionNamed(window, QStringLiteral("Add Files…"));
        QVERIFY(convert && add);
        QVERIFY(convert->isEnabled() && convert->isVisible());
        QVERIFY(!add->isEnabled());
        QVERIFY(!window.addToArchive({q(zip_)}));
        // Dropping files on a read-only archive explains instead of adding.
        fs::create_directories(root_ / "loose");
        std::ofstream(root_ / "loose/file.txt") << "x";
        window.handleDroppedPaths({q(root_ / "loose/file.txt")});
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().contains(QStringLiteral("Convert")));
        QCOMPARE(MainWindow::suggestedNnzFor(QStringLiteral("/x/photos.tar.gz")), QStringLiteral("/x/photos.nnz"));
    }

    void extractTestAndDragOut()
    {
        MainWindow window;
        QStringList errors;
        window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
        window.handleDroppedPaths({q(zip_)});  // a dropped archive is opened, recognised by content
        QCOMPARE(window.archivePath(), q(zip_));

        Job* extract = window.extractEntries(q(root_ / "out"), {});
        QVERIFY(extract);
        QVERIFY(waitIdle(window));
        QCOMPARE(extract->state(), Job::State::Succeeded);
        QCOMPARE(readFile(root_ / "out/album/b.txt"), std::string("second photo"));
        QCOMPARE(readFile(root_ / "out/readme"), std::string("hi"));

        Job* test = window.testArchive();
        QVERIFY(test && waitIdle(window));
        QCOMPARE(test->state(), Job::State::Succeeded);

        // Preview and Test Selected Entries read a zip's member as an .nnz's.
        const QModelIndex readme = window.proxyModel()->mapFromSource(window.entriesModel()->indexOfPath(QStringLiteral("readme")));
        window.entriesView()->selectionModel()->select(readme, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        Job* tested = window.testSelection();
        QVERIFY(window.previewSelection() && tested && waitIdle(window));
        QCOMPARE(tested->state(), Job::State::Succeeded);
        nnz::ui::PreviewDialog* preview = nullptr;
        QTRY_VERIFY((preview = window.findChild<nnz::ui::PreviewDialog*>()) != nullptr);
        QCOMPARE(preview->content().text, QStringLiteral("hi"));
        preview->close();

        window.entriesView()->selectAll();
        std::unique_ptr<QMimeData> mime(window.extractSelectionForDrag());
        QVERIFY(mime);
        QCOMPARE(mime->urls().size(), 2);  // "album" covers its files, and "readme"
        for (const QUrl& url : mime->urls()) QVERIFY2(QFileInfo::exists(url.toLocalFile()), qPrintable(url.toLocalFile()));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
    }

    // A zip without folder entries: its folders exist only in the names, and still open, extract
    // and describe themselves like stored ones.
    void impliedFoldersActLikeFolders()
    {
        const fs::path zip = root_ / "implied.zip";
        makeZip(zip, {{"plain/a.txt", "alpha"}, {"plain/b/c.txt", "see"}, {"top.txt", "t"}});
        MainWindow window;
        QStringList errors;
        window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
        QVERIFY(window.openArchive(q(zip)));
        EntriesModel* model = window.entriesModel();
        QCOMPARE(model->entryCount(), 3);
        const QModelIndex plain = model->indexOfPath(QStringLiteral("plain"));
        const QModelIndex inner = model->indexOfPath(QStringLiteral("plain/b"));
        QVERIFY(plain.isValid() && inner.isValid());
        QVERIFY(model->isFolder(plain) && model->entryIndexOf(plain) < 0);
        QCOMPARE(model->parent(inner), plain);

        const auto select = [&](const QModelIndex& item) {
            window.entriesView()->selectionModel()->select(window.proxyModel()->mapFromSource(item),
                                                           QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        };
        select(inner);
        QCOMPARE(window.selectedEntryPaths(), QStringList{QStringLiteral("plain/b")});
        Job* extract = window.extractEntries(q(root_ / "implied-out"), window.selectedEntryPaths());
        QVERIFY(extract && waitIdle(window));
        QCOMPARE(extract->state(), Job::State::Succeeded);
        QCOMPARE(readFile(root_ / "implied-out/plain/b/c.txt"), std::string("see"));
        QVERIFY(!fs::exists(root_ / "implied-out/plain/a.txt"));
        QVERIFY(!fs::exists(root_ / "implied-out/top.txt"));

        select(plain);
        QVERIFY(window.openWithDefaultApp() == nullptr);  // a folder is not opened with an application
        actionNamed(window, QStringLiteral("Properties"))->trigger();
        nnz::ui::PropertiesDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<nnz::ui::PropertiesDialog*>()) != nullptr);
        QCOMPARE(dialog->field(QStringLiteral("entry")), QStringLiteral("plain"));
        QCOMPARE(dialog->field(QStringLiteral("type")), QStringLiteral("Folder (implied by the names in it)"));
        QVERIFY2(dialog->field(QStringLiteral("contains")).startsWith(QStringLiteral("2 file")), qPrintable(dialog->field("contains")));
        QVERIFY(dialog->field(QStringLiteral("permissions")).isEmpty());  // no entry of its own
        dialog->close();

        std::unique_ptr<QMimeData> mime(window.extractSelectionForDrag());
        QVERIFY(mime);
        QCOMPARE(mime->urls().size(), 1);
        QCOMPARE(readFile(mime->urls().first().toLocalFile().toStdString() + "/a.txt"), std::string("alpha"));
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
    }

    void convertOpensTheResult()
    {
        MainWindow window;
        QVERIFY(window.openArchive(q(zip_)));
        const fs::path output = root_ / "photos.nnz";
        Job* job = window.convertArchive(q(output));
        QVERIFY(job);
        QVERIFY(waitIdle(window));
        QCOMPARE(job->state(), Job::State::Succeeded);
        QCOMPARE(window.archivePath(), q(output));
        QVERIFY(!window.entriesModel()->isForeign());
        QCOMPARE(window.entriesModel()->entryCount(), 4);
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(QStringLiteral("zip ")) && message.contains(QStringLiteral("→ nnz")), qPrintable(message));
        nnz::ArchiveReader reader(output);
        QCOMPARE(reader.entries().size(), size_t(4));
    }

    void unsafeEntriesAreMarkedAndRefused()
    {
        const fs::path evil = root_ / "evil.zip";
        makeZip(evil, {{"fine.txt", "ok"}, {"../escape.txt", "evil"}});
        MainWindow window;
        QStringList errors;
        window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
        QVERIFY(window.openArchive(q(evil)));
        EntriesModel* model = window.entriesModel();
        QCOMPARE(model->entryCount(), 2);
        QVERIFY(model->problem(0).isEmpty());
        QVERIFY(model->problem(1).contains(QStringLiteral("unsafe")));
        const QModelIndex unsafe = model->indexOfPath(QStringLiteral("../escape.txt"));
        QVERIFY(unsafe.isValid());
        QVERIFY(unsafe.data(Qt::ToolTipRole).toString().contains(QStringLiteral("unsafe")));

        Job* extract = window.extractEntries(q(root_ / "evil-out"), {});
        QVERIFY(extract && waitIdle(window));
        QCOMPARE(extract->state(), Job::State::Failed);
        QCOMPARE(extract->errorCode(), nnz::ErrorCode::Unsafe);
        QCOMPARE(errors.size(), 1);
        QVERIFY(!fs::exists(root_ / "evil-out") && !fs::exists(root_ / "escape.txt"));
        Job* convert = window.convertArchive(q(root_ / "evil.nnz"));
        QVERIFY(convert && waitIdle(window));
        QCOMPARE(convert->state(), Job::State::Failed);
        QVERIFY(!fs::exists(root_ / "evil.nnz"));
    }

    void encryptedZipAsksForThePassword_data()
    {
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<bool>("readable");
        QTest::newRow("wrong, then right") << QStringList{"guess", "zip secret"} << true;
        QTest::newRow("cancelled") << QStringList{""} << false;
    }
    void encryptedZipAsksForThePassword()
    {
        QFETCH(QStringList, answers);
        QFETCH(bool, readable);
        const fs::path locked = root_ / "locked.zip";
        fs::remove(locked);
        makeZip(locked, {{"plans.txt", "the plans"}, {"more.txt", "more plans"}}, "zip secret");
        MainWindow window;
        QStringList errors;
        window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
        QStringList labels;
        window.setPasswordHandler([&](const QString&, const QString& label) {
            labels << label;
            return labels.size() <= answers.size() ? answers[labels.size() - 1] : QString();
        });
        // Listed either way (a zip's names are not encrypted); read only with the password.
        QVERIFY(window.openArchive(q(locked)));
        QCOMPARE(labels.size(), answers.size());
        QVERIFY(labels.first().contains(QStringLiteral("locked.zip is encrypted")));
        QCOMPARE(window.entriesModel()->entryCount(), 2);
        QVERIFY(window.entriesModel()->isEncrypted());

        const fs::path out = root_ / "locked-out";
        fs::remove_all(out);
        Job* extract = window.extractEntries(q(out), {});
        QVERIFY(extract && waitIdle(window));
        if (!readable) {
            QCOMPARE(extract->state(), Job::State::Failed);
            QCOMPARE(extract->errorCode(), nnz::ErrorCode::Password);
            QVERIFY(!fs::exists(out / "plans.txt"));
            return;
        }
        QCOMPARE(extract->state(), Job::State::Succeeded);
        QCOMPARE(readFile(out / "plans.txt"), std::string("the plans"));
        // Converted, it stays protected: the .nnz is encrypted with the same password.
        const fs::path output = root_ / "locked.nnz";
        fs::remove(output);
        Job* convert = window.convertArchive(q(output));
        QVERIFY(convert && waitIdle(window));
        QCOMPARE(convert->state(), Job::State::Succeeded);
        QCOMPARE(window.archivePath(), q(output));  // opened without asking again
        QCOMPARE(labels.size(), answers.size());
        QVERIFY(nnz::ArchiveReader(output, nnz::Passphrase("zip secret")).encrypted());
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
    }

private:
    QTemporaryDir temp_;
    fs::path root_;
    fs::path zip_;
};

QTEST_MAIN(TestForeignGui)
#include "tst_foreign_gui.moc"
