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
#include "container/format.hpp"
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
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("nothing") << "none" << QStringList{} << QStringList{} << true << false;
        QTest::newRow("cut inside a file across blocks")
            << "cut in block 2" << QStringList{"t/b.bin"} << QStringList{"t/b.bin", "t/c.txt", "t/c-copy.txt", "t/d.md"} << false << false;
        QTest::newRow("cut in the index") << "cut in index" << QStringList{} << QStringList{} << false << false;
        QTest::newRow("trailer cut off") << "cut trailer" << QStringList{} << QStringList{} << false << false;
        QTest::newRow("packed bytes of a middle block") << "packed 2" << QStringList{"t/b.bin"} << QStringList{"t/b.bin"} << true << false;
        QTest::newRow("a file and its copy") << "packed 4" << QStringList{"t/c.txt", "t/c-copy.txt"}
                                             << QStringList{"t/c.txt", "t/c-copy.txt"} << true << false;
        QTest::newRow("a block header (found again after it)")
            << "header 4" << QStringList{"t/c.txt", "t/c-copy.txt"} << QStringList{"t/c.txt", "t/c-copy.txt"} << true << false;
        QTest::newRow("a block header and the index") << "header 4, index" << QStringList{}
                                                      << QStringList{"t/c.txt", "t/c-copy.txt"} << false << false;
        QTest::newRow("encrypted, nothing") << "none" << QStringList{} << QStringList{} << true << true;
    }
    void recovers()
    {
        QFETCH(QString, damage);
        QFETCH(QStringList, lost);
        QFETCH(QStringList, gone);
        QFETCH(bool, indexIntact);
        QFETCH(bool, encrypted);
        if (encrypted && !nnz::encryption_available()) QSKIP("built without libsodium");
        const nnz::Passphrase passphrase(encrypted ? "secret" : "");
        const fs::path archive = makeArchive(encrypted ? "secret" : "");
        const std::string original = read_file(archive);
        std::string bytes = original;
        {
            nnz::ArchiveReader reader(archive, passphrase);
            QCOMPARE(reader.blocks().size(), size_t(6));
            const auto& blocks = reader.blocks();
            uint64_t index_start = 0;  // the trailer's first field (plain archives)
            for (int i = 0; i < 8 && !encrypted; ++i)
                index_start |= uint64_t(uint8_t(bytes[bytes.size() - 32 + size_t(i)])) << (8 * i);
            // Encrypted, the plain layout's offsets lie in the first chunk (the archive is smaller):
            // in the file they come after the encryption header and that chunk's nonce.
            uint64_t shift = 0;
            if (encrypted) {
                const std::span<const uint8_t> all(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
                nnz::format::ByteReader in(all.subspan(blocks[0].file_offset), "test");
                (void)nnz::format::parse_encryption_header(in);
                shift = in.position() + 24;
            }
            auto flip = [&](uint64_t at) { bytes[at] = char(bytes[at] ^ 0x5a); };
            if (damage == "cut in block 2") bytes.resize(blocks[2].file_offset + shift + 100);
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
        const auto report = nnz::repair_archive(damaged, repaired, false, control, passphrase);
        QCOMPARE(report.index_intact, indexIntact);
        QStringList reported;
        for (const auto& name : report.entries_lost) reported << QString::fromStdString(name);
        reported.sort();
        lost.sort();
        QCOMPARE(reported, lost);
        if (damage == "none") {
            // Blocks, index and trailer as they were (sealed anew under fresh nonces when encrypted).
            if (!encrypted) QVERIFY(read_file(repaired) == original);
            QCOMPARE(report.blocks_lost, size_t(0));
            QCOMPARE(report.bytes_skipped, uint64_t(0));
        }
        if (damage.startsWith("header")) QVERIFY(report.bytes_skipped > 0);
        if (damage.startsWith("packed")) QCOMPARE(report.blocks_lost, size_t(1));

        // The result is a sound archive holding exactly the surviving files, each whole.
        const auto got = contents_of(repaired, passphrase);
        for (const auto& [name, content] : files_) {
            if (gone.contains(QString::fromStdString(name))) {
                QVERIFY2(!got.count(name), name.c_str());
                continue;
            }
            QVERIFY2(got.count(name) && got.at(name) == content, name.c_str());
        }
        nnz::ArchiveReader reader(repaired, passphrase);
        QCOMPARE(reader.encrypted(), encrypted);
        QCOMPARE(report.entries_kept, reader.entries().size());
        std::set<std::string> names;
        for (const auto& e : reader.entries()) names.insert(e.path);
        QVERIFY(names.count("t/empty folder"));
    }

    void recoversEncrypted_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("cut in its fourth chunk") << "cut";
        QTest::newRow("its second chunk damaged") << "chunk 1";
    }
    void recoversEncrypted()
    {
        // Twelve files of 24 KB in blocks of 16 KiB: 290 KB, five chunks of 64 KiB. Damage costs
        // the chunk it lies in (its tag fails), so the blocks there, and what spans them.
        QFETCH(QString, damage);
        if (!nnz::encryption_available()) QSKIP("built without libsodium");
        std::map<std::string, std::string> files;
        for (int i = 0; i < 12; ++i) files["e/f" + std::to_string(10 + i) + ".txt"] = pattern(24'000, char('A' + i));
        for (const auto& [name, content] : files) write_file(dir() / name, content);
        nnz::CompressOptions options;
        options.codec = "store";
        options.block_size = 16 * 1024;
        options.threads = 1;
        const fs::path archive = dir() / "e.nnz";
        const auto items = nnz::gather_inputs(archive, std::vector<fs::path>{dir() / "e"}, options);
        nnz::WriteOptions write = nnz::write_options_for(options, items);
        const nnz::Passphrase passphrase("secret");
        write.key = nnz::ArchiveKey::create(passphrase, 1, nnz::kMinKeyMemory);
        nnz::JobControl control;
        nnz::write_archive(archive, items, write, control);
        std::string bytes = read_file(archive);
        constexpr size_t stride = nnz::kSealedChunkBytes + nnz::kSealOverhead;
        QVERIFY(bytes.size() > 4 * stride);
        const size_t sealed_start = bytes.find("NENC") + 67;  // header of 1 pass over 8 KiB: 67 bytes
        if (damage == "cut") bytes.resize(sealed_start + 3 * stride + 1000);
        else bytes[sealed_start + stride + 500] ^= 1;
        write_file(dir() / "damaged.nnz", bytes);

        const fs::path repaired = dir() / "repaired.nnz";
        const auto report = nnz::repair_archive(dir() / "damaged.nnz", repaired, false, control, passphrase);
        QCOMPARE(report.index_intact, damage != "cut");  // the index lies in the last chunk
        const auto got = contents_of(repaired, passphrase);
        if (report.index_intact) {  // it names every file that did not come back
            std::set<std::string> lost(report.entries_lost.begin(), report.entries_lost.end());
            for (const auto& [name, content] : files) QCOMPARE(lost.count(name), size_t(got.count(name) ? 0 : 1));
        }
        QVERIFY(nnz::ArchiveReader(repaired, passphrase).encrypted());
        // What came back is whole; what the damaged chunk held did not.
        size_t back = 0;
        for (const auto& [name, content] : files)
            if (got.count(name)) {
                QVERIFY2(got.at(name) == content, name.c_str());
                ++back;
            }
        QVERIFY2(back >= (damage == "cut" ? 6u : 7u) && back < files.size(), qPrintable(QString::number(back)));
        if (damage == "chunk 1") QVERIFY(report.bytes_skipped > 0);  // the scan found blocks after it
        // Without the password nothing is read, and nothing written.
        QVERIFY(!fs::exists(dir() / "again.nnz"));
        try {
            nnz::repair_archive(dir() / "damaged.nnz", dir() / "again.nnz", false, control);
            QFAIL("repaired without the password");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Password);
        }
        QVERIFY(!fs::exists(dir() / "again.nnz"));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("expected");
        QTest::newRow("not an archive") << "text" << int(ErrorCode::Data);
        QTest::newRow("file header destroyed") << "header" << int(ErrorCode::Data);
        QTest::newRow("encrypted, no password") << "encrypted" << int(ErrorCode::Password);
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
