#include "translation_model.hpp"

#include <algorithm>

#include "nucleotide_model.hpp"

namespace nnz::mixing {
namespace {

constexpr std::array<char, 64> build_genetic_code()
{
    // The standard table in its usual T, C, A, G order; nucleotide_code() numbers A, C, G, T.
    constexpr const char* tcag = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";
    constexpr int to_tcag[4] = {2, 1, 3, 0};
    std::array<char, 64> code{};
    for (int a = 0; a < 4; ++a)
        for (int b = 0; b < 4; ++b)
            for (int c = 0; c < 4; ++c) code[static_cast<size_t>(a * 16 + b * 4 + c)] = tcag[to_tcag[a] * 16 + to_tcag[b] * 4 + to_tcag[c]];
    return code;
}
constexpr std::array<char, 64> kGeneticCode = build_genetic_code();

// The amino acid of the other strand's codon over three bases given forwards (first base highest):
// their complements read backwards.
constexpr char translate_reverse(int bases) { return kGeneticCode[static_cast<size_t>((3 - (bases & 3)) * 16 + (3 - ((bases >> 2) & 3)) * 4 + (3 - (bases >> 4)))]; }

// kResidues amino acids, oldest highest, 8 bits each: the same hash from the genome's side and
// the proteome's.
uint64_t residues_hash(uint64_t residues)
{
    // SplitMix64's finalizer: letters differ in few low bits, which a single multiply leaves in
    // the low half (two 6-mers of the test genome shared the top 24 bits that way).
    uint64_t h = residues + 0x5EED;
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
    h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
    return h ^ (h >> 31);
}

constexpr uint64_t kResidueMask = (uint64_t{1} << (8 * TranslationModel::kResidues)) - 1;
constexpr int kWindowBases = 3 * TranslationModel::kResidues;

bool line_end(uint8_t c) { return c == '\n' || c == '\r'; }

}  // namespace

char translate_codon(int codon) { return kGeneticCode[static_cast<size_t>(codon & 63)]; }

TranslationModel::TranslationModel(const LaneLayout& layout, int hash_bits)
    : layout_(layout), hash_bits_(hash_bits), genes_(size_t{1} << hash_bits, layout.wants_huge_pages()), lanes_(layout.lanes)
{}

bool TranslationModel::next_base(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t pos, uint64_t& out) const
{
    for (int gap = 0; gap < 3; ++gap) {
        ++pos;
        if (pos >= block.size() || !layout_.coded_before(pos, lane, step)) return false;
        if (nucleotide_code(block[pos]) >= 0) {
            out = pos;
            return true;
        }
        if (!line_end(block[pos])) return false;
    }
    return false;
}

bool TranslationModel::previous_base(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t pos, uint64_t& out) const
{
    for (int gap = 0; gap < 3; ++gap) {
        if (pos == 0) return false;
        --pos;
        if (!layout_.coded_before(pos, lane, step)) return false;
        if (nucleotide_code(block[pos]) >= 0) {
            out = pos;
            return true;
        }
        if (!line_end(block[pos])) return false;
    }
    return false;
}

bool TranslationModel::next_residue(std::span<const uint8_t> block, int lane, uint64_t step, const LaneState& s, int& residue, uint64_t& pointer) const
{
    uint64_t b1 = 0, b2 = 0, b3 = 0;
    if (!s.reverse) {
        if (!next_base(block, lane, step, s.pointer, b1) || !next_base(block, lane, step, b1, b2) || !next_base(block, lane, step, b2, b3)) return false;
        residue = translate_codon(nucleotide_code(block[b1]) * 16 + nucleotide_code(block[b2]) * 4 + nucleotide_code(block[b3]));
    } else {
        if (!previous_base(block, lane, step, s.pointer, b1) || !previous_base(block, lane, step, b1, b2) || !previous_base(block, lane, step, b2, b3)) return false;
        residue = translate_reverse(nucleotide_code(block[b3]) * 16 + nucleotide_code(block[b2]) * 4 + nucleotide_code(block[b1]));
    }
    pointer = b3;
    return true;
}

bool TranslationModel::verify(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t pointer, bool reverse, uint64_t residues) const
{
    // Newest residue first: on the forward strand its codon ends at the pointer and the older
    // ones come before it; on the reverse strand its codon starts there and the older ones follow.
    if (pointer >= block.size() || !layout_.coded_before(pointer, lane, step) || nucleotide_code(block[pointer]) < 0) return false;
    uint64_t p = pointer;
    for (int j = 0; j < kResidues; ++j) {
        uint64_t b2 = 0, b3 = 0;
        if (j > 0 && !(reverse ? next_base(block, lane, step, p, p) : previous_base(block, lane, step, p, p))) return false;
        if (!(reverse ? next_base(block, lane, step, p, b2) : previous_base(block, lane, step, p, b2))) return false;
        if (!(reverse ? next_base(block, lane, step, b2, b3) : previous_base(block, lane, step, b2, b3))) return false;
        const int first = nucleotide_code(block[p]), middle = nucleotide_code(block[b2]), last = nucleotide_code(block[b3]);
        const char residue = reverse ? translate_reverse(first * 16 + middle * 4 + last) : translate_codon(last * 16 + middle * 4 + first);
        if (static_cast<uint8_t>(residue) != ((residues >> (8 * j)) & 0xFF)) return false;
        p = b3;
    }
    return true;
}

void TranslationModel::index_codons(LaneState& s, uint64_t pos)
{
    // The codon ending at this base, on both strands, joins its frame's last codons; once the
    // last kWindowBases bases are all nucleotides, the frame's last kResidues codons are indexed
    // unless a stop codon is among them (no protein reads through one: a quarter of all windows).
    const size_t frame = s.base_count % 3;
    const char f = translate_codon(static_cast<int>(s.bases & 63));
    const char r = translate_reverse(static_cast<int>(s.bases & 63));
    s.forward_codons[frame] = (s.forward_codons[frame] << 8 | static_cast<uint8_t>(f)) & kResidueMask;
    s.reverse_codons[frame] = s.reverse_codons[frame] >> 8 | uint64_t{static_cast<uint8_t>(r)} << (8 * (kResidues - 1));
    s.forward_open[frame] = f == '*' ? 0 : std::min(s.forward_open[frame] + 1, kResidues);
    s.reverse_open[frame] = r == '*' ? 0 : std::min(s.reverse_open[frame] + 1, kResidues);
    if (s.base_run < kWindowBases || pos > kMaxPosition) return;
    indexed_ = true;
    if (s.forward_open[frame] == kResidues) genes_[slot_of(residues_hash(s.forward_codons[frame]))] = static_cast<uint32_t>(2 * pos + 1);
    if (s.reverse_open[frame] == kResidues) {
        const uint64_t first = s.base_positions[(s.base_count - kWindowBases) % 32];
        genes_[slot_of(residues_hash(s.reverse_codons[frame]))] = static_cast<uint32_t>(2 * first + 2);
    }
}

void TranslationModel::find_gene(std::span<const uint8_t> block, int lane, uint64_t step, LaneState& s)
{
    // Not a look into the index before anything is in it: a read of an untouched page of it
    // can cost a whole huge page of memory (alice29.txt +8 MB, for its words in capitals).
    if (!indexed_) return;
    const uint32_t seen = genes_[slot_of(residues_hash(s.residues & kResidueMask))];
    if (seen == 0) return;
    const uint64_t pointer = (seen - 1) >> 1;
    const bool reverse = ((seen - 1) & 1) != 0;
    if (!verify(block, lane + 1, step, pointer, reverse, s.residues)) return;
    s.pointer = pointer;
    s.reverse = reverse;
    s.copy = {kResidues, 0};
}

void TranslationModel::begin_byte(std::span<const uint8_t> block, int lane, uint64_t step)
{
    const LaneState& s = lanes_[lane];
    int residue = 0;
    uint64_t unused = 0;
    const bool predicting = !s.in_header && s.copy.length > 0 && (s.line_width == 0 || s.column < s.line_width) &&
                            next_residue(block, lane, step, s, residue, unused) && residue != '*';
    prediction_.begin_byte(predicting, residue, s.copy);
}

void TranslationModel::end_byte(std::span<const uint8_t> block, int lane, uint64_t step)
{
    LaneState& s = lanes_[lane];
    const uint64_t pos = layout_.position(lane, step);
    const uint8_t byte = block[pos];
    if (line_end(byte)) {
        // Line ends break neither a run of bases nor a protein.
        if (byte == '\n') {
            if (!s.in_header) s.line_width = std::max(s.line_width, s.column);
            s.in_header = false;
            s.column = 0;
        }
        return;
    }
    if (s.column == 0 && byte == '>') {
        s.in_header = true;
        s.base_run = 0;
        s.residue_run = 0;
        s.copy = {};
    }
    if (s.column < UINT32_MAX) ++s.column;
    if (s.in_header) return;
    const int base = nucleotide_code(byte);
    if (base >= 0) {
        s.bases = s.bases << 2 | static_cast<uint64_t>(base);
        s.base_positions[s.base_count % 32] = pos;
        ++s.base_count;
        if (s.base_run < 255) ++s.base_run;
        if (s.base_run >= 3) index_codons(s, pos);
    } else {
        s.base_run = 0;
    }
    // Inside DNA written in capitals the letters are bases, not residues (no protein has 18
    // of A, C, G, T in a row).
    if (byte < 'A' || byte > 'Z' || s.base_run >= kWindowBases) {
        s.residue_run = 0;
        s.copy = {};
        return;
    }
    if (s.copy.length > 0) {
        int residue = 0;
        uint64_t next = 0;
        if (next_residue(block, lane + 1, step, s, residue, next)) {
            s.copy.follow(residue == byte, kRecoverLength);
            if (s.copy.length > 0) s.pointer = next;
        } else {
            s.copy = {};
        }
    }
    s.residues = s.residues << 8 | byte;
    if (s.residue_run < 255) ++s.residue_run;
    if (s.copy.length == 0 && s.residue_run >= kResidues) find_gene(block, lane, step, s);
}

}  // namespace nnz::mixing
