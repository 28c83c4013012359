#pragma once
// Properties of the open archive and, when one item is selected, of that entry or folder. Shown
// non-modally (open()), so the rest of the window keeps working.
#include <QDialog>
#include <QMap>
#include <QModelIndex>
#include <QString>

class QFormLayout;
class QLabel;

namespace nnz::ui {

class EntriesModel;

class PropertiesDialog : public QDialog {
    Q_OBJECT
public:
    // item: an index of model (not of a proxy), or invalid for the archive alone.
    PropertiesDialog(const EntriesModel& model, const QModelIndex& item, QWidget* parent = nullptr);

    // The text shown for a field, by key: "archive", "fileSize", "entries", "content", "packed" and
    // "blocks", "encryption", "recovery" (.nnz) or "format" (foreign archives), "modified"; with an entry also "entry",
    // "type", "entrySize", "entryPacked", "entryBpb", "checksum" (.nnz files), "problem" (an
    // entry that cannot be extracted), "permissions", "entryModified" (the last two only for an
    // item with an entry: a folder can be implied by the names in it); with a folder "contains"
    // and, for an .nnz, "entryPacked" and "entryBpb" of everything in it. Empty when not shown.
    QString field(const QString& key) const;

private:
    void addRow(const QString& key, const QString& label, const QString& value);

    QFormLayout* form_;
    QMap<QString, QLabel*> fields_;
};

}  // namespace nnz::ui
