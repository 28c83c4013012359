#pragma once
// A question with a button per choice and Cancel.
#include <QString>
#include <QStringList>

#include <functional>

class QWidget;

namespace nnz::ui {

// Answers instead of a dialog (tests): the index of the chosen choice, -1 for cancel.
using ChoiceHandler = std::function<int(const QString& title, const QString& text, const QStringList& choices)>;

// Asks through handler when set, else a dialog whose default button is the last choice (put the
// safer one last). Returns the chosen index, -1 for Cancel.
int askChoice(QWidget* parent, const QString& title, const QString& text, const QStringList& choices,
              const ChoiceHandler& handler);

}  // namespace nnz::ui
