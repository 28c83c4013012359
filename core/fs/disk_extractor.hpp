#pragma once
// Writes decoded entries into a destination folder, refusing anything that would land outside it.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "../container/archive_reader.hpp"
#include "../container/entry.hpp"
#include "../container/temp_file.hpp"
#include "../error.hpp"

struct archive;

namespace nnz {

// What becomes of a symlink that leads outside the destination: an absolute target, one that
// climbs out (also through the extraction's other links and those already on disk), or a loop.
// Nothing is ever written through a symlink, whichever is chosen.
enum class OutsideLinks {
    Refuse,  // the extraction is refused before anything is written (LinkRefused)
    Skip,    // those links are left out; everything else is extracted
    Create,  // they are created as they are
};

// Who owns what extraction writes. Giving files to other users takes root, which is also when
// tar restores owners unless told otherwise.
enum class Owners {
    Extractor,  // the user extracting
    Recorded,   // as recorded: by user and group name where the system knows it, else by number
    Numeric,    // as recorded, by number only (tar --numeric-owner)
};
// Recorded when running as root, Extractor otherwise.
Owners default_owners();

// What extraction gives back beyond names, contents, modes and times. Extended attributes in
// the trusted and security namespaces (file capabilities among them) and lists naming other
// users are for root to set; tar too restores them only for root unless told otherwise.
struct RestoredMetadata {
    Owners owners = Owners::Extractor;
    bool xattrs = false;
    bool acls = false;
};
// Everything when running as root (as bsdtar does), nothing otherwise.
RestoredMetadata default_restored();

struct OutsideLink {
    std::string path;    // the link's entry name
    std::string target;  // what it points to
    std::string why;     // "its target is an absolute path", ...
};

// Error(Unsafe) for links refused under OutsideLinks::Refuse, so that a front end can offer the
// other two choices; links() holds every such link of the extraction (check_targets) or the one
// found later (a link that appeared on disk meanwhile).
class LinkRefused : public Error {
public:
    LinkRefused(const std::string& message, std::vector<OutsideLink> links)
        : Error(ErrorCode::Unsafe, message), links_(std::move(links)) {}
    const std::vector<OutsideLink>& links() const { return links_; }

private:
    std::vector<OutsideLink> links_;
};

// The symlinks among entries that would lead outside destination (which need not exist yet),
// as DiskExtractor::check_targets finds them: through the entries' other links and those already
// on disk. Entries with names the extractor refuses anyway are left out. For asking the user
// before an extraction starts.
std::vector<OutsideLink> links_leading_outside(std::span<const EntryInfo> entries, const std::filesystem::path& destination);

class DiskExtractor : public EntrySink {
public:
    // Creates the destination (and its parents) when missing. Throws Error(Io).
    DiskExtractor(const std::filesystem::path& destination, bool overwrite);
    ~DiskExtractor() override;
    DiskExtractor(const DiskExtractor&) = delete;
    DiskExtractor& operator=(const DiskExtractor&) = delete;

    // The canonical destination every entry is joined to.
    const std::filesystem::path& destination() const { return destination_; }

    // Refuse unless set otherwise.
    void set_outside_links(OutsideLinks policy) { outside_links_ = policy; }
    // Whether entries get their recorded owners (needs root; the extracting user's otherwise),
    // extended attributes and access control lists back. Nothing by default.
    void set_restored(const RestoredMetadata& restored);
    // What could not be given its owner, attributes or list back, one line each (libarchive's
    // reason): they are not worth failing for.
    const std::vector<std::string>& metadata_failures() const { return metadata_failures_; }

    // Checks all names, symlinks and existing targets up front so that a refused extraction writes
    // nothing: unsafe or over-long names (a component over 255 bytes, a path over 4095), an entry
    // below a file or symlink (in the archive or on disk), a symlink leading outside (see
    // OutsideLinks). Throws Error(Unsafe), LinkRefused or Error(Exists). Remembers the symlinks
    // for end()'s own check.
    void check_targets(std::span<const EntryInfo> entries);

