#include "archive_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "../error.hpp"

namespace nnz {

namespace fs = std::filesystem;

fs::path volume_path(const fs::path& archive, size_t index)
{
    char suffix[32];
    std::snprintf(suffix, sizeof suffix, ".%03zu", index + 1);
    return fs::path(archive.string() + suffix);
}

namespace {

// "NAME.007" -> 7, anything else -> 0.
size_t volume_number(const fs::path& path)
{
    const std::string extension = path.extension().string();
    if (extension.size() < 4 || !std::all_of(extension.begin() + 1, extension.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return 0;
    return static_cast<size_t>(std::stoull(extension.substr(1)));
}

bool present(const fs::path& path)
{
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

}  // namespace

std::vector<fs::path> volumes_of(const fs::path& path)
{
    fs::path base;
    if (const size_t number = volume_number(path); number > 0) {
        base = path.parent_path() / path.stem();
        if (number > 1 && present(volume_path(base, 0)))
            throw Error(ErrorCode::Usage, path.string() + " is a later volume of a split archive: open " +
                                              volume_path(base, 0).string());
        if (number > 1) return {path};
    } else if (!present(path) && present(volume_path(path, 0))) {
        base = path;
    } else {
        return {path};
    }
    std::vector<fs::path> volumes;
    for (size_t i = 0; present(volume_path(base, i)); ++i) volumes.push_back(volume_path(base, i));
    return volumes;
}

bool is_split_archive(const fs::path& path)
{
    try {
        return volumes_of(path).size() > 1;
    } catch (const Error&) {
        return true;  // a later volume
    }
}

ArchiveFile::ArchiveFile(const fs::path& path) : path_(path)
{
    for (const auto& volume : volumes_of(path)) {
        Fd fd(::open(volume.c_str(), O_RDONLY | O_CLOEXEC));
        struct stat st {};
        if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0)
            throw Error(ErrorCode::Io, "cannot open " + volume.string() + ": " + std::strerror(errno));
        if (S_ISDIR(st.st_mode)) throw Error(ErrorCode::Io, "cannot open " + volume.string() + ": " + std::strerror(EISDIR));
        volumes_.push_back({volume, std::move(fd), size_, static_cast<uint64_t>(st.st_size)});
        size_ += static_cast<uint64_t>(st.st_size);
    }
}

void ArchiveFile::read_at(uint64_t offset, std::span<uint8_t> out) const
{
    auto volume = std::upper_bound(volumes_.begin(), volumes_.end(), offset,
                                   [](uint64_t at, const Volume& v) { return at < v.start; });
    if (volume != volumes_.begin()) --volume;
    while (!out.empty()) {
        if (volume == volumes_.end() || offset >= volume->start + volume->size)
            throw Error(ErrorCode::Io, "cannot read " + path_.string() + " at offset " + std::to_string(offset) +
                                           " (was the file changed or truncated?)");
        const uint64_t within = offset - volume->start;
        const size_t take = static_cast<size_t>(std::min<uint64_t>(out.size(), volume->size - within));
        const ssize_t n = ::pread(volume->fd.get(), out.data(), take, static_cast<off_t>(within));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw Error(ErrorCode::Io, "cannot read " + volume->path.string() + " at offset " + std::to_string(within) +
                                           " (was the file changed or truncated?)");
        out = out.subspan(static_cast<size_t>(n));
        offset += static_cast<uint64_t>(n);
        if (offset >= volume->start + volume->size) ++volume;
    }
}

}  // namespace nnz
