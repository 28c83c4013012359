// EntriesProxy over EntriesModel: folders first in either sort order, natural name order,
// numeric columns sorted as numbers, and a filter that keeps the folders leading to a match.
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

#include "entries_model.hpp"
#include "entries_proxy.hpp"
#include "tree_paths.hpp"
#include "zip_maker.hpp"

namespace fs = std::filesystem;
using nnz::ui::EntriesModel;
using nnz::ui::EntriesProxy;

namespace {

// The names of parent's children as the proxy orders them.
QStringList childNames(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row) names << model.index(row, 0, parent).data(EntriesModel::SortRole).toString();
    return names;
}

}  // namespace

class TestEntriesProxy : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void naturalOrder_data();
    void naturalOrder();
    void sorts_data();
    void sorts();
    void filters_data();
    void filters();

private:
    QTemporaryDir temp_;
    EntriesModel model_;
};

void TestEntriesProxy::initTestCase()
{
    QVERIFY(temp_.isValid());
    const fs::path zip = fs::path(temp_.path().toStdString()) / "mixed.zip";
    // Sizes: big 9, File1 3, file2 1, file10 2; folders "zeta" (1 byte) and "Alpha" (6 bytes).
    makeZip(zip, {{"top/file10.txt", "ab"},
                  {"top/big.bin", "123456789"},
                  {"top/zeta/z.txt", "z"},
                  {"top/File1.txt", "abc"},
                  {"top/Alpha/a.txt", "aaaaaa"},
                  {"top/file2.txt", "x"},
                  {"other.txt", "other"}});
    model_.load(zip);
}

void TestEntriesProxy::naturalOrder_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("order");
    QTest::newRow("numbers by value") << "file2" << "file10" << -1;
    QTest::newRow("a number only") << "9" << "10" << -1;
    QTest::newRow("longer than 64 bits") << "n99999999999999999999" << "n100000000000000000000" << -1;
    QTest::newRow("leading zeros") << "img007.png" << "img8.png" << -1;
    QTest::newRow("case ignored") << "apple" << "Banana" << -1;
    QTest::newRow("case orders only equals") << "File1" << "file1" << -1;
    QTest::newRow("prefix first") << "abc" << "abcd" << -1;
    QTest::newRow("same") << "same.txt" << "same.txt" << 0;
    QTest::newRow("digits before letters") << "a1" << "ab" << -1;
}

void TestEntriesProxy::naturalOrder()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, order);
    QCOMPARE(nnz::ui::naturalCompare(a, b), order);
    QCOMPARE(nnz::ui::naturalCompare(b, a), -order);
}

void TestEntriesProxy::sorts_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("ascending");
    QTest::addColumn<QStringList>("order");  // the children of "top"
    QTest::newRow("name, natural order, case ignored")
        << int(EntriesModel::Name) << true << QStringList{"Alpha", "zeta", "big.bin", "File1.txt", "file2.txt", "file10.txt"};
    QTest::newRow("name, descending: folders still first")
        << int(EntriesModel::Name) << false << QStringList{"zeta", "Alpha", "file10.txt", "file2.txt", "File1.txt", "big.bin"};
    QTest::newRow("size as a number, not as text")
        << int(EntriesModel::Size) << false << QStringList{"Alpha", "zeta", "big.bin", "File1.txt", "file10.txt", "file2.txt"};
    QTest::newRow("size ascending") << int(EntriesModel::Size) << true
                                    << QStringList{"zeta", "Alpha", "file2.txt", "file10.txt", "File1.txt", "big.bin"};
}

void TestEntriesProxy::sorts()
{
    QFETCH(int, column);
    QFETCH(bool, ascending);
    QFETCH(QStringList, order);
    EntriesProxy proxy;
    proxy.setSourceModel(&model_);
    proxy.sort(column, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    QCOMPARE(childNames(proxy), (QStringList{"top", "other.txt"}));  // the folder first, either way
    QCOMPARE(childNames(proxy, proxy.index(0, 0)), order);
}

void TestEntriesProxy::filters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("visible");
    QTest::newRow("nothing typed") << "" << treePaths(model_);
    QTest::newRow("a file deep inside, with its folders") << "z.txt" << QStringList{"top", "top/zeta", "top/zeta/z.txt"};
    QTest::newRow("case ignored") << "ALPHA" << QStringList{"top", "top/Alpha", "top/Alpha/a.txt"};
    QTest::newRow("part of a path") << "top/file1" << QStringList{"top", "top/file10.txt", "top/File1.txt"};
    QTest::newRow("at the top") << "other" << QStringList{"other.txt"};
    QTest::newRow("no match") << "nothing" << QStringList{};
}

void TestEntriesProxy::filters()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, visible);
    EntriesProxy proxy;
    proxy.setSourceModel(&model_);
    proxy.setFilterFixedString(filter);
    QStringList shown = treePaths(proxy);
    shown.sort(Qt::CaseInsensitive);
    visible.sort(Qt::CaseInsensitive);
    QCOMPARE(shown, visible);
}

QTEST_MAIN(TestEntriesProxy)
#include "tst_entries_proxy.moc"
