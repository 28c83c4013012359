// EntriesModel against real archives written by the core (store codec: fast and exact sizes).
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "entries_model.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"

namespace fs = std::filesystem;
using nnz::ui::EntriesModel;

namespace {

void writeFile(const fs::path& path, size_t size, char fill)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    const std::string bytes(size, fill);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

int rowOf(const EntriesModel& model, const QString& path)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.data(model.index(row, 0), EntriesModel::PathRole).toString() == path) return row;
    return -1;
}

}  // namespace

class TestEntriesModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void listsEveryEntry_data();
    void listsEveryEntry();
    void headersAndColumns();
    void packedSizesAddUp();
    void sortsNumericallyThroughProxy();
    void filtersByName_data();
    void filtersByName();
    void damagedArchiveLeavesModelUnchanged_data();
    void damagedArchiveLeavesModelUnchanged();
    void clearEmptiesTheModel();
    void duplicateNamesItsOriginal();

private:
    QTemporaryDir temp_;
    fs::path archive_;
};

void TestEntriesModel::initTestCase()
{
    QVERIFY(temp_.isValid());
    const fs::path root = fs::path(temp_.path().toStdString()) / "tree";
    writeFile(root / "big.bin", 300000, 'b');
    writeFile(root / "small.txt", 12, 's');
    writeFile(root / "medium.dat", 4000, 'm');
    writeFile(root / "sub" / "nested.txt", 900, 'n');
    writeFile(root / "empty.txt", 0, 'e');
    fs::create_symlink("small.txt", root / "link");
    archive_ = fs::path(temp_.path().toStdString()) / "model.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    const std::vector<fs::path> inputs{root};
    nnz::compress_paths(archive_, inputs, options, control);
}

void TestEntriesModel::listsEveryEntry_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qulonglong>("size");
    QTest::addColumn<QString>("displayName");
    QTest::newRow("root folder") << "tree" << 0ull << "tree/";
    QTest::newRow("large file") << "tree/big.bin" << 300000ull << "tree/big.bin";
    QTest::newRow("tiny file") << "tree/small.txt" << 12ull << "tree/small.txt";
    QTest::newRow("empty file") << "tree/empty.txt" << 0ull << "tree/empty.txt";
    QTest::newRow("nested file") << "tree/sub/nested.txt" << 900ull << "tree/sub/nested.txt";
    QTest::newRow("sub folder") << "tree/sub" << 0ull << "tree/sub/";
    QTest::newRow("symlink") << "tree/link" << 0ull << "tree/link → small.txt";
}

void TestEntriesModel::listsEveryEntry()
{
    QFETCH(QString, path);
    QFETCH(qulonglong, size);
    QFETCH(QString, displayName);
    EntriesModel model;
    model.load(archive_);
    QCOMPARE(model.rowCount(), 8);
    const int row = rowOf(model, path);
    QVERIFY2(row >= 0, qPrintable(path));
    QCOMPARE(model.data(model.index(row, EntriesModel::Name)).toString(), displayName);
    QCOMPARE(model.data(model.index(row, EntriesModel::Size), EntriesModel::SortRole).toULongLong(), size);
    const nnz::EntryInfo& e = model.entry(row);
    if (e.type == nnz::EntryType::File) {
        const QString checksum = model.data(model.index(row, EntriesModel::Checksum)).toString();
        QCOMPARE(checksum.size(), 16);
        QCOMPARE(checksum, QStringLiteral("%1").arg(e.content_hash, 16, 16, QChar('0')));
        QVERIFY(!model.data(model.index(row, EntriesModel::Size)).toString().isEmpty());
    } else {
        QVERIFY(model.data(model.index(row, EntriesModel::Checksum)).toString().isEmpty());
    }
    // Stored content costs 8 bits per byte; entries without content show no bpb.
    const QString bpb = model.data(model.index(row, EntriesModel::Bpb)).toString();
    if (size > 0) QCOMPARE(bpb, QStringLiteral("8.000"));
    else QVERIFY(bpb.isEmpty());
    QVERIFY(!model.data(model.index(row, EntriesModel::Modified)).toString().isEmpty());
}

void TestEntriesModel::headersAndColumns()
{
    EntriesModel model;
    QCOMPARE(model.columnCount(), int(EntriesModel::ColumnCount));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isOpen());
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    QCOMPARE(model.headerData(EntriesModel::Bpb, Qt::Horizontal).toString(), QStringLiteral("Bits/byte"));
}

void TestEntriesModel::packedSizesAddUp()
{
    EntriesModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.load(archive_);
    QCOMPARE(reset.count(), 1);
    QVERIFY(model.isOpen());
    QCOMPARE(model.totalSize(), quint64(300000 + 12 + 4000 + 900));
    QVERIFY(qAbs(model.totalPacked() - double(model.totalSize())) < 1.0);
    QVERIFY(model.blockCount() >= 1);
    QCOMPARE(model.codecNames(), QStringList{QStringLiteral("store")});
}

