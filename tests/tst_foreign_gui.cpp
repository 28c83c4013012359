// The GUI on foreign archives (zip, tar, 7z, ...): opened read-only in the entries model, with
// "Convert to .nnz" instead of adding; extraction, drag-out and test work as for .nnz.
#include <QAction>
#include <QMimeData>
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
        QCOMPARE(model->rowCount(), 4);
        // What only .nnz knows stays empty.
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(model->data(model->index(row, EntriesModel::Packed)).toString().isEmpty());
            QVERIFY(model->data(model->index(row, EntriesModel::Checksum)).toString().isEmpty());
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

        window.entriesView()->selectAll();
        std::unique_ptr<QMimeData> mime(window.extractSelectionForDrag());
        QVERIFY(mime);
        QCOMPARE(mime->urls().size(), 2);  // "album" covers its files, and "readme"
        for (const QUrl& url : mime->urls()) QVERIFY2(QFileInfo::exists(url.toLocalFile()), qPrintable(url.toLocalFile()));
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
        QCOMPARE(window.entriesModel()->rowCount(), 4);
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
        QCOMPARE(model->rowCount(), 2);
        QVERIFY(model->problem(0).isEmpty());
        QVERIFY(model->problem(1).contains(QStringLiteral("unsafe")));
        QVERIFY(model->data(model->index(1, EntriesModel::Name), Qt::ToolTipRole).toString().contains(QStringLiteral("unsafe")));

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
        QCOMPARE(window.entriesModel()->rowCount(), 2);
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
