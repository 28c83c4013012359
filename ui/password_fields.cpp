#include "password_fields.hpp"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace nnz::ui {

PasswordFields::PasswordFields(QWidget* parent) : QWidget(parent)
{
    password_ = new QLineEdit(this);
    repeated_ = new QLineEdit(this);
    for (QLineEdit* field : {password_, repeated_}) {
        field->setEchoMode(QLineEdit::Password);
        field->setMinimumWidth(field->fontMetrics().averageCharWidth() * 32);  // room for a passphrase
        connect(field, &QLineEdit::textChanged, this, &PasswordFields::updateHint);
    }
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Password:"), password_);
    form->addRow(tr("Re&peat password:"), repeated_);
    form->addRow(hint_);
    updateHint();
}

bool PasswordFields::acceptable() const { return !password_->text().isEmpty() && password_->text() == repeated_->text(); }

QString PasswordFields::password() const { return acceptable() ? password_->text() : QString(); }

void PasswordFields::setPasswords(const QString& password, const QString& repeated)
{
    password_->setText(password);
    repeated_->setText(repeated);
}

void PasswordFields::updateHint()
{
    QString hint;
    if (password_->text().isEmpty())
        hint = tr("Choose a password. Without it the archive cannot be opened: it is not stored anywhere.");
    else if (password_->text() != repeated_->text())
        hint = tr("The two passwords differ.");
    hint_->setText(hint);
    hint_->setVisible(!hint.isEmpty());
    emit changed();
}

}  // namespace nnz::ui
