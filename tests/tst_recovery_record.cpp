// The recovery record: GF(256) and the Cauchy Reed-Solomon code underneath, the record's layout,
// and what it is for: damage anywhere in an archive (its blocks, headers, index, the record
// itself) undone by `repair` byte for byte, too much damage still leaving what the blocks hold,
// `t` noticing a damaged record, and edits keeping the record.
#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <random>

#include "archive_contents.hpp"
#include "checksum.hpp"
#include "container/archive_reader.hpp"
#include "container/archive_repair.hpp"
#include "container/format.hpp"
#include "container/recovery_record.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/edit_job.hpp"
#include "jobs/extract_job.hpp"
#include "jobs/print_job.hpp"
#include "interop/archive_export.hpp"
#include "recovery/gf256.hpp"
#include "recovery/reed_solomon.hpp"

namespace fs = std::filesystem;
using nnz::ErrorCode;
using nnz::RecoveryLayout;

namespace {

std::vector<uint8_t> random_bytes(size_t size, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<uint8_t> out(size);
    for (auto& b : out) b = static_cast<uint8_t>(rng());
    return out;
}

std::string random_text(size_t size, uint32_t seed)
{
    const auto bytes = random_bytes(size, seed);
    return std::string(bytes.begin(), bytes.end());
}

std::vector<uint8_t> file_bytes(const fs::path& path)
{
    const auto text = read_file(path);
    return {text.begin(), text.end()};
}

void write_bytes(const fs::path& path, const std::vector<uint8_t>& bytes)
{
    write_file(path, std::string(bytes.begin(), bytes.end()));
}

// The layout the record at the end of these bytes describes.
RecoveryLayout layout_of(const std::vector<uint8_t>& archive)
{
    const auto header = nnz::parse_recovery_header(std::span(archive).last(nnz::kRecoveryHeaderSize));
    if (!header) throw std::runtime_error("no recovery record at the end");
    return header->layout;
}

// A record header with a correct checksum and whatever numbers it is given.
std::vector<uint8_t> crafted_header(uint64_t protected_size, int percent, uint64_t shards)
{
    nnz::format::ByteWriter out;
    out.raw(std::string_view("NNZRECOV"));
    out.u16(1);
    out.u16(uint16_t(percent));
    out.u32(2048);
    out.u64(protected_size);
    out.u64(shards);
    out.u64(shards);
    out.u32(uint32_t(shards));
    out.u32(0);
    out.u64(0);
    out.u64(nnz::xxh64(out.bytes()));
    return out.take();
}

void flip(std::vector<uint8_t>& bytes, uint64_t from, uint64_t to)
{
    for (uint64_t i = from; i < to && i < bytes.size(); ++i) bytes[i] ^= 0x5A;
}

}  // namespace

