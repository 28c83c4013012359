#pragma once
// A line edit with a Browse button beside it, as one widget for a form row: the row's label
// gets it as its buddy, and Alt+letter reaches the text.
#include <QString>
#include <functional>

class QComboBox;
class QLineEdit;
class QWidget;

namespace nnz::ui {

// Puts edit (reparented) and a "Browse…" button into a new widget under parent; pick asks for a
// file or folder, and what it returns (unless empty) replaces the text, with native separators.
QWidget* withBrowseButton(QLineEdit* edit, QWidget* parent, std::function<QString()> pick);
// The same for an editable combo box (a text with a list of earlier choices).
QWidget* withBrowseButton(QComboBox* box, QWidget* parent, std::function<QString()> pick);

}  // namespace nnz::ui
