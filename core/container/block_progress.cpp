#include "block_progress.hpp"

#include <algorithm>

namespace nnz {

bool BlockProgressHub::is_front(uint64_t sequence) const
{
    std::lock_guard lock(mutex_);
    return sequence == front_;
}

void BlockProgressHub::finished(uint64_t sequence)
{
    std::lock_guard lock(mutex_);
    if (sequence != front_) {
        if (sequence > front_) finished_ahead_.insert(sequence);
        return;
    }
    ++front_;
    while (finished_ahead_.erase(front_) > 0) ++front_;
}

BlockProgress::BlockProgress(BlockProgressHub& hub, uint64_t sequence, std::vector<EntrySpan> spans,
                             Direction direction, uint64_t raw_size, uint64_t packed_size)
    : hub_(hub), sequence_(sequence), spans_(std::move(spans)), direction_(direction), raw_size_(raw_size),
      packed_size_(packed_size),
      control_(hub.job(), [this](JobControl& block) { report(block.done_input.load(), bits_for(block.done_input.load())); })
{
}

BlockProgress::~BlockProgress()
{
    if (!finished_) hub_.finished(sequence_);
}

uint64_t BlockProgress::bits_for(uint64_t coded) const
{
    if (direction_ == Direction::Encode) return control_.done_output_bits.load();
    if (raw_size_ == 0) return 0;
    const auto scaled = static_cast<unsigned __int128>(packed_size_) * 8 * std::min(coded, raw_size_) / raw_size_;
    return static_cast<uint64_t>(scaled);
}

void BlockProgress::finish(std::optional<uint64_t> written_bits)
{
    if (finished_) return;
    const uint64_t coded = control_.done_input.load();
    report(coded, written_bits ? *written_bits : bits_for(coded));
    finished_ = true;
    hub_.finished(sequence_);
}

void BlockProgress::report(uint64_t coded, uint64_t bits)
{
    if (finished_) return;
    JobControl& job = hub_.job();
    if (coded > sent_input_) {
        job.done_input += coded - sent_input_;
        sent_input_ = coded;
    }
    // The final count may be below the running one (a block stored after all): correct it.
    if (bits >= sent_bits_) job.done_output_bits += bits - sent_bits_;
    else job.done_output_bits -= sent_bits_ - bits;
    sent_bits_ = bits;

    if (!spans_.empty()) {
        // The entry holding the next byte to code (the last one once all are coded).
        const uint64_t position = raw_size_ > 0 ? std::min(coded, raw_size_ - 1) : 0;
        const auto after = std::upper_bound(spans_.begin(), spans_.end(), position,
                                            [](uint64_t p, const EntrySpan& s) { return p < s.offset; });
        const size_t span = after == spans_.begin() ? 0 : size_t(after - spans_.begin()) - 1;
        if (span != span_) {
            // The coder crossed into this entry somewhere since the previous report: estimate the
            // bits at that point by interpolation.
            const uint64_t start = std::max(spans_[span].offset, last_coded_);
            entry_start_input_ = start;
            entry_start_bits_ = last_bits_;
            if (coded > last_coded_ && bits > last_bits_ && start > last_coded_) {
                const auto part = static_cast<unsigned __int128>(bits - last_bits_) * (start - last_coded_) /
                                  (coded - last_coded_);
                entry_start_bits_ += static_cast<uint64_t>(part);
            }
            span_ = span;
        }
        if (hub_.is_front(sequence_)) {
            job.current_input = coded > entry_start_input_ ? coded - entry_start_input_ : 0;
            job.current_output_bits = bits > entry_start_bits_ ? bits - entry_start_bits_ : 0;
            job.set_current_name(spans_[span_].name);
        }
    }
    last_coded_ = coded;
    last_bits_ = bits;
}

}  // namespace nnz
