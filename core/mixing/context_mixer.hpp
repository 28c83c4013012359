#pragma once
// The bitwise context-mixing half of the mixed model (DESIGN.md section 4): hashed context
// statistics (orders 0-6 and 8 (12 in kinds 2-3), words, sparse, column and record contexts;
// context set 1 adds indirect, skip-gram and sparse ones, and nucleotide orders inside DNA; set 2
// pixel contexts for bilevel images and mixers that warm up), a match model and the neural
// network's own prediction, combined by a two-layer learned mixer and refined by adaptive
// probability maps. Each byte is coded as 8 binary decisions, most significant bit first. All
// statistics are integer tables shared by every lane and updated in lane order, so the model is
// deterministic by construction.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "../background_page_faults.hpp"
#include "../zeroed_array.hpp"
#include "apm.hpp"
#include "bit_image_model.hpp"
#include "fine_squash.hpp"
#include "lane_layout.hpp"
#include "match_model.hpp"
#include "inverted_repeat_model.hpp"
#include "nucleotide_model.hpp"
#include "mixer.hpp"
#include "translation_model.hpp"

namespace nnz::mixing {

struct MixerConfig {
    int table_bits = 22;        // counters per context table: 2^table_bits (4 bytes each)
    int counter_limit = 255;    // adaptation floor of the context counters: rate ~ 2/(2*limit+3)
    int mixer_rate = 16;        // mixer learning rate (the codec passes the block's settings)
    int apm_rate = 6;
    // Model kinds 2 and 3: a bit history per counter and a StateMap per context (one more input
    // each), and tables sized per context (small for orders 0-1, doubled for the contexts with
    // the most distinct values) whose slots come in two-way buckets.
    bool bit_histories = false;
    // Kinds 2-3, the settings' context set: 0 = contexts 0-14 (0.3); 1 = context 14 (position
    // in the record) becomes bytes 3-4, and contexts 15-19 are added (indirect: what followed the
    // last byte and the last two bytes before; the current word with the one two words back; sparse: bytes 5-8,
    // bytes 1 and 5). While a lane is inside DNA (its recent bytes are only A, C, G, T, N and line
    // ends) context 14 is the record position again and contexts 8-11 and 15-19 hash the last k nucleotides, 2 bits each, skipping line ends,
    // instead: the word and sparse contexts carry nothing there, long nucleotide orders do.
    // Set 2: as set 1, plus the pixel-aligned contexts of BitImageModel (bilevel images).
    // Set 3: as set 2, plus, inside text (the last 8 bytes printable), contexts 14 and 18 become
    // the word trigram and the previous word with the last byte; the third mixer's weights are
    // selected by the current word's length (or the kind of the last byte) and the bit's node;
    // the StateMaps are per bit position outside DNA; the match model follows matches through
    // mismatches.
    // Set 4: as set 3, plus the runs of orders 2-6 and 12 and the word contexts: the byte that
    // last followed each, with its count; mixers skip bits they predicted within 16/4096.
    // Set 5: as set 4, plus 16-bit probabilities out of the final mixer and the APMs; a sixth mixer selected by the last two bytes and the bits so far;
    // nucleotide counts with inverted repeats inside DNA (NucleotideModel); a new slot of orders
    // 2-6 and 12 starts from the counters of the order below; inside text, contexts 13 and 19
    // become the current word with its position in the sentence and with the two words before
    // the previous one; a fourth APM on the last three bytes.
    // Set 6: as set 5, with the bilevel image model silent inside text.
    // Set 7 (max): as set 6, plus contexts 20-23 (what followed the last three bytes before,
    // byte 2, the column with the byte above and the last byte, byte 3 or in text the word
    // with the column), runs on all 24 contexts, buckets of four slots, and the third mixer's
    // weights by every node of the bit tree.
    int context_set = 0;
    // TranslationModel, a protein predicted from its gene in the genome coded before it
    // (NeuralSettings::kTranslateGenes; only with context set 5 or later, whose inverted-repeat
    // input it shares).
    bool translate_genes = false;
};

// The network's stretched probability that the next bit is 1, from its byte distribution as a
// cumulative frequency table (257 entries, cum[256] = total): the share of the symbols under the
// bits so far (c0, with a leading 1, `bit_index` bits) whose next bit is 1.
int bit_input_from_bytes(std::span<const uint32_t, 257> cum, int c0, int bit_index);

class ContextMixer {
public:
    ContextMixer(const MixerConfig& config, const LaneLayout& layout);

