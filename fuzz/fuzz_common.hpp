#pragma once
// Shared by the libFuzzer targets (fuzz/README.md): the archive under test lives in a memfd, so
// ArchiveReader opens it by path without touching the disk, and every run starts from a fresh,
// empty scratch folder.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <span>
#include <string>

namespace nnz::fuzz {

// One in-memory file per process, rewritten for every input.
class MemFile {
public:
    MemFile()
    {
        fd_ = ::memfd_create("nnzip-fuzz-archive", MFD_CLOEXEC);
        if (fd_ < 0) {
            std::perror("memfd_create");
            std::abort();
        }
        path_ = "/proc/self/fd/" + std::to_string(fd_);
    }
    const std::filesystem::path& path() const { return path_; }
    void assign(std::span<const uint8_t> bytes)
    {
        if (::ftruncate(fd_, 0) != 0) std::abort();
        size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
            if (n <= 0) std::abort();
            done += static_cast<size_t>(n);
        }
    }

private:
    int fd_ = -1;
    std::filesystem::path path_;
};

inline MemFile& archive_file()
{
    static MemFile file;
    return file;
}

// A private folder for the process; the target empties it after every input.
inline const std::filesystem::path& scratch_root()
{
    static const std::filesystem::path root = [] {
        std::string pattern = (std::filesystem::temp_directory_path() / "nnzip-fuzz-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(scratch_root(), ec);
        });
        return std::filesystem::path(pattern);
    }();
    return root;
}

[[noreturn]] inline void violation(const std::string& what)
{
    std::fprintf(stderr, "nnzip fuzz invariant violated: %s\n", what.c_str());
    std::abort();
}

}  // namespace nnz::fuzz
