#pragma once
// Sorting and filtering for the entries tree: folders before files whichever way a column is
// sorted (as file managers do), names in natural order ("part2" before "part10", case ignored),
// and a filter on the whole path that keeps the folders leading to each match.
#include <QSortFilterProxyModel>

namespace nnz::ui {

class EntriesProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit EntriesProxy(QObject* parent = nullptr);

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

// <0, 0, >0 as a sorts before, with or after b: "part2" before "part10", case ignored.
int naturalCompare(const QString& a, const QString& b);

}  // namespace nnz::ui
