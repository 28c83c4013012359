#pragma once
// Shared between a worker thread and whoever watches it (CLI progress line, GUI panel polling
// every ~200 ms). The worker only writes atomics and calls checkpoint() between steps; it never
// calls back into the UI.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "error.hpp"

namespace nnz {

class JobControl {
public:
    JobControl() = default;
    // A control for one part of a job that runs on its own thread (one block being coded): its
    // counters are its own, pause and cancel are the parent's, and every checkpoint() first hands
    // the part's counters on through `report` (called on the part's thread).
    JobControl(JobControl& parent, std::function<void(JobControl&)> report)
        : parent_(&parent), report_(std::move(report))
    {
    }
    JobControl(const JobControl&) = delete;
    JobControl& operator=(const JobControl&) = delete;

    // Totals and counters, in bytes of input (uncompressed) and bits of output.
    std::atomic<uint64_t> total_input{0};
    std::atomic<uint64_t> done_input{0};
    std::atomic<uint64_t> done_output_bits{0};
    // Coded bits and input bytes of the current file/block, for a "current bpb" readout.
    std::atomic<uint64_t> current_input{0};
    std::atomic<uint64_t> current_output_bits{0};

    void set_current_name(const std::string& name)
    {
        std::lock_guard lock(name_mutex_);
        current_name_ = name;
    }
    std::string current_name() const
    {
        std::lock_guard lock(name_mutex_);
        return current_name_;
    }

    // What the job wants its user to know without failing (a file skipped, a preset that suits
    // another machine), in order; a part's go to the whole job's. The GUI's panel shows them.
    void add_warning(std::string warning)
    {
        if (parent_) return parent_->add_warning(std::move(warning));
        std::lock_guard lock(name_mutex_);
        warnings_.push_back(std::move(warning));
    }
    std::vector<std::string> warnings() const
    {
        std::lock_guard lock(name_mutex_);
        return warnings_;
    }

    // An edit job must decode the old blocks whose surviving entries it compresses again, and
    // the counters above measure only the compression: this says which of those blocks is being
    // decoded and how far (blocks == 0: none is), so that a long decode does not look like a hang.
    struct OldBlockDecoding {
        uint32_t block = 0;  // 1-based
        uint32_t blocks = 0;
        uint32_t percent = 0;
        bool operator==(const OldBlockDecoding&) const = default;
    };
    void set_old_block_decoding(OldBlockDecoding decoding)
    {
        if (parent_) return parent_->set_old_block_decoding(decoding);
        std::lock_guard lock(name_mutex_);
        old_block_decoding_ = decoding;
    }
    OldBlockDecoding old_block_decoding() const
    {
        std::lock_guard lock(name_mutex_);
        return old_block_decoding_;
    }
    // A job that removes the files it archived (--remove-files) first decodes what it wrote, on
    // a part control of its own so that the counters above keep measuring the compression: this
    // is how far that check is, in percent, or -1 while none runs.
    std::atomic<int> verifying_percent{-1};
    // The same for a job that tests the archive it wrote before it replaces anything (--test).
    std::atomic<int> testing_percent{-1};

    // On a part's control this cancels the whole job, as it did when codecs got the job's own.
    void request_cancel()
    {
        if (parent_) parent_->request_cancel();
        cancelled_.store(true);
        std::lock_guard lock(pause_mutex_);
        pause_cv_.notify_all();
    }
    bool cancel_requested() const { return cancelled_.load() || (parent_ && parent_->cancel_requested()); }

    void set_paused(bool paused)
    {
        std::lock_guard lock(pause_mutex_);
        paused_ = paused;
        pause_cv_.notify_all();
    }
    bool paused() const
    {
        std::lock_guard lock(pause_mutex_);
        return paused_;
    }

    // Called by workers between steps: blocks while paused, throws Error(Cancelled) on cancel.
    void checkpoint()
    {
        if (report_) report_(*this);
        if (parent_) parent_->checkpoint();
        if (cancelled_.load()) throw Error(ErrorCode::Cancelled, "cancelled");
        std::unique_lock lock(pause_mutex_);
        pause_cv_.wait(lock, [this] { return !paused_ || cancelled_.load(); });
        if (cancelled_.load()) throw Error(ErrorCode::Cancelled, "cancelled");
    }

private:
    JobControl* parent_ = nullptr;
    std::function<void(JobControl&)> report_;
    std::atomic<bool> cancelled_{false};
    mutable std::mutex pause_mutex_;
    std::condition_variable pause_cv_;
    bool paused_ = false;
    mutable std::mutex name_mutex_;  // and warnings_, old_block_decoding_
    std::string current_name_;
    std::vector<std::string> warnings_;
    OldBlockDecoding old_block_decoding_;
};

// Runs work(part) on a part control of `control` whose progress goes, in percent, to `percent`
// (verifying_percent, testing_percent: -1 again when it ends): a check inside a job that leaves
// the job's own counters measuring what the job made.
template <class Work>
void run_as_percent_part(JobControl& control, std::atomic<int>& percent, Work&& work)
{
    JobControl part(control, [&percent](JobControl& p) {
        const uint64_t total = p.total_input.load();
        percent = total > 0 ? static_cast<int>(std::min<uint64_t>(100, 100 * p.done_input.load() / total)) : 0;
    });
    percent = 0;
    const struct Done {
        std::atomic<int>& percent;
        ~Done() { percent = -1; }
    } done{percent};
    work(part);
}

}  // namespace nnz