    // Optional: computes the contexts of byte `step` of `lane` and starts fetching their table
    // slots, so that work done before begin_byte() (the network's prediction) hides the memory
    // latency. Results are the same with or without it.
    void prepare_byte(std::span<const uint8_t> block, int lane, uint64_t step);
    // Starts byte `step` of `lane`; `block` as in MatchModel::begin_byte.
    void begin_byte(std::span<const uint8_t> block, int lane, uint64_t step);
    // 12-bit probability that the next bit is 1, given the network's own opinion of it as a
    // stretched probability (bit_input_from_bytes() for networks that predict whole bytes).
    int predict_bit(int neural_input);
    int probability_bits() const { return fine_ ? kFineProbBits : kProbBits; }  // of predict_bit()'s result
    int bits_so_far() const { return c0_; }  // with a leading 1: the bit tree's node
    int bit_index() const { return bit_index_; }
    void update_bit(int bit);  // the bit that was coded
    void end_byte(std::span<const uint8_t> block);

    static constexpr int kBaseContexts = 15;  // context set 0
    static constexpr int kSet1Contexts = 20;  // context sets 1-6
    static constexpr int kMaxContexts = 24;   // context set 7
    // Inputs: two per context, match, network, bias; then, with bit histories, one per context.
    // Then, with context set 2, the bilevel image model's.
    // With context set 4, one more for each of contexts 2-9 (orders 2-6 and 12, the word and the
    // word pair): its run (the byte that last followed it).
    // Context set 7 (max): runs on all 24 contexts.
    static constexpr int kFirstRunContext = 2, kRunContexts = 8, kMaxRunContexts = kMaxContexts;
    // With context set 5, NucleotideModel's, the long match model's and InvertedRepeatModel's
    // (inside proteins TranslationModel's, with translate_genes).
    static constexpr int kMaxInputs = 3 * kMaxContexts + 3 + BitImageModel::kInputs + kMaxRunContexts + NucleotideModel::kInputs + 2;
    static constexpr int kMaxMixers = 6;  // first layer; 4 before context set 2, 5 before set 5
    static constexpr int first_layer_mixers(const MixerConfig& config) { return config.context_set >= 5 ? 6 : config.context_set >= 2 ? 5 : 4; }

private:
    struct LaneHistory {
        uint64_t bytes = 0;       // newest byte lowest
        uint64_t older = 0;       // the 8 bytes before those (order 12 in kinds 2-3)
        uint64_t count = 0;       // bytes seen in this lane
        uint64_t word = 0;        // hash of the current word's letters (0 outside words)
        int word_length = 0;      // letters in the current word (0 outside words)
        int text_run = 0;         // bytes in a row that were printable ASCII, tabs or line ends (saturates)
        uint64_t previous_word = 0;
        uint64_t word_before = 0;  // the word before previous_word
        uint64_t word_before2 = 0;  // and the one before that
        int sentence_words = 0;     // words begun since the last sentence end or line end (saturates)
        int residue_run = 0;        // bytes in a row that were capital letters or line ends (saturates)
        uint64_t residues = 0;      // the last capital letters, 8 bits each, line ends skipped
        int digit_run = 0;          // digits in a row just before (saturates)
        int word_case = 0;          // the current word: 0 lower case, 1 capitalised first in its sentence, 2 its first two letters capitals, 3 capitalised inside a sentence
        int markup = 0;             // where in wiki/XML/HTML markup (markup_state.hpp; context set 5)
        uint64_t line_start = 0;           // position after the last newline
        uint64_t previous_line_start = 0;  // ... and after the one before (== line_start: none)
        // Record length detection (tables, fixed-size structures): per byte value, where it was
        // last seen and the distance before that; a distance seen twice in a row votes for itself.
        std::array<uint64_t, 256> last_seen{};
        std::array<uint32_t, 256> last_distance{};
        uint32_t record_length = 0;
        int record_votes = 0;
        // Context set 2: the row length of a bilevel image (BitImageModel), the distance >=
        // kMinImageRow with the most of those repeats so far; votes per distance.
        std::vector<uint16_t> row_votes;
        uint32_t image_row = 0;
        // Indirect contexts: the two bytes that last followed each byte value, and each pair.
        std::array<uint16_t, 256> after_byte{};
        std::vector<uint16_t> after_pair;  // 65536 entries, allocated with context set 1
        std::vector<uint16_t> after_triple;  // by a hash of the last three bytes (context set 7)
        uint64_t bases = 0;         // the last 32 nucleotides, 2 bits each, newest lowest
        int nucleotide_run = 0;     // bytes in a row that were nucleotides, N or line ends (saturates)
    };
    static constexpr uint32_t kMinImageRow = 8;  // bytes: 64 pixels
    static void vote_for_image_row(LaneHistory& h, uint32_t distance);
    static constexpr int kTripleBits = 20;
    static size_t triple_index(uint64_t bytes);  // after_triple's entry for the last three of these bytes
    static constexpr int kNucleotideRun = 24;  // bytes of DNA in a row before the nucleotide contexts take over
    // Context set 5, inside text: where in markup (markup_state.hpp); else 0 (in binary data a
    // '[' or '<' means nothing: geo, obj2 +0.4-0.5% when they chose weights).
    int text_markup(const LaneHistory& h) const { return config_.context_set >= 5 && in_text(h) ? h.markup : 0; }
    bool in_dna(const LaneHistory& h) const { return config_.context_set >= 1 && h.nucleotide_run >= kNucleotideRun; }
    static constexpr int kTextRun = 8;  // printable bytes in a row before context set 3's text contexts take over
    // Context set 5: inside a protein sequence (FASTA): 40 capitals or line ends in a row.
    bool in_protein(const LaneHistory& h) const { return config_.context_set >= 5 && h.residue_run >= 40 && !in_dna(h); }
    bool in_text(const LaneHistory& h) const { return config_.context_set >= 3 && h.text_run >= kTextRun && !in_dna(h); }
    // The weight sets of the first, third (context set 3) and sixth (set 5) mixers for the next
    // bit, and at a byte's start the fifth's (set 2) for the byte; prefetched with the fourth's.
    void select_mixers();
    // How many inputs the mixers sum: all but the silent tail (the nucleotide counts when
    // `nucleotides_silent`, then the runs after the last live one).
    int summed_inputs(bool nucleotides_silent) const;
    // Context set 5, inside text: where in markup and the word's case, as an offset of 256-set
    // blocks for the mixers selected by a byte or the bits so far; else 0.
    int text_selector_offset(const LaneHistory& h) const;
    // Inside DNA these contexts hash the last k nucleotides, k from kNucleotideOrders.
    static constexpr std::array<int, 9> kNucleotideContexts = {8, 9, 10, 11, 15, 16, 17, 18, 19};
    static constexpr std::array<int, 9> kNucleotideOrders = {12, 14, 16, 18, 20, 22, 24, 11, 13};
    // The first counter of the slot (kind 1) or the two-slot bucket (kinds 2-3) for a hash.
    size_t slot_index(int context, uint64_t hash) const { return (hash >> index_shift_[context]) << slot_bits_; }
    uint32_t* slot_for(int context, uint64_t hash);
    void fetch_slots(int nibble_context);  // hashes this nibble's slots and prefetches them
    void claim_slots();                    // finds (or resets) them: slot_, history_slot_
    int apm_order1_context() const;  // the last byte and the bits so far
    int apm_order2_context() const;  // the last two bytes and the bits so far, hashed
    int apm_order3_context() const;  // the last three bytes (six bases in DNA) and the bits so far, hashed (context set 5)
    void prefetch_apm_rows() const;
    // The counter within the current nibble's slot: a leading 1 followed by the nibble's bits so far.
    int counter_index() const { return bit_index_ < 4 ? c0_ : (1 << (bit_index_ - 4)) | (c0_ & ((1 << (bit_index_ - 4)) - 1)); }

