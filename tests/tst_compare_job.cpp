#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "error.hpp"
#include "extended_attributes.hpp"
#include "jobs/compare_job.hpp"
#include "jobs/compress_job.hpp"
#include "zip_maker.hpp"

namespace fs = std::filesystem;

namespace {

void writeFile(const fs::path& path, const std::string& bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

// The lines diff prints, one per entry that differs.
QStringList describeAll(const std::vector<nnz::Difference>& differences)
{
    QStringList lines;
    for (const auto& d : differences) lines << QString::fromStdString(nnz::describe(d));
    return lines;
}

}  // namespace

class TestCompareJob : public QObject {
    Q_OBJECT
private slots:
    void differencesFound_data();
    void differencesFound();
    void onlyWhatTheNamesChoose();
    void foreignArchivesDecoded_data();
    void foreignArchivesDecoded();
};

void TestCompareJob::differencesFound_data()
{
    QTest::addColumn<QString>("change");     // made to the tree after archiving it
    QTest::addColumn<QStringList>("found");  // "name: what, what", in archive order
    QTest::newRow("nothing") << "" << QStringList{};
    QTest::newRow("same size and time, other bytes") << "rewrite a.txt in place"
                                                     << QStringList{"t/a.txt: content"};
    QTest::newRow("longer") << "append to a.txt" << QStringList{"t/a.txt: size 5 -> 9, modified"};
    QTest::newRow("mode") << "chmod a.txt" << QStringList{"t/a.txt: mode 0644 -> 0600"};
    QTest::newRow("removed") << "remove a.txt" << QStringList{"t/a.txt: missing on disk"};
    QTest::newRow("a new file") << "add new.txt" << QStringList{"t/sub/new.txt: only on disk"};
    QTest::newRow("a file became a folder") << "a.txt folder"
                                            << QStringList{"t/a.txt: a file in the archive, a folder on disk"};
    QTest::newRow("a fifo in a file's place") << "a.txt fifo" << QStringList{"t/a.txt: a file in the archive, a fifo on disk"};
    QTest::newRow("the link's target") << "relink" << QStringList{"t/link: link target a.txt -> sub/b.txt, modified"};
    QTest::newRow("an attribute") << "attribute on b.txt" << QStringList{"t/sub/b.txt: extended attributes"};
    QTest::newRow("a folder's time") << "touch sub" << QStringList{};  // changes with its contents: not compared
}

void TestCompareJob::differencesFound()
{
    QFETCH(QString, change);
    QFETCH(QStringList, found);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    const bool attributes = attributesSupported(root);
    if (change.startsWith("attribute") && !attributes) QSKIP("this file system keeps no user attributes");
    const fs::path t = root / "t";
    writeFile(t / "a.txt", "hello");
    writeFile(t / "sub" / "b.txt", "bytes of b");
    fs::create_symlink("a.txt", t / "link");
    QCOMPARE(::chmod((t / "a.txt").c_str(), 0644), 0);
    if (attributes) QVERIFY(setAttribute(t / "a.txt", "user.kept", "so that the archive holds attributes"));
    const fs::path archive = root / "t.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{t}, options, control);

    const auto time = fs::last_write_time(t / "a.txt");
    if (change == "rewrite a.txt in place") {
        writeFile(t / "a.txt", "jello");
        fs::last_write_time(t / "a.txt", time);
    }
    if (change == "append to a.txt") std::ofstream(t / "a.txt", std::ios::app) << "more";
    if (change == "chmod a.txt") QCOMPARE(::chmod((t / "a.txt").c_str(), 0600), 0);
    if (change == "remove a.txt") fs::remove(t / "a.txt");
    if (change == "add new.txt") writeFile(t / "sub" / "new.txt", "new");
    if (change == "a.txt folder") {
        fs::remove(t / "a.txt");
        fs::create_directory(t / "a.txt");
    }
    if (change == "a.txt fifo") {
        fs::remove(t / "a.txt");
        QCOMPARE(::mkfifo((t / "a.txt").c_str(), 0644), 0);
    }
    if (change == "relink") {
        fs::remove(t / "link");
        fs::create_symlink("sub/b.txt", t / "link");
    }
    if (change == "attribute on b.txt") QVERIFY(setAttribute(t / "sub" / "b.txt", "user.new", "1"));
    if (change == "touch sub") fs::last_write_time(t / "sub", fs::last_write_time(t / "sub") + std::chrono::hours(1));

    QCOMPARE(describeAll(nnz::compare_with_disk(archive, root, {}, control)), found);
    QCOMPARE(control.done_input.load(), control.total_input.load());  // every byte accounted for
}

void TestCompareJob::onlyWhatTheNamesChoose()
{
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    writeFile(root / "t" / "a.txt", "a");
    writeFile(root / "t" / "sub" / "b.txt", "b");
    const fs::path archive = root / "t.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{root / "t"}, options, control);
    fs::remove(root / "t" / "a.txt");
    writeFile(root / "t" / "sub" / "b.txt", "bb");
    const std::vector<std::string> names{"t/sub"};
    const auto differences = nnz::compare_with_disk(archive, root, names, control);
    QCOMPARE(differences.size(), size_t(1));
    QCOMPARE(differences[0].path, std::string("t/sub/b.txt"));
    // Left out with -x: on both sides (b.txt changed, a cache only on disk, a.txt missing).
    writeFile(root / "t" / "sub" / "cache" / "c.bin", "c");
    const auto left = nnz::compare_with_disk(archive, root, {}, control, {}, nnz::EntryPatterns({"b.txt", "cache", "t/a.txt"}));
    QVERIFY2(left.empty(), left.empty() ? "" : left.front().path.c_str());
    QCOMPARE(nnz::compare_with_disk(archive, root, {}, control, {}, nnz::EntryPatterns({"b.txt", "t/a.txt"})).size(), size_t(1));
    QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::compare_with_disk(archive, root, std::vector<std::string>{"t/none"}, control));
}

