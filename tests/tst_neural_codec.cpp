// The neural block codec: exact round trips on real data of every kind in the corpus, lane layout
// edge cases, settings that travel in block headers, and hostile settings or packed bytes.
#include <array>
#include <QtTest>

#include <QDirIterator>
#include <sys/wait.h>
#include <unistd.h>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>

#include "error.hpp"
#include "codec.hpp"
#include "neural/neural_codec.hpp"
#include "process_status.hpp"
#include "synthetic_genome.hpp"

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
    s.context_set = 6;  // the default's model with fast's small tables
    s.mixer_rate = 6;
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

// Packed sizes of `data` with context sets `older` and `newer` (otherwise `settings`), indexed by
// set; each must round-trip (a mismatch leaves the size at 0, which fails any comparison).
std::array<size_t, 8> packed_with_sets(nnz::NeuralSettings settings, const std::vector<uint8_t>& data, int older, int newer)
{
    std::array<size_t, 8> packed{};
    for (int set : {older, newer}) {
        settings.context_set = static_cast<uint8_t>(set);
        size_t size = 0;
        if (round_trip(settings, data, &size) == data) packed[static_cast<size_t>(set)] = size;
    }
    qInfo("%zu bytes: context set %d %zu bytes, set %d %zu bytes", data.size(), older, packed[static_cast<size_t>(older)], newer,
          packed[static_cast<size_t>(newer)]);
    return packed;
}

// A bilevel image (1 bit per pixel, 64-byte rows, 320 rows) of 120 filled discs.
std::vector<uint8_t> disc_image()
{
    constexpr int kRowBytes = 64, kRows = 320;
    std::vector<uint8_t> image(kRowBytes * kRows);
    std::mt19937 rng(5);
    for (int disc = 0; disc < 120; ++disc) {
        const int cx = int(rng() % (kRowBytes * 8)), cy = int(rng() % kRows), r = 3 + int(rng() % 12);
        for (int y = std::max(0, cy - r); y < std::min(kRows, cy + r + 1); ++y)
            for (int x = std::max(0, cx - r); x < std::min(kRowBytes * 8, cx + r + 1); ++x)
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) image[y * kRowBytes + x / 8] |= uint8_t(0x80 >> (x % 8));
    }
    return image;
}

// Starts VmHWM (the peak resident set) again from the current one; false where Linux's /proc
// does not offer that.
bool reset_peak_rss()
{
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    return static_cast<bool>(clear.flush());
}

}  // namespace

class TestNeuralCodec : public QObject {
    Q_OBJECT
private slots:
    // Decoding only a block's first bytes stops early with exactly what a whole decode gives there,
    // and counts the work it said it would (every lane moves a step at a time).
    void prefixDecodingStopsEarly_data()
    {
        QTest::addColumn<int>("lanes");
        QTest::addColumn<int>("wanted");
        QTest::addColumn<int>("returned");  // bytes handed back: the prefix, or the whole block
        QTest::addColumn<int>("work");      // bytes decoded for it
        // 24,000 bytes: one lane, or 4 lanes of 6,000.
        QTest::newRow("one lane, first byte") << 1 << 1 << 1 << 1;
        QTest::newRow("one lane, a third") << 1 << 8000 << 8000 << 8000;
        QTest::newRow("one lane, all") << 1 << 24000 << 24000 << 24000;
        QTest::newRow("4 lanes, within lane 0") << 4 << 5000 << 5000 << 20000;
        QTest::newRow("4 lanes, past lane 0: all") << 4 << 6001 << 24000 << 24000;
    }
    void prefixDecodingStopsEarly()
    {
        QFETCH(int, lanes);
        QFETCH(int, wanted);
        QFETCH(int, returned);
        QFETCH(int, work);
        auto settings = small_settings();
        settings.lanes = uint16_t(lanes);
        const auto data = read_prefix(QStringLiteral(NNZ_CORPUS_DIR "/cantrbry/alice29.txt"), 24000);
        QCOMPARE(data.size(), size_t(24000));
        nnz::JobControl control;
        const auto packed = nnz::make_neural_codec(settings)->encode(data, control);
        auto decoder = nnz::make_codec(nnz::CodecId::Neural, settings.serialize());
        QCOMPARE(decoder->prefix_work(data.size(), uint64_t(wanted)), uint64_t(work));
        nnz::JobControl decoding;
        const auto prefix = decoder->decode_prefix(packed, data.size(), uint64_t(wanted), decoding);
        QCOMPARE(prefix.size(), size_t(returned));
        QVERIFY(std::equal(prefix.begin(), prefix.end(), data.begin()));
        QCOMPARE(decoding.done_input.load(), uint64_t(work));
    }

