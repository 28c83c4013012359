#pragma once
// --newer-mtime DATE (tar -N): the moment after which a file must have been modified to be
// archived, from a date in local time or from another file's modification time.
#include <string_view>

#include "fs/disk_walker.hpp"

namespace nnz::cli {

// "2026-12-01", "2026-12-01 14:30", "2026-12-01T14:30:05" (local time), "@1764547200" (seconds
// since 1970, UTC), or, as tar takes them, a name starting with '/' or '.': that file's
// modification time. Throws Error(Usage) for anything else or a date that does not exist,
// Error(Io) for a file that cannot be read.
ModificationTime parse_modified_after(std::string_view text);

}  // namespace nnz::cli