    int image_input_ = 0;  // first input of the image model
    // Context set 4 (PAQ's run map): per context, the byte that followed it last time and how
    // many times in a row, kept in its first-nibble slot (the count in the low 8 bits of entry 0,
    // whose top 24 bits are the check; the byte in bit-history byte 0, which no node uses).
    static constexpr uint32_t kRunCheckMask = 0xFFFFFF00u;  // entry 0 of a slot: check | run count
    bool runs_ = false;
    int run_contexts_ = 0;  // kRunContexts with context set 4, kMaxRunContexts with set 7, else 0
    int first_run_context_ = kFirstRunContext;  // 0 with context set 7
    int run_input_ = 0;     // the first of the run inputs
    static constexpr int kRunBuckets = 12;
    static int run_bucket(int count) { return count < 8 ? count : count < 16 ? 8 : count < 32 ? 9 : count < 128 ? 10 : 11; }
    std::array<uint32_t*, kMaxRunContexts> run_slot_{};  // the byte's first-nibble slots
    std::array<uint8_t*, kMaxRunContexts> run_history_{};
    std::array<uint32_t, kMaxRunContexts> run_check_{};
    std::array<int, kMaxRunContexts> run_count_{};
    std::array<int, kMaxRunContexts> run_byte_{};
    std::array<int, kMaxRunContexts> run_index_{};  // this bit's run_map_ entry * 2 + expected bit
    std::array<int, kMaxRunContexts> run_base_{};   // the run's row of run_map_ for this byte
    uint32_t run_live_ = 0;  // runs still agreeing with the byte's bits so far
    std::vector<uint16_t> run_map_;  // [run][count bucket][bit position]: p(the run's bit is right), 16 bits
    static constexpr int kRunRateShift = 6;  // as good as an adaptive counter here, and cheaper

