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

fs::path first_file_of(const fs::path& archive, uint64_t volume_size)
{
    return volume_size == 0 ? archive : volume_path(archive, 0);
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
    if (volumes.empty()) return {path};  // opening it says what is wrong
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

namespace {

// NAME.001 ... up to the highest-numbered volume present, gaps included.
std::vector<fs::path> volumes_up_to_last(const fs::path& path)
{
    auto volumes = volumes_of(path);
    if (volumes.size() == 1 && volume_number(volumes.front()) != 1) return volumes;  // not split
    const fs::path base = volumes.front().parent_path() / volumes.front().stem();
    const std::string prefix = base.filename().string() + ".";
    size_t highest = volumes.size();
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(base.parent_path().empty() ? fs::path(".") : base.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && volume_number(entry.path()) > 0 && entry.path().stem().filename() == base.filename())
            highest = std::max(highest, volume_number(entry.path()));
    }
    volumes.clear();
    for (size_t i = 0; i < highest; ++i) volumes.push_back(volume_path(base, i));
    return volumes;
}

}  // namespace

ArchiveFile::ArchiveFile(const fs::path& path, MissingVolumes missing) : path_(path)
{
    const auto names = volumes_up_to_last(path);
    for (size_t i = 0; i < names.size(); ++i) {
        const fs::path& volume = names[i];
        if (!volumes_.empty() && !present(volume)) {
            if (missing == MissingVolumes::End) {  // the archive ends here; the gaps are named
                for (size_t k = i; k < names.size(); ++k)
                    if (!present(names[k])) missing_.push_back(names[k]);
                break;
            }
            // A stretch of zeros the size of the first volume.
            missing_.push_back(volume);
            volumes_.push_back({volume, Fd(), size_, volumes_.front().size});
            size_ += volumes_.front().size;
            continue;
        }
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
        if (volume->fd.get() < 0) {  // a missing volume, read as zeros
            std::fill_n(out.begin(), take, uint8_t{0});
            out = out.subspan(take);
            offset += take;
            if (offset >= volume->start + volume->size) ++volume;
            continue;
        }
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
