#include <QtTest>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "crafted_archive.hpp"
#include "damage_at_text.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/file_start.hpp"
#include "zip_maker.hpp"

namespace fs = std::filesystem;

namespace {

void writeFile(const fs::path& path, const std::string& bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Bytes that differ all along, so that a prefix of the wrong length or place cannot match.
std::string numbered(size_t size, const std::string& end = {})
{
    std::string bytes;
    for (size_t i = 0; bytes.size() < size; ++i) bytes += std::to_string(i) + ' ';
    bytes.resize(size - std::min(size, end.size()));
    return bytes + end;
}

nnz::CompressOptions storeInSmallBlocks()
{
    nnz::CompressOptions options;
    options.codec = "store";
    options.block_size = 64 * 1024;
    return options;
}

}  // namespace

class TestFileStart : public QObject {
    Q_OBJECT
private slots:
    void partsAndWholes_data();
    void partsAndWholes();
    void laterBlocksAreNotDecoded();
    void aFileReadWholeIsChecked();
    void aPartOfABlockDecodesOnlyThatFar();
    void foreignArchives();
    void refused_data();
    void refused();
};

void TestFileStart::partsAndWholes_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<qulonglong>("limit");
    QTest::addColumn<qulonglong>("expected");  // bytes returned
    QTest::addColumn<qulonglong>("size");      // the file's
    // t/big is 300,000 bytes over five blocks of 64 KiB; t/small 100 bytes; t/copy equals t/big.
    QTest::newRow("small, whole") << "t/small" << 1000ULL << 100ULL << 100ULL;
    QTest::newRow("exactly its size") << "t/small" << 100ULL << 100ULL << 100ULL;
    QTest::newRow("less than its size") << "t/small" << 10ULL << 10ULL << 100ULL;
    QTest::newRow("a part in the first block") << "t/big" << 5000ULL << 5000ULL << 300000ULL;
    QTest::newRow("a part over three blocks") << "t/big" << 150000ULL << 150000ULL << 300000ULL;
    QTest::newRow("over five blocks, whole") << "t/big" << 1000000ULL << 300000ULL << 300000ULL;
    QTest::newRow("a duplicate's content") << "t/copy" << 70000ULL << 70000ULL << 300000ULL;
    QTest::newRow("an empty file") << "t/empty" << 1000ULL << 0ULL << 0ULL;
    QTest::newRow("in a folder") << "t/sub/deep.txt" << 1000ULL << 5ULL << 5ULL;
}

void TestFileStart::partsAndWholes()
{
    QFETCH(QString, entry);
    QFETCH(qulonglong, limit);
    QFETCH(qulonglong, expected);
    QFETCH(qulonglong, size);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    writeFile(root / "t" / "big", numbered(300000));
    writeFile(root / "t" / "small", numbered(100));
    writeFile(root / "t" / "copy", numbered(300000));
    writeFile(root / "t" / "empty", "");
    writeFile(root / "t" / "sub" / "deep.txt", "deep!");
    nnz::JobControl control;
    nnz::compress_paths(root / "a.nnz", std::vector<fs::path>{root / "t"}, storeInSmallBlocks(), control);

    const nnz::FileStart start = nnz::read_file_start(root / "a.nnz", entry.toStdString(), limit, control);
    QCOMPARE(start.size, size);
    QCOMPARE(start.bytes.size(), size_t(expected));
    QCOMPARE(start.bytes, readFile(root / entry.toStdString()).substr(0, expected));
    QCOMPARE(start.whole(), expected == size);
}

void TestFileStart::laterBlocksAreNotDecoded()
{
    // The file's last block is damaged: its first bytes still come back, since nothing after
    // them is decoded; asking for all of it meets the damage.
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    writeFile(root / "t" / "big", numbered(300000, "THE-LAST-BLOCK"));
    nnz::JobControl control;
    const fs::path archive = root / "a.nnz";
    nnz::compress_paths(archive, std::vector<fs::path>{root / "t"}, storeInSmallBlocks(), control);
    QVERIFY(damage_at_text(archive, "THE-LAST-BLOCK", 'X'));

    const nnz::FileStart start = nnz::read_file_start(archive, "t/big", 1000, control);
    QCOMPARE(start.bytes, numbered(1000));
    QVERIFY(!start.whole());
    try {
        nnz::read_file_start(archive, "t/big", 300000, control);
        QFAIL("the damaged block was not read");
    } catch (const nnz::Error& e) {
        QCOMPARE(e.code(), nnz::ErrorCode::Data);
    }
}

