#pragma once
// Properties of the open archive and, when one entry is selected, of that entry. Shown
// non-modally (open()), so the rest of the window keeps working.
#include <QDialog>
#include <QMap>
#include <QString>

class QFormLayout;
class QLabel;

namespace nnz::ui {

class EntriesModel;

class PropertiesDialog : public QDialog {
    Q_OBJECT
public:
    // entryRow: a row of model, or -1 for the archive alone.
    PropertiesDialog(const EntriesModel& model, int entryRow, QWidget* parent = nullptr);

    // The text shown for a field, by key: "archive", "fileSize", "entries", "content", "packed" and
    // "blocks", "encryption", "recovery" (.nnz) or "format" (foreign archives), "modified"; with an entry also "entry",
    // "type", "entrySize", "entryPacked", "entryBpb", "checksum" (.nnz files), "problem" (an
    // entry that cannot be extracted), "permissions", "entryModified". Empty when not shown.
    QString field(const QString& key) const;

private:
    void addRow(const QString& key, const QString& label, const QString& value);

    QFormLayout* form_;
    QMap<QString, QLabel*> fields_;
};

}  // namespace nnz::ui
