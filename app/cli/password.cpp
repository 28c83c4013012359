#include "password.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "error.hpp"
#include "job_runner.hpp"
#include "container/temp_file.hpp"

namespace nnz::cli {
namespace {

void strip_line_end(std::string& line)
{
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
}

// One line from fd, a byte at a time (nothing after the line is consumed). Error(Cancelled) when
// a Ctrl-C interrupts the read.
std::string read_line(int fd)
{
    std::string line;
    for (;;) {
        char c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) {
            if (interrupted()) throw Error(ErrorCode::Cancelled, "cancelled");
            continue;
        }
        if (n < 0) throw Error(ErrorCode::Io, std::string("cannot read the password: ") + std::strerror(errno));
        if (n == 0 || c == '\n') break;
        line.push_back(c);
    }
    strip_line_end(line);
    return line;
}

// Echo off for as long as it lives, restored even when the read throws.
class EchoOff {
public:
    explicit EchoOff(int fd) : fd_(fd)
    {
        if (::tcgetattr(fd_, &saved_) != 0) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        active_ = ::tcsetattr(fd_, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (active_) ::tcsetattr(fd_, TCSAFLUSH, &saved_);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    int fd_;
    termios saved_{};
    bool active_ = false;
};

std::string ask_once(int tty, const std::string& prompt)
{
    if (tty < 0) return read_line(STDIN_FILENO);
    (void)!::write(tty, prompt.data(), prompt.size());
    EchoOff quiet(tty);
    return read_line(tty);
}

}  // namespace

Passphrase password_from_file(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorCode::Io, "cannot read the password file " + file.string() + ": " + std::strerror(errno));
    std::string line;
    std::getline(in, line);
    strip_line_end(line);
    Passphrase passphrase(std::move(line));
    if (passphrase.empty()) throw Error(ErrorCode::Usage, "the password file " + file.string() + " starts with an empty line");
    return passphrase;
}

bool has_terminal()
{
    Fd tty(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC));
    return tty.get() >= 0;
}

Passphrase ask_password(const std::string& prompt, bool confirm)
{
    Fd tty(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC));
    Passphrase first(ask_once(tty.get(), prompt));
    if (first.empty()) throw Error(ErrorCode::Usage, "the password is empty");
    // Typed blind: a typo would lock the archive away. Piped input is taken as it is.
    if (confirm && tty.get() >= 0) {
        const Passphrase again(ask_once(tty.get(), "Repeat it: "));
        if (again.text() != first.text()) throw Error(ErrorCode::Usage, "the two passwords differ; nothing was written");
    }
    return first;
}

}  // namespace nnz::cli
