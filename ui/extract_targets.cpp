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

}  // namespace nnz::ui
