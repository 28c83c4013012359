#pragma once
// Nucleotide counts for DNA (context set 5): per order k, a table of four 4-bit counts (how often
// A, C, G and T followed each k-mer seen so far), as the count models of DNA compressors (XM,
// GeCo) keep them. Each k-mer also teaches its inverted repeat: the reverse complement of the k
// bases just coded, followed by the complement of the base before them, so a gene copied onto
// the other strand is predicted too. The byte contexts cannot learn that, and their 80-byte slots
// per nibble hold far fewer k-mers than these 2-byte entries. Inputs only for the three decisions
// of the byte's bits that tell A, C, G and T apart (ASCII, either case); silent elsewhere.
// Orders of more than 11 bases are hashed: their entries hold four 3-bit counts and 4 bits of
// the k-mer's hash, in buckets of two (a new k-mer takes the entry with fewer counts), so that a
// long k-mer seen for the first time no longer reads another's counts (E.coli -0.05%).
// Integer-only.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "../zeroed_array.hpp"

namespace nnz::mixing {

// A, C, G, T in either case -> 0..3; anything else -> -1.
constexpr int nucleotide_code(uint8_t c)
{
    switch (c | 0x20) {
    case 'a': return 0;
    case 'c': return 1;
    case 'g': return 2;
    case 't': return 3;
    default: return -1;
    }
}

class NucleotideModel {
public:
    static constexpr int kOrders = 8;
    static constexpr int kViews = 2;
    static constexpr int kInputs = kViews * kOrders;

    explicit NucleotideModel(bool huge_pages);

    // At a byte's start; `bases` are the lane's last 32 nucleotides, 2 bits each, newest lowest.
    // active: the lane is inside DNA (the inputs are silent otherwise).
    void begin_byte(uint64_t bases, bool active);
    // Writes kInputs stretched predictions for the next bit, given the bits of the byte so far;
    // false when they are all 0 (outside DNA, or a bit that no nucleotide's code decides).
    bool predict(std::span<int> inputs, int c0, int bit_index) const;
    // After a nucleotide (0-3) was coded, `bases_after` the lane's last 32 ending with it:
    // inside DNA counts it and its inverted repeat.
    void learn(int base, uint64_t bases_after);
    static uint64_t reverse_bases(uint64_t bases);  // the 32 two-bit fields in reverse order

private:
    struct Slot {
        size_t index;
        uint16_t check;  // hashed orders: 4 bits of the k-mer's hash kept in the entry
    };
    Slot slot(size_t order, uint64_t kmer) const;
    uint16_t& entry(size_t order, Slot at);  // the k-mer's entry, or the one it is to take over
    const uint16_t& entry(size_t order, Slot at) const;
    static std::array<int, 4> counts(uint16_t entry, size_t order, uint16_t check);
    static void count(uint16_t& entry, size_t order, Slot at, int base);

    std::array<ZeroedArray<uint16_t>, kOrders> tables_;
    std::array<Slot, kOrders> current_{};  // this byte's entry per order
    bool active_ = false;
};

}  // namespace nnz::mixing
