#include "nucleotide_model.hpp"

#include <algorithm>

#include "../prefetch.hpp"
#include "logistic.hpp"

namespace nnz::mixing {
namespace {

// Orders 3-9 next to the byte contexts' short orders, 11-20 next to their long ones: on E.coli
// {2,4,...} and {1,2,3,4,6,8,11,16} did no better, {11,...,24} alone 0.02% worse.
constexpr std::array<int, NucleotideModel::kOrders> kOrderLengths = {3, 6, 9, 11, 12, 14, 16, 20};
// Entries per order (2 bytes each): k-mers up to 11 bases index it directly, longer ones by
// hash. On E.coli 2^22 / 2^23 / 2^24 entries: 1,099,416 / 1,098,583 / 1,097,940 bytes; 2^23
// (16 MB per long order) keeps two blocks in flight under 1 GiB.
constexpr int kTableBits = 23;

// stretch(p) of a binary decision whose two sides were seen n1 and n0 times, with an additive
// prior of alpha / 16 on each side. Two views per order let the mixer choose how far to trust
// few counts: Laplace (16/16) and the sharp 1/16 of DNA compressors' long orders.
struct CountStretch {
    std::array<std::array<int16_t, 46>, 46> table{};  // [n1][n0]; a side sums at most 3 counts of 15
    explicit constexpr CountStretch(int alpha16)
    {
        for (int n1 = 0; n1 < 46; ++n1)
            for (int n0 = 0; n0 < 46; ++n0) {
                const int64_t num = int64_t{16 * n1 + alpha16} * kProbOne;
                const int64_t den = 16 * (n0 + n1) + 2 * alpha16;
                table[static_cast<size_t>(n1)][static_cast<size_t>(n0)] = static_cast<int16_t>(stretch(clamp_prob(static_cast<int>((num + den / 2) / den))));
            }
    }
};
constexpr CountStretch kSharp(1), kSoft(16);

// The decision the next bit makes among A, C, G and T (ASCII, either case: the first nibble is 4
// or 6, and 5 or 7 for T): 0 = T or not, 1 = G or A/C, 2 = C or A; -1 for the other bits.
int decision(int c0, int bit_index)
{
    if (bit_index == 3) return (c0 == 0b1010 || c0 == 0b1011) ? 0 : -1;
    if (bit_index != 5 && bit_index != 6) return -1;
    const int nibble = (c0 >> (bit_index - 4)) & 0xF;
    if (nibble != 4 && nibble != 6) return -1;
    if ((c0 & ((1 << (bit_index - 4)) - 1)) != 0) return -1;  // N (bit 4 set) or G (bit 5 set)
    return bit_index == 5 ? 1 : 2;
}

size_t entries_for(int k) { return size_t{1} << std::min(2 * k, kTableBits); }

// Orders hashed into their table keep 3-bit counts and a 4-bit check of the k-mer: without it,
// with about as many k-mers as entries, most long k-mers found another's counts.
bool checked(size_t order) { return 2 * kOrderLengths[order] > kTableBits; }

}  // namespace

NucleotideModel::NucleotideModel(bool huge_pages)
{
    for (size_t i = 0; i < tables_.size(); ++i) tables_[i] = ZeroedArray<uint16_t>(entries_for(kOrderLengths[i]), huge_pages);
}

NucleotideModel::Slot NucleotideModel::slot(size_t order, uint64_t kmer) const
{
    const int k = kOrderLengths[order];
    if (!checked(order)) return {static_cast<size_t>(kmer), 0};
    const uint64_t h = (kmer + static_cast<uint64_t>(k)) * 0x9E3779B97F4A7C15ull;
    return {static_cast<size_t>(h >> (64 - kTableBits)), static_cast<uint16_t>((h >> (60 - kTableBits)) & 15)};
}

void NucleotideModel::begin_byte(uint64_t bases, bool active)
{
    active_ = active;
    if (!active) return;
    for (size_t i = 0; i < tables_.size(); ++i) {
        const int k = kOrderLengths[i];
        current_[i] = slot(i, bases & ((uint64_t{1} << (2 * k)) - 1));
        prefetch_line(&tables_[i][current_[i].index]);
    }
}

bool NucleotideModel::predict(std::span<int> inputs, int c0, int bit_index) const
{
    const int d = active_ ? decision(c0, bit_index) : -1;
    if (d < 0) {
        std::fill(inputs.begin(), inputs.end(), 0);
        return false;
    }
    for (size_t i = 0; i < tables_.size(); ++i) {
        const std::array<int, 4> n = counts(entry(i, current_[i]), i, current_[i].check);
        const int a = n[0], c = n[1], g = n[2], t = n[3];
        const auto n1 = static_cast<size_t>(d == 0 ? t : d == 1 ? g : c);
        const auto n0 = static_cast<size_t>(d == 0 ? a + c + g : d == 1 ? a + c : a);
        inputs[kViews * i] = kSharp.table[n1][n0];
        inputs[kViews * i + 1] = kSoft.table[n1][n0];
    }
    return true;
}

std::array<int, 4> NucleotideModel::counts(uint16_t entry, size_t order, uint16_t check)
{
    if (!checked(order)) return {entry & 15, (entry >> 4) & 15, (entry >> 8) & 15, entry >> 12};
    if ((entry >> 12) != check) return {0, 0, 0, 0};
    return {entry & 7, (entry >> 3) & 7, (entry >> 6) & 7, (entry >> 9) & 7};
}

uint16_t& NucleotideModel::entry(size_t order, Slot at)
{
    uint16_t* first = &tables_[order][at.index];
    if (!checked(order) || (*first >> 12) == at.check) return *first;
    uint16_t* second = &tables_[order][at.index ^ 1];
    if ((*second >> 12) == at.check) return *second;
    // Neither holds this k-mer: it replaces the one with fewer counts.
    auto total = [](uint16_t e) { return (e & 7) + ((e >> 3) & 7) + ((e >> 6) & 7) + ((e >> 9) & 7); };
    return total(*second) < total(*first) ? *second : *first;
}

const uint16_t& NucleotideModel::entry(size_t order, Slot at) const
{
    const uint16_t& first = tables_[order][at.index];
    if (!checked(order) || (first >> 12) == at.check) return first;
    const uint16_t& second = tables_[order][at.index ^ 1];
    return (second >> 12) == at.check ? second : first;
}

void NucleotideModel::count(uint16_t& entry, size_t order, Slot at, int base)
{
    std::array<int, 4> n = counts(entry, order, at.check);
    const bool small = checked(order);
    if (++n[static_cast<size_t>(base)] == (small ? 7 : 15))
        for (int& v : n) v >>= 1;
    entry = small ? static_cast<uint16_t>(n[0] | n[1] << 3 | n[2] << 6 | n[3] << 9 | at.check << 12)
                  : static_cast<uint16_t>(n[0] | n[1] << 4 | n[2] << 8 | n[3] << 12);
}

void NucleotideModel::learn(int base, uint64_t bases_after)
{
    if (!active_) return;
    for (size_t i = 0; i < tables_.size(); ++i) count(entry(i, current_[i]), i, current_[i], base);
    // The other strand, read backwards: after the complements of the k newest bases (the newest
    // of them oldest there) comes the complement of the base before them. Inside DNA at least
    // 21 of the last 24 bytes are bases, so every k-mer here is real. E.coli -0.3%.
    const uint64_t reverse = ~reverse_bases(bases_after);  // complements, newest highest
    for (size_t i = 0; i < tables_.size(); ++i) {
        const int k = kOrderLengths[i];
        const int complement = 3 - static_cast<int>((bases_after >> (2 * k)) & 3);
        const Slot at = slot(i, reverse >> (64 - 2 * k));
        count(entry(i, at), i, at, complement);
    }
}

uint64_t NucleotideModel::reverse_bases(uint64_t bases)
{
    // Reverses the order of the 32 two-bit fields: halves, quarters, bytes, nibbles, then pairs.
    bases = (bases >> 32) | (bases << 32);
    bases = ((bases >> 16) & 0x0000FFFF0000FFFFull) | ((bases & 0x0000FFFF0000FFFFull) << 16);
    bases = ((bases >> 8) & 0x00FF00FF00FF00FFull) | ((bases & 0x00FF00FF00FF00FFull) << 8);
    bases = ((bases >> 4) & 0x0F0F0F0F0F0F0F0Full) | ((bases & 0x0F0F0F0F0F0F0F0Full) << 4);
    return ((bases >> 2) & 0x3333333333333333ull) | ((bases & 0x3333333333333333ull) << 2);
}

}  // namespace nnz::mixing
