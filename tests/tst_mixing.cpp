// The parts of the bitwise model (core/mixing/ and the bit-predicting LSTM) on their own: bit
// history states, the mixer's instruction-set-specific loops against plain int64 arithmetic, the
// network's bit input from a byte distribution, and the bit LSTM's determinism and learning.
#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <iterator>
#include <random>

#include "mixing/apm.hpp"
#include "mixing/bit_history.hpp"
#include "mixing/fine_squash.hpp"
#include "mixing/nucleotide_model.hpp"
#include "mixing/context_mixer.hpp"
#include "mixing/inverted_repeat_model.hpp"
#include "mixing/markup_state.hpp"
#include "mixing/match_model.hpp"
#include "mixing/mixer.hpp"
#include "mixing/mixer_kernels.hpp"
#include "mixing/translation_model.hpp"
#include "neural/bit_lstm.hpp"
#include "synthetic_genome.hpp"
#include "test_corpus.hpp"

using nnz::mixing::BitHistory;

namespace {

uint8_t walk(const QString& bits)
{
    uint8_t state = 0;
    for (QChar c : bits) state = BitHistory::next(state, c == '1' ? 1 : 0);
    return state;
}

// Coding cost in bits of `data` under the bit LSTM alone (its own probabilities, squashed).
double bit_lstm_cost(const nnz::ModelShape& shape, const std::vector<uint8_t>& data, std::vector<int>* trace = nullptr)
{
    nnz::BitLstm model(shape);
    double bits = 0;
    const std::vector<uint8_t> active{1};
    for (uint8_t byte : data) {
        model.begin_step();
        int node = 1;
        for (int i = 7; i >= 0; --i) {
            const int bit = (byte >> i) & 1;
            const int stretched = model.predict_bit(0, node);
            if (trace) trace->push_back(stretched);
            const int p1 = nnz::mixing::squash(stretched);
            bits -= std::log2(bit ? p1 / 4096.0 : (4096 - p1) / 4096.0);
            model.learn_bit(0, node, bit);
            node = node * 2 + bit;
        }
        model.end_step(std::vector<uint8_t>{byte}, active);
    }
    return bits;
}

// Walks a copy model (match models' interface) through the bits of one byte.
template <typename Model>
void feed_bits(Model& model, uint8_t byte)
{
    int c0 = 1;
    for (int i = 7; i >= 0; --i) {
        model.input(c0);
        const int bit = (byte >> i) & 1;
        model.update_bit(bit);
        c0 = c0 * 2 + bit;
    }
}

}  // namespace

class TestMixing : public QObject {
    Q_OBJECT
private slots:
    void bitHistoryStatesFitAByte()
    {
        QCOMPARE(BitHistory::state_count(), 216);
        QCOMPARE(BitHistory::zeros(0), 0);
        QCOMPARE(BitHistory::ones(0), 0);
        // Every state's successors are states, and each keeps the bit it saw.
        for (int s = 0; s < BitHistory::state_count(); ++s) {
            const uint8_t one = BitHistory::next(static_cast<uint8_t>(s), 1);
            const uint8_t zero = BitHistory::next(static_cast<uint8_t>(s), 0);
            QVERIFY(one < BitHistory::state_count() && zero < BitHistory::state_count());
            QVERIFY(BitHistory::ones(one) >= std::min(BitHistory::ones(static_cast<uint8_t>(s)) + 1, BitHistory::kCountLimit));
            QVERIFY(BitHistory::zeros(zero) >= std::min(BitHistory::zeros(static_cast<uint8_t>(s)) + 1, BitHistory::kCountLimit));
        }
    }

    void bitHistoryCounts_data()
    {
        QTest::addColumn<QString>("bits");
        QTest::addColumn<int>("zeros");
        QTest::addColumn<int>("ones");
        QTest::newRow("nothing") << "" << 0 << 0;
        QTest::newRow("one 1") << "1" << 0 << 1;
        QTest::newRow("three 0s") << "000" << 3 << 0;
        QTest::newRow("alternating") << "0101" << 2 << 2;
        QTest::newRow("run, then the other bit discounts it") << "11111111" "0" << 1 << 5;
        QTest::newRow("a small count is kept") << "11" "0" << 1 << 2;
        QTest::newRow("saturates at the limit") << QString(40, '1') << 0 << 30;
        QTest::newRow("long run then flip") << QString(40, '0') + "1" << 16 << 1;
    }
    void bitHistoryCounts()
    {
        QFETCH(QString, bits);
        QFETCH(int, zeros);
        QFETCH(int, ones);
        const uint8_t state = walk(bits);
        QCOMPARE(BitHistory::zeros(state), zeros);
        QCOMPARE(BitHistory::ones(state), ones);
    }

