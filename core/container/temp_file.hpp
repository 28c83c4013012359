#pragma once
// A file written under a temporary name next to its target and renamed into place only when
// complete, so a failed or cancelled write never leaves a partial file at the target.
#include <cstdint>
#include <filesystem>
#include <span>
#include <utility>

namespace nnz {

// An owned POSIX file descriptor.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd& operator=(Fd&& other) noexcept;
    int get() const { return fd_; }
    void reset();
    // Closes and reports the result: for a file we wrote, a failing close() can mean lost data.
    int close_checked();

private:
    int fd_ = -1;
};

// What writing an archive needs of its output besides appending: patches, reading back, its size
// (the recovery record is computed from what was written).
class RandomAccessFile {
public:
    virtual ~RandomAccessFile() = default;
    virtual void write_at(uint64_t offset, std::span<const uint8_t> bytes) = 0;
    // Fills out completely.
    virtual void read_at(uint64_t offset, std::span<uint8_t> out) const = 0;
    virtual uint64_t size() const = 0;
};

// The usual temporary name for target: ".NAME.nnztmp-XXXXXX" in its folder (X: made unique).
std::filesystem::path temp_pattern_for(const std::filesystem::path& target);

// The file under construction: a temporary file in the target's folder (".NAME.nnztmp-XXXXXX"), so the
// final rename is atomic (same file system). Removed on destruction unless commit() succeeded.
// Throws Error(Io).
class TempFile : public RandomAccessFile {
public:
    explicit TempFile(const std::filesystem::path& target);
    // For a split archive's volumes, whose temporary names must follow one another so that the
    // set reads as an archive before it is renamed into place: the first is made with
    // unique_pattern (".NAME.nnztmp-XXXXXX.001", ending in suffix_length characters after the X),
    // the later ones at exact names (exact: the pattern is the name, and it must not exist).
    enum class Name { Unique, Exact };
    TempFile(const std::filesystem::path& target, const std::filesystem::path& temp_name, Name how,
             size_t suffix_length = 0);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    // For writers that write through the descriptor themselves (then position() means nothing).
    int fd() const { return fd_.get(); }
    uint64_t position() const { return position_; }
    void write(std::span<const uint8_t> bytes);
    void write_at(uint64_t offset, std::span<const uint8_t> bytes) override;
    // Reads back what was written (fills out completely).
    void read_at(uint64_t offset, std::span<uint8_t> out) const override;
    // The file's size now (wherever the writes went).
    uint64_t size() const override;
    // Where it is being written (readable there until commit or destruction).
    const std::filesystem::path& path() const { return path_; }

    // Flushes, closes and renames the file to the target. Without overwrite an existing target
    // is never replaced: Error(Exists).
    void commit(bool overwrite);

private:
    void rename_into_place(bool overwrite);

    std::filesystem::path target_;
    std::filesystem::path path_;
    Fd fd_;
    uint64_t position_ = 0;
    bool committed_ = false;
};

}  // namespace nnz