    // The links left out under OutsideLinks::Skip so far, in the order they were found.
    const std::vector<OutsideLink>& skipped_links() const { return skipped_links_; }

    void begin(const EntryInfo& entry) override;
    void data(std::span<const uint8_t> bytes) override;
    // Files: only here (after the reader verified the checksum) does the temporary file get its
    // final name. Symlinks are created here too.
    void end(const EntryInfo& entry) override;
    void abort(const EntryInfo& entry) override;
    // A duplicate's content is copied from the file written just before it (read back and checked
    // against the duplicate's checksum) instead of being decoded again.
    void repeat_previous(const EntryInfo& entry) override;
    bool repeats_previous() const override { return true; }
    // Files note_link_target() names are held open from their end() (O_PATH): the last one for
    // link_previous(), those for later names (at most 256 at once: names of further ones get
    // copies) for link_earlier(). Either links only the very file written, when the file system
    // allows one there; false (nothing changed) otherwise, so that the content is written instead.
    void note_link_target(const EntryInfo& entry, bool right_after) override;
    bool link_previous(const EntryInfo& entry) override;
    bool link_earlier(const EntryInfo& entry, const EntryInfo& earlier) override;
    bool continues_after_damage() const override { return true; }

    // Applies the mode and mtime of every extracted folder, deepest first, now that nothing
    // more will be written into them. Call once after the last entry. Throws Error(Io).
    void finish();

private:
    struct ArchiveFree {
        void operator()(archive* a) const;
    };
    struct PendingFile {
        std::filesystem::path temp;
        std::filesystem::path target;
        bool linked = false;  // a hard link made by link_previous() or link_earlier(), not written by libarchive
    };
    struct FolderFixup {
        std::string relative;
        uint32_t mode;
        int64_t mtime_sec;
        uint32_t mtime_nsec;
    };

    std::filesystem::path target_of(const EntryInfo& entry) const;  // throws Unsafe
    void check_target(const EntryInfo& entry, const std::filesystem::path& target) const;
    void check_parents(const EntryInfo& entry) const;
    // Whether the symlink entry may be created; false when it is left out (Skip). Throws
    // LinkRefused under Refuse.
    bool link_allowed(const EntryInfo& entry);
    void write_header(const EntryInfo& entry, const std::filesystem::path& path);
    void finish_libarchive_entry();
    // Throws for a failure; remembers metadata that could not be set, under the name of the entry
    // written last (libarchive's reason names the attribute, not the file).
    void note_warning(int libarchive_result, const std::string& what);
    // Makes the file begun a hard link of source when source is still the file (device, inode)
    // written there; false, with nothing changed, otherwise.
    bool link_pending_to(const std::filesystem::path& source, dev_t device, ino_t inode);
    void discard_pending() noexcept;
    [[noreturn]] void fail(const std::string& what) const;

    std::filesystem::path destination_;
    bool overwrite_;
    std::unique_ptr<archive, ArchiveFree> writer_;
    std::optional<PendingFile> pending_;
    std::filesystem::path last_file_;  // the file end() gave its name last: what repeat_previous() copies
    Fd last_file_handle_;  // that file (O_PATH) when it was noted right_after: what link_previous() may link
    std::filesystem::path noted_link_target_;  // where the file note_link_target() named last goes
    bool noted_right_after_ = false;
    std::map<std::string, Fd> link_targets_;   // such files' paths -> the files written there (O_PATH)
    std::vector<FolderFixup> folders_;
    OutsideLinks outside_links_ = OutsideLinks::Refuse;
    RestoredMetadata restored_;
    std::vector<std::string> metadata_failures_;
    std::string entry_written_;  // the archive's name of the entry last given to libarchive (printable)
    std::map<std::string, std::string, std::less<>> planned_links_;  // path -> target, from check_targets
    std::vector<OutsideLink> skipped_links_;
    std::set<std::string, std::less<>> skipped_names_;  // their paths, found again in begin() and end()
};

}  // namespace nnz
