#pragma once
// Archive ▸ Set Password…: encrypt an open .nnz with a new password, change it, or remove it.
// Nothing is compressed again (nnz::change_password copies every block).
#include <QDialog>
#include <QString>

class QCheckBox;
class QPushButton;

namespace nnz::ui {

class PasswordFields;

class PasswordDialog : public QDialog {
    Q_OBJECT
public:
    // encrypted: whether the archive has a password now (then it can also be removed).
    PasswordDialog(const QString& archiveName, bool encrypted, QWidget* parent = nullptr);
    // The new password; empty when the password is to be removed (or nothing acceptable is typed).
    QString password() const;
    bool removesPassword() const;
    bool canAccept() const;
    // For tests; the fields can be typed into as well.
    void setPasswords(const QString& password, const QString& repeated);
    void setRemovesPassword(bool remove);

private:
    void updateState();

    bool encrypted_;
    PasswordFields* fields_;
    QCheckBox* remove_;
    QPushButton* ok_;
};

// Asks for the password of a new archive, typed twice alike (a modal dialog); empty when cancelled.
QString askNewPassword(QWidget* parent, const QString& archiveName);

}  // namespace nnz::ui
