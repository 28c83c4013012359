#include "extract_dialog.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "browse_row.hpp"

namespace nnz::ui {

QString ExtractDialog::commonFolder(const QStringList& selection)
{
    if (selection.isEmpty()) return {};
    QStringList common = selection.first().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString& path : selection) {
        QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        parts.removeLast();  // an item's own name is never part of the folder above it
        qsizetype same = 0;
        while (same < common.size() && same < parts.size() && common[same] == parts[same]) ++same;
        common.resize(same);
    }
    return common.join(QLatin1Char('/'));
}

ExtractDialog::ExtractDialog(const QString& folder, const QStringList& selection, AppSettings::Overwrite overwrite,
                             QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Extract"));
    // The folder proposed, and in the list the folders chosen here before (most recent first).
    folders_ = new QComboBox(this);
    folders_->setObjectName(QStringLiteral("folderHistory"));
    folders_->setAccessibleName(tr("Extract to"));
    folders_->setEditable(true);
    folders_->setInsertPolicy(QComboBox::NoInsert);
    folders_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    folder_ = folders_->lineEdit();
    folder_->setObjectName(QStringLiteral("folder"));
    for (const QString& recent : AppSettings::recentExtractFolders()) folders_->addItem(QDir::toNativeSeparators(recent));
    folders_->setCurrentIndex(-1);
    folders_->setEditText(QDir::toNativeSeparators(folder));
    QWidget* where = withBrowseButton(folders_, this, [this] {
        return QFileDialog::getExistingDirectory(this, tr("Extract To"), this->folder());
    });

    overwrite_ = new OverwriteBox(overwrite, this);

    const QString above = commonFolder(selection);
    parent_depth_ = above.isEmpty() ? 0 : int(above.count(QLatin1Char('/'))) + 1;
    keep_folders_ = new QCheckBox(tr("Keep the folders above the selection (%1/)").arg(above), this);
    keep_folders_->setObjectName(QStringLiteral("keepFolders"));
    keep_folders_->setChecked(true);
    keep_folders_->setVisible(parent_depth_ > 0);

    auto* form = new QFormLayout;
    form->addRow(tr("Extract &to:"), where);
    form->addRow(tr("Existing &files:"), overwrite_);
    form->addRow(QString(), keep_folders_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    extract_ = buttons->addButton(tr("E&xtract"), QDialogButtonBox::AcceptRole);
    extract_->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(folder_, &QLineEdit::textChanged, this, [this] { extract_->setEnabled(!folder_->text().trimmed().isEmpty()); });
    extract_->setEnabled(!folder_->text().trimmed().isEmpty());

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

QString ExtractDialog::folder() const { return QDir::fromNativeSeparators(folder_->text().trimmed()); }
void ExtractDialog::setFolder(const QString& folder) { folder_->setText(QDir::toNativeSeparators(folder)); }

AppSettings::Overwrite ExtractDialog::overwrite() const { return overwrite_->policy(); }
void ExtractDialog::setOverwrite(AppSettings::Overwrite overwrite) { overwrite_->setPolicy(overwrite); }

bool ExtractDialog::keepsFolders() const { return parent_depth_ == 0 || keep_folders_->isChecked(); }
void ExtractDialog::setKeepFolders(bool keep) { keep_folders_->setChecked(keep); }
int ExtractDialog::stripComponents() const { return keepsFolders() ? 0 : parent_depth_; }

}  // namespace nnz::ui
