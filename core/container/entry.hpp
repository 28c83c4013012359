#pragma once
// What the archive knows about one entry (the per-file header, docs/FORMAT.md).
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace nnz {

enum class EntryType : uint8_t { File = 0, Directory = 1, Symlink = 2 };

struct EntryInfo {
    std::string path;         // normalised relative UTF-8 path, '/' separated (see entry_path.hpp)
    EntryType type = EntryType::File;
    uint32_t mode = 0644;     // permission bits only (07777)
    int64_t mtime_sec = 0;    // seconds since the Unix epoch
    uint32_t mtime_nsec = 0;
    uint64_t size = 0;        // content bytes; 0 for directories and symlinks
    std::string link_target;  // symlinks only, stored as is (it is not a path we write through)
    uint64_t content_hash = 0;  // XXH64 (seed 0) of the content
    uint32_t block = 0;       // first block holding the content (meaningless when size == 0)
    uint64_t offset = 0;      // offset of the content inside that block's raw bytes; the content
                              // continues into the following blocks when it does not fit
    // A file whose content equals that of the file before it in archive order (or of that one's
    // original): it is stored once, and block/offset/content_hash are the original's
    // (docs/FORMAT.md, "Duplicates"). Given to the writer, content_hash is the content's expected
    // hash, checked against the original's as it is read.
    bool duplicate = false;
};

// Whether two files' contents lie in the same place of the solid stream: a duplicate and the file
// before it (its original or another duplicate of it).
inline bool same_content_place(const EntryInfo& a, const EntryInfo& b)
{
    return a.type == EntryType::File && b.type == EntryType::File && a.size == b.size && a.block == b.block &&
           a.offset == b.offset;
}

// The file whose content entries[index] repeats when that is a duplicate (the nearest entry
// before it that is not one); index itself otherwise.
inline size_t original_of(std::span<const EntryInfo> entries, size_t index)
{
    while (index > 0 && index < entries.size() && entries[index].duplicate) --index;
    return index;
}

// An entry to add, with where its content comes from.
struct InputItem {
    EntryInfo info;                 // path/type/mode/mtime/size/link_target filled by the walker
    std::filesystem::path source;   // regular files: the file on disk to read the content from
    // A duplicate's info.content_hash is what its content was found to hash to, checked against
    // its original's as that is read. Not for a hard link of a foreign archive, whose content is
    // its target's by what it is.
    bool hash_expected = true;
};

}  // namespace nnz
