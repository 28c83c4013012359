#pragma once
// Changing an existing archive: adding files, renaming and deleting entries. The archive is written anew
// (to a temporary file renamed over it when complete, so a failure or a cancel at any point
// leaves the old one exactly as it was), but only what changed is compressed: a run of blocks
// that no removed entry lives in is copied as it is stored, packed bytes and codec settings
// (whichever preset made it); only the surviving entries of runs that lose something are decoded
// and compressed again with the new options, and new files go into new blocks after them, as
// 7-Zip does with solid blocks. (Blocks form runs where a file continues from one into the next.)
#include <filesystem>
#include <span>
#include <string>

#include "../job_control.hpp"
#include "compress_job.hpp"

namespace nnz {

// An input whose name (under options.into) equals an existing entry replaces that entry (and,
// for a folder, everything inside it), the way a file manager's copy replaces a same-named item.
// Adding into a name that is a file or a link in the archive is refused (Error(Usage)).
// options.overwrite is ignored: replacing the archive is the point. Returns what
// options.remove_files removed (the inputs, whether compressed now or kept as stored).
RemovalSummary add_paths(const std::filesystem::path& archive, std::span<const std::filesystem::path> inputs,
                         const CompressOptions& options, JobControl& control);

// Renames an entry (a name as for select_entries, never a pattern) and, for a folder, moves everything inside it
// along (`docs` → `manual`: `docs/a.txt` → `manual/a.txt`). Nothing is compressed: every block
// is copied. Throws Error(Usage) when from matches nothing or to is not a safe relative name or
// would put an entry under a file or symlink, Error(Exists) when a new name is already taken,
// before anything is written. With test_before_keeping, the archive written is tested as
// CompressOptions::test says before it replaces the old one (also for the two below).
void rename_entry(const std::filesystem::path& archive, const std::string& from, const std::string& to,
                  JobControl& control, const Passphrase& passphrase = {}, bool test_before_keeping = false);

// Encrypts the archive with `replacement` (a new key: a fresh salt), or writes it without
// encryption when that is empty; `current` opens it when it is encrypted. Nothing is compressed
// or decoded: every block is copied (and sealed anew). Throws Error(Password) for a missing or
// wrong current password, Error(Usage) when asked to remove the password of a plain archive.
void change_password(const std::filesystem::path& archive, const Passphrase& current, const Passphrase& replacement,
                     JobControl& control, bool test_before_keeping = false);

// Gives the archive a recovery record of `percent` (recovery_record.hpp), replacing the one it
// has, or with 0 removes it. Nothing is compressed or decoded: every block is copied (and checked).
// Throws Error(Usage) for a percent out of range or removing a record the archive does not have.
void set_recovery_record(const std::filesystem::path& archive, unsigned percent, JobControl& control,
                         const Passphrase& passphrase = {}, bool test_before_keeping = false);

// Removes the entries that the names select (select_entries: an entry of that name, and with a
// folder everything inside it). Throws Error(Usage) when names is empty or a name matches
// nothing, before anything is written. options say how the entries that must be recompressed
// are compressed.
void delete_entries(const std::filesystem::path& archive, std::span<const std::string> names,
                    const CompressOptions& options, JobControl& control);

}  // namespace nnz
