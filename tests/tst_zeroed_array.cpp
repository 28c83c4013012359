// ZeroedArray (core/zeroed_array.hpp): the model tables' storage. Zeroed, aligned as promised
// (the context mixer's two-slot buckets rely on it for their cache-line count), with or without
// huge pages, and released without leaks (the sanitizer build checks that).
#include <QtTest>

#include <cstdint>
#include <numeric>

#include "process_status.hpp"
#include "zeroed_array.hpp"

class TestZeroedArray : public QObject {
    Q_OBJECT
private slots:
    void zeroedAlignedAndWritable_data()
    {
        QTest::addColumn<qulonglong>("count");
        QTest::addColumn<bool>("hugePages");
        QTest::addColumn<qulonglong>("alignment");
        QTest::newRow("empty") << 0ull << false << 128ull;
        QTest::newRow("one element") << 1ull << false << 128ull;
        QTest::newRow("odd size") << 1000003ull << false << 128ull;
        QTest::newRow("huge pages, smaller than one") << 1000ull << true << (2ull << 20);
        QTest::newRow("huge pages, 3 MiB") << (3ull << 20) / 4 << true << (2ull << 20);
    }
    void zeroedAlignedAndWritable()
    {
        QFETCH(qulonglong, count);
        QFETCH(bool, hugePages);
        QFETCH(qulonglong, alignment);
        nnz::ZeroedArray<uint32_t> array(count, hugePages);
        QCOMPARE(array.size(), size_t(count));
        QVERIFY(array.data() != nullptr);
        QCOMPARE(reinterpret_cast<uintptr_t>(array.data()) % alignment, uintptr_t{0});
        const auto values = array.span();
        QVERIFY(std::all_of(values.begin(), values.end(), [](uint32_t v) { return v == 0; }));
        // Every element is backed by memory: write a pattern over all of it and read it back.
        std::iota(values.begin(), values.end(), 7u);
        for (size_t i = 0; i < values.size(); i += 4093) QCOMPARE(array[i], uint32_t(7 + i));
        if (!values.empty()) QCOMPARE(array[values.size() - 1], uint32_t(7 + values.size() - 1));
    }

    void movesOwnership()
    {
        nnz::ZeroedArray<uint8_t> a(4096, true);
        a[4095] = 9;
        uint8_t* const data = a.data();
        nnz::ZeroedArray<uint8_t> b(std::move(a));
        QCOMPARE(b.data(), data);
        QCOMPARE(b[4095], uint8_t{9});
        a = nnz::ZeroedArray<uint8_t>(16);  // the moved-from array takes a new one; both release theirs
        QCOMPARE(a[15], uint8_t{0});
    }

    void releasesEverythingItMapped()
    {
        // Huge-page arrays map one huge page more than they need and trim the ends; an array whose
        // size is not a whole number of pages must still give every mapped byte back.
        const long before = process_status_kib("VmSize");
        if (before < 0) QSKIP("no /proc/self/status here");
        for (int i = 0; i < 32; ++i) {
            nnz::ZeroedArray<uint32_t> odd(1000 + 7 * i, true);  // 4000+ bytes: not a page multiple
            odd[0] = 1;
        }
        QVERIFY2(process_status_kib("VmSize") - before < 1024, qPrintable(QString("%1 KiB still mapped").arg(process_status_kib("VmSize") - before)));
    }

    void impossibleSizeThrows()
    {
        QVERIFY_THROWS_EXCEPTION(std::bad_alloc, nnz::ZeroedArray<uint64_t>(size_t{1} << 45));  // 256 TiB
        QVERIFY_THROWS_EXCEPTION(std::bad_alloc, nnz::ZeroedArray<uint64_t>(size_t{1} << 62));  // bytes overflow size_t
    }
};

QTEST_GUILESS_MAIN(TestZeroedArray)
#include "tst_zeroed_array.moc"
