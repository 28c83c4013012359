#pragma once
// A match model for the other DNA strand (context set 5): it looks for an earlier place where the
// reverse complement of the last kLength bases was written forwards, then predicts, base by
// base, the complement of the bases before that place, walking backwards (a gene copied onto the
// other strand, an inverted repeat's second arm). The nucleotide counts learn such k-mers too,
// but lose a long repeat to hash collisions and to every other occurrence of its k-mers; this
// follows one copy as long as it holds. Inputs only inside DNA. Integer-only.
#include <cstdint>
#include <span>
#include <vector>

#include "../zeroed_array.hpp"
#include "copy_prediction.hpp"
#include "lane_layout.hpp"

namespace nnz::mixing {

class InvertedRepeatModel {
public:
    static constexpr int kLength = 20;  // bases that must agree before a copy is followed

    InvertedRepeatModel(const LaneLayout& layout, int hash_bits);

    // At a byte's start (`block` as for MatchModel); dna: the lane is inside DNA.
    void begin_byte(std::span<const uint8_t> block, int lane, uint64_t step, bool dna);
    // Stretched input for the next bit given the bits so far (c0 with a leading 1); 0 without a
    // usable copy.
    int input(int c0) { return prediction_.input(c0); }
    void update_bit(int bit) { prediction_.update_bit(bit); }
    // The byte predicted for this byte (after begin_byte()), -1 without a usable copy.
    int expected_byte() const { return prediction_.predicting() ? prediction_.expected() : -1; }
    // After the byte at (lane, step) was coded; `bases` the lane's last 32 nucleotides (newest
    // lowest), base the byte's nucleotide (0-3) or -1.
    void end_byte(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t bases, int base);

private:
    struct LaneState {
        uint64_t pointer = 0;  // the base whose complement comes next
        CopyState copy;        // bases agreed so far (0 = no copy), changes followed through
        // The last base's lookup and insertion, done at the next byte's start (find_copy()).
        bool pending = false;
        uint64_t bases = 0, position = 0, insert_at = 0, lookup_at = 0;
    };
    void find_copy(std::span<const uint8_t> block, int lane, uint64_t step, LaneState& s);
    // The base position before `pos` in this lane's coded bytes, skipping up to a line end;
    // false where there is none.
    bool previous_base(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t pos, uint64_t& out) const;
    bool verify(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t end, uint64_t bases, uint64_t& before) const;

    LaneLayout layout_;
    int hash_bits_;
    ZeroedArray<uint32_t> last_seen_;  // hash of a forward k-mer -> position of its last base, +1
    std::vector<LaneState> lanes_;
    CopyPrediction prediction_;
};

}  // namespace nnz::mixing