class TestRecoveryRecord : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> temp_;
    fs::path dir() const { return temp_->path().toStdString(); }
    // About 1.5 MB of stored files in three blocks.
    const std::map<std::string, std::string> files_{{"t/a.bin", random_text(700'000, 1)},
                                                   {"t/b.bin", random_text(500'000, 2)},
                                                   {"t/c.txt", std::string(300'000, 'c')},
                                                   {"t/d.md", "small"}};

    fs::path makeArchive(unsigned percent, const std::string& password = {})
    {
        for (const auto& [name, content] : files_) write_file(dir() / name, content);
        nnz::CompressOptions options;
        options.codec = "store";
        options.block_size = 512 << 10;
        options.threads = 1;
        options.recovery_percent = percent;
        options.passphrase = nnz::Passphrase(password);
        const fs::path archive = dir() / "a.nnz";
        fs::remove(archive);
        nnz::JobControl control;
        nnz::compress_paths(archive, std::vector<fs::path>{dir() / "t"}, options, control);
        return archive;
    }

    std::map<std::string, std::string> expected() const { return files_; }

private slots:
    void init()
    {
        temp_ = std::make_unique<QTemporaryDir>();
        QVERIFY(temp_->isValid());
    }

    void fieldArithmetic()
    {
        for (unsigned a = 1; a < 256; ++a) {
            QCOMPARE(int(nnz::gf256::mul(uint8_t(a), nnz::gf256::inverse(uint8_t(a)))), 1);
            QCOMPARE(int(nnz::gf256::mul(uint8_t(a), 1)), int(a));
            QCOMPARE(int(nnz::gf256::mul(uint8_t(a), 0)), 0);
        }
        // x * x = x^2; 0x80 * 2 wraps through the polynomial 0x11D.
        QCOMPARE(int(nnz::gf256::mul(2, 2)), 4);
        QCOMPARE(int(nnz::gf256::mul(0x80, 2)), 0x1D);
        // mul_add is mul, byte by byte, added (xor) in: whatever the length (the vector loop
        // takes 32 bytes at a time where the CPU has it) and the factor.
        for (const size_t size : {size_t(1), size_t(31), size_t(32), size_t(33), size_t(300), size_t(4099)})
            for (const uint8_t factor : {uint8_t(1), uint8_t(2), uint8_t(0xA7), uint8_t(0xFF)}) {
                const auto src = random_bytes(size, uint32_t(size));
                auto dst = random_bytes(size + 5, factor);
                const auto before = dst;
                nnz::gf256::mul_add(dst, src, factor);
                for (size_t i = 0; i < src.size(); ++i)
                    QCOMPARE(int(dst[i]), int(before[i] ^ nnz::gf256::mul(factor, src[i])));
                QVERIFY(std::equal(dst.begin() + std::ptrdiff_t(size), dst.end(), before.begin() + std::ptrdiff_t(size)));
            }
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::gf256::inverse(0));
    }

    void cauchyRebuildsLostShards_data()
    {
        QTest::addColumn<int>("dataShards");
        QTest::addColumn<int>("parityShards");
        QTest::addColumn<QList<int>>("lost");
        QTest::newRow("1+1, the one lost") << 1 << 1 << QList<int>{0};
        QTest::newRow("10+3, one") << 10 << 3 << QList<int>{4};
        QTest::newRow("10+3, three") << 10 << 3 << QList<int>{0, 5, 9};
        QTest::newRow("10+3, two of three parity to spare") << 10 << 3 << QList<int>{9};
        QTest::newRow("243+12, twelve together") << 243 << 12 << QList<int>{100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111};
        QTest::newRow("128+128, all data lost") << 128 << 128 << [] {
            QList<int> all;
            for (int i = 0; i < 128; ++i) all.push_back(i);
            return all;
        }();
    }

    void cauchyRebuildsLostShards()
    {
        QFETCH(int, dataShards);
        QFETCH(int, parityShards);
        QFETCH(QList<int>, lost);
        const size_t size = 257;
        const nnz::CauchyCode code{static_cast<size_t>(dataShards), static_cast<size_t>(parityShards)};
        std::vector<std::vector<uint8_t>> data;
        for (int j = 0; j < dataShards; ++j) data.push_back(random_bytes(j + 1 == dataShards ? size - 50 : size, uint32_t(j)));
        std::vector<std::vector<uint8_t>> parity(size_t(parityShards), std::vector<uint8_t>(size, 0));
        std::vector<std::span<uint8_t>> views(parity.begin(), parity.end());
        // In any order: the sum does not care.
        for (int j = dataShards; j-- > 0;) code.add_data_shard(size_t(j), data[size_t(j)], views);

        // Solve with the last parity shards (any will do).
        std::vector<size_t> lost_positions, used;
        for (int l : lost) lost_positions.push_back(size_t(l));
        for (size_t r = 0; r < lost_positions.size(); ++r) used.push_back(size_t(parityShards) - 1 - r);
        const nnz::CauchyCode::Solver solver(code, lost_positions, used);
        std::vector<std::vector<uint8_t>> syndromes;
        for (size_t r : used) syndromes.push_back(parity[r]);
        std::vector<std::span<uint8_t>> syndrome_views(syndromes.begin(), syndromes.end());
        for (int j = 0; j < dataShards; ++j)
            if (!lost.contains(j)) solver.remove_known(size_t(j), data[size_t(j)], syndrome_views);
        solver.solve(syndrome_views);
        for (size_t a = 0; a < lost_positions.size(); ++a) {
            const auto& original = data[lost_positions[a]];
            QVERIFY(std::equal(original.begin(), original.end(), syndromes[a].begin()));
            // Past a short shard's end: the zeros it was counted with.
            QVERIFY(std::all_of(syndromes[a].begin() + std::ptrdiff_t(original.size()), syndromes[a].end(),
                                [](uint8_t b) { return b == 0; }));
        }
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::CauchyCode(size_t(dataShards), size_t(257 - dataShards)));
    }

    void layout_data()
    {
        QTest::addColumn<qulonglong>("size");
        QTest::addColumn<int>("percent");
        for (const qulonglong size : {1ull, 2047ull, 2048ull, 2049ull, 1'500'000ull, 100'000'000ull, 10'000'000'000ull,
                                      1ull << 50})
            for (const int percent : {1, 5, 50})
                QTest::addRow("%llu bytes, %d%%", size, percent) << size << percent;
    }

    void layout()
    {
        QFETCH(qulonglong, size);
        QFETCH(int, percent);
        const auto layout = RecoveryLayout::for_archive(size, unsigned(percent));
        QVERIFY(layout.shard_size >= 2048 && layout.shard_size <= (1u << 20));
        QVERIFY(std::has_single_bit(layout.shard_size));
        QCOMPARE(layout.data_shards, (size + layout.shard_size - 1) / layout.shard_size);
        uint64_t data = 0, parity = 0;
        for (uint32_t g = 0; g < layout.groups; ++g) {
            const auto k = layout.group_data_shards(g), m = layout.group_parity_shards(g);
            QVERIFY(k >= 1 && k + m <= 255);
            QVERIFY(m * 100 >= k * uint64_t(percent));  // at least percent% of the group
            QCOMPARE(layout.first_parity_of(g), parity);
            data += k;
            parity += m;
            if (g > 200) break;  // the largest layouts have millions of groups: the first ones tell
        }
        if (layout.groups <= 201) {
            QCOMPARE(data, layout.data_shards);
            QCOMPARE(parity, layout.parity_shards);
        }
        QCOMPARE(layout.data_shard_size(layout.data_shards - 1), size - (layout.data_shards - 1) * layout.shard_size);
        QCOMPARE(layout.record_size(), 2 * nnz::kRecoveryHeaderSize + 2 * layout.table_size() +
                                           layout.parity_shards * layout.shard_size);
        QVERIFY(layout.ends_file_of(size + layout.record_size()));
        QVERIFY(!layout.ends_file_of(size + layout.record_size() + 1));
        QVERIFY(!layout.ends_file_of(layout.record_size()));  // no room for the archive
        // The header says it all, and nothing else parses as one.
        auto header = nnz::encode_recovery_header(layout, 0x1234);
        const auto parsed = nnz::parse_recovery_header(header);
        QVERIFY(parsed);
        QVERIFY(parsed->layout == layout);
        QCOMPARE(parsed->table_hash, 0x1234ull);
        header[20] ^= 1;
        QVERIFY(!nnz::parse_recovery_header(header));
        QVERIFY_THROWS_EXCEPTION(nnz::Error, RecoveryLayout::for_archive(size, 0));
        QVERIFY_THROWS_EXCEPTION(nnz::Error, RecoveryLayout::for_archive(size, 51));
    }

    // Headers with correct checksums whose numbers are out of reach (found by fuzz_recovery: a
    // size near 2^64 wrapped to zero shards and divided by zero groups) are not taken for one.
    void craftedHeadersAreRefused_data()
    {
        QTest::addColumn<qulonglong>("size");
        QTest::addColumn<int>("percent");
        QTest::newRow("2^64 - 1 bytes") << qulonglong(UINT64_MAX) << 5;
        QTest::newRow("2^64 - 2048") << qulonglong(UINT64_MAX - 2047) << 5;
        QTest::newRow("2^56 + 1") << qulonglong((1ull << 56) + 1) << 1;
        QTest::newRow("zero bytes") << qulonglong(0) << 5;
        QTest::newRow("0%") << qulonglong(1000) << 0;
        QTest::newRow("51%") << qulonglong(1000) << 51;
    }

    void craftedHeadersAreRefused()
    {
        QFETCH(qulonglong, size);
        QFETCH(int, percent);
        for (const uint64_t shards : {uint64_t(0), uint64_t(1), uint64_t(1) << 40})
            QVERIFY(!nnz::parse_recovery_header(crafted_header(size, percent, shards)));
        // A file ending in such a header has no record, and says so without crashing.
        const fs::path file = dir() / "crafted.nnz";
        write_bytes(file, crafted_header(size, percent, 0));
        nnz::JobControl control;
        QVERIFY(!nnz::scan_recovery_record(file, &control));
    }

    void restoresDamage_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("encrypted");
        for (const bool encrypted : {false, true}) {
            const char* suffix = encrypted ? ", encrypted" : "";
            for (const char* damage : {"nothing", "one byte in a block", "4% in one piece", "20 bytes far apart",
                                       "file header", "index and trailer", "record header", "record footer",
                                       "first checksum table", "both checksum tables", "parity", "cut inside the record"})
                QTest::addRow("%s%s", damage, suffix) << QString(damage) << encrypted;
        }
    }

    void restoresDamage()
    {
        QFETCH(QString, damage);
        QFETCH(bool, encrypted);
        const std::string password = encrypted ? "secret" : "";
        const fs::path archive = makeArchive(5, password);
        const auto original = file_bytes(archive);
        const auto layout = layout_of(original);
        const uint64_t P = layout.protected_size;
        QCOMPARE(P + layout.record_size(), uint64_t(original.size()));
        auto bytes = original;
        if (damage == "one byte in a block") flip(bytes, P / 2, P / 2 + 1);
        if (damage == "4% in one piece") flip(bytes, P / 3, P / 3 + P * 4 / 100);
        if (damage == "20 bytes far apart")
            for (uint64_t i = 0; i < 20; ++i) flip(bytes, i * P / 20 + 7, i * P / 20 + 8);
        if (damage == "file header") flip(bytes, 0, 30);
        if (damage == "index and trailer") flip(bytes, P - 200, P);
        if (damage == "record header") flip(bytes, P, P + nnz::kRecoveryHeaderSize);
        if (damage == "record footer") flip(bytes, bytes.size() - 10, bytes.size());
        if (damage == "first checksum table") flip(bytes, P + nnz::kRecoveryHeaderSize + 100, P + nnz::kRecoveryHeaderSize + 200);
        if (damage == "both checksum tables") {
            flip(bytes, P + nnz::kRecoveryHeaderSize + 100, P + nnz::kRecoveryHeaderSize + 104);
            flip(bytes, P + nnz::kRecoveryHeaderSize + layout.table_size() + 200, P + nnz::kRecoveryHeaderSize + layout.table_size() + 204);
        }
        if (damage == "parity") flip(bytes, layout.parity_offset() + 5, layout.parity_offset() + 3 * layout.shard_size);
        if (damage == "cut inside the record") bytes.resize(P + layout.record_size() / 2);
        const fs::path damaged = dir() / "damaged.nnz";
        write_bytes(damaged, bytes);

        nnz::JobControl control;
        const auto scan = nnz::scan_recovery_record(damaged, &control);
        QVERIFY(scan);
        QCOMPARE(scan->damaged(), damage != "nothing");
        QVERIFY(scan->restorable());
        QCOMPARE(scan->footer_intact, damage != "record footer" && damage != "cut inside the record");

        const fs::path repaired = dir() / "repaired.nnz";
        const auto report = nnz::repair_archive(damaged, repaired, false, control);  // no password needed
        QVERIFY(report.recovery_record);
        QVERIFY(report.restored);
        QCOMPARE(report.rebuilt_bytes, report.damaged_bytes);
        QVERIFY(file_bytes(repaired) == original);
        QVERIFY(contents_of(repaired, nnz::Passphrase(password)) == expected());
    }

    void tooMuchDamageKeepsWhatTheBlocksHold()
    {
        // A third of the archive, from its start on: more than 5% can undo. The record still
        // rebuilds what it can, and the scan of the blocks keeps the files beyond the damage.
        const fs::path archive = makeArchive(5);
        auto bytes = file_bytes(archive);
        const auto layout = layout_of(bytes);
        flip(bytes, 100, layout.protected_size / 3);
        const fs::path damaged = dir() / "damaged.nnz";
        write_bytes(damaged, bytes);
        nnz::JobControl control;
        const auto scan = nnz::scan_recovery_record(damaged, &control);
        QVERIFY(scan && !scan->restorable());
        QVERIFY(scan->unrestored_bytes > 0);

        const fs::path repaired = dir() / "repaired.nnz";
        const auto report = nnz::repair_archive(damaged, repaired, false, control);
        QVERIFY(report.recovery_record);
        QVERIFY(!report.restored);
        QVERIFY(report.rebuilt_bytes < report.damaged_bytes);
        const auto contents = contents_of(repaired);
        QVERIFY(!contents.empty());
        for (const auto& [name, content] : contents) QCOMPARE(content, files_.at(name));
        // Text first (its own block), then a.bin and b.bin: the damage covers the first block and
        // a.bin's start, b.bin lies beyond it.
        QVERIFY(contents.contains("t/b.bin"));
        QVERIFY(!contents.contains("t/a.bin"));
        QVERIFY(!contents.contains("t/c.txt"));
        // The result has a record of the same percent again.
        QCOMPARE(nnz::ArchiveReader(repaired).recovery_percent(), 5u);
    }

    void testChecksTheRecord_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("passes");
        QTest::addColumn<QString>("message");
        QTest::newRow("intact") << "" << true << "";
        QTest::newRow("parity") << "parity" << false << "the recovery record itself damaged in 1 place; every file in it is intact";
        QTest::newRow("a block") << "block" << false << "packed data checksum mismatch";
    }

    void testChecksTheRecord()
    {
        QFETCH(QString, damage);
        QFETCH(bool, passes);
        QFETCH(QString, message);
        const fs::path archive = makeArchive(5);
        auto bytes = file_bytes(archive);
        const auto layout = layout_of(bytes);
        if (damage == "parity") flip(bytes, layout.parity_offset() + 10, layout.parity_offset() + 11);
        if (damage == "block") flip(bytes, layout.protected_size / 2, layout.protected_size / 2 + 1);
        write_bytes(archive, bytes);
        nnz::JobControl control;
        try {
            const auto summary = nnz::test_archive(archive, control);
            QVERIFY(passes);
            QCOMPARE(summary.recovery_percent, 5u);
        } catch (const nnz::Error& e) {
            QVERIFY2(!passes, e.what());
            QCOMPARE(e.code(), ErrorCode::Data);
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }

    // Extraction, --stdout and exports undo what the record can, in a temporary copy, and say
    // so; too much damage is met as without a record.
    void extractionUsesTheRecord_data()
    {
        QTest::addColumn<bool>("restorable");
        QTest::addColumn<QString>("reading");  // extract, stdout (print_contents), zip or 7z (export_archive)
        for (const char* reading : {"extract", "stdout", "zip", "7z"}) {
            QTest::addRow("%s, within the record's reach", reading) << true << reading;
            QTest::addRow("%s, beyond it", reading) << false << reading;
        }
    }

    void extractionUsesTheRecord()
    {
        QFETCH(bool, restorable);
        QFETCH(QString, reading);
        const fs::path archive = makeArchive(5);
        std::string everything;  // the files' bytes in archive order, as --stdout writes them
        {
            const nnz::ArchiveReader reader(archive);  // kept: entries() is its own
            for (const auto& e : reader.entries())
                if (e.type == nnz::EntryType::File) everything += files_.at(e.path);
        }
        auto bytes = file_bytes(archive);
        const auto layout = layout_of(bytes);
        if (restorable) flip(bytes, layout.protected_size / 2, layout.protected_size / 2 + 5000);
        else flip(bytes, 100, layout.protected_size / 3);
        write_bytes(archive, bytes);
        const fs::path out = dir() / "out";
        const QByteArray oldTmp = qgetenv("TMPDIR");
        qputenv("TMPDIR", QByteArray::fromStdString(dir().string()));  // where --stdout's copy goes
        nnz::JobControl control;
        try {
            if (reading == "extract") {
                const auto summary = nnz::extract_archive(archive, out, {}, false, control);
                QVERIFY(summary.rebuilt_bytes >= 5000);
            } else if (reading == "stdout") {
                const fs::path printed = dir() / "printed";
                const int fd = ::open(printed.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
                QVERIFY(fd >= 0);
                struct Close {
                    int fd;
                    ~Close() { ::close(fd); }
                } closing{fd};
                nnz::print_contents(archive, {}, fd, control);
                QVERIFY(read_file(printed) == everything);
            } else {
                const fs::path exported = dir() / ("out." + reading.toStdString());
                nnz::export_archive(archive, exported, *nnz::export_format_for(exported), {}, false, control);
                nnz::JobControl unpacking;
                nnz::extract_archive(exported, out, {}, false, unpacking);
            }
            QVERIFY(restorable);
            QCOMPARE(control.warnings().size(), size_t(1));
            QVERIFY2(QString::fromStdString(control.warnings().front()).contains("bytes were rebuilt from its recovery record"),
                     control.warnings().front().c_str());
            if (reading != "stdout")
                for (const auto& [name, content] : files_) QCOMPARE(read_file(out / name), content);
        } catch (const nnz::Error& e) {
            QVERIFY2(!restorable, e.what());
            QCOMPARE(e.code(), ErrorCode::Data);
        }
        if (oldTmp.isNull()) qunsetenv("TMPDIR");
        else qputenv("TMPDIR", oldTmp);
        QVERIFY((!fs::exists(dir() / "out.zip") && !fs::exists(dir() / "out.7z")) || restorable);  // no partial export
        QVERIFY(file_bytes(archive) == bytes);  // the archive is left as it is
        for (const auto& folder : {dir(), out})
            if (fs::exists(folder))
                for (const auto& e : fs::directory_iterator(folder))
                    QVERIFY2(e.path().filename().string().find(".nnztmp-") == std::string::npos, e.path().c_str());
    }

    void formatVersionAndFlag()
    {
        // 5.0 with the flag while there is a record, the oldest version that fits without one.
        const fs::path archive = makeArchive(5);
        auto bytes = file_bytes(archive);
        QCOMPARE(int(bytes[8]), int(nnz::format::kVersionMajorWithRecovery));
        QCOMPARE(int(bytes[12]), int(nnz::format::kFlagRecoveryRecord));
        nnz::JobControl control;
        nnz::set_recovery_record(archive, 0, control);
        bytes = file_bytes(archive);
        QCOMPARE(int(bytes[8]), int(nnz::format::kVersionMajorWithoutDuplicates));
        QCOMPARE(int(bytes[12]), 0);
        QCOMPARE(nnz::ArchiveReader(archive).recovery_percent(), 0u);
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::set_recovery_record(archive, 0, control));
        // A recovery footer on an archive whose header does not announce one is not taken for one
        // (and the other way round: a header that does, without a footer, is refused).
        nnz::set_recovery_record(archive, 7, control);
        QCOMPARE(nnz::ArchiveReader(archive).recovery_percent(), 7u);
        QVERIFY(contents_of(archive) == expected());
        bytes = file_bytes(archive);
        bytes.resize(bytes.size() - 1);
        write_bytes(archive, bytes);
        try {
            nnz::ArchiveReader reader(archive);
            QFAIL("opened without its record's footer");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Data);
            QVERIFY2(QString(e.what()).contains("recovery record is damaged or missing"), e.what());
        }
    }

    void editsKeepTheRecord_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<int>("percent");
        QTest::newRow("add") << "add" << 5;
        QTest::newRow("add with --recovery 9") << "add 9" << 9;
        QTest::newRow("add with --recovery 0") << "add 0" << 0;
        QTest::newRow("delete") << "delete" << 5;
        QTest::newRow("rename") << "rename" << 5;
        QTest::newRow("encrypt") << "encrypt" << 5;
        QTest::newRow("set 12") << "set 12" << 12;
    }

    void editsKeepTheRecord()
    {
        QFETCH(QString, edit);
        QFETCH(int, percent);
        const fs::path archive = makeArchive(5);
        write_file(dir() / "new.txt", "new file");
        nnz::JobControl control;
        nnz::CompressOptions options;
        options.codec = "store";
        std::string password;
        if (edit.startsWith("add")) {
            if (edit != "add") options.recovery_percent = edit.section(' ', 1).toUInt();
            nnz::add_paths(archive, std::vector<fs::path>{dir() / "new.txt"}, options, control);
        }
        if (edit == "delete") nnz::delete_entries(archive, std::vector<std::string>{"t/d.md"}, options, control);
        if (edit == "rename") nnz::rename_entry(archive, "t/d.md", "t/e.md", control);
        if (edit == "encrypt") {
            password = "pw";
            nnz::change_password(archive, {}, nnz::Passphrase(password), control);
        }
        if (edit == "set 12") nnz::set_recovery_record(archive, 12, control);
        nnz::ArchiveReader reader(archive, nnz::Passphrase(password));
        QCOMPARE(reader.recovery_percent(), unsigned(percent));
        if (percent > 0) {
            const auto scan = nnz::scan_recovery_record(archive, &control);
            QVERIFY(scan && !scan->damaged());
            QCOMPARE(scan->layout.percent, unsigned(percent));
        }
        QVERIFY(contents_of(archive, nnz::Passphrase(password)).size() >= 3);
    }
};

QTEST_GUILESS_MAIN(TestRecoveryRecord)
#include "tst_recovery_record.moc"
