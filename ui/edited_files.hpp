#pragma once
// Files of an archive opened with another application ("Open with Default Application"), watched
// so that saving one can put it back into the archive, as 7-Zip and Ark offer. Each file's saves
// come as one `saved` signal after the writes settle (an editor may write, truncate and rename in
// quick succession); a file replaced by rename, as many editors save, is watched again.
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace nnz::ui {

class EditedFiles : public QObject {
    Q_OBJECT
public:
    explicit EditedFiles(QObject* parent = nullptr);

    // Starts watching localFile, the copy of entryPath of archive.
    void watch(const QString& localFile, const QString& entryPath, const QString& archive);
    // Stops watching everything (the archive was closed or another one opened).
    void clear();
    QStringList watchedFiles() const { return entries_.keys(); }
    // How long writes must have stopped before `saved` (ms).
    void setSettleTime(int ms) { settle_ms_ = ms; }

signals:
    void saved(const QString& localFile, const QString& entryPath, const QString& archive);

private:
    void changed(const QString& localFile);
    void settle();

    struct Watched {
        QString entryPath;
        QString archive;
    };
    QFileSystemWatcher watcher_;
    QHash<QString, Watched> entries_;
    QSet<QString> pending_;
    QTimer settle_timer_;
    int settle_ms_ = 400;
};

}  // namespace nnz::ui
