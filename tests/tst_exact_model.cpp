// The tensor backend must reproduce the scalar reference bit for bit: every frequency table at
// every step and every master weight after thousands of training steps on real text.
#include <QtTest>

#include <fstream>
#include <iterator>

#include "coder/range_coder.hpp"
#include "neural/predictor.hpp"
#include "neural/quantizer.hpp"
#include "neural/tables.hpp"
#include "neural/torch_lstm.hpp"
#include "test_corpus.hpp"

namespace {

// Runs both backends over `steps` steps of text (lane b reads the text at offset b * steps) and
// returns the number of steps whose frequency tables differed.
int count_mismatching_steps(const nnz::ModelShape& shape, const std::vector<uint8_t>& text, int steps,
                            nnz::InspectablePredictor& a, nnz::InspectablePredictor& b)
{
    int mismatches = 0;
    std::vector<uint8_t> symbols(shape.lanes), active(shape.lanes);
    for (int t = 0; t < steps; ++t) {
        const auto fa = a.predict();
        const auto fb = b.predict();
        if (!std::equal(fa.begin(), fa.end(), fb.begin(), fb.end())) ++mismatches;
        for (int lane = 0; lane < shape.lanes; ++lane) {
            const size_t pos = size_t(lane) * steps + t;
            active[lane] = pos < text.size() ? 1 : 0;  // exercise inactive lanes at the end
            symbols[lane] = active[lane] ? text[pos] : 0;
        }
        a.learn(symbols, active);
        b.learn(symbols, active);
    }
    return mismatches;
}

}  // namespace

class TestExactModel : public QObject {
    Q_OBJECT
private slots:
    void tablesAreSane()
    {
        const auto& t = nnz::nonlinearity_tables();
        QCOMPARE(t.sigmoid.front(), 1);     // round(4096 * sigmoid(-8)) = round(1.37)
        QCOMPARE(t.sigmoid[32768], 2048);   // sigmoid(0) = 1/2
        QCOMPARE(t.sigmoid.back(), 4095);     // round(4096 * sigmoid(8 - 2^-12)) = round(4094.6)
        QCOMPARE(t.tanh[32768], 0);
        QCOMPARE(t.tanh.front(), -4096);
        QCOMPARE(t.exp.front(), int64_t(1) << 20);
        QVERIFY(std::is_sorted(t.sigmoid.begin(), t.sigmoid.end()));
        QVERIFY(std::is_sorted(t.exp.rbegin(), t.exp.rend()));
        QVERIFY(std::abs(nnz::portable_exp(1.0) - 2.718281828459045) < 1e-15);
        QVERIFY(std::abs(nnz::portable_exp(-20.0) - 2.061153622438558e-09) < 1e-22);
    }

    void quantizerSumsExactly_data()
    {
        QTest::addColumn<int>("spread");
        QTest::newRow("flat") << 0;
        QTest::newRow("moderate") << 300;
        QTest::newRow("extreme") << 100000;
    }
    void quantizerSumsExactly()
    {
        QFETCH(int, spread);
        std::array<int64_t, 256> logits;
        std::array<uint32_t, 256> freqs;
        for (int i = 0; i < 256; ++i) logits[i] = (i * 7919 % 256) * spread / 256;
        nnz::quantize_logits(logits, freqs);
        uint64_t sum = 0;
        for (uint32_t f : freqs) {
            QVERIFY(f >= 1);
            sum += f;
        }
        QCOMPARE(sum, uint64_t(nnz::kFreqTotal));
        const auto most = std::max_element(logits.begin(), logits.end()) - logits.begin();
        QCOMPARE(std::max_element(freqs.begin(), freqs.end()) - freqs.begin(), most);
    }

    void torchMatchesReference_data()
    {
        QTest::addColumn<int>("hidden");
        QTest::addColumn<int>("lanes");
        QTest::addColumn<int>("trainSteps");
        QTest::addColumn<int>("lrShift");
        QTest::addColumn<int>("steps");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("contextOrders");
        QTest::newRow("small, text") << 16 << 3 << 8 << 10 << 2400 << "cantrbry/alice29.txt" << 0x0F;
        QTest::newRow("wider, source code") << 48 << 8 << 16 << 2 << 2000 << "calgary/progc" << 0x0F;
        QTest::newRow("fast learning, binary") << 32 << 5 << 4 << 1 << 2000 << "cantrbry/kennedy.xls" << 0x05;
        QTest::newRow("network only, text") << 24 << 4 << 8 << 3 << 2000 << "cantrbry/lcet10.txt" << 0;
    }
    void torchMatchesReference()
    {
        QFETCH(int, hidden);
        QFETCH(int, lanes);
        QFETCH(int, trainSteps);
        QFETCH(int, lrShift);
        QFETCH(int, steps);
        QFETCH(QString, file);
        QFETCH(int, contextOrders);
        nnz::ModelShape shape{hidden, lanes, trainSteps, lrShift, 7};
        shape.context.orders = static_cast<uint8_t>(contextOrders);
        // The last lane runs out of text part way: inactive lanes must be handled identically.
        const auto text = corpus_bytes(file.toUtf8().constData(), size_t(lanes) * steps - steps / 3);
        QVERIFY(text.size() > size_t(lanes - 1) * steps);
        auto reference = nnz::make_inspectable_predictor(shape, nnz::Backend::Reference);
        auto tensor = nnz::make_inspectable_predictor(shape, nnz::Backend::Torch);
        QVERIFY(reference->weights() == tensor->weights());
        const auto before = reference->weights();
        QCOMPARE(count_mismatching_steps(shape, text, steps, *reference, *tensor), 0);
        QVERIFY2(reference->weights() == tensor->weights(), "weights differ after training");
        QVERIFY2(!(reference->weights() == before), "training changed nothing: the test would prove nothing");
    }

    void threadCountDoesNotMatter()
    {
        const nnz::ModelShape shape{64, 16, 16, 12, 3};
        const auto text = corpus_bytes("cantrbry/lcet10.txt", 16 * 600);
        const int saved = nnz::torch_threads();
        nnz::torch_set_threads(1);
        auto one = nnz::make_inspectable_predictor(shape, nnz::Backend::Torch);
        std::vector<std::vector<uint32_t>> first;
        std::vector<uint8_t> symbols(16), active(16, 1);
        for (int t = 0; t < 600; ++t) {
            const auto f = one->predict();
            first.emplace_back(f.begin(), f.end());
            for (int b = 0; b < 16; ++b) symbols[b] = text[b * 600 + t];
            one->learn(symbols, active);
        }
        nnz::torch_set_threads(2);
        auto two = nnz::make_inspectable_predictor(shape, nnz::Backend::Torch);
        for (int t = 0; t < 600; ++t) {
            const auto f = two->predict();
            QVERIFY2(std::equal(f.begin(), f.end(), first[t].begin(), first[t].end()), qPrintable(QString("step %1").arg(t)));
            for (int b = 0; b < 16; ++b) symbols[b] = text[b * 600 + t];
            two->learn(symbols, active);
        }
        QVERIFY(one->weights() == two->weights());
        nnz::torch_set_threads(saved);
    }
};

QTEST_GUILESS_MAIN(TestExactModel)
#include "tst_exact_model.moc"
