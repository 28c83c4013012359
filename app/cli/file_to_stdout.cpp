#include "file_to_stdout.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "container/temp_file.hpp"
#include "error.hpp"

namespace nnz::cli {

void send_file(const std::filesystem::path& file, int fd)
{
    Fd in(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0) throw Error(ErrorCode::Io, "cannot read back " + file.string() + ": " + std::strerror(errno));
    // A closed pipe then fails the write with EPIPE instead of ending the process.
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction previous {};
    ::sigaction(SIGPIPE, &ignore, &previous);
    const auto restore = [&] { ::sigaction(SIGPIPE, &previous, nullptr); };
    std::vector<char> buffer(1 << 20);
    for (;;) {
        const ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            restore();
            throw Error(ErrorCode::Io, "cannot read back " + file.string() + ": " + std::strerror(errno));
        }
        if (n == 0) break;
        for (ssize_t done = 0; done < n;) {
            const ssize_t written = ::write(fd, buffer.data() + done, static_cast<size_t>(n - done));
            if (written < 0 && errno == EINTR) continue;
            if (written < 0) {
                const int error = errno;
                restore();
                throw Error(ErrorCode::Io, std::string("cannot write standard output: ") + std::strerror(error));
            }
            done += written;
        }
    }
    restore();
}

}  // namespace nnz::cli
