#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <thread>

#include "checksum.hpp"
#include "codec.hpp"
#include "container/archive_file.hpp"
#include "container/archive_reader.hpp"
#include "container/archive_writer.hpp"
#include "container/duplicate_files.hpp"
#include "container/entry_path.hpp"
#include "container/file_kind.hpp"
#include "container/format.hpp"
#include "error.hpp"
#include "fs/disk_walker.hpp"
#include "neural/neural_codec.hpp"
#include "synthetic_genome.hpp"

namespace fs = std::filesystem;
using nnz::EntryInfo;
using nnz::EntryType;
using nnz::ErrorCode;
using nnz::InputItem;

namespace {

fs::path toPath(const QString& s) { return fs::path(s.toStdString()); }

// The test's own walker: every entry under root, parents before children, as InputItems.
std::vector<InputItem> walk(const fs::path& root, const std::string& prefix = {})
{
    std::vector<fs::path> paths;
    for (const auto& entry : fs::recursive_directory_iterator(root)) paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    std::vector<InputItem> items;
    for (const auto& p : paths) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0) throw std::runtime_error("lstat failed: " + p.string());
        InputItem item;
        const std::string rel = p.lexically_relative(root).generic_string();
        item.info.path = prefix.empty() ? rel : prefix + "/" + rel;
        item.info.mode = st.st_mode & 07777;
        item.info.mtime_sec = st.st_mtim.tv_sec;
        item.info.mtime_nsec = static_cast<uint32_t>(st.st_mtim.tv_nsec);
        if (S_ISDIR(st.st_mode)) {
            item.info.type = EntryType::Directory;
        } else if (S_ISLNK(st.st_mode)) {
            item.info.type = EntryType::Symlink;
            item.info.link_target = fs::read_symlink(p).string();
        } else {
            item.info.type = EntryType::File;
            item.info.size = static_cast<uint64_t>(st.st_size);
            item.source = p;
        }
        items.push_back(std::move(item));
    }
    return items;
}

void writeFile(const fs::path& path, const std::string& bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string randomBytes(size_t size, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::string s(size, '\0');
    for (auto& c : s) c = static_cast<char>(rng() & 0xff);
    return s;
}

void setTimes(const fs::path& path, int64_t sec, long nsec)
{
    timespec times[2] = {{static_cast<time_t>(sec), nsec}, {static_cast<time_t>(sec), nsec}};
    ::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW);
}

