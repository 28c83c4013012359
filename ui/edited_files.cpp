#include "edited_files.hpp"

#include <QFileInfo>

namespace nnz::ui {

EditedFiles::EditedFiles(QObject* parent) : QObject(parent)
{
    settle_timer_.setSingleShot(true);
    connect(&settle_timer_, &QTimer::timeout, this, &EditedFiles::settle);
    connect(&watcher_, &QFileSystemWatcher::fileChanged, this, &EditedFiles::changed);
    // A save by rename removes the watched file from the watcher; its folder tells when it is back.
    connect(&watcher_, &QFileSystemWatcher::directoryChanged, this, [this](const QString& folder) {
        for (auto it = entries_.cbegin(); it != entries_.cend(); ++it)
            if (QFileInfo(it.key()).absolutePath() == folder && !watcher_.files().contains(it.key())) changed(it.key());
    });
}

void EditedFiles::watch(const QString& localFile, const QString& entryPath, const QString& archive)
{
    entries_.insert(localFile, {entryPath, archive});
    watcher_.addPath(localFile);
    watcher_.addPath(QFileInfo(localFile).absolutePath());
}

void EditedFiles::clear()
{
    if (!watcher_.files().isEmpty()) watcher_.removePaths(watcher_.files());
    if (!watcher_.directories().isEmpty()) watcher_.removePaths(watcher_.directories());
    entries_.clear();
    pending_.clear();
    settle_timer_.stop();
}

void EditedFiles::changed(const QString& localFile)
{
    if (!entries_.contains(localFile)) return;
    if (QFileInfo::exists(localFile) && !watcher_.files().contains(localFile)) watcher_.addPath(localFile);
    pending_.insert(localFile);
    settle_timer_.start(settle_ms_);  // each write pushes the moment back
}

void EditedFiles::settle()
{
    const QSet<QString> files = std::exchange(pending_, {});
    for (const QString& file : files) {
        const auto found = entries_.constFind(file);
        if (found == entries_.cend() || !QFileInfo(file).isFile()) continue;  // deleted, not saved
        emit saved(file, found->entryPath, found->archive);
    }
}

}  // namespace nnz::ui
