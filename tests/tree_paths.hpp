#pragma once
// Every item's path in a tree model of entries (EntriesModel or a proxy of it), depth first,
// children in the model's order.
#include <QAbstractItemModel>
#include <QStringList>

#include "entries_model.hpp"

namespace {

QStringList treePaths(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    QStringList paths;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex item = model.index(row, 0, parent);
        paths << item.data(nnz::ui::EntriesModel::PathRole).toString() << treePaths(model, item);
    }
    return paths;
}

}  // namespace
