#include "name_list.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "error.hpp"

namespace nnz::cli {
namespace {

std::string read_all(const std::filesystem::path& file, const std::string& what)
{
    const bool from_stdin = file == "-";
    const int fd = from_stdin ? STDIN_FILENO : ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(ErrorCode::Io, "cannot read " + what + " " + file.string() + ": " + std::strerror(errno));
    struct Close {
        int fd;
        bool owned;
        ~Close()
        {
            if (owned) ::close(fd);
        }
    } close{fd, !from_stdin};
    std::string text;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            throw Error(ErrorCode::Io, "cannot read " + what + " " + (from_stdin ? std::string("from standard input") : file.string()) +
                                           ": " + std::strerror(errno));
        }
        text.append(buffer, size_t(got));
    }
    return text;
}

}  // namespace

std::vector<std::string> read_name_list(const std::filesystem::path& file, bool null_separated, const std::string& what)
{
    const std::string text = read_all(file, what);
    const char separator = null_separated ? '\0' : '\n';
    std::vector<std::string> names;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(separator, start);
        if (end == std::string::npos) end = text.size();
        std::string name = text.substr(start, end - start);
        start = end + 1;
        if (!null_separated && name.ends_with('\r')) name.pop_back();
        if (name.empty()) continue;
        if (name == "-")
            throw Error(ErrorCode::Usage, what + " " + file.string() + " holds \"-\": standard input is given on the command line");
        names.push_back(std::move(name));
    }
    return names;
}

}  // namespace nnz::cli
