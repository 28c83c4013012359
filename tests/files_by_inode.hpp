#pragma once
// The regular files under a folder grouped by what they are on disk: one string per file, its
// names (relative to the folder, sorted) joined by spaces; the strings sorted. Hard links of one
// file share a string.
#include <QStringList>

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <utility>

namespace {

QStringList filesByInode(const std::filesystem::path& folder)
{
    std::map<std::pair<dev_t, ino_t>, QStringList> byFile;
    for (auto it = std::filesystem::recursive_directory_iterator(folder); it != std::filesystem::recursive_directory_iterator(); ++it) {
        struct stat st {};
        if (!it->is_regular_file() || ::stat(it->path().c_str(), &st) != 0) continue;
        byFile[{st.st_dev, st.st_ino}] << QString::fromStdString(it->path().lexically_relative(folder).string());
    }
    QStringList files;
    for (auto& [file, names] : byFile) {
        names.sort();
        files << names.join(' ');
    }
    files.sort();
    return files;
}

}  // namespace
