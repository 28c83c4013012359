#include "entries_proxy.hpp"

#include "entries_model.hpp"

namespace nnz::ui {
namespace {

qsizetype digitRunEnd(const QString& text, qsizetype from)
{
    while (from < text.size() && text[from].isDigit()) ++from;
    return from;
}

}  // namespace

// Runs of digits compare as numbers (leading zeros ignored), everything else character by
// character without case; only names equal that way are ordered by case. Done here rather than
// by QCollator, whose numeric mode does nothing in the C locale.
int naturalCompare(const QString& a, const QString& b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            const qsizetype endA = digitRunEnd(a, i), endB = digitRunEnd(b, j);
            qsizetype startA = i, startB = j;
            while (startA + 1 < endA && a[startA] == QLatin1Char('0')) ++startA;
            while (startB + 1 < endB && b[startB] == QLatin1Char('0')) ++startB;
            if (endA - startA != endB - startB) return endA - startA < endB - startB ? -1 : 1;
            if (const int order = QStringView(a).sliced(startA, endA - startA).compare(QStringView(b).sliced(startB, endB - startB)))
                return order < 0 ? -1 : 1;
            i = endA;
            j = endB;
            continue;
        }
        if (const int order = QStringView(a).sliced(i, 1).compare(QStringView(b).sliced(j, 1), Qt::CaseInsensitive))
            return order < 0 ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size()) return i < a.size() ? 1 : -1;
    const int order = a.compare(b);
    return order < 0 ? -1 : order > 0 ? 1 : 0;
}

EntriesProxy::EntriesProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(EntriesModel::SortRole);
    setFilterRole(EntriesModel::PathRole);
    setFilterKeyColumn(EntriesModel::Name);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setRecursiveFilteringEnabled(true);  // a match deep inside shows the folders above it
}

bool EntriesProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const bool leftFolder = left.data(EntriesModel::IsFolderRole).toBool();
    const bool rightFolder = right.data(EntriesModel::IsFolderRole).toBool();
    // The view reverses lessThan for a descending sort; folders stay first either way.
    if (leftFolder != rightFolder) return (sortOrder() == Qt::AscendingOrder) == leftFolder;
    const QVariant a = left.data(EntriesModel::SortRole), b = right.data(EntriesModel::SortRole);
    if (left.column() == EntriesModel::Name || left.column() == EntriesModel::Checksum) {
        if (const int order = naturalCompare(a.toString(), b.toString()); order != 0) return order < 0;
    } else if (const auto order = QVariant::compare(a, b); order != QPartialOrdering::Equivalent) {
        return order == QPartialOrdering::Less;
    }
    // Equal keys: by name, so that equal sizes or times keep a stable, readable order.
    return naturalCompare(left.siblingAtColumn(EntriesModel::Name).data(EntriesModel::SortRole).toString(),
                          right.siblingAtColumn(EntriesModel::Name).data(EntriesModel::SortRole).toString()) < 0;
}

}  // namespace nnz::ui
