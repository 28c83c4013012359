#include <QBuffer>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QtTest>

#include "accessible_names.hpp"
#include "label_buddies.hpp"
#include "preview_content.hpp"
#include "preview_dialog.hpp"
#include "progress_panel.hpp"
#include "translations.hpp"

using nnz::ui::PreviewContent;
using nnz::ui::PreviewDialog;

namespace {

// A PNG of one colour.
QByteArray pngOf(QSize size, Qt::GlobalColor colour)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

}  // namespace

class TestPreviewDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void summaries_data();
    void summaries();
    void textWrapsOnRequest();
    void picturesShrinkToTheWindow_data();
    void picturesShrinkToTheWindow();
    void openAsksForTheWholeFile();
    void findSelectsMatchesAndGoesRound();
    void findBoxTakesKeys();
    void anotherFileInTheSameWindow();
};

void TestPreviewDialog::initTestCase()
{
    nnz::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));  // plural forms
}

void TestPreviewDialog::summaries_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("fileSize");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("shown");  // the object name of what shows it
    const QByteArray png = pngOf({300, 200}, Qt::white);
    QTest::newRow("text") << QByteArray("hello\n") << 6LL << "docs/a.txt\nText (UTF-8) · 6 bytes" << "previewText";
    QTest::newRow("the first part of a text") << QByteArray(1000, 'a') << 5'000'000LL
                                              << "docs/a.txt\nText (UTF-8) · 5.00 MB\nThe first 1.0 KB are shown; Open with Default "
                                                 "Application shows it all."
                                              << "previewText";
    QTest::newRow("a picture") << png << qint64(png.size()) << QStringLiteral("docs/a.txt\nPicture (PNG, 300 × 200 pixels) · %1").arg(nnz::ui::formatBytes(double(png.size())))
                               << "previewPicture";
    QTest::newRow("binary") << QByteArray(100, '\0') << 100LL << "docs/a.txt\nBinary data, shown in hexadecimal · 100 bytes"
                            << "previewText";
}

void TestPreviewDialog::summaries()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, fileSize);
    QFETCH(QString, summary);
    QFETCH(QString, shown);
    PreviewDialog dialog(QStringLiteral("docs/a.txt"), nnz::ui::makePreview(bytes, fileSize));
    QCOMPARE(dialog.summary(), summary);
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("previewSummary"))->text(), summary);
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Preview — a.txt"));
    QVERIFY(dialog.findChild<QWidget*>(shown)->isVisibleTo(&dialog));
    for (const char* other : {"previewText", "previewPicture"})
        if (shown != QLatin1String(other)) QVERIFY(!dialog.findChild<QWidget*>(QLatin1String(other))->isVisibleTo(&dialog));
    const bool text = dialog.content().kind == PreviewContent::Kind::Text;
    QCOMPARE(dialog.findChild<QCheckBox*>(QStringLiteral("wrapLines"))->isVisibleTo(&dialog), text);
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("findText"))->isVisibleTo(&dialog), shown == QLatin1String("previewText"));
}

void TestPreviewDialog::textWrapsOnRequest()
{
    PreviewDialog dialog(QStringLiteral("long.txt"), nnz::ui::makePreview(QByteArray(5000, 'w'), 5000));
    auto* text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("previewText"));
    QVERIFY(text->isReadOnly());
    QCOMPARE(text->toPlainText(), QString(5000, QLatin1Char('w')));
    QCOMPARE(text->lineWrapMode(), QPlainTextEdit::NoWrap);
    dialog.findChild<QCheckBox*>(QStringLiteral("wrapLines"))->setChecked(true);
    QCOMPARE(text->lineWrapMode(), QPlainTextEdit::WidgetWidth);
    dialog.findChild<QCheckBox*>(QStringLiteral("wrapLines"))->setChecked(false);
    QCOMPARE(text->lineWrapMode(), QPlainTextEdit::NoWrap);
}

