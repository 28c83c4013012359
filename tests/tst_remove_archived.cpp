// remove_archived_inputs (a/u --remove-files): what the archive holds as it was read goes, what
// changed since stays with a warning, a folder that still holds something stays, and a stored
// content that does not decode to what was read stops it before anything is removed.
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "container/archive_writer.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/remove_archived.hpp"

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& content)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

// Everything under root, relative, sorted ("t", "t/a.txt", ...).
QStringList tree(const fs::path& root)
{
    QStringList found;
    if (!fs::exists(root / "t")) return found;
    found << "t";
    for (const auto& e : fs::recursive_directory_iterator(root / "t"))
        found << QString::fromStdString(e.path().lexically_relative(root).string());
    found.sort();
    return found;
}

}  // namespace

class TestRemoveArchived : public QObject {
    Q_OBJECT
private slots:
    void removesWhatTheArchiveHolds_data();
    void removesWhatTheArchiveHolds();
};

void TestRemoveArchived::removesWhatTheArchiveHolds_data()
{
    QTest::addColumn<QString>("change");      // what happens between writing the archive and removing
    QTest::addColumn<QStringList>("left");    // what is on disk afterwards
    QTest::addColumn<QString>("warning");     // in the one line of what stayed, or "" for none
    QTest::addColumn<int>("error");           // nnz::ErrorCode thrown, or -1
    const QStringList everything{"t",         "t/a.txt",     "t/keep",         "t/keep/x.o", "t/link",
                                 "t/sub",     "t/sub/b.txt", "t/sub/deep",     "t/sub/deep/c.txt"};
    QTest::newRow("nothing: all of it goes") << "" << QStringList{} << "" << -1;
    QTest::newRow("left out with -x: kept with its folders")
        << "exclude" << QStringList{"t", "t/keep", "t/keep/x.o"} << "" << -1;
    QTest::newRow("a file written since: kept") << "rewrite b" << QStringList{"t", "t/sub", "t/sub/b.txt"}
                                               << "t/sub/b.txt: changed since it was archived" << -1;
    QTest::newRow("a file replaced by a link: kept")
        << "replace a" << QStringList{"t", "t/a.txt"} << "t/a.txt: replaced since it was archived" << -1;
    QTest::newRow("a link pointed elsewhere: kept")
        << "retarget link" << QStringList{"t", "t/link"} << "t/link: changed since it was archived" << -1;
    QTest::newRow("a file added to a folder: the folder stays")
        << "add new" << QStringList{"t", "t/sub", "t/sub/new.txt"} << "" << -1;
    QTest::newRow("damaged content: nothing removed") << "damage" << everything << "" << int(nnz::ErrorCode::Data);
    QTest::newRow("cancelled: nothing removed") << "cancel" << everything << "" << int(nnz::ErrorCode::Cancelled);
}

void TestRemoveArchived::removesWhatTheArchiveHolds()
{
    QFETCH(QString, change);
    QFETCH(QStringList, left);
    QFETCH(QString, warning);
    QFETCH(int, error);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    write_file(root / "t" / "a.txt", "first file");
    write_file(root / "t" / "sub" / "b.txt", "the second file, found in the archive by this text");
    write_file(root / "t" / "sub" / "deep" / "c.txt", "third");
    write_file(root / "t" / "keep" / "x.o", "object");
    fs::create_symlink("a.txt", root / "t" / "link");

    const fs::path archive = root / "t.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    if (change == "exclude") options.exclude = {"*.o"};
    const std::vector<fs::path> inputs{root / "t"};
    const std::vector<nnz::InputItem> items = nnz::gather_inputs(archive, inputs, options);
    nnz::JobControl control;
    nnz::write_archive(archive, items, nnz::write_options_for(options, items), control);

    if (change == "rewrite b") {
        write_file(root / "t" / "sub" / "b.txt", "THE SECOND FILE, found in the archive by this text");  // same size
        fs::last_write_time(root / "t" / "sub" / "b.txt", fs::last_write_time(root / "t" / "sub" / "b.txt") + std::chrono::seconds(5));
    } else if (change == "replace a") {
        fs::remove(root / "t" / "a.txt");
        fs::create_symlink("sub/b.txt", root / "t" / "a.txt");
    } else if (change == "retarget link") {
        fs::remove(root / "t" / "link");
        fs::create_symlink("sub/b.txt", root / "t" / "link");
    } else if (change == "add new") {
        write_file(root / "t" / "sub" / "new.txt", "added after the archive was made");
    } else if (change == "damage") {
        std::fstream file(archive, std::ios::in | std::ios::out | std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(file)), {});
        const size_t at = bytes.find("the second file");
        QVERIFY(at != std::string::npos);
        file.seekp(static_cast<std::streamoff>(at));
        file.put('T');
    } else if (change == "cancel") {
        control.request_cancel();
    }

    const qsizetype before = tree(root).size();
    std::vector<std::string> kept;
    int thrown = -1;
    try {
        const nnz::RemovalSummary summary = nnz::remove_archived_inputs(archive, items, {}, control);
        kept = summary.kept;
        QCOMPARE(qsizetype(summary.files + summary.folders), before - left.size());
    } catch (const nnz::Error& e) {
        thrown = int(e.code());
    }
    QCOMPARE(thrown, error);
    QCOMPARE(tree(root), left);
    if (warning.isEmpty()) {
        QVERIFY2(kept.empty(), kept.empty() ? "" : kept.front().c_str());
    } else {
        QCOMPARE(kept.size(), size_t(1));
        QVERIFY2(QString::fromStdString(kept.front()).endsWith(warning), kept.front().c_str());
    }
    QVERIFY(fs::exists(archive));
}

QTEST_GUILESS_MAIN(TestRemoveArchived)
#include "tst_remove_archived.moc"
