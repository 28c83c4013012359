#pragma once
// Preview (F3, as 7-Zip's View): one file of the archive shown without extracting it, as text,
// a picture or a hex dump (PreviewContent). Not modal, so it stays open beside the window, and
// the window shows each file selected next in it (as Quick Look follows the selection).
#include <QDialog>
#include <QPixmap>
#include <QString>

#include "preview_content.hpp"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;
class QVBoxLayout;

namespace nnz::ui {

class PreviewDialog : public QDialog {
    Q_OBJECT
public:
    PreviewDialog(const QString& entryPath, PreviewContent content, QWidget* parent = nullptr);

    // Shows another file in the same window (its size and place kept).
    void setContent(const QString& entryPath, PreviewContent content);
    QString entryPath() const { return entry_path_; }
    // The lines above the content: the name, its kind and size, and how much of it is shown.
    QString summary() const;
    const PreviewContent& content() const { return content_; }
    // Selects the next match of text (case ignored) after the selection, or before it, going
    // on from the other end; says "Not found" beside the find box when there is none. Ctrl+F
    // goes to that box, Enter and Shift+Enter in it (and F3, Shift+F3) find the next and previous.
    bool find(const QString& text, bool backward = false);

signals:
    // "Open with Default Application" was pressed: the whole file, extracted, in its application.
    void openRequested(const QString& entryPath);

private:
    QWidget* makeFindRow();
    void fitPicture();
    bool eventFilter(QObject* watched, QEvent* event) override;

    QString entry_path_;
    PreviewContent content_;
    QLabel* summary_ = nullptr;
    QPlainTextEdit* text_ = nullptr;
    QCheckBox* wrap_ = nullptr;
    QWidget* find_row_ = nullptr;
    QLineEdit* find_ = nullptr;
    QLabel* found_ = nullptr;
    QScrollArea* picture_area_ = nullptr;
    QLabel* picture_ = nullptr;
    QPixmap full_picture_;
};

}  // namespace nnz::ui
