// Repairing damaged archives: the blocks found by scanning, what is intact kept, what is not
// named; the result opens and extracts exactly the surviving files; an undamaged archive comes
// out byte for byte the same.
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "archive_contents.hpp"
#include "container/archive_reader.hpp"
#include "container/archive_repair.hpp"
#include "container/archive_writer.hpp"
#include "container/encryption.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"

namespace fs = std::filesystem;
using nnz::ErrorCode;

namespace {

std::string pattern(size_t size, char seed)
{
    std::string out(size, '\0');
    for (size_t i = 0; i < size; ++i) out[i] = static_cast<char>(seed + (i * 7) % 23);
    return out;
}

}  // namespace

class TestRepair : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> temp_;
    fs::path dir() const { return temp_->path().toStdString(); }
    // Files in archive order (store codec, blocks of 4 KiB): a.txt in block 0, b.bin across
    // blocks 1 to 3, c.txt in block 4 with its copy stored once, d.md in block 5, and a folder.
    const std::map<std::string, std::string> files_{{"t/a.txt", pattern(3000, 'a')},
                                                   {"t/b.bin", pattern(9000, 'b')},
                                                   {"t/c.txt", pattern(3000, 'c')},
                                                   {"t/c-copy.txt", pattern(3000, 'c')},
                                                   {"t/d.md", pattern(300, 'd')}};

    fs::path makeArchive(const std::string& password = {})
    {
        const fs::path tree = dir() / "t";
        for (const auto& [name, content] : files_) write_file(dir() / name, content);
        fs::create_directories(tree / "empty folder");
        nnz::CompressOptions options;
        options.codec = "store";
        options.block_size = 4096;
        options.threads = 1;
        const fs::path archive = dir() / "a.nnz";
        fs::remove(archive);
        auto items = nnz::gather_inputs(archive, std::vector<fs::path>{tree}, options);
        // The order the layout above describes (the writer's own grouping could change it).
        const std::vector<std::string> order{"t", "t/empty folder", "t/a.txt", "t/b.bin", "t/c.txt", "t/c-copy.txt", "t/d.md"};
        std::sort(items.begin(), items.end(), [&](const nnz::InputItem& x, const nnz::InputItem& y) {
            return std::find(order.begin(), order.end(), x.info.path) < std::find(order.begin(), order.end(), y.info.path);
        });
        nnz::WriteOptions write = nnz::write_options_for(options, items);
        write.group_by_type = false;
        if (!password.empty()) write.key = nnz::ArchiveKey::create(nnz::Passphrase(password), 1, nnz::kMinKeyMemory);
        nnz::JobControl control;
        nnz::write_archive(archive, items, write, control);
        return archive;
    }

