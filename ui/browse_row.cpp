#include "browse_row.hpp"

#include <QDir>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace nnz::ui {

QWidget* withBrowseButton(QLineEdit* edit, QWidget* parent, std::function<QString()> pick)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    edit->setParent(row);
    auto* browse = new QPushButton(QObject::tr("Browse…"), row);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    row->setFocusProxy(edit);  // the row's label mnemonic goes to the text
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, pick = std::move(pick)] {
        if (const QString chosen = pick(); !chosen.isEmpty()) edit->setText(QDir::toNativeSeparators(chosen));
    });
    return row;
}

}  // namespace nnz::ui
