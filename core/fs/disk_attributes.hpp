#pragma once
// Extended attributes and access control lists of files on disk, for the walker. Most files have
// neither: one llistxattr tells, where libarchive's disk reader opens every file to look (seven
// system calls per file instead of one).
#include <memory>
#include <string>
#include <vector>

#include "../container/entry.hpp"

struct archive;

namespace nnz {

class DiskAttributeReader {
public:
    // follow_symlinks: a path naming a symlink reads its target's (the walk follows them).
    explicit DiskAttributeReader(const RecordedMetadata& recorded, bool follow_symlinks = false);
    ~DiskAttributeReader();
    DiskAttributeReader(const DiskAttributeReader&) = delete;
    DiskAttributeReader& operator=(const DiskAttributeReader&) = delete;

    // Sets info.xattrs and info.acl from the file at path (a symlink's own unless following), as
    // far as recorded asks for them. Attributes in the system namespace are the file system's
    // own (an access control list in the kernel's form among them) and not kept as attributes.
    // With an access control list, info.mode's group bits become those of the owning group's
    // entry (tar's and bsdtar's mode), not the list's mask. What cannot be read or kept is said
    // in warnings; the walk goes on.
    void read(const std::string& path, EntryInfo& info, std::vector<std::string>& warnings);

private:
    struct ArchiveFree {
        void operator()(archive* a) const;
    };
    bool xattrs_;
    bool acls_;
    bool follow_;
    std::vector<char> value_;  // room for the largest value, allocated once (most files have none)
    std::unique_ptr<archive, ArchiveFree> acl_reader_;  // libarchive's, for a list's text; made when first needed
};

}  // namespace nnz
