#include "preview_content.hpp"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QStringDecoder>

#include <algorithm>
#include <string_view>

#include "container/entry_path.hpp"

namespace nnz::ui {
namespace {

// The length of the longest prefix of bytes that is well-formed UTF-8 (no overlong forms, no
// surrogates, nothing above U+10FFFF).
qsizetype validUtf8Prefix(const QByteArray& bytes)
{
    const std::string_view text(bytes.constData(), size_t(bytes.size()));
    size_t i = 0;
    while (i < text.size()) {
        const size_t length = nnz::utf8_char_length(text, i);
        if (length == 0) break;
        i += length;
    }
    return qsizetype(i);
}

// Whether tail is the start of a UTF-8 character cut short: a lead byte and fewer continuation
// bytes than it announces.
bool startsCharacter(const QByteArray& tail)
{
    if (tail.isEmpty()) return false;
    const auto lead = static_cast<unsigned char>(tail[0]);
    const qsizetype length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (tail.size() >= length) return false;
    return std::all_of(tail.begin() + 1, tail.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; });
}

// Text has no NUL and few control characters besides tab, line and page breaks and escape.
bool fewControls(const QByteArray& bytes)
{
    qsizetype controls = 0;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == 0) return false;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) || c == 0x7F) ++controls;
    }
    return controls * 64 <= bytes.size();
}

bool textFromBytes(const QByteArray& bytes, bool partial, PreviewContent& preview)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        const QByteArray even = bytes.left(bytes.size() & ~qsizetype(1));
        QStringDecoder decoder(QStringDecoder::Utf16);  // follows the byte order mark
        preview.text = decoder.decode(even);
        preview.encoding = QStringLiteral("UTF-16");
        preview.shownBytes = even.size();
        return true;
    }
    if (!fewControls(bytes)) return false;
    const qsizetype valid = validUtf8Prefix(bytes);
    // A part may end inside a character: up to three bytes of one are left out.
    if (valid == bytes.size() || (partial && startsCharacter(bytes.mid(valid)))) {
        const qsizetype skip = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        preview.text = QString::fromUtf8(bytes.constData() + skip, valid - skip);
        preview.encoding = QStringLiteral("UTF-8");
        preview.shownBytes = valid;
        return true;
    }
    preview.text = QString::fromLatin1(bytes);
    preview.encoding = QStringLiteral("Latin-1");
    preview.shownBytes = bytes.size();
    return true;
}

}  // namespace

qint64 previewLimit(const QString& fileName, qint64 fileSize)
{
    const QByteArray suffix = QFileInfo(fileName).suffix().toLower().toLatin1();
    if (!suffix.isEmpty() && fileSize <= kMaxPictureBytes && QImageReader::supportedImageFormats().contains(suffix)) return fileSize;
    return std::min(fileSize, kMaxTextBytes);
}

PreviewContent makePreview(const QByteArray& bytes, qint64 fileSize)
{
    PreviewContent preview;
    preview.fileSize = fileSize;
    const bool whole = bytes.size() == fileSize;
    if (whole && !bytes.isEmpty()) {
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        const QByteArray format = reader.format();
        // Text formats that are also pictures (XPM, PBM...) read as text, except SVG drawings.
        const bool asText = format.isEmpty() || (format != "svg" && format != "svgz" && fewControls(bytes));
        if (!asText) {
            QImage image = reader.read();
            if (!image.isNull()) {
                preview.kind = PreviewContent::Kind::Image;
                preview.image = std::move(image);
                preview.encoding = QString::fromLatin1(format);
                preview.shownBytes = fileSize;
                return preview;
            }
        }
    }
    const QByteArray head = bytes.left(kMaxTextBytes);
    if (textFromBytes(head, head.size() < fileSize, preview)) {
        preview.kind = PreviewContent::Kind::Text;
        return preview;
    }
    preview.kind = PreviewContent::Kind::Binary;
    preview.encoding.clear();
    const QByteArray dumped = bytes.left(kMaxHexBytes);
    preview.text = hexDump(dumped);
    preview.shownBytes = dumped.size();
    return preview;
}

QString hexDump(const QByteArray& bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    QString out;
    out.reserve((bytes.size() / 16 + 1) * 79);
    for (qsizetype line = 0; line < bytes.size(); line += 16) {
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString shown;
        for (qsizetype k = 0; k < 16; ++k) {
            if (k == 8) out += QLatin1Char(' ');
            if (line + k < bytes.size()) {
                const auto c = static_cast<unsigned char>(bytes[line + k]);
                out += QLatin1Char(kDigits[c >> 4]);
                out += QLatin1Char(kDigits[c & 15]);
                out += QLatin1Char(' ');
                shown += (c >= 0x20 && c < 0x7F) ? QLatin1Char(char(c)) : QLatin1Char('.');
            } else {
                out += QLatin1String("   ");
            }
        }
        out += QLatin1Char(' ');
        out += QLatin1Char('|') + shown + QLatin1Char('|') + QLatin1Char('\n');
    }
    return out;
}

}  // namespace nnz::ui