    void initialCounterFollowsCounts_data()
    {
        QTest::addColumn<QString>("bits");
        QTest::addColumn<int>("p12");  // expected 12-bit probability of a 1
        QTest::newRow("unseen: 1/2") << "" << 2048;
        QTest::newRow("one 1: 3/4") << "1" << 3072;
        QTest::newRow("three 0s: 1/8") << "000" << 512;
    }
    void initialCounterFollowsCounts()
    {
        QFETCH(QString, bits);
        QFETCH(int, p12);
        QCOMPARE(nnz::mixing::counter_p12(BitHistory::initial_counter(walk(bits))), p12);
    }

    void mixerKernelsAreExact_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("seed");
        const auto kernels = nnz::mixing::runnable_mixer_kernels();
        for (int k = 0; k < static_cast<int>(kernels.size()); ++k)
            for (int count : {1, 7, 8, 33, 48, 63})
                for (int seed : {1, 2})
                    QTest::addRow("%s, %d inputs, seed %d", kernels[k].name, count, seed) << k << count << seed;
    }
    void mixerKernelsAreExact()
    {
        // Every instruction-set version this CPU can run must agree with plain int64
        // arithmetic, including at the extremes of the ranges.
        QFETCH(int, kernel);
        QFETCH(int, count);
        QFETCH(int, seed);
        const auto& kernels = nnz::mixing::runnable_mixer_kernels()[static_cast<size_t>(kernel)];
        std::mt19937 rng(static_cast<unsigned>(seed));
        constexpr int32_t limit = int32_t{1} << 22;
        std::vector<int> x(static_cast<size_t>(count));
        std::vector<int32_t> w(x.size());
        for (size_t i = 0; i < x.size(); ++i) {
            x[i] = i % 5 == 0 ? (i % 2 ? 2047 : -2047) : static_cast<int>(rng() % 4095) - 2047;
            w[i] = i % 3 == 0 ? (i % 2 ? limit : -limit) : static_cast<int32_t>(rng() % (2 * limit + 1)) - limit;
        }
        int64_t expected_dot = 0;
        for (size_t i = 0; i < x.size(); ++i) expected_dot += int64_t{x[i]} * w[i];
        QCOMPARE(kernels.dot(x.data(), w.data(), count), expected_dot);

        for (int32_t error : {4095 * 64, -4095 * 64, 1, -1, 12345}) {
            std::vector<int32_t> expected = w, got = w;
            for (size_t i = 0; i < x.size(); ++i) {
                const int64_t v = expected[i] + ((int64_t{x[i]} * error + 0x8000) >> 16);
                expected[i] = static_cast<int32_t>(std::clamp<int64_t>(v, -limit, limit));
            }
            kernels.train(x.data(), got.data(), count, error, limit);
            QCOMPARE(got, expected);
        }
    }

    void mixerSkipsBitsItPredictedClosely_data()
    {
        QTest::addColumn<int>("weight");  // the one input's starting weight (x = 2047)
        QTest::addColumn<int>("bit");
        QTest::addColumn<bool>("learns");
        // Weight 0.81: stretched 1664, p = 4089, 7/4096 from a 1 (the step would be 7 * rate).
        QTest::newRow("within 16/4096 of the bit: no step") << 53277 << 1 << false;
        QTest::newRow("the same prediction, the other bit") << 53277 << 0 << true;
        // Weight 0.5: p about 3900, farther from a 1.
        QTest::newRow("farther than 16/4096: a step") << 65536 / 2 << 1 << true;
    }
    void mixerSkipsBitsItPredictedClosely()
    {
        // Context set 4's mixers do not train on bits they predicted within 16/4096.
        QFETCH(int, weight);
        QFETCH(int, bit);
        QFETCH(bool, learns);
        using nnz::mixing::Mixer;
        constexpr int kRate = 6;
        const std::array<int, 1> x{2047};
        Mixer mixer(1, 1, weight);
        mixer.set_skip_below(16);
        const int p = mixer.predict(x, 0);
        const int distance = bit ? 4096 - p : p;
        QVERIFY2(distance * kRate > 16, "a prediction the mixer would learn from without the setting");
        QCOMPARE(distance < 16, !learns);
        mixer.update(bit, kRate);
        QCOMPARE(mixer.weight(0, 0) != weight, learns);
        // Without the setting the same prediction moves the weight.
        Mixer always(1, 1, weight);
        always.predict(x, 0);
        always.update(bit, kRate);
        QVERIFY(always.weight(0, 0) != weight);
    }

    void mixerWarmupScalesTheRate_data()
    {
        QTest::addColumn<int>("factor");      // the warm-up's factor for the first updates, x256
        QTest::addColumn<int>("rate");        // the settled rate
        QTest::addColumn<int>("applied");     // the rate the first update must use
        QTest::newRow("no warm-up") << 0 << 6 << 6;
        QTest::newRow("6x") << 6 * 256 << 6 << 36;
        QTest::newRow("1.5x, rounded down") << 384 << 5 << 7;
        QTest::newRow("capped at the largest rate") << 20 * 256 << 16 << nnz::mixing::Mixer::kMaxRate;
    }
    void mixerWarmupScalesTheRate()
    {
        // One weight set, one input: after one update from weight 0 the weight moved by
        // (x * error + 2^15) >> 16 with error = (bit * 4096 - p) * rate, so the move shows the rate
        // the mixer used. A warm-up factor that would overflow the products is capped.
        QFETCH(int, factor);
        QFETCH(int, rate);
        QFETCH(int, applied);
        using nnz::mixing::Mixer;
        const std::array<uint16_t, 2> factors{static_cast<uint16_t>(factor), 256};
        const std::array<int, 1> x{1024};
        Mixer mixer(1, 1, 0);
        if (factor != 0) mixer.set_warmup(factors);
        const int p = mixer.predict(x, 0);
        mixer.update(1, rate);
        QCOMPARE(mixer.weight(0, 0), (1024 * ((4096 - p) * applied) + 0x8000) >> 16);
        // Past the warm-up's steps the last factor (1x) holds.
        if (factor != 0) {
            Mixer settled(1, 1, 0);
            settled.set_warmup(factors);
            for (int i = 0; i < (2 << Mixer::kWarmupStepBits); ++i) {
                settled.predict(x, 0);
                settled.update(i % 2, rate);
            }
            const int32_t before = settled.weight(0, 0);
            const int q = settled.predict(x, 0);
            settled.update(1, rate);
            QCOMPARE(settled.weight(0, 0) - before, (1024 * ((4096 - q) * rate) + 0x8000) >> 16);
        }
    }

    void mixerSetsStartFromTheInitialWeights_data()
    {
        QTest::addColumn<int>("used");  // the weight set that predicts and learns
        QTest::addColumn<int>("other"); // one that is never used
        QTest::newRow("first and last") << 0 << 99;
        QTest::newRow("last and first") << 99 << 0;
        QTest::newRow("neighbours") << 41 << 42;
    }
    void mixerSetsStartFromTheInitialWeights()
    {
        // Weight sets are written only when first used; every set must still start from the
        // initial weights, learn on its own, and leave the others as they were.
        QFETCH(int, used);
        QFETCH(int, other);
        using nnz::mixing::Mixer;
        constexpr int kInputs = 21;  // not a multiple of a row's 16 entries
        std::vector<int32_t> initial(kInputs);
        for (int i = 0; i < kInputs; ++i) initial[static_cast<size_t>(i)] = (i - 10) * 1000;
        Mixer mixer(kInputs, 100, 0);
        mixer.set_initial_weights(initial);
        std::vector<int> x(kInputs);
        for (int i = 0; i < kInputs; ++i) x[static_cast<size_t>(i)] = 100 + 3 * i;
        int64_t dot = 0;
        for (int i = 0; i < kInputs; ++i) dot += int64_t{x[static_cast<size_t>(i)]} * initial[static_cast<size_t>(i)];
        const int p = mixer.predict(x, used);
        QCOMPARE(mixer.stretched_output(), dot >> 16);
        mixer.update(1, 16);
        for (int i = 0; i < kInputs; ++i) {
            const int32_t step = (x[static_cast<size_t>(i)] * ((4096 - p) * 16) + 0x8000) >> 16;
            QCOMPARE(mixer.weight(used, i), initial[static_cast<size_t>(i)] + step);
            QCOMPARE(mixer.weight(other, i), initial[static_cast<size_t>(i)]);
        }
        mixer.predict(x, other);
        QCOMPARE(mixer.stretched_output(), dot >> 16);
    }

    void matchModelFollowsAChangedByte_data()
    {
        QTest::addColumn<bool>("recover");
        QTest::newRow("context sets 0-2: the match ends") << false;
        QTest::newRow("context set 3: followed through") << true;
    }
    void matchModelFollowsAChangedByte()
    {
        // 200 bytes of noise, then the same bytes with byte 100 changed. After the change the
        // match model predicts from the copy again at once with recovery; without, it has no match
        // until kMinLength new bytes have been seen.
        QFETCH(bool, recover);
        std::mt19937 rng(3);
        std::vector<uint8_t> block(200);
        for (auto& b : block) b = static_cast<uint8_t>(rng());
        block.insert(block.end(), block.begin(), block.end());
        constexpr size_t kChanged = 300;
        block[kChanged] ^= 0x41;
        const nnz::mixing::LaneLayout layout(block.size(), 1);
        nnz::mixing::MatchModel match(layout, 16, recover);
        uint64_t history = 0;
        std::vector<bool> predicted(block.size());  // a usable prediction for the byte's first bit
        for (uint64_t pos = 0; pos < block.size(); ++pos) {
            match.begin_byte(block, 0, pos);
            int c0 = 1;
            for (int i = 7; i >= 0; --i) {
                const int input = match.input(c0);
                if (i == 7) predicted[pos] = input != 0;
                const int bit = (block[pos] >> i) & 1;
                match.update_bit(bit);
                c0 = c0 * 2 + bit;
            }
            history = history << 8 | block[pos];
            match.end_byte(block, 0, pos, history, pos + 1);
        }
        QVERIFY(predicted[250] && predicted[kChanged]);  // the copy was found long before the change
        for (size_t pos = kChanged + 1; pos <= kChanged + nnz::mixing::MatchModel::kMinLength; ++pos)
            QVERIFY2(predicted[pos] == recover, qPrintable(QString("byte %1").arg(pos)));
        QVERIFY(predicted[kChanged + 20]);  // found again either way
    }

    void longMatchModelTakesOnlyLongRepeats()
    {
        // X (64 random bytes), noise, Y (X with every 8th byte changed), noise, X again. While Y
        // is coded, the match model of 6 bytes predicts from X's pieces of 7 unchanged bytes; the
        // long one (context set 5) never does, since no 16 bytes of X occur in Y. In the second
        // X both predict every byte from the 16th on: the long one from the first X.
        std::mt19937 rng(7);
        auto random_bytes = [&](size_t n) {
            std::vector<uint8_t> bytes(n);
            for (auto& b : bytes) b = static_cast<uint8_t>(rng());
            return bytes;
        };
        const std::vector<uint8_t> x = random_bytes(64);
        std::vector<uint8_t> y = x;
        for (size_t i = 7; i < y.size(); i += 8) y[i] ^= 0x5A;
        std::vector<uint8_t> block = x;
        block.insert(block.end(), 300, 0);
        std::generate(block.end() - 300, block.end(), [&] { return static_cast<uint8_t>(rng()); });
        const size_t y_start = block.size();
        block.insert(block.end(), y.begin(), y.end());
        for (int i = 0; i < 300; ++i) block.push_back(static_cast<uint8_t>(rng()));
        const size_t second = block.size();
        block.insert(block.end(), x.begin(), x.end());

        using nnz::mixing::MatchModel;
        const nnz::mixing::LaneLayout layout(block.size(), 1);
        MatchModel short_model(layout, 16, true), long_model(layout, 16, true, MatchModel::kLongMinLength);
        std::array<int, 2> in_y{}, right_in_second{};  // [short, long]
        uint64_t history = 0, older = 0;
        for (uint64_t pos = 0; pos < block.size(); ++pos) {
            for (int m = 0; m < 2; ++m) {
                MatchModel& model = m == 0 ? short_model : long_model;
                model.begin_byte(block, 0, pos);
                if (pos >= y_start && pos < y_start + y.size() && model.state(0) != 0) ++in_y[static_cast<size_t>(m)];
                int c0 = 1;
                for (int i = 7; i >= 0; --i) {
                    model.input(c0);
                    // Still predicting at the last bit, and that bit right: the whole byte was.
                    if (i == 0 && pos >= second + MatchModel::kLongMinLength) {
                        const int state = model.state(7);
                        right_in_second[static_cast<size_t>(m)] += state != 0 && (state & 1) == (block[pos] & 1);
                    }
                    const int bit = (block[pos] >> i) & 1;
                    model.update_bit(bit);
                    c0 = c0 * 2 + bit;
                }
            }
            older = older << 8 | history >> 56;
            history = history << 8 | block[pos];
            short_model.end_byte(block, 0, pos, history, pos + 1);
            long_model.end_byte(block, 0, pos, history, pos + 1, older);
        }
        const int bytes = static_cast<int>(x.size()) - MatchModel::kLongMinLength;
        qInfo("bytes of Y predicted: short model %d, long model %d; bytes 16-63 of the second X: %d and %d of %d", in_y[0],
              in_y[1], right_in_second[0], right_in_second[1], bytes);
        QVERIFY(in_y[0] >= 10);  // measured: 16
        QCOMPARE(in_y[1], 0);
        QCOMPARE(right_in_second[1], bytes);
    }

    void invertedRepeatModelFollowsTheOtherStrand()
    {
        // X (300 random bases in lines of 60), 300 other random bases, then the reverse
        // complement of X's first 200 bases. From its kLength-th base on, the model predicts
        // every base of it (across X's line ends), and none of the random bases between.
        std::mt19937 rng(11);
        const char* acgt = "ACGT";
        std::string x;
        for (int i = 0; i < 300; ++i) x += acgt[rng() % 4];
        std::string block;
        for (size_t i = 0; i < x.size(); i += 60) block += x.substr(i, 60) + "\n";
        const size_t middle = block.size();
        for (int i = 0; i < 300; ++i) block += acgt[rng() % 4];
        const size_t copy = block.size();
        for (int i = 199; i >= 0; --i) block += "TGCA"[std::string_view(acgt).find(x[static_cast<size_t>(i)])];
        const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(block.data()), block.size());

        using nnz::mixing::InvertedRepeatModel;
        const nnz::mixing::LaneLayout layout(block.size(), 1);
        InvertedRepeatModel model(layout, 16);
        int in_middle = 0, right_in_copy = 0, wrong_in_copy = 0;
        uint64_t bases = 0;
        for (uint64_t pos = 0; pos < block.size(); ++pos) {
            model.begin_byte(bytes, 0, pos, true);
            const int expected = model.expected_byte();
            if (pos >= middle && pos < copy && expected >= 0) ++in_middle;
            if (pos >= copy + InvertedRepeatModel::kLength) (expected == bytes[pos] ? right_in_copy : wrong_in_copy)++;
            feed_bits(model, bytes[pos]);
            const size_t base = std::string_view(acgt).find(static_cast<char>(bytes[pos]));
            if (base != std::string_view::npos) bases = bases << 2 | base;
            model.end_byte(bytes, 0, pos, bases, base == std::string_view::npos ? -1 : static_cast<int>(base));
        }
        QCOMPARE(in_middle, 0);
        QCOMPARE(wrong_in_copy, 0);
        QCOMPARE(right_in_copy, 200 - InvertedRepeatModel::kLength);
    }

    void geneticCodeIsTheStandardOne()
    {
        // Every codon against the test's own table (synthetic_genome.hpp), bases numbered as
        // nucleotide_code() numbers them.
        const std::string acgt = "ACGT";
        for (int codon = 0; codon < 64; ++codon) {
            const std::string bases{acgt[static_cast<size_t>(codon / 16)], acgt[static_cast<size_t>(codon / 4 % 4)], acgt[static_cast<size_t>(codon % 4)]};
            QCOMPARE(nnz::mixing::translate_codon(codon), nnz_test::amino_acid_of(bases));
        }
        QCOMPARE(nnz::mixing::translate_codon(0b001110), 'M');  // ATG
        QCOMPARE(nnz::mixing::translate_codon(0b110000), '*');  // TAA
    }

    void translationModelPredictsProteinsFromGenes_data()
    {
        QTest::addColumn<bool>("bothStrands");
        QTest::addColumn<bool>("changeOneResidue");  // in the first protein, the 20th residue
        QTest::addColumn<bool>("proteomeFirst");
        QTest::addColumn<int>("lineWidth");
        QTest::newRow("genes on the forward strand") << false << false << false << 60;
        QTest::newRow("genes on both strands") << true << false << false << 60;
        QTest::newRow("lines of 80") << true << false << false << 80;
        QTest::newRow("a changed residue is followed through") << true << true << false << 60;
        QTest::newRow("proteome before the genome: nothing to follow") << true << false << true << 60;
    }
    void translationModelPredictsProteinsFromGenes()
    {
        // From the kResidues-th residue of each protein on, the model predicts every residue
        // (across line ends) and nothing wrong; inside the genome (in capitals) and on header
        // lines it predicts nothing.
        QFETCH(bool, bothStrands);
        QFETCH(bool, changeOneResidue);
        QFETCH(bool, proteomeFirst);
        QFETCH(int, lineWidth);
        using nnz::mixing::TranslationModel;
        auto sample = nnz_test::synthetic_genome(7, 24, 90, bothStrands, static_cast<size_t>(lineWidth));
        size_t changed_at = std::string::npos;
        if (changeOneResidue) {
            changed_at = sample.proteome.find('\n') + 1 + 19;
            sample.proteome[changed_at] = sample.proteome[changed_at] == 'W' ? 'Y' : 'W';
        }
        const std::string block = proteomeFirst ? sample.proteome + sample.genome : sample.genome + sample.proteome;
        const size_t proteome_start = proteomeFirst ? 0 : sample.genome.size();
        const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(block.data()), block.size());
        const nnz::mixing::LaneLayout layout(block.size(), 1);
        TranslationModel model(layout, 20);  // no index entry lost to another here
        int outside = 0, right = 0, wrong = 0;
        for (uint64_t pos = 0; pos < block.size(); ++pos) {
            model.begin_byte(bytes, 0, pos);
            const int expected = model.expected_byte();
            const bool in_proteome = pos >= proteome_start && pos < proteome_start + sample.proteome.size();
            if (expected >= 0) {
                if (!in_proteome || block[pos] == '\n') ++outside;
                else (expected == bytes[pos] ? right : wrong)++;
            }
            feed_bits(model, bytes[pos]);
            model.end_byte(bytes, 0, pos);
        }
        int predictable = 0;
        for (const auto& protein : sample.proteins) predictable += static_cast<int>(protein.size()) - TranslationModel::kResidues;
        QCOMPARE(outside, 0);
        if (proteomeFirst) {
            QCOMPARE(right + wrong, 0);
            return;
        }
        QCOMPARE(wrong, changeOneResidue ? 1 : 0);
        QCOMPARE(right, predictable - wrong);
    }

    void markupStateFollowsWikiAndXml_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("expected");
        using namespace nnz::mixing;
        QTest::newRow("inside a link") << QByteArray("see [[Paris") << int(kInternalLink);
        QTest::newRow("after a link") << QByteArray("see [[Paris]] and") << int(kNoMarkup);
        QTest::newRow("template") << QByteArray("{{cite web|url=") << int(kTemplate);
        QTest::newRow("single brace") << QByteArray("f(x) { return") << int(kNoMarkup);
        QTest::newRow("external link") << QByteArray("[http://example.org") << int(kExternalLink);
        QTest::newRow("after it") << QByteArray("[http://example.org site] more") << int(kNoMarkup);
        QTest::newRow("tag") << QByteArray("<title") << int(kTag);
        QTest::newRow("after a tag") << QByteArray("<title>Paris") << int(kNoMarkup);
        QTest::newRow("entity") << QByteArray("&quot") << int(kEntity);
        QTest::newRow("after an entity") << QByteArray("&quot;x") << int(kNoMarkup);
        QTest::newRow("heading") << QByteArray("text\n== History") << int(kHeadingLine);
        QTest::newRow("equals inside a line") << QByteArray("a = b") << int(kNoMarkup);
        QTest::newRow("table line") << QByteArray("\n| cell") << int(kTableLine);
        QTest::newRow("link in a table line") << QByteArray("\n| [[Lyon") << int(kInternalLink);
        QTest::newRow("line end ends all") << QByteArray("[[open\nnext") << int(kNoMarkup);
        QTest::newRow("parentheses") << QByteArray("rate 2.5% (1992") << int(kParentheses);
        QTest::newRow("after them") << QByteArray("rate 2.5% (1992) est") << int(kNoMarkup);
        QTest::newRow("parenthesis inside a link") << QByteArray("[[Paris (France") << int(kInternalLink);
    }

    void markupStateFollowsWikiAndXml()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, expected);
        int state = nnz::mixing::kNoMarkup;
        uint8_t before = 0;
        for (char c : text) {
            state = nnz::mixing::next_markup(state, before, static_cast<uint8_t>(c));
            before = static_cast<uint8_t>(c);
        }
        QCOMPARE(state, expected);
    }

    void bitInputFromBytes_data()
    {
        QTest::addColumn<int>("c0");
        QTest::addColumn<int>("bitIndex");
        QTest::addColumn<int>("expectedP12");
        // Bytes 0x00..0x7F have 3 times the weight of 0x80..0xFF: the first bit is 1 with p 1/4;
        // under a known prefix the split is even.
        QTest::newRow("first bit") << 1 << 0 << 1024;
        QTest::newRow("second bit after 0") << 2 << 1 << 2048;
        QTest::newRow("last bit") << 0xFF << 7 << 2048;
    }
    void fineSquashIsTheLogisticAt16Bits_data()
    {
        QTest::addColumn<int>("stretched");
        QTest::addColumn<int>("expected");  // 65536 / (1 + e^(-x/256)), rounded
        QTest::newRow("0") << 0 << 32768;
        QTest::newRow("+1 logit") << 256 << 47911;
        QTest::newRow("-1 logit") << -256 << 17625;
        QTest::newRow("+8 logits") << 2048 << 65514;
        QTest::newRow("+11 logits") << 2816 << 65535;
        QTest::newRow("-11 logits") << -2816 << 1;
        QTest::newRow("beyond the limit") << 100000 << 65535;
        QTest::newRow("far below") << -100000 << 1;
    }
    void fineSquashIsTheLogisticAt16Bits()
    {
        QFETCH(int, stretched);
        QFETCH(int, expected);
        QCOMPARE(nnz::mixing::fine_squash(stretched), expected);
    }

    void fineSquashAgreesWithTheCoarseOne()
    {
        // Monotone, symmetric, and within the 12-bit squash's interpolation error of it (its 33
        // knots are up to 13/4096 off the curve).
        using namespace nnz::mixing;
        int previous = 0, worst = 0;
        for (int x = -kFineStretchLimit; x <= kFineStretchLimit; ++x) {
            const int fine = fine_squash(x);
            QVERIFY(fine >= previous);
            previous = fine;
            QVERIFY(std::abs(fine + fine_squash(-x) - kFineProbOne) <= 1);
            if (std::abs(x) <= kStretchLimit) worst = std::max(worst, std::abs(fine - 16 * squash(x)));
        }
        qInfo("largest difference from the 12-bit squash: %d / 65536", worst);
        QVERIFY(worst <= 16 * 16);
    }

    void apmRefinesAtEitherPrecision()
    {
        // The 16-bit refinement is the 12-bit one with four more bits, and both learn alike.
        using namespace nnz::mixing;
        Apm coarse(64), fine(64);
        std::mt19937 rng(3);
        for (int i = 0; i < 20000; ++i) {
            const int p = 1 + int(rng() % 4095), context = int(rng() % 64), bit = int(rng() % 3 == 0);
            const int refined = coarse.refine(p, context);
            const int refined_fine = fine.refine_fine(stretch(p), context);
            QCOMPARE(clamp_prob(refined_fine >> 4), refined);
            coarse.update(bit, 6);
            fine.update(bit, 6);
        }
    }

    void nucleotideModelLearnsBothStrands()
    {
        // Random bases S[0..40] with S[40] = T, counted one by one. Forwards, the 20 bases before
        // S[40] now predict T; on the other strand (inverted repeat), the complements of S[40] down
        // to S[21] are followed by the complement of S[20]. Checked at the decision "T or not"
        // (bit 3 of an ASCII base) through the order-20 input with the sharp prior.
        using namespace nnz::mixing;
        const std::string acgt = "ACGT";
        auto code = [&](char c) { return static_cast<int>(acgt.find(c)); };
        auto complement = [&](char c) { return acgt[static_cast<size_t>(3 - code(c))]; };
        auto push = [&](uint64_t bases, char c) { return (bases << 2) | static_cast<uint64_t>(code(c)); };
        std::mt19937 rng(9);
        std::string strand;
        for (int i = 0; i < 40; ++i) strand += acgt[rng() % 4];
        strand += 'T';
        NucleotideModel model(false);
        uint64_t bases = 0;
        for (char c : strand) {
            model.begin_byte(bases, true);
            bases = push(bases, c);
            model.learn(code(c), bases);
        }
        constexpr size_t kOrder20 = NucleotideModel::kViews * (NucleotideModel::kOrders - 1);  // the sharp input of order 20
        std::array<int, NucleotideModel::kInputs> inputs{};
        auto t_or_not = [&](const std::string& context, bool active) {
            uint64_t b = 0;
            for (char c : context) b = push(b, c);
            model.begin_byte(b, active);
            model.predict(inputs, 0b1010, 3);  // 'T' is 0x54: the first three bits 010, next 1
            return inputs[kOrder20];
        };
        QVERIFY2(t_or_not(strand.substr(20, 20), true) > 500, "forwards: T follows");
        std::string other_strand;
        for (size_t i = 40; i >= 21; --i) other_strand += complement(strand[i]);
        const int inverted = t_or_not(other_strand, true);
        if (complement(strand[20]) == 'T') QVERIFY2(inverted > 500, "inverted repeat: T follows");
        else QVERIFY2(inverted < -500, "inverted repeat: not T follows");
        // Outside DNA the model is silent.
        t_or_not(other_strand, false);
        QVERIFY(std::all_of(inputs.begin(), inputs.end(), [](int x) { return x == 0; }));
    }

    void bitInputFromBytes()
    {
        QFETCH(int, c0);
        QFETCH(int, bitIndex);
        QFETCH(int, expectedP12);
        std::array<uint32_t, 257> cum{};
        for (int i = 0; i < 256; ++i) cum[i + 1] = cum[i] + (i < 128 ? 3 : 1);
        QCOMPARE(nnz::mixing::bit_input_from_bytes(cum, c0, bitIndex), nnz::mixing::stretch(expectedP12));
    }

    void bitLstmIsDeterministicAndLearns_data()
    {
        QTest::addColumn<int>("hidden");
        QTest::addColumn<int>("trainSteps");
        QTest::newRow("H 4, T 32") << 4 << 32;
        QTest::newRow("H 8, T 16") << 8 << 16;
        QTest::newRow("H 32, T 8") << 32 << 8;
    }
    void bitLstmIsDeterministicAndLearns()
    {
        QFETCH(int, hidden);
        QFETCH(int, trainSteps);
        nnz::ModelShape shape;
        shape.hidden = hidden;
        shape.lanes = 1;
        shape.train_steps = trainSteps;
        shape.context.orders = 0;
        const auto text = corpus_bytes("cantrbry/alice29.txt", 6000);
        QVERIFY(text.size() == 6000);
        std::vector<int> first, second;
        const double cost = bit_lstm_cost(shape, text, &first);
        bit_lstm_cost(shape, text, &second);
        QCOMPARE(first, second);
        // On English text an order-0 model costs ~4.5 bits per byte; the LSTM alone must learn
        // well below the 8 bits it starts from.
        const double bpb = cost / static_cast<double>(text.size());
        qInfo("bit LSTM alone: %.3f bits per byte", bpb);
        QVERIFY2(bpb < 5.0, qPrintable(QString::number(bpb)));
    }
};

QTEST_GUILESS_MAIN(TestMixing)
#include "tst_mixing.moc"
