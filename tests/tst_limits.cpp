// Resource limits (docs/RELIABILITY.md): every size, count and length read from an archive is
// checked before anything is allocated from it. This test binary replaces the global operator new
// to record the largest single request and the peak of live bytes, so "fails fast with little
// memory" is measured, not assumed. Crafted archives carry correct checksums, as an attacker's
// would.
#include <QtTest>

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <random>

#include "checksum.hpp"
#include "container/archive_reader.hpp"
#include "container/archive_writer.hpp"
#include "container/format.hpp"
#include "crafted_archive.hpp"
#include "error.hpp"

namespace fs = std::filesystem;
using nnz::format::ByteWriter;

// ---- Allocation accounting -----------------------------------------------------------------------

namespace {
std::atomic<bool> g_tracking{false};
std::atomic<size_t> g_largest{0};
std::atomic<int64_t> g_live{0};
std::atomic<int64_t> g_peak{0};

void* tracked_alloc(size_t n)
{
    if (g_tracking.load(std::memory_order_relaxed)) {
        size_t seen = g_largest.load();
        while (n > seen && !g_largest.compare_exchange_weak(seen, n)) {
        }
    }
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    const int64_t live = g_live.fetch_add(static_cast<int64_t>(malloc_usable_size(p))) +
                         static_cast<int64_t>(malloc_usable_size(p));
    int64_t peak = g_peak.load();
    while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
    }
    return p;
}

void tracked_free(void* p) noexcept
{
    if (!p) return;
    g_live.fetch_sub(static_cast<int64_t>(malloc_usable_size(p)));
    std::free(p);
}

// Measures what `f` allocates through operator new: the largest request and how far the live
// bytes rose above where they started.
struct Usage {
    size_t largest = 0;
    int64_t peak_rise = 0;
};
template <class F>
Usage measure(F&& f)
{
    g_largest = 0;
    const int64_t start = g_live.load();
    g_peak = start;
    g_tracking = true;
    try {
        f();
    } catch (...) {
        g_tracking = false;
        throw;
    }
    g_tracking = false;
    return {g_largest.load(), g_peak.load() - start};
}
}  // namespace

