#include "ahead_queue.hpp"

#include <algorithm>

#include "../error.hpp"

namespace nnz {

AheadQueue::AheadQueue(size_t first_chunk_values, size_t largest_chunk_values, size_t chunks_in_flight)
    : chunk_values_(std::max<size_t>(1, first_chunk_values)), largest_chunk_values_(std::max(chunk_values_, largest_chunk_values)),
      chunks_in_flight_(std::max<size_t>(1, chunks_in_flight))
{
    filling_.reserve(chunk_values_);
}

bool AheadQueue::hand_on()
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return stopped_ || ready_.size() < chunks_in_flight_; });
    if (stopped_) return false;
    ready_.push_back(std::move(filling_));
    chunk_values_ = std::min(2 * chunk_values_, largest_chunk_values_);
    filling_ = {};
    filling_.reserve(chunk_values_);
    changed_.notify_all();
    return true;
}

bool AheadQueue::finish()
{
    if (!filling_.empty() && !hand_on()) return false;
    std::lock_guard lock(mutex_);
    finished_ = true;
    changed_.notify_all();
    return !stopped_;
}

void AheadQueue::fail(std::exception_ptr error)
{
    std::lock_guard lock(mutex_);
    error_ = std::move(error);
    finished_ = true;
    changed_.notify_all();
}

void AheadQueue::take_next_chunk()
{
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !ready_.empty() || finished_; });
    if (ready_.empty()) {
        // Everything handed on has been read: the stream ended early because the producer failed.
        if (error_) std::rethrow_exception(error_);
        throw Error(ErrorCode::Internal, "network inputs: read past the end of the stream");
    }
    reading_ = std::move(ready_.front());
    ready_.pop_front();
    read_ = 0;
    changed_.notify_all();
}

void AheadQueue::stop()
{
    std::lock_guard lock(mutex_);
    stopped_ = true;
    changed_.notify_all();
}

}  // namespace nnz
