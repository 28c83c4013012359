#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "coder/range_coder.hpp"
#include "error.hpp"

namespace {

using Freqs = std::array<uint32_t, 256>;

// Uniform integer in [0, n) from raw mt19937 output (portable, unlike std::uniform_int_distribution).
uint32_t below(std::mt19937& rng, uint32_t n)
{
    return static_cast<uint32_t>((uint64_t(rng()) * n) >> 32);
}

// Scales positive weights to frequencies >= 1 that sum to exactly kFreqTotal.
Freqs normalize(const std::array<double, 256>& weights)
{
    double total = 0;
    for (double w : weights) total += w;
    Freqs freq{};
    uint64_t sum = 0;
    for (int s = 0; s < 256; ++s) {
        freq[s] = 1 + static_cast<uint32_t>(std::floor(weights[s] / total * (nnz::kFreqTotal - 256)));
        sum += freq[s];
    }
    // Floors leave a remainder below 256: hand it to the most likely symbol.
    const auto top = std::max_element(freq.begin(), freq.end());
    *top += static_cast<uint32_t>(nnz::kFreqTotal - sum);
    return freq;
}

enum Shape { Flat = 0, Geometric = 1, Sparse = 2, Uniform = 3 };

Freqs random_frequencies(uint32_t seed, int shape)
{
    std::mt19937 rng(seed);
    std::array<double, 256> w{};
    for (int s = 0; s < 256; ++s) {
        switch (shape) {
        case Flat: w[s] = 1.0 + below(rng, 1000); break;
        case Geometric: w[s] = std::pow(0.93, double(below(rng, 256))); break;
        case Sparse: w[s] = below(rng, 16) == 0 ? 1000.0 + below(rng, 100000) : 0.0; break;
        default: w[s] = 1.0; break;
        }
    }
    if (shape == Uniform) {
        Freqs freq{};
        freq.fill(nnz::kFreqTotal / 256);
        return freq;
    }
    w[below(rng, 256)] += 1.0;  // never all zero
    return normalize(w);
}

// Draws symbols distributed exactly as the table says (uniform position in [0, kFreqTotal)).
std::vector<uint8_t> sample(const nnz::SymbolTable& table, size_t count, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::vector<uint8_t> symbols(count);
    for (auto& sym : symbols) {
        const uint32_t x = below(rng, nnz::kFreqTotal);
        const auto it = std::upper_bound(table.cum.begin(), table.cum.end(), x);
        sym = static_cast<uint8_t>(it - table.cum.begin() - 1);
    }
    return symbols;
}

// Σ −log2(freq/total) over the message, in bits.
double ideal_bits(const nnz::SymbolTable& table, std::span<const uint8_t> symbols)
{
    double bits = 0;
    for (uint8_t s : symbols) bits -= std::log2(double(table.freq(s)) / double(nnz::kFreqTotal));
    return bits;
}

std::vector<uint8_t> encode_all(const nnz::SymbolTable& table, std::span<const uint8_t> symbols)
{
    std::vector<uint8_t> out;
    nnz::RangeEncoder enc(out);
    for (uint8_t s : symbols) nnz::encode_symbol(enc, table, s);
    enc.finish();
    return out;
}

std::vector<uint8_t> decode_all(const nnz::SymbolTable& table, std::span<const uint8_t> coded, size_t count,
                                bool* overrun = nullptr)
{
    nnz::RangeDecoder dec(coded);
    std::vector<uint8_t> symbols(count);
    for (auto& s : symbols) s = nnz::decode_symbol(dec, table);
    if (overrun) *overrun = dec.overrun();
    return symbols;
}

// Round trip + size check shared by the data-driven tests. QVERIFY/QCOMPARE return from this
// helper only, so callers check QTest::currentTestFailed() afterwards.
void check_round_trip(const nnz::SymbolTable& table, const std::vector<uint8_t>& symbols)
{
    const std::vector<uint8_t> coded = encode_all(table, symbols);

    bool overrun = true;
    const std::vector<uint8_t> decoded = decode_all(table, coded, symbols.size(), &overrun);
    QVERIFY2(decoded == symbols, "decoded symbols differ from the coded ones");
    QVERIFY2(!overrun, "a complete stream must not report overrun");

    const double ideal_bytes = ideal_bits(table, symbols) / 8.0;
    const double limit = ideal_bytes * 1.0001 + 8.0;
    QVERIFY2(double(coded.size()) <= limit,
             qPrintable(QStringLiteral("coded %1 bytes, ideal %2, limit %3")
                            .arg(coded.size())
                            .arg(ideal_bytes, 0, 'f', 2)
                            .arg(limit, 0, 'f', 2)));
    // No code can beat the information content by more than the bytes it may leave implicit.
    QVERIFY2(double(coded.size()) >= ideal_bytes - 5.0,
             qPrintable(QStringLiteral("coded %1 bytes, below ideal %2").arg(coded.size()).arg(ideal_bytes)));
}

}  // namespace