void TestFileStart::aFileReadWholeIsChecked()
{
    // A file whose record holds the wrong checksum of its content (its block's own checksums
    // right): its first bytes come back, since a part cannot be checked against the whole's
    // checksum; read whole, the mismatch is an error.
    QTemporaryDir temp;
    const fs::path archive = fs::path(temp.path().toStdString()) / "a.nnz";
    nnz::test::CraftedEntry wrong{"f", nnz::EntryType::File, "hello world", {}, 0644, true};
    const nnz::test::CraftedEntry good{"g", nnz::EntryType::File, "good", {}, 0644, false};
    nnz::test::save_bytes(archive, nnz::test::craft_archive({wrong, good}));
    nnz::JobControl control;
    QCOMPARE(nnz::read_file_start(archive, "f", 5, control).bytes, std::string("hello"));
    QCOMPARE(nnz::read_file_start(archive, "g", 100, control).bytes, std::string("good"));
    try {
        nnz::read_file_start(archive, "f", 100, control);
        QFAIL("a wrong checksum passed");
    } catch (const nnz::Error& e) {
        QCOMPARE(e.code(), nnz::ErrorCode::Data);
    }
}

void TestFileStart::aPartOfABlockDecodesOnlyThatFar()
{
    // The neural codec decodes a block's prefix: the first 2,000 bytes of a 200,000-byte file
    // that is one block cost about those bytes, not the block.
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    writeFile(root / "t" / "f", numbered(200000));
    nnz::CompressOptions options;
    options.preset = "fast";
    nnz::JobControl making;
    nnz::compress_paths(root / "a.nnz", std::vector<fs::path>{root / "t"}, options, making);
    nnz::JobControl control;
    QCOMPARE(nnz::read_file_start(root / "a.nnz", "t/f", 2000, control).bytes, numbered(2000));
    QVERIFY2(control.total_input < 20000, qPrintable(QString::number(control.total_input.load())));
    QVERIFY2(control.done_input < 20000, qPrintable(QString::number(control.done_input.load())));
    nnz::JobControl whole;
    QCOMPARE(nnz::read_file_start(root / "a.nnz", "t/f", 1 << 20, whole).bytes, numbered(200000));
    QCOMPARE(whole.total_input.load(), uint64_t(200000));
}

void TestFileStart::foreignArchives()
{
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    const std::string content = numbered(200000);
    makeZip(root / "a.zip", {{"docs/", ""}, {"docs/a.txt", content}, {"b.txt", "bee"}});
    nnz::JobControl control;
    QCOMPARE(nnz::read_file_start(root / "a.zip", "docs/a.txt", 1234, control).bytes, content.substr(0, 1234));
    const nnz::FileStart whole = nnz::read_file_start(root / "a.zip", "docs/a.txt", 1 << 20, control);
    QCOMPARE(whole.bytes, content);
    QCOMPARE(whole.size, uint64_t(content.size()));
    QCOMPARE(nnz::read_file_start(root / "a.zip", "b.txt", 10, control).bytes, std::string("bee"));
}

void TestFileStart::refused_data()
{
    QTest::addColumn<QString>("archive");
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("code");
    QTest::newRow("no such name") << "a.nnz" << "t/none" << "" << int(nnz::ErrorCode::Usage);
    QTest::newRow("a folder") << "a.nnz" << "t" << "" << int(nnz::ErrorCode::Usage);
    QTest::newRow("a symbolic link") << "a.nnz" << "t/link" << "" << int(nnz::ErrorCode::Usage);
    QTest::newRow("a prefix of a name") << "a.nnz" << "t/fil" << "" << int(nnz::ErrorCode::Usage);
    QTest::newRow("encrypted, no password") << "e.nnz" << "t/file" << "" << int(nnz::ErrorCode::Password);
    QTest::newRow("encrypted, wrong password") << "e.nnz" << "t/file" << "wrong" << int(nnz::ErrorCode::Password);
    QTest::newRow("an encrypted zip member without it") << "e.zip" << "secret.txt" << "" << int(nnz::ErrorCode::Password);
    QTest::newRow("not an archive") << "t/file" << "file" << "" << int(nnz::ErrorCode::Data);
}

void TestFileStart::refused()
{
    QFETCH(QString, archive);
    QFETCH(QString, entry);
    QFETCH(QString, password);
    QFETCH(int, code);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    writeFile(root / "t" / "file", "contents");
    fs::create_symlink("file", root / "t" / "link");
    nnz::JobControl control;
    nnz::compress_paths(root / "a.nnz", std::vector<fs::path>{root / "t"}, storeInSmallBlocks(), control);
    nnz::CompressOptions encrypted = storeInSmallBlocks();
    encrypted.passphrase = nnz::Passphrase("right");
    nnz::compress_paths(root / "e.nnz", std::vector<fs::path>{root / "t"}, encrypted, control);
    makeZip(root / "e.zip", {{"secret.txt", "hidden"}}, "right");
    try {
        nnz::read_file_start(root / archive.toStdString(), entry.toStdString(), 100, control, nnz::Passphrase(password.toStdString()));
        QFAIL("read");
    } catch (const nnz::Error& e) {
        QCOMPARE(int(e.code()), code);
    }
    // With the right password both encrypted archives give their bytes.
    QCOMPARE(nnz::read_file_start(root / "e.nnz", "t/file", 100, control, nnz::Passphrase("right")).bytes, std::string("contents"));
    QCOMPARE(nnz::read_file_start(root / "e.zip", "secret.txt", 100, control, nnz::Passphrase("right")).bytes, std::string("hidden"));
}

QTEST_GUILESS_MAIN(TestFileStart)
#include "tst_file_start.moc"