void TestPreviewDialog::picturesShrinkToTheWindow_data()
{
    QTest::addColumn<QSize>("picture");
    QTest::newRow("larger than the window") << QSize(4000, 1000);
    QTest::newRow("smaller: kept at its size") << QSize(16, 16);
}

void TestPreviewDialog::picturesShrinkToTheWindow()
{
    QFETCH(QSize, picture);
    const QByteArray png = pngOf(picture, Qt::red);
    PreviewDialog dialog(QStringLiteral("p.png"), nnz::ui::makePreview(png, png.size()));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* area = dialog.findChild<QScrollArea*>(QStringLiteral("previewPicture"));
    QVERIFY(area);
    auto* label = qobject_cast<QLabel*>(area->widget());
    const QSize shown = label->pixmap().size();
    const QSize room = area->viewport()->size();
    QVERIFY2(shown.width() <= room.width() && shown.height() <= room.height(),
             qPrintable(QStringLiteral("%1x%2 in %3x%4").arg(shown.width()).arg(shown.height()).arg(room.width()).arg(room.height())));
    if (picture.width() <= room.width() && picture.height() <= room.height()) {
        QCOMPARE(shown, picture);
    } else {
        // Shrunk with its proportions, to fill the width or the height.
        QVERIFY(qAbs(shown.width() * picture.height() - shown.height() * picture.width()) <= picture.width());
        QVERIFY(shown.width() >= room.width() - 8 || shown.height() >= room.height() - 8);
    }
}

void TestPreviewDialog::openAsksForTheWholeFile()
{
    PreviewDialog dialog(QStringLiteral("docs/a.txt"), nnz::ui::makePreview("abc", 10));
    QSignalSpy asked(&dialog, &PreviewDialog::openRequested);
    dialog.findChild<QPushButton*>(QStringLiteral("openButton"))->click();
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().first().toString(), QStringLiteral("docs/a.txt"));
}

void TestPreviewDialog::findSelectsMatchesAndGoesRound()
{
    PreviewDialog dialog(QStringLiteral("a.txt"), nnz::ui::makePreview("alpha beta\nAlpha gamma\nalpha", 29));
    auto* text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("previewText"));
    auto at = [&] { return text->textCursor().selectionStart(); };
    QVERIFY(dialog.find(QStringLiteral("alpha")));
    QCOMPARE(at(), 0);
    QCOMPARE(text->textCursor().selectedText(), QStringLiteral("alpha"));
    QVERIFY(dialog.find(QStringLiteral("alpha")));
    QCOMPARE(at(), 11);  // case ignored
    QVERIFY(dialog.find(QStringLiteral("alpha")));
    QCOMPARE(at(), 23);
    QVERIFY(dialog.find(QStringLiteral("alpha")));
    QCOMPARE(at(), 0);  // round to the start
    QVERIFY(dialog.find(QStringLiteral("alpha"), true));
    QCOMPARE(at(), 23);  // backwards, round to the end
    QVERIFY(dialog.find(QStringLiteral("alpha"), true));
    QCOMPARE(at(), 11);
    auto* result = dialog.findChild<QLabel*>(QStringLiteral("findResult"));
    QVERIFY(result->text().isEmpty());
    QVERIFY(!dialog.find(QStringLiteral("delta")));
    QCOMPARE(result->text(), QStringLiteral("Not found"));
    QVERIFY(dialog.find(QStringLiteral("gamma")));
    QVERIFY(result->text().isEmpty());
    // A hex dump is searched as the text it is.
    PreviewDialog hex(QStringLiteral("b.bin"), nnz::ui::makePreview(QByteArray("\x00\x01\xab", 3), 3));
    QVERIFY(hex.find(QStringLiteral("00 01 ab")));
    QVERIFY(labelsWithoutBuddy(dialog).isEmpty());
    QCOMPARE(unnamedFields(dialog), QStringList());
    QCOMPARE(unnamedFields(hex), QStringList());
    const PreviewDialog picture(QStringLiteral("p.png"), nnz::ui::makePreview(pngOf({4, 4}, Qt::red), pngOf({4, 4}, Qt::red).size()));
    QCOMPARE(unnamedFields(picture), QStringList());
}

