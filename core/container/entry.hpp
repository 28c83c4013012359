#pragma once
// What the archive knows about one entry (the per-file header, docs/FORMAT.md).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nnz {

enum class EntryType : uint8_t { File = 0, Directory = 1, Symlink = 2 };

// Who owned an entry where it was archived: numbers, and names when they were known there (empty
// otherwise). Extraction as root gives the entry back to them (by name first, as tar does).
struct EntryOwner {
    uint32_t uid = 0;
    uint32_t gid = 0;
    std::string user;
    std::string group;
    bool operator==(const EntryOwner&) const = default;
};

// What an owner name may be in an archive: at most 255 bytes, no control characters, '/' or ':'
// (it is looked up, and shown).
inline bool valid_owner_name(std::string_view name)
{
    if (name.size() > 255) return false;
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f || c == '/' || c == ':') return false;
    return true;
}

// An extended attribute as the file system keeps it: a name with its namespace ("user.comment",
// "security.capability") and value bytes, which need not be text.
struct ExtendedAttribute {
    std::string name;
    std::string value;
    auto operator<=>(const ExtendedAttribute&) const = default;
};

// Linux's limits (XATTR_NAME_MAX, XATTR_SIZE_MAX): nothing larger can be set again.
inline constexpr size_t kMaxAttributeNameBytes = 255;
inline constexpr size_t kMaxAttributeValueBytes = 65536;
// Far above any access control list a file system keeps (ext4 holds one in a 4 KiB block).
inline constexpr size_t kMaxAclTextBytes = 65535;

// What an attribute name may be in an archive: 1 to 255 bytes of UTF-8 without control
// characters (it is shown, and set again by name).
bool valid_attribute_name(std::string_view name);

// An attribute of the system namespace: the file system's own (an access control list in the
// kernel's form, which EntryInfo::acl holds as text; an NFSv4 list; ext4's inline data), which
// nnzip does not keep as an attribute, from disk or from another archive.
inline bool file_system_attribute(std::string_view name) { return name.starts_with("system."); }

// What an access control list may be in an archive: its text (see EntryInfo::acl) of at most
// kMaxAclTextBytes, UTF-8 without control characters.
bool valid_acl_text(std::string_view text);

// Whether attributes may be stored as they are: each name valid, each value at most
// kMaxAttributeValueBytes, sorted by name, each name once.
bool attributes_storable(std::span<const ExtendedAttribute> attributes);

// The attributes that can be stored, in order: invalid names and over-long values are left out
// (each named in left_out, escaped) and the first of repeated names kept.
std::vector<ExtendedAttribute> kept_attributes(std::vector<ExtendedAttribute> attributes,
                                               std::vector<std::string>* left_out = nullptr);

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
    // A duplicate that was the same file on disk as the entry before it (a hard link): extraction
    // makes it a hard link again when it writes both.
    bool hard_link = false;
    // Not recorded for entries of archives made before 0.14 and of formats without owners (zip).
    std::optional<EntryOwner> owner;
    // Extended attributes, sorted by name, each name once (none for archives made before 0.15,
    // with --no-xattrs, and of formats without them).
    std::vector<ExtendedAttribute> xattrs;
    // A POSIX.1e access control list beyond what the mode says, in its long text form with
    // numeric ids after names and default entries (folders) marked "default:", comma-separated:
    // "user::rw-,user:alice:r--:1000,group::r--,mask::r--,other::r--" (the text libarchive's
    // archive_entry_acl_to_text writes, and setfacl reads). Empty: none.
    std::string acl;
};

// What an archive records of each entry beyond its name, type, mode, time and content (nnzip a
// --no-owners, --no-xattrs, --no-acls turn them off).
struct RecordedMetadata {
    bool owners = true;
    bool xattrs = true;
    bool acls = true;
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

// Whether entries[to] is a hard link of entries[from] (from < to): each name after `from` up to
// and including `to` is a hard link of the one before it.
inline bool hard_link_of(std::span<const EntryInfo> entries, size_t from, size_t to)
{
    if (from >= to || to >= entries.size()) return false;
    for (size_t j = from + 1; j <= to; ++j)
        if (!entries[j].hard_link) return false;
    return true;
}

// An entry to add, with where its content comes from.
struct InputItem {
    EntryInfo info;                 // path/type/mode/mtime/size/link_target filled by the walker
    // Where it is on disk (from the walker, for every type); for regular files, where the content
    // is read from.
    std::filesystem::path source;
    // A duplicate's info.content_hash is what its content was found to hash to, checked against
    // its original's as that is read. Not for a hard link of a foreign archive, whose content is
    // its target's by what it is.
    bool hash_expected = true;
    // A regular file with more than one name on disk: its device and inode, so that its other
    // names become hard links of it (find_duplicates); 0 otherwise.
    uint64_t device = 0;
    uint64_t inode = 0;
};

}  // namespace nnz
