#pragma once
// Writes decoded entries into a destination folder, refusing anything that would land outside it.
#include <cstdint>
#include <filesystem>
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

    // Checks all names and existing targets up front so a refused extraction writes nothing.
    // Throws Error(Unsafe) or Error(Exists).
    void check_targets(std::span<const EntryInfo> entries) const;

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
    void write_header(const EntryInfo& entry, const std::filesystem::path& path);
    void finish_libarchive_entry();
    void discard_pending() noexcept;
    [[noreturn]] void fail(const std::string& what) const;

    std::filesystem::path destination_;
    bool overwrite_;
    std::unique_ptr<archive, ArchiveFree> writer_;
    std::optional<PendingFile> pending_;
    std::vector<FolderFixup> folders_;
};

}  // namespace nnz
