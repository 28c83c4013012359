#pragma once
// Creating an archive from paths on disk; called by the CLI and the GUI on a worker thread.
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "../container/archive_writer.hpp"
#include "../fs/disk_walker.hpp"
#include "../job_control.hpp"
#include "../neural/neural_codec.hpp"
#include "remove_archived.hpp"

namespace nnz {

struct CompressOptions {
    std::string codec = "neural";    // "neural" | "store"
    std::string preset = "default";  // "fast" | "default" | "max" | "gpu" (neural only)
    Device device = Device::Auto;
    int lanes = 0;                   // 0 = the preset's
    int threads = 0;                 // CPU threads in all (parallel blocks x model threads); 0 = all cores
    uint64_t block_size = 0;         // raw bytes per solid block; 0 = the container's default
    // Bytes the blocks compressed at once may need together (BlockCodec::memory_for each); fewer
    // blocks run in parallel where more would not fit. 0 = default_memory_limit() (half of RAM).
    uint64_t memory_limit = 0;
    bool overwrite = false;          // replace an existing archive
    // Files that cannot be read: skipped with a warning when set; otherwise the job fails with
    // Error(Io) naming the file. Never dropped silently.
    bool skip_unreadable = false;
    // Shell patterns for inputs to leave out (EntryPatterns: "*.o", ".git", "src/build").
    std::vector<std::string> exclude;
    // a, u: when not empty, only files and symlinks these patterns match (WalkOptions::included).
    std::vector<std::string> include;
    // Told about inputs that were skipped (sockets, fifos, devices, the archive itself, and
    // unreadable files with skip_unreadable).
    std::function<void(const std::string&)> on_warning;
    // A new archive (a, convert, u making one) is encrypted with it when it is not empty; u and d
    // open an encrypted archive with it, and what they write keeps that archive's key.
    Passphrase passphrase;
    // A recovery record of this percent of the archive (recovery_record.hpp); 0: none. Unset: a
    // new archive gets none, a changed one keeps what it had.
    std::optional<unsigned> recovery_percent;
    // An input "-" is standard input (stdin_input.hpp), stored as one file of this name (empty:
    // the archive's name without ".nnz").
    std::string stdin_name;
    // Splits a new archive into volumes of this many bytes (NAME.001, NAME.002, ...); 0: one
    // file. Edits cannot change a split archive.
    uint64_t volume_size = 0;
    // A folder inside the archive that the inputs go into ("docs/2024": "notes.txt" is stored as
    // "docs/2024/notes.txt"); empty: the top. Folders it names that the archive lacks are implied
    // by the names inside them, as in zips without folder entries.
    std::string into;
    // Record each entry's owner (uid, gid, names), extended attributes and access control list.
    // Owners off: none, so that the archive does not depend on who made it (as tar --owner=0
    // --group=0 --numeric-owner, for reproducible archives).
    RecordedMetadata recorded;
    // a, u: once the archive is complete, remove the files and folders it was made of
    // (remove_archived.hpp: only what it holds as it was read, its contents verified first).
    bool remove_files = false;
    // a, u: store what symlinks point to instead of the links (walk_inputs); not together with
    // remove_files, which would then remove files outside the inputs through them.
    bool follow_symlinks = false;
    // a, u: leave out version control's folders and files (kVersionControlNames, as tar
    // --exclude-vcs), and what cache folders hold but their CACHEDIR.TAG (tar --exclude-caches).
    bool exclude_vcs = false;
    bool exclude_caches = false;
    // a, u: folders holding a file of one of these names keep only it (WalkOptions::exclude_tags).
    std::vector<std::string> exclude_tags;
    // a, u: do not enter folders on other file systems (WalkOptions::one_file_system).
    bool one_file_system = false;
    // a, u: leave out files and symlinks not modified after this (WalkOptions::modified_after).
    std::optional<ModificationTime> modified_after;
    // a, u, d, convert (and rn, passwd, rr: edit_job.hpp): decode the archive written and verify
    // every checksum (and its recovery record; a zip, 7z or tar against the files read) before it
    // replaces anything (zip -T); a failure keeps nothing new and changes nothing.
    bool test = false;
};

// What --exclude-vcs leaves out, anywhere in the tree: the names GNU tar's --exclude-vcs does.
inline constexpr std::array<std::string_view, 21> kVersionControlNames{
    ".git",  ".gitignore", ".gitattributes", ".gitmodules", ".svn",  ".hg",          ".hgignore",
    ".hgtags", ".bzr",     ".bzrignore",     ".bzrtags",    "CVS",   ".cvsignore",   "RCS",
    "SCCS",  "_darcs",     ".arch-ids",      "{arch}",      "=RELEASE-ID", "=meta-update", "=update"};

// Throws Error(Usage) for unknown codec/preset names, out-of-range numbers or an invalid `into`.
void validate(const CompressOptions& options);
// options.into normalised with a '/' after it ("docs/2024/"), or "" for the top; throws
// Error(Usage) for a name no archive may hold ("../x", "/abs").
std::string into_prefix(const CompressOptions& options);
// A word for the user where the options suit another machine (the gpu preset on the CPU).
std::optional<std::string> device_warning(const CompressOptions& options);

// The container settings for these options and items: the codec factory, the block size and the
// split of the thread budget into blocks in parallel (as many as fit the memory limit) and model
// threads. Tells options.on_warning what device_warning() says: every job that writes an archive
// comes through here.
WriteOptions write_options_for(const CompressOptions& options, std::span<const InputItem> items);

// The inputs as the archive will hold them (walk_inputs, under options.into), without the archive
// itself (it may sit inside a folder being archived); the walk's warnings go to options.on_warning.
// not_chosen, when given, receives the names (under options.into) of the files and symlinks that
// --newer-mtime or --include left out (WalkOptions::on_not_chosen).
std::vector<InputItem> gather_inputs(const std::filesystem::path& archive, std::span<const std::filesystem::path> inputs,
                                     const CompressOptions& options, std::vector<std::string>* not_chosen = nullptr);

// An input "-" reads standard input to its end first (SpooledStdin), after the other inputs
// were listed.
// Returns what options.remove_files removed (nothing when not asked); what it left is told to
// options.on_warning as well.
RemovalSummary compress_paths(const std::filesystem::path& archive, std::span<const std::filesystem::path> inputs,
                              const CompressOptions& options, JobControl& control);

// options.remove_files after an archive was written from these items (a volume of a split
// archive: its first file): remove_archived_inputs, its warnings told to options.on_warning.
RemovalSummary remove_inputs_if_asked(const std::filesystem::path& written, std::span<const InputItem> items,
                                      const CompressOptions& options, JobControl& control);

}  // namespace nnz
