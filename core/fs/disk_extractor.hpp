#pragma once
// Writes decoded entries into a destination folder, refusing anything that would land outside it.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "../container/archive_reader.hpp"
#include "../container/entry.hpp"

struct archive;

namespace nnz {

class DiskExtractor : public EntrySink {
public:
    // Creates the destination (and its parents) when missing. Throws Error(Io).
    DiskExtractor(const std::filesystem::path& destination, bool overwrite);
    ~DiskExtractor() override;
    DiskExtractor(const DiskExtractor&) = delete;
    DiskExtractor& operator=(const DiskExtractor&) = delete;

    // The canonical destination every entry is joined to.
    const std::filesystem::path& destination() const { return destination_; }

    // Symlinks whose target is absolute or leads out of the destination (followed through the
    // other symlinks of the extraction and those already on disk) are refused with Error(Unsafe)
    // unless this is set. Nothing is ever written through a symlink either way.
    void allow_links_outside(bool allow) { allow_links_outside_ = allow; }

    // Checks all names, symlinks and existing targets up front so that a refused extraction writes
    // nothing: unsafe or over-long names (a component over 255 bytes, a path over 4095), an entry
    // below a file or symlink (in the archive or on disk), a symlink leading outside (see above).
    // Throws Error(Unsafe) or Error(Exists). Remembers the symlinks for end()'s own check.
    void check_targets(std::span<const EntryInfo> entries);

    void begin(const EntryInfo& entry) override;
    void data(std::span<const uint8_t> bytes) override;
    // Files: only here (after the reader verified the checksum) does the temporary file get its
    // final name. Symlinks are created here too.
    void end(const EntryInfo& entry) override;
    void abort(const EntryInfo& entry) override;

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
    void check_link(const EntryInfo& entry) const;
    void write_header(const EntryInfo& entry, const std::filesystem::path& path);
    void finish_libarchive_entry();
    void discard_pending() noexcept;
    [[noreturn]] void fail(const std::string& what) const;

    std::filesystem::path destination_;
    bool overwrite_;
    std::unique_ptr<archive, ArchiveFree> writer_;
    std::optional<PendingFile> pending_;
    std::vector<FolderFixup> folders_;
    bool allow_links_outside_ = false;
    std::map<std::string, std::string, std::less<>> planned_links_;  // path -> target, from check_targets
};

}  // namespace nnz
