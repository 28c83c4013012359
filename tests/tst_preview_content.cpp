#include <QBuffer>
#include <QImage>
#include <QtTest>

#include "preview_content.hpp"

using nnz::ui::PreviewContent;

namespace {

QByteArray pictureBytes(const char* format, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format)) qFatal("cannot write a %s", format);
    return bytes;
}

}  // namespace

class TestPreviewContent : public QObject {
    Q_OBJECT
private slots:
    void kinds_data();
    void kinds();
    void longTextIsCut();
    void hexDumpAsHexdumpWritesIt();
    void limits_data();
    void limits();
};

void TestPreviewContent::kinds_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("fileSize");  // bytes hold its start
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("text");      // Text only
    QTest::addColumn<qint64>("shownBytes");
    const auto text = int(PreviewContent::Kind::Text);
    const auto image = int(PreviewContent::Kind::Image);
    const auto binary = int(PreviewContent::Kind::Binary);
    QTest::newRow("ASCII") << QByteArray("hello\tworld\r\n") << 13LL << text << "UTF-8" << "hello\tworld\r\n" << 13LL;
    QTest::newRow("UTF-8") << QByteArray("Grüße, 日本\n") << 16LL << text << "UTF-8" << "Grüße, 日本\n" << 16LL;
    QTest::newRow("UTF-8 after its byte order mark") << QByteArray("\xEF\xBB\xBFok") << 5LL << text << "UTF-8" << "ok" << 5LL;
    QTest::newRow("UTF-16 little-endian") << QByteArray("\xFF\xFEh\0i\0", 6) << 6LL << text << "UTF-16" << "hi" << 6LL;
    QTest::newRow("UTF-16 big-endian") << QByteArray("\xFE\xFF\0h\0i", 6) << 6LL << text << "UTF-16" << "hi" << 6LL;
    QTest::newRow("Latin-1") << QByteArray("caf\xE9 cr\xE8me") << 10LL << text << "Latin-1" << "café crème" << 10LL;
    QTest::newRow("a part cut inside a character") << QByteArray("ab\xE6\x97") << 100LL << text << "UTF-8" << "ab" << 2LL;
    QTest::newRow("a whole file ending inside one") << QByteArray("ab\xE6\x97") << 4LL << text << "Latin-1" << "ab\u00E6\u0097" << 4LL;
    QTest::newRow("an overlong form") << QByteArray("a\xC0\xAF") << 3LL << text << "Latin-1" << "a\u00C0\u00AF" << 3LL;
    QTest::newRow("a surrogate") << QByteArray("a\xED\xA0\x80") << 4LL << text << "Latin-1" << "a\u00ED\u00A0\u0080" << 4LL;
    QTest::newRow("empty") << QByteArray() << 0LL << text << "UTF-8" << "" << 0LL;
    QTest::newRow("a NUL byte") << QByteArray("text\0more", 9) << 9LL << binary << "" << "" << 9LL;
    QTest::newRow("many control characters") << QByteArray("\x01\x02\x03 abc") << 7LL << binary << "" << "" << 7LL;
    QTest::newRow("a few control characters") << (QByteArray(200, 'a') + "\x01\x02") << 202LL << text << "UTF-8"
                                             << QString(200, QLatin1Char('a')) + "\u0001\u0002" << 202LL;
    QTest::newRow("a PNG, whole") << pictureBytes("PNG", {40, 30}) << qint64(pictureBytes("PNG", {40, 30}).size()) << image << "png" << ""
                                  << qint64(pictureBytes("PNG", {40, 30}).size());
    QTest::newRow("a BMP, whole") << pictureBytes("BMP", {3, 2}) << qint64(pictureBytes("BMP", {3, 2}).size()) << image << "bmp" << ""
                                  << qint64(pictureBytes("BMP", {3, 2}).size());
    QTest::newRow("a PNG's first part") << pictureBytes("PNG", {40, 30}).left(50) << 1000LL << binary << "" << "" << 50LL;
    // XPM pictures are C source: shown as the text they are.
    const QByteArray xpm = pictureBytes("XPM", {2, 2});
    QTest::newRow("an XPM") << xpm << qint64(xpm.size()) << text << "UTF-8" << QString::fromLatin1(xpm) << qint64(xpm.size());
}

