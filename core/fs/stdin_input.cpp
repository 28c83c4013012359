#include "stdin_input.hpp"

#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "../error.hpp"

namespace nnz {

namespace fs = std::filesystem;

std::string stdin_entry_name(const fs::path& archive, const std::string& name)
{
    if (name.empty()) {
        std::string stem = archive.filename().string();
        if (stem.size() > 4 && stem.ends_with(".nnz")) stem.resize(stem.size() - 4);
        return stem.empty() || stem == "." || stem == ".." ? std::string("stdin") : stem;
    }
    if (name == "." || name == ".." || name.find('/') != std::string::npos)
        throw Error(ErrorCode::Usage, "the name for standard input must be a file name without '/': '" + name + "'");
    return name;
}

namespace {

// Reads fd to its end into `into`, checking for a cancel while the writer of a pipe is idle.
void spool(int fd, TempFile& into, JobControl& control)
{
    std::vector<uint8_t> buffer(1 << 20);
    for (;;) {
        control.checkpoint();
        // Waits at most 200 ms at a time, so a cancel is seen while the writer of the pipe is idle.
        pollfd ready{fd, POLLIN, 0};
        const int polled = ::poll(&ready, 1, 200);
        if (polled < 0 && errno != EINTR) throw Error(ErrorCode::Io, std::string("cannot read standard input: ") + std::strerror(errno));
        if (polled <= 0) continue;
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            throw Error(ErrorCode::Io, std::string("cannot read standard input: ") + std::strerror(errno));
        }
        if (n == 0) break;
        into.write(std::span(buffer).first(static_cast<size_t>(n)));
    }
}

}  // namespace

SpooledStdin::SpooledStdin(const fs::path& archive, const std::string& entry_name, int fd, JobControl& control)
    : spool_(archive.parent_path() / entry_name)
{
    spool(fd, spool_, control);
    struct stat st {};
    if (::fstat(spool_.fd(), &st) != 0) throw Error(ErrorCode::Io, "cannot read back " + spool_.path().string());
    item_.info.path = entry_name;
    item_.info.type = EntryType::File;
    item_.info.mode = static_cast<uint32_t>(st.st_mode & 07777);
    item_.info.mtime_sec = st.st_mtim.tv_sec;
    item_.info.mtime_nsec = static_cast<uint32_t>(st.st_mtim.tv_nsec);
    item_.info.size = static_cast<uint64_t>(st.st_size);
    item_.source = spool_.path();
}

SpooledArchive::SpooledArchive(int fd, JobControl& control) : folder_("stdin"), path_(folder_.path() / "standard-input")
{
    TempFile file(path_);
    spool(fd, file, control);
    file.commit(false);
}

std::pair<std::vector<fs::path>, bool> split_stdin_input(std::span<const fs::path> inputs)
{
    std::vector<fs::path> rest;
    bool from_stdin = false;
    for (const auto& input : inputs) {
        if (!is_stdin_input(input)) {
            rest.push_back(input);
            continue;
        }
        if (from_stdin) throw Error(ErrorCode::Usage, "standard input ('-') can be archived once");
        from_stdin = true;
    }
    return {std::move(rest), from_stdin};
}

}  // namespace nnz
