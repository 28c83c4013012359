#include "match_model.hpp"

namespace nnz::mixing {
namespace {
constexpr uint32_t kMaxLength = 65535;
constexpr uint32_t kMaxVerify = 32;  // a fresh candidate is checked backwards this far

int length_bucket_of(uint32_t length)
{
    if (length < 16) return static_cast<int>(length);
    const uint32_t coarse = 16 + ((length - 16) >> 3);
    return static_cast<int>(coarse < 31 ? coarse : 31);
}

// Mismatches followed through: none, 1-2, 3-5, 6-8. A fresh or unbroken match is class 0, so
// without recovery the counters are exactly the earlier [length bucket][expected bit] ones.
size_t misses_class(uint32_t misses) { return misses == 0 ? 0 : misses < 3 ? 1 : misses < 6 ? 2 : 3; }
}  // namespace

MatchModel::MatchModel(const LaneLayout& layout, int hash_bits, bool recover, int min_length)
    : layout_(layout),
      hash_bits_(hash_bits),
      recover_(recover),
      min_length_(min_length),
      last_seen_(size_t{1} << hash_bits, layout.wants_huge_pages()),
      lanes_(layout.lanes),
      counters_(4 * 64, kCounterInit)
{}

void MatchModel::begin_byte(std::span<const uint8_t> block, int lane, uint64_t step)
{
    LaneState& s = lanes_[lane];
    predicting_ = s.length > 0 && layout_.coded_before(s.pointer, lane, step);
    if (!predicting_) s.length = 0;
    expected_ = predicting_ ? block[s.pointer] : 0;
    length_ = s.length;
    misses_ = s.misses;
}

int MatchModel::input(int c0)
{
    counter_used_ = false;
    if (!predicting_) return 0;
    int known_bits = 0;
    while ((c0 >> known_bits) > 1) ++known_bits;
    if (((expected_ | 0x100) >> (8 - known_bits)) != c0) {
        predicting_ = false;  // this byte already differs from the prediction
        return 0;
    }
    const int expected_bit = (expected_ >> (7 - known_bits)) & 1;
    counter_ = misses_class(misses_) * 64 + static_cast<size_t>(length_bucket_of(length_)) * 2 + expected_bit;
    counter_used_ = true;
    return stretch(counter_p12(counters_[counter_]));
}

void MatchModel::update_bit(int bit)
{
    if (counter_used_) update_counter(counters_[counter_], bit, 255);
}

void MatchModel::end_byte(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t history, uint64_t lane_bytes, uint64_t older)
{
    LaneState& s = lanes_[lane];
    const uint64_t pos = layout_.position(lane, step);
    if (s.length > 0 && block[s.pointer] == block[pos]) {
        if (s.length < kMaxLength) ++s.length;
        ++s.pointer;
        if (s.misses > 0 && s.length >= 64 && s.length % 16 == 0) --s.misses;
    } else if (recover_ && s.length >= kRecoverLength && s.misses < kMaxMisses) {
        // Follow the match through the changed byte, trusting it less: the length drops to a
        // quarter and the counters know how many mismatches it has survived.
        ++s.misses;
        s.length = s.length / 4 + 1;
        ++s.pointer;
    } else {
        s.length = 0;
        s.misses = 0;
    }
    if (lane_bytes < static_cast<uint64_t>(min_length_)) return;
    uint64_t context = min_length_ >= 8 ? history : history & ((uint64_t{1} << (8 * min_length_)) - 1);
    if (min_length_ > 8) context = context * 0xBF58476D1CE4E5B9ull + (min_length_ >= 16 ? older : older & ((uint64_t{1} << (8 * (min_length_ - 8))) - 1));
    // (A different multiplier for the bytes before the last 8 keeps the two halves apart.)
    const uint64_t h = ((context + 0x1234567ull) * 0x9E3779B97F4A7C15ull) >> (64 - hash_bits_);
    if (s.length == 0 && last_seen_[h] != 0) {
        const uint64_t candidate = last_seen_[h] - 1;  // position after the earlier occurrence
        const uint64_t lane_start = layout_.lane_start(lane);
        uint32_t length = 0;
        while (length < kMaxVerify && candidate >= length + 1 && pos >= lane_start + length) {
            const uint64_t earlier = candidate - 1 - length;
            if (!layout_.coded_before(earlier, lane + 1, step) || block[earlier] != block[pos - length]) break;
            ++length;
        }
        // Only a candidate that really repeats the min_length bytes (kMinLength: as before 0.8,
        // whatever verifies).
        const bool long_enough = min_length_ == kMinLength ? length > 0 : length >= static_cast<uint32_t>(min_length_);
        if (long_enough) s.pointer = candidate, s.length = length, s.misses = 0;
    }
    last_seen_[h] = static_cast<uint32_t>(pos + 2);  // the next position (pos + 1), stored + 1
}

}  // namespace nnz::mixing
