#include "replace_question.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <string>

#include "error.hpp"
#include "job_runner.hpp"
#include "container/entry_path.hpp"
#include "container/temp_file.hpp"

namespace nnz::cli {
namespace {

std::string local_time(int64_t seconds)
{
    const auto t = static_cast<time_t>(seconds);
    tm parts{};
    char text[32];
    if (!localtime_r(&t, &parts) || !std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &parts)) return "?";
    return text;
}

std::string bytes_text(uint64_t bytes) { return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes"); }

// What is on disk, as the question shows it.
std::string described(const std::filesystem::path& target)
{
    struct stat st {};
    if (::lstat(target.c_str(), &st) != 0) return "gone";
    const std::string modified = ", modified " + local_time(st.st_mtim.tv_sec);
    if (S_ISDIR(st.st_mode)) return "a folder" + modified;
    if (S_ISLNK(st.st_mode)) return "a symbolic link" + modified;
    if (!S_ISREG(st.st_mode)) return "a special file" + modified;
    return bytes_text(static_cast<uint64_t>(st.st_size)) + modified;
}

std::string described(const EntryInfo& entry)
{
    const std::string modified = ", modified " + local_time(entry.mtime_sec);
    if (entry.type == EntryType::Symlink) return "a symbolic link to " + escaped_name(entry.link_target) + modified;
    return bytes_text(entry.size) + modified;
}

// One line typed on the terminal. The wait wakes up now and then so that a Ctrl-C, which may
// reach another thread, still stops it.
std::string read_answer(int tty)
{
    std::string line;
    for (;;) {
        if (interrupted()) throw Error(ErrorCode::Cancelled, "cancelled");
        pollfd ready{tty, POLLIN, 0};
        const int n = ::poll(&ready, 1, 100);
        if (n < 0 && errno != EINTR) throw Error(ErrorCode::Io, std::string("cannot read the answer: ") + std::strerror(errno));
        if (n <= 0) continue;
        char c = 0;
        const ssize_t got = ::read(tty, &c, 1);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) throw Error(ErrorCode::Cancelled, "no answer; nothing was extracted");
        if (c == '\n') return line;
        line.push_back(c);
    }
}

}  // namespace

bool can_ask_about_existing_files()
{
    if (::isatty(STDIN_FILENO) != 1) return false;
    const Fd tty(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC));
    return tty.get() >= 0;
}

ExistingChoice ReplaceQuestion::operator()(const EntryInfo& entry, const std::filesystem::path& target)
{
    if (standing_) return *standing_;
    const Fd tty(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC));
    if (tty.get() < 0) throw Error(ErrorCode::Exists, target.string() + " exists, and there is no terminal to ask on");
    const ProgressPaused paused;
    const std::string question = "replace " + escaped_name(target.lexically_normal().string()) + " (" + described(target) +
                                 ")\n   with the archive's (" + described(entry) +
                                 ")? [y]es, [n]o, [r]ename, [A]ll, [N]one, [R]ename all, [q]uit: ";
    (void)!::write(tty.get(), question.data(), question.size());
    for (;;) {
        std::string answer = read_answer(tty.get());
        while (!answer.empty() && (answer.back() == '\r' || answer.back() == ' ')) answer.pop_back();
        while (!answer.empty() && answer.front() == ' ') answer.erase(0, 1);
        if (answer == "y" || answer == "Y" || answer == "yes") return ExistingChoice::Replace;
        if (answer == "n" || answer == "no") return ExistingChoice::Keep;
        if (answer == "r" || answer == "rename") return ExistingChoice::Rename;
        if (answer == "A" || answer == "all") return *(standing_ = ExistingChoice::Replace);
        if (answer == "N" || answer == "none") return *(standing_ = ExistingChoice::Keep);
        if (answer == "R") return *(standing_ = ExistingChoice::Rename);
        if (answer == "q" || answer == "Q" || answer == "quit")
            throw Error(ErrorCode::Cancelled, "stopped at your answer; nothing was extracted");
        static constexpr std::string_view again = "Please answer y, n, r, A, N, R or q: ";
        (void)!::write(tty.get(), again.data(), again.size());
    }
}

}  // namespace nnz::cli
