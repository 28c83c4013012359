#include "entries_view.hpp"

#include <QAction>
#include <QDrag>
#include <QHeaderView>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QStyle>

#include "entries_model.hpp"

namespace nnz::ui {
namespace {

const QString kColumnsKey = QStringLiteral("window/columns");
// How many columns the saved layout knew: 6 before Permissions and Owner (0.13 saved no count).
const QString kColumnCountKey = QStringLiteral("window/columnCount");
constexpr int kColumnsBeforeCounting = 6;

bool hiddenAtFirst(int column) { return column == EntriesModel::Permissions || column == EntriesModel::Owner; }

}  // namespace

EntriesView::EntriesView(QWidget* parent) : QTreeView(parent)
{
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSortingEnabled(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setContextMenuPolicy(Qt::CustomContextMenu);
    // Activating opens a file with its application (the window's business) and opens or closes
    // a folder, once: the tree's own double-click expansion would undo it.
    setExpandsOnDoubleClick(false);
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (!index.data(EntriesModel::IsFolderRole).toBool()) {
            emit fileActivated(index);
            return;
        }
        const QModelIndex folder = index.siblingAtColumn(0);
        setExpanded(folder, !isExpanded(folder));
    });
    header()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header(), &QWidget::customContextMenuRequested, this, [this](const QPoint& position) {
        auto* menu = new QMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        for (QAction* action : columnActions(menu)) menu->addAction(action);
        menu->popup(header()->mapToGlobal(position));
    });
}

QList<QAction*> EntriesView::columnActions(QObject* parent)
{
    QList<QAction*> actions;
    if (!model()) return actions;
    for (int column = 1; column < model()->columnCount(); ++column) {
        auto* action = new QAction(model()->headerData(column, Qt::Horizontal).toString(), parent);
        action->setCheckable(true);
        action->setChecked(!header()->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [this, column](bool shown) { header()->setSectionHidden(column, !shown); });
        actions << action;
    }
    return actions;
}

void EntriesView::setModel(QAbstractItemModel* model)
{
    QTreeView::setModel(model);
    if (!model) return;
    for (int column = 0; column < model->columnCount(); ++column) header()->setSectionHidden(column, hiddenAtFirst(column));
}

void EntriesView::saveColumns(QSettings& store) const
{
    store.setValue(kColumnsKey, header()->saveState());
    store.setValue(kColumnCountKey, header()->count());
}

void EntriesView::restoreColumns(const QSettings& store)
{
    const QByteArray columns = store.value(kColumnsKey).toByteArray();
    if (columns.isEmpty() || !header()->restoreState(columns)) return;
    header()->setSectionHidden(0, false);  // the names, whatever the file says
    // Columns added since the layout was saved start as they do without one.
    for (int column = store.value(kColumnCountKey, kColumnsBeforeCounting).toInt(); column < header()->count(); ++column)
        header()->setSectionHidden(column, hiddenAtFirst(column));
    sortByColumn(header()->sortIndicatorSection(), header()->sortIndicatorOrder());
}

void EntriesView::startDrag(Qt::DropActions)
{
    if (!mime_provider_) return;
    QMimeData* mime = mime_provider_();
    if (!mime) return;
    auto* drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->setPixmap(style()->standardIcon(QStyle::SP_FileIcon).pixmap(32, 32));
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

}  // namespace nnz::ui
