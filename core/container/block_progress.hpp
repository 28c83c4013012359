#pragma once
// Progress of the blocks of one job, each coded on its own thread, passed on to the job's
// JobControl. A block codes against its own JobControl (pause and cancel stay the job's), so at
// each of the codec's checkpoints the job learns, for that block:
//  - bytes coded and output bits: the encoder's own count while compressing; while decoding, the
//    block's packed size scaled by the fraction decoded (a codec need not count bits then);
//  - the entry whose bytes the coder is at, with that entry's bits per byte so far. Only the
//    front block (the lowest one not finished: the next to be written or handed out) reports
//    these, so blocks coded in parallel do not fight over the "current file" readout.
#include <cstdint>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "../job_control.hpp"

namespace nnz {

// Shared by the blocks of one job; sequence numbers are 0, 1, 2... in the job's block order.
class BlockProgressHub {
public:
    explicit BlockProgressHub(JobControl& job) : job_(job) {}
    BlockProgressHub(const BlockProgressHub&) = delete;
    BlockProgressHub& operator=(const BlockProgressHub&) = delete;

    JobControl& job() { return job_; }
    bool is_front(uint64_t sequence) const;
    void finished(uint64_t sequence);

private:
    JobControl& job_;
    mutable std::mutex mutex_;
    uint64_t front_ = 0;
    std::set<uint64_t> finished_ahead_;  // finished while a lower block was still coding
};

// Where an entry's bytes start in a block (sorted by offset; an entry continued from the
// previous block starts at 0).
struct EntrySpan {
    uint64_t offset = 0;
    std::string name;
};

class BlockProgress {
public:
    enum class Direction { Encode, Decode };
    // packed_size is needed for Decode only.
    BlockProgress(BlockProgressHub& hub, uint64_t sequence, std::vector<EntrySpan> spans, Direction direction,
                  uint64_t raw_size, uint64_t packed_size = 0);
    // Tells the hub the block is done if finish() did not (coding failed).
    ~BlockProgress();
    BlockProgress(const BlockProgress&) = delete;
    BlockProgress& operator=(const BlockProgress&) = delete;

    // Give this to the codec.
    JobControl& control() { return control_; }
    // After the codec returned: hands on the final counts and lets the next block become the
    // front. written_bits, when given, replaces the encoder's count (the bits actually written,
    // e.g. when the block ended up stored).
    void finish(std::optional<uint64_t> written_bits = std::nullopt);

private:
    void report(uint64_t coded, uint64_t bits);
    uint64_t bits_for(uint64_t coded) const;

    BlockProgressHub& hub_;
    const uint64_t sequence_;
    const std::vector<EntrySpan> spans_;
    const Direction direction_;
    const uint64_t raw_size_;
    const uint64_t packed_size_;
    uint64_t sent_input_ = 0;  // counts already added to the job
    uint64_t sent_bits_ = 0;
    uint64_t last_coded_ = 0;  // at the previous report
    uint64_t last_bits_ = 0;
    size_t span_ = SIZE_MAX;   // index into spans_ of the entry the coder is at
    uint64_t entry_start_input_ = 0;
    uint64_t entry_start_bits_ = 0;
    bool finished_ = false;
    JobControl control_;  // last: its report callback uses the members above
};

}  // namespace nnz
