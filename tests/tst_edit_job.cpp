// add_paths and delete_entries: what they keep is copied as it was stored (blocks of another
// codec stay that codec, to the byte), only the runs of blocks that lose an entry are compressed
// again, every surviving entry extracts to its original bytes, and a failed or cancelled edit
// leaves the archive as it was.
#include <QtTest>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <atomic>
#include <fstream>
#include <iterator>
#include <map>
#include <thread>

#include "container/archive_reader.hpp"
#include "files_by_inode.hpp"
#include "extended_attributes.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/edit_job.hpp"
#include "jobs/extract_job.hpp"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

std::string text(size_t size, unsigned seed)
{
    static const char* const kWords[] = {"the ", "archive ", "keeps ", "what ", "did ", "not ", "change, ", "and\n"};
    std::string out;
    while (out.size() < size) {
        seed = seed * 1103515245u + 12345u;
        out += kWords[(seed >> 16) % 8];
    }
    out.resize(size);
    return out;
}

std::vector<std::string> names_in(const fs::path& archive)
{
    nnz::ArchiveReader reader(archive);
    std::vector<std::string> names;
    for (const auto& e : reader.entries()) names.push_back(e.path);
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> files_in(const fs::path& folder)
{
    std::vector<std::string> names;
    for (const auto& item : fs::directory_iterator(folder)) names.push_back(item.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

class TestEditJob : public QObject {
    Q_OBJECT
private slots:
    void init();
    void editKeepsWhatDidNotChange_data();
    void editKeepsWhatDidNotChange();
    void addIntoAFolder();
    void addIntoRefused_data();
    void addIntoRefused();
    void failedEditLeavesTheArchive_data();
    void failedEditLeavesTheArchive();
    void renameCopiesEveryBlock_data();
    void renameCopiesEveryBlock();
    void decodingOfOldBlocksIsReported_data();
    void decodingOfOldBlocksIsReported();
    void duplicatesSurviveEdits_data();
    void duplicatesSurviveEdits();
    void hardLinksSurviveEdits_data();
    void hardLinksSurviveEdits();
    void newNamesOfKeptFilesAreLinked_data();
    void newNamesOfKeptFilesAreLinked();
    void updateCompressesOnlyWhatChanged_data();
    void updateCompressesOnlyWhatChanged();
    void foldersFoundChangedKeepTheirPlace();

private:
    // big.txt over blocks 0-2; a.c and b.c share block 3; data.bin and the symlink are in block 4.
    fs::path makeArchive();
    std::unique_ptr<QTemporaryDir> temp_;
    fs::path root_;
};

void TestEditJob::init()
{
    temp_ = std::make_unique<QTemporaryDir>();
    root_ = temp_->path().toStdString();
    fs::create_directories(root_ / "src" / "dir");
    fs::create_directories(root_ / "new");
    write_file(root_ / "src" / "big.txt", text(150'000, 1));
    write_file(root_ / "src" / "a.c", text(11'000, 2));
    write_file(root_ / "src" / "b.c", text(5'000, 3));
    write_file(root_ / "src" / "data.bin", std::string(30'000, '\x07') + text(100, 4));
    fs::create_symlink("big.txt", root_ / "src" / "link");
    write_file(root_ / "new" / "b.c", text(7'000, 5));
    write_file(root_ / "new" / "added.txt", text(20'000, 6));
    fs::create_directories(root_ / "new" / "empty");
}

fs::path TestEditJob::makeArchive()
{
    nnz::CompressOptions options;
    options.preset = "fast";
    options.block_size = 64 << 10;
    std::vector<fs::path> inputs;
    for (const char* name : {"big.txt", "a.c", "b.c", "data.bin", "dir", "link"}) inputs.push_back(root_ / "src" / name);
    const fs::path archive = root_ / "a.nnz";
    nnz::JobControl control;
    nnz::compress_paths(archive, inputs, options, control);
    nnz::ArchiveReader reader(archive);
    // The layout the rows below are written for.
    [&] {
        QCOMPARE(reader.blocks().size(), size_t{5});
        for (const auto& e : reader.entries()) {
            const uint32_t block = e.path == "big.txt" ? 0 : e.path == "a.c" || e.path == "b.c" ? 3 : e.path == "data.bin" || e.path == "link" ? 4 : 0;
            QCOMPARE(e.block, block);
        }
    }();
    return archive;
}

void TestEditJob::editKeepsWhatDidNotChange_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("names");  // entries to delete, or files of new/ to add
    QTest::addColumn<int>("copied");         // blocks copied as stored, at the front
    QTest::addColumn<int>("blocks");
    QTest::addColumn<QStringList>("entries");
    const QStringList all{"a.c", "b.c", "big.txt", "data.bin", "dir", "link"};
    auto without = [&](QStringList names, const QStringList& gone) {
        for (const auto& name : gone) names.removeAll(name);
        return names;
    };
    QTest::newRow("delete a file alone in its block") << "delete" << QStringList{"data.bin"} << 4 << 4 << without(all, {"data.bin"});
    QTest::newRow("delete a file sharing its block") << "delete" << QStringList{"a.c"} << 4 << 5 << without(all, {"a.c"});
    QTest::newRow("delete a file over three blocks") << "delete" << QStringList{"big.txt"} << 2 << 2 << without(all, {"big.txt"});
    QTest::newRow("delete entries without content") << "delete" << QStringList{"dir", "link"} << 5 << 5 << without(all, {"dir", "link"});
    QTest::newRow("delete everything") << "delete" << all << 0 << 0 << QStringList{};
    QTest::newRow("add a file") << "add" << QStringList{"added.txt"} << 5 << 6 << (QStringList(all) << "added.txt");
    QTest::newRow("add a file that replaces one") << "add" << QStringList{"b.c"} << 4 << 5 << all;
    QTest::newRow("add an empty folder") << "add" << QStringList{"empty"} << 5 << 5 << (QStringList(all) << "empty");
}

void TestEditJob::editKeepsWhatDidNotChange()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, names);
    QFETCH(int, copied);
    QFETCH(int, blocks);
    QFETCH(QStringList, entries);
    const fs::path archive = makeArchive();
    if (QTest::currentTestFailed()) return;
    const fs::path before = root_ / "before.nnz";
    fs::copy_file(archive, before);

    // What must be compressed again is stored, so a block of the fast preset can only be a copy.
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    if (operation == "delete") {
        std::vector<std::string> chosen;
        for (const auto& name : names) chosen.push_back(name.toStdString());
        nnz::delete_entries(archive, chosen, options, control);
    } else {
        std::vector<fs::path> inputs;
        for (const auto& name : names) inputs.push_back(root_ / "new" / name.toStdString());
        nnz::add_paths(archive, inputs, options, control);
    }

    std::vector<std::string> expected;
    for (const auto& name : entries) expected.push_back(name.toStdString());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(names_in(archive), expected);

    nnz::ArchiveReader old_reader(before), reader(archive);
    QCOMPARE(int(reader.blocks().size()), blocks);
    for (uint32_t b = 0; b < reader.blocks().size(); ++b) {
        const nnz::StoredBlock stored = reader.read_stored_block(b);
        if (int(b) >= copied) {
            QCOMPARE(stored.codec, nnz::CodecId::Store);
            continue;
        }
        QCOMPARE(stored.codec, nnz::CodecId::Neural);
        bool found = false;
        for (uint32_t o = 0; o < old_reader.blocks().size() && !found; ++o) {
            const nnz::StoredBlock old = old_reader.read_stored_block(o);
            found = old.packed == stored.packed && old.settings == stored.settings && old.raw_hash == stored.raw_hash;
        }
        QVERIFY2(found, qPrintable(QStringLiteral("block %1 is not a copy").arg(b)));
    }

    nnz::JobControl testing;
    QCOMPARE(nnz::test_archive(archive, testing).entries, expected.size());
    const fs::path out = root_ / "out";
    nnz::JobControl extracting;
    nnz::extract_archive(archive, out, {}, false, extracting, nnz::OutsideLinks::Create);
    for (const auto& name : expected) {
        const fs::path source = operation == "add" && names.contains(QString::fromStdString(name)) ? root_ / "new" / name : root_ / "src" / name;
        if (fs::is_symlink(source)) QCOMPARE(fs::read_symlink(out / name), fs::read_symlink(source));
        else if (fs::is_regular_file(source)) QCOMPARE(read_file(out / name), read_file(source));
        else QVERIFY(fs::is_directory(out / name));
    }
}

void TestEditJob::addIntoAFolder()
{
    const fs::path archive = makeArchive();
    if (QTest::currentTestFailed()) return;
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    const auto add = [&](const char* name, const char* into) {
        options.into = into;
        nnz::add_paths(archive, std::vector<fs::path>{root_ / "new" / name}, options, control);
    };
    const auto extracted = [&](const char* path) {
        const fs::path out = root_ / "out";
        fs::remove_all(out);
        nnz::JobControl extracting;
        nnz::extract_archive(archive, out, {}, false, extracting, nnz::OutsideLinks::Create);
        return read_file(out / path);
    };
    // Into a stored folder: the top-level file of the same name stays.
    add("b.c", "dir");
    QCOMPARE(extracted("dir/b.c"), read_file(root_ / "new" / "b.c"));
    QCOMPARE(extracted("b.c"), read_file(root_ / "src" / "b.c"));
    // Again, changed: the one in the folder is replaced, nothing else.
    write_file(root_ / "new" / "b.c", text(9'000, 7));
    add("b.c", "./dir/");
    QCOMPARE(extracted("dir/b.c"), text(9'000, 7));
    QCOMPARE(extracted("b.c"), read_file(root_ / "src" / "b.c"));
    // Into folders the archive does not have: implied by the name, created on extraction.
    add("added.txt", "deep/er");
    add("empty", "deep");
    QCOMPARE(names_in(archive), (std::vector<std::string>{"a.c", "b.c", "big.txt", "data.bin", "deep/empty", "deep/er/added.txt",
                                                          "dir", "dir/b.c", "link"}));
    QCOMPARE(extracted("deep/er/added.txt"), read_file(root_ / "new" / "added.txt"));
    QVERIFY(fs::is_directory(root_ / "out" / "deep" / "empty"));
    // A new archive, all of it inside a folder.
    const fs::path fresh = root_ / "fresh.nnz";
    options.into = "top";
    nnz::compress_paths(fresh, std::vector<fs::path>{root_ / "src" / "a.c", root_ / "src" / "dir"}, options, control);
    QCOMPARE(names_in(fresh), (std::vector<std::string>{"top/a.c", "top/dir"}));
}

void TestEditJob::addIntoRefused_data()
{
    QTest::addColumn<QString>("into");
    QTest::addColumn<QString>("message");
    QTest::newRow("a file") << "big.txt" << "\"big.txt\": it is a file in the archive";
    QTest::newRow("below a file") << "big.txt/sub" << "\"big.txt\": it is a file in the archive";
    QTest::newRow("a symbolic link") << "link" << "\"link\": it is a symbolic link in the archive";
    QTest::newRow("out of the archive") << "../x" << "\"../x\" is not a folder name";
    QTest::newRow("absolute") << "/abs" << "\"/abs\" is not a folder name";
}

void TestEditJob::addIntoRefused()
{
    QFETCH(QString, into);
    QFETCH(QString, message);
    const fs::path archive = makeArchive();
    if (QTest::currentTestFailed()) return;
    const std::string before = read_file(archive);
    nnz::CompressOptions options;
    options.codec = "store";
    options.into = into.toStdString();
    nnz::JobControl control;
    try {
        nnz::add_paths(archive, std::vector<fs::path>{root_ / "new" / "b.c"}, options, control);
        QFAIL("added");
    } catch (const nnz::Error& e) {
        QCOMPARE(e.code(), nnz::ErrorCode::Usage);
        QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
    }
    QVERIFY(read_file(archive) == before);
}

void TestEditJob::failedEditLeavesTheArchive_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<int>("error");
    QTest::newRow("a name that matches nothing") << "unknown name" << int(nnz::ErrorCode::Usage);
    QTest::newRow("a damaged block to compress again") << "damaged block 3" << int(nnz::ErrorCode::Data);
    QTest::newRow("a damaged block to copy") << "damaged block 0" << int(nnz::ErrorCode::Data);
    QTest::newRow("cancelled") << "cancelled" << int(nnz::ErrorCode::Cancelled);
    QTest::newRow("adding to a damaged index") << "damaged index" << int(nnz::ErrorCode::Data);
}

void TestEditJob::failedEditLeavesTheArchive()
{
    QFETCH(QString, failure);
    QFETCH(int, error);
    const fs::path archive = makeArchive();
    if (QTest::currentTestFailed()) return;
    if (failure.startsWith("damaged")) {
        uint64_t at = 0;
        {
            nnz::ArchiveReader reader(archive);
            const auto& block = reader.blocks()[failure.endsWith("3") ? 3 : 0];
            at = failure == "damaged index" ? fs::file_size(archive) - 40 : block.file_offset + block.packed_size;
        }
        std::fstream io(archive, std::ios::in | std::ios::out | std::ios::binary);
        io.seekg(std::streamoff(at));
        const char was = char(io.get());
        io.seekp(std::streamoff(at));
        io.put(char(was ^ 0x20));  // the block's last packed bytes, or the index's last bytes
    }
    const std::string before = read_file(archive);
    const auto files_before = files_in(root_);

    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    if (failure == "cancelled") control.request_cancel();
    int code = -1;
    try {
        if (failure == "damaged index") {
            const std::vector<fs::path> inputs{root_ / "new" / "added.txt"};
            nnz::add_paths(archive, inputs, options, control);
        } else {
            // a.c shares block 3 with b.c, which must be decoded; data.bin's block is dropped, block 0 copied.
            const std::vector<std::string> names{failure == "unknown name" ? "nope" : failure.endsWith("0") ? "data.bin" : "a.c"};
            nnz::delete_entries(archive, names, options, control);
        }
    } catch (const nnz::Error& e) {
        code = int(e.code());
    }
    QCOMPARE(code, error);
    QVERIFY(read_file(archive) == before);
    QCOMPARE(files_in(root_), files_before);  // no temporary file left
}

void TestEditJob::renameCopiesEveryBlock_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("entries");  // all names afterwards; empty: refused
    QTest::addColumn<int>("error");  // -1: none
    QTest::newRow("a file") << "tree/top.txt" << "tree/first.txt"
                            << QStringList{"tree", "tree/docs", "tree/docs/a.txt", "tree/docs/sub", "tree/docs/sub/b.txt", "tree/first.txt", "tree/link"} << -1;
    QTest::newRow("a folder with everything in it") << "tree/docs/" << "manual"
                            << QStringList{"manual", "manual/a.txt", "manual/sub", "manual/sub/b.txt", "tree", "tree/link", "tree/top.txt"} << -1;
    QTest::newRow("the top folder, deeper") << "tree" << "x/y"
                            << QStringList{"x/y", "x/y/docs", "x/y/docs/a.txt", "x/y/docs/sub", "x/y/docs/sub/b.txt", "x/y/link", "x/y/top.txt"} << -1;
    QTest::newRow("a symlink") << "tree/link" << "tree/link2"
                            << QStringList{"tree", "tree/docs", "tree/docs/a.txt", "tree/docs/sub", "tree/docs/sub/b.txt", "tree/link2", "tree/top.txt"} << -1;
    QTest::newRow("a file to a path through its old name") << "tree/top.txt" << "tree/top.txt/inner.txt"
                            << QStringList{"tree", "tree/docs", "tree/docs/a.txt", "tree/docs/sub", "tree/docs/sub/b.txt", "tree/link", "tree/top.txt/inner.txt"} << -1;
    QTest::newRow("to a name that exists") << "tree/top.txt" << "tree/docs/a.txt" << QStringList{} << int(nnz::ErrorCode::Exists);
    QTest::newRow("a folder into itself") << "tree/docs" << "tree/docs/sub/b.txt" << QStringList{} << int(nnz::ErrorCode::Usage);
    QTest::newRow("out of the archive") << "tree/top.txt" << "../top.txt" << QStringList{} << int(nnz::ErrorCode::Usage);
    QTest::newRow("absolute") << "tree/top.txt" << "/tmp/top.txt" << QStringList{} << int(nnz::ErrorCode::Usage);
    QTest::newRow("under a file") << "tree/docs/a.txt" << "tree/top.txt/a.txt" << QStringList{} << int(nnz::ErrorCode::Usage);
    QTest::newRow("under a symlink") << "tree/docs" << "tree/link/docs" << QStringList{} << int(nnz::ErrorCode::Usage);
    QTest::newRow("a name that matches nothing") << "tree/nope" << "tree/yes" << QStringList{} << int(nnz::ErrorCode::Usage);
}

void TestEditJob::renameCopiesEveryBlock()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, entries);
    QFETCH(int, error);
    const fs::path tree = root_ / "tree";
    fs::create_directories(tree / "docs" / "sub");
    write_file(tree / "docs" / "a.txt", text(90'000, 11));
    write_file(tree / "docs" / "sub" / "b.txt", text(50'000, 12));
    write_file(tree / "top.txt", text(40'000, 13));
    fs::create_symlink("top.txt", tree / "link");
    nnz::CompressOptions options;
    options.preset = "fast";
    options.block_size = 64 << 10;
    const fs::path archive = root_ / "t.nnz";
    nnz::JobControl creating;
    nnz::compress_paths(archive, std::vector<fs::path>{tree}, options, creating);
    const std::string before = read_file(archive);
    const auto files_before = files_in(root_);

    nnz::JobControl control;
    int code = -1;
    try {
        nnz::rename_entry(archive, from.toStdString(), to.toStdString(), control);
    } catch (const nnz::Error& e) {
        code = int(e.code());
    }
    QCOMPARE(code, error);
    if (error != -1) {
        QVERIFY(read_file(archive) == before);
        QCOMPARE(files_in(root_), files_before);  // no temporary file left
        return;
    }
    std::vector<std::string> expected;
    for (const auto& name : entries) expected.push_back(name.toStdString());
    QCOMPARE(names_in(archive), expected);

    // Every block is the old one, packed bytes and settings, in the same order.
    const fs::path old_archive = root_ / "old.nnz";
    write_file(old_archive, before);
    nnz::ArchiveReader old_reader(old_archive), reader(archive);
    QCOMPARE(reader.blocks().size(), old_reader.blocks().size());
    QVERIFY(reader.blocks().size() >= 3);
    for (uint32_t b = 0; b < reader.blocks().size(); ++b) {
        const nnz::StoredBlock now = reader.read_stored_block(b), then = old_reader.read_stored_block(b);
        QVERIFY(now.packed == then.packed && now.settings == then.settings && now.raw_hash == then.raw_hash);
    }
    // The contents moved with their names.
    const fs::path out = root_ / "out";
    nnz::JobControl extracting;
    nnz::extract_archive(archive, out, {}, false, extracting, nnz::OutsideLinks::Create);
    for (const auto& entry : old_reader.entries()) {
        QString name = QString::fromStdString(entry.path);
        const QString old_name = from.endsWith('/') ? from.chopped(1) : from;
        if (name == old_name || name.startsWith(old_name + "/")) name = to + name.mid(old_name.size());
        const fs::path now = out / name.toStdString(), was = root_ / entry.path;
        if (entry.type == nnz::EntryType::File) QVERIFY2(read_file(now) == read_file(was), qPrintable(name));
        else if (entry.type == nnz::EntryType::Symlink) QCOMPARE(fs::read_symlink(now), fs::read_symlink(was));
        else QVERIFY(fs::is_directory(now));
    }
}

void TestEditJob::decodingOfOldBlocksIsReported_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<int>>("decoded");  // the old blocks' numbers as reported, 1-based
    QTest::addColumn<int>("of");
    // long.txt fills blocks 0-1 and most of 2, short.txt ends block 2: one run of three blocks.
    QTest::newRow("a survivor over three blocks") << "delete" << "short.txt" << QList<int>{1, 2, 3} << 3;
    QTest::newRow("a survivor in the last block") << "delete" << "long.txt" << QList<int>{1} << 1;
    QTest::newRow("nothing to decode") << "add" << "added.txt" << QList<int>{} << 0;
}

void TestEditJob::decodingOfOldBlocksIsReported()
{
    QFETCH(QString, operation);
    QFETCH(QString, name);
    QFETCH(QList<int>, decoded);
    QFETCH(int, of);
    write_file(root_ / "src" / "long.txt", text(150'000, 7));
    write_file(root_ / "src" / "short.txt", text(3'000, 8));
    nnz::CompressOptions options;
    options.preset = "fast";
    options.block_size = 64 << 10;
    const fs::path archive = root_ / "a.nnz";
    nnz::JobControl creating;
    const std::vector<fs::path> inputs{root_ / "src" / "long.txt", root_ / "src" / "short.txt"};
    nnz::compress_paths(archive, inputs, options, creating);
    QCOMPARE(nnz::ArchiveReader(archive).blocks().size(), size_t{3});

    // The job's thread sets the report; this one watches it as the CLI's and GUI's timers do.
    nnz::JobControl control;
    std::atomic<bool> finished{false};
    std::vector<nnz::JobControl::OldBlockDecoding> seen;
    std::thread job([&] {
        if (operation == "delete") nnz::delete_entries(archive, std::vector<std::string>{name.toStdString()}, options, control);
        else nnz::add_paths(archive, std::vector<fs::path>{root_ / "new" / name.toStdString()}, options, control);
        finished = true;
    });
    while (!finished) {
        const auto now = control.old_block_decoding();
        if (now.blocks > 0 && (seen.empty() || !(seen.back() == now))) seen.push_back(now);
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    job.join();

    QCOMPARE(control.old_block_decoding(), nnz::JobControl::OldBlockDecoding{});  // cleared at the end
    QList<int> blocks;
    for (const auto& report : seen) {
        QCOMPARE(int(report.blocks), of);
        QVERIFY(report.percent <= 100);
        if (blocks.empty() || blocks.back() != int(report.block)) blocks.push_back(int(report.block));
    }
    QCOMPARE(blocks, decoded);
    QVERIFY(std::is_sorted(seen.begin(), seen.end(), [](const auto& a, const auto& b) {
        return a.block < b.block || (a.block == b.block && a.percent < b.percent);
    }));
}

void TestEditJob::duplicatesSurviveEdits_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("names");       // entries to delete, a rename (from, to) or folders of new/ to add
    QTest::addColumn<QStringList>("duplicates");  // the duplicates afterwards, in archive order
    QTest::addColumn<int>("rawBytes");            // in all blocks afterwards
    // dup/a.txt (the original), dup/b.txt and dup/c.txt hold the same 40,000 bytes over three
    // blocks; dup/other.txt 5,000 others.
    QTest::newRow("nothing changed") << "delete" << QStringList{"dup/nothing"} << QStringList{"dup/b.txt", "dup/c.txt"} << 45'000;
    QTest::newRow("delete the original") << "delete" << QStringList{"dup/a.txt"} << QStringList{"dup/c.txt"} << 45'000;
    QTest::newRow("delete a duplicate") << "delete" << QStringList{"dup/b.txt"} << QStringList{"dup/c.txt"} << 45'000;
    QTest::newRow("delete all but one") << "delete" << QStringList{"dup/a.txt", "dup/c.txt"} << QStringList{} << 45'000;
    QTest::newRow("delete them all") << "delete" << QStringList{"dup/a.txt", "dup/b.txt", "dup/c.txt"} << QStringList{} << 5'000;
    QTest::newRow("rename the original") << "rename" << QStringList{"dup/a.txt", "dup/z.txt"} << QStringList{"dup/b.txt", "dup/c.txt"} << 45'000;
    QTest::newRow("add twins") << "add" << QStringList{"twins"} << QStringList{"dup/b.txt", "dup/c.txt", "twins/y.txt"} << 65'000;
}

void TestEditJob::duplicatesSurviveEdits()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, names);
    QFETCH(QStringList, duplicates);
    QFETCH(int, rawBytes);
    fs::create_directories(root_ / "dup");
    fs::create_directories(root_ / "new" / "twins");
    const std::string same = text(40'000, 7);
    std::map<std::string, std::string> contents{{"dup/a.txt", same}, {"dup/b.txt", same}, {"dup/c.txt", same},
                                                {"dup/other.txt", text(5'000, 8)}, {"twins/x.txt", text(20'000, 9)},
                                                {"twins/y.txt", text(20'000, 9)}};
    for (const auto& [name, bytes] : contents)
        write_file((name.starts_with("twins/") ? root_ / "new" : root_) / name, bytes);
    nnz::CompressOptions options;
    options.preset = "fast";
    options.block_size = 16 << 10;
    const fs::path archive = root_ / "d.nnz";
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{root_ / "dup"}, options, control);
    QCOMPARE(nnz::ArchiveReader(archive).blocks().size(), size_t{3});  // dup/other.txt joins the last one

    std::vector<std::string> chosen;
    for (const auto& name : names) chosen.push_back(name.toStdString());
    if (operation == "delete" && names != QStringList{"dup/nothing"}) nnz::delete_entries(archive, chosen, options, control);
    if (operation == "rename") nnz::rename_entry(archive, chosen[0], chosen[1], control);
    if (operation == "add") nnz::add_paths(archive, std::vector<fs::path>{root_ / "new" / "twins"}, options, control);

    nnz::ArchiveReader reader(archive);
    QStringList gotDuplicates;
    for (const auto& e : reader.entries())
        if (e.duplicate) gotDuplicates << QString::fromStdString(e.path);
    QCOMPARE(gotDuplicates, duplicates);
    uint64_t raw = 0;
    for (const auto& b : reader.blocks()) raw += b.raw_size;
    QCOMPARE(raw, uint64_t(rawBytes));
    if (operation == "rename") contents["dup/z.txt"] = same;

    nnz::JobControl testing;
    QCOMPARE(nnz::test_archive(archive, testing).entries, reader.entries().size());
    const fs::path out = root_ / "out";
    nnz::JobControl extracting;
    nnz::extract_archive(archive, out, {}, false, extracting);
    size_t files = 0;
    for (const auto& e : reader.entries()) {
        if (e.type != nnz::EntryType::File) continue;
        ++files;
        QVERIFY2(read_file(out / e.path) == contents.at(e.path), e.path.c_str());
    }
    QVERIFY(files >= 1);
}

void TestEditJob::hardLinksSurviveEdits_data()
{
    QTest::addColumn<QStringList>("deleted");
    QTest::addColumn<QStringList>("hardLinks");  // the entries marked as hard links afterwards
    QTest::addColumn<QStringList>("files");      // extracted: the names of one file on disk together
    // h/a and h/a2 one file, h/b and h/b2 another with the same bytes: a, a2 (a hard link of a),
    // b (a duplicate), b2 (a hard link of b), and h/other.
    QTest::newRow("nothing") << QStringList{} << QStringList{"h/a2", "h/b2"} << QStringList{"h/a h/a2", "h/b h/b2", "h/other"};
    QTest::newRow("the original") << QStringList{"h/a"} << QStringList{"h/b2"} << QStringList{"h/a2", "h/b h/b2", "h/other"};
    QTest::newRow("its hard link") << QStringList{"h/a2"} << QStringList{"h/b2"} << QStringList{"h/a", "h/b h/b2", "h/other"};
    // b2 follows a2 now, but is not the same file.
    QTest::newRow("a duplicate with a hard link") << QStringList{"h/b"} << QStringList{"h/a2"} << QStringList{"h/a h/a2", "h/b2", "h/other"};
    QTest::newRow("the first file's names") << QStringList{"h/a", "h/a2"} << QStringList{"h/b2"} << QStringList{"h/b h/b2", "h/other"};
    QTest::newRow("another file") << QStringList{"h/other"} << QStringList{"h/a2", "h/b2"} << QStringList{"h/a h/a2", "h/b h/b2"};
}

void TestEditJob::hardLinksSurviveEdits()
{
    QFETCH(QStringList, deleted);
    QFETCH(QStringList, hardLinks);
    QFETCH(QStringList, files);
    const fs::path h = root_ / "h";
    fs::create_directories(h);
    const std::string same = text(3'000, 5);
    write_file(h / "a", same);
    write_file(h / "b", same);
    write_file(h / "other", text(2'000, 6));
    fs::create_hard_link(h / "a", h / "a2");
    fs::create_hard_link(h / "b", h / "b2");
    nnz::CompressOptions options;
    options.codec = "store";
    const fs::path archive = root_ / "h.nnz";
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{h}, options, control);
    std::vector<std::string> names;
    for (const auto& name : deleted) names.push_back(name.toStdString());
    if (!names.empty()) nnz::delete_entries(archive, names, options, control);

    const nnz::ArchiveReader reader(archive);
    QStringList gotLinks;
    for (const auto& e : reader.entries())
        if (e.hard_link) gotLinks << QString::fromStdString(e.path);
    QCOMPARE(gotLinks, hardLinks);
    const fs::path out = root_ / "out";
    nnz::extract_archive(archive, out, {}, false, control);
    QCOMPARE(filesByInode(out), files);
}

void TestEditJob::updateCompressesOnlyWhatChanged_data()
{
    QTest::addColumn<QString>("change");  // to src/ before adding big.txt, a.c, b.c, dir and link again
    QTest::addColumn<int>("copied");      // blocks copied as stored, at the front
    QTest::addColumn<int>("blocks");
    QTest::newRow("nothing") << "" << 5 << 5;
    QTest::newRow("a.c rewritten") << "rewrite a.c" << 4 << 5;
    QTest::newRow("a.c touched") << "touch a.c" << 4 << 5;
    // b.c shares a.c's block: compressed again, from disk, not decoded from the archive. So a b.c
    // rewritten with its size and time kept (which the quick check cannot see) is stored as it is now.
    QTest::newRow("a.c rewritten, b.c behind its time") << "rewrite a.c, b.c in place" << 4 << 5;
    QTest::newRow("big.txt's mode") << "chmod big.txt" << 2 << 3;
    QTest::newRow("the link's target") << "relink" << 5 << 5;
    QTest::newRow("big.txt's attribute") << "attribute on big.txt" << 2 << 3;
    QTest::newRow("big.txt's attribute, not read (--no-xattrs)") << "attribute on big.txt, unread" << 5 << 5;
}

void TestEditJob::updateCompressesOnlyWhatChanged()
{
    QFETCH(QString, change);
    QFETCH(int, copied);
    QFETCH(int, blocks);
    const fs::path archive = makeArchive();
    if (QTest::currentTestFailed()) return;
    const fs::path before = root_ / "before.nnz";
    fs::copy_file(archive, before);
    const fs::path src = root_ / "src";
    if (change.startsWith("rewrite a.c")) write_file(src / "a.c", text(12'000, 12));
    if (change.endsWith("b.c in place")) {
        const auto time = fs::last_write_time(src / "b.c");
        write_file(src / "b.c", text(5'000, 13));
        fs::last_write_time(src / "b.c", time);
    }
    if (change == "touch a.c") fs::last_write_time(src / "a.c", fs::last_write_time(src / "a.c") + std::chrono::seconds(1));
    if (change == "chmod big.txt") fs::permissions(src / "big.txt", fs::perms::owner_exec, fs::perm_options::add);
    if (change == "relink") {
        fs::remove(src / "link");
        fs::create_symlink("a.c", src / "link");
    }
    if (change.startsWith("attribute")) {
        if (!attributesSupported(root_)) QSKIP("this file system keeps no user attributes");
        QVERIFY(setAttribute(src / "big.txt", "user.note", "changed"));
    }

    nnz::CompressOptions options;
    options.codec = "store";  // what is compressed again is stored: a neural block can only be a copy
    options.recorded.xattrs = !change.endsWith("unread");
    nnz::JobControl control;
    std::vector<fs::path> inputs;
    for (const char* name : {"big.txt", "a.c", "b.c", "dir", "link"})
        inputs.push_back(src / name);
    nnz::add_paths(archive, inputs, options, control);

    nnz::ArchiveReader old_reader(before), reader(archive);
    QCOMPARE(int(reader.blocks().size()), blocks);
    for (uint32_t b = 0; b < reader.blocks().size(); ++b) {
        const nnz::StoredBlock stored = reader.read_stored_block(b);
        QCOMPARE(stored.codec, int(b) < copied ? nnz::CodecId::Neural : nnz::CodecId::Store);
    }
    const std::vector<std::string> expected{"a.c", "b.c", "big.txt", "data.bin", "dir", "link"};
    QCOMPARE(names_in(archive), expected);
    const fs::path out = root_ / "out";
    nnz::JobControl extracting;
    nnz::extract_archive(archive, out, {}, false, extracting, nnz::OutsideLinks::Create);
    for (const auto& name : expected) {
        const fs::path source = src / name;
        if (fs::is_symlink(source)) QCOMPARE(fs::read_symlink(out / name), fs::read_symlink(source));
        else if (fs::is_regular_file(source)) QVERIFY2(read_file(out / name) == read_file(source), name.c_str());
        if (!fs::is_symlink(source))
            QCOMPARE(fs::status(out / name).permissions(), fs::status(source).permissions());
    }
}

void TestEditJob::newNamesOfKeptFilesAreLinked_data()
{
    QTest::addColumn<bool>("rewriteFirst");  // x's content changed too: both names are new then
    QTest::newRow("x as it was") << false;
    QTest::newRow("x rewritten") << true;
}

void TestEditJob::newNamesOfKeptFilesAreLinked()
{
    // Names made for an archived file since (ln x y; ln x z), added with u: hard links of it in
    // its block's header, nothing compressed, one file again when extracted.
    QFETCH(bool, rewriteFirst);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    fs::create_directories(root / "h");
    write_file(root / "h" / "x", text(3'000, 21));
    write_file(root / "h" / "o", text(2'000, 22));
    const fs::path archive = root / "h.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{root / "h"}, options, control);
    const uint64_t stored = nnz::ArchiveReader(archive).blocks().at(0).raw_size;
    if (rewriteFirst) write_file(root / "h" / "x", text(3'000, 23));
    fs::create_hard_link(root / "h" / "x", root / "h" / "y");
    fs::create_hard_link(root / "h" / "x", root / "h" / "z");
    nnz::add_paths(archive, std::vector<fs::path>{root / "h"}, options, control);

    const nnz::ArchiveReader reader(archive);
    QStringList order;
    for (const auto& e : reader.entries())
        if (e.type == nnz::EntryType::File) order << QString::fromStdString(e.path) + (e.hard_link ? "=h" : e.duplicate ? "=" : "");
    QCOMPARE(order, (QStringList{"h/o", "h/x", "h/y=h", "h/z=h"}));
    uint64_t raw = 0;
    for (const auto& b : reader.blocks()) raw += b.raw_size;
    QCOMPARE(raw, stored);  // x's bytes once, whichever way (rewritten, x and o are compressed again)
    if (!rewriteFirst) QCOMPARE(reader.blocks().size(), size_t(1));  // the block copied, nothing new
    nnz::extract_archive(archive, root / "out", {}, false, control);
    QCOMPARE(filesByInode(root / "out" / "h"), (QStringList{"o", "x y z"}));
    QCOMPARE(read_file(root / "out" / "h" / "z"), read_file(root / "h" / "x"));
}

// u over a folder whose time (and mode) changed: its entry stays before what it holds, with the
// new time and mode, and no block is compressed again (a folder has no content).
void TestEditJob::foldersFoundChangedKeepTheirPlace()
{
    QTemporaryDir tmp;
    const fs::path root = tmp.path().toStdString();
    fs::create_directories(root / "src" / "a");
    fs::create_directories(root / "src" / "b");
    write_file(root / "src" / "a" / "x", "x in a");
    write_file(root / "src" / "b" / "y", "y in b");
    const fs::path archive = root / "t.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{root / "src"}, options, control);
    std::vector<std::string> before;
    {
        const nnz::ArchiveReader first(archive);  // not a temporary: the loop uses its entries
        for (const auto& e : first.entries()) before.push_back(e.path);
    }

    const auto later = fs::last_write_time(root / "src" / "a") + std::chrono::seconds(7);
    fs::last_write_time(root / "src" / "a", later);
    fs::permissions(root / "src" / "a", fs::perms::others_all, fs::perm_options::remove);
    nnz::add_paths(archive, std::vector<fs::path>{root / "src"}, options, control);
    const nnz::ArchiveReader reader(archive);
    std::vector<std::string> after;
    for (const auto& e : reader.entries()) after.push_back(e.path);
    QCOMPARE(after, before);  // the same order: src/a/ still before src/a/x
    bool seen = false;
    for (const auto& e : reader.entries()) {
        if (e.path != "src/a") continue;
        seen = true;
        struct stat st {};
        QCOMPARE(::stat((root / "src" / "a").c_str(), &st), 0);
        QCOMPARE(e.mtime_sec, int64_t(st.st_mtim.tv_sec));
        QCOMPARE(e.mtime_nsec, uint32_t(st.st_mtim.tv_nsec));
        QCOMPARE(e.mode, uint32_t(st.st_mode & 07777));
    }
    QVERIFY(seen);
    // And it reads back whole (the block headers agree with the index) and extracts with them.
    nnz::test_archive(archive, control);
    const fs::path out = root / "out";
    nnz::extract_archive(archive, out, {}, nnz::ExistingFiles::Refuse, control);
    QCOMPARE(fs::last_write_time(out / "src" / "a"), fs::last_write_time(root / "src" / "a"));
    QCOMPARE(fs::status(out / "src" / "a").permissions(), fs::status(root / "src" / "a").permissions());
}

QTEST_GUILESS_MAIN(TestEditJob)
#include "tst_edit_job.moc"
