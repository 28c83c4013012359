#include "temp_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "../error.hpp"

namespace nnz {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void throw_io(const std::string& what, int err)
{
    throw Error(ErrorCode::Io, what + ": " + std::strerror(err));
}

// The umask cannot be read without setting it (a race with other threads), except here.
mode_t current_umask()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Umask:", 0) == 0) {
            try {
                return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8) & 0777);
            } catch (const std::exception&) {
                break;
            }
        }
    }
    return 022;
}

}  // namespace

Fd& Fd::operator=(Fd&& other) noexcept
{
    if (this != &other) {
        reset();
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

void Fd::reset()
{
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

int Fd::close_checked() { return fd_ < 0 ? 0 : ::close(std::exchange(fd_, -1)); }

// ".NAME.nnztmp-XXXXXX" beside the target: recognisable as ours, and short enough for NAME_MAX
// whatever the target's name.
fs::path temp_pattern_for(const fs::path& target)
{
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    std::string name(".");
    name += target.filename().string().substr(0, 200);
    name += ".nnztmp-XXXXXX";
    return dir / name;
}

TempFile::TempFile(const fs::path& target) : TempFile(target, temp_pattern_for(target), Name::Unique) {}

TempFile::TempFile(const fs::path& target, const fs::path& temp_name, Name how, size_t suffix_length) : target_(target)
{
    std::string buffer = temp_name.string();
    if (how == Name::Unique) {
        fd_ = Fd(::mkostemps(buffer.data(), static_cast<int>(suffix_length), O_CLOEXEC));
    } else {
        fd_ = Fd(::open(buffer.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    }
    if (fd_.get() < 0) {
        const fs::path dir = temp_name.parent_path();
        throw_io("cannot create a temporary file in " + (dir.empty() ? std::string(".") : dir.string()), errno);
    }
    path_ = buffer;
    // mkstemp makes the file 0600; the result should get the usual permissions.
    ::fchmod(fd_.get(), 0666 & ~current_umask());
}

TempFile::~TempFile()
{
    if (committed_) return;
    fd_.reset();
    ::unlink(path_.c_str());
}

void TempFile::write(std::span<const uint8_t> bytes)
{
    write_at(position_, bytes);
    position_ += bytes.size();
}

void TempFile::write_at(uint64_t offset, std::span<const uint8_t> bytes)
{
    while (!bytes.empty()) {
        const ssize_t n = ::pwrite(fd_.get(), bytes.data(), bytes.size(), static_cast<off_t>(offset));
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_io("cannot write " + target_.string(), errno);
        }
        bytes = bytes.subspan(static_cast<size_t>(n));
        offset += static_cast<uint64_t>(n);
    }
}

void TempFile::read_at(uint64_t offset, std::span<uint8_t> out) const
{
    while (!out.empty()) {
        const ssize_t n = ::pread(fd_.get(), out.data(), out.size(), static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw_io("cannot read back " + path_.string(), errno);
        if (n == 0) throw_io("cannot read back " + path_.string(), EIO);
        out = out.subspan(static_cast<size_t>(n));
        offset += static_cast<uint64_t>(n);
    }
}

uint64_t TempFile::size() const
{
    struct stat st {};
    if (::fstat(fd_.get(), &st) != 0) throw_io("cannot read back " + path_.string(), errno);
    return static_cast<uint64_t>(st.st_size);
}

void TempFile::commit(bool overwrite)
{
    if (::fsync(fd_.get()) != 0) throw_io("cannot write " + target_.string(), errno);
    if (fd_.close_checked() != 0) throw_io("cannot write " + target_.string(), errno);
    rename_into_place(overwrite);
    committed_ = true;
    // Persist the rename itself; failing here loses nothing that the caller could act on.
    fs::path dir = target_.parent_path();
    Fd dir_fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir_fd.get() >= 0) ::fsync(dir_fd.get());
}

void TempFile::rename_into_place(bool overwrite)
{
    if (!overwrite) {
        // RENAME_NOREPLACE closes the window between the up-front existence check and now.
        if (::renameat2(AT_FDCWD, path_.c_str(), AT_FDCWD, target_.c_str(), RENAME_NOREPLACE) == 0)
            return;
        if (errno == EEXIST)
            throw Error(ErrorCode::Exists, target_.string() + " already exists");
        if (errno != EINVAL && errno != ENOSYS) throw_io("cannot create " + target_.string(), errno);
        std::error_code ec;
        if (fs::exists(fs::symlink_status(target_, ec)))
            throw Error(ErrorCode::Exists, target_.string() + " already exists");
    }
    if (::rename(path_.c_str(), target_.c_str()) != 0) throw_io("cannot create " + target_.string(), errno);
}

}  // namespace nnz
