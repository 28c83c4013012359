// AheadQueue (core/neural/ahead_queue.hpp): the hand-over of the network's inputs from the
// thread that computes them ahead to the coder. Every value arrives once and in order whatever
// the chunking, the producer never runs more than the allowed chunks ahead, a consumer that
// leaves releases a waiting producer, and a producer's failure reaches the consumer where the
// stream broke off.
#include <QtTest>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "error.hpp"
#include "neural/ahead_queue.hpp"

class TestAheadQueue : public QObject {
    Q_OBJECT
private slots:
    void valuesArriveInOrder_data()
    {
        QTest::addColumn<int>("values");
        QTest::addColumn<int>("firstChunk");
        QTest::addColumn<int>("largestChunk");
        QTest::addColumn<int>("chunksInFlight");
        QTest::newRow("one value") << 1 << 16 << 16 << 4;
        QTest::newRow("shorter than a chunk") << 10 << 16 << 16 << 4;
        QTest::newRow("exactly one chunk") << 16 << 16 << 16 << 4;
        QTest::newRow("many chunks, uneven tail") << 100003 << 1000 << 1000 << 4;
        QTest::newRow("growing chunks") << 100003 << 3 << 5000 << 2;
        QTest::newRow("one value a chunk, one in flight") << 5000 << 1 << 1 << 1;
    }
    void valuesArriveInOrder()
    {
        QFETCH(int, values);
        QFETCH(int, firstChunk);
        QFETCH(int, largestChunk);
        QFETCH(int, chunksInFlight);
        nnz::AheadQueue queue(static_cast<size_t>(firstChunk), static_cast<size_t>(largestChunk), static_cast<size_t>(chunksInFlight));
        std::jthread producer([&] {
            for (int i = 0; i < values; ++i)
                if (!queue.push(static_cast<int16_t>(i % 4093 - 2046))) return;
            queue.finish();
        });
        for (int i = 0; i < values; ++i) QCOMPARE(int(queue.pop()), i % 4093 - 2046);
        // The stream has ended: reading on is a bug, reported as one, not a hang.
        try {
            queue.pop();
            QFAIL("read past the end");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), nnz::ErrorCode::Internal);
        }
    }

    void producerStaysWithinTheChunksInFlight()
    {
        nnz::AheadQueue queue(10, 10, 2);
        std::atomic<int> pushed{0};
        std::jthread producer([&] {
            for (int i = 0; i < 1000; ++i) {
                if (!queue.push(1)) return;
                ++pushed;
            }
            queue.finish();
        });
        // Nothing read: two chunks handed on, the third filled and waiting, nothing beyond.
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        QCOMPARE(pushed.load(), 2 * 10 + 9);
        for (int i = 0; i < 10; ++i) QCOMPARE(int(queue.pop()), 1);  // takes a chunk: one more fits
        QTRY_COMPARE(pushed.load(), 3 * 10 + 9);
        queue.stop();
    }

    void consumerLeavingStopsTheProducer()
    {
        nnz::AheadQueue queue(4, 4, 1);
        std::atomic<bool> producer_returned{false};
        std::atomic<int> push_result{-1};
        std::jthread producer([&] {
            bool ok = true;
            for (int i = 0; i < 1000000 && ok; ++i) ok = queue.push(7);
            push_result = ok ? 1 : 0;
            producer_returned = true;
        });
        QCOMPARE(int(queue.pop()), 7);
        queue.stop();
        QTRY_VERIFY(producer_returned.load());
        QCOMPARE(push_result.load(), 0);
        QVERIFY(!queue.finish());
    }

    void producerFailureReachesTheConsumer()
    {
        nnz::AheadQueue queue(8, 8, 4);
        std::jthread producer([&] {
            for (int i = 0; i < 20; ++i) queue.push(static_cast<int16_t>(i));
            queue.fail(std::make_exception_ptr(nnz::Error(nnz::ErrorCode::Usage, "no CUDA device")));
        });
        // The 16 values handed on before the failure are read first; the 4 still being gathered
        // when it failed are lost with it.
        for (int i = 0; i < 16; ++i) QCOMPARE(int(queue.pop()), i);
        try {
            queue.pop();
            QFAIL("failure not reported");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), nnz::ErrorCode::Usage);
            QCOMPARE(QString::fromStdString(e.what()), QStringLiteral("no CUDA device"));
        }
    }
};

QTEST_GUILESS_MAIN(TestAheadQueue)
#include "tst_ahead_queue.moc"