// Builds one of the named trees under dir and returns its items.
std::vector<InputItem> makeTree(const QString& scenario, const fs::path& dir)
{
    if (scenario == "canterbury") return walk(NNZ_CORPUS_DIR "/cantrbry", "cantrbry");
    if (scenario == "nothing") return {};
    if (scenario == "empty file" || scenario == "mixed") writeFile(dir / "empty", "");
    if (scenario == "empty dir" || scenario == "mixed") fs::create_directories(dir / "nothing here");
    if (scenario == "one byte" || scenario == "mixed") writeFile(dir / "x", "A");
    if (scenario == "random 3MB") writeFile(dir / "random.bin", randomBytes(3'000'000, 7));
    if (scenario == "mixed") writeFile(dir / "random.bin", randomBytes(150'000, 7));
    if (scenario == "unicode" || scenario == "mixed") {
        writeFile(dir / "naïve café.txt", "crème brûlée\n");
        writeFile(dir / "日本語" / "ファイル名.txt", std::string(5000, 'j'));
        writeFile(dir / "with space" / "another file", "spaces  in  names\n");
        writeFile(dir / "emoji 🎉.md", "# party\n");
    }
    if (scenario == "symlink" || scenario == "mixed") {
        writeFile(dir / "target.txt", "pointed at\n");
        fs::create_symlink("target.txt", dir / "link");
        fs::create_symlink("../nowhere/at all", dir / "dangling");
    }
    if (scenario == "nested" || scenario == "mixed") {
        writeFile(dir / "a" / "b" / "c" / "d" / "deep.txt", std::string(9000, 'd'));
        writeFile(dir / "a" / "b" / "other", "other\n");
        fs::create_directories(dir / "a" / "e");
        ::chmod((dir / "a" / "b" / "other").c_str(), 0600);
        ::chmod((dir / "a" / "b" / "c" / "d" / "deep.txt").c_str(), 0755);
        setTimes(dir / "a" / "b" / "other", 1'234'567'890, 123'456'789);
        setTimes(dir / "a" / "e", 987'654'321, 999'999'999);
    }
    return walk(dir);
}

class RecordingSink : public nnz::EntrySink {
public:
    std::map<std::string, std::string> contents;
    std::vector<std::string> begun, ended, aborted;
    void begin(const EntryInfo& e) override
    {
        begun.push_back(e.path);
        contents[e.path];
        open_ = e.path;
    }
    void data(std::span<const uint8_t> bytes) override { contents[open_].append(bytes.begin(), bytes.end()); }
    void end(const EntryInfo& e) override { ended.push_back(e.path); }
    void abort(const EntryInfo& e) override { aborted.push_back(e.path); }

private:
    std::string open_;
};

std::vector<std::string> folderContents(const fs::path& dir)
{
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    return names;
}

nnz::WriteOptions storeOptions(uint64_t blockSize = 8u << 20, unsigned parallel = 2)
{
    nnz::WriteOptions options;
    options.block_size = blockSize;
    options.parallel_blocks = parallel;
    return options;
}

// Runs fn and returns the nnz::Error code it threw; any other exception, or none, fails.
#define EXPECT_NNZ_ERROR(expr, expectedCode)                                                  \
    do {                                                                                    \
        bool threw_ = false;                                                                \
        try {                                                                               \
            expr;                                                                           \
        } catch (const nnz::Error& e_) {                                                    \
            threw_ = true;                                                                  \
            if (e_.code() != (expectedCode)) QFAIL(qPrintable(QString("wrong code %1: %2")  \
                                                      .arg(int(e_.code())).arg(e_.what()))); \
        } catch (const std::exception& e_) {                                                \
            QFAIL(qPrintable(QString("not an nnz::Error: %1").arg(e_.what())));              \
        } catch (...) {                                                                     \
            QFAIL("unknown exception");                                                     \
        }                                                                                   \
        if (!threw_) QFAIL("no error thrown");                                              \
    } while (0)

// Opens the archive, decodes every block and extracts everything.
void readEverything(const fs::path& archive)
{
    nnz::ArchiveReader reader(archive);
    nnz::JobControl control;
    for (uint32_t b = 0; b < reader.blocks().size(); ++b) reader.read_block(b, control);
    RecordingSink sink;
    reader.extract({}, sink, control);
}

// ---- Hand-made archives, for what the writer refuses to produce --------------------------------

struct Crafted {
    std::vector<uint8_t> prefix;  // file header and blocks
    nnz::format::Index index;
};

Crafted craft(const std::vector<EntryInfo>& entries, const std::vector<std::string>& blocks)
{
    Crafted c;
    c.prefix = nnz::format::encode_file_header("test");
    for (size_t b = 0; b < blocks.size(); ++b) {
        std::span<const uint8_t> raw(reinterpret_cast<const uint8_t*>(blocks[b].data()), blocks[b].size());
        nnz::format::BlockHeader h{nnz::CodecId::Store, {}, raw.size(), raw.size(), nnz::xxh64(raw), nnz::xxh64(raw), {}};
        for (const auto& e : entries)
            if (e.block == b) h.entries.push_back(e);
        const auto encoded = nnz::format::encode_block_header(h);
        c.index.blocks.push_back({c.prefix.size(), raw.size(), raw.size(), nnz::CodecId::Store});
        c.index.header_sizes.push_back(encoded.bytes.size());
        c.prefix.insert(c.prefix.end(), encoded.bytes.begin(), encoded.bytes.end());
        c.prefix.insert(c.prefix.end(), raw.begin(), raw.end());
    }
    c.index.entries = entries;
    return c;
}

std::vector<uint8_t> assemble(std::vector<uint8_t> bytes, const std::vector<uint8_t>& index)
{
    const nnz::format::Trailer trailer{bytes.size(), index.size(), nnz::xxh64(index)};
    bytes.insert(bytes.end(), index.begin(), index.end());
    const auto t = nnz::format::encode_trailer(trailer);
    bytes.insert(bytes.end(), t.begin(), t.end());
    return bytes;
}

std::vector<uint8_t> assemble(const Crafted& c) { return assemble(c.prefix, nnz::format::encode_index(c.index)); }

void saveBytes(const fs::path& path, const std::vector<uint8_t>& bytes)
{
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                static_cast<std::streamsize>(bytes.size()));
}

EntryInfo fileEntry(const std::string& path, const std::string& content, uint32_t block = 0, uint64_t offset = 0)
{
    EntryInfo e;
    e.path = path;
    e.size = content.size();
    e.content_hash = nnz::xxh64({reinterpret_cast<const uint8_t*>(content.data()), content.size()});
    e.block = block;
    e.offset = offset;
    return e;
}

// ---- Test codecs -------------------------------------------------------------------------------

// Wraps the store codec with a hook that runs inside encode().
class HookCodec : public nnz::BlockCodec {
public:
    using Hook = std::function<std::vector<uint8_t>(std::span<const uint8_t>, nnz::JobControl&)>;
    HookCodec(nnz::CodecId id, Hook hook) : id_(id), hook_(std::move(hook)) {}
    nnz::CodecId id() const override { return id_; }
    std::string name() const override { return "hook"; }
    std::vector<uint8_t> settings() const override { return {}; }
    std::vector<uint8_t> encode(std::span<const uint8_t> input, nnz::JobControl& control) override
    {
        return hook_(input, control);
    }
    std::vector<uint8_t> decode(std::span<const uint8_t>, uint64_t, nnz::JobControl&) override
    {
        throw nnz::Error(ErrorCode::Internal, "test codec cannot decode");
    }

private:
    nnz::CodecId id_;
    Hook hook_;
};

// Two records, a file "a" and its duplicate "b", with `fields` appended to b's inside its size.
std::vector<uint8_t> recordsWithFields(const QByteArray& fields)
{
    EntryInfo original, copy;
    original.path = "a";
    original.size = 10;
    copy = original;
    copy.path = "b";
    copy.duplicate = true;
    // The record of b as this version writes it, then the fields appended inside its size.
    nnz::format::ByteWriter plain;
    nnz::format::encode_entry(plain, copy, &original);
    const auto plainBytes = plain.take();
    nnz::format::ByteReader sizeReader(plainBytes, "test");
    const uint64_t recordSize = sizeReader.varint("size");
    nnz::format::ByteWriter out;
    nnz::format::encode_entry(out, original, nullptr);
    out.varint(recordSize + uint64_t(fields.size()));
    out.raw(std::span(plainBytes).subspan(sizeReader.position()));
    out.raw(std::span(reinterpret_cast<const uint8_t*>(fields.constData()), size_t(fields.size())));
    return out.take();
}

// b's record read back from recordsWithFields(fields), or why it was refused.
struct ParsedRecord {
    std::optional<EntryInfo> entry;
    uint64_t remaining = 0;  // bytes left after it
    QString error;
    ErrorCode code = ErrorCode::Internal;
};
ParsedRecord parseSecondRecord(const QByteArray& fields)
{
    const auto bytes = recordsWithFields(fields);
    nnz::format::ByteReader in(bytes, "test");
    ParsedRecord parsed;
    try {
        const auto first = nnz::format::parse_entry(in, nnz::format::kVersionMajor, nullptr);
        parsed.entry = nnz::format::parse_entry(in, nnz::format::kVersionMajor, &first);
        parsed.remaining = in.remaining();
    } catch (const nnz::Error& e) {
        parsed.error = e.what();
        parsed.code = e.code();
    }
    return parsed;
}

}  // namespace

class TestContainer : public QObject {
    Q_OBJECT
private slots:
    void normalise_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("a") << true << QByteArray("a");
        QTest::newRow("nested") << QByteArray("a/b/c.txt") << true << QByteArray("a/b/c.txt");
        QTest::newRow("dot components") << QByteArray("./a/./b") << true << QByteArray("a/b");
        QTest::newRow("double slash") << QByteArray("a//b") << true << QByteArray("a/b");
        QTest::newRow("trailing slash") << QByteArray("dir/") << true << QByteArray("dir");
        QTest::newRow("unicode") << QByteArray("日本語/naïve 🎉") << true << QByteArray("日本語/naïve 🎉");
        QTest::newRow("dots in names") << QByteArray("..a/b..") << true << QByteArray("..a/b..");
        QTest::newRow("empty") << QByteArray("") << false << QByteArray();
        QTest::newRow("only dot") << QByteArray("./") << false << QByteArray();
        QTest::newRow("absolute") << QByteArray("/etc/passwd") << false << QByteArray();
        QTest::newRow("dotdot") << QByteArray("..") << false << QByteArray();
        QTest::newRow("leading dotdot") << QByteArray("../evil") << false << QByteArray();
        QTest::newRow("inner dotdot") << QByteArray("a/../../b") << false << QByteArray();
        QTest::newRow("trailing dotdot") << QByteArray("a/..") << false << QByteArray();
        QTest::newRow("backslash") << QByteArray("a\\b") << false << QByteArray();
        QTest::newRow("nul") << QByteArray("a\0b", 3) << false << QByteArray();
        QTest::newRow("newline") << QByteArray("a\nb") << false << QByteArray();
        QTest::newRow("del") << QByteArray("a\x7f") << false << QByteArray();
        QTest::newRow("c1 control") << QByteArray("a\xc2\x85") << false << QByteArray();
        QTest::newRow("bad utf8") << QByteArray("a\xff") << false << QByteArray();
        QTest::newRow("overlong") << QByteArray("\xc0\xaf") << false << QByteArray();
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false << QByteArray();
        QTest::newRow("truncated utf8") << QByteArray("a\xe6\x97") << false << QByteArray();
    }
    void normalise()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, valid);
        QFETCH(QByteArray, expected);
        const auto result = nnz::normalise_entry_path(std::string_view(input.constData(), input.size()));
        QCOMPARE(result.has_value(), valid);
        if (valid) QCOMPARE(QByteArray::fromStdString(*result), expected);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<qint64>("blockSize");
        QTest::addColumn<int>("parallel");
        const qint64 big = 8 << 20;
        QTest::newRow("canterbury, 8 MiB blocks") << "canterbury" << big << 2;
        QTest::newRow("canterbury, 100000-byte blocks") << "canterbury" << qint64(100000) << 2;
        QTest::newRow("canterbury, 4096-byte blocks, serial") << "canterbury" << qint64(4096) << 1;
        QTest::newRow("random 3MB, 8 MiB blocks") << "random 3MB" << big << 2;
        QTest::newRow("random 3MB, 100000-byte blocks") << "random 3MB" << qint64(100000) << 2;
        for (const char* s : {"nothing", "empty file", "empty dir", "one byte", "unicode", "symlink", "nested"}) {
            QTest::addRow("%s, 8 MiB blocks", s) << s << big << 2;
            QTest::addRow("%s, 4096-byte blocks", s) << s << qint64(4096) << 2;
        }
        QTest::newRow("mixed, 8 MiB blocks") << "mixed" << big << 2;
        QTest::newRow("mixed, 4096-byte blocks") << "mixed" << qint64(4096) << 2;
        QTest::newRow("mixed, 1-byte blocks") << "mixed" << qint64(1) << 3;
    }
    void roundTrip()
    {
        QFETCH(QString, scenario);
        QFETCH(qint64, blockSize);
        QFETCH(int, parallel);
        QTemporaryDir src, out;
        QVERIFY(src.isValid() && out.isValid());
        if (scenario == "mixed" && blockSize == 1) {
            // One block per byte would be a lot of threads; keep the tree small.
            writeFile(toPath(src.path()) / "small" / "abc", "abcdefgh");
            writeFile(toPath(src.path()) / "small" / "empty", "");
            writeFile(toPath(src.path()) / "small2", "xyz");
        }
        const auto items = (scenario == "mixed" && blockSize == 1) ? walk(toPath(src.path()))
                                                                   : makeTree(scenario, toPath(src.path()));
        const fs::path archive = toPath(out.path()) / "test.nnz";

        nnz::JobControl control;
        nnz::write_archive(archive, items, storeOptions(blockSize, parallel), control);
        QCOMPARE(folderContents(toPath(out.path())), std::vector<std::string>{"test.nnz"});
        uint64_t total = 0;
        for (const auto& item : items) total += item.info.type == EntryType::File ? item.info.size : 0;
        QCOMPARE(control.total_input.load(), total);
        QCOMPARE(control.done_input.load(), total);  // the store codec counts what it encodes

        nnz::ArchiveReader reader(archive);
        const auto& entries = reader.entries();
        QCOMPARE(entries.size(), items.size());
        // The archive orders entries by type (archiveOrder); match them up by name.
        std::map<std::string, const nnz::EntryInfo*> wanted;
        for (const auto& item : items) wanted[item.info.path] = &item.info;
        for (const auto& got : entries) {
            QVERIFY2(wanted.count(got.path), got.path.c_str());
            const auto& want = *wanted[got.path];
            QCOMPARE(got.path, want.path);
            QCOMPARE(got.type, want.type);
            QCOMPARE(got.size, want.size);
            QCOMPARE(got.mode, want.mode);
            QCOMPARE(got.mtime_sec, want.mtime_sec);
            QCOMPARE(got.mtime_nsec, want.mtime_nsec);
            QCOMPARE(got.link_target, want.link_target);
        }

        uint64_t raw = 0;
        double packed = 0;
        for (const auto& b : reader.blocks()) {
            QVERIFY(b.raw_size <= uint64_t(blockSize));
            QCOMPARE(b.codec, nnz::CodecId::Store);
            raw += b.raw_size;
            packed += double(b.packed_size);
        }
        QCOMPARE(raw, total);
        // Blocks are filled, except that a file which fits a block whole is not cut at the end
        // of one that is already half full (it starts the next), and that a
        // new kind of file (extension) of a sixteenth of a block starts one once the open block
        // holds that much (kindsStartBlocks): every block but the last is at least
        // half full or ends where such a kind begins, and a cut file is bigger than a block or
        // started in a block's first half.
        const auto& blocks = reader.blocks();
        QVERIFY(blocks.size() >= size_t((total + blockSize - 1) / blockSize));
        auto extension = [](const std::string& path) {
            const std::string name = fs::path(path).filename().string();
            const size_t dot = name.rfind('.');
            return dot == std::string::npos || dot == 0 ? std::string() : name.substr(dot + 1);
        };
        std::vector<uint64_t> blockStart{0};
        for (const auto& b : blocks) blockStart.push_back(blockStart.back() + b.raw_size);
        for (size_t b = 0; b + 1 < blocks.size(); ++b) {
            if (blocks[b].raw_size >= uint64_t(blockSize) / 2) continue;
            std::string last_kind, next_kind;  // of the file that ends block b, and that starts b + 1
            for (const auto& e : entries)
                if (e.type == EntryType::File && e.size > 0) {
                    const uint64_t start = blockStart[e.block] + e.offset;
                    if (start < blockStart[b + 1] && start + e.size >= blockStart[b + 1]) last_kind = extension(e.path);
                    if (e.block == b + 1 && e.offset == 0) next_kind = extension(e.path);
                }
            QVERIFY2(blocks[b].raw_size >= uint64_t(blockSize) / 16 && last_kind != next_kind,
                     qPrintable(QString("block %1 of %2 bytes").arg(b).arg(blocks[b].raw_size)));
        }
        for (const auto& e : entries)
            if (e.type == EntryType::File && e.size > 0 && e.size <= uint64_t(blockSize) && e.offset + e.size > blocks[e.block].raw_size)
                QVERIFY2(e.offset < uint64_t(blockSize) / 2, e.path.c_str());
        double shares = 0;
        for (const auto& e : entries) shares += reader.packed_size_of(e);
        QVERIFY(std::abs(shares - packed) <= 1e-6 * (packed + 1));

        RecordingSink sink;
        reader.extract({}, sink, control);
        QVERIFY(sink.aborted.empty());
        std::vector<std::string> paths;  // extraction follows the archive's order
        for (const auto& e : entries) paths.push_back(e.path);
        QCOMPARE(sink.begun, paths);
        QCOMPARE(sink.ended, paths);
        for (const auto& item : items) {
            const std::string& got = sink.contents[item.info.path];
            if (item.info.type == EntryType::File)
                QVERIFY2(got == readFile(item.source), item.info.path.c_str());
            else
                QVERIFY(got.empty());
        }

        // A selection gets only what was asked for, and only its blocks are decoded.
        const auto biggest = std::max_element(entries.begin(), entries.end(),
                                              [](const auto& a, const auto& b) { return a.size < b.size; });
        if (biggest != entries.end()) {
            const size_t index = size_t(biggest - entries.begin());
            const std::vector<size_t> selection{index, index};
            RecordingSink one;
            nnz::JobControl oneControl;
            reader.extract(selection, one, oneControl);
            QCOMPARE(one.ended, std::vector<std::string>{biggest->path});
            const auto item = std::find_if(items.begin(), items.end(), [&](const auto& i) { return i.info.path == biggest->path; });
            QVERIFY(item != items.end());
            QCOMPARE(one.contents[biggest->path], readFile(item->source.empty() ? fs::path() : item->source));
            QVERIFY(oneControl.total_input.load() <= biggest->size + 2 * uint64_t(blockSize));
        }
    }

    void incompressibleFallsBackToStore()
    {
        QTemporaryDir src, out;
        const auto items = makeTree("mixed", toPath(src.path()));
        auto options = storeOptions(4096, 2);
        // Claims to be the neural codec but makes everything bigger.
        options.make_codec = [] {
            return std::make_unique<HookCodec>(nnz::CodecId::Neural, [](std::span<const uint8_t> in, nnz::JobControl&) {
                std::vector<uint8_t> out(in.begin(), in.end());
                out.push_back(0);
                return out;
            });
        };
        nnz::JobControl control;
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::write_archive(archive, items, options, control);
        nnz::ArchiveReader reader(archive);
        QVERIFY(!reader.blocks().empty());
        for (const auto& b : reader.blocks()) {
            QCOMPARE(b.codec, nnz::CodecId::Store);
            QCOMPARE(b.packed_size, b.raw_size);
        }
        readEverything(archive);
    }

    void earlierArchivesStillExtract_data()
    {
        QTest::addColumn<QString>("archive");
        QTest::addColumn<bool>("withImage");  // 0.5 on: a piece of ptt5 for the pixel contexts
        QTest::addColumn<bool>("withDna");    // 0.8 on: a piece of E.coli for the nucleotide models
        QTest::addColumn<bool>("withGenes");  // 0.9 on: the start of E. coli's genome and its first proteins
        QTest::newRow("0.2 default (model kind 1)") << "kind1-default-0.2.nnz" << false << false << false;
        QTest::newRow("0.2 max (model kind 1, context rows)") << "kind1-max-0.2.nnz" << false << false << false;
        QTest::newRow("0.3 default (model kind 3, context set 0)") << "kind3-default-0.3.nnz" << false << false << false;
        QTest::newRow("0.3 max (model kind 2, context set 0)") << "kind2-max-0.3.nnz" << false << false << false;
        QTest::newRow("0.4 default (model kind 3, context set 1)") << "kind3-default-0.4.nnz" << false << false << false;
        QTest::newRow("0.4 max (model kind 2, context set 1)") << "kind2-max-0.4.nnz" << false << false << false;
        QTest::newRow("0.5 default (model kind 3, context set 2)") << "kind3-default-0.5.nnz" << true << false << false;
        QTest::newRow("0.5 max (model kind 2, context set 2)") << "kind2-max-0.5.nnz" << true << false << false;
        QTest::newRow("0.6 default (model kind 3, context set 3)") << "kind3-default-0.6.nnz" << true << false << false;
        QTest::newRow("0.6 max (model kind 2, context set 3)") << "kind2-max-0.6.nnz" << true << false << false;
        QTest::newRow("0.7 default (model kind 3, context set 4)") << "kind3-default-0.7.nnz" << true << false << false;
        QTest::newRow("0.7 max (model kind 2, context set 4)") << "kind2-max-0.7.nnz" << true << false << false;
        QTest::newRow("0.8 default (model kind 3, context set 5)") << "kind3-default-0.8.nnz" << true << true << false;
        QTest::newRow("0.8 max (model kind 2, context set 5)") << "kind2-max-0.8.nnz" << true << true << false;
        QTest::newRow("0.9 default (model kind 3, context set 6, genes)") << "kind3-default-0.9.nnz" << true << true << true;
        QTest::newRow("0.9 max (model kind 2, context set 7, genes)") << "kind2-max-0.9.nnz" << true << true << true;
    }
    void earlierArchivesStillExtract()
    {
        // Archives made by earlier releases (tests/data/README.md) must decode bit for bit with
        // every later build: their model kinds stay supported however the defaults move on.
        QFETCH(QString, archive);
        QFETCH(bool, withImage);
        QFETCH(bool, withDna);
        QFETCH(bool, withGenes);
        nnz::ArchiveReader reader(fs::path(NNZ_TEST_DATA_DIR) / archive.toStdString());
        nnz::JobControl control;
        RecordingSink sink;
        reader.extract({}, sink, control);
        QVERIFY(sink.aborted.empty());
        struct Piece {
            const char* source;
            size_t offset, size;
        };
        std::map<std::string, Piece> expected{{"alice29.txt", {"cantrbry/alice29.txt", 0, 8000}}, {"kennedy.xls", {"cantrbry/kennedy.xls", 0, 6000}}};
        if (withImage) expected.emplace("ptt5", Piece{"cantrbry/ptt5", 100000, 16000});
        if (withDna) expected.emplace("E.coli", Piece{"large/E.coli", 0, 6000});
        if (withGenes) {
            expected.emplace("genome.fna", Piece{"genomic/GCF_000005845.2_ASM584v2_genomic.fna", 0, 5400});
            expected.emplace("proteome.faa", Piece{"genomic/GCF_000005845.2_ASM584v2_protein.faa", 0, 1942});  // 4 proteins
        }
        QCOMPARE(sink.contents.size(), expected.size());
        for (const auto& [name, piece] : expected) {
            const std::string want = readFile(fs::path(NNZ_CORPUS_DIR) / piece.source).substr(piece.offset, piece.size);
            QVERIFY2(sink.contents[name] == want, name.c_str());
        }
    }

    void attributesOfEarlierArchives()
    {
        // Extended attributes and lists as 0.15 wrote them (format 3.2; tests/data/README.md).
        nnz::ArchiveReader reader(fs::path(NNZ_TEST_DATA_DIR) / "metadata-0.15.nnz");
        std::map<std::string, EntryInfo> by_name;
        for (const auto& e : reader.entries()) by_name[e.path] = e;
        QCOMPARE(by_name.size(), size_t(5));
        const auto attributes = [&](const char* name) {
            QStringList pairs;
            for (const auto& a : by_name.at(name).xattrs)
                pairs << QString::fromStdString(a.name) + "=" + QByteArray::fromStdString(a.value).toHex();
            return pairs.join(' ');
        };
        QCOMPARE(attributes("x/notes.txt"), QString("user.binary=0001ff user.comment=%1").arg(QString(QByteArray("written by hand").toHex())));
        QCOMPARE(attributes("x/shared"), QString("user.purpose=%1").arg(QString(QByteArray("team work").toHex())));
        QCOMPARE(attributes("x/plain.txt"), QString());  // after notes.txt: "none" said, not inherited
        QCOMPARE(attributes("x/shared/team.txt"), QString());
        QCOMPARE(by_name.at("x/shared/team.txt").acl, std::string("user::rw-,group::r--,other::---,user:4242:rw-,mask::rw-"));
        QVERIFY(by_name.at("x/shared").acl.find(",default:user:4242:rwx,") != std::string::npos);
        QVERIFY(by_name.at("x/notes.txt").acl.empty() && by_name.at("x/plain.txt").acl.empty());
        QVERIFY(!by_name.at("x").owner);  // --no-owners
        nnz::JobControl control;
        RecordingSink sink;
        reader.extract({}, sink, control);
        QVERIFY(sink.aborted.empty());
        QCOMPARE(sink.contents["x/notes.txt"], std::string("attributes and lists\n"));
    }

    void metadataOfEarlierArchives()
    {
        // Owners and hard links as 0.14 wrote them (format 3.1; tests/data/README.md): read back
        // by every later build.
        nnz::ArchiveReader reader(fs::path(NNZ_TEST_DATA_DIR) / "metadata-0.14.nnz");
        std::map<std::string, EntryInfo> by_name;
        for (const auto& e : reader.entries()) by_name[e.path] = e;
        QCOMPARE(by_name.size(), size_t(6));
        const auto owner = [&](const char* name) {
            const auto& o = by_name.at(name).owner;
            return o ? QString("%1:%2 %3:%4").arg(o->uid).arg(o->gid).arg(QString::fromStdString(o->user), QString::fromStdString(o->group))
                     : QString("none");
        };
        QCOMPARE(owner("m"), QString("0:0 root:root"));
        QCOMPARE(owner("m/sub"), QString("4242:4343 :"));
        QCOMPARE(owner("m/a.txt"), QString("0:0 root:root"));
        QCOMPARE(owner("m/theirs.txt"), QString("65534:65534 nobody:nogroup"));
        QVERIFY(by_name.at("m/sub/b.txt").duplicate && by_name.at("m/sub/b.txt").hard_link);
        QVERIFY(by_name.at("m/c.txt").duplicate && !by_name.at("m/c.txt").hard_link);
        QVERIFY(!by_name.at("m/a.txt").hard_link);
        nnz::JobControl control;
        RecordingSink sink;
        reader.extract({}, sink, control);
        QVERIFY(sink.aborted.empty());
        for (const char* name : {"m/a.txt", "m/sub/b.txt", "m/c.txt"}) QCOMPARE(sink.contents[name], std::string("one file, two names\n"));
        QCOMPARE(sink.contents["m/theirs.txt"], std::string("nobody owns this\n"));
    }

    void filesAreNotCutNeedlessly_data()
    {
        QTest::addColumn<QList<int>>("sizes");       // files a, b, c... in archive order
        QTest::addColumn<QList<int>>("blockSizes");  // raw sizes of the blocks written
        QTest::addColumn<QList<int>>("firstBlock");  // block holding each file's first byte
        // Blocks of 1000 bytes.
        QTest::newRow("fits whole, block half full: starts the next") << QList<int>{600, 500} << QList<int>{600, 500} << QList<int>{0, 1};
        QTest::newRow("block under half full: cut") << QList<int>{300, 900} << QList<int>{1000, 200} << QList<int>{0, 0};
        QTest::newRow("bigger than a block: cut") << QList<int>{600, 1500} << QList<int>{1000, 1000, 100} << QList<int>{0, 0};
        QTest::newRow("exactly fills the block") << QList<int>{600, 400} << QList<int>{1000} << QList<int>{0, 0};
        QTest::newRow("three files, the middle one kept whole") << QList<int>{700, 600, 250} << QList<int>{700, 850} << QList<int>{0, 1, 1};
    }
    void filesAreNotCutNeedlessly()
    {
        QFETCH(QList<int>, sizes);
        QFETCH(QList<int>, blockSizes);
        QFETCH(QList<int>, firstBlock);
        QTemporaryDir src, out;
        const fs::path dir = toPath(src.path());
        for (int i = 0; i < sizes.size(); ++i) writeFile(dir / std::string(1, char('a' + i)), std::string(size_t(sizes[i]), char('a' + i)));
        nnz::JobControl control;
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::write_archive(archive, walk(dir), storeOptions(1000, 1), control);
        nnz::ArchiveReader reader(archive);
        QList<int> gotBlocks, gotFirst;
        for (const auto& b : reader.blocks()) gotBlocks << int(b.raw_size);
        for (const auto& e : reader.entries()) gotFirst << int(e.block);
        QCOMPARE(gotBlocks, blockSizes);
        QCOMPARE(gotFirst, firstBlock);
        readEverything(archive);
    }

    // WriteOptions::verify (--test) sees the complete archive before it is kept: what it throws
    // keeps it from replacing anything, and leaves no temporary file. Split into volumes, it is
    // given the first, and the archive reads whole from there (the others follow its name).
    void verifyComesBeforeTheArchiveIsKept_data()
    {
        QTest::addColumn<bool>("fails");
        QTest::addColumn<bool>("existed");  // an older archive of that name is there, to replace
        QTest::addColumn<bool>("split");    // into volumes of 64 KiB (3 of them)
        for (const bool split : {false, true}) {
            const char* how = split ? ", volumes" : "";
            QTest::addRow("passes, new%s", how) << false << false << split;
            QTest::addRow("passes, replacing%s", how) << false << true << split;
            QTest::addRow("fails, new%s", how) << true << false << split;
            QTest::addRow("fails, replacing%s", how) << true << true << split;
        }
    }
    void verifyComesBeforeTheArchiveIsKept()
    {
        QFETCH(bool, fails);
        QFETCH(bool, existed);
        QFETCH(bool, split);
        QTemporaryDir src, out;
        const fs::path dir = toPath(src.path());
        writeFile(dir / "a.txt", std::string(150'000, 'a'));
        writeFile(dir / "b.txt", "bee");
        const fs::path archive = toPath(out.path()) / "a.nnz";
        const fs::path first = split ? nnz::volume_path(archive, 0) : archive;
        if (existed) writeFile(first, "the older archive");
        nnz::JobControl control;
        auto options = storeOptions(8192, 2);
        options.overwrite = existed;
        if (split) options.volume_size = 64 << 10;
        size_t calls = 0;
        size_t entries_seen = 0;
        size_t volumes_seen = 0;
        options.verify = [&](const fs::path& written, nnz::JobControl&) {
            ++calls;
            QVERIFY(written != first);
            entries_seen = nnz::ArchiveReader(written).entries().size();  // complete and readable there
            volumes_seen = nnz::ArchiveFile(written).volume_count();
            if (fails) throw nnz::Error(nnz::ErrorCode::Data, "made to fail");
        };
        try {
            nnz::write_archive(archive, walk(dir), options, control);
            QVERIFY(!fails);
        } catch (const nnz::Error& e) {
            QVERIFY(fails);
            QCOMPARE(QString(e.what()), QStringLiteral("made to fail"));
        }
        QCOMPARE(calls, size_t(1));
        QCOMPARE(entries_seen, size_t(2));
        QCOMPARE(volumes_seen, size_t(split ? 3 : 1));
        std::vector<std::string> left;
        for (const auto& f : fs::directory_iterator(out.path().toStdString())) left.push_back(f.path().filename().string());
        std::sort(left.begin(), left.end());
        std::vector<std::string> expected;
        if (!fails && split) expected = {"a.nnz.001", "a.nnz.002", "a.nnz.003"};
        else if (!fails || existed) expected = {first.filename().string()};
        QCOMPARE(left, expected);
        if (fails && existed) QCOMPARE(readFile(first), std::string("the older archive"));
        if (!fails) readEverything(first);
    }

    void bigFilesStartBlocks()
    {
        // Two files of one kind, 2.5 and 2.2 MB, and a small one, in 8 MiB blocks: the second big
        // one starts a block (a model's tables are full by then), the small one joins it.
        QTemporaryDir src, out;
        const fs::path dir = toPath(src.path());
        const std::vector<size_t> sizes = {2'500'000, 2'200'000, 50'000};
        for (size_t i = 0; i < sizes.size(); ++i) writeFile(dir / (std::string(1, char('a' + i)) + ".txt"), std::string(sizes[i], char('a' + i)));
        nnz::JobControl control;
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::write_archive(archive, walk(dir), storeOptions(8u << 20, 1), control);
        nnz::ArchiveReader reader(archive);
        QList<qint64> gotBlocks;
        for (const auto& b : reader.blocks()) gotBlocks << qint64(b.raw_size);
        QCOMPARE(gotBlocks, (QList<qint64>{2'500'000, 2'250'000}));
        std::vector<InputItem> items = walk(dir);
        QCOMPARE(nnz::expected_blocks(items, 8u << 20), uint64_t(2));
        readEverything(archive);
    }

    void kindsStartBlocks_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<int>>("sizes");
        QTest::addColumn<int>("parallel");
        QTest::addColumn<QList<int>>("blockSizes");  // raw sizes of the blocks written
        // Blocks of 16000 bytes: a kind (extension) needs 1000 bytes to start a block of its own,
        // and the open block must hold 1000 already.
        const QStringList three{"a.txt", "b.txt", "c.xls"};
        QTest::newRow("another kind of 1200 bytes: its own block") << three << QList<int>{1500, 500, 1200} << 2 << QList<int>{2000, 1200};
        QTest::newRow("one thread: the same blocks") << three << QList<int>{1500, 500, 1200} << 1 << QList<int>{2000, 1200};
        QTest::newRow("a small kind stays") << QStringList{"a.txt", "c.xls"} << QList<int>{1500, 900} << 2 << QList<int>{2400};
        QTest::newRow("the open block under 1000 bytes") << QStringList{"a.txt", "c.xls"} << QList<int>{900, 1200} << 2 << QList<int>{2100};
        QTest::newRow("a kind counts all its files") << QStringList{"a.txt", "c.xls", "d.xls"} << QList<int>{1500, 600, 600} << 2
                                                      << QList<int>{1500, 1200};
    }
    void kindsStartBlocks()
    {
        QFETCH(QStringList, names);
        QFETCH(QList<int>, sizes);
        QFETCH(int, parallel);
        QFETCH(QList<int>, blockSizes);
        QTemporaryDir src, out;
        const fs::path dir = toPath(src.path());
        for (int i = 0; i < names.size(); ++i) writeFile(dir / names[i].toStdString(), std::string(size_t(sizes[i]), char('a' + i)));
        nnz::JobControl control;
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::write_archive(archive, walk(dir), storeOptions(16000, unsigned(parallel)), control);
        nnz::ArchiveReader reader(archive);
        QList<int> gotBlocks;
        for (const auto& b : reader.blocks()) gotBlocks << int(b.raw_size);
        QCOMPARE(gotBlocks, blockSizes);
        readEverything(archive);
    }

    void proteomeJoinsItsGenome_data()
    {
        QTest::addColumn<QString>("first");   // genome.fna, or notes.txt (English)
        QTest::addColumn<QString>("second");  // proteome.faa, or other.txt (English of the same size)
        QTest::addColumn<int>("room");        // the block size less the first file's size
        QTest::addColumn<int>("blocks");
        // Blocks hold the first file and `room` more bytes; the second is a kind of its own with
        // more than a sixteenth of a block, which starts a block (kindsStartBlocks) unless it is
        // a proteome after its genome and fits (the neural codec predicts it from the genes there).
        QTest::newRow("a proteome joins its genome") << "genome.fna" << "proteome.faa" << 4000 << 1;
        QTest::newRow("text after a genome starts a block") << "genome.fna" << "other.txt" << 4000 << 2;
        QTest::newRow("a proteome after text starts a block") << "notes.txt" << "proteome.faa" << 4000 << 2;
        QTest::newRow("a proteome that does not fit whole starts a block") << "genome.fna" << "proteome.faa" << 1000 << 2;
    }
    void proteomeJoinsItsGenome()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(int, room);
        QFETCH(int, blocks);
        const auto sample = nnz_test::synthetic_genome(5, 16, 60, true);
        QVERIFY2(sample.proteome.size() > 1000 && sample.proteome.size() < 2000, qPrintable(QString::number(sample.proteome.size())));
        auto english = [](size_t n) {
            std::string text;
            while (text.size() < n) text += "It was the best of times, it was the worst of times.\n";
            return text.substr(0, n);
        };
        const std::string first_content = first == "genome.fna" ? sample.genome : english(sample.genome.size());
        const std::string second_content = second == "proteome.faa" ? sample.proteome : english(sample.proteome.size());
        QVERIFY(nnz::looks_like_nucleotides(std::span(reinterpret_cast<const uint8_t*>(sample.genome.data()), sample.genome.size())));
        QVERIFY(nnz::looks_like_protein_fasta(std::span(reinterpret_cast<const uint8_t*>(sample.proteome.data()), sample.proteome.size())));
        QTemporaryDir src, out;
        const fs::path dir = toPath(src.path());
        writeFile(dir / first.toStdString(), first_content);
        writeFile(dir / second.toStdString(), second_content);
        const uint64_t block_size = first_content.size() + static_cast<uint64_t>(room);
        nnz::JobControl control;
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::write_archive(archive, walk(dir), storeOptions(block_size, 2), control);
        nnz::ArchiveReader reader(archive);
        QCOMPARE(int(reader.blocks().size()), blocks);
        QCOMPARE(int(reader.blocks()[0].raw_size), int(first_content.size() + (blocks == 1 ? second_content.size() : 0)));
        // The thread plan's estimate: at least the blocks written, and one for a joined proteome.
        const uint64_t expected = nnz::expected_blocks(walk(dir), block_size);
        QVERIFY(expected >= uint64_t(blocks));
        if (blocks == 1) QCOMPARE(expected, uint64_t(1));
        readEverything(archive);
    }

    void expectedBlocks_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QList<int>>("sizes");
        QTest::addColumn<int>("expected");  // blocks of 16000 bytes
        QTest::newRow("one small file") << QStringList{"a.txt"} << QList<int>{10} << 1;
        QTest::newRow("two blocks' worth of one kind") << QStringList{"a.txt", "b.txt"} << QList<int>{16000, 9000} << 2;
        QTest::newRow("two kinds of 1000+ bytes") << QStringList{"a.txt", "c.xls"} << QList<int>{1500, 1200} << 2;
        QTest::newRow("a small kind adds none") << QStringList{"a.txt", "c.xls"} << QList<int>{1500, 900} << 1;
        QTest::newRow("a kind counts all its files") << QStringList{"a.txt", "c.xls", "d.XLS"} << QList<int>{1500, 600, 600} << 2;
    }
    void expectedBlocks()
    {
        // What the thread plan splits the budget by: at least the blocks that kindsStartBlocks
        // and the block size make.
        QFETCH(QStringList, names);
        QFETCH(QList<int>, sizes);
        QFETCH(int, expected);
        std::vector<InputItem> items;
        for (int i = 0; i < names.size(); ++i) {
            InputItem item;
            item.info.path = names[i].toStdString();
            item.info.type = EntryType::File;
            item.info.size = uint64_t(sizes[i]);
            items.push_back(item);
        }
        QCOMPARE(nnz::expected_blocks(items, 16000), uint64_t(expected));
    }

    void extractWithinTheMemoryLimit_data()
    {
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<bool>("ahead");  // may the next block decode on another thread
        // Store blocks of 20,000 bytes need 40,000 each (memory_for: raw and packed).
        QTest::newRow("room for two blocks") << qint64(80'000) << true;
        QTest::newRow("room for one block") << qint64(79'999) << false;
        QTest::newRow("no room at all") << qint64(1) << false;
    }
    void extractWithinTheMemoryLimit()
    {
        // Two blocks decode at once only where both fit the limit; the files come out the same
        // either way.
        QFETCH(qint64, limit);
        QFETCH(bool, ahead);
        QTemporaryDir src, out;
        const fs::path dir = toPath(src.path());
        std::map<std::string, std::string> files;
        for (int i = 0; i < 5; ++i) {
            const std::string name = "f" + std::to_string(i) + ".bin";
            files["src/" + name] = randomBytes(20'000, uint32_t(i));
            writeFile(dir / name, files["src/" + name]);
        }
        nnz::JobControl control;
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::write_archive(archive, walk(dir, "src"), storeOptions(20'000, 2), control);
        nnz::ArchiveReader reader(archive);
        QCOMPARE(reader.blocks().size(), size_t(5));
        QCOMPARE(reader.memory_for_block(0), uint64_t(40'000));
        reader.set_memory_limit(uint64_t(limit));
        QCOMPARE(reader.memory_for_block(0) + reader.memory_for_block(1) <= uint64_t(limit), ahead);
        RecordingSink sink;
        reader.extract({}, sink, control);
        QVERIFY(sink.aborted.empty());
        for (const auto& [name, bytes] : files) QVERIFY2(sink.contents[name] == bytes, name.c_str());
    }

    // Some files of a solid block: the block is decoded only as far as they go (every lane a
    // step at a time; here one lane), and each file still checks against its own checksum.
    void extractDecodesOnlyAsFarAsNeeded_data()
    {
        QTest::addColumn<QStringList>("chosen");
        QTest::addColumn<int>("decoded");  // bytes of the 3 x 6,000-byte block
        QTest::newRow("the first file") << QStringList{"t/a.txt"} << 6000;
        QTest::newRow("the second file") << QStringList{"t/b.txt"} << 12000;
        QTest::newRow("the last file") << QStringList{"t/c.txt"} << 18000;
        QTest::newRow("first and second") << QStringList{"t/a.txt", "t/b.txt"} << 12000;
        QTest::newRow("everything") << QStringList{} << 18000;
    }
    void extractDecodesOnlyAsFarAsNeeded()
    {
        QFETCH(QStringList, chosen);
        QFETCH(int, decoded);
        QTemporaryDir src, out;
        const fs::path dir = toPath(src.path());
        std::ifstream alice(fs::path(NNZ_CORPUS_DIR) / "cantrbry" / "alice29.txt", std::ios::binary);
        std::map<std::string, std::string> files;
        for (const char* name : {"a.txt", "b.txt", "c.txt"}) {
            std::string bytes(6000, '\0');
            alice.read(bytes.data(), 6000);
            files[std::string("t/") + name] = bytes;
            writeFile(dir / name, bytes);
        }
        auto settings = nnz::NeuralSettings::preset("fast");
        settings.lanes = 1;
        nnz::WriteOptions options = storeOptions();
        options.make_codec = [settings] { return nnz::make_neural_codec(settings); };
        nnz::JobControl control;
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::write_archive(archive, walk(dir, "t"), options, control);
        nnz::ArchiveReader reader(archive);
        QCOMPARE(reader.blocks().size(), size_t(1));
        QCOMPARE(reader.blocks()[0].codec, nnz::CodecId::Neural);
        std::vector<size_t> selection;
        for (size_t i = 0; i < reader.entries().size(); ++i)
            if (chosen.contains(QString::fromStdString(reader.entries()[i].path))) selection.push_back(i);
        QCOMPARE(selection.size(), size_t(chosen.size()));
        RecordingSink sink;
        nnz::JobControl extracting;
        reader.extract(selection, sink, extracting);
        QCOMPARE(extracting.total_input.load(), uint64_t(decoded));
        QCOMPARE(extracting.done_input.load(), uint64_t(decoded));
        QVERIFY(sink.aborted.empty());
        for (const auto& name : sink.ended)
            if (files.count(name)) QVERIFY2(sink.contents[name] == files[name], name.c_str());
        QCOMPARE(int(std::count_if(sink.ended.begin(), sink.ended.end(), [&](const std::string& n) { return files.count(n) > 0; })),
                 chosen.isEmpty() ? 3 : int(chosen.size()));
    }

    void looksLikeText_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("text");
        QTest::newRow("prose") << QByteArray("It was the best of times,\r\n\tit was\f the worst.\n") << true;
        QTest::newRow("UTF-8") << QByteArray("cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e\n") << true;
        QTest::newRow("a NUL") << QByteArray("text with a\0NUL", 16) << false;
        QTest::newRow("1 control byte in 32") << QByteArray(31, 'a') + QByteArray("\x1b") << true;
        QTest::newRow("2 control bytes in 32") << QByteArray(30, 'a') + QByteArray("\x1b\x7f") << false;
        QTest::newRow("nothing") << QByteArray() << true;
    }
    void looksLikeText()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, text);
        QCOMPARE(nnz::looks_like_text(std::span(reinterpret_cast<const uint8_t*>(head.constData()), size_t(head.size()))), text);
    }

    void varintsRoundTrip_data()
    {
        QTest::addColumn<quint64>("value");
        QTest::addColumn<int>("bytes");
        QTest::newRow("0") << quint64(0) << 1;
        QTest::newRow("127") << quint64(127) << 1;
        QTest::newRow("128") << quint64(128) << 2;
        QTest::newRow("2^21 - 1") << quint64((1u << 21) - 1) << 3;
        QTest::newRow("2^63") << (quint64(1) << 63) << 10;
        QTest::newRow("2^64 - 1") << ~quint64(0) << 10;
    }
    void varintsRoundTrip()
    {
        QFETCH(quint64, value);
        QFETCH(int, bytes);
        nnz::format::ByteWriter out;
        out.varint(value);
        QCOMPARE(int(out.size()), bytes);
        nnz::format::ByteReader in(out.bytes(), "test");
        QCOMPARE(quint64(in.varint("value")), value);
        QCOMPARE(in.remaining(), uint64_t(0));
    }

    void entryRecordsShareTheirPathStart()
    {
        // Version 2 records: a path repeats only what differs from the record before it, integers
        // take the bytes they need, and the content checksum stays patchable at the returned spot.
        nnz::EntryInfo a, b;
        a.path = "corpus/calgary/paper1";
        a.size = 53161;
        a.mtime_sec = 1'764'000'000;
        a.mtime_nsec = 123'456'789;
        b = a;
        b.path = "corpus/calgary/paper2";
        b.offset = 53161;
        nnz::format::ByteWriter out;
        nnz::format::encode_entry(out, a, nullptr);
        const size_t first = out.size();
        const size_t hash_field = nnz::format::encode_entry(out, b, &a);
        QCOMPARE(out.size() - first, first - (a.path.size() - 1) + 2);  // one path byte, offset 3 bytes
        b.content_hash = 0x0123456789abcdefull;
        auto bytes = out.take();
        for (int i = 0; i < 8; ++i) bytes[hash_field + i] = uint8_t(b.content_hash >> (8 * i));
        nnz::format::ByteReader in(bytes, "test");
        const auto gotA = nnz::format::parse_entry(in, nnz::format::kVersionMajor, nullptr);
        const auto gotB = nnz::format::parse_entry(in, nnz::format::kVersionMajor, &gotA);
        QCOMPARE(gotA.path, a.path);
        QCOMPARE(gotB.path, b.path);
        QCOMPARE(gotB.mtime_sec, b.mtime_sec);
        QCOMPARE(gotB.mtime_nsec, b.mtime_nsec);
        QCOMPARE(gotB.offset, b.offset);
        QCOMPARE(gotB.content_hash, b.content_hash);
        QCOMPARE(in.remaining(), uint64_t(0));
    }

    void ownersAndHardLinksInRecords_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<int>("extraBytes");  // of the second record, over the same record without them
        QTest::newRow("the same owner is not repeated") << "same owner" << 0;
        QTest::newRow("another owner") << "other owner" << 2 + (2 + 1) + (1 + 3) + (1 + 5);  // tag, length; uid, gid, names
        QTest::newRow("no owner after one") << "owner dropped" << 2;         // tag, empty payload
        QTest::newRow("a hard link") << "hard link" << 2;
        QTest::newRow("numbers only") << "numbers only" << 2 + (2 + 2) + 2;
    }
    void ownersAndHardLinksInRecords()
    {
        // Extension fields (version x.1): an owner only where it differs from the record before
        // it in the list, a hard link flag on a duplicate; both read back.
        QFETCH(QString, variant);
        QFETCH(int, extraBytes);
        EntryInfo a;
        a.path = "d/a.txt";
        a.size = 100;
        a.owner = nnz::EntryOwner{1000, 1000, "alice", "staff"};
        EntryInfo b = a;
        b.path = "d/b.txt";
        if (variant == "other owner") b.owner = nnz::EntryOwner{4242, 50, "bob", "wheel"};
        if (variant == "owner dropped") b.owner.reset();
        if (variant == "hard link") b.duplicate = b.hard_link = true;
        if (variant == "numbers only") b.owner = nnz::EntryOwner{4242, 4343, "", ""};
        // The same two records with no owners and no flag: no extension fields at all.
        EntryInfo bare = a, plain = b;
        bare.owner.reset();
        plain.owner.reset();
        plain.hard_link = false;
        nnz::format::ByteWriter out, reference;
        nnz::format::encode_entry(out, a, nullptr);
        const size_t first = out.size();
        nnz::format::encode_entry(out, b, &a);
        nnz::format::encode_entry(reference, plain, &bare);
        QCOMPARE(int(out.size() - first) - int(reference.size()), extraBytes);

        const auto bytes = out.take();
        nnz::format::ByteReader in(bytes, "test");
        const auto gotA = nnz::format::parse_entry(in, nnz::format::kVersionMajor, nullptr);
        const auto gotB = nnz::format::parse_entry(in, nnz::format::kVersionMajor, &gotA);
        QVERIFY(gotA.owner == a.owner);
        QVERIFY(gotB.owner == b.owner);
        QCOMPARE(gotB.hard_link, b.hard_link);
        QCOMPARE(gotB.duplicate, b.duplicate);
        QCOMPARE(in.remaining(), uint64_t(0));
    }

    void extensionFields_data()
    {
        QTest::addColumn<QByteArray>("fields");  // appended to a duplicate's record
        QTest::addColumn<QString>("error");      // empty: read, with the owner and flag below
        QTest::addColumn<int>("uid");            // -1: no owner
        QTest::addColumn<bool>("hardLink");
        QTest::newRow("none") << QByteArray() << QString() << -1 << false;
        QTest::newRow("an owner") << QByteArray::fromHex("01 06 07 08 01 61 01 62") << QString() << 7 << false;
        QTest::newRow("an unknown field is skipped") << QByteArray::fromHex("63 03 aa bb cc 02 00") << QString() << -1 << true;
        QTest::newRow("a field past its record") << QByteArray::fromHex("63 05 aa") << QString("overruns") << -1 << false;
        QTest::newRow("an owner past its field") << QByteArray::fromHex("01 03 07 08 01 61 00") << QString("overruns") << -1 << false;
        QTest::newRow("two owners") << QByteArray::fromHex("01 04 07 08 00 00 01 04 07 08 00 00") << QString("two owners") << -1 << false;
        QTest::newRow("a uid over 32 bits") << QByteArray::fromHex("01 08 80 80 80 80 10 00 00 00") << QString("out of range") << -1 << false;
        QTest::newRow("a control character in a name") << QByteArray::fromHex("01 05 07 08 01 0a 00") << QString("invalid owner name") << -1 << false;
        QTest::newRow("a slash in a name") << QByteArray::fromHex("01 05 07 08 00 01 2f") << QString("invalid owner name") << -1 << false;
        QTest::newRow("a hard link with a payload") << QByteArray::fromHex("02 01 00") << QString("invalid hard link") << -1 << false;
    }
    void extensionFields()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QString, error);
        QFETCH(int, uid);
        QFETCH(bool, hardLink);
        const ParsedRecord parsed = parseSecondRecord(fields);
        if (!error.isEmpty()) {
            QVERIFY2(!parsed.entry && parsed.error.contains(error), qPrintable(parsed.error));
            QCOMPARE(parsed.code, ErrorCode::Data);
            return;
        }
        QVERIFY2(parsed.entry, qPrintable(parsed.error));
        QCOMPARE(parsed.entry->owner ? int(parsed.entry->owner->uid) : -1, uid);
        QCOMPARE(parsed.entry->hard_link, hardLink);
        QCOMPARE(parsed.remaining, uint64_t(0));
    }

    void attributeFields_data()
    {
        QTest::addColumn<QByteArray>("fields");  // appended to a duplicate's record
        QTest::addColumn<QString>("error");      // empty: read, giving the two below
        QTest::addColumn<QString>("attributes"); // "name=value;..." as read
        QTest::addColumn<QString>("acl");
        QTest::newRow("none") << QByteArray() << QString() << QString() << QString();
        QTest::newRow("two attributes") << QByteArray::fromHex("03 0c 03 75 2e 61 01 78  04 75 2e 62 62 00") << QString()
                                        << QString("u.a=x;u.bb=") << QString();
        QTest::newRow("a list") << QByteArray("\x04\x0bmask::r--,x", 13) << QString() << QString() << QString("mask::r--,x");
        QTest::newRow("both") << QByteArray::fromHex("04 01 61 03 05 01 62 02 63 64") << QString() << QString("b=cd") << QString("a");
        QTest::newRow("an empty list field") << QByteArray::fromHex("04 00") << QString() << QString() << QString();
        QTest::newRow("out of order") << QByteArray::fromHex("03 08 01 62 01 78 01 61 01 78") << QString("out of order") << QString() << QString();
        QTest::newRow("a name twice") << QByteArray::fromHex("03 08 01 61 01 78 01 61 01 78") << QString("out of order") << QString() << QString();
        QTest::newRow("an empty name") << QByteArray::fromHex("03 02 00 00") << QString("invalid attribute name") << QString() << QString();
        QTest::newRow("a control character in a name") << QByteArray::fromHex("03 03 01 0a 00") << QString("invalid attribute name") << QString() << QString();
        QTest::newRow("a name not UTF-8") << QByteArray::fromHex("03 03 01 ff 00") << QString("invalid attribute name") << QString() << QString();
        QTest::newRow("a name of 256 bytes") << QByteArray::fromHex("03 83 02 80 02") + QByteArray(256, 'n') + QByteArray(1, '\0')
                                             << QString("attribute name of 256") << QString() << QString();
        QTest::newRow("a value of 64 KiB and one byte")
            << QByteArray::fromHex("03 86 80 04 01 61 81 80 04") + QByteArray(65537, 'v') << QString("attribute value of 65537") << QString() << QString();
        QTest::newRow("a value past its field") << QByteArray::fromHex("03 04 01 61 05 78 00 00 00 00") << QString("attribute value of 5") << QString() << QString();
        QTest::newRow("two attribute fields") << QByteArray::fromHex("03 00 03 00") << QString("two attribute lists") << QString() << QString();
        QTest::newRow("two lists") << QByteArray::fromHex("04 01 61 04 01 61") << QString("two access control lists") << QString() << QString();
        QTest::newRow("a control character in a list") << QByteArray::fromHex("04 02 61 0a") << QString("invalid access control list") << QString() << QString();
    }
    void attributeFields()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QString, error);
        QFETCH(QString, attributes);
        QFETCH(QString, acl);
        const ParsedRecord parsed = parseSecondRecord(fields);
        if (!error.isEmpty()) {
            QVERIFY2(!parsed.entry && parsed.error.contains(error), qPrintable(parsed.error));
            QCOMPARE(parsed.code, ErrorCode::Data);
            return;
        }
        QVERIFY2(parsed.entry, qPrintable(parsed.error));
        QStringList pairs;
        for (const auto& a : parsed.entry->xattrs) pairs << QString::fromStdString(a.name + "=" + a.value);
        QCOMPARE(pairs.join(';'), attributes);
        QCOMPARE(QString::fromStdString(parsed.entry->acl), acl);
        QCOMPARE(parsed.remaining, uint64_t(0));
    }

    void attributesAndListsInherited()
    {
        // A run of records with the same attributes and list states them once; a record after
        // them without any says so with empty fields. Read back, every record has its own.
        const std::vector<nnz::ExtendedAttribute> labelled{{"security.selinux", "system_u:object_r:etc_t:s0"}, {"user.x", std::string("\0\xff", 2)}};
        const std::string list = "user::rw-,user:alice:r--:1000,group::r--,mask::r--,other::r--";
        std::vector<EntryInfo> entries(5);
        for (size_t i = 0; i < entries.size(); ++i) entries[i].path = "f" + std::to_string(i);
        for (size_t i : {1, 2, 4}) entries[i].xattrs = labelled;
        for (size_t i : {1, 2}) entries[i].acl = list;
        nnz::format::ByteWriter out;
        std::vector<size_t> sizes;
        for (size_t i = 0; i < entries.size(); ++i) {
            const size_t before = out.size();
            nnz::format::encode_entry(out, entries[i], i ? &entries[i - 1] : nullptr);
            sizes.push_back(out.size() - before);
        }
        // Records after the first share "f" of their path: one byte less than f0's.
        QVERIFY(sizes[1] > sizes[0] + list.size() + 40);  // both fields
        QCOMPARE(sizes[2], sizes[0] - 1);                 // inherited: nothing more
        QCOMPARE(sizes[3], sizes[2] + 4);                 // "none" twice: 03 00 04 00
        const auto bytes = out.take();
        nnz::format::ByteReader in(bytes, "test");
        std::vector<EntryInfo> read;
        for (size_t i = 0; i < entries.size(); ++i)
            read.push_back(nnz::format::parse_entry(in, nnz::format::kVersionMajor, i ? &read.back() : nullptr));
        for (size_t i = 0; i < entries.size(); ++i) {
            QCOMPARE(read[i].xattrs == entries[i].xattrs, true);
            QCOMPARE(read[i].acl, entries[i].acl);
        }
    }

    void attributesAnArchiveCannotHoldAreRefused()
    {
        EntryInfo e;
        e.path = "a";
        e.xattrs = {{"user.b", "1"}, {"user.a", "2"}};  // out of order: kept_attributes sorts them
        nnz::format::ByteWriter out;
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::format::encode_entry(out, e, nullptr));
        std::vector<std::string> leftOut;
        e.xattrs = nnz::kept_attributes({{"user.b", "1"}, {"user.a", "2"}, {"user.\xff", "3"}, {"user.a", "4"},
                                         {"user.big", std::string(65537, 'v')}},
                                        &leftOut);
        QCOMPARE(e.xattrs.size(), size_t(2));
        QCOMPARE(e.xattrs[0].value, std::string("2"));
        QCOMPARE(leftOut, (std::vector<std::string>{"user.big", "user.\\xFF"}));
        nnz::format::encode_entry(out, e, nullptr);
        e.acl = "user::rw-\n";
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::format::encode_entry(out, e, nullptr));
    }

    void hardLinksGroupedInTheirRun()
    {
        // Four names of one content: a and c one file on disk, b and d another. The names of
        // one file come together, each a hard link of the one before it.
        QTemporaryDir temp;
        const fs::path dir = fs::path(temp.path().toStdString()) / "h";
        fs::create_directories(dir);
        std::ofstream(dir / "a") << "the same bytes";
        std::ofstream(dir / "b") << "the same bytes";
        fs::create_hard_link(dir / "a", dir / "c");
        fs::create_hard_link(dir / "b", dir / "d");
        std::ofstream(dir / "e") << "other bytes";
        auto items = nnz::walk_inputs(std::vector<fs::path>{dir});
        nnz::JobControl control;
        QCOMPARE(nnz::find_duplicates(items, control), size_t{3});
        QStringList got;
        for (const auto& item : items)
            got << QString::fromStdString(item.info.path) + (item.info.hard_link ? "=h" : item.info.duplicate ? "=" : "");
        QCOMPARE(got, (QStringList{"h", "h/a", "h/c=h", "h/b=", "h/d=h", "h/e"}));
    }

    void hardLinkOnlyOnADuplicate()
    {
        EntryInfo e;
        e.path = "a";
        e.size = 10;
        nnz::format::ByteWriter plain;
        nnz::format::encode_entry(plain, e, nullptr);
        auto bytes = plain.take();
        bytes[0] += 2;  // its size (one byte here): two more for the flag
        bytes.push_back(2);
        bytes.push_back(0);
        nnz::format::ByteReader in(bytes, "test");
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::format::parse_entry(in, nnz::format::kVersionMajor, nullptr));
    }

    void archiveOrder_data()
    {
        QTest::addColumn<bool>("group");
        QTest::addColumn<QStringList>("expected");
        // Text before other data; within each, the kinds with the most bytes first (.c 21, .txt
        // 8, none 6), then by name.
        QTest::newRow("grouped by type") << true
            << QStringList{"d", "d/e", "d/a.c", "z.C", "d/b.txt", "d/c.txt", "d/noext", "d/image.bin", "link"};
        QTest::newRow("caller's order") << false
            << QStringList{"d", "d/a.c", "d/b.txt", "d/c.txt", "d/e", "d/image.bin", "d/noext", "link", "z.C"};
    }
    void archiveOrder()
    {
        QFETCH(bool, group);
        QFETCH(QStringList, expected);
        QTemporaryDir src, out;
        const fs::path dir = toPath(src.path());
        writeFile(dir / "d" / "a.c", "int main() {}\n");
        writeFile(dir / "d" / "b.txt", "bee\n");
        writeFile(dir / "d" / "c.txt", "sea\n");
        writeFile(dir / "d" / "noext", "plain\n");
        writeFile(dir / "d" / "image.bin", std::string(40, '\0') + "PNG");
        fs::create_directories(dir / "d" / "e");
        writeFile(dir / "z.C", "int z;\n");
        fs::create_symlink("z.C", dir / "link");
        const auto items = walk(dir);
        auto options = storeOptions();
        options.group_by_type = group;
        nnz::JobControl control;
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::write_archive(archive, items, options, control);
        nnz::ArchiveReader reader(archive);
        QStringList got;
        for (const auto& e : reader.entries()) got << QString::fromStdString(e.path);
        QCOMPARE(got, expected);
        readEverything(archive);
    }

    void incompressibleSkipsTheModel_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<bool>("modelRuns");
        QTest::newRow("random bytes") << "random" << false;
        QTest::newRow("text") << "text" << true;
        QTest::newRow("random 1 KiB pattern repeated") << "repeated" << true;
        QTest::newRow("random but tiny") << "tiny" << true;
    }
    void incompressibleSkipsTheModel()
    {
        QFETCH(QString, content);
        QFETCH(bool, modelRuns);
        QTemporaryDir src, out;
        std::string bytes;
        if (content == "random") bytes = randomBytes(200'000, 11);
        if (content == "tiny") bytes = randomBytes(1000, 11);
        if (content == "repeated") for (int i = 0; i < 200; ++i) bytes += randomBytes(1024, 12);
        if (content == "text") bytes = readFile(NNZ_CORPUS_DIR "/cantrbry/alice29.txt");
        writeFile(toPath(src.path()) / "data", bytes);
        auto options = storeOptions();
        std::atomic<int> calls = 0;
        options.make_codec = [&calls] {
            return std::make_unique<HookCodec>(nnz::CodecId::Neural, [&calls](std::span<const uint8_t> in, nnz::JobControl& control) {
                ++calls;
                control.done_input += in.size();
                return std::vector<uint8_t>(in.begin(), in.begin() + in.size() / 2);  // "compresses" to half
            });
        };
        nnz::JobControl control;
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::write_archive(archive, walk(toPath(src.path())), options, control);
        QCOMPARE(calls.load() > 0, modelRuns);
        QCOMPARE(control.done_input.load(), uint64_t(bytes.size()));
        nnz::ArchiveReader reader(archive);
        QCOMPARE(reader.blocks().size(), size_t(1));
        QCOMPARE(reader.blocks()[0].codec, modelRuns ? nnz::CodecId::Neural : nnz::CodecId::Store);
        if (!modelRuns) {
            QCOMPARE(reader.blocks()[0].packed_size, uint64_t(bytes.size()));
            // An archive of random bytes is the input plus headers.
            QVERIFY(fs::file_size(archive) < bytes.size() + 512);
            readEverything(archive);
        }
    }

    void corruption_data()
    {
        QTest::addColumn<QString>("where");
        for (const char* w : {"file magic", "file version", "file flags", "file creator", "block marker",
                              "block codec", "block raw size", "block entry path", "block header checksum",
                              "packed first byte", "packed last byte", "last block packed", "index marker",
                              "index block count", "index middle", "index last byte", "trailer index offset",
                              "trailer index size", "trailer checksum", "trailer end magic", "truncate 0",
                              "truncate 10", "truncate middle", "truncate length-1", "truncate to trailer",
                              "append byte"})
            QTest::newRow(w) << QString(w);
    }
    void corruption()
    {
        QFETCH(QString, where);
        QTemporaryDir src, out;
        const auto items = makeTree("mixed", toPath(src.path()));
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::JobControl control;
        nnz::write_archive(archive, items, storeOptions(4096, 2), control);

        auto bytes = readFile(archive);
        const uint64_t size = bytes.size();
        uint64_t indexOffset = 0;
        for (int i = 0; i < 8; ++i) indexOffset |= uint64_t(uint8_t(bytes[size - 32 + i])) << (8 * i);
        std::vector<nnz::BlockInfo> blocks;
        {
            nnz::ArchiveReader reader(archive);
            blocks = reader.blocks();
        }
        QVERIFY(blocks.size() > 3);
        const uint64_t header0 = blocks[0].file_offset;
        const uint64_t packed0 = blocks[1].file_offset - blocks[0].packed_size;
        const std::map<QString, uint64_t> flips{
            {"file magic", 2}, {"file version", 8}, {"file flags", 12}, {"file creator", 22},
            {"block marker", header0}, {"block codec", header0 + 4}, {"block raw size", header0 + 9},
            {"block entry path", header0 + 49 + 8}, {"block header checksum", packed0 - 1},
            {"packed first byte", packed0}, {"packed last byte", blocks[1].file_offset - 1},
            {"last block packed", indexOffset - 1}, {"index marker", indexOffset},
            {"index block count", indexOffset + 4}, {"index middle", (indexOffset + size - 32) / 2},
            {"index last byte", size - 33}, {"trailer index offset", size - 32},
            {"trailer index size", size - 24}, {"trailer checksum", size - 16}, {"trailer end magic", size - 3}};
        if (auto it = flips.find(where); it != flips.end()) {
            bytes[it->second] = char(bytes[it->second] ^ 0x5a);
        } else if (where == "append byte") {
            bytes.push_back('\0');
        } else {
            const std::map<QString, uint64_t> cuts{{"truncate 0", 0}, {"truncate 10", 10}, {"truncate middle", size / 2},
                                                   {"truncate length-1", size - 1}, {"truncate to trailer", size - 32}};
            bytes.resize(cuts.at(where));
        }
        std::ofstream(archive, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
        EXPECT_NNZ_ERROR(readEverything(archive), ErrorCode::Data);
    }

    void extractAbortsOnCorruptBlock()
    {
        QTemporaryDir src, out;
        writeFile(toPath(src.path()) / "big", randomBytes(20000, 3));
        const auto items = walk(toPath(src.path()));
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::JobControl control;
        nnz::write_archive(archive, items, storeOptions(4096, 2), control);
        std::vector<nnz::BlockInfo> blocks = nnz::ArchiveReader(archive).blocks();
        QCOMPARE(blocks.size(), size_t(5));
        auto bytes = readFile(archive);
        bytes[blocks[3].file_offset - 1] ^= 1;  // packed data of block 2
        std::ofstream(archive, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
        nnz::ArchiveReader reader(archive);
        RecordingSink sink;
        EXPECT_NNZ_ERROR(reader.extract({}, sink, control), ErrorCode::Data);
        QCOMPARE(sink.aborted, std::vector<std::string>{"big"});
        QVERIFY(sink.ended.empty());
        QCOMPARE(sink.contents["big"].size(), size_t(2 * 4096));
    }

    void unsafeNames_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::newRow("../evil") << QByteArray("../evil");
        QTest::newRow("/etc/passwd") << QByteArray("/etc/passwd");
        QTest::newRow("a/../../b") << QByteArray("a/../../b");
        QTest::newRow("backslash") << QByteArray("..\\evil");
        QTest::newRow("not normalised") << QByteArray("a//b");
        QTest::newRow("dot prefix") << QByteArray("./a");
        QTest::newRow("control char") << QByteArray("a\x1b[31m");
        QTest::newRow("bad utf8") << QByteArray("a\xfe");
    }
    void unsafeNames()
    {
        QFETCH(QByteArray, name);
        QTemporaryDir out;
        const std::string content = "evil";
        auto c = craft({fileEntry(name.toStdString(), content)}, {content});
        const fs::path archive = toPath(out.path()) / "evil.nnz";
        saveBytes(archive, assemble(c));
        try {
            nnz::ArchiveReader reader(archive);
            QFAIL("unsafe name accepted");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Data);
            QVERIFY2(QString(e.what()).contains("unsafe entry name"), e.what());
        }
    }

    void duplicatesStoredOnce_data()
    {
        QTest::addColumn<QList<int>>("contents");  // per file a, b, c...: which content (equal numbers: equal bytes)
        QTest::addColumn<int>("size");             // bytes of each content
        QTest::addColumn<int>("blockSize");
        QTest::addColumn<QStringList>("order");    // archive order of the files; "b=" marks a duplicate
        QTest::addColumn<int>("rawBytes");         // in all blocks
        QTest::newRow("two equal files") << QList<int>{1, 1} << 3000 << (8 << 20) << QStringList{"a", "b="} << 3000;
        QTest::newRow("moved next to its original") << QList<int>{1, 2, 1} << 3000 << (8 << 20) << QStringList{"a", "c=", "b"} << 6000;
        QTest::newRow("same size, one byte apart") << QList<int>{1, 3} << 3000 << (8 << 20) << QStringList{"a", "b"} << 6000;
        QTest::newRow("three copies over three blocks") << QList<int>{1, 1, 1} << 2500 << 1000 << QStringList{"a", "b=", "c="} << 2500;
        QTest::newRow("two pairs") << QList<int>{2, 1, 2, 1} << 700 << 1000 << QStringList{"a", "c=", "b", "d="} << 1400;
        QTest::newRow("empty files are no duplicates") << QList<int>{1, 1} << 0 << 1000 << QStringList{"a", "b"} << 0;
    }
    void duplicatesStoredOnce()
    {
        QFETCH(QList<int>, contents);
        QFETCH(int, size);
        QFETCH(int, blockSize);
        QFETCH(QStringList, order);
        QFETCH(int, rawBytes);
        QTemporaryDir src, out;
        const fs::path dir = toPath(src.path());
        std::map<std::string, std::string> files;
        for (int i = 0; i < contents.size(); ++i) {
            std::string bytes = randomBytes(size_t(size), 100);
            if (!bytes.empty()) bytes[size_t(size) / 2] = char(contents[i]);  // content 3 differs from 1 in one byte
            const std::string name(1, char('a' + i));
            files["t/" + name] = bytes;
            writeFile(dir / name, bytes);
        }
        nnz::JobControl control;
        const fs::path archive = toPath(out.path()) / "d.nnz";
        nnz::write_archive(archive, walk(dir, "t"), storeOptions(uint64_t(blockSize), 1), control);

        nnz::ArchiveReader reader(archive);
        QStringList gotOrder;
        for (const auto& e : reader.entries())
            if (e.type == EntryType::File) gotOrder << QString::fromStdString(e.path.substr(2)) + (e.duplicate ? "=" : "");
        QCOMPARE(gotOrder, order);
        uint64_t raw = 0;
        for (const auto& b : reader.blocks()) raw += b.raw_size;
        QCOMPARE(raw, uint64_t(rawBytes));
        // Version 3 only for an archive that holds a duplicate.
        const bool anyDuplicate = order.join("").contains('=');
        QCOMPARE(int(readFile(archive)[8]), anyDuplicate ? 3 : 2);

        // Everything, then each file alone: the duplicates' bytes, whether their original comes along or not.
        std::vector<std::vector<size_t>> selections{{}};
        for (size_t i = 0; i < reader.entries().size(); ++i)
            if (reader.entries()[i].type == EntryType::File) selections.push_back({i});
        for (const auto& selection : selections) {
            RecordingSink sink;
            nnz::JobControl extracting;
            reader.extract(selection, sink, extracting);
            QVERIFY(sink.aborted.empty());
            for (const auto& name : sink.ended)
                if (files.count(name)) QVERIFY2(sink.contents[name] == files[name], name.c_str());
            QCOMPARE(extracting.done_input.load(), extracting.total_input.load());
        }
        readEverything(archive);
        QCOMPARE(nnz::ArchiveReader(archive).entries().size(), size_t(contents.size()));
    }

    void duplicateThatChangedIsRefused()
    {
        // A file found equal to another before the archive was begun, changed since: the archive fails.
        QTemporaryDir src, out;
        const fs::path dir = toPath(src.path());
        writeFile(dir / "a", "the same bytes");
        writeFile(dir / "b", "the same bytes");
        auto items = walk(dir);
        nnz::JobControl control;
        nnz::find_duplicates(items, control);
        QVERIFY(items[1].info.duplicate);
        writeFile(dir / "a", "other bytes!!!");  // the same size
        auto options = storeOptions();
        options.group_by_type = false;
        const fs::path archive = toPath(out.path()) / "d.nnz";
        EXPECT_NNZ_ERROR(nnz::write_archive(archive, items, options, control), ErrorCode::Io);
        QVERIFY(folderContents(toPath(out.path())).empty());
    }

    void craftedDuplicates_data()
    {
        QTest::addColumn<QString>("mutation");
        QTest::addColumn<QString>("message");  // part of the error; empty: accepted
        QTest::newRow("well formed") << "" << "";
        QTest::newRow("in a version 2 archive") << "version 2" << "unknown type 3";
        QTest::newRow("first entry") << "first" << "does not follow a file";
        QTest::newRow("another offset") << "offset" << "does not follow a file";
        QTest::newRow("another checksum") << "checksum" << "does not follow a file";
        QTest::newRow("another size") << "size" << "does not follow a file";
        QTest::newRow("without content") << "empty" << "duplicate of nothing";
    }
    void craftedDuplicates()
    {
        QFETCH(QString, mutation);
        QFETCH(QString, message);
        EntryInfo original = fileEntry("a", "hello");
        EntryInfo copy = fileEntry("b", "hello");
        copy.duplicate = true;
        if (mutation == "offset") copy.offset = 1, copy.size = 4, original.size = 4;
        if (mutation == "checksum") copy.content_hash ^= 1;
        if (mutation == "size") copy.size = 4;
        if (mutation == "empty") copy.size = 0;
        std::vector<EntryInfo> entries{original, copy};
        if (mutation == "first") entries = {copy, fileEntry("c", "hello", 0, 0)};
        Crafted c = craft(entries, {"hello"});
        if (mutation == "first") c.index.entries[1].offset = 0;
        const auto header = nnz::format::encode_file_header("test", mutation == "version 2" ? 2 : 3);
        std::vector<uint8_t> bytes = assemble(c);
        std::copy(header.begin(), header.end(), bytes.begin());  // both headers are the same length
        QTemporaryDir out;
        const fs::path archive = toPath(out.path()) / "crafted.nnz";
        saveBytes(archive, bytes);
        try {
            readEverything(archive);
            QVERIFY2(message.isEmpty(), "accepted");
        } catch (const nnz::Error& e) {
            QVERIFY2(!message.isEmpty(), e.what());
            QCOMPARE(e.code(), ErrorCode::Data);
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
        }
    }

    void craftedSanity()
    {
        // The crafting helpers themselves make archives the reader accepts.
        QTemporaryDir out;
        const fs::path archive = toPath(out.path()) / "ok.nnz";
        saveBytes(archive, assemble(craft({fileEntry("good", "hello"), fileEntry("two", "xy", 1, 0)}, {"hello", "xy"})));
        nnz::ArchiveReader reader(archive);
        RecordingSink sink;
        nnz::JobControl control;
        reader.extract({}, sink, control);
        QCOMPARE(sink.contents["good"], std::string("hello"));
        QCOMPARE(sink.contents["two"], std::string("xy"));
    }

    void hostileIndex_data()
    {
        QTest::addColumn<QString>("mutation");
        for (const char* m : {"huge entry count", "huge block count", "huge raw size", "zero raw size",
                              "block offset gap", "header size too big", "packed past index", "block id too big",
                              "offset past block", "size past end", "overlap", "out of order", "duplicate name",
                              "bad type", "dir with size", "symlink without target", "bad mode", "bad nsec",
                              "content checksum", "block header differs", "newer version", "huge path length",
                              "entry record too long", "entry under a symlink", "entry under a file",
                              "packed bigger than raw"})
            QTest::newRow(m) << QString(m);
    }
    void hostileIndex()
    {
        QFETCH(QString, mutation);
        QTemporaryDir out;
        const fs::path archive = toPath(out.path()) / "h.nnz";
        std::vector<EntryInfo> entries{fileEntry("a", "hello"), fileEntry("b", "world"), fileEntry("c", "!!", 1, 0)};
        std::vector<std::string> blocks{"helloworld", "!!"};
        entries[1].offset = 5;
        auto c = craft(entries, blocks);
        auto& idx = c.index;
        std::vector<uint8_t> bytes;
        bool extractOnly = false;
        using nnz::format::ByteWriter;
        if (mutation == "huge entry count" || mutation == "huge block count") {
            ByteWriter w;
            w.raw(nnz::format::kIndexMagic);
            w.u64(mutation == "huge block count" ? 1ull << 61 : 0);
            w.u64(1ull << 60);
            bytes = assemble(nnz::format::encode_file_header("test"), w.bytes());
        } else if (mutation == "huge path length" || mutation == "entry record too long") {
            ByteWriter w;
            w.raw(nnz::format::kIndexMagic);
            w.u64(0);
            w.u64(1);
            w.u32(mutation == "entry record too long" ? 0xffffffffu : 200);
            w.u32(mutation == "huge path length" ? 0xfffffff0u : 1);
            w.raw(std::string(200, 'a'));
            bytes = assemble(nnz::format::encode_file_header("test"), w.bytes());
        } else {
            if (mutation == "huge raw size") idx.blocks[0].raw_size = 1ull << 40;
            if (mutation == "zero raw size") idx.blocks[1].raw_size = 0;
            if (mutation == "block offset gap") idx.blocks[1].file_offset += 1;
            if (mutation == "header size too big") idx.header_sizes[1] = 1ull << 62;
            if (mutation == "packed past index") idx.blocks[1].packed_size = ~0ull - 5;
            if (mutation == "block id too big") idx.entries[2].block = 2;
            if (mutation == "offset past block") idx.entries[2].offset = 2;
            if (mutation == "size past end") idx.entries[2].size = 3;
            if (mutation == "overlap") idx.entries[1].offset = 4;
            if (mutation == "out of order") std::swap(idx.entries[0], idx.entries[2]);
            if (mutation == "duplicate name") idx.entries[1].path = "a";
            if (mutation == "bad type") idx.entries[0].type = EntryType(7);
            if (mutation == "dir with size") idx.entries[0].type = EntryType::Directory;
            if (mutation == "symlink without target") {
                idx.entries[0].type = EntryType::Symlink;
                idx.entries[0].size = 0;
            }
            if (mutation == "entry under a symlink" || mutation == "entry under a file") {
                // "a" becomes a symlink (or stays a file) and "b" moves below it: "a/b".
                if (mutation == "entry under a symlink") {
                    entries[0] = fileEntry("a", "");
                    entries[0].type = EntryType::Symlink;
                    entries[0].link_target = "elsewhere";
                    entries[1].offset = 0;
                    blocks[0] = "world";
                }
                entries[1].path = "a/b";
                c = craft(entries, blocks);
            }
            if (mutation == "packed bigger than raw") {
                // Consistent layout: block 1 claims 1 raw byte packed into its 2 bytes.
                idx.blocks[1].raw_size = 1;
                idx.entries[2].size = 1;
            }
            if (mutation == "bad mode") idx.entries[0].mode = 010000;
            if (mutation == "bad nsec") idx.entries[0].mtime_nsec = 1'000'000'000;
            if (mutation == "content checksum") {
                // Consistent everywhere (block header too), only the content does not match.
                entries[1].content_hash ^= 1;
                c = craft(entries, blocks);
                extractOnly = true;
            }
            if (mutation == "block header differs") {
                idx.entries[1].mtime_sec = 42;  // index only; the block header keeps 0
                extractOnly = true;
            }
            bytes = assemble(c);
            if (mutation == "newer version") bytes[8] = nnz::format::kVersionMajor + 1;
        }
        saveBytes(archive, bytes);
        if (extractOnly) {
            nnz::ArchiveReader reader(archive);
            RecordingSink sink;
            nnz::JobControl control;
            EXPECT_NNZ_ERROR(reader.extract({}, sink, control), ErrorCode::Data);
            QVERIFY(!sink.aborted.empty());
            return;
        }
        EXPECT_NNZ_ERROR(nnz::ArchiveReader reader(archive), ErrorCode::Data);
        const std::map<QString, QString> messages{{"entry under a symlink", "lies under \"a\", which is not a folder"},
                                                  {"entry under a file", "lies under \"a\", which is not a folder"},
                                                  {"packed bigger than raw", "packed size exceeds its raw size"}};
        if (auto it = messages.find(mutation); it != messages.end()) {
            try {
                nnz::ArchiveReader reader(archive);
            } catch (const nnz::Error& e) {
                QVERIFY2(QString(e.what()).contains(it->second), e.what());
            }
        }
        if (mutation == "newer version") {
            try {
                nnz::ArchiveReader reader(archive);
            } catch (const nnz::Error& e) {
                QVERIFY2(QString(e.what()).contains("unsupported format version"), e.what());
            }
        }
    }

    void notAnArchive()
    {
        QTemporaryDir dir;
        const fs::path text = toPath(dir.path()) / "text.nnz";
        writeFile(text, std::string(1000, 't'));
        try {
            nnz::ArchiveReader reader(text);
            QFAIL("accepted");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Data);
            QVERIFY2(QString(e.what()).contains("not an nnzip archive"), e.what());
        }
        EXPECT_NNZ_ERROR(nnz::ArchiveReader{toPath(dir.path()) / "missing.nnz"}, ErrorCode::Io);
        EXPECT_NNZ_ERROR(nnz::ArchiveReader{toPath(dir.path())}, ErrorCode::Io);
    }

    void refusesOverwrite()
    {
        QTemporaryDir src, out;
        const auto items = makeTree("one byte", toPath(src.path()));
        const fs::path archive = toPath(out.path()) / "existing.nnz";
        writeFile(archive, "keep me");
        nnz::JobControl control;
        EXPECT_NNZ_ERROR(nnz::write_archive(archive, items, storeOptions(), control), ErrorCode::Exists);
        QCOMPARE(readFile(archive), std::string("keep me"));
        QCOMPARE(folderContents(toPath(out.path())), std::vector<std::string>{"existing.nnz"});

        auto options = storeOptions();
        options.overwrite = true;
        nnz::write_archive(archive, items, options, control);
        QCOMPARE(folderContents(toPath(out.path())), std::vector<std::string>{"existing.nnz"});
        QCOMPARE(nnz::ArchiveReader(archive).entries().size(), items.size());
    }

    void badItems_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::newRow("dotdot") << "../x" << "ok";
        QTest::newRow("absolute") << "/abs" << "ok";
        QTest::newRow("empty") << "" << "ok";
        QTest::newRow("backslash") << "a\\b" << "ok";
        QTest::newRow("duplicate") << "same" << "same";
        QTest::newRow("duplicate after normalising") << "d/e" << "./d//e/";
    }
    void badItems()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QTemporaryDir out;
        std::vector<InputItem> items(2);
        items[0].info.type = items[1].info.type = EntryType::Directory;
        items[0].info.path = first.toStdString();
        items[1].info.path = second.toStdString();
        nnz::JobControl control;
        try {
            nnz::write_archive(toPath(out.path()) / "a.nnz", items, storeOptions(), control);
            QFAIL("accepted");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Usage);
            // Duplicates are named in their normalised form, which is `first` in these rows.
            QVERIFY2(QString::fromUtf8(e.what()).contains("\"" + first + "\""), e.what());
        }
        QVERIFY(folderContents(toPath(out.path())).empty());
    }

    void refusesEntryUnderNonFolder_data()
    {
        QTest::addColumn<int>("type");
        QTest::newRow("under a symlink") << int(EntryType::Symlink);
        QTest::newRow("under a file") << int(EntryType::File);
    }
    void refusesEntryUnderNonFolder()
    {
        QFETCH(int, type);
        QTemporaryDir out;
        std::vector<InputItem> items(2);
        items[0].info.path = "a";
        items[0].info.type = EntryType(type);
        items[0].info.link_target = items[0].info.type == EntryType::Symlink ? "/etc" : "";
        items[0].source = "/dev/null";
        items[1].info.path = "a/b";
        items[1].info.type = EntryType::Directory;
        nnz::JobControl control;
        EXPECT_NNZ_ERROR(nnz::write_archive(toPath(out.path()) / "a.nnz", items, storeOptions(), control),
                         ErrorCode::Usage);
        QVERIFY(folderContents(toPath(out.path())).empty());
    }

    // The temporary file is ".<name>.nnztmp-XXXXXX", cut so that even a 255-byte archive name fits.
    void longArchiveNameAndTemporaryName()
    {
        QTemporaryDir src, out;
        const auto items = makeTree("one byte", toPath(src.path()));
        const std::string name = std::string(251, 'n') + ".nnz";
        nnz::JobControl control;
        std::vector<std::string> seen;
        auto options = storeOptions();
        options.make_codec = [&] {
            return std::make_unique<HookCodec>(nnz::CodecId::Neural, [&](std::span<const uint8_t> in, nnz::JobControl&) {
                seen = folderContents(toPath(out.path()));
                return std::vector<uint8_t>(in.begin(), in.end());
            });
        };
        nnz::write_archive(toPath(out.path()) / name, items, options, control);
        QCOMPARE(folderContents(toPath(out.path())), std::vector<std::string>{name});
        QCOMPARE(seen.size(), size_t(1));
        QVERIFY2(seen[0].starts_with("." + name.substr(0, 200) + ".nnztmp-") && seen[0].size() <= 255, seen[0].c_str());
    }

    // A file that cannot be opened when its turn comes: an error naming it, or with
    // skip_unreadable an archive without it and a warning; never silently dropped.
    void unreadableSource_data()
    {
        QTest::addColumn<bool>("skip");
        QTest::newRow("stop") << false;
        QTest::newRow("skip") << true;
    }
    void unreadableSource()
    {
        QFETCH(bool, skip);
        QTemporaryDir src, out;
        auto items = makeTree("mixed", toPath(src.path()));
        auto gone = std::find_if(items.begin(), items.end(), [](const auto& i) { return i.info.size > 100; });
        QVERIFY(gone != items.end());
        const std::string goneName = gone->info.path;
        fs::remove(gone->source);  // removed between listing and reading
        auto options = storeOptions(4096, 2);
        options.skip_unreadable = skip;
        std::vector<std::string> warnings;
        options.on_warning = [&](const std::string& w) { warnings.push_back(w); };
        const fs::path archive = toPath(out.path()) / "a.nnz";
        nnz::JobControl control;
        if (!skip) {
            EXPECT_NNZ_ERROR(nnz::write_archive(archive, items, options, control), ErrorCode::Io);
            QVERIFY(folderContents(toPath(out.path())).empty());
            QVERIFY(warnings.empty());
            return;
        }
        nnz::write_archive(archive, items, options, control);
        QCOMPARE(control.total_input.load(), control.done_input.load());  // the skipped file is not counted
        QCOMPARE(warnings.size(), size_t(1));
        QVERIFY2(warnings[0].find(gone->source.string()) != std::string::npos &&
                     warnings[0].find("No such file") != std::string::npos, warnings[0].c_str());
        nnz::ArchiveReader reader(archive);
        QCOMPARE(reader.entries().size(), items.size() - 1);
        for (const auto& e : reader.entries()) QVERIFY(e.path != goneName);
        RecordingSink sink;
        nnz::JobControl extractControl;
        reader.extract({}, sink, extractControl);
        for (const auto& item : items)
            if (item.info.type == EntryType::File && item.info.path != goneName)
                QVERIFY2(sink.contents[item.info.path] == readFile(item.source), item.info.path.c_str());
    }

    void failuresLeaveNothing_data()
    {
        QTest::addColumn<QString>("failure");
        QTest::addColumn<int>("code");
        QTest::newRow("cancel before start") << "cancel before start" << int(ErrorCode::Cancelled);
        QTest::newRow("cancel from codec") << "cancel from codec" << int(ErrorCode::Cancelled);
        QTest::newRow("codec error while others run") << "codec error" << int(ErrorCode::Internal);
        QTest::newRow("codec throws std::exception") << "codec std exception" << int(ErrorCode::Internal);
        QTest::newRow("cancel at the last moment") << "cancel late" << int(ErrorCode::Cancelled);
        QTest::newRow("source removed") << "source removed" << int(ErrorCode::Io);
        QTest::newRow("source grew") << "source grew" << int(ErrorCode::Io);
        QTest::newRow("source shrank") << "source shrank" << int(ErrorCode::Io);
        QTest::newRow("source is a directory") << "source is a directory" << int(ErrorCode::Io);
    }
    void failuresLeaveNothing()
    {
        QFETCH(QString, failure);
        QFETCH(int, code);
        QTemporaryDir src, out;
        auto items = makeTree("mixed", toPath(src.path()));
        auto options = storeOptions(4096, 3);
        nnz::JobControl control;
        std::atomic<int> calls{0};
        auto useHook = [&](HookCodec::Hook h) {
            options.make_codec = [h] { return std::make_unique<HookCodec>(nnz::CodecId::Neural, h); };
        };
        // Slow blocks that honour cancel, so a failing block finds others running.
        auto slowStore = [](std::span<const uint8_t> in, nnz::JobControl& control) {
            for (int i = 0; i < 20; ++i) {
                control.checkpoint();
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            return std::vector<uint8_t>(in.begin(), in.end());
        };
        if (failure == "cancel before start") control.request_cancel();
        if (failure == "cancel from codec")
            useHook([&](std::span<const uint8_t> in, nnz::JobControl& c) {
                if (++calls == 5) c.request_cancel();
                return slowStore(in, c);
            });
        if (failure == "codec error")
            useHook([&](std::span<const uint8_t> in, nnz::JobControl& c) -> std::vector<uint8_t> {
                if (++calls == 5) throw nnz::Error(ErrorCode::Internal, "boom");
                return slowStore(in, c);
            });
        if (failure == "codec std exception")
            useHook([&](std::span<const uint8_t> in, nnz::JobControl& c) -> std::vector<uint8_t> {
                if (++calls == 5) throw std::runtime_error("boom");
                return slowStore(in, c);
            });
        if (failure == "cancel late") {
            useHook([&](std::span<const uint8_t> in, nnz::JobControl& c) {
                if (in.size() < 4096) c.request_cancel();  // the last, short block: cancel after it
                return std::vector<uint8_t>(in.begin(), in.end());
            });
        }
        auto firstFile = std::find_if(items.begin(), items.end(), [](const auto& i) { return i.info.size > 100; });
        QVERIFY(firstFile != items.end());
        if (failure == "source removed") fs::remove(firstFile->source);
        if (failure == "source grew") firstFile->info.size -= 1;
        if (failure == "source shrank") firstFile->info.size += 1;
        if (failure == "source is a directory") firstFile->source = toPath(src.path());

        try {
            nnz::write_archive(toPath(out.path()) / "a.nnz", items, options, control);
            QFAIL("no error");
        } catch (const nnz::Error& e) {
            QVERIFY2(int(e.code()) == code, e.what());
            if (failure.startsWith("source")) QVERIFY2(QString(e.what()).contains("cannot read"), e.what());
            if (failure == "codec error") QCOMPARE(QString(e.what()), QString("boom"));
        }
        QVERIFY(folderContents(toPath(out.path())).empty());
    }
};

QTEST_GUILESS_MAIN(TestContainer)
#include "tst_container.moc"
