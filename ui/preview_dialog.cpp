#include "preview_dialog.hpp"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

#include "progress_panel.hpp"

namespace nnz::ui {

PreviewDialog::PreviewDialog(const QString& entryPath, PreviewContent content, QWidget* parent) : QDialog(parent)
{
    auto* layout = new QVBoxLayout(this);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("previewSummary"));
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);

    picture_area_ = new QScrollArea(this);
    picture_area_->setObjectName(QStringLiteral("previewPicture"));
    picture_area_->setAccessibleName(tr("Picture"));
    picture_area_->setAlignment(Qt::AlignCenter);
    picture_area_->setBackgroundRole(QPalette::Dark);
    picture_ = new QLabel(picture_area_);
    picture_->setAlignment(Qt::AlignCenter);
    picture_area_->setWidget(picture_);
    picture_area_->setWidgetResizable(true);
    picture_area_->viewport()->installEventFilter(this);  // the picture follows its size
    layout->addWidget(picture_area_, 1);

    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("previewText"));
    text_->setAccessibleName(tr("Contents"));
    text_->setReadOnly(true);
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(text_, 1);
    find_row_ = makeFindRow();
    layout->addWidget(find_row_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    wrap_ = new QCheckBox(tr("&Wrap long lines"), this);
    wrap_->setObjectName(QStringLiteral("wrapLines"));
    connect(wrap_, &QCheckBox::toggled, text_, [this](bool on) {
        text_->setLineWrapMode(on && content_.kind == PreviewContent::Kind::Text ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    });
    buttons->addButton(wrap_, QDialogButtonBox::ActionRole);
    QPushButton* open = buttons->addButton(tr("&Open with Default Application"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("openButton"));
    connect(open, &QPushButton::clicked, this, [this] { emit openRequested(entry_path_); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Room for a hex dump's 79 columns (and as many of a text's), beside the scroll bar.
    const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    resize(std::max(fontMetrics().averageCharWidth() * 100, fixed.horizontalAdvance(QString(82, QLatin1Char('0'))) + 64),
           fontMetrics().height() * 36);
    setContent(entryPath, std::move(content));
}

void PreviewDialog::setContent(const QString& entryPath, PreviewContent content)
{
    entry_path_ = entryPath;
    content_ = std::move(content);
    setWindowTitle(tr("Preview — %1").arg(QFileInfo(entryPath).fileName()));
    summary_->setText(summary());
    const bool picture = content_.kind == PreviewContent::Kind::Image;
    const bool text = content_.kind == PreviewContent::Kind::Text;
    picture_area_->setVisible(picture);
    text_->setVisible(!picture);
    find_row_->setVisible(!picture);
    wrap_->setVisible(text);
    full_picture_ = QPixmap();
    picture_->clear();
    text_->setPlainText(picture ? QString() : content_.text);
    text_->setLineWrapMode(text && wrap_->isChecked() ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    found_->clear();
    fitPicture();
}

QWidget* PreviewDialog::makeFindRow()
{
    auto* rowWidget = new QWidget(this);
    auto* row = new QHBoxLayout(rowWidget);
    row->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("&Find:"), rowWidget);
    find_ = new QLineEdit(rowWidget);
    find_->setObjectName(QStringLiteral("findText"));
    find_->setClearButtonEnabled(true);
    find_->setPlaceholderText(tr("Enter: next, Shift+Enter: previous"));
    find_->installEventFilter(this);  // Enter finds, rather than pressing the dialog's buttons
    label->setBuddy(find_);
    found_ = new QLabel(rowWidget);
    found_->setObjectName(QStringLiteral("findResult"));
    row->addWidget(label);
    row->addWidget(find_, 1);
    row->addWidget(found_);
    // As one types, the match grows from where the last one started.
    connect(find_, &QLineEdit::textEdited, this, [this](const QString& text) {
        QTextCursor cursor = text_->textCursor();
        cursor.setPosition(cursor.selectionStart());
        text_->setTextCursor(cursor);
        find(text);
    });
    auto* focus = new QShortcut(QKeySequence::Find, this);
    connect(focus, &QShortcut::activated, find_, [this] {
        if (!find_row_->isVisible()) return;
        find_->setFocus();
        find_->selectAll();
    });
    auto* next = new QShortcut(QKeySequence::FindNext, this);
    connect(next, &QShortcut::activated, this, [this] { find(find_->text()); });
    auto* previous = new QShortcut(QKeySequence::FindPrevious, this);
    connect(previous, &QShortcut::activated, this, [this] { find(find_->text(), true); });
    return rowWidget;
}

bool PreviewDialog::find(const QString& text, bool backward)
{
    if (text.isEmpty() || content_.kind == PreviewContent::Kind::Image) {
        found_->clear();
        return false;
    }
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool hit = text_->find(text, flags);
    if (!hit) {  // on from the other end
        QTextCursor cursor = text_->textCursor();
        cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        text_->setTextCursor(cursor);
        hit = text_->find(text, flags);
    }
    found_->setText(hit ? QString() : tr("Not found"));
    return hit;
}

QString PreviewDialog::summary() const
{
    QString kind;
    switch (content_.kind) {
    case PreviewContent::Kind::Text:
        kind = tr("Text (%1)").arg(content_.encoding);
        break;
    case PreviewContent::Kind::Image:
        kind = tr("Picture (%1, %2 × %3 pixels)")
                   .arg(content_.encoding.toUpper())
                   .arg(content_.image.width())
                   .arg(content_.image.height());
        break;
    case PreviewContent::Kind::Binary:
        kind = tr("Binary data, shown in hexadecimal");
        break;
    }
    QString text = entry_path_ + QLatin1Char('\n') + tr("%1 · %2").arg(kind, formatBytes(double(content_.fileSize)));
    if (content_.partial())
        text += QLatin1Char('\n') + tr("The first %1 are shown; Open with Default Application shows it all.").arg(formatBytes(double(content_.shownBytes)));
    return text;
}

void PreviewDialog::fitPicture()
{
    if (content_.kind != PreviewContent::Kind::Image) return;
    // Shrunk to the window, never enlarged: a small icon stays sharp at its size.
    const QSize room = picture_area_->viewport()->size() - QSize(4, 4);
    if (full_picture_.isNull()) full_picture_ = QPixmap::fromImage(content_.image);
    QPixmap pixmap = full_picture_;
    if (pixmap.width() > room.width() || pixmap.height() > room.height())
        pixmap = pixmap.scaled(room.expandedTo(QSize(1, 1)), Qt::KeepAspectRatio, Qt::SmoothTransformation);
    picture_->setPixmap(pixmap);
}

bool PreviewDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == find_ && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            find(find_->text(), key->modifiers() & Qt::ShiftModifier);
            return true;
        }
    }
    if (watched == picture_area_->viewport() && event->type() == QEvent::Resize) fitPicture();
    return QDialog::eventFilter(watched, event);
}

}  // namespace nnz::ui