    void corpusRoundTrips_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("contextSet");
        QDirIterator it(QStringLiteral(NNZ_CORPUS_DIR), QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext()) files << it.next();
        files.sort();
        // Every model kind still written or read, and every context set of kinds 2-3 (the DNA
        // files switch to the nucleotide contexts after their first bytes).
        const std::pair<int, int> models[] = {{0, 0}, {1, 0}, {2, 0}, {2, 1}, {2, 2}, {2, 3}, {2, 4}, {2, 5}, {2, 6}, {2, 7}, {3, 0}, {3, 1}, {3, 2}, {3, 3}, {3, 4}, {3, 5}, {3, 6}};
        for (const QString& f : files)
            if (!f.endsWith(".md") && !f.endsWith(".csv"))
                for (const auto& [kind, set] : models)
                    QTest::addRow("%s, kind %d, context set %d", qPrintable(QDir(NNZ_CORPUS_DIR).relativeFilePath(f)), kind, set)
                        << f << kind << set;
    }
    void corpusRoundTrips()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        QFETCH(int, contextSet);
        const auto data = read_prefix(path, 3000);
        QVERIFY(!data.empty());
        auto s = small_settings();
        s.model_kind = static_cast<uint8_t>(kind);
        s.context_set = static_cast<uint8_t>(contextSet);
        QVERIFY(round_trip(s, data) == data);
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

    void backendsWriteTheSameBytes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("lanes");
        QTest::newRow("alice29, 2 lanes") << "cantrbry/alice29.txt" << 2;
        QTest::newRow("kennedy.xls, 1 lane") << "cantrbry/kennedy.xls" << 1;
        QTest::newRow("E.coli, 3 lanes") << "large/E.coli" << 3;
    }
    void backendsWriteTheSameBytes()
    {
        // The mixed model on the LibTorch LSTM and on the scalar one: identical archives, and each
        // decodes the other's (the coder sees the same numbers whichever computes them).
        QFETCH(QString, file);
        QFETCH(int, lanes);
        const auto data = read_prefix(QStringLiteral(NNZ_CORPUS_DIR "/") + file, 6000);
        auto s = small_settings();
        s.model_kind = 2;  // the byte-predicting LSTM, which both backends implement
        s.context_orders = 0x3F;
        s.lanes = static_cast<uint16_t>(lanes);
        nnz::JobControl control;
        s.cpu_backend = nnz::NeuralSettings::CpuBackend::Torch;
        const auto torch_packed = nnz::make_neural_codec(s)->encode(data, control);
        s.cpu_backend = nnz::NeuralSettings::CpuBackend::Scalar;
        auto scalar = nnz::make_neural_codec(s);
        const auto scalar_packed = scalar->encode(data, control);
        QVERIFY(torch_packed == scalar_packed);
        QVERIFY(scalar->decode(torch_packed, data.size(), control) == data);
        s.cpu_backend = nnz::NeuralSettings::CpuBackend::Torch;
        QVERIFY(nnz::make_neural_codec(s)->decode(scalar_packed, data.size(), control) == data);
    }

    void networkAheadWritesTheSameBytes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("lanes");
        QTest::newRow("alice29, bit LSTM, 1 lane") << "cantrbry/alice29.txt" << 3 << 1;
        QTest::newRow("kennedy.xls, bit LSTM, 3 lanes") << "cantrbry/kennedy.xls" << 3 << 3;
        QTest::newRow("E.coli, byte LSTM, 1 lane") << "large/E.coli" << 2 << 1;
        QTest::newRow("obj2, byte LSTM, 2 lanes") << "calgary/obj2" << 2 << 2;
        QTest::newRow("book1, kind 1, 1 lane") << "calgary/book1" << 1 << 1;
    }
    void networkAheadWritesTheSameBytes()
    {
        // Compressing with the network on a thread of its own, ahead of the coder: the same
        // archive to the byte, and it decodes (the decoder has no such choice). 80 KB are 640,000
        // inputs: eight hand-overs, from 2^12 inputs growing to part of a 2^19 chunk.
        QFETCH(QString, file);
        QFETCH(int, kind);
        QFETCH(int, lanes);
        const auto data = read_prefix(QStringLiteral(NNZ_CORPUS_DIR "/") + file, 80000);
        auto s = small_settings();
        s.model_kind = static_cast<uint8_t>(kind);
        s.lanes = static_cast<uint16_t>(lanes);
        nnz::JobControl control;
        const auto in_line = nnz::make_neural_codec(s)->encode(data, control);
        s.network_ahead = true;
        auto ahead = nnz::make_neural_codec(s);
        const auto packed = ahead->encode(data, control);
        QCOMPARE(packed.size(), in_line.size());
        QVERIFY(packed == in_line);
        QVERIFY(ahead->decode(packed, data.size(), control) == data);
    }

    void gpuPresetCodesManyLanesOnTheCpu()
    {
        // The gpu preset: max's model over 64 lanes (135 KB: 2.1 KB each), which the block's
        // settings carry; it decodes on the CPU, and running its network ahead changes nothing.
        const auto data = read_prefix(QStringLiteral(NNZ_CORPUS_DIR "/enwik_1MB"), 135000);
        auto s = nnz::NeuralSettings::preset("gpu");
        s.device = nnz::Device::Cpu;
        QCOMPARE(s.lanes_for(data.size()), 64);
        nnz::JobControl control;
        auto encoder = nnz::make_neural_codec(s);
        const auto packed = encoder->encode(data, control);
        const auto stored = nnz::NeuralSettings::deserialize(encoder->settings());
        QCOMPARE(stored.lanes, uint16_t{64});
        QCOMPARE(stored.model_kind, uint8_t{2});
        s.network_ahead = true;
        QVERIFY(nnz::make_neural_codec(s)->encode(data, control) == packed);
        QVERIFY(nnz::make_codec(nnz::CodecId::Neural, encoder->settings())->decode(packed, data.size(), control) == data);
    }

    void networkAheadFailureReachesTheCaller()
    {
        // The network is built on the thread that runs ahead; an error there (no CUDA device
        // for a byte LSTM asked to run on one) reaches the encoder's caller as it would in line.
        auto s = small_settings();
        s.model_kind = 2;
        s.device = nnz::Device::Cuda;
        const std::vector<uint8_t> data(5000, 'x');
        nnz::JobControl control;
        std::optional<nnz::ErrorCode> in_line;
        try {
            nnz::make_neural_codec(s)->encode(data, control);
        } catch (const nnz::Error& e) {
            in_line = e.code();
        }
        if (!in_line) QSKIP("a CUDA device is present: nothing fails");
        s.network_ahead = true;
        try {
            nnz::make_neural_codec(s)->encode(data, control);
            QFAIL("the network's failure was lost");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), *in_line);
        }
    }

    void matchModelFindsDistantRepeats()
    {
        // 12 KB of noise, then the same noise again: only a model that finds the earlier copy can
        // code the second half in well under a bit per byte.
        std::mt19937 rng(9);
        std::vector<uint8_t> data(12000);
        for (auto& b : data) b = static_cast<uint8_t>(rng());
        data.insert(data.end(), data.begin(), data.end());
        size_t packed = 0;
        QVERIFY(round_trip(small_settings(), data, &packed) == data);
        QVERIFY2(packed < 12000 + 12000 / 8, qPrintable(QString("%1 bytes packed").arg(packed)));
    }

    void textContextsPay()
    {
        // Context set 3's text contexts, word-length mixer weights and per-bit StateMaps, on 60 KB
        // of English (the match model's recovery: tst_mixing).
        const auto text = read_prefix(QStringLiteral(NNZ_CORPUS_DIR "/cantrbry/alice29.txt"), 60000);
        QCOMPARE(text.size(), size_t{60000});
        auto s = small_settings();
        s.lanes = 1;
        const auto packed = packed_with_sets(s, text, 2, 3);
        QVERIFY(packed[2] > 0 && packed[3] > 0);
        // Measured: 16,098 and 15,967 bytes (0.992x).
        QVERIFY2(packed[3] * 1000 < packed[2] * 995, qPrintable(QString("set 2 %1, set 3 %2 bytes").arg(packed[2]).arg(packed[3])));
    }

    void newerContextSetPays_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("bytes");
        QTest::addColumn<int>("older");     // the newer set is this + 1
        QTest::addColumn<int>("permille");  // the newer set must be smaller than the older times this / 1000
        // Context set 4's run of each context (the byte that followed it last time, and how often
        // in a row) on up to 60 KB of a table and of machine code. Measured: 1,697 -> 1,683 bytes
        // (0.992x), 18,913 -> 18,797 (0.994x), 8,082 -> 8,020 (0.992x); text gains less at these
        // small tables.
        QTest::newRow("set 4: spreadsheet (kennedy.xls)") << QStringLiteral(NNZ_CORPUS_DIR "/cantrbry/kennedy.xls") << 60000 << 3 << 995;
        QTest::newRow("set 4: object code (obj2)") << QStringLiteral(NNZ_CORPUS_DIR "/calgary/obj2") << 60000 << 3 << 997;
        QTest::newRow("set 4: executable (sum)") << QStringLiteral(NNZ_CORPUS_DIR "/cantrbry/sum") << 38240 << 3 << 997;  // all of it
        // Context set 5's sixth mixer, inherited counters, text contexts and markup states on
        // English and wiki markup. Measured: 12,454 -> 12,329 bytes (0.990x), 90,975 -> 89,153
        // (0.980x); the gains grow with the input, and the nucleotide models show only on
        // megabytes of DNA (invertedRepeatsAreLearned tests those).
        QTest::newRow("set 5: English (bible.txt)") << QStringLiteral(NNZ_CORPUS_DIR "/large/bible.txt") << 60000 << 4 << 997;
        QTest::newRow("set 5: wiki markup (enwik_1MB)") << QStringLiteral(NNZ_CORPUS_DIR "/enwik_1MB") << 400000 << 4 << 997;
        // Context set 7 (max): four more contexts, runs on all of them, four-way buckets, the third
        // mixer by every node of the bit tree. Measured: 18,918 -> 18,696 bytes (0.988x), 54,104
        // -> 53,555 (0.990x).
        QTest::newRow("set 7: object code (obj2)") << QStringLiteral(NNZ_CORPUS_DIR "/calgary/obj2") << 60000 << 6 << 992;
        QTest::newRow("set 7: English (world192.txt)") << QStringLiteral(NNZ_CORPUS_DIR "/large/world192.txt") << 300000 << 6 << 993;
    }
    void newerContextSetPays()
    {
        QFETCH(QString, path);
        QFETCH(int, bytes);
        QFETCH(int, older);
        QFETCH(int, permille);
        const auto data = read_prefix(path, static_cast<size_t>(bytes));
        QCOMPARE(data.size(), static_cast<size_t>(bytes));
        auto s = small_settings();
        s.lanes = 1;
        const int newer = older + 1;
        const auto packed = packed_with_sets(s, data, older, newer);
        QVERIFY(packed[older] > 0 && packed[newer] > 0);
        QVERIFY2(packed[newer] * 1000 < packed[older] * size_t(permille),
                 qPrintable(QString("set %1 %2, set %3 %4 bytes").arg(older).arg(packed[older]).arg(newer).arg(packed[newer])));
    }

    void invertedRepeatsAreLearned_data()
    {
        QTest::addColumn<QString>("alphabet");
        QTest::newRow("lower case") << "acgt";
        QTest::newRow("upper case") << "ACGT";
    }
    void invertedRepeatsAreLearned()
    {
        // Random DNA followed by its reverse complement (the same gene on the other strand): the
        // second half repeats nothing forwards, so set 4 codes it at ~2 bits per base; set 5's
        // nucleotide counts learned every k-mer's inverted repeat while coding the first half.
        QFETCH(QString, alphabet);
        const std::string bases = alphabet.toStdString();
        std::mt19937 rng(11);
        std::vector<uint8_t> dna(24000);
        for (auto& b : dna) b = static_cast<uint8_t>(bases[rng() % 4]);
        const size_t half = dna.size();
        for (size_t i = 0; i < half; ++i) {
            const char c = static_cast<char>(dna[half - 1 - i]);
            dna.push_back(static_cast<uint8_t>(bases[3 - bases.find(c)]));  // A<->T, C<->G
        }
        auto s = small_settings();
        s.lanes = 1;
        const auto packed = packed_with_sets(s, dna, 4, 5);
        QVERIFY(packed[4] > 0 && packed[5] > 0);
        // 2 bits per base for the first half is 6,000 bytes; the second half costs set 4 as much
        // again, set 5 a small part of it.
        QVERIFY2(packed[4] > 11500, qPrintable(QString("set 4 %1 bytes").arg(packed[4])));
        QVERIFY2(packed[5] < 7500, qPrintable(QString("set 5 %1 bytes").arg(packed[5])));
    }

    void bilevelImageContextsPay_data()
    {
        QTest::addColumn<int>("lanes");
        QTest::newRow("one lane") << 1;
        QTest::newRow("three lanes (rows above cut at lane starts)") << 3;
    }
    void bilevelImageContextsPay()
    {
        // A bilevel image (1 bit per pixel, 64-byte rows) of filled discs: its bytes cut every
        // shape, so byte contexts know little; context set 2 sees the pixels around each bit.
        QFETCH(int, lanes);
        const std::vector<uint8_t> image = disc_image();
        auto s = small_settings();
        s.lanes = static_cast<uint16_t>(lanes);
        const auto packed = packed_with_sets(s, image, 1, 2);
        QVERIFY(packed[1] > 0 && packed[2] > 0);
        // Measured: set 2 is 0.66x set 1 (one lane) and 0.66x (three); with its mixer changes but
        // the rows above never found, 0.81x and 0.84x.
        QVERIFY2(packed[2] * 4 < packed[1] * 3, qPrintable(QString("set 1 %1, set 2 %2 bytes").arg(packed[1]).arg(packed[2])));
    }

    void pixelsOnlyOutsideText_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("a bilevel image") << "image";
        QTest::newRow("English") << "text";
    }
    void pixelsOnlyOutsideText()
    {
        // Context set 6 silences the bilevel-image model inside text (it cost time there and
        // bought nothing): an image codes exactly as with set 5, text differently but no worse.
        QFETCH(QString, what);
        std::vector<uint8_t> data;
        if (what == "image") {
            data = disc_image();
        } else {
            data = read_prefix(QStringLiteral(NNZ_CORPUS_DIR "/cantrbry/alice29.txt"), 30000);
            QCOMPARE(data.size(), size_t{30000});
        }
        auto s = small_settings();
        s.lanes = 1;
        const auto packed = packed_with_sets(s, data, 5, 6);
        QVERIFY(packed[5] > 0 && packed[6] > 0);
        const QString sizes = QString("set 5 %1, set 6 %2 bytes").arg(packed[5]).arg(packed[6]);
        if (what == "image") {
            QVERIFY2(packed[6] == packed[5], qPrintable(sizes));
        } else {
            QVERIFY2(packed[6] != packed[5], qPrintable(sizes));
            QVERIFY2(packed[6] * 1000 <= packed[5] * 1002, qPrintable(sizes));
        }
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
        for (const char* preset : {"fast", "default", "max", "gpu", "kind 0"}) {
            auto s = nnz::NeuralSettings::preset(std::string_view(preset) == "kind 0" ? "default" : preset);
            if (std::string_view(preset) == "kind 0") s.model_kind = 0;
            const auto back = nnz::NeuralSettings::deserialize(s.serialize());
            QCOMPARE(back.serialize(), s.serialize());
            QCOMPARE(back.hidden, s.hidden);
            QCOMPARE(back.context_orders, s.context_orders);
            QCOMPARE(back.model_kind, s.model_kind);
            QCOMPARE(back.lanes, s.lanes);
            if (s.model_kind == 0) continue;  // no mixer, no mixer settings
            QCOMPARE(back.mixer_table_bits, s.mixer_table_bits);
            QCOMPARE(back.mixer_rate, s.mixer_rate);
            QCOMPARE(back.context_set, s.context_set);
            QCOMPARE(back.features, s.features);
        }
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::NeuralSettings::preset("turbo"));
    }

    // What `nnzip info` says of a block's settings: the preset they are, read back from the
    // header's bytes, with lanes set apart (--lanes); otherwise the model's own numbers.
    void settingsDescribeTheirPreset_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("lanes");       // 0: the preset's
        QTest::addColumn<int>("contextSet");  // -1: the preset's
        QTest::addColumn<QString>("described");
        QTest::newRow("fast") << "fast" << 0 << -1 << "fast preset";
        QTest::newRow("default") << "default" << 0 << -1 << "default preset";
        QTest::newRow("max") << "max" << 0 << -1 << "max preset";
        QTest::newRow("gpu") << "gpu" << 0 << -1 << "gpu preset";
        QTest::newRow("default, 8 lanes") << "default" << 8 << -1 << "default preset, 8 lanes";
        QTest::newRow("gpu, 1 lane") << "gpu" << 1 << -1 << "gpu preset, 1 lane";
        QTest::newRow("an older default") << "default" << 0 << 4 << "model kind 3, context set 4, H 4, 1 lane, tables 2^22";
        QTest::newRow("an older max") << "max" << 0 << 5 << "model kind 2, context set 5, H 16, 1 lane, tables 2^24, genes' model";
    }
    void settingsDescribeTheirPreset()
    {
        QFETCH(QString, preset);
        QFETCH(int, lanes);
        QFETCH(int, contextSet);
        QFETCH(QString, described);
        auto s = nnz::NeuralSettings::preset(preset.toStdString());
        if (lanes > 0) s.lanes = static_cast<uint16_t>(lanes);
        if (contextSet >= 0) s.context_set = static_cast<uint8_t>(contextSet);
        const auto read = nnz::NeuralSettings::deserialize(s.serialize());
        QCOMPARE(QString::fromStdString(read.description()), described);
        QCOMPARE(QString::fromStdString(nnz::describe_codec(nnz::CodecId::Neural, s.serialize())), "neural, " + described);
        std::vector<uint8_t> runs{static_cast<uint8_t>(nnz::CodecId::Neural)};
        const auto bytes = s.serialize();
        runs.insert(runs.end(), bytes.begin(), bytes.end());
        QCOMPARE(QString::fromStdString(nnz::describe_codec(nnz::CodecId::Runs, runs)), "neural, " + described + ", long runs apart");
        // The preset alone (the GUI's Properties): none for an older model.
        const QString expected = contextSet >= 0 ? QString() : preset;
        QCOMPARE(QString::fromStdString(nnz::codec_preset(nnz::CodecId::Neural, s.serialize())), expected);
        QCOMPARE(QString::fromStdString(nnz::codec_preset(nnz::CodecId::Runs, runs)), expected);
    }

    void contextSetIsOptionalInSettings()
    {
        // 0.3 wrote kinds 2-3 without the context set byte: such settings mean context set 0,
        // and settings with set 0 are still written that way.
        auto s = nnz::NeuralSettings::preset("default");
        QCOMPARE(s.context_set, uint8_t{6});
        s.features = 0;  // as 0.8 wrote them (featuresAreOptionalInSettings)
        const auto with_set = s.serialize();
        s.context_set = 0;
        const auto without = s.serialize();
        QCOMPARE(with_set.size(), without.size() + 1);
        QCOMPARE(nnz::NeuralSettings::deserialize(without).context_set, uint8_t{0});
        QCOMPARE(nnz::NeuralSettings::deserialize(with_set).context_set, uint8_t{6});
        // Kinds 0 and 1 have no context set: one more byte is bad data, not a set.
        auto kind1 = nnz::NeuralSettings::preset("default");
        kind1.model_kind = 1;
        kind1.context_set = 0;
        auto bytes = kind1.serialize();
        bytes.push_back(1);
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::NeuralSettings::deserialize(bytes));
    }

    void featuresAreOptionalInSettings()
    {
        // Settings before the model features (0.8: context set 6 or 7, 24 bytes) mean none; the
        // default and max presets have the genes' model now, one byte more; fast has none.
        auto s = nnz::NeuralSettings::preset("default");
        QCOMPARE(s.features, nnz::NeuralSettings::kTranslateGenes);
        QCOMPARE(nnz::NeuralSettings::preset("max").features, nnz::NeuralSettings::kTranslateGenes);
        QCOMPARE(nnz::NeuralSettings::preset("fast").features, uint8_t{0});
        const auto with_features = s.serialize();
        s.features = 0;
        const auto without = s.serialize();
        QCOMPARE(with_features.size(), without.size() + 1);
        QCOMPARE(nnz::NeuralSettings::deserialize(without).features, uint8_t{0});
        QCOMPARE(nnz::NeuralSettings::deserialize(with_features).features, nnz::NeuralSettings::kTranslateGenes);
        QCOMPARE(nnz::NeuralSettings::deserialize(with_features).context_set, uint8_t{6});
        // Below context set 5 the genes' model does not apply: nothing is written for it, and the
        // settings read back as they run (nnzip-bench --context-set 4 round-trips).
        auto older_set = nnz::NeuralSettings::preset("default");
        older_set.context_set = 4;
        QCOMPARE(older_set.active_features(), uint8_t{0});
        QCOMPARE(older_set.serialize().size(), without.size());
        QCOMPARE(nnz::NeuralSettings::deserialize(older_set.serialize()).features, uint8_t{0});
    }

    void proteinsAfterTheirGenomeArePredicted_data()
    {
        QTest::addColumn<bool>("ecoli");  // else made up (synthetic_genome.hpp)
        QTest::addColumn<int>("lanes");
        QTest::addColumn<int>("permille");  // with the genes' model at most this / 1000 of the size without
        // Measured: 10,652 -> 7,080 bytes (0.665x); in four lanes, where the proteome's lanes
        // run beside the genome's, 10,676 -> 8,914 (0.835x); E. coli 53,475 -> 37,568 (0.703x).
        QTest::newRow("made-up genome and proteome, one lane") << false << 1 << 750;
        QTest::newRow("made-up genome and proteome, four lanes") << false << 4 << 900;
        QTest::newRow("E. coli: 150 KB of the genome, 40 KB of its proteome") << true << 1 << 780;
    }
    void proteinsAfterTheirGenomeArePredicted()
    {
        // A proteome after its genome in one block: with the genes' model (TranslationModel) the
        // proteins cost a fraction of what they cost without; both round-trip, in one lane and in
        // four (where a lane sees only what the lanes have coded so far).
        QFETCH(bool, ecoli);
        QFETCH(int, lanes);
        QFETCH(int, permille);
        std::vector<uint8_t> data;
        if (ecoli) {
            data = read_prefix(QStringLiteral(NNZ_CORPUS_DIR "/genomic/GCF_000005845.2_ASM584v2_genomic.fna"), 150000);
            auto proteome = read_prefix(QStringLiteral(NNZ_CORPUS_DIR "/genomic/GCF_000005845.2_ASM584v2_protein.faa"), 40000);
            QCOMPARE(data.size() + proteome.size(), size_t{190000});
            const std::string text(proteome.begin(), proteome.end());
            proteome.resize(text.rfind("\n>") + 1);  // whole records
            data.insert(data.end(), proteome.begin(), proteome.end());
        } else {
            const auto sample = nnz_test::synthetic_genome(3, 60, 120, true);
            data.assign(sample.genome.begin(), sample.genome.end());
            data.insert(data.end(), sample.proteome.begin(), sample.proteome.end());
        }
        auto s = small_settings();
        s.lanes = static_cast<uint16_t>(lanes);
        std::array<size_t, 2> packed{};
        for (const uint8_t features : {uint8_t{0}, nnz::NeuralSettings::kTranslateGenes}) {
            s.features = features;
            size_t size = 0;
            QVERIFY(round_trip(s, data, &size) == data);
            packed[features] = size;
        }
        qInfo("%zu bytes: %zu packed without the genes' model, %zu with", data.size(), packed[0], packed[1]);
        QVERIFY2(packed[1] * 1000 <= packed[0] * static_cast<size_t>(permille), qPrintable(QString("%1 -> %2 bytes").arg(packed[0]).arg(packed[1])));
    }

    void hostileSettingsAreDataErrors_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("value");
        QTest::newRow("model version") << 0 << 9;
        QTest::newRow("model kind") << 2 << 4;
        QTest::newRow("hidden 0") << 3 << 0;
        QTest::newRow("lanes 0") << 5 << 0;
        QTest::newRow("train steps 0") << 7 << 0;
        QTest::newRow("lr shift 0") << 9 << 0;
        QTest::newRow("orders beyond 6") << 14 << 0x7F;
        QTest::newRow("hash bits 40") << 15 << 40;
        QTest::newRow("hash bits 22 (4 x 2 GiB of context rows)") << 15 << 22;
        QTest::newRow("mixer table bits 40") << 18 << 40;
        QTest::newRow("mixer table bits 2") << 18 << 2;
        QTest::newRow("counter limit 0") << 19 << 0;
        QTest::newRow("mixer rate 0") << 21 << 0;
        QTest::newRow("apm rate 0") << 22 << 0;
        QTest::newRow("context set 0 written out") << 23 << 0;
        QTest::newRow("unknown context set") << 23 << 8;
        QTest::newRow("model features 0 written out") << 24 << 0;
        QTest::newRow("unknown model feature") << 24 << 2;
        QTest::newRow("the genes with context set 4") << 23 << 4;
    }
    void hostileSettingsAreDataErrors()
    {
        QFETCH(int, offset);
        QFETCH(int, value);
        auto bytes = nnz::NeuralSettings::preset("default").serialize();
        bytes[offset] = static_cast<uint8_t>(value);
        if (offset == 3 || offset == 5 || offset == 7 || offset == 19) bytes[offset + 1] = 0;
        try {
            nnz::make_codec(nnz::CodecId::Neural, bytes);
            QFAIL("accepted hostile settings");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), nnz::ErrorCode::Data);
        }
        auto truncated = nnz::NeuralSettings::preset("default").serialize();
        truncated.resize(truncated.size() - 3);  // one and two bytes less are valid 0.8 and 0.3 settings
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::NeuralSettings::deserialize(truncated));
    }

    void tinyBlockTouchesLittleMemory_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("bytes");
        QTest::newRow("default, 1 byte") << "default" << 1;
        QTest::newRow("default, 4 KiB") << "default" << 4096;
        QTest::newRow("max, 1 byte") << "max" << 1;
    }
    void tinyBlockTouchesLittleMemory()
    {
        // The context tables are sized for big blocks (170 MiB of rows for the default preset, 570
        // MiB for max); a small block must pay only for the rows it touches.
#ifdef __SANITIZE_ADDRESS__
        QSKIP("ASan's allocator decides what calloc touches");
#endif
        QFETCH(QString, preset);
        QFETCH(int, bytes);
        std::vector<uint8_t> data(static_cast<size_t>(bytes));
        for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>("tiny block "[i % 11]);
        if (!reset_peak_rss() || process_status_kib("VmHWM") < 0) QSKIP("no /proc/self/clear_refs or VmHWM here");
        const long before = process_status_kib("VmHWM");
        QCOMPARE(round_trip(nnz::NeuralSettings::preset(preset.toStdString()), data), data);
        const long grown = process_status_kib("VmHWM") - before;
        qInfo("peak RSS grew by %ld KiB", grown);
        QVERIFY2(grown < 48 * 1024, qPrintable(QString("peak RSS grew by %1 KiB").arg(grown)));
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

    void memoryBoundHolds_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("bytes");
        // DNA touches the nucleotide tables, whose size does not shrink with the block.
        QTest::newRow("default, DNA") << "default" << QStringLiteral(NNZ_CORPUS_DIR "/large/E.coli") << 65536;
        QTest::newRow("default, text") << "default" << QStringLiteral(NNZ_CORPUS_DIR "/large/bible.txt") << 65536;
        QTest::newRow("default, spreadsheet") << "default" << QStringLiteral(NNZ_CORPUS_DIR "/cantrbry/kennedy.xls") << 200000;
        QTest::newRow("fast, text") << "fast" << QStringLiteral(NNZ_CORPUS_DIR "/large/world192.txt") << 200000;
        QTest::newRow("max, text") << "max" << QStringLiteral(NNZ_CORPUS_DIR "/large/world192.txt") << 200000;
        QTest::newRow("gpu, text (64 lanes)") << "gpu" << QStringLiteral(NNZ_CORPUS_DIR "/large/world192.txt") << 200000;
    }
    void memoryBoundHolds()
    {
        // What the container budgets blocks in flight by (BlockCodec::memory_for) must not be
        // less than what coding a block really takes: the growth of the resident set while a
        // child process encodes it (huge pages make every touched table region count in full).
        QFETCH(QString, preset);
        QFETCH(QString, file);
        QFETCH(int, bytes);
        const auto data = read_prefix(file, size_t(bytes));
        const auto settings = nnz::NeuralSettings::preset(preset.toStdString());
        const uint64_t bound_kib = settings.memory_for(data.size()) >> 10;
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            const long before = process_status_kib("VmRSS");
            nnz::JobControl control;
            const auto packed = nnz::make_neural_codec(settings)->encode(data, control);
            const long peak = process_status_kib("VmHWM");
            _exit(packed.empty() || before < 0 || peak < 0 ? 2 : static_cast<uint64_t>(peak - before) <= bound_kib ? 0 : 1);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QVERIFY2(WEXITSTATUS(status) == 0, qPrintable(QStringLiteral("the encoder took more than the bound of %1 KiB").arg(bound_kib)));
    }

    void memoryBoundGrowsWithTheBlock()
    {
        // Small blocks get small tables (mixer_table_bits_for), big ones the preset's, and max's
        // context rows come on top.
        const auto fast = nnz::NeuralSettings::preset("fast"), standard = nnz::NeuralSettings::preset("default"),
                   max = nnz::NeuralSettings::preset("max");
        QVERIFY(standard.memory_for(4096) < standard.memory_for(8u << 20));
        QCOMPARE(standard.memory_for(8u << 20) - standard.memory_for(4u << 20), uint64_t(16u << 20));  // same tables
        QVERIFY(fast.memory_for(8u << 20) < standard.memory_for(8u << 20));
        QVERIFY(max.memory_for(8u << 20) > standard.memory_for(8u << 20) + (500u << 20));
        // Two blocks in flight fit 1.25 GB (600 MiB a block before the genes' index of 16 MiB).
        QVERIFY(standard.memory_for(8u << 20) <= (616u << 20));
    }

    void cancelStopsEncoding_data()
    {
        QTest::addColumn<bool>("networkAhead");
        QTest::newRow("network in line") << false;
        // The thread running ahead is blocked on a full hand-over: it must be released.
        QTest::newRow("network ahead") << true;
    }
    void cancelStopsEncoding()
    {
        QFETCH(bool, networkAhead);
        nnz::JobControl control;
        control.request_cancel();
        auto s = small_settings();
        s.network_ahead = networkAhead;
        auto codec = nnz::make_neural_codec(s);
        std::vector<uint8_t> data(300000, 'a');
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
