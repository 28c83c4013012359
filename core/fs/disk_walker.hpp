#pragma once
// Turns the paths named on a command line (or dropped on the GUI) into archive entries.
#include <compare>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "../container/entry.hpp"
#include "../container/entry_pattern.hpp"

namespace nnz {

// How walk_inputs() walks.
// A file's modification time, to the nanosecond.
struct ModificationTime {
    int64_t sec = 0;
    uint32_t nsec = 0;
    auto operator<=>(const ModificationTime&) const = default;
};

struct WalkOptions {
    // Regular files this process may not read and names an archive cannot hold (not UTF-8,
    // control characters; a folder with everything in it) are left out with a line in warnings;
    // otherwise they throw Error(Io) before anything is compressed.
    bool skip_unreadable = false;
    // Names these match are left out; excluded folders are not entered.
    EntryPatterns excluded;
    // Owners, extended attributes and access control lists to read (not reading attributes and
    // lists saves system calls per file).
    RecordedMetadata recorded;
    // Store what a symlink names (a file's content, a folder with everything in it) under the
    // link's name (tar -h); only a link whose target is missing or holds the link (a loop) stays
    // a link. Otherwise links are stored, never followed.
    bool follow_symlinks = false;
    // A folder holding a CACHEDIR.TAG with the standard signature (bford.info/cachedir) keeps
    // only that file (tar --exclude-caches): caches can be made again.
    bool exclude_caches = false;
    // A folder holding a file of one of these names keeps only that file (tar --exclude-tag,
    // borg's --exclude-if-present: a .nobackup file marks a folder to leave out).
    std::vector<std::string> exclude_tags;
    // Folders on another file system than their input's (mount points) are stored but not
    // entered (tar --one-file-system): a backup of / leaves out /proc, /sys and other disks.
    bool one_file_system = false;
    // Files and symlinks modified at or before this are left out (tar --newer-mtime: an
    // incremental backup); folders are kept, so that the tree stays as it was.
    std::optional<ModificationTime> modified_after;
    // When not empty, only files and symlinks these match are kept (zip -i, 7-Zip's -i!): a
    // folder that matches with everything in it, and the folders that lead to what is kept, so
    // that they keep their own times and permissions; other folders are walked but not stored.
    // Exclusions still win.
    EntryPatterns included;
    // Told the name of each file and symlink that modified_after or included leaves out (they
    // are on disk, only not chosen: `u` keeps what the archive holds of them).
    std::function<void(const std::string& path)> on_not_chosen;
};

// Walks every input (directories recursively) with libarchive's disk reader. Entry names are
// relative to each input's parent folder ("../corpus/cantrbry" -> "cantrbry",
// "cantrbry/alice29.txt", ...) and the result is sorted by name so that the same tree always gives
// the same archive.
// Throws Error(Io) for a missing or unreadable input, Error(Usage) when two inputs give the same
// name. Sockets, fifos and devices are skipped with a line in warnings. Attributes an archive
// cannot hold (names not UTF-8) are left out with a warning.
std::vector<InputItem> walk_inputs(std::span<const std::filesystem::path> inputs,
                                   std::vector<std::string>& warnings, const WalkOptions& options = {});
std::vector<InputItem> walk_inputs(std::span<const std::filesystem::path> inputs);

}  // namespace nnz