void TestPreviewContent::kinds()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, fileSize);
    QFETCH(int, kind);
    QFETCH(QString, encoding);
    QFETCH(QString, text);
    QFETCH(qint64, shownBytes);
    const PreviewContent preview = nnz::ui::makePreview(bytes, fileSize);
    QCOMPARE(int(preview.kind), kind);
    QCOMPARE(preview.encoding, encoding);
    QCOMPARE(preview.shownBytes, shownBytes);
    QCOMPARE(preview.fileSize, fileSize);
    QCOMPARE(preview.partial(), shownBytes < fileSize);
    if (kind == int(PreviewContent::Kind::Text)) QCOMPARE(preview.text, text);
    if (kind == int(PreviewContent::Kind::Image)) {
        QVERIFY(!preview.image.isNull());
        QCOMPARE(preview.image.pixelColor(0, 0), QColor(Qt::darkCyan));
    }
    if (kind == int(PreviewContent::Kind::Binary)) QCOMPARE(preview.text, nnz::ui::hexDump(bytes));
}

void TestPreviewContent::longTextIsCut()
{
    // Text beyond what is shown, and binary beyond its dump, are cut and said to be.
    const QByteArray lines = QByteArray("0123456789abcde\n").repeated(nnz::ui::kMaxTextBytes / 16 + 10);
    const PreviewContent text = nnz::ui::makePreview(lines, lines.size());
    QCOMPARE(text.kind, PreviewContent::Kind::Text);
    QCOMPARE(text.shownBytes, nnz::ui::kMaxTextBytes);
    QCOMPARE(text.text.size(), nnz::ui::kMaxTextBytes);
    QVERIFY(text.partial());
    const QByteArray zeros(nnz::ui::kMaxHexBytes * 2, '\0');
    const PreviewContent binary = nnz::ui::makePreview(zeros, zeros.size() * 4);
    QCOMPARE(binary.kind, PreviewContent::Kind::Binary);
    QCOMPARE(binary.shownBytes, nnz::ui::kMaxHexBytes);
    QCOMPARE(binary.text.count(QLatin1Char('\n')), nnz::ui::kMaxHexBytes / 16);
}

void TestPreviewContent::hexDumpAsHexdumpWritesIt()
{
    // What `hexdump -C` prints, without its last line (the length).
    QCOMPARE(nnz::ui::hexDump("Hello world\n"),
             QStringLiteral("00000000  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a              |Hello world.|\n"));
    QCOMPARE(nnz::ui::hexDump(QByteArray("\x00\x01\x7f\x80\xff" "0123456789abcdefgh", 23)),
             QStringLiteral("00000000  00 01 7f 80 ff 30 31 32  33 34 35 36 37 38 39 61  |.....0123456789a|\n"
                            "00000010  62 63 64 65 66 67 68                              |bcdefgh|\n"));
    QCOMPARE(nnz::ui::hexDump({}), QString());
}

void TestPreviewContent::limits_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("limit");
    const qint64 mib = 1024 * 1024;
    const qint64 text = 256 * 1024;
    QTest::newRow("a small text") << "notes.txt" << 100LL << 100LL;
    QTest::newRow("a large text") << "notes.txt" << 50 * mib << text;
    QTest::newRow("no suffix") << "README" << 3 * mib << text;
    QTest::newRow("a picture, whole") << "photos/cat.png" << 20 * mib << 20 * mib;
    QTest::newRow("its suffix in capitals") << "CAT.PNG" << 2 * mib << 2 * mib;
    QTest::newRow("a picture too large") << "huge.png" << 33 * mib << text;
    QTest::newRow("an empty file") << "empty.png" << 0LL << 0LL;
}

void TestPreviewContent::limits()
{
    QFETCH(QString, name);
    QFETCH(qint64, size);
    QFETCH(qint64, limit);
    QCOMPARE(nnz::ui::previewLimit(name, size), limit);
}

QTEST_MAIN(TestPreviewContent)
#include "tst_preview_content.moc"
