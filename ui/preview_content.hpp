#pragma once
// What Preview shows of a file's first bytes: text, a picture or a hex dump. Made on the worker
// thread that decoded the bytes (QImage and QString are safe there), shown by PreviewDialog.
#include <QByteArray>
#include <QImage>
#include <QString>

#include <cstdint>

namespace nnz::ui {

struct PreviewContent {
    enum class Kind { Text, Image, Binary };
    Kind kind = Kind::Binary;
    QString text;      // Text: the characters; Binary: the hex dump
    QImage image;      // Image
    QString encoding;  // Text: "UTF-8", "UTF-16" or "Latin-1"; Image: the format ("png"); else empty
    qint64 shownBytes = 0;  // how many of the file's bytes the text, picture or dump holds
    qint64 fileSize = 0;
    bool partial() const { return shownBytes < fileSize; }
};

// How much of a file named fileName of fileSize bytes Preview decodes: a picture (by its name)
// whole up to kMaxPictureBytes, anything else its first kMaxTextBytes (some 4,000 lines of text;
// a neural block decodes at about 150 KB/s, so that takes two seconds where a MiB took eight).
inline constexpr qint64 kMaxPictureBytes = 32 * 1024 * 1024;
inline constexpr qint64 kMaxTextBytes = 256 * 1024;
inline constexpr qint64 kMaxHexBytes = 64 * 1024;
qint64 previewLimit(const QString& fileName, qint64 fileSize);

// bytes are the first bytes of a file of fileSize bytes. A picture (any format Qt's image
// plugins read, by its content) only when bytes hold the whole file; text when they decode as
// UTF-8 (a character cut at the end of a part is dropped), as UTF-16 after a byte order mark,
// or, failing those, when they look like text in a one-byte set (no NUL, few control
// characters: shown as Latin-1); anything else a hex dump of its first kMaxHexBytes.
PreviewContent makePreview(const QByteArray& bytes, qint64 fileSize);

// The classic 16-bytes-a-line dump: "00000010  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a ...  |Hello world.|".
QString hexDump(const QByteArray& bytes);

}  // namespace nnz::ui
