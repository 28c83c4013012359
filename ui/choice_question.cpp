#include "choice_question.hpp"

#include <QMessageBox>
#include <QPushButton>

namespace nnz::ui {

int askChoice(QWidget* parent, const QString& title, const QString& text, const QStringList& choices,
              const ChoiceHandler& handler)
{
    if (handler) return handler(title, text, choices);
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Cancel, parent);
    QList<QAbstractButton*> buttons;
    for (const QString& choice : choices) buttons << box.addButton(choice, QMessageBox::AcceptRole);
    box.setDefaultButton(static_cast<QPushButton*>(buttons.last()));
    box.exec();
    return int(buttons.indexOf(box.clickedButton()));
}

}  // namespace nnz::ui
