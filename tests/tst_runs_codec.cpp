// The runs codec: long runs of one byte taken out of a block, the rest coded by another codec;
// exact round trips, refused damage, and the writer choosing it only where runs are long.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <random>

#include "codec.hpp"
#include "container/archive_reader.hpp"
#include "container/archive_writer.hpp"
#include "error.hpp"
#include "neural/neural_codec.hpp"
#include "runs_codec.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<uint8_t> text(size_t size, unsigned seed)
{
    static const char* const kWords[] = {"runs ", "of ", "zeros ", "between ", "the ", "words, ", "and\n", "data "};
    std::string out;
    while (out.size() < size) {
        seed = seed * 1103515245u + 12345u;
        out += kWords[(seed >> 16) % 8];
    }
    out.resize(size);
    return {out.begin(), out.end()};
}

// A block described as pieces: "t5000" (text), "z300000" (zeros), "f9000" (0xff bytes).
std::vector<uint8_t> block(const QString& layout)
{
    std::vector<uint8_t> out;
    unsigned seed = 1;
    for (const QString& piece : layout.split(' ', Qt::SkipEmptyParts)) {
        const size_t n = piece.mid(1).toULongLong();
        if (piece[0] == 't') {
            const auto t = text(n, seed++);
            out.insert(out.end(), t.begin(), t.end());
        } else {
            out.insert(out.end(), n, piece[0] == 'z' ? uint8_t(0) : uint8_t(0xff));
        }
    }
    return out;
}

std::unique_ptr<nnz::BlockCodec> innerCodec(const QString& name)
{
    if (name == "store") return nnz::make_store_codec();
    auto settings = nnz::NeuralSettings::preset("fast");
    settings.lanes = 1;
    return nnz::make_neural_codec(settings);
}

}  // namespace

class TestRunsCodec : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<qulonglong>("runBytes");  // in runs of 4096 or more
        QTest::newRow("zeros alone") << "z300000" << "store" << 300000ull;
        QTest::newRow("zeros alone, neural") << "z300000" << "neural" << 300000ull;
        QTest::newRow("text between runs") << "z5000 t3000 z4096 t10 f70000" << "store" << 79096ull;
        QTest::newRow("text between runs, neural") << "t2000 z100000 t3000 f5000 t500" << "neural" << 105000ull;
        QTest::newRow("a run one byte short") << "t100 z4095 t100" << "store" << 0ull;
        QTest::newRow("two values back to back") << "z5000 f5000" << "store" << 10000ull;
        QTest::newRow("text only") << "t20000" << "neural" << 0ull;
    }
    void roundTrip()
    {
        QFETCH(QString, layout);
        QFETCH(QString, inner);
        QFETCH(qulonglong, runBytes);
        const auto raw = block(layout);
        QCOMPARE(nnz::long_run_bytes(raw), uint64_t(runBytes));
        auto codec = nnz::make_runs_codec(innerCodec(inner));
        QCOMPARE(codec->id(), nnz::CodecId::Runs);
        nnz::JobControl encoding;
        const auto packed = codec->encode(raw, encoding);
        QCOMPARE(encoding.done_input.load(), uint64_t(raw.size()));
        // Only the other bytes reach the inner codec: with store, the packed size says so.
        if (inner == "store") QVERIFY(packed.size() <= raw.size() - runBytes + 16 * (1 + runBytes / 4096));
        if (runBytes == raw.size()) QVERIFY(packed.size() < 32);

        // Decoded from its settings, as a reader does.
        auto decoder = nnz::make_codec(nnz::CodecId::Runs, codec->settings());
        QCOMPARE(decoder->settings(), codec->settings());
        nnz::JobControl decoding;
        QVERIFY(decoder->decode(packed, raw.size(), decoding) == raw);
        QCOMPARE(decoding.done_input.load(), uint64_t(raw.size()));
    }

    void damageIsRefused_data()
    {
        QTest::addColumn<QString>("damage");
        for (const char* d : {"huge run count", "run past the end", "run too short", "literals cut", "bytes after runs alone",
                              "raw size larger"})
            QTest::newRow(d) << QString(d);
    }
    void damageIsRefused()
    {
        QFETCH(QString, damage);
        const bool runsAlone = damage == "bytes after runs alone";
        const auto raw = block(runsAlone ? "z8000" : "t100 z8000 t100");
        auto codec = nnz::make_runs_codec(nnz::make_store_codec());
        nnz::JobControl control;
        auto packed = codec->encode(raw, control);
        // Layout: count (1 byte), literal_before (1), value (1), length (2), then the 200 other bytes.
        QCOMPARE(packed.size(), size_t(runsAlone ? 5 : 205));
        uint64_t size = raw.size();
        if (damage == "huge run count") packed[0] = 0x7f;
        if (damage == "run past the end") size = 8100;
        if (damage == "run too short") packed[3] = 0x80, packed[4] = 0x01;  // 128
        if (damage == "literals cut") packed.pop_back();
        if (runsAlone) packed.push_back(0);
        if (damage == "raw size larger") size += 1;
        try {
            codec->decode(packed, size, control);
            QFAIL("accepted");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), nnz::ErrorCode::Data);
        }
    }

    void settingsAreChecked_data()
    {
        QTest::addColumn<QByteArray>("settings");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("runs inside runs") << QByteArray(1, char(nnz::CodecId::Runs));
        QTest::newRow("unknown inner codec") << QByteArray(1, char(9));
        QTest::newRow("store with settings") << QByteArray("\x00\x01", 2);
    }
    void settingsAreChecked()
    {
        QFETCH(QByteArray, settings);
        const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(settings.constData()), size_t(settings.size()));
        try {
            nnz::make_codec(nnz::CodecId::Runs, bytes);
            QFAIL("accepted");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), nnz::ErrorCode::Data);
        }
    }

    // The writer takes runs out of a block only when they hold 256 KiB or more.
    void writerChoosesItForLongRuns_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<int>("codec");
        QTest::newRow("a disk image's zeros") << "t3000 z300000 t3000" << int(nnz::CodecId::Runs);
        QTest::newRow("runs under 256 KiB") << "t3000 z200000 t3000" << int(nnz::CodecId::Neural);
        QTest::newRow("text") << "t20000" << int(nnz::CodecId::Neural);
    }
    void writerChoosesItForLongRuns()
    {
        QFETCH(QString, layout);
        QFETCH(int, codec);
        QTemporaryDir temp;
        const fs::path root = temp.path().toStdString();
        const auto bytes = block(layout);
        std::ofstream(root / "image.bin", std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
        nnz::InputItem item;
        item.info.path = "image.bin";
        item.info.size = bytes.size();
        item.source = root / "image.bin";
        nnz::WriteOptions options;
        auto settings = nnz::NeuralSettings::preset("fast");
        options.make_codec = [settings] { return nnz::make_neural_codec(settings); };
        nnz::JobControl control;
        const fs::path archive = root / "a.nnz";
        nnz::write_archive(archive, std::vector<nnz::InputItem>{item}, options, control);
        nnz::ArchiveReader reader(archive);
        QCOMPARE(reader.blocks().size(), size_t(1));
        QCOMPARE(int(reader.blocks()[0].codec), codec);
        nnz::JobControl decoding;
        QVERIFY(reader.read_block(0, decoding) == bytes);
    }
};

QTEST_GUILESS_MAIN(TestRunsCodec)
#include "tst_runs_codec.moc"
