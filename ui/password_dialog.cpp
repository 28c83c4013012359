#include "password_dialog.hpp"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "password_fields.hpp"

namespace nnz::ui {

PasswordDialog::PasswordDialog(const QString& archiveName, bool encrypted, QWidget* parent)
    : QDialog(parent), encrypted_(encrypted)
{
    setWindowTitle(tr("Set Password"));
    auto* what = new QLabel(encrypted ? tr("Choose a new password for %1, or remove its password.").arg(archiveName)
                                      : tr("Encrypt %1 with a password: its contents and names.").arg(archiveName),
                            this);
    what->setWordWrap(true);
    auto* how = new QLabel(tr("Nothing is compressed again: this takes about as long as copying the archive."), this);
    how->setWordWrap(true);
    fields_ = new PasswordFields(this);
    remove_ = new QCheckBox(tr("&Remove the password (store the archive unencrypted)"), this);
    remove_->setVisible(encrypted);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(fields_, &PasswordFields::changed, this, &PasswordDialog::updateState);
    connect(remove_, &QCheckBox::toggled, this, &PasswordDialog::updateState);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(fields_);
    layout->addWidget(remove_);
    layout->addWidget(how);
    layout->addWidget(buttons);
    updateState();
}

QString PasswordDialog::password() const { return removesPassword() ? QString() : fields_->password(); }
bool PasswordDialog::removesPassword() const { return encrypted_ && remove_->isChecked(); }
bool PasswordDialog::canAccept() const { return removesPassword() || fields_->acceptable(); }

void PasswordDialog::setPasswords(const QString& password, const QString& repeated)
{
    fields_->setPasswords(password, repeated);
}

void PasswordDialog::setRemovesPassword(bool remove) { remove_->setChecked(remove); }

void PasswordDialog::updateState()
{
    fields_->setEnabled(!removesPassword());
    ok_->setEnabled(canAccept());
}

}  // namespace nnz::ui
