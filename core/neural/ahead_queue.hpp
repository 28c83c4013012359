#pragma once
// Hands a stream of the network's bit inputs from the thread that computes them ahead to the
// thread that mixes and codes. Compressing, every byte is known before it is coded and the
// network never sees the mixer's results, so the whole block's network work can run on a core
// (or a GPU) of its own, ahead of the coder. The stream goes in chunks, at most a few of them in
// flight, so memory stays bounded and a stalled consumer (paused, cancelled) stops the producer.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <vector>

namespace nnz {

class AheadQueue {
public:
    // The producer hands values on in chunks: the first of `first_chunk_values`, each next one
    // twice as large up to `largest_chunk_values` (the consumer starts soon; later hand-overs
    // are rare). At most `chunks_in_flight` chunks wait for the consumer.
    AheadQueue(size_t first_chunk_values, size_t largest_chunk_values, size_t chunks_in_flight = 4);
    AheadQueue(const AheadQueue&) = delete;
    AheadQueue& operator=(const AheadQueue&) = delete;

    // Producer side. push() appends one value to the chunk being filled and hands it on when
    // full; it returns false once the consumer has left (the producer should return).
    bool push(int16_t value)
    {
        filling_.push_back(value);
        return filling_.size() < chunk_values_ || hand_on();
    }
    // Hands on what is left; call once at the end (true if the consumer is still there).
    bool finish();
    // The producer failed: the consumer rethrows `error` when it reaches this point of the stream.
    void fail(std::exception_ptr error);

    // Consumer side: the next value; blocks until there is one. Rethrows the producer's failure;
    // reading past the end of the stream is a logic error (throws Error(Internal)).
    int16_t pop()
    {
        if (read_ == reading_.size()) take_next_chunk();
        return reading_[read_++];
    }
    // The consumer leaves (normally or by an exception): a waiting producer wakes up and stops.
    void stop();

private:
    bool hand_on();
    void take_next_chunk();

    size_t chunk_values_;  // producer's own: the size of the chunk being filled
    const size_t largest_chunk_values_, chunks_in_flight_;
    std::vector<int16_t> filling_;  // producer's own
    std::vector<int16_t> reading_;  // consumer's own
    size_t read_ = 0;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<int16_t>> ready_;  // guarded by mutex_
    bool finished_ = false, stopped_ = false;
    std::exception_ptr error_;
};

}  // namespace nnz
