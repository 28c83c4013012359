#pragma once
// Match model: for each lane, the byte that followed the most recent earlier occurrence of the
// lane's last kMinLength bytes (anywhere in the block that is already coded), and how long the
// match has held. Its input to the mixer is a learned probability for "the next bit is the
// predicted one" per match length. Positions are only ever read once coded (LaneLayout), so the
// encoder, which holds the whole block, sees exactly what the decoder sees.
#include <cstdint>
#include <span>
#include <vector>

#include "../zeroed_array.hpp"

#include "copy_prediction.hpp"
#include "lane_layout.hpp"

namespace nnz::mixing {

class MatchModel {
public:
    static constexpr int kMinLength = 6;

    // recover: after a mismatch in a long match, keep following it (context set 3): a repeat
    // with a few changed bytes (a variant of a verse, a gene copy with a point mutation) goes on
    // being predicted instead of waiting for kMinLength new bytes to find it again.
    // min_length: the bytes hashed to find a candidate (kMinLength, or up to 16), and, other than
    // kMinLength (whose candidates count from one verified byte, as before), the least a
    // candidate must verify backwards.
    MatchModel(const LaneLayout& layout, int hash_bits, bool recover = false, int min_length = kMinLength);
    static constexpr int kLongMinLength = 16;
    // Context set 5's first model next to the long one: 8 bytes, verified (with 6, -0.07% on the
    // large files; 7: -0.06%, 10: +0.03%). The long one stays best at 16 (20: +0.003%, 24: +0.02%).
    static constexpr int kShortMinLength = 8;

    // `block` is the block's buffer: the whole input when encoding, the output being filled when
    // decoding. Only positions coded before the current byte are read.
    void begin_byte(std::span<const uint8_t> block, int lane, uint64_t step);
    // Stretched input for the next bit given the bits of the byte so far (c0 with a leading 1),
    // 0 without a usable match. length_bucket() selects mixer weights.
    int input(int c0) { return prediction_.input(c0); }
    int length_bucket() const { return prediction_.predicting() ? (prediction_.length() < 16 ? 1 : 2) : 0; }
    // 0 without a usable match for the next bit; else 1..7 by match length, times 2, plus the
    // predicted bit (after input() for this bit): 0..15.
    int state(int bit_index) const { return prediction_.state(bit_index); }
    void update_bit(int bit) { prediction_.update_bit(bit); }
    // After the byte at (lane, step) was coded; `history` is the lane's last 8 bytes, newest low.
    // `older`: the 8 bytes before those (a long model hashes them too).
    void end_byte(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t history, uint64_t lane_bytes, uint64_t older = 0);
    // Starts loading the hash slot that end_byte() will read and write for these last bytes: its
    // table misses the cache on nearly every byte, and with the byte's last bit still to come
    // the caller can fetch both candidates a bit ahead.
    void prefetch_slot(uint64_t history, uint64_t older = 0) const;

private:
    size_t slot_of(uint64_t history, uint64_t older) const;  // last_seen_'s entry for these last bytes
    struct LaneState {
        uint64_t pointer = 0;  // position of the predicted byte
        CopyState copy;        // length 0 = no match; misses: followed through (recover)
    };
    static constexpr uint32_t kRecoverLength = 16;  // matches at least this long are followed through a mismatch
    LaneLayout layout_;
    int hash_bits_;
    bool recover_;
    int min_length_;
    ZeroedArray<uint32_t> last_seen_;  // hash of kMinLength bytes -> position after them, +1 (0 = none)
    std::vector<LaneState> lanes_;
    CopyPrediction prediction_;
};

}  // namespace nnz::mixing