private slots:
    void init()
    {
        temp_ = std::make_unique<QTemporaryDir>();
        QVERIFY(temp_->isValid());
    }

    void recovers_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QStringList>("lost");   // reported as lost (names the scan or the index knows)
        QTest::addColumn<QStringList>("gone");   // not in the result
        QTest::addColumn<bool>("indexIntact");
        QTest::newRow("nothing") << "none" << QStringList{} << QStringList{} << true;
        QTest::newRow("cut inside a file across blocks")
            << "cut in block 2" << QStringList{"t/b.bin"} << QStringList{"t/b.bin", "t/c.txt", "t/c-copy.txt", "t/d.md"} << false;
        QTest::newRow("cut in the index") << "cut in index" << QStringList{} << QStringList{} << false;
        QTest::newRow("trailer cut off") << "cut trailer" << QStringList{} << QStringList{} << false;
        QTest::newRow("packed bytes of a middle block") << "packed 2" << QStringList{"t/b.bin"} << QStringList{"t/b.bin"} << true;
        QTest::newRow("a file and its copy") << "packed 4" << QStringList{"t/c.txt", "t/c-copy.txt"}
                                             << QStringList{"t/c.txt", "t/c-copy.txt"} << true;
        QTest::newRow("a block header (found again after it)")
            << "header 4" << QStringList{"t/c.txt", "t/c-copy.txt"} << QStringList{"t/c.txt", "t/c-copy.txt"} << true;
        QTest::newRow("a block header and the index") << "header 4, index" << QStringList{}
                                                      << QStringList{"t/c.txt", "t/c-copy.txt"} << false;
    }
    void recovers()
    {
        QFETCH(QString, damage);
        QFETCH(QStringList, lost);
        QFETCH(QStringList, gone);
        QFETCH(bool, indexIntact);
        const fs::path archive = makeArchive();
        const std::string original = read_file(archive);
        std::string bytes = original;
        {
            nnz::ArchiveReader reader(archive);
            QCOMPARE(reader.blocks().size(), size_t(6));
            const auto& blocks = reader.blocks();
            uint64_t index_start = 0;  // the trailer's first field
            for (int i = 0; i < 8; ++i) index_start |= uint64_t(uint8_t(bytes[bytes.size() - 32 + size_t(i)])) << (8 * i);
            auto flip = [&](uint64_t at) { bytes[at] = char(bytes[at] ^ 0x5a); };
            if (damage == "cut in block 2") bytes.resize(blocks[2].file_offset + 100);
            else if (damage == "cut in index") bytes.resize(index_start + 5);
            else if (damage == "cut trailer") bytes.resize(bytes.size() - 10);
            else if (damage.startsWith("packed ")) {
                const auto& b = blocks[size_t(damage.mid(7).toInt())];
                flip(b.file_offset + b.packed_size);  // the header is shorter than the packed bytes
            } else if (damage.startsWith("header 4")) {
                flip(blocks[4].file_offset + 5);
                if (damage.endsWith("index")) flip(bytes.size() - 40);
            }
        }
        const fs::path damaged = dir() / "damaged.nnz";
        write_file(damaged, bytes);
        const fs::path repaired = dir() / "repaired.nnz";
        nnz::JobControl control;
        const auto report = nnz::repair_archive(damaged, repaired, false, control);
        QCOMPARE(report.index_intact, indexIntact);
        QStringList reported;
        for (const auto& name : report.entries_lost) reported << QString::fromStdString(name);
        reported.sort();
        lost.sort();
        QCOMPARE(reported, lost);
        if (damage == "none") {
            QVERIFY(read_file(repaired) == original);  // blocks, index and trailer as they were
            QCOMPARE(report.blocks_lost, size_t(0));
            QCOMPARE(report.bytes_skipped, uint64_t(0));
        }
        if (damage.startsWith("header")) QVERIFY(report.bytes_skipped > 0);
        if (damage.startsWith("packed")) QCOMPARE(report.blocks_lost, size_t(1));

        // The result is a sound archive holding exactly the surviving files, each whole.
        const auto got = contents_of(repaired);
        for (const auto& [name, content] : files_) {
            if (gone.contains(QString::fromStdString(name))) {
                QVERIFY2(!got.count(name), name.c_str());
                continue;
            }
            QVERIFY2(got.count(name) && got.at(name) == content, name.c_str());
        }
        nnz::ArchiveReader reader(repaired);
        QCOMPARE(report.entries_kept, reader.entries().size());
        std::set<std::string> names;
        for (const auto& e : reader.entries()) names.insert(e.path);
        QVERIFY(names.count("t/empty folder"));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("expected");
        QTest::newRow("not an archive") << "text" << int(ErrorCode::Data);
        QTest::newRow("file header destroyed") << "header" << int(ErrorCode::Data);
        QTest::newRow("encrypted") << "encrypted" << int(ErrorCode::Usage);
        QTest::newRow("output exists") << "exists" << int(ErrorCode::Exists);
        QTest::newRow("output is the input") << "same" << int(ErrorCode::Usage);
        QTest::newRow("nothing left") << "only header" << int(ErrorCode::Data);
    }
    void refuses()
    {
        QFETCH(QString, kind);
        QFETCH(int, expected);
        fs::path input = dir() / "in.nnz";
        fs::path output = dir() / "out.nnz";
        if (kind == "text") {
            write_file(input, "just some text, not an archive");
        } else if (kind == "encrypted") {
            if (!nnz::encryption_available()) QSKIP("built without libsodium");
            input = makeArchive("secret");
        } else {
            input = makeArchive();
            std::string bytes = read_file(input);
            if (kind == "header") bytes[3] = 'x';
            if (kind == "only header") bytes.resize(40);
            write_file(input, bytes);
            if (kind == "exists") write_file(output, "mine");
            if (kind == "same") output = input;
        }
        const std::string before = fs::exists(output) ? read_file(output) : std::string();
        nnz::JobControl control;
        try {
            nnz::repair_archive(input, output, false, control);
            QFAIL("accepted");
        } catch (const nnz::Error& e) {
            QCOMPARE(int(e.code()), expected);
        }
        if (kind == "exists") QCOMPARE(read_file(output), before);
        else if (kind != "same") QVERIFY(!fs::exists(output));
        for (const auto& e : fs::directory_iterator(dir()))
            QVERIFY2(e.path().filename().string().find(".nnztmp-") == std::string::npos, e.path().c_str());
    }
};

QTEST_GUILESS_MAIN(TestRepair)
#include "tst_repair.moc"