void TestEntriesModel::sortsNumericallyThroughProxy()
{
    EntriesModel model;
    model.load(archive_);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(EntriesModel::SortRole);
    proxy.sort(EntriesModel::Size, Qt::DescendingOrder);
    // Text sorting would put "900 bytes" above "300.0 KB"; numeric must not.
    QCOMPARE(proxy.data(proxy.index(0, 0), EntriesModel::PathRole).toString(), QStringLiteral("tree/big.bin"));
    QCOMPARE(proxy.data(proxy.index(1, 0), EntriesModel::PathRole).toString(), QStringLiteral("tree/medium.dat"));
    QCOMPARE(proxy.data(proxy.index(2, 0), EntriesModel::PathRole).toString(), QStringLiteral("tree/sub/nested.txt"));
    proxy.sort(EntriesModel::Name, Qt::AscendingOrder);
    QCOMPARE(proxy.data(proxy.index(0, 0), EntriesModel::PathRole).toString(), QStringLiteral("tree"));
}

void TestEntriesModel::filtersByName_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("rows");
    QTest::newRow("everything") << "" << 8;
    QTest::newRow("extension") << ".txt" << 3;
    QTest::newRow("case-insensitive") << "BIG" << 1;
    QTest::newRow("folder") << "sub" << 2;
    QTest::newRow("nothing") << "zzz" << 0;
}

void TestEntriesModel::filtersByName()
{
    QFETCH(QString, filter);
    QFETCH(int, rows);
    EntriesModel model;
    model.load(archive_);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(EntriesModel::PathRole);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterFixedString(filter);
    QCOMPARE(proxy.rowCount(), rows);
}

void TestEntriesModel::damagedArchiveLeavesModelUnchanged_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("truncated") << "truncate";
    QTest::newRow("flipped index byte") << "flip";
    QTest::newRow("empty file") << "empty";
    QTest::newRow("missing file") << "missing";
}

void TestEntriesModel::damagedArchiveLeavesModelUnchanged()
{
    QFETCH(QString, damage);
    const fs::path broken = fs::path(temp_.path().toStdString()) / ("broken-" + damage.toStdString() + ".nnz");
    if (damage != QLatin1String("missing")) {
        fs::copy_file(archive_, broken, fs::copy_options::overwrite_existing);
        const auto size = fs::file_size(broken);
        if (damage == QLatin1String("truncate")) fs::resize_file(broken, size / 2);
        if (damage == QLatin1String("empty")) fs::resize_file(broken, 0);
        if (damage == QLatin1String("flip")) {
            std::fstream file(broken, std::ios::in | std::ios::out | std::ios::binary);
            file.seekg(std::streamoff(size - 40));
            char byte = 0;
            file.read(&byte, 1);
            byte = char(byte ^ 0x5a);
            file.seekp(std::streamoff(size - 40));
            file.write(&byte, 1);
        }
    }
    EntriesModel model;
    model.load(archive_);
    bool threw = false;
    try {
        model.load(broken);
    } catch (const nnz::Error& e) {
        threw = true;
        QVERIFY(e.code() == nnz::ErrorCode::Data || e.code() == nnz::ErrorCode::Io);
    }
    QVERIFY(threw);
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.archive(), archive_);
}

void TestEntriesModel::clearEmptiesTheModel()
{
    EntriesModel model;
    model.load(archive_);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isOpen());
    QCOMPARE(model.totalSize(), quint64(0));
}

QTEST_MAIN(TestEntriesModel)
void TestEntriesModel::duplicateNamesItsOriginal()
{
    const fs::path root = fs::path(temp_.path().toStdString()) / "twins";
    writeFile(root / "medium.dat", 4000, 'm');
    writeFile(root / "sub" / "copy.dat", 4000, 'm');  // stored once, as a duplicate of medium.dat
    const fs::path archive = fs::path(temp_.path().toStdString()) / "twins.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{root}, options, control);
    EntriesModel model;
    model.load(archive);
    QCOMPARE(model.totalSize(), quint64(8000));
    QVERIFY(qAbs(model.totalPacked() - 4000.0) < 1.0);
    const int copy = rowOf(model, "twins/sub/copy.dat"), original = rowOf(model, "twins/medium.dat");
    QVERIFY(copy >= 0 && original >= 0);
    QVERIFY(model.entry(copy).duplicate);
    QCOMPARE(model.data(model.index(copy, EntriesModel::Name), Qt::ToolTipRole).toString(),
             QStringLiteral("twins/sub/copy.dat: the same content as twins/medium.dat, stored once"));
    QCOMPARE(model.data(model.index(original, EntriesModel::Name), Qt::ToolTipRole).toString(), QStringLiteral("twins/medium.dat"));
    QCOMPARE(model.data(model.index(copy, EntriesModel::Bpb)).toString(), QStringLiteral("0.000"));
    QCOMPARE(model.data(model.index(copy, EntriesModel::Checksum)).toString(),
             model.data(model.index(original, EntriesModel::Checksum)).toString());
}

#include "tst_entries_model.moc"
