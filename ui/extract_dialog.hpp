#pragma once
// Archive ▸ Extract To…: where to (with the folders chosen here before in a list), what to do with
// files that exist, and whether the folders above the selection come along ("docs/2024/a.txt"
// chosen: as docs/2024/a.txt or as a.txt).
#include <QDialog>
#include <QStringList>

#include "settings_dialog.hpp"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;

namespace nnz::ui {

class ExtractDialog : public QDialog {
    Q_OBJECT
public:
    // selection: the entry paths chosen (empty: everything); folder: the destination proposed.
    ExtractDialog(const QString& folder, const QStringList& selection, AppSettings::Overwrite overwrite,
                  QWidget* parent = nullptr);

    QString folder() const;
    void setFolder(const QString& folder);
    AppSettings::Overwrite overwrite() const;
    void setOverwrite(AppSettings::Overwrite overwrite);
    // Whether the folders above the selection are recreated (ticked by default); the box is
    // shown only when the selection lies inside a folder.
    bool keepsFolders() const;
    void setKeepFolders(bool keep);
    // The folders to take off every name: 0 when they are kept.
    int stripComponents() const;

    // The folder all of selection lies in ("docs" for docs/a.txt and docs/sub), "" for the top.
    static QString commonFolder(const QStringList& selection);

private:
    QComboBox* folders_;
    QLineEdit* folder_;  // the combo box's text
    OverwriteBox* overwrite_;
    QCheckBox* keep_folders_;
    QPushButton* extract_;
    int parent_depth_ = 0;
};

}  // namespace nnz::ui
