#pragma once
// The list of an archive's entries: a tree whose drags carry files extracted on demand
// (text/uri-list), which opens and closes folders when they are activated and says when a file
// is, whose header's menu shows and hides columns, and which keeps its columns (widths, sorting,
// hidden ones) across sessions.
#include <QList>
#include <QTreeView>

#include <functional>

class QAction;
class QMimeData;
class QSettings;

namespace nnz::ui {

class EntriesView : public QTreeView {
    Q_OBJECT
public:
    using MimeProvider = std::function<QMimeData*()>;
    explicit EntriesView(QWidget* parent = nullptr);
    void setMimeProvider(MimeProvider provider) { mime_provider_ = std::move(provider); }

    // One checkable action per column that can be hidden (every one but the name), parented to
    // parent, as the header's menu offers them.
    QList<QAction*> columnActions(QObject* parent);
    // Columns shown until the header's menu says otherwise: all but Permissions and Owner.
    void setModel(QAbstractItemModel* model) override;
    void saveColumns(QSettings& store) const;
    void restoreColumns(const QSettings& store);

signals:
    // A file (not a folder) was activated: double-clicked, Enter, or a single click where the
    // desktop says so. Folders open or close instead.
    void fileActivated(const QModelIndex& index);

protected:
    void startDrag(Qt::DropActions supportedActions) override;

private:
    MimeProvider mime_provider_;
};

}  // namespace nnz::ui