    MixerConfig config_;
    LaneLayout layout_;
    int contexts_ = kBaseContexts;
    std::array<int, kMaxContexts> table_bits_{};  // log2 of each context table's counters
    std::array<int, kMaxContexts> index_shift_{};  // hash >> shift: a slot or bucket number
    int slot_bits_ = 4;                          // log2 of the counters per slot (4) or bucket (5, 6)
    size_t bucket_counters_ = 16;                // 1 << slot_bits_
    std::vector<ZeroedArray<uint32_t>> tables_;  // per context: slots of 16 counters (entry 0 = check; 0 = never used)
    std::vector<ZeroedArray<uint8_t>> histories_;  // bit histories, indexed like tables_ (kind 2)
    // Per context: bit history -> counter; with context set 3, per bit position too (outside DNA).
    std::vector<std::array<uint32_t, 8 * 256>> state_maps_;
    int state_map_row_ = 0;  // the current bit's: 256 * bit position, or 0
    int input_count_ = 0;
    std::vector<LaneHistory> lanes_;
    MatchModel match_;
    // Context set 5: a second match model that looks only for repeats of 16 bytes or more. The
    // first finds the latest copy of the last 6 bytes, often a chance one (in DNA nearly always),
    // and keeps it while it holds: a long repeat whose last 6 bytes also occurred since is missed.
    std::optional<MatchModel> long_match_;
    int long_match_input_ = 0;
    std::optional<InvertedRepeatModel> inverted_;
    int inverted_input_ = 0;
    std::optional<TranslationModel> translation_;  // translate_genes; inverted_input_ is its input too
    std::optional<BitImageModel> image_;  // context set 2
    bool image_quiet_ = false;  // context set 6, for the byte in progress: inside text
    std::optional<NucleotideModel> nucleotides_;  // context set 5
    int nucleotide_input_ = 0;  // first input of the nucleotide model
    // Context set 5: a new slot of contexts 2-7 (orders 2-6 and 12) starts from the counters of
    // the context before it (the next lower order) instead of 1/2.
    static constexpr int kLastInheritingContext = 7;
    bool inherit_ = false;
    bool fine_ = false;  // context set 5: 16-bit output (fine_squash.hpp)
    std::vector<Mixer> mixers_;  // first layer, each with its own weight selector
    Mixer final_mixer_;
    Apm apm_order0_, apm_order1_, apm_order2_;
    std::optional<Apm> apm_order3_;  // context set 5

    // The byte in progress.
    int lane_ = 0;
    uint64_t step_ = 0;
    int prepared_lane_ = -1;  // prepare_byte() ran for this lane and step
    uint64_t prepared_step_ = 0;
    int c0_ = 1;
    int bit_index_ = 0;
    int known_orders_ = 0;  // how many of orders 1-6 had been seen before at the byte's start, + 7 inside DNA
    int first_selector_ = 0;  // the first mixer's, for the current bit
    int third_selector_ = 0;  // context set 3's third mixer, for the current bit
    int third_nodes_ = 0;     // its weight sets per word length or known orders: nodes of the bit tree told apart
    int fifth_selector_ = 0;  // the fifth mixer's (context set 2), for the current byte
    int sixth_selector_ = 0;  // context set 5's sixth mixer, for the current bit
    std::array<uint64_t, kMaxContexts> context_hash_{};
    std::array<uint64_t, kMaxContexts> slot_hash_{};  // the current nibble's, from fetch_slots()
    std::array<uint32_t*, kMaxContexts> slot_{};
    std::array<uint8_t*, kMaxContexts> history_slot_{};
    std::array<int, kMaxInputs> inputs_{};
    std::array<int, kMaxMixers> layer_outputs_{};  // stretched; the final mixer reads them again when it learns
    // Last, so that it stops before the tables go: maps the context tables' pages ahead.
    BackgroundPageFaults table_faults_;
};

}  // namespace nnz::mixing
