// Progress that a job's JobControl gets from blocks coded on their own threads: bytes, bits (also
// while decoding, at block granularity) and the entry the coder is at, reported by the front block.
#include <QtTest>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "codec.hpp"
#include "container/archive_reader.hpp"
#include "container/archive_writer.hpp"
#include "container/block_progress.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/extract_job.hpp"
#include "neural/neural_codec.hpp"

namespace fs = std::filesystem;
using nnz::BlockProgress;
using nnz::BlockProgressHub;
using nnz::JobControl;

namespace {

void writeFile(const fs::path& path, const std::string& bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

std::string text(size_t size, int seed)
{
    static const std::string words[] = {"the ", "archive ", "neural ", "model ", "learns ", "bytes ", "and ", "codes "};
    std::string out;
    for (size_t i = 0; out.size() < size; ++i) out += words[(i * 5 + i / 3 + seed) % 8];
    out.resize(size);
    return out;
}

nnz::InputItem fileItem(const fs::path& source, const std::string& name)
{
    nnz::InputItem item;
    item.info.path = name;
    item.info.type = nnz::EntryType::File;
    item.info.mode = 0644;
    item.info.size = fs::file_size(source);
    item.source = source;
    return item;
}

// Encodes by copying, reporting every `step` bytes at `bitsPerByte`, and records which entry the
// job's readout names at each offset of the block.
class SteppingCodec : public nnz::BlockCodec {
public:
    struct Seen {
        uint64_t offset;
        std::string name;
    };
    SteppingCodec(JobControl& job, std::vector<Seen>& seen, uint64_t step) : job_(job), seen_(seen), step_(step) {}
    nnz::CodecId id() const override { return nnz::CodecId::Neural; }
    std::string name() const override { return "stepping"; }
    std::vector<uint8_t> settings() const override { return {}; }
    std::vector<uint8_t> encode(std::span<const uint8_t> input, JobControl& control) override
    {
        for (uint64_t done = 0; done < input.size();) {
            const uint64_t n = std::min<uint64_t>(step_, input.size() - done);
            control.done_input += n;
            control.done_output_bits += 2 * n;
            done += n;
            control.checkpoint();
            if (done < input.size()) seen_.push_back({done, job_.current_name()});
        }
        std::vector<uint8_t> out(input.begin(), input.end());
        out.resize(out.size() / 4);  // "compressed" to 2 bpb, so the block is not stored instead
        return out;
    }
    std::vector<uint8_t> decode(std::span<const uint8_t>, uint64_t, JobControl&) override
    {
        throw nnz::Error(nnz::ErrorCode::Internal, "test codec cannot decode");
    }

private:
    JobControl& job_;
    std::vector<Seen>& seen_;
    uint64_t step_;
};

}  // namespace

class TestJobProgress : public QObject {
    Q_OBJECT
private slots:
    void hubFrontFollowsBlockOrder();
    void encodeReportsEntryAndItsBpb();
    void onlyTheFrontBlockNamesTheEntry();
    void decodeScalesPackedSizeByFractionDecoded();
    void writtenBitsCorrectTheRunningCount();
    void partControlsFollowTheJobsPauseAndCancel();
    void writerNamesTheEntryTheCoderIsAt();
    void readerNamesContinuedEntryAndCountsBits();
    void extractAndTestReportPackedBits();
    void parallelBlocksFitTheMemoryLimit_data();
    void parallelBlocksFitTheMemoryLimit();
};

void TestJobProgress::hubFrontFollowsBlockOrder()
{
    JobControl job;
    BlockProgressHub hub(job);
    QVERIFY(hub.is_front(0));
    hub.finished(2);  // out of order: block 0 is still coding
    hub.finished(1);
    QVERIFY(hub.is_front(0));
    QVERIFY(!hub.is_front(1));
    hub.finished(0);
    QVERIFY(hub.is_front(3));
}

void TestJobProgress::encodeReportsEntryAndItsBpb()
{
    JobControl job;
    BlockProgressHub hub(job);
    BlockProgress block(hub, 0, {{0, "a"}, {100, "b"}, {250, "c"}}, BlockProgress::Direction::Encode, 300);
    JobControl& part = block.control();
    part.done_input = 50;
    part.done_output_bits = 100;  // a: 2 bpb
    part.checkpoint();
    QCOMPARE(job.current_name(), std::string("a"));
    QCOMPARE(job.done_input.load(), uint64_t(50));
    QCOMPARE(job.done_output_bits.load(), uint64_t(100));
    QCOMPARE(job.current_input.load(), uint64_t(50));
    QCOMPARE(job.current_output_bits.load(), uint64_t(100));

    part.done_input = 100;
    part.done_output_bits = 200;
    part.checkpoint();  // exactly at b's first byte
    QCOMPARE(job.current_name(), std::string("b"));
    QCOMPARE(job.current_input.load(), uint64_t(0));

    part.done_input = 150;
    part.done_output_bits = 500;  // b: 6 bpb
    part.checkpoint();
    QCOMPARE(job.current_name(), std::string("b"));
    QCOMPARE(job.current_input.load(), uint64_t(50));
    QCOMPARE(job.current_output_bits.load(), uint64_t(300));
    QCOMPARE(job.done_input.load(), uint64_t(150));
    QCOMPARE(job.done_output_bits.load(), uint64_t(500));

    part.done_input = 300;
    part.done_output_bits = 900;
    block.finish();
    QCOMPARE(job.current_name(), std::string("c"));
    QCOMPARE(job.done_input.load(), uint64_t(300));
    QCOMPARE(job.done_output_bits.load(), uint64_t(900));
    // Crossed from b into c between reports (150 -> 300): the bits at c's start (250) are
    // interpolated, so c gets the last 50 of those 150 bytes' 400 bits.
    QCOMPARE(job.current_input.load(), uint64_t(50));
    QCOMPARE(job.current_output_bits.load(), uint64_t(900 - (500 + 400 * 100 / 150)));
}

void TestJobProgress::onlyTheFrontBlockNamesTheEntry()
{
    JobControl job;
    BlockProgressHub hub(job);
    BlockProgress first(hub, 0, {{0, "first"}}, BlockProgress::Direction::Encode, 100);
    BlockProgress second(hub, 1, {{0, "second"}}, BlockProgress::Direction::Encode, 100);
    second.control().done_input = 40;
    second.control().done_output_bits = 80;
    second.control().checkpoint();
    QCOMPARE(job.current_name(), std::string());  // block 0 is the front
    QCOMPARE(job.done_input.load(), uint64_t(40));  // totals count every block
    first.control().done_input = 10;
    first.control().checkpoint();
    QCOMPARE(job.current_name(), std::string("first"));
    first.control().done_input = 100;
    first.finish();
    second.control().done_input = 60;
    second.control().checkpoint();
    QCOMPARE(job.current_name(), std::string("second"));
    QCOMPARE(job.done_input.load(), uint64_t(160));
}

void TestJobProgress::decodeScalesPackedSizeByFractionDecoded()
{
    JobControl job;
    BlockProgressHub hub(job);
    BlockProgress block(hub, 0, {{0, "x"}}, BlockProgress::Direction::Decode, 1000, 250);
    block.control().done_output_bits = 12345;  // whatever a codec counts while decoding is ignored
    block.control().done_input = 400;
    block.control().checkpoint();
    QCOMPARE(job.done_output_bits.load(), uint64_t(250 * 8 * 400 / 1000));
    QCOMPARE(job.current_output_bits.load(), uint64_t(800));
    QCOMPARE(job.current_input.load(), uint64_t(400));
    block.control().done_input = 1000;
    block.finish();
    QCOMPARE(job.done_output_bits.load(), uint64_t(2000));
    QCOMPARE(job.done_input.load(), uint64_t(1000));
}

void TestJobProgress::writtenBitsCorrectTheRunningCount()
{
    JobControl job;
    job.done_output_bits = 1000;  // another block's bits
    BlockProgressHub hub(job);
    BlockProgress block(hub, 0, {}, BlockProgress::Direction::Encode, 100);
    block.control().done_input = 100;
    block.control().done_output_bits = 900;  // the encoder made it bigger...
    block.control().checkpoint();
    QCOMPARE(job.done_output_bits.load(), uint64_t(1900));
    block.finish(800);  // ...so it was stored: 100 bytes
    QCOMPARE(job.done_output_bits.load(), uint64_t(1800));
    block.control().checkpoint();  // nothing after finish()
    QCOMPARE(job.done_output_bits.load(), uint64_t(1800));
}

void TestJobProgress::partControlsFollowTheJobsPauseAndCancel()
{
    JobControl job;
    BlockProgressHub hub(job);
    BlockProgress block(hub, 0, {{0, "f"}}, BlockProgress::Direction::Encode, 100);
    job.set_paused(true);
    std::atomic<bool> passed{false};
    std::thread worker([&] {
        block.control().done_input = 30;
        block.control().checkpoint();
        passed = true;
    });
    QTRY_COMPARE(job.done_input.load(), uint64_t(30));  // reported before it waits
    QTest::qWait(50);
    QVERIFY(!passed);
    job.set_paused(false);
    worker.join();
    QVERIFY(passed);

    job.request_cancel();
    QVERIFY(block.control().cancel_requested());
    bool cancelled = false;
    try {
        block.control().checkpoint();
    } catch (const nnz::Error& e) {
        cancelled = e.code() == nnz::ErrorCode::Cancelled;
    }
    QVERIFY(cancelled);

    // A codec that cancels through the control it was given cancels the job.
    JobControl other;
    BlockProgressHub otherHub(other);
    BlockProgress part(otherHub, 0, {}, BlockProgress::Direction::Decode, 10, 10);
    part.control().request_cancel();
    QVERIFY(other.cancel_requested());
}

void TestJobProgress::writerNamesTheEntryTheCoderIsAt()
{
    QTemporaryDir temp;
    const fs::path root(temp.path().toStdString());
    writeFile(root / "a", text(300, 1));
    writeFile(root / "b", text(900, 2));
    writeFile(root / "c", text(500, 3));
    const std::vector<nnz::InputItem> items{fileItem(root / "a", "a"), fileItem(root / "b", "b"), fileItem(root / "c", "c")};
    JobControl job;
    std::vector<SteppingCodec::Seen> seen;
    nnz::WriteOptions options;
    options.block_size = 1000;  // block 0: a[0,300) b[300,1000); block 1: b[0,200) c[200,700)
    options.parallel_blocks = 1;
    options.make_codec = [&] { return std::make_unique<SteppingCodec>(job, seen, 50); };
    nnz::write_archive(root / "out.nnz", items, options, job);

    // Offsets per block restart at 0: the first block's records come first.
    std::vector<std::string> expected;
    for (uint64_t at = 50; at < 1000; at += 50) expected.push_back(at < 300 ? "a" : "b");
    for (uint64_t at = 50; at < 700; at += 50) expected.push_back(at < 200 ? "b" : "c");
    QCOMPARE(seen.size(), expected.size());
    for (size_t i = 0; i < seen.size(); ++i) QCOMPARE(seen[i].name, expected[i]);
    QCOMPARE(job.done_input.load(), uint64_t(1700));
    // The bits actually written: each block packed to a quarter.
    QCOMPARE(job.done_output_bits.load(), uint64_t(8 * (1000 / 4 + 700 / 4)));
    QCOMPARE(job.current_name(), std::string("c"));
}

void TestJobProgress::readerNamesContinuedEntryAndCountsBits()
{
    QTemporaryDir temp;
    const fs::path root(temp.path().toStdString());
    writeFile(root / "a", text(300, 1));
    writeFile(root / "b", text(900, 2));
    writeFile(root / "c", text(500, 3));
    const std::vector<nnz::InputItem> items{fileItem(root / "a", "a"), fileItem(root / "b", "b"), fileItem(root / "c", "c")};
    nnz::WriteOptions options;  // store codec
    options.block_size = 1000;
    JobControl writing;
    nnz::write_archive(root / "out.nnz", items, options, writing);
    QCOMPARE(writing.done_output_bits.load(), uint64_t(8 * 1700));

    nnz::ArchiveReader reader(root / "out.nnz");
    QCOMPARE(reader.blocks().size(), size_t(2));
    JobControl job;
    job.set_paused(true);  // the decoder reports at its first checkpoint, then waits there
    std::thread worker([&] { reader.read_block(1, job); });
    QTRY_COMPARE(job.current_name(), std::string("b"));  // block 1 starts with the rest of b
    job.set_paused(false);
    worker.join();
    QCOMPARE(job.current_name(), std::string("c"));
    QCOMPARE(job.done_input.load(), uint64_t(700));
    QCOMPARE(job.done_output_bits.load(), uint64_t(8 * 700));
}

void TestJobProgress::extractAndTestReportPackedBits()
{
    // A small neural archive: its blocks' packed sizes differ from the raw ones, so the bits
    // reported while decoding must be the packed ones, not the raw bytes.
    QTemporaryDir temp;
    const fs::path root(temp.path().toStdString());
    writeFile(root / "in" / "one.txt", text(500, 1));
    writeFile(root / "in" / "two.txt", text(300, 4));
    nnz::CompressOptions options;
    options.preset = "fast";
    JobControl writing;
    const std::vector<fs::path> inputs{root / "in"};
    nnz::compress_paths(root / "n.nnz", inputs, options, writing);
    nnz::ArchiveReader reader(root / "n.nnz");
    uint64_t packedBits = 0, raw = 0;
    for (const auto& b : reader.blocks()) {
        QCOMPARE(b.codec, nnz::CodecId::Neural);
        packedBits += 8 * b.packed_size;
        raw += b.raw_size;
    }
    QVERIFY(packedBits < 8 * raw);

    JobControl testing;
    nnz::test_archive(root / "n.nnz", testing);
    QCOMPARE(testing.done_input.load(), raw);
    QCOMPARE(testing.total_input.load(), raw);
    QCOMPARE(testing.done_output_bits.load(), packedBits);
    QCOMPARE(testing.current_name(), std::string("in/two.txt"));

    JobControl extracting;
    nnz::extract_archive(root / "n.nnz", root / "out", {}, false, extracting);
    QCOMPARE(extracting.done_output_bits.load(), packedBits);
    QVERIFY(fs::file_size(root / "out" / "in" / "one.txt") == 500);
}

QTEST_MAIN(TestJobProgress)
void TestJobProgress::parallelBlocksFitTheMemoryLimit_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<double>("limitInBlocks");  // the memory limit in units of one block's bound
    QTest::addColumn<int>("threads");
    QTest::addColumn<unsigned>("expected");
    QTest::newRow("room for all") << "default" << 100.0 << 4 << 4u;
    QTest::newRow("room for two and a half") << "default" << 2.5 << 4 << 2u;
    QTest::newRow("room for less than one: one") << "default" << 0.5 << 4 << 1u;
    QTest::newRow("threads limit first") << "default" << 100.0 << 3 << 3u;
    QTest::newRow("max, room for one") << "max" << 1.9 << 4 << 1u;
}

void TestJobProgress::parallelBlocksFitTheMemoryLimit()
{
    // Ten 8 MiB blocks' worth of files: as many blocks run at once as threads allow and the
    // memory limit holds (BlockCodec::memory_for of the largest block each).
    QFETCH(QString, preset);
    QFETCH(double, limitInBlocks);
    QFETCH(int, threads);
    QFETCH(unsigned, expected);
    std::vector<nnz::InputItem> items;
    for (int i = 0; i < 10; ++i) {
        nnz::InputItem item;
        item.info.path = "f" + std::to_string(i) + ".txt";
        item.info.size = 8u << 20;
        items.push_back(item);
    }
    nnz::CompressOptions options;
    options.preset = preset.toStdString();
    options.threads = threads;
    const uint64_t per_block = nnz::NeuralSettings::preset(options.preset).memory_for(8u << 20);
    options.memory_limit = uint64_t(limitInBlocks * double(per_block));
    QCOMPARE(nnz::write_options_for(options, items).parallel_blocks, expected);
}

#include "tst_job_progress.moc"
