#include <QtTest>

#include "checksum.hpp"

class TestChecksum : public QObject {
    Q_OBJECT
private slots:
    void streamMatchesOneShot_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("chunk");
        QTest::newRow("empty") << 0 << 1;
        QTest::newRow("one byte") << 1 << 1;
        QTest::newRow("odd chunks") << 100003 << 777;
        QTest::newRow("one chunk") << 65536 << 65536;
    }
    void streamMatchesOneShot()
    {
        QFETCH(int, size);
        QFETCH(int, chunk);
        std::vector<uint8_t> bytes(size);
        for (int i = 0; i < size; ++i) bytes[i] = static_cast<uint8_t>(i * 131 + (i >> 7));
        nnz::Xxh64Stream stream;
        for (int at = 0; at < size; at += chunk)
            stream.update(std::span(bytes).subspan(at, std::min(chunk, size - at)));
        QCOMPARE(stream.digest(), nnz::xxh64(bytes));
    }
    void knownValue()
    {
        // XXH64 of the empty input with seed 0 is a published constant.
        QCOMPARE(nnz::xxh64({}), uint64_t(0xEF46DB3751D8E999ull));
    }
};

QTEST_GUILESS_MAIN(TestChecksum)
#include "tst_checksum.moc"
