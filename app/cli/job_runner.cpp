#include "job_runner.hpp"

#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

namespace nnz::cli {
namespace {

// The only thing a signal handler may touch: a lock-free atomic.
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_signal(int sig) { g_signal.store(sig); }

using Clock = std::chrono::steady_clock;

// The progress line and questions share the terminal: drawing and pausing take turns.
std::mutex g_terminal;
int g_paused = 0;               // ProgressPaused alive
bool g_line_on_screen = false;  // a progress line is drawn and not yet ended

int terminal_columns()
{
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 20) return size.ws_col;
    return 80;
}

// Cuts a UTF-8 string to at most max code points, never inside a sequence.
std::string clip(const std::string& s, size_t max)
{
    size_t points = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xc0) == 0x80) continue;
        if (points++ == max) return s.substr(0, i);
    }
    return s;
}

std::string format_eta(double seconds)
{
    if (!(seconds >= 0) || seconds > 359999) return "--:--";
    const auto s = static_cast<long>(seconds + 0.5);
    char text[32];
    if (s >= 3600) std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
    return text;
}

void draw(const JobControl& control, Clock::time_point start)
{
    const double total = static_cast<double>(control.total_input.load());
    const double done = static_cast<double>(control.done_input.load());
    const double bits = static_cast<double>(control.done_output_bits.load());
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const double speed = elapsed > 0 ? done / elapsed : 0;  // bytes per second
    const double percent = total > 0 ? 100.0 * std::min(done, total) / total : 0;

    char line[160];
    const int decimals = total < 10e6 ? 2 : 1;  // small jobs would otherwise read "0.0/0.0 MB"
    int n = std::snprintf(line, sizeof line, "%5.1f%%  %.*f/%.*f MB  %.0f KB/s  ETA %s", percent, decimals,
                          done / 1e6, decimals, total / 1e6, speed / 1e3,
                          speed > 0 ? format_eta((total - done) / speed).c_str() : "--:--");
    if (done > 0 && bits > 0 && n > 0 && n < static_cast<int>(sizeof line))
        n += std::snprintf(line + n, sizeof line - n, "  %.3f bpb", bits / done);
    std::string text(line);
    if (const auto decoding = control.old_block_decoding(); decoding.blocks > 0) {
        std::snprintf(line, sizeof line, "  decoding old block %u/%u: %u%%", decoding.block, decoding.blocks,
                      decoding.percent);
        text += line;
    }
    if (const int testing = control.testing_percent.load(); testing >= 0) {
        std::snprintf(line, sizeof line, "  testing the archive before keeping it: %d%%", testing);
        text += line;
    }
    if (const int verifying = control.verifying_percent.load(); verifying >= 0) {
        std::snprintf(line, sizeof line, "  verifying before removing the files: %d%%", verifying);
        text += line;
    }
    const int room = terminal_columns() - 1 - static_cast<int>(text.size()) - 2;
    if (const std::string name = control.current_name(); !name.empty() && room > 4)
        text += "  " + clip(name, static_cast<size_t>(room));
    const std::lock_guard lock(g_terminal);
    if (g_paused > 0) return;
    std::fprintf(stderr, "\r%s\x1b[K", text.c_str());
    std::fflush(stderr);
    g_line_on_screen = true;
}

// Ends the progress line, if one is drawn.
void end_line()
{
    const std::lock_guard lock(g_terminal);
    if (g_line_on_screen) std::fputc('\n', stderr);
    g_line_on_screen = false;
}

}  // namespace

void install_cancel_signals()
{
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    // A second Ctrl-C kills at once, for when a long step delays the cancel.
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool interrupted() { return g_signal.load() != 0; }

ProgressPaused::ProgressPaused()
{
    const std::lock_guard lock(g_terminal);
    if (g_paused++ == 0 && g_line_on_screen) {
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
        g_line_on_screen = false;
    }
}

ProgressPaused::~ProgressPaused()
{
    const std::lock_guard lock(g_terminal);
    --g_paused;
}

void run_job(const std::function<void(JobControl&)>& job, JobControl& control, bool show_progress)
{
    std::mutex mutex;
    std::condition_variable finished_cv;
    bool finished = false;
    std::exception_ptr failure;
    const auto start = Clock::now();

    std::thread worker([&] {
        try {
            job(control);
        } catch (...) {
            failure = std::current_exception();
        }
        std::lock_guard lock(mutex);
        finished = true;
        finished_cv.notify_all();
    });

    bool drawn = false;
    {
        std::unique_lock lock(mutex);
        while (!finished_cv.wait_for(lock, std::chrono::milliseconds(200), [&] { return finished; })) {
            if (g_signal.load() != 0) control.request_cancel();
            if (show_progress) {
                draw(control, start);
                drawn = true;
            }
        }
    }
    worker.join();
    if (g_signal.load() != 0) control.request_cancel();
    if (drawn) {
        if (!failure) draw(control, start);
        end_line();
    }
    if (failure) std::rethrow_exception(failure);
}

}  // namespace nnz::cli
