#include "browse_row.hpp"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace nnz::ui {

namespace {

QWidget* browseRow(QWidget* field, QWidget* parent, std::function<QString()> pick, std::function<void(const QString&)> set)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    field->setParent(row);
    auto* browse = new QPushButton(QObject::tr("Browse…"), row);
    layout->addWidget(field, 1);
    layout->addWidget(browse);
    row->setFocusProxy(field);  // the row's label mnemonic goes to the text
    QObject::connect(browse, &QPushButton::clicked, field, [pick = std::move(pick), set = std::move(set)] {
        if (const QString chosen = pick(); !chosen.isEmpty()) set(QDir::toNativeSeparators(chosen));
    });
    return row;
}

}  // namespace

QWidget* withBrowseButton(QLineEdit* edit, QWidget* parent, std::function<QString()> pick)
{
    return browseRow(edit, parent, std::move(pick), [edit](const QString& text) { edit->setText(text); });
}

QWidget* withBrowseButton(QComboBox* box, QWidget* parent, std::function<QString()> pick)
{
    return browseRow(box, parent, std::move(pick), [box](const QString& text) { box->setEditText(text); });
}

}  // namespace nnz::ui
