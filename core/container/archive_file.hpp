#pragma once
// An archive on disk, for reading: one file, or the volumes of a split archive (`nnzip a -v`):
// NAME.001, NAME.002, ... whose concatenation is the archive, as 7-Zip splits them. Opened by
// the first volume's name, or by NAME when only its volumes exist.
#include <cstdint>
#include <filesystem>
#include <span>
#include <vector>

#include "temp_file.hpp"

namespace nnz {

// NAME.001 for index 0, NAME.002 for 1, ... (three digits at least).
std::filesystem::path volume_path(const std::filesystem::path& archive, size_t index);

// The file an archive being written starts with: NAME itself, or NAME.001 when it is split into
// volumes of volume_size bytes (0: not split).
std::filesystem::path first_file_of(const std::filesystem::path& archive, uint64_t volume_size);

// The volumes a path stands for: NAME.001 and the ones after it, or NAME when only its volumes
// exist; the path itself otherwise (whether or not it exists). Throws Error(Usage) for a later
// volume (NAME.002: "open NAME.001").
std::vector<std::filesystem::path> volumes_of(const std::filesystem::path& path);

// Whether the path names a split archive of more than one volume (or a later volume of one).
bool is_split_archive(const std::filesystem::path& path);

// What a volume missing from a split archive means: the end of the archive (reading), or a
// volume-sized stretch of zeros among the others (repair: blocks after it are still found, and a
// recovery record can rebuild it). Volumes are found up to the highest number present; every
// volume but the last has the first one's size.
enum class MissingVolumes { End, AsZeros };

class ArchiveFile {
public:
    // Throws Error(Io) when a volume cannot be opened or is a folder (with AsZeros, also when the
    // first volume is missing: nothing tells the others' size).
    explicit ArchiveFile(const std::filesystem::path& path, MissingVolumes missing = MissingVolumes::End);

    uint64_t size() const { return size_; }
    size_t volume_count() const { return volumes_.size(); }
    // The volumes missing between the first and the last present: with MissingVolumes::AsZeros
    // those read as zeros; with End the archive ends before the first of them.
    const std::vector<std::filesystem::path>& missing_volumes() const { return missing_; }
    // Fills out completely; Error(Io) when the file is shorter (changed or truncated meanwhile).
    void read_at(uint64_t offset, std::span<uint8_t> out) const;

private:
    struct Volume {
        std::filesystem::path path;
        Fd fd;
        uint64_t start = 0;  // in the archive
        uint64_t size = 0;
    };
    std::filesystem::path path_;
    std::vector<Volume> volumes_;  // a missing one has no fd
    std::vector<std::filesystem::path> missing_;
    uint64_t size_ = 0;
};

}  // namespace nnz
