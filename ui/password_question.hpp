#pragma once
// Asking for the password of an encrypted archive, again after a wrong one.
#include <QString>

#include <functional>
#include <optional>

#include "container/encryption.hpp"

class QWidget;

namespace nnz::ui {

// Answers instead of a dialog (tests): the password, empty for cancel.
using PasswordHandler = std::function<QString(const QString& title, const QString& label)>;

// Asks for the password of archiveName (through handler when set, else a password dialog) until
// opens(password) accepts it; opens returns false for a wrong password and throws for anything
// else. nullopt when the user cancels.
std::optional<nnz::Passphrase> askArchivePassword(QWidget* parent, const QString& archiveName,
                                                  const PasswordHandler& handler,
                                                  const std::function<bool(const nnz::Passphrase&)>& opens);

}  // namespace nnz::ui
