// The neural block codec: exact round trips on real data of every kind in the corpus, lane layout
// edge cases, settings that travel in block headers, and hostile settings or packed bytes.
#include <QtTest>

#include <QDirIterator>
#include <fstream>
#include <iterator>
#include <random>

#include "error.hpp"
#include "neural/neural_codec.hpp"

namespace {

std::vector<uint8_t> read_prefix(const QString& path, size_t limit)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::vector<uint8_t> bytes(limit);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(limit));
    bytes.resize(static_cast<size_t>(in.gcount()));
    return bytes;
}

nnz::NeuralSettings small_settings()
{
    auto s = nnz::NeuralSettings::preset("fast");
    s.hidden = 16;
    s.lanes = 4;
    s.train_steps = 4;
    s.context_hash_bits = 12;
    return s;
}

std::vector<uint8_t> round_trip(const nnz::NeuralSettings& settings, const std::vector<uint8_t>& data, size_t* packed_size = nullptr)
{
    nnz::JobControl control;
    auto encoder = nnz::make_neural_codec(settings);
    const auto packed = encoder->encode(data, control);
    if (packed_size) *packed_size = packed.size();
    // The decoder is rebuilt from the serialized settings, as the container does.
    auto decoder = nnz::make_codec(nnz::CodecId::Neural, encoder->settings());
    return decoder->decode(packed, data.size(), control);
}

}  // namespace

class TestNeuralCodec : public QObject {
    Q_OBJECT
private slots:
    void corpusRoundTrips_data()
    {
        QTest::addColumn<QString>("path");
        QDirIterator it(QStringLiteral(NNZ_CORPUS_DIR), QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext()) files << it.next();
        files.sort();
        for (const QString& f : files)
            if (!f.endsWith(".md") && !f.endsWith(".csv")) QTest::newRow(qPrintable(QDir(NNZ_CORPUS_DIR).relativeFilePath(f))) << f;
    }
    void corpusRoundTrips()
    {
        QFETCH(QString, path);
        const auto data = read_prefix(path, 3000);
        QVERIFY(!data.empty());
        QVERIFY(round_trip(small_settings(), data) == data);
    }

    void laneLayouts_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("lanes");
        QTest::newRow("one byte") << 1 << 8;
        QTest::newRow("two bytes") << 2 << 8;
        QTest::newRow("below one lane") << 2047 << 8;
        QTest::newRow("exactly two lanes") << 4096 << 8;
        QTest::newRow("uneven last lane") << 4096 * 3 + 17 << 8;
        QTest::newRow("many lanes, short tail") << 2048 * 5 + 1 << 5;
    }
    void laneLayouts()
    {
        QFETCH(int, size);
        QFETCH(int, lanes);
        auto s = small_settings();
        s.lanes = static_cast<uint16_t>(lanes);
        std::vector<uint8_t> data(size);
        for (int i = 0; i < size; ++i) data[i] = static_cast<uint8_t>("nnzip lanes "[i % 12] + (i / 97) % 3);
        QVERIFY(round_trip(s, data) == data);
        QCOMPARE(s.lanes_for(size), std::clamp(size / 2048, 1, lanes));
    }

    void emptyInput()
    {
        QVERIFY(round_trip(small_settings(), {}).empty());
    }

    void learnsRepetitiveData()
    {
        // A model that learns must code a repeated sentence far below 8 bits per byte.
        std::vector<uint8_t> data;
        const std::string sentence = "the quick brown fox jumps over the lazy dog. ";
        while (data.size() < 20000) data.insert(data.end(), sentence.begin(), sentence.end());
        size_t packed = 0;
        QVERIFY(round_trip(small_settings(), data, &packed) == data);
        QVERIFY2(packed * 8 < data.size() * 1, qPrintable(QString("%1 bytes packed").arg(packed)));
    }

    void settingsRoundTrip()
    {
        for (const char* preset : {"fast", "default", "max"}) {
            const auto s = nnz::NeuralSettings::preset(preset);
            const auto back = nnz::NeuralSettings::deserialize(s.serialize());
            QCOMPARE(back.serialize(), s.serialize());
            QCOMPARE(back.hidden, s.hidden);
            QCOMPARE(back.context_orders, s.context_orders);
        }
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::NeuralSettings::preset("turbo"));
    }

    void hostileSettingsAreDataErrors_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("value");
        QTest::newRow("model version") << 0 << 9;
        QTest::newRow("model kind") << 2 << 3;
        QTest::newRow("hidden 0") << 3 << 0;
        QTest::newRow("lanes 0") << 5 << 0;
        QTest::newRow("train steps 0") << 7 << 0;
        QTest::newRow("lr shift 0") << 9 << 0;
        QTest::newRow("orders beyond 6") << 14 << 0x7F;
        QTest::newRow("hash bits 40") << 15 << 40;
    }
    void hostileSettingsAreDataErrors()
    {
        QFETCH(int, offset);
        QFETCH(int, value);
        auto bytes = nnz::NeuralSettings::preset("default").serialize();
        bytes[offset] = static_cast<uint8_t>(value);
        if (offset == 3 || offset == 5 || offset == 7) bytes[offset + 1] = 0;
        try {
            nnz::make_codec(nnz::CodecId::Neural, bytes);
            QFAIL("accepted hostile settings");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), nnz::ErrorCode::Data);
        }
        auto truncated = nnz::NeuralSettings::preset("default").serialize();
        truncated.pop_back();
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::NeuralSettings::deserialize(truncated));
    }

    void garbagePackedBytesNeverCrash()
    {
        // Garbage decodes to garbage (the container's checksums catch it) or a Data error; never UB.
        std::mt19937 rng(5);
        std::vector<uint8_t> garbage(3000);
        for (auto& b : garbage) b = static_cast<uint8_t>(rng());
        nnz::JobControl control;
        auto codec = nnz::make_neural_codec(small_settings());
        for (size_t cut : {size_t(0), size_t(3), size_t(3000)}) {
            try {
                const auto out = codec->decode(std::span(garbage).first(cut), 5000, control);
                QCOMPARE(out.size(), size_t(5000));
            } catch (const nnz::Error& e) {
                QCOMPARE(e.code(), nnz::ErrorCode::Data);
            }
        }
    }

    void cancelStopsEncoding()
    {
        nnz::JobControl control;
        control.request_cancel();
        auto codec = nnz::make_neural_codec(small_settings());
        std::vector<uint8_t> data(10000, 'a');
        try {
            codec->encode(data, control);
            QFAIL("cancel ignored");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), nnz::ErrorCode::Cancelled);
        }
    }
};

QTEST_GUILESS_MAIN(TestNeuralCodec)
#include "tst_neural_codec.moc"