void TestCompareJob::foreignArchivesDecoded_data()
{
    QTest::addColumn<QString>("format");     // tar (GNU tar), pax (GNU tar's, nanoseconds), zip (libarchive; DOS times)
    QTest::addColumn<QString>("change");
    QTest::addColumn<QStringList>("found");
    QTest::newRow("tar, nothing") << "tar" << "" << QStringList{};
    QTest::newRow("tar, other bytes") << "tar" << "rewrite a.txt in place" << QStringList{"t/a.txt: content"};
    QTest::newRow("tar, a second later") << "tar" << "a.txt 1 s later" << QStringList{"t/a.txt: modified"};
    QTest::newRow("tar, longer") << "tar" << "append to b.txt" << QStringList{"t/b.txt: size 2 -> 5, modified"};
    QTest::newRow("tar, a microsecond later (whole seconds)") << "tar" << "a.txt 1 us later" << QStringList{};
    QTest::newRow("pax, nothing") << "pax" << "" << QStringList{};
    QTest::newRow("pax, a microsecond later") << "pax" << "a.txt 1 us later" << QStringList{"t/a.txt: modified"};
    QTest::newRow("zip, nothing") << "zip" << "" << QStringList{};
    QTest::newRow("zip, other bytes") << "zip" << "rewrite a.txt in place" << QStringList{"t/a.txt: content"};
    QTest::newRow("zip, a second later (DOS time)") << "zip" << "a.txt 1 s later" << QStringList{};
    QTest::newRow("zip, three seconds later") << "zip" << "a.txt 3 s later" << QStringList{"t/a.txt: modified"};
}

void TestCompareJob::foreignArchivesDecoded()
{
    // No checksums in them: the files of the recorded size are decoded and hashed.
    QFETCH(QString, format);
    QFETCH(QString, change);
    QFETCH(QStringList, found);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    const fs::path t = root / "t";
    writeFile(t / "a.txt", "hello");
    writeFile(t / "b.txt", "bb");
    // The zip's time (makeZip), half a second into it: a foreign archive's times are whole seconds.
    const timespec archived[2] = {{0, UTIME_NOW}, {1'650'000'000, 500'000'000}};
    for (const char* name : {"a.txt", "b.txt"}) {
        QCOMPARE(::chmod((t / name).c_str(), 0644), 0);
        QCOMPARE(::utimensat(AT_FDCWD, (t / name).c_str(), archived, 0), 0);
    }
    const fs::path archive = root / ("t." + format.toStdString());
    if (format == "tar" || format == "pax") {
        QProcess tar;
        tar.start("tar", {format == "pax" ? "--format=posix" : "--format=gnu", "-cf", QString::fromStdString(archive.string()), "-C", QString::fromStdString(root.string()),
                          "t/a.txt", "t/b.txt"});
        QVERIFY(tar.waitForFinished(60'000) && tar.exitCode() == 0);
    } else {
        makeZip(archive, {{"t/a.txt", "hello"}, {"t/b.txt", "bb"}});  // at 1,650,000,000 s, mode 0644
    }
    const auto time = fs::last_write_time(t / "a.txt");
    if (change == "rewrite a.txt in place") {
        writeFile(t / "a.txt", "jello");
        fs::last_write_time(t / "a.txt", time);
    }
    if (change == "a.txt 1 s later") fs::last_write_time(t / "a.txt", time + std::chrono::seconds(1));
    if (change == "a.txt 3 s later") fs::last_write_time(t / "a.txt", time + std::chrono::seconds(3));
    if (change == "a.txt 1 us later") fs::last_write_time(t / "a.txt", time + std::chrono::microseconds(1));
    if (change == "append to b.txt") std::ofstream(t / "b.txt", std::ios::app) << "bbb";

    nnz::JobControl control;
    QCOMPARE(describeAll(nnz::compare_with_disk(archive, root, {}, control)), found);
}

QTEST_GUILESS_MAIN(TestCompareJob)
#include "tst_compare_job.moc"