void TestPreviewDialog::findBoxTakesKeys()
{
    PreviewDialog dialog(QStringLiteral("a.txt"), nnz::ui::makePreview("one two\ntwo three\n", 18));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto* text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("previewText"));
    auto* box = dialog.findChild<QLineEdit*>(QStringLiteral("findText"));
    text->setFocus();
    QTest::keyClick(&dialog, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(box->hasFocus());
    QTest::keyClicks(box, QStringLiteral("tw"));  // found as it is typed
    QCOMPARE(text->textCursor().selectionStart(), 4);
    QTest::keyClicks(box, QStringLiteral("o"));
    QCOMPARE(text->textCursor().selectedText(), QStringLiteral("two"));
    QCOMPARE(text->textCursor().selectionStart(), 4);
    QTest::keyClick(box, Qt::Key_Return);  // the next, and the dialog stays
    QCOMPARE(text->textCursor().selectionStart(), 8);
    QVERIFY(dialog.isVisible());
    QTest::keyClick(box, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(text->textCursor().selectionStart(), 4);
    QVERIFY(dialog.isVisible());
}

void TestPreviewDialog::anotherFileInTheSameWindow()
{
    PreviewDialog dialog(QStringLiteral("docs/a.txt"), nnz::ui::makePreview("some text", 9));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.resize(700, 500);
    QVERIFY(!dialog.find(QStringLiteral("absent")));
    const QByteArray png = pngOf({50, 40}, Qt::blue);
    dialog.setContent(QStringLiteral("img/b.png"), nnz::ui::makePreview(png, png.size()));
    QCOMPARE(dialog.windowTitle(), QStringLiteral("Preview — b.png"));
    QCOMPARE(dialog.entryPath(), QStringLiteral("img/b.png"));
    QVERIFY(dialog.summary().startsWith(QStringLiteral("img/b.png\nPicture (PNG, 50 × 40 pixels)")));
    auto* area = dialog.findChild<QScrollArea*>(QStringLiteral("previewPicture"));
    QVERIFY(area->isVisible());
    QVERIFY(!dialog.findChild<QPlainTextEdit*>(QStringLiteral("previewText"))->isVisible());
    QTRY_COMPARE(qobject_cast<QLabel*>(area->widget())->pixmap().size(), QSize(50, 40));
    QCOMPARE(dialog.size(), QSize(700, 500));  // where it was, as large as it was
    QVERIFY(!dialog.find(QStringLiteral("text")));  // nothing to find in a picture
    dialog.setContent(QStringLiteral("c.bin"), nnz::ui::makePreview(QByteArray("\x00\x01", 2), 2));
    auto* text = dialog.findChild<QPlainTextEdit*>(QStringLiteral("previewText"));
    QVERIFY(text->isVisible() && !area->isVisible());
    QCOMPARE(text->toPlainText(), nnz::ui::hexDump(QByteArray("\x00\x01", 2)));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("findResult"))->text().isEmpty());
    QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("wrapLines"))->isVisible());
    dialog.findChild<QCheckBox*>(QStringLiteral("wrapLines"))->setChecked(true);
    QCOMPARE(text->lineWrapMode(), QPlainTextEdit::NoWrap);  // a dump never wraps
    dialog.setContent(QStringLiteral("d.txt"), nnz::ui::makePreview("words", 5));
    QCOMPARE(text->lineWrapMode(), QPlainTextEdit::WidgetWidth);  // as asked before
    QCOMPARE(text->toPlainText(), QStringLiteral("words"));
}

QTEST_MAIN(TestPreviewDialog)
#include "tst_preview_dialog.moc"
