#pragma once
// Extracting and testing archives; called by the CLI and the GUI on a worker thread.
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../container/encryption.hpp"
#include "../container/temp_file.hpp"
#include "../interop/opened_archive.hpp"
#include "../container/entry.hpp"
#include "../fs/disk_extractor.hpp"
#include "entry_selection.hpp"
#include "../job_control.hpp"

namespace nnz {

// Extracts the chosen entries (choose_entries) under dest, which is created when missing (and
// removed again if the job fails or is cancelled with nothing in it). The archive is an .nnz or
// any format libarchive reads (recognised by content, see open_archive). Refuses, before writing
// anything, when a target exists and overwrite is false (Error(Exists)), or when a chosen entry
// of a foreign archive has an unsafe name (Error(Unsafe)) or is encrypted.
// Symlinks leading outside dest are refused too (LinkRefused), left out or created as
// outside_links says (they are never written through).
struct ExtractSummary {
    size_t entries = 0;          // entries written (renamed ones too; not those left out)
    uint64_t content_bytes = 0;  // their files' bytes
    std::vector<OutsideLink> skipped_links;     // OutsideLinks::Skip: the links left out
    std::vector<std::string> skipped_existing;  // ExistingFiles::Skip, KeepNewer, Ask: the entries left out
    // ExistingFiles::Rename, Ask: the entries written under new names, as (name, new name); names
    // as written (after strip_components).
    std::vector<std::pair<std::string, std::string>> renamed_existing;
    // Damaged bytes of the archive rebuilt from its recovery record for this extraction (in a
    // temporary copy: the archive on disk is left as it is); 0 when it was whole.
    uint64_t rebuilt_bytes = 0;
    // What the disk writer could not give its owner, extended attributes or access control list
    // back, one line each (DiskExtractor::metadata_failures).
    std::vector<std::string> metadata_failures;
};
// What to do with a file or symlink entry whose name exists under dest (of any type): refuse
// the whole extraction before writing anything, replace it, leave it as it is and extract the
// rest (unzip -n, tar --skip-old-files), or leave it only when it is newer than the entry and
// replace it otherwise (KeepNewer: tar --keep-newer-files), write the entry under a new name
// beside it (Rename: "a (2).txt", the first number free on disk and among the names extracted;
// 7z -aou, a file manager's Keep Both), or ask about each (Ask: unzip's question on a terminal).
// Folders are always merged into.
enum class ExistingFiles { Refuse, Replace, Skip, KeepNewer, Rename, Ask };
// What to do with one existing file or symlink (Ask).
enum class ExistingChoice { Replace, Keep, Rename };
// ExistingFiles::Ask: what to do with what exists at `target`, in `entry`'s place. Asked for each
// such entry, in archive order, before anything is written; it may throw (Error(Cancelled)) to
// stop the extraction there.
using ExistingQuestion = std::function<ExistingChoice(const EntryInfo& entry, const std::filesystem::path& target)>;
// strip_components: each name loses that many leading folders ("proj-1.2/src/a.c" with 1 is
// written as "src/a.c", as tar --strip-components does); what has no more than that many is
// left out. Two entries that would then get one name (not both folders) refuse the extraction
// (Error(Usage)), as does a selection left with nothing.
// restored: whose the written entries are and whether their extended attributes and access
// control lists come back (default_restored(): all of it for root, as tar does).
// Names of one file in the archive (hard links) become hard links of it again when written
// together.
ExtractSummary extract_archive(const std::filesystem::path& archive, const std::filesystem::path& dest,
                               const EntrySelection& chosen_entries, ExistingFiles existing, JobControl& control,
                               OutsideLinks outside_links = OutsideLinks::Refuse, const Passphrase& passphrase = {},
                               unsigned strip_components = 0, const RestoredMetadata& restored = default_restored(),
                               const ExistingQuestion& ask = {});
// overwrite: ExistingFiles::Replace, else Refuse.
ExtractSummary extract_archive(const std::filesystem::path& archive, const std::filesystem::path& dest,
                               const EntrySelection& chosen_entries, bool overwrite, JobControl& control,
                               OutsideLinks outside_links = OutsideLinks::Refuse, const Passphrase& passphrase = {});

// An archive opened for reading its entries (open_archive). When it has a recovery record that
// can undo its damage, it is read from a copy rebuilt in `near` (a folder, or beside it when it
// does not exist yet; removed when this goes) and control is warned what was rebuilt, for
// `purpose` ("this extraction"), and that the archive itself is unchanged. With nothing to undo
// (no record, nothing damaged, only the record damaged) or too much, or when the copy cannot be
// made there (no room, no right: control is warned), the archive itself is read and meets its
// damage as it would without a record. Extraction, --stdout and exports read through this.
struct ReadableArchive {
    std::unique_ptr<TempFile> rebuilt;  // the copy, declared first: it outlives the reader of it
    uint64_t rebuilt_bytes = 0;
    std::unique_ptr<OpenedArchive> reader;
};
ReadableArchive open_for_reading(const std::filesystem::path& archive, const std::filesystem::path& near,
                                 std::string_view purpose, JobControl& control, const Passphrase& passphrase);

// For listing: the archive as it is when it can be read so; when its index, trailer or header
// is damaged (Error(Data)), through its recovery record as open_for_reading does (a copy in the
// temporary folder, a warning to control for `purpose`). Reading it whole only then keeps an
// ordinary listing cheap.
ReadableArchive open_for_listing(const std::filesystem::path& archive, std::string_view purpose, JobControl& control,
                                 const Passphrase& passphrase);

// "dir/a.txt" numbered: "dir/a (2).txt" (before the extension, and before ".tar" of "x.tar.gz");
// a name without one, or a dot file, gets it at the end. What ExistingFiles::Rename writes.
std::string numbered_name(const std::string& path, unsigned number);

// The name an entry is written under with `strip` leading folders taken off; empty when nothing
// is left of it.
std::string stripped(const std::string& path, unsigned strip);

struct TestSummary {
    std::string format;          // "nnz", "zip", ...
    size_t entries = 0;
    uint64_t content_bytes = 0;  // bytes of file content verified
    unsigned recovery_percent = 0;  // of the .nnz's recovery record, checked too; 0: none
};

// Decodes every entry and discards the bytes, so every checksum in the archive is verified, and
// checks an .nnz's recovery record against the archive's bytes (Error(Data) when any is damaged)
// (for foreign archives: whatever checks their format has, and every stated size).
TestSummary test_archive(const std::filesystem::path& archive, JobControl& control, const Passphrase& passphrase = {});

// Decodes the chosen entries (names as select_entries() takes them: a folder stands for everything
// in it; not empty) and verifies their checksums (Error(Data) when one differs, Error(Usage) when a
// name matches nothing); the rest of the archive is not read, its recovery record not checked.
// TestSummary::entries counts the entries chosen. What the GUI's Test Selected Entries runs.
TestSummary test_entries(const std::filesystem::path& archive, const EntrySelection& chosen, JobControl& control,
                         const Passphrase& passphrase = {});

// --test (CompressOptions::test): test_archive of the archive just written, at `written` (its
// temporary file), before it replaces anything; control.testing_percent says how far it is. A
// failure is Error(Data) saying that nothing was kept (a cancel stays a cancel).
void test_before_keeping(const std::filesystem::path& written, const Passphrase& passphrase, JobControl& control);

// Decodes the chosen entries (not empty) and discards the bytes, verifying their checksums
// (Error(Data) when one differs), as test_archive does for all of them.
void verify_entries(OpenedArchive& archive, std::span<const size_t> selection, JobControl& control);

}  // namespace nnz
