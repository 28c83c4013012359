#pragma once
// Proteins from their genes (model feature "genes", NeuralSettings::kTranslateGenes): a FASTA
// proteome in the block after its genome (NCBI's .faa after the .fna) is, residue for residue,
// the genome's coding sequences translated. While DNA is coded, every run of kResidues codons in
// each of the six reading frames (three on each strand) is indexed by the amino acids it codes
// for. Inside a protein sequence the model looks the last kResidues residues up, checks the
// candidate against the genome, and then predicts each next residue as the translation of the
// gene's next codon, following the gene through a changed residue (a GTG or TTG start written as
// M, a selenocysteine). Its input to the mixer is a learned probability, as the match models'.
// Integer-only; it reads only positions already coded (LaneLayout).
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "../zeroed_array.hpp"
#include "copy_prediction.hpp"
#include "lane_layout.hpp"

namespace nnz::mixing {

// The standard genetic code: the amino acid (one letter, '*' for a stop) of a codon given as
// three 2-bit nucleotide codes (nucleotide_code(): A 0, C 1, G 2, T 3), the first base highest.
char translate_codon(int codon);

class TranslationModel {
public:
    // Residues hashed to find a gene: with 6 a protein of E. coli's proteome is predicted from
    // its seventh residue on; 98% of the proteome's residues were, with no false start.
    static constexpr int kResidues = 6;

    TranslationModel(const LaneLayout& layout, int hash_bits);

    // At a byte's start (`block` as for MatchModel::begin_byte).
    void begin_byte(std::span<const uint8_t> block, int lane, uint64_t step);
    // Stretched input for the next bit given the bits so far (c0 with a leading 1); 0 without a
    // gene being followed, or once the byte differs from the residue it predicts.
    int input(int c0) { return prediction_.input(c0); }
    void update_bit(int bit) { prediction_.update_bit(bit); }
    // Whether the byte in progress is still predicted (after input() for this bit).
    bool predicting() const { return prediction_.predicting(); }
    // The residue predicted for this byte (after begin_byte()), -1 without one.
    int expected_byte() const { return prediction_.predicting() ? prediction_.expected() : -1; }
    // As MatchModel::state(): 0 when not predicting, else a length class times 2 plus the
    // predicted bit (after input() for this bit).
    int state(int bit_index) const { return prediction_.state(bit_index); }
    // After the byte at (lane, step) was coded.
    void end_byte(std::span<const uint8_t> block, int lane, uint64_t step);

private:
    struct LaneState {
        bool in_header = false;      // on a FASTA header line ('>' at a line's start)
        uint32_t column = 0;         // bytes since the line's start
        uint32_t line_width = 0;     // the longest sequence line so far: a residue there would be a line end
        uint64_t bases = 0;          // the last 32 nucleotides, 2 bits each, newest lowest
        int base_run = 0;            // nucleotides in a row, line ends skipped (saturates)
        // Per reading frame (the base count modulo 3 at a codon's last base), the amino acids of
        // its last codons, 8 bits each, in reading order: on the forward strand the newest
        // lowest; on the reverse strand, which reads them backwards, the newest highest of the
        // kResidues kept. And how many codons of it since the last stop codon.
        std::array<uint64_t, 3> forward_codons{}, reverse_codons{};
        std::array<int, 3> forward_open{}, reverse_open{};
        uint64_t base_count = 0;     // nucleotides so far
        std::array<uint64_t, 32> base_positions{};  // where the last 32 nucleotides are, by base_count % 32
        uint64_t residues = 0;       // the last 8 residues (capital letters), newest lowest
        int residue_run = 0;         // residues in a row, line ends skipped (saturates)
        // The gene being followed: on the forward strand the last base of the codon last
        // agreed on (the next codon follows it), on the reverse strand the first base of that
        // codon (the next one, complemented and read backwards, comes before it).
        uint64_t pointer = 0;
        bool reverse = false;
        CopyState copy;  // residues agreed on (0 = no gene), changes followed through
    };

    // The nucleotide position after / before `pos`, skipping line ends; false at anything else,
    // at the block's ends, or at a position not coded before byte `step` of lane `lane` (the
    // callers pass lane + 1 once the byte itself is coded, as in end_byte()).
    bool next_base(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t pos, uint64_t& out) const;
    bool previous_base(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t pos, uint64_t& out) const;
    // The residue the gene codes for next and where its codon's pointer is; false where the
    // genome cannot be read that far.
    bool next_residue(std::span<const uint8_t> block, int lane, uint64_t step, const LaneState& s, int& residue, uint64_t& pointer) const;
    // Whether the kResidues codons of the candidate code for the lane's last kResidues residues.
    bool verify(std::span<const uint8_t> block, int lane, uint64_t step, uint64_t pointer, bool reverse, uint64_t residues) const;
    void index_codons(LaneState& s, uint64_t pos);
    void find_gene(std::span<const uint8_t> block, int lane, uint64_t step, LaneState& s);
    size_t slot_of(uint64_t residues_hash) const { return static_cast<size_t>(residues_hash >> (64 - hash_bits_)); }

    static constexpr uint32_t kRecoverLength = 8;  // genes followed this long go on through a changed residue
    static constexpr uint64_t kMaxPosition = (uint64_t{1} << 31) - 2;  // 2 * position + 2 fits 32 bits
    LaneLayout layout_;
    int hash_bits_;
    // Hash of kResidues amino acids -> 2 * codon pointer + strand (1 = reverse), + 1 (0 = none).
    ZeroedArray<uint32_t> genes_;
    bool indexed_ = false;  // anything in genes_ yet
    std::vector<LaneState> lanes_;
    CopyPrediction prediction_;
};

}  // namespace nnz::mixing
