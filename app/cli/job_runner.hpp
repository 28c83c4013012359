#pragma once
// Runs a job on a worker thread while the main thread draws progress and forwards Ctrl-C.
#include <functional>

#include "job_control.hpp"

namespace nnz::cli {

// Installs SIGINT/SIGTERM handlers that only set a flag; the polling loop turns that flag into
// control.request_cancel(), so the job cleans up (temporary files) and throws Error(Cancelled).
void install_cancel_signals();
// Whether SIGINT or SIGTERM came (for waits outside run_job, such as a password prompt).
bool interrupted();

// While one lives (a question on the terminal, asked from a job), the progress line is taken off
// the terminal and not drawn again.
class ProgressPaused {
public:
    ProgressPaused();
    ~ProgressPaused();
    ProgressPaused(const ProgressPaused&) = delete;
    ProgressPaused& operator=(const ProgressPaused&) = delete;
};

// Runs job(control) on a std::thread. A progress line goes to stderr, refreshed ~5 times a second,
// when show_progress. Rethrows whatever the job threw.
void run_job(const std::function<void(JobControl&)>& job, JobControl& control, bool show_progress);

}  // namespace nnz::cli
