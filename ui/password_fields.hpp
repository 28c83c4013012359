#pragma once
// A new password typed twice (hidden), with a hint while it is empty or the two differ: the part
// of the new-archive and password dialogs that chooses a password.
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace nnz::ui {

class PasswordFields : public QWidget {
    Q_OBJECT
public:
    explicit PasswordFields(QWidget* parent = nullptr);
    // Typed, and the same twice.
    bool acceptable() const;
    QString password() const;
    void setPasswords(const QString& password, const QString& repeated);

signals:
    void changed();

private:
    void updateHint();

    QLineEdit* password_;
    QLineEdit* repeated_;
    QLabel* hint_;
};

}  // namespace nnz::ui
