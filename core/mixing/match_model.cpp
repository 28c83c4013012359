#include "match_model.hpp"

#include "../prefetch.hpp"

namespace nnz::mixing {
namespace {
constexpr uint32_t kMaxVerify = 32;  // a fresh candidate is checked backwards this far
}  // namespace

MatchModel::MatchModel(const LaneLayout& layout, int hash_bits, bool recover, int min_length)
    : layout_(layout),
      hash_bits_(hash_bits),
      recover_(recover),
      min_length_(min_length),
      last_seen_(size_t{1} << hash_bits, layout.wants_huge_pages()),
      lanes_(layout.lanes)
{}

void MatchModel::begin_byte(std::span<const uint8_t> block, int lane, uint64_t step)
{
    LaneState& s = lanes_[lane];
    const bool predicting = s.copy.length > 0 && layout_.coded_before(s.pointer, lane, step);
    if (!predicting) s.copy.length = 0;
    prediction_.begin_byte(predicting, predicting ? block[s.pointer] : 0, s.copy);
}

size_t MatchModel::slot_of(uint64_t history, uint64_t older) const
{
    uint64_t context = min_length_ >= 8 ? history : history & ((uint64_t{1} << (8 * min_length_)) - 1);
    if (min_length_ > 8) context = context * 0xBF58476D1CE4E5B9ull + (min_length_ >= 16 ? older : older & ((uint64_t{1} << (8 * (min_length_ - 8))) - 1));
    // (A different multiplier for the bytes before the last 8 keeps the two halves apart.)
    return static_cast<size_t>(((context + 0x1234567ull) * 0x9E3779B97F4A7C15ull) >> (64 - hash_bits_));
}

void MatchModel::prefetch_slot(uint64_t history, uint64_t older) const
{
    prefetch_line(&last_seen_[slot_of(history, older)]);
}

void MatchModel::end_byte(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t history, uint64_t lane_bytes, uint64_t older)
{
    LaneState& s = lanes_[lane];
    const uint64_t pos = layout_.position(lane, step);
    // Through a changed byte (recover) the match is followed trusting it less: the length drops
    // to a quarter and the counters know how many mismatches it has survived.
    s.copy.follow(s.copy.length > 0 && block[s.pointer] == block[pos], recover_ ? kRecoverLength : 0);
    if (s.copy.length > 0) ++s.pointer;
    if (lane_bytes < static_cast<uint64_t>(min_length_)) return;
    const size_t h = slot_of(history, older);
    if (s.copy.length == 0 && last_seen_[h] != 0) {
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
        if (long_enough) s.pointer = candidate, s.copy = {length, 0};
    }
    last_seen_[h] = static_cast<uint32_t>(pos + 2);  // the next position (pos + 1), stored + 1
}

}  // namespace nnz::mixing
