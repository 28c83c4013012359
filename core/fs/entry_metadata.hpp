#pragma once
// Extended attributes and access control lists between EntryInfo and libarchive's entries, for
// the disk walker and writer, foreign archives and exports alike.
#include <span>
#include <string>
#include <vector>

#include "../container/entry.hpp"

struct archive_entry;

namespace nnz {

// The entry's extended attributes as an archive keeps them (kept_attributes), without the system
// namespace (the access control list in the kernel's form among it: acl_of has that); the names of
// those it cannot keep are added to left_out.
std::vector<ExtendedAttribute> attributes_of(archive_entry* entry, std::vector<std::string>* left_out = nullptr);

// The entry's POSIX.1e access control list as EntryInfo::acl holds it; empty when it has none
// beyond its mode. (An NFSv4 list, which Linux file systems do not keep, is not read.)
std::string acl_of(archive_entry* entry);

void add_attributes(archive_entry* entry, std::span<const ExtendedAttribute> attributes);

// Gives the entry the list `text` holds (EntryInfo::acl); false when libarchive cannot read all
// of it (what it read is set).
bool add_acl(archive_entry* entry, const std::string& text);

}  // namespace nnz
