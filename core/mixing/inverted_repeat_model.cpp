#include "inverted_repeat_model.hpp"

#include "../prefetch.hpp"
#include "nucleotide_model.hpp"

namespace nnz::mixing {
namespace {
constexpr uint32_t kRecoverLength = 24;  // copies at least this long are followed through a changed base
constexpr int kMaxGap = 2;               // non-base bytes (line ends) skipped between two bases

uint64_t kmer_hash(uint64_t kmer, int bits) { return ((kmer + 0x51ED27ull) * 0x9E3779B97F4A7C15ull) >> (64 - bits); }
}  // namespace

InvertedRepeatModel::InvertedRepeatModel(const LaneLayout& layout, int hash_bits)
    : layout_(layout),
      hash_bits_(hash_bits),
      last_seen_(size_t{1} << hash_bits, layout.wants_huge_pages()),
      lanes_(layout.lanes)
{}

bool InvertedRepeatModel::previous_base(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t pos, uint64_t& out) const
{
    const uint64_t lane_start = layout_.lane_start(lane);
    for (int gap = 0; gap <= kMaxGap; ++gap) {
        if (pos <= lane_start) return false;
        --pos;
        if (!layout_.coded_before(pos, lane + 1, step)) return false;
        if (nucleotide_code(block[pos]) >= 0) {
            out = pos;
            return true;
        }
    }
    return false;
}

void InvertedRepeatModel::begin_byte(std::span<const uint8_t> block, int lane, uint64_t step, bool dna)
{
    LaneState& s = lanes_[lane];
    if (s.pending) find_copy(block, lane, step, s);
    const bool predicting = dna && s.copy.length > 0 && layout_.coded_before(s.pointer, lane, step);
    const uint8_t original = predicting ? block[s.pointer] : 0;
    // The complement of the base at the pointer, in its case.
    prediction_.begin_byte(predicting, predicting ? "TGCA"[nucleotide_code(original)] | (original & 0x20) : 0, s.copy);
}

bool InvertedRepeatModel::verify(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t end, uint64_t bases, uint64_t& before) const
{
    // The k-mer ending at `end` must read, forwards, the complements of the last kLength bases
    // from the newest back: its j-th base is the complement of the base j places before the
    // newest.
    uint64_t pos = end;
    if (!layout_.coded_before(pos, lane + 1, step)) return false;
    for (int j = kLength - 1;; --j) {
        const int b = nucleotide_code(block[pos]);
        if (b < 0 || b != 3 - static_cast<int>((bases >> (2 * j)) & 3)) return false;
        if (!previous_base(block, lane, step, pos, pos)) return false;
        if (j == 0) break;
    }
    before = pos;
    return true;
}

void InvertedRepeatModel::end_byte(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t bases, int base)
{
    if (base < 0) return;  // line ends and the like: the copy waits
    LaneState& s = lanes_[lane];
    const uint64_t pos = layout_.position(lane, step);
    if (s.copy.length > 0) {
        s.copy.follow(3 - nucleotide_code(block[s.pointer]) == base, kRecoverLength);
        if (s.copy.length > 0 && !previous_base(block, lane, step, s.pointer, s.pointer)) s.copy = {};
    }
    // The table's lines are fetched now and used at the next byte's start (find_copy()), after
    // the other models' work: two cache misses per base otherwise.
    const uint64_t kmer = bases & ((uint64_t{1} << (2 * kLength)) - 1);
    // The reverse complement of the last kLength bases, as a forward k-mer (oldest highest).
    const uint64_t reverse = ~NucleotideModel::reverse_bases(bases) >> (64 - 2 * kLength);
    s.pending = true;
    s.bases = bases;
    s.position = pos;
    s.insert_at = kmer_hash(kmer, hash_bits_);
    s.lookup_at = kmer_hash(reverse, hash_bits_);
    prefetch_line(&last_seen_[s.insert_at]);
    prefetch_line(&last_seen_[s.lookup_at]);
}

void InvertedRepeatModel::find_copy(std::span<const uint8_t> block, int lane, uint64_t step, LaneState& s)
{
    s.pending = false;
    // Positions up to the last base are coded by now: verify() reads as at that base's end.
    if (s.copy.length == 0) {
        const uint32_t seen = last_seen_[s.lookup_at];
        uint64_t before = 0;
        if (seen != 0 && verify(block, lane, step - 1, seen - 1, s.bases, before))
            s.pointer = before, s.copy = {kLength, 0};
    }
    last_seen_[s.insert_at] = static_cast<uint32_t>(s.position + 1);
}

}  // namespace nnz::mixing