class TestRangeCoder : public QObject {
    Q_OBJECT
private slots:
    void tableFromFrequencies()
    {
        Freqs freq = random_frequencies(7, Flat);
        const auto table = nnz::SymbolTable::from_frequencies(freq);
        uint32_t sum = 0;
        for (unsigned s = 0; s < 256; ++s) {
            QCOMPARE(table.cum[s], sum);
            QCOMPARE(table.freq(s), freq[s]);
            sum += freq[s];
        }
        QCOMPARE(table.cum[256], nnz::kFreqTotal);
    }

    void tableRejectsInvalid_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("zero frequency") << 0;
        QTest::newRow("sum too small") << 1;
        QTest::newRow("sum too large") << 2;
        QTest::newRow("sum wraps 32 bits") << 3;
    }
    void tableRejectsInvalid()
    {
        QFETCH(int, kind);
        Freqs freq{};
        freq.fill(nnz::kFreqTotal / 256);
        switch (kind) {
        case 0: freq[17] = 0; freq[18] += 256; break;
        case 1: freq[3] -= 1; break;
        case 2: freq[200] += 1; break;
        case 3: freq[0] = 0xFFFFFFFFu; freq[1] = 513; break;  // a 32-bit sum would wrap to kFreqTotal
        }
        bool thrown = false;
        try {
            (void)nnz::SymbolTable::from_frequencies(freq);
        } catch (const nnz::Error& e) {
            thrown = true;
            QCOMPARE(e.code(), nnz::ErrorCode::Internal);
        }
        QVERIFY(thrown);
    }

    void randomDistributions_data()
    {
        QTest::addColumn<uint>("seed");
        QTest::addColumn<int>("shape");
        QTest::addColumn<int>("count");
        QTest::newRow("flat seed 1") << 1u << int(Flat) << 200000;
        QTest::newRow("flat seed 2") << 2u << int(Flat) << 200000;
        QTest::newRow("geometric seed 3") << 3u << int(Geometric) << 200000;
        QTest::newRow("geometric seed 4") << 4u << int(Geometric) << 200000;
        QTest::newRow("sparse seed 5") << 5u << int(Sparse) << 200000;
        QTest::newRow("sparse seed 6") << 6u << int(Sparse) << 200000;
        QTest::newRow("uniform") << 7u << int(Uniform) << 200000;
        QTest::newRow("one symbol") << 8u << int(Flat) << 1;
        QTest::newRow("few symbols") << 9u << int(Geometric) << 7;
    }
    void randomDistributions()
    {
        QFETCH(uint, seed);
        QFETCH(int, shape);
        QFETCH(int, count);
        const auto table = nnz::SymbolTable::from_frequencies(random_frequencies(seed, shape));
        const auto symbols = sample(table, size_t(count), seed * 7919u + 1);
        check_round_trip(table, symbols);
    }

    // Symbols that do not follow the table (uniform bytes through a skewed table) still round-trip.
    void mismatchedDistribution()
    {
        const auto table = nnz::SymbolTable::from_frequencies(random_frequencies(11, Sparse));
        std::mt19937 rng(12);
        std::vector<uint8_t> symbols(100000);
        for (auto& s : symbols) s = static_cast<uint8_t>(rng());
        check_round_trip(table, symbols);
    }

    void extremeSkew_data()
    {
        QTest::addColumn<int>("likely");        // the symbol holding kFreqTotal - 255
        QTest::addColumn<int>("unlikelyEvery"); // every n-th symbol is an unlikely one (0: none)
        QTest::addColumn<int>("count");
        QTest::newRow("likely 0, only likely") << 0 << 0 << 1000000;
        QTest::newRow("likely 255, only likely") << 255 << 0 << 1000000;
        QTest::newRow("likely 128, only likely") << 128 << 0 << 1000000;
        QTest::newRow("likely 0, 1% unlikely") << 0 << 100 << 300000;
        QTest::newRow("likely 255, 1% unlikely") << 255 << 100 << 300000;
        QTest::newRow("likely 77, half unlikely") << 77 << 2 << 200000;
        QTest::newRow("likely 0, only unlikely") << 0 << 1 << 200000;
        QTest::newRow("likely 255, only unlikely") << 255 << 1 << 200000;
    }
    void extremeSkew()
    {
        QFETCH(int, likely);
        QFETCH(int, unlikelyEvery);
        QFETCH(int, count);
        Freqs freq{};
        freq.fill(1);
        freq[likely] = nnz::kFreqTotal - 255;
        const auto table = nnz::SymbolTable::from_frequencies(freq);

        std::mt19937 rng(uint32_t(likely * 1000 + unlikelyEvery));
        std::vector<uint8_t> symbols(static_cast<size_t>(count), static_cast<uint8_t>(likely));
        if (unlikelyEvery > 0) {
            for (size_t i = 0; i < symbols.size(); i += size_t(unlikelyEvery)) {
                uint8_t s = static_cast<uint8_t>(rng());
                if (s == likely) s = static_cast<uint8_t>(s + 1);
                symbols[i] = s;
            }
        }
        check_round_trip(table, symbols);
    }

    void everySymbolValue_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<uint>("seed");
        QTest::newRow("uniform table") << int(Uniform) << 0u;
        QTest::newRow("flat table") << int(Flat) << 21u;
        QTest::newRow("geometric table") << int(Geometric) << 22u;
        QTest::newRow("sparse table") << int(Sparse) << 23u;
    }
    void everySymbolValue()
    {
        QFETCH(int, shape);
        QFETCH(uint, seed);
        const auto table = nnz::SymbolTable::from_frequencies(random_frequencies(seed, shape));
        // Ascending, descending, and each value repeated: every symbol in every neighbourhood.
        std::vector<uint8_t> symbols;
        for (int s = 0; s < 256; ++s) symbols.push_back(uint8_t(s));
        for (int s = 255; s >= 0; --s) symbols.push_back(uint8_t(s));
        for (int s = 0; s < 256; ++s)
            for (int k = 0; k < 5; ++k) symbols.push_back(uint8_t(s));
        check_round_trip(table, symbols);
        if (QTest::currentTestFailed()) return;

        // Each symbol alone in its own stream.
        for (int s = 0; s < 256; ++s) {
            const std::vector<uint8_t> one{uint8_t(s)};
            const auto coded = encode_all(table, one);
            QCOMPARE(decode_all(table, coded, 1), one);
        }
    }

    void longStream_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<int>("count");
        QTest::newRow("geometric 2M") << int(Geometric) << 2000000;
        QTest::newRow("uniform 1M") << int(Uniform) << 1000000;
    }
    void longStream()
    {
        QFETCH(int, shape);
        QFETCH(int, count);
        const auto table = nnz::SymbolTable::from_frequencies(random_frequencies(31, shape));
        const auto symbols = sample(table, size_t(count), 32);
        check_round_trip(table, symbols);
    }

    // Raw API with a different total_bits (1..16) for every symbol.
    void mixedTotalBits_data()
    {
        QTest::addColumn<uint>("seed");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("mode");  // 0 random intervals, 1 narrowest intervals, 2 widest intervals
        QTest::newRow("random seed 41") << 41u << 300000 << 0;
        QTest::newRow("random seed 42") << 42u << 300000 << 0;
        QTest::newRow("narrow freq 1") << 43u << 100000 << 1;
        QTest::newRow("wide") << 44u << 100000 << 2;
    }
    void mixedTotalBits()
    {
        QFETCH(uint, seed);
        QFETCH(int, count);
        QFETCH(int, mode);
        struct Step {
            uint32_t cum, freq;
            unsigned bits;
        };
        std::mt19937 rng(seed);
        std::vector<Step> steps(static_cast<size_t>(count));
        double ideal = 0;
        for (auto& st : steps) {
            st.bits = 1 + below(rng, 16);
            const uint32_t total = 1u << st.bits;
            if (mode == 1) {
                st.freq = 1;
                st.cum = below(rng, total);
            } else if (mode == 2) {
                st.freq = total - below(rng, std::min<uint32_t>(total, 3));  // total, total-1, total-2
                st.cum = below(rng, total - st.freq + 1);
            } else {
                st.freq = 1 + below(rng, total);
                st.cum = below(rng, total - st.freq + 1);
            }
            ideal -= std::log2(double(st.freq) / double(total));
        }

        std::vector<uint8_t> out;
        nnz::RangeEncoder enc(out);
        for (const auto& st : steps) enc.encode(st.cum, st.freq, st.bits);
        enc.finish();

        nnz::RangeDecoder dec(out);
        for (size_t i = 0; i < steps.size(); ++i) {
            const auto& st = steps[i];
            const uint32_t t = dec.target(st.bits);
            if (t < st.cum || t >= st.cum + st.freq)
                QFAIL(qPrintable(QStringLiteral("step %1: target %2 outside [%3, %4) of 2^%5")
                                     .arg(i).arg(t).arg(st.cum).arg(st.cum + st.freq).arg(st.bits)));
            dec.consume(st.cum, st.freq, st.bits);
        }
        QVERIFY(!dec.overrun());
        const double ideal_bytes = ideal / 8.0;
        QVERIFY2(double(out.size()) <= ideal_bytes * 1.0001 + 8.0,
                 qPrintable(QStringLiteral("coded %1 bytes, ideal %2").arg(out.size()).arg(ideal_bytes)));
    }

    void emptyStream_data()
    {
        QTest::addColumn<int>("prefix");  // bytes already in the output vector
        QTest::newRow("empty vector") << 0;
        QTest::newRow("after other data") << 5;
    }
    void emptyStream()
    {
        QFETCH(int, prefix);
        std::vector<uint8_t> out(static_cast<size_t>(prefix), uint8_t{0xA5});
        nnz::RangeEncoder enc(out);
        enc.finish();
        QVERIFY(out.size() <= size_t(prefix) + 5);
        for (int i = 0; i < prefix; ++i) QCOMPARE(out[size_t(i)], uint8_t(0xA5));  // appends, never rewrites

        nnz::RangeDecoder dec(std::span<const uint8_t>(out).subspan(size_t(prefix)));
        QVERIFY(!dec.overrun());  // decoding nothing needs only the lookahead
    }

    // The encoder appends: a second stream after a first one decodes on its own.
    void appendsToExistingOutput()
    {
        const auto table = nnz::SymbolTable::from_frequencies(random_frequencies(51, Geometric));
        const auto first = sample(table, 5000, 52);
        const auto second = sample(table, 7000, 53);
        std::vector<uint8_t> out = encode_all(table, first);
        const size_t split = out.size();
        {
            nnz::RangeEncoder enc(out);
            for (uint8_t s : second) nnz::encode_symbol(enc, table, s);
            enc.finish();
        }
        QCOMPARE(std::vector<uint8_t>(out.begin(), out.begin() + split), encode_all(table, first));
        QCOMPARE(decode_all(table, std::span<const uint8_t>(out).first(split), first.size()), first);
        QCOMPARE(decode_all(table, std::span<const uint8_t>(out).subspan(split), second.size()), second);
    }

    void binaryDecisions_data()
    {
        QTest::addColumn<int>("totalBits");
        QTest::addColumn<int>("skew");  // 0: any probability; 1: mostly at the ends, as a confident model's
        QTest::newRow("12 bits (the mixer's), any p") << 12 << 0;
        QTest::newRow("12 bits, extreme p") << 12 << 1;
        QTest::newRow("16 bits, extreme p") << 16 << 1;
        QTest::newRow("1 bit (p1 = 1/2 only)") << 1 << 0;
    }
    void binaryDecisions()
    {
        // decode_bit() must give the bits back and agree, bit for bit and state for state, with
        // the general target()/consume() path that it replaces for binary decisions.
        QFETCH(int, totalBits);
        QFETCH(int, skew);
        const unsigned bits = static_cast<unsigned>(totalBits);
        const uint32_t total = 1u << bits;
        std::mt19937 rng(71 + totalBits + skew);
        std::vector<uint32_t> p1s(200000);
        std::vector<int> coded(p1s.size());
        for (size_t i = 0; i < p1s.size(); ++i) {
            uint32_t p = 1 + below(rng, total - 1);
            if (skew && below(rng, 4) != 0) p = below(rng, 2) ? 1 + below(rng, 3) : total - 1 - below(rng, 3);
            p1s[i] = total == 2 ? 1 : p;
            coded[i] = below(rng, total) < p1s[i] ? 1 : 0;  // drawn from the probability itself
        }
        std::vector<uint8_t> out;
        nnz::RangeEncoder enc(out);
        for (size_t i = 0; i < p1s.size(); ++i) enc.encode_bit(coded[i], p1s[i], bits);
        enc.finish();
        nnz::RangeDecoder fast(out), general(out);
        for (size_t i = 0; i < p1s.size(); ++i) {
            const int bit = general.target(bits) < p1s[i] ? 1 : 0;
            if (bit) general.consume(0, p1s[i], bits);
            else general.consume(p1s[i], total - p1s[i], bits);
            QCOMPARE(fast.decode_bit(p1s[i], bits), bit);
            QCOMPARE(bit, coded[i]);
        }
        QVERIFY(!fast.overrun());
    }

    void decodingPastTheEndSetsOverrun()
    {
        const auto table = nnz::SymbolTable::from_frequencies(random_frequencies(61, Flat));
        const auto symbols = sample(table, 10000, 62);
        const auto coded = encode_all(table, symbols);
        nnz::RangeDecoder dec(coded);
        for (size_t i = 0; i < symbols.size(); ++i) QCOMPARE(nnz::decode_symbol(dec, table), symbols[i]);
        QVERIFY(!dec.overrun());
        for (int i = 0; i < 64; ++i) (void)nnz::decode_symbol(dec, table);  // ~7.9 bits each
        QVERIFY(dec.overrun());
    }

    // Truncated or random input: no crash, no read outside the span (checked by planting bytes
    // right after it: if the decoder read them it would decode differently than from an exact copy
    // of the span padded with the zeros it promises), and overrun() when heavily truncated.
    void garbageAndTruncatedInput_data()
    {
        QTest::addColumn<int>("kind");     // 0 truncated valid stream, 1 random bytes, 2 all 0xFF
        QTest::addColumn<int>("keepPermille");
        QTest::addColumn<int>("length");   // garbage length (kinds 1, 2)
        QTest::newRow("truncated to nothing") << 0 << 0 << 0;
        QTest::newRow("truncated to 10%") << 0 << 100 << 0;
        QTest::newRow("truncated to 50%") << 0 << 500 << 0;
        QTest::newRow("truncated to 90%") << 0 << 900 << 0;
        QTest::newRow("truncated to 99%") << 0 << 990 << 0;
        QTest::newRow("random 0 bytes") << 1 << 0 << 0;
        QTest::newRow("random 1 byte") << 1 << 0 << 1;
        QTest::newRow("random 3 bytes") << 1 << 0 << 3;
        QTest::newRow("random 100 bytes") << 1 << 0 << 100;
        QTest::newRow("random 100000 bytes") << 1 << 0 << 100000;
        QTest::newRow("0xFF 1000 bytes") << 2 << 0 << 1000;
    }
    void garbageAndTruncatedInput()
    {
        QFETCH(int, kind);
        QFETCH(int, keepPermille);
        QFETCH(int, length);
        const size_t count = 200000;
        // A skewed table too, so garbage meets both wide and 1-wide intervals.
        const auto table = nnz::SymbolTable::from_frequencies(random_frequencies(71, Sparse));

        std::vector<uint8_t> input;
        if (kind == 0) {
            input = encode_all(table, sample(table, count, 72));
            input.resize(input.size() * size_t(keepPermille) / 1000);
        } else {
            std::mt19937 rng(uint32_t(length) + 73);
            input.resize(size_t(length));
            for (auto& b : input) b = kind == 2 ? 0xFF : static_cast<uint8_t>(rng());
        }

        // The span sits inside a larger buffer whose bytes after it are 0xC3, never zero.
        std::vector<uint8_t> planted(input);
        planted.resize(input.size() + 4096, 0xC3);
        const std::span<const uint8_t> span(planted.data(), input.size());
        // Reference: the same bytes followed by explicit zeros, as many as decoding can ask for.
        std::vector<uint8_t> padded(input);
        padded.resize(input.size() + count * 4 + 16, 0);

        nnz::RangeDecoder dec(span);
        nnz::RangeDecoder ref(padded);
        for (size_t i = 0; i < count; ++i) {
            const uint8_t a = nnz::decode_symbol(dec, table);
            const uint8_t b = nnz::decode_symbol(ref, table);
            if (a != b) QFAIL(qPrintable(QStringLiteral("symbol %1 differs: the decoder read outside its input").arg(i)));
        }
        QVERIFY(!ref.overrun());  // the padded copy really was long enough
        if (kind == 0 && keepPermille <= 900) QVERIFY2(dec.overrun(), "heavily truncated input must set overrun()");
        if (kind != 0 && length <= 100) QVERIFY2(dec.overrun(), "short garbage must set overrun()");
    }
};

QTEST_GUILESS_MAIN(TestRangeCoder)
#include "tst_range_coder.moc"
