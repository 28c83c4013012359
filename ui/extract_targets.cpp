#include "extract_targets.hpp"

#include <QDir>
#include <QFileInfo>

namespace nnz::ui {

bool isSelected(const QString& entryPath, const QStringList& selection)
{
    if (selection.isEmpty()) return true;
    for (const QString& name : selection)
        if (entryPath == name || entryPath.startsWith(name + QLatin1Char('/'))) return true;
    return false;
}

QString firstExistingTarget(std::span<const nnz::EntryInfo> entries, const QString& destination,
                            const QStringList& selection)
{
    const QDir dest(destination);
    for (const auto& entry : entries) {
        const QString path = QString::fromStdString(entry.path);
        if (entry.type == nnz::EntryType::Directory || !isSelected(path, selection)) continue;
        const QFileInfo target(dest.filePath(path));
        if (target.exists() || target.isSymLink()) return path;
    }
    return {};
}

QString unusedPath(const QString& wanted)
{
    auto taken = [](const QString& path) {
        const QFileInfo info(path);
        return info.exists() || info.isSymLink();
    };
    if (!taken(wanted)) return wanted;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(wanted).arg(n);
        if (!taken(candidate)) return candidate;
    }
}

TopLevel topLevelOf(std::span<const nnz::EntryInfo> entries)
{
    if (entries.empty()) return {};
    const QString top = QString::fromStdString(entries.front().path).section(QLatin1Char('/'), 0, 0);
    if (top.isEmpty() || top == QLatin1String("..")) return {};
    bool isFolder = false;  // a folder entry of that name, or names inside it
    for (const auto& entry : entries) {
        const QString path = QString::fromStdString(entry.path);
        if (path == top)
            isFolder = isFolder || entry.type == nnz::EntryType::Directory;
        else if (path.startsWith(top + QLatin1Char('/')))
            isFolder = true;
        else
            return {};
    }
    return {top, isFolder};
}

ExtractionPlace extractHerePlace(std::span<const nnz::EntryInfo> entries, const QString& folder,
                                    const QString& archiveBaseName)
{
    const QDir dir(folder);
    auto taken = [](const QString& path) {
        const QFileInfo info(path);
        return info.exists() || info.isSymLink();
    };
    const auto wrapped = [&] {
        const QString made = unusedPath(dir.filePath(archiveBaseName));
        return ExtractionPlace{made, 0, made};
    };
    const TopLevel top = topLevelOf(entries);
    if (top.name.isEmpty()) return wrapped();
    const QString target = dir.filePath(top.name);
    if (top.isFolder) {
        if (!taken(target)) return {folder, 0, target};
        const QString renamed = unusedPath(target);
        return {renamed, 1, renamed};
    }
    if (entries.size() == 1 && !taken(target)) return {folder, 0, folder};
    return wrapped();
}

QString extractFolderFor(std::span<const nnz::EntryInfo> chosen, const QString& folder, const QString& archiveBaseName)
{
    if (!topLevelOf(chosen).name.isEmpty()) return folder;
    return QDir(folder).filePath(archiveBaseName);
}

}  // namespace nnz::ui
