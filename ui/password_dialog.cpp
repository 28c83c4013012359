#include "password_dialog.hpp"

#include <QCheckBox>
#include <QCoreApplication>
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

QString askNewPassword(QWidget* parent, const QString& archiveName)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QCoreApplication::translate("PasswordDialog", "Encrypt Archive"));
    auto* what = new QLabel(
        QCoreApplication::translate("PasswordDialog", "Choose a password for %1: its contents and names are encrypted.")
            .arg(archiveName),
        &dialog);
    what->setWordWrap(true);
    auto* fields = new PasswordFields(&dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    QObject::connect(fields, &PasswordFields::changed, ok, [fields, ok] { ok->setEnabled(fields->acceptable()); });
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(what);
    layout->addWidget(fields);
    layout->addWidget(buttons);
    return dialog.exec() == QDialog::Accepted ? fields->password() : QString();
}

}  // namespace nnz::ui
