#include "remove_archived.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unordered_map>

#include "../container/entry_path.hpp"
#include "../error.hpp"
#include "../interop/opened_archive.hpp"
#include "content_check.hpp"
#include "extract_job.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

// Whether the stored entry is the item as it was read (what `u` keeps unchanged is too). A zip,
// 7z or tar keeps times less finely (a zip to the second): there the content decides.
bool stored_as_read(const EntryInfo& stored, const EntryInfo& read, bool foreign)
{
    return stored.type == read.type && stored.size == read.size && stored.link_target == read.link_target &&
           (foreign || (stored.mtime_sec == read.mtime_sec && stored.mtime_nsec == read.mtime_nsec));
}

std::string shown(const InputItem& item) { return escaped_name(item.source.string()); }

// Why the file or symlink on disk (st: its lstat now) is no longer what was read; empty when it
// still is.
std::string changed_since_read(const InputItem& item, const struct stat& st)
{
    const EntryInfo& read = item.info;
    const bool file = read.type == EntryType::File;
    if (file ? !S_ISREG(st.st_mode) : !S_ISLNK(st.st_mode)) return "replaced since it was archived";
    if (st.st_mtim.tv_sec != read.mtime_sec || static_cast<uint32_t>(st.st_mtim.tv_nsec) != read.mtime_nsec ||
        (file && static_cast<uint64_t>(st.st_size) != read.size))
        return "changed since it was archived";
    if (!file) {
        std::string target(static_cast<size_t>(st.st_size) + 1, '\0');
        const ssize_t n = ::readlink(item.source.c_str(), target.data(), target.size());
        if (n < 0) return std::strerror(errno);
        target.resize(static_cast<size_t>(n));
        if (target != read.link_target) return "changed since it was archived";
    }
    return {};
}

size_t depth(const std::string& path) { return static_cast<size_t>(std::count(path.begin(), path.end(), '/')); }

}  // namespace

RemovalSummary remove_archived_inputs(const fs::path& archive, std::span<const InputItem> inputs,
                                      const Passphrase& passphrase, JobControl& control)
{
    RemovalSummary summary;
    const auto opened = open_archive(archive, &control, passphrase);
    const auto& entries = opened->entries();
    std::unordered_map<std::string_view, size_t> stored;
    for (size_t i = 0; i < entries.size(); ++i) stored.emplace(entries[i].path, i);

    // What may go: items the archive holds as they were read. Their contents are decoded first.
    std::vector<const InputItem*> files, folders;
    std::vector<size_t> to_verify;
    const bool foreign = opened->foreign() != nullptr;
    ExpectedContents expected;  // foreign: the files' hashes as read
    for (const auto& item : inputs) {
        const auto at = stored.find(item.info.path);
        if (item.source.empty() || at == stored.end() || !stored_as_read(entries[at->second], item.info, foreign)) {
            summary.kept.push_back(shown(item) + ": not in the archive as it was read");
            continue;
        }
        if (item.info.type == EntryType::Directory) {
            folders.push_back(&item);
            continue;
        }
        files.push_back(&item);
        if (item.info.type == EntryType::File && item.info.size > 0) {
            to_verify.push_back(at->second);
            if (foreign) expected[item.info.path] = item.info.content_hash;
        }
    }
    if (!to_verify.empty()) {
        std::sort(to_verify.begin(), to_verify.end());
        run_as_percent_part(control, control.verifying_percent, [&](JobControl& verifying) {
            if (foreign) verify_contents(*opened, to_verify, std::move(expected), verifying);
            else verify_entries(*opened, to_verify, verifying);
        });
    }
    control.checkpoint();

    for (const InputItem* item : files) {
        control.checkpoint();
        struct stat st {};
        if (::lstat(item->source.c_str(), &st) != 0) {
            if (errno != ENOENT) summary.kept.push_back(shown(*item) + ": " + std::strerror(errno));
            continue;  // ENOENT: gone already (named twice)
        }
        if (const std::string why = changed_since_read(*item, st); !why.empty()) {
            summary.kept.push_back(shown(*item) + ": " + why);
        } else if (::unlink(item->source.c_str()) != 0) {
            summary.kept.push_back(shown(*item) + ": " + std::strerror(errno));
        } else {
            ++summary.files;
        }
    }
    // Deepest first, so that a folder emptied of its folders goes too. One that still holds
    // something (left out with -x, added meanwhile, the archive itself) stays without a word.
    std::stable_sort(folders.begin(), folders.end(),
                     [](const InputItem* a, const InputItem* b) { return depth(a->info.path) > depth(b->info.path); });
    for (const InputItem* folder : folders) {
        control.checkpoint();
        if (::rmdir(folder->source.c_str()) == 0) {
            ++summary.folders;
        } else if (errno != ENOTEMPTY && errno != EEXIST && errno != ENOENT) {
            summary.kept.push_back(shown(*folder) + ": " + std::strerror(errno));
        }
    }
    return summary;
}

}  // namespace nnz
