// BackgroundPageFaults (core/background_page_faults.hpp): maps a table's pages ahead of the coder
// on another thread. It must never change what the table holds, even while the coder writes to
// it at the same time, and it must stop early when the table goes before it is done.
#include <QtTest>

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "background_page_faults.hpp"
#include "process_status.hpp"
#include "zeroed_array.hpp"

namespace {

std::vector<std::span<std::byte>> regions_of(nnz::ZeroedArray<uint32_t>& table)
{
    return {std::as_writable_bytes(table.span())};
}

}  // namespace

class TestBackgroundPageFaults : public QObject {
    Q_OBJECT
private slots:
    void keepsWhatTheCoderWrites_data()
    {
        QTest::addColumn<qulonglong>("mib");
        QTest::addColumn<bool>("hugePages");
        QTest::newRow("48 MiB, small pages") << 48ull << false;
        QTest::newRow("48 MiB, huge pages") << 48ull << true;
        QTest::newRow("an odd size") << 3ull << true;
    }
    void keepsWhatTheCoderWrites()
    {
        QFETCH(qulonglong, mib);
        QFETCH(bool, hugePages);
        const size_t count = (size_t{mib} << 20) / sizeof(uint32_t) + 13;
        nnz::ZeroedArray<uint32_t> table(count, hugePages);
        // Written while the other thread maps the same pages: every value must survive.
        nnz::BackgroundPageFaults faults(regions_of(table));
        for (size_t i = 0; i < count; i += 1021) table[i] = static_cast<uint32_t>(i * 2654435761u) | 1u;
        faults = nnz::BackgroundPageFaults();  // joins the thread
        for (size_t i = 0; i < count; ++i) {
            const uint32_t expected = i % 1021 == 0 ? static_cast<uint32_t>(i * 2654435761u) | 1u : 0u;
            if (table[i] != expected) QFAIL(qPrintable(QString("element %1 is %2, not %3").arg(i).arg(table[i]).arg(expected)));
        }
    }

    void mapsThePagesAhead()
    {
        const long before = process_status_kib("VmRSS");
        if (before < 0) QSKIP("no /proc/self/status here");
        constexpr size_t kBytes = size_t{64} << 20;
        nnz::ZeroedArray<uint32_t> table(kBytes / sizeof(uint32_t), true);
        nnz::BackgroundPageFaults faults(regions_of(table));
        // Nothing is written here: whatever becomes resident was mapped by the other thread.
        QTRY_VERIFY_WITH_TIMEOUT(process_status_kib("VmRSS") - before >= 60 * 1024 || QTest::currentTestFailed(), 10000);
        const long grown = process_status_kib("VmRSS") - before;
        if (grown < 60 * 1024) QSKIP("this kernel cannot map pages ahead (MADV_POPULATE_WRITE, Linux 5.14)");
        QVERIFY(std::all_of(table.span().begin(), table.span().end(), [](uint32_t v) { return v == 0; }));
    }

    void endsBeforeItsTable()
    {
        // The table goes while its pages are still being mapped: the thread must stop and be
        // joined first (mapping after the unmap would fail or, worse, hit a new mapping there),
        // and everything comes back.
        const long before = process_status_kib("VmRSS");
        if (before < 0) QSKIP("no /proc/self/status here");
        for (int round = 0; round < 4; ++round) {
            nnz::ZeroedArray<uint32_t> table((size_t{256} << 20) / sizeof(uint32_t), true);
            nnz::BackgroundPageFaults faults(regions_of(table));
            table[static_cast<size_t>(round) << 20] = 1;
        }
        QVERIFY2(process_status_kib("VmRSS") - before < 64 * 1024, qPrintable(QString("%1 KiB still resident").arg(process_status_kib("VmRSS") - before)));
    }
};

QTEST_GUILESS_MAIN(TestBackgroundPageFaults)
#include "tst_background_page_faults.moc"
