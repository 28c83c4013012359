#pragma once
// An archive being written, as one temporary file or as the volumes of a split archive
// (NAME.001, NAME.002, ... of volume_size bytes each, the last one shorter: archive_file.hpp),
// each a TempFile renamed into place only when the whole archive is complete.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "temp_file.hpp"

namespace nnz {

// The smallest volume `-v` accepts: below it a split archive would be thousands of files.
inline constexpr uint64_t kMinVolumeSize = 64 << 10;

class SplitTempFile : public RandomAccessFile {
public:
    // volume_size 0: one file named target. Otherwise at least kMinVolumeSize (Error(Usage)).
    // Throws Error(Io) when a temporary file cannot be made.
    SplitTempFile(const std::filesystem::path& target, uint64_t volume_size);

    uint64_t position() const { return position_; }
    void write(std::span<const uint8_t> bytes);
    void write_at(uint64_t offset, std::span<const uint8_t> bytes) override;
    void read_at(uint64_t offset, std::span<uint8_t> out) const override;
    uint64_t size() const override;

    // Renames every volume into place. Without overwrite nothing is renamed when any target
    // exists (Error(Exists)); with it, volumes of an older split archive of the same name
    // beyond the new last one are removed, so the set stays whole.
    void commit(bool overwrite);
    size_t volume_count() const { return parts_.size(); }
    // Where the first volume (or the one file) is being written: readable there until commit,
    // the later volumes beside it under the same name with their numbers (".NAME.nnztmp-Ab3xYz.002"),
    // so that the set opens as a split archive by this name (ArchiveFile) before it is renamed.
    const std::filesystem::path& first_path() const { return parts_.front()->path(); }

private:
    TempFile& part(size_t index);

    std::filesystem::path target_;
    std::filesystem::path temp_base_;  // volumes: the first's temporary name without ".001"
    uint64_t volume_size_;
    std::vector<std::unique_ptr<TempFile>> parts_;
    uint64_t position_ = 0;
};

}  // namespace nnz