void* operator new(size_t n) { return tracked_alloc(n); }
void* operator new[](size_t n) { return tracked_alloc(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept
{
    try {
        return tracked_alloc(n);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](size_t n, const std::nothrow_t&) noexcept
{
    try {
        return tracked_alloc(n);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p) noexcept { tracked_free(p); }
void operator delete[](void* p) noexcept { tracked_free(p); }
void operator delete(void* p, size_t) noexcept { tracked_free(p); }
void operator delete[](void* p, size_t) noexcept { tracked_free(p); }

// ---- Crafted archives ----------------------------------------------------------------------------

namespace {

constexpr uint64_t k2p60 = 1ull << 60;
constexpr uint64_t k2p40 = 1ull << 40;
constexpr size_t kLittle = 256 << 10;  // what refusing a hostile header may allocate at most

// The file header of format version `major` (1: the 0.1-0.7 layout, still read; 2: written now).
std::vector<uint8_t> fileHeader(int major)
{
    ByteWriter head;
    head.raw(nnz::format::kMagic);
    head.u16(static_cast<uint16_t>(major));
    head.u16(0);
    head.u32(0);
    head.u32(6);
    head.raw(std::string_view("limits"));
    head.u64(nnz::xxh64(head.bytes()));
    return head.take();
}

std::vector<uint8_t> withIndex(int major, const std::vector<uint8_t>& index, std::vector<uint8_t> prefix = {})
{
    if (prefix.empty()) prefix = fileHeader(major);
    const nnz::format::Trailer trailer{prefix.size(), index.size(), nnz::xxh64(index)};
    prefix.insert(prefix.end(), index.begin(), index.end());
    const auto t = nnz::format::encode_trailer(trailer);
    prefix.insert(prefix.end(), t.begin(), t.end());
    return prefix;
}

// Writes integer fields as format version `major` lays them out: fixed width in version 1,
// LEB128 in version 2.
struct Fields {
    ByteWriter& w;
    int major;
    void n(uint64_t v, int width)
    {
        if (major >= 2) {
            w.varint(v);
            return;
        }
        for (int i = 0; i < width; ++i) w.u8(static_cast<uint8_t>(v >> (8 * i)));
    }
};

// One per-file header with the given (possibly absurd) lengths and sizes, written field by field.
void rawEntry(ByteWriter& out, int major, uint32_t path_len, uint64_t size, uint32_t link_len = 0, uint32_t record = 0)
{
    const std::string path = "f";
    ByteWriter w;
    Fields f{w, major};
    if (major >= 2) f.n(0, 0);  // path start shared with the previous record
    f.n(path_len, 4);
    w.raw(path);
    w.u8(0);
    f.n(0644, 4);
    f.n(0, 8);
    f.n(0, 4);
    f.n(size, 8);
    f.n(link_len, 4);
    w.u64(nnz::xxh64({}));
    f.n(0, 4);
    f.n(0, 8);
    Fields{out, major}.n(record ? record : w.size(), 4);
    out.raw(w.bytes());
}

// An archive with one 5-byte store block ("hello", entry "f") whose fields can be bent.
struct OneBlock {
    int major = nnz::format::kVersionMajorWithDuplicates;  // the newest layout without a recovery record
    uint64_t raw_size = 5, packed_size = 5, header_size = 0, entry_size = 5;
    uint32_t settings_len = 0;
    uint64_t header_entry_count = 1;

    std::vector<uint8_t> bytes() const
    {
        auto file = fileHeader(major);
        const uint64_t block_offset = file.size();
        ByteWriter h;
        Fields fh{h, major};
        h.raw(nnz::format::kBlockMagic);
        h.u8(0);
        fh.n(settings_len, 4);
        fh.n(5, 8);
        fh.n(5, 8);
        const std::string hello = "hello";
        h.u64(nnz::xxh64(nnz::test::bytes_of(hello)));
        h.u64(nnz::xxh64(nnz::test::bytes_of(hello)));
        fh.n(header_entry_count, 8);
        rawEntry(h, major, 1, 5);
        h.u64(nnz::xxh64(h.bytes()));
        file.insert(file.end(), h.bytes().begin(), h.bytes().end());
        file.insert(file.end(), hello.begin(), hello.end());

        ByteWriter index;
        Fields fi{index, major};
        index.raw(nnz::format::kIndexMagic);
        fi.n(1, 8);
        fi.n(block_offset, 8);
        fi.n(header_size ? header_size : h.size(), 8);
        fi.n(raw_size, 8);
        fi.n(packed_size, 8);
        index.u8(0);
        fi.n(1, 8);
        rawEntry(index, major, 1, entry_size);
        return withIndex(major, index.bytes(), file);
    }
};

std::vector<uint8_t> hostile(int major, const QString& what)
{
    ByteWriter index;
    Fields f{index, major};
    index.raw(nnz::format::kIndexMagic);
    if (what == "index entry count 2^40") {
        f.n(0, 8);
        f.n(k2p40, 8);
        return withIndex(major, index.bytes());
    }
    if (what == "index block count 2^40") {
        f.n(k2p40, 8);
        return withIndex(major, index.bytes());
    }
    if (what == "entry path length 2^32-1" || what == "link target length 2^32-1" ||
        what == "entry record size 2^32-1" || what == "entry size 2^60 (no blocks)") {
        f.n(0, 8);
        f.n(1, 8);
        rawEntry(index, major, what.startsWith("entry path") ? 0xffffffffu : 1, what.contains("2^60") ? k2p60 : 0,
                 what.startsWith("link") ? 0xffffffffu : 0, what.startsWith("entry record") ? 0xffffffffu : 0);
        return withIndex(major, index.bytes());
    }
    if (what == "integer over 64 bits" || what == "overlong integer") {
        // Version 2 only: a block count of 11 bytes, or 1 written in two.
        if (what == "overlong integer") index.raw(std::string_view("\x81\x00", 2));
        else index.raw(std::string_view("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 10));
        f.n(0, 8);
        return withIndex(major, index.bytes());
    }
    if (what == "path shares more than the previous") {
        // Version 2 only: the first record claims 5 bytes of a previous path that does not exist.
        f.n(0, 8);
        f.n(1, 8);
        ByteWriter record;
        for (uint64_t v : {5, 1}) record.varint(v);
        record.raw(std::string_view("f"));
        record.u8(0);
        for (uint64_t v : {0644, 0, 0, 0, 0}) record.varint(v);
        record.u64(nnz::xxh64({}));
        for (uint64_t v : {0, 0}) record.varint(v);
        index.varint(record.size());
        index.raw(record.bytes());
        return withIndex(major, index.bytes());
    }
    if (what == "trailer index size 2^60" || what == "trailer index offset 2^60") {
        auto file = fileHeader(major);
        const bool size = what.contains("size");
        const nnz::format::Trailer t{size ? file.size() : k2p60, size ? k2p60 : 0, 0};
        const auto bytes = nnz::format::encode_trailer(t);
        file.insert(file.end(), bytes.begin(), bytes.end());
        return file;
    }
    if (what == "creator length 2^32-1") {
        ByteWriter head;
        head.raw(nnz::format::kMagic);
        head.u16(static_cast<uint16_t>(major));
        head.u16(0);
        head.u32(0);
        head.u32(0xffffffffu);
        head.u64(nnz::xxh64(head.bytes()));
        return head.take();
    }
    OneBlock b;
    b.major = major;
    if (what == "block raw size 2^60") b.raw_size = k2p60;
    if (what == "block raw size 2^30+1") b.raw_size = (1ull << 30) + 1;
    if (what == "block packed size 2^60") b.packed_size = k2p60;
    if (what == "block packed size above raw") b.packed_size = 6;
    if (what == "block header size 2^60") b.header_size = k2p60;
    if (what == "entry size 2^60") b.entry_size = k2p60;
    if (what == "block settings length 2^32-1") b.settings_len = 0xffffffffu;
    if (what == "block header entry count 2^40") b.header_entry_count = k2p40;
    return b.bytes();
}

void readAll(const fs::path& archive)
{
    nnz::ArchiveReader reader(archive);
    nnz::JobControl control;
    for (uint32_t b = 0; b < reader.blocks().size(); ++b) reader.read_block(b, control);
}

std::string randomBytes(size_t n, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng());
    return s;
}

}  // namespace

class TestLimits : public QObject {
    Q_OBJECT
private slots:
    void craftedSanity_data()
    {
        QTest::addColumn<int>("major");
        QTest::newRow("format 1") << 1;
        QTest::newRow("format 2") << 2;
    }
    void craftedSanity()
    {
        // The unbent crafted archive is valid, so each row below fails for its one bent field.
        QFETCH(int, major);
        QTemporaryDir dir;
        const fs::path path = fs::path(dir.path().toStdString()) / "ok.nnz";
        OneBlock block;
        block.major = major;
        nnz::test::save_bytes(path, block.bytes());
        readAll(path);
    }

    void hostileHeader_data()
    {
        QTest::addColumn<int>("major");
        QTest::addColumn<QString>("what");
        for (int major : {1, 2}) {
            for (const char* w : {"trailer index size 2^60", "trailer index offset 2^60", "index entry count 2^40",
                                  "index block count 2^40", "entry path length 2^32-1", "link target length 2^32-1",
                                  "entry record size 2^32-1", "entry size 2^60 (no blocks)", "creator length 2^32-1",
                                  "block raw size 2^60", "block raw size 2^30+1", "block packed size 2^60",
                                  "block packed size above raw", "block header size 2^60", "entry size 2^60",
                                  "block settings length 2^32-1", "block header entry count 2^40"})
                QTest::addRow("format %d: %s", major, w) << major << QString(w);
        }
        for (const char* w : {"integer over 64 bits", "overlong integer", "path shares more than the previous"})
            QTest::addRow("format 2: %s", w) << 2 << QString(w);
    }
    void hostileHeader()
    {
        QFETCH(int, major);
        QFETCH(QString, what);
        QTemporaryDir dir;
        const fs::path path = fs::path(dir.path().toStdString()) / "hostile.nnz";
        nnz::test::save_bytes(path, hostile(major, what));
        QElapsedTimer clock;
        clock.start();
        std::string message;
        const Usage usage = measure([&] {
            try {
                readAll(path);
            } catch (const nnz::Error& e) {
                if (e.code() == nnz::ErrorCode::Data) message = e.what();
            }
        });
        QVERIFY2(!message.empty(), "not refused as corrupt");
        qInfo("refused in %lld ms; largest allocation %zu bytes, live bytes rose by %lld: %s",
              static_cast<long long>(clock.elapsed()), usage.largest, static_cast<long long>(usage.peak_rise),
              message.c_str());
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString("took %1 ms").arg(clock.elapsed())));
        QVERIFY2(usage.largest <= kLittle && usage.peak_rise <= int64_t(kLittle),
                 qPrintable(QString("largest allocation %1, peak rise %2 (%3)").arg(usage.largest).arg(usage.peak_rise)
                                .arg(QString::fromStdString(message))));
    }

    // A sparse file costs no disk, so an attacker can make the index or a block look as large as
    // they like; the caps stop the reader before it reads or allocates them.
    void sparseHugeFields_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<qint64>("size");
        QTest::newRow("index of 2^40 bytes") << "index" << qint64(k2p40);
        QTest::newRow("index of 1 GiB + 1") << "index" << qint64((1ll << 30) + 1);
        QTest::newRow("packed block of 8 GiB") << "packed" << qint64(8ll << 30);
    }
    void sparseHugeFields()
    {
        QFETCH(QString, field);
        QFETCH(qint64, size);
        QTemporaryDir dir;
        const fs::path path = fs::path(dir.path().toStdString()) / "sparse.nnz";
        // (offset, bytes) pieces of the file; the gaps between them are holes.
        std::vector<std::pair<uint64_t, std::vector<uint8_t>>> pieces;
        auto head = fileHeader(1);  // the fixed-width layout of format 1 below
        std::string expected;
        if (field == "index") {
            const nnz::format::Trailer trailer{head.size(), uint64_t(size), 0};
            const auto tail = nnz::format::encode_trailer(trailer);
            pieces.push_back({0, head});
            pieces.push_back({head.size() + uint64_t(size), {tail.begin(), tail.end()}});
            expected = "exceeds the format's limit";
        } else {
            // One block claiming 5 raw bytes packed into `size` bytes (the hole), tiled correctly.
            ByteWriter h;
            h.raw(nnz::format::kBlockMagic);
            h.u8(0);
            h.u32(0);
            h.u64(5);
            h.u64(uint64_t(size));
            h.u64(0);
            h.u64(0);
            h.u64(1);
            rawEntry(h, 1, 1, 5);
            h.u64(nnz::xxh64(h.bytes()));
            ByteWriter index;
            index.raw(nnz::format::kIndexMagic);
            index.u64(1);
            index.u64(head.size());
            index.u64(h.size());
            index.u64(5);
            index.u64(uint64_t(size));
            index.u8(0);
            index.u64(1);
            rawEntry(index, 1, 1, 5);
            const uint64_t index_at = head.size() + h.size() + uint64_t(size);
            const nnz::format::Trailer trailer{index_at, index.size(), nnz::xxh64(index.bytes())};
            const auto tail = nnz::format::encode_trailer(trailer);
            pieces.push_back({0, head});
            pieces.push_back({head.size(), h.bytes()});
            auto end = index.take();
            end.insert(end.end(), tail.begin(), tail.end());
            pieces.push_back({index_at, end});
            expected = "packed size exceeds its raw size";
        }
        {
            const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
            QVERIFY(fd >= 0);
            bool ok = true;
            for (const auto& [at, bytes] : pieces)
                ok = ok && ::pwrite(fd, bytes.data(), bytes.size(), off_t(at)) == ssize_t(bytes.size());
            ::close(fd);
            if (!ok) QSKIP("this file system cannot hold the sparse file");
        }
        QElapsedTimer clock;
        clock.start();
        std::string message;
        const Usage usage = measure([&] {
            try {
                readAll(path);
            } catch (const nnz::Error& e) {
                if (e.code() == nnz::ErrorCode::Data) message = e.what();
            }
        });
        QVERIFY2(message.find(expected) != std::string::npos, message.c_str());
        qInfo("refused in %lld ms; largest allocation %zu bytes: %s", static_cast<long long>(clock.elapsed()),
              usage.largest, message.c_str());
        QVERIFY(clock.elapsed() < 2000);
        QVERIFY2(usage.largest <= kLittle, qPrintable(QString::number(usage.largest)));
    }

    // Decoding a block allocates its packed bytes (never more than its raw size) and the decoded
    // bytes, each once; extraction holds at most three decoded blocks (one ahead).
    void decodingBoundedByBlockSize()
    {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        const uint64_t block = 1 << 20;
        const std::string content = randomBytes(5 * block + 1234, 9);
        std::ofstream(root / "input", std::ios::binary).write(content.data(), std::streamsize(content.size()));
        std::vector<nnz::InputItem> items(1);
        items[0].info.path = "input";
        items[0].info.size = content.size();
        items[0].source = root / "input";
        nnz::WriteOptions options;
        options.block_size = block;
        nnz::JobControl control;
        nnz::write_archive(root / "a.nnz", items, options, control);

        nnz::ArchiveReader reader(root / "a.nnz");
        QCOMPARE(reader.blocks().size(), size_t(6));
        const Usage one = measure([&] { (void)reader.read_block(2, control); });
        QVERIFY2(one.largest <= block + 4096, qPrintable(QString::number(one.largest)));
        QVERIFY2(one.peak_rise <= int64_t(2 * block + (64 << 10)), qPrintable(QString::number(one.peak_rise)));

        struct Discard : nnz::EntrySink {
            void begin(const nnz::EntryInfo&) override {}
            void data(std::span<const uint8_t>) override {}
            void end(const nnz::EntryInfo&) override {}
            void abort(const nnz::EntryInfo&) override {}
        } sink;
        const Usage all = measure([&] { reader.extract({}, sink, control); });
        qInfo("1 MiB blocks: one block decoded with largest allocation %zu, live rise %lld; all six extracted "
              "with largest %zu, live rise %lld",
              one.largest, static_cast<long long>(one.peak_rise), all.largest, static_cast<long long>(all.peak_rise));
        QVERIFY2(all.largest <= block + 4096, qPrintable(QString::number(all.largest)));
        QVERIFY2(all.peak_rise <= int64_t(6 * block + (1 << 20)), qPrintable(QString::number(all.peak_rise)));
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
