#pragma once
// `nnzip diff ARCHIVE [-C DIR]`: what differs between an archive and the files on disk, as
// `tar --compare` tells it. An .nnz is not decoded: a file's content is compared through the
// XXH64 checksum the archive keeps of it. A foreign archive (zip, tar, 7z, ...) keeps none: the
// files of the same size as on disk are decoded and hashed.
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "../container/encryption.hpp"
#include "../container/entry_pattern.hpp"
#include "../job_control.hpp"

namespace nnz {

struct Difference {
    std::string path;  // the entry's name (or, for what is only on disk, the name it would have)
    // What differs, archive first: "missing on disk", "only on disk", "a folder in the archive, a
    // file on disk", "content", "size 10 -> 12", "mode 0644 -> 0600", "modified", "link target
    // a -> b", "owner 1000:1000 -> 0:0", "extended attributes", "access control list".
    std::vector<std::string> what;
};

// "docs/a.txt: size 11 -> 25, modified": the line `diff` prints and the GUI lists (the name
// escaped where it is not UTF-8).
std::string describe(const Difference& difference);

// Compares the entries the names select (select_entries; empty = all) of an .nnz with what lies
// under base (the folder the archive was made in: "docs/a.txt" is base/docs/a.txt). A folder of
// the selection with files on disk that the archive lacks reports them as "only on disk". Owners
// count where the archive records them, attributes and lists where it holds any (one made before
// 0.15 or with --no-xattrs holds none); folders' times are not compared. Files are read, never written; one that cannot be read is a difference
// ("cannot read: ..."), not an error. A foreign archive's times are compared to the second (a
// zip's within one). Throws Error(Data) for a damaged archive or an entry that cannot be read
// (encrypted), Error(Password) without its password.
// What excluded matches is left out on both sides (an entry, a file only on disk, a folder with
// everything in it).
std::vector<Difference> compare_with_disk(const std::filesystem::path& archive, const std::filesystem::path& base,
                                          std::span<const std::string> names, JobControl& control,
                                          const Passphrase& passphrase = {}, const EntryPatterns& excluded = {});

}  // namespace nnz
