#include "password_question.hpp"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>

namespace nnz::ui {

std::optional<nnz::Passphrase> askArchivePassword(QWidget* parent, const QString& archiveName,
                                                  const PasswordHandler& handler,
                                                  const std::function<bool(const nnz::Passphrase&)>& opens)
{
    const QString title = QCoreApplication::translate("PasswordQuestion", "Password");
    QString label = QCoreApplication::translate("PasswordQuestion", "%1 is encrypted. Enter its password:").arg(archiveName);
    for (;;) {
        QString answer;
        if (handler) {
            answer = handler(title, label);
        } else {
            bool ok = false;
            answer = QInputDialog::getText(parent, title, label, QLineEdit::Password, {}, &ok);
            if (!ok) answer.clear();
        }
        if (answer.isEmpty()) return std::nullopt;
        nnz::Passphrase passphrase(answer.toStdString());
        if (opens(passphrase)) return passphrase;
        label = QCoreApplication::translate("PasswordQuestion", "Wrong password for %1. Try again:").arg(archiveName);
    }
}

}  // namespace nnz::ui
