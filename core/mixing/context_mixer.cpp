#include "context_mixer.hpp"

#include <algorithm>
#include <bit>

#include "../prefetch.hpp"
#include "adaptive_counter.hpp"
#include "bit_history.hpp"
#include "fine_squash.hpp"
#include "markup_state.hpp"

namespace nnz::mixing {
namespace {

constexpr uint64_t mix64(uint64_t x)
{
    x = (x ^ (x >> 31)) * 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 29)) * 0xBF58476D1CE4E5B9ull;
    return x ^ (x >> 32);
}

constexpr uint64_t order_bytes(uint64_t history, int order) { return order >= 8 ? history : history & ((uint64_t{1} << (8 * order)) - 1); }

// Context set 2's mixer warm-up (Mixer::set_warmup): a weight set that has learned n times
// learns (n + 6W) / (n + W) times faster than the settled rate, W = 1024 bits: 6x at first,
// 2x after 4W, within 2% of 1x after 256W. In steps of 64 updates, at scale 256.
constexpr std::array<uint16_t, 4096> build_warmup()
{
    constexpr uint64_t kWarmup = 1024, kBoost = 6;
    std::array<uint16_t, 4096> factors{};
    for (uint64_t step = 0; step < factors.size(); ++step) {
        const uint64_t n = step << Mixer::kWarmupStepBits;
        factors[step] = static_cast<uint16_t>(256 * (n + kBoost * kWarmup) / (n + kWarmup));
    }
    return factors;
}
constexpr std::array<uint16_t, 4096> kMixerWarmup = build_warmup();

// Context set 3's third mixer: 16 word lengths, 7 kinds of last byte outside words, then, outside
// text, the known orders (0-6, 7-13 inside DNA); each with the node of the bit tree in the first
// nibble (1-15) or the bit position in the second (16-19). With the bits so far in both nibbles
// (256 nodes) the tuning samples were 0.11% smaller, but its 3 MB of weights missed the cache:
// about 10% more CPU time; 20 nodes keep them at 240 KB.
constexpr int kWordLengths = 16, kByteKinds = 10, kTextSets = kWordLengths + kByteKinds, kThirdMixerSets = kTextSets + 14, kThirdMixerNodes = 20;

int byte_kind(uint8_t c)
{
    switch (c) {
    case ' ': return 0;
    case '\n': return 1;
    case '.': case '!': case '?': return 3;
    case ',': case ';': case ':': return 4;
    case '<': case '>': case '[': case ']': case '=': case '|': return 5;
    default: return c >= '0' && c <= '9' ? 2 : 6;
    }
}

bool is_letter(uint8_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

}  // namespace

size_t ContextMixer::triple_index(uint64_t bytes)
{
    return static_cast<size_t>(mix64((bytes & 0xFFFFFF) + (uint64_t{3} << 32)) >> (64 - kTripleBits));
}

ContextMixer::ContextMixer(const MixerConfig& config, const LaneLayout& layout)
    : config_(config),
      layout_(layout),
      lanes_(layout.lanes),
      match_(layout, config.table_bits - 2, config.context_set >= 3, config.context_set >= 5 ? MatchModel::kShortMinLength : MatchModel::kMinLength),
      final_mixer_(first_layer_mixers(config), config.context_set >= 2 ? 256 : 8, 1 << 16 >> 2),
      apm_order0_(config.bit_histories ? 256 * 16 : 256),
      apm_order1_(65536, layout.wants_huge_pages()),
      apm_order2_(65536, layout.wants_huge_pages())
{
    contexts_ = config.context_set >= 7 ? kMaxContexts : config.context_set >= 1 ? kSet1Contexts : kBaseContexts;
    for (LaneHistory& h : lanes_) {
        if (config.context_set >= 1) h.after_pair.assign(65536, 0);
        if (config.context_set >= 7) h.after_triple.assign(size_t{1} << kTripleBits, 0);
        if (config.context_set >= 2) h.row_votes.assign(65536, 0);
    }
    table_bits_.fill(config.table_bits);
    if (config.bit_histories) {
        // Order 0 uses 17 slots and order 1 at most 256 * 17; the orders 3-8 and word contexts
        // have by far the most distinct values and get the memory saved there, twice the rest.
        table_bits_[0] = std::min(config.table_bits, 12);
        table_bits_[1] = std::min(config.table_bits, 17);
        for (int i : {3, 4, 5, 6, 7, 8, 9}) table_bits_[i] = config.table_bits + 1;
        // Context set 1: contexts 10-19 get half the others' size, which keeps two blocks in
        // flight under 1 GiB (world192.txt +0.16%, bible.txt +0.04% against full size).
        if (config.context_set >= 1)
            for (int i = 10; i < contexts_; ++i) table_bits_[i] = config.table_bits - 1;
    }
    const bool huge_pages = layout.wants_huge_pages();
    for (int i = 0; i < contexts_; ++i) tables_.emplace_back(size_t{1} << table_bits_[i], huge_pages);
    // A 16-counter slot, or a bucket of two; context set 7 (max), of four (the tables are as
    // large, the buckets half as many).
    slot_bits_ = !config.bit_histories ? 4 : config.context_set >= 7 ? 6 : 5;
    bucket_counters_ = size_t{1} << slot_bits_;
    for (int i = 0; i < contexts_; ++i) index_shift_[i] = 64 - (table_bits_[i] - slot_bits_);
    input_count_ = 2 * contexts_ + 3;
    if (config.bit_histories) {
        input_count_ += contexts_;
        for (int i = 0; i < contexts_; ++i) histories_.emplace_back(size_t{1} << table_bits_[i], huge_pages);
        std::array<uint32_t, 8 * 256> initial{};
        for (size_t s = 0; s < initial.size(); ++s) initial[s] = BitHistory::initial_counter(static_cast<uint8_t>(s % 256));
        state_maps_.assign(static_cast<size_t>(contexts_), initial);
    }
    if (config.context_set >= 2) {
        image_.emplace(huge_pages);
        image_input_ = input_count_;
        input_count_ += BitImageModel::kInputs;
    }
    runs_ = config.context_set >= 4 && config.bit_histories;
    if (runs_) {
        // Runs on all contexts (context set 7, max only): tuning samples -0.86% instead of -0.46%,
        // text-heavy samples -0.52% instead of -0.36%, but 18% more of the engine's instructions
        // instead of 7.5% (each live run costs ~45 per bit, mixing included).
        run_contexts_ = config.context_set >= 7 ? kMaxRunContexts : kRunContexts;
        first_run_context_ = config.context_set >= 7 ? 0 : kFirstRunContext;
        run_map_.assign(static_cast<size_t>(run_contexts_) * kRunBuckets * 8, uint16_t{3 << 14});  // p = 3/4
    }
    if (config.context_set >= 5) {
        // E.coli -0.9%, the E. coli genome's FASTA -1.0% (docs/ENGINE.md, context set 5).
        nucleotides_.emplace(huge_pages);
        inherit_ = config.bit_histories;
        fine_ = true;
        apm_order3_.emplace(65536, huge_pages);
        // bible.txt -0.41%, world192.txt -0.33%, E.coli -0.19%; whole corpus -8 KB (min length 12:
        // E.coli -0.11%; verifying 64 bytes back instead of 32: nothing).
        long_match_.emplace(layout, config.table_bits - 2, true, MatchModel::kLongMinLength);
        long_match_input_ = input_count_++;
        inverted_.emplace(layout, 21);
        inverted_input_ = input_count_++;
    }
    // The inputs that are often all zero come last: the runs (silent once the byte leaves them)
    // and the nucleotide counts (silent outside DNA). predict_bit() leaves the silent tail out
    // of the mixers' sums, which changes nothing (a zero input adds nothing, and its weight does
    // not move) but the time: in text the nucleotides are 16 of 92 inputs. Where an input sits
    // is only the order of an exact integer sum, so archives from before the move decode alike.
    if (runs_) {
        run_input_ = input_count_;
        input_count_ += run_contexts_;
    }
    if (nucleotides_) {
        nucleotide_input_ = input_count_;
        input_count_ += NucleotideModel::kInputs;
    }
    // The genes' model shares the inverted-repeat model's input, which is silent outside DNA, as
    // the genes' is inside it: a 93rd input would widen every mixer row by 16 weights.
    if (config.translate_genes && inverted_) translation_.emplace(layout, config.table_bits);
    // Weight selectors: bits so far; match state x bit position; known orders x bit position; last
    // byte; with context set 2, the byte before it (tuning samples -0.5%, obj2 -1.2%: with warm-up
    // a new mixer pays; before, every one tried made things worse).
    // (Known orders 0-6, plus 7 inside DNA with context set 1.)
    // Context set 5: a sixth by the last two bytes and the bits so far (and in text where in
    // markup and the word's case), hashed to 2^15 weight sets (enwik_4MB -0.6%, bible.txt -0.8%;
    // 2^16 sets: text 0.04% better, 5% slower and 13 MB more; 2^17 another 0.01%).
    // translate_genes: the second mixer's match buckets gain one, "the gene predicts this byte".
    const int match_buckets = translation_ ? 4 : 3;
    std::array<int, kMaxMixers> selectors = {256, match_buckets * 8, 14 * 8, 256, 256, 1 << 15};
    if (config.context_set >= 3) selectors[2] = kThirdMixerSets * kThirdMixerNodes;
    // Context set 7 (max): every node of the bit tree gets its own weights in the third mixer.
    third_nodes_ = config.context_set >= 7 ? 256 : kThirdMixerNodes;
    if (config.context_set >= 5) selectors[2] = (kTextSets * kMarkupStates * 4 + kThirdMixerSets - kTextSets) * third_nodes_;
    // Context set 4: the second mixer also knows the longest order (2-6, 12) whose run has
    // repeated (tuning samples -0.05%, text-heavy samples -0.07%).
    if (runs_) selectors[1] = match_buckets * 8 * 8;
    // Context set 5: in text the first one also by where in markup and the word's case (text -0.1%).
    if (config.context_set >= 5) selectors[0] = selectors[4] = 256 * (1 + kMarkupStates * 4);
    for (int m = 0; m < first_layer_mixers(config); ++m) mixers_.emplace_back(input_count_, selectors[m], 1 << 14);
    if (config.context_set >= 2) {
        // Weights start where the inputs are known to be worth something (the counters' stretched
        // probabilities a little, the network, match model and bias as before) and at 0 for the
        // views that are noise until learned (the linear ones, bit histories, image pixels); and
        // weight sets learn fast while new. On the tuning samples -1.8% (143,194 -> 140,890
        // bytes), small files -4% (grammar.lsp 1,046 -> 955); docs/ENGINE.md.
        const int first_other = 2 * contexts_, after_others = first_other + 3;  // match, network, bias
        std::vector<int32_t> initial(static_cast<size_t>(input_count_));
        for (int i = 0; i < input_count_; ++i) initial[static_cast<size_t>(i)] = i < first_other ? (i % 2 == 0 ? 1 << 12 : 0) : i < after_others ? 1 << 14 : 0;
        for (Mixer& m : mixers_) {
            m.set_initial_weights(initial);
            m.set_warmup(kMixerWarmup);
        }
        final_mixer_.set_warmup(kMixerWarmup);
    }
    if (runs_) {
        // Context set 4: no training on bits predicted within 16/4096 (tuning samples +0.02%, 3.6%
        // fewer of the engine's instructions: those bits are a third of the weight updates).
        for (Mixer& m : mixers_) m.set_skip_below(16);
        final_mixer_.set_skip_below(16);
    }
    if (huge_pages) {
        // A block big enough for huge pages touches every page of its context tables (they are
        // sized by the block): let another core take the kernel's clearing of them.
        std::vector<std::span<std::byte>> regions;
        for (auto& table : tables_) regions.push_back(std::as_writable_bytes(table.span()));
        for (auto& history : histories_) regions.push_back(std::as_writable_bytes(history.span()));
        table_faults_ = BackgroundPageFaults(std::move(regions));
    }
}

uint32_t* ContextMixer::slot_for(int context, uint64_t hash)
{
    size_t index = slot_index(context, hash);
    const uint32_t check = static_cast<uint32_t>(hash) | 1u;  // never 0, an untouched slot's entry 0
    uint32_t* table = tables_[context].data();
    if (histories_.empty()) {  // kind 1: one slot per hash
        uint32_t* slot = &table[index];
        if (slot[0] != check) {
            slot[0] = check;
            for (int i = 1; i < 16; ++i) slot[i] = kCounterInit;
        }
        return slot;
    }
    // Kinds 2-3: two slots per bucket. A context already there keeps its slot; a new one takes
    // the slot whose first counter has seen fewer updates (the less established context).
    // Context set 4: entry 0 keeps 24 bits of check; its low 8 bits count the run of the first
    // nibble's slot (end_byte()).
    const uint32_t check_mask = runs_ ? kRunCheckMask : 0xFFFFFFFFu;
    const uint32_t bucket_check = runs_ ? (check & check_mask) | 0x100u : check;
    if ((table[index] & check_mask) != bucket_check) {
        const size_t bucket = index;
        size_t way = 16;
        while (way < bucket_counters_ && (table[bucket + way] & check_mask) != bucket_check) way += 16;
        if (way < bucket_counters_) {
            index += way;
        } else {
            // The first of the least established slots (two ways: the second only if it has
            // strictly fewer updates, as before context set 7).
            for (way = 16; way < bucket_counters_; way += 16)
                if (counter_count(table[index + 1]) > counter_count(table[bucket + way + 1])) index = bucket + way;
            table[index] = bucket_check;
            if (inherit_ && context >= 2 && context <= kLastInheritingContext) {
                // Context set 5: what the order below has learned here is a better start than
                // 1/2 (text -0.2%); with no count of its own, the counter still moves 2/3 of the
                // way on its first bit, and the linear view stays silent until then. (Copying
                // the bit histories too was worse.)
                const uint32_t* lower = slot_[context - 1];
                for (int i = 1; i < 16; ++i) table[index + i] = lower[i] & ~uint32_t{1023};
            } else {
                for (int i = 1; i < 16; ++i) table[index + i] = kCounterInit;
            }
            std::fill_n(&histories_[context][index], 16, uint8_t{0});
        }
    }
    history_slot_[context] = &histories_[context][index];
    return &table[index];
}

void ContextMixer::fetch_slots(int nibble_context)
{
    // Start loading every context's slot at once; claim_slots() uses them later. The lookups are
    // independent, so their memory latencies overlap instead of adding up.
    for (int i = 0; i < contexts_; ++i) {
        slot_hash_[i] = mix64(context_hash_[i] + uint64_t(nibble_context) * 0x2545F4914F6CDD1Dull);
        const size_t index = slot_index(i, slot_hash_[i]);
        prefetch_line(&tables_[i][index]);
        if (!histories_.empty()) {
            for (size_t way = 16; way < bucket_counters_; way += 16) prefetch_line(&tables_[i][index + way]);
            prefetch_line(&histories_[i][index]);
        }
    }
}

void ContextMixer::claim_slots()
{
    // In context order: a new slot may inherit from the one claimed just before it.
    for (int i = 0; i < contexts_; ++i) slot_[i] = slot_for(i, slot_hash_[i]);
}

void ContextMixer::prepare_byte(std::span<const uint8_t> block, int lane, uint64_t step)
{
    prepared_lane_ = lane;
    prepared_step_ = step;
    const LaneHistory& h = lanes_[lane];
    const uint64_t c8 = h.bytes;
    constexpr int kOrders[] = {0, 1, 2, 3, 4, 5, 6, 8};
    for (int i = 0; i < 8; ++i) context_hash_[i] = mix64(order_bytes(c8, kOrders[i]) * 16 + uint64_t(i));
    // Kinds 2-3: the longest order is 12 (bible.txt -0.3%, E.coli -0.3% against order 8).
    if (!histories_.empty()) context_hash_[7] = mix64((mix64(c8) + order_bytes(h.older, 4)) * 16 + 7);
    const uint64_t word = h.word + (h.word ? 0 : (c8 & 0xFF) << 8);  // outside words: the last byte
    context_hash_[8] = mix64(word * 16 + 8);
    context_hash_[9] = mix64((h.word * 0x100000001B3ull + h.previous_word) * 16 + 9);
    context_hash_[10] = mix64((((c8 >> 8) & 0xFFFF) + (static_cast<uint64_t>(text_markup(h)) << 20)) * 16 + 10);
    context_hash_[11] = mix64(((c8 & 0xFF00FF) + (static_cast<uint64_t>(text_markup(h)) << 32)) * 16 + 11);
    // Column context: position in the line and the byte above it (text tables, fixed records).
    const uint64_t pos = layout_.position(lane, step);
    const uint64_t column = pos - h.line_start;
    uint64_t above = 0x100;
    if (h.previous_line_start < h.line_start && h.previous_line_start + column < h.line_start)
        above = block[h.previous_line_start + column];
    context_hash_[12] = mix64(((std::min<uint64_t>(column, 255) << 9) | above) * 16 + 12);
    // Record contexts: the bytes one and two records back, and the position within the record
    // with the byte one record back.
    const uint64_t lane_start = layout_.lane_start(lane);
    const uint64_t r = h.record_length;
    uint64_t back1 = 0x100, back2 = 0x100;
    if (r > 0 && pos >= lane_start + r) back1 = block[pos - r];
    if (r > 0 && pos >= lane_start + 2 * r) back2 = block[pos - 2 * r];
    context_hash_[13] = mix64(((r << 18) | (back2 << 9) | back1) * 16 + 13);
    // Context set 1 uses context 14 for bytes 3-4 instead of the position in the record, which
    // was worth nothing next to the others (tuning samples: 55 bytes better without it), except
    // inside DNA: in FASTA the column and record contexts predict the line ends (without lines,
    // as in E.coli, replacing them too made it 0.02% larger).
    const bool dna = in_dna(h);
    if (contexts_ > kBaseContexts && !dna)
        context_hash_[14] = mix64(((c8 & 0xFFFF0000ull) + (uint64_t{6} << 40)) * 32 + 20);
    else
        context_hash_[14] = mix64((((r ? (pos - lane_start) % r : 0) << 9 | back1) * 16 + 14) ^ (r << 40));
    if (contexts_ > kBaseContexts) {
        // Indirect: what followed the last byte (pair) the last two times it occurred.
        const uint64_t c1 = c8 & 0xFF, c2 = c8 & 0xFFFF;
        context_hash_[15] = mix64(((c1 << 16 | h.after_byte[c1]) + (uint64_t{1} << 40)) * 32 + 15);
        context_hash_[16] = mix64(((c2 << 16 | h.after_pair[c2]) + (uint64_t{2} << 40)) * 32 + 16);
        // The current word (as context 8) with the word before the previous one: a skip-gram
        // (bible.txt -0.33%, world192.txt -0.85% against the previous two words without it).
        context_hash_[17] = mix64((word * 0x9E3779B97F4A7C15ull + h.word_before + (uint64_t{3} << 40)) * 32 + 17);
        // Sparse contexts for binary records: bytes 5-8, bytes 1 and 5.
        context_hash_[18] = mix64(((c8 & 0xFFFFFFFF00000000ull) + (uint64_t{4} << 40)) * 32 + 18);
        context_hash_[19] = mix64(((c8 & 0xFF000000FFull) + (uint64_t{5} << 40)) * 32 + 19);
    }
    if (in_text(h)) {
        // Context set 3 inside text: bytes 3-4 and 5-8 carry little there (tuning samples: bytes
        // 3-4 are worth 0.2% in text, 2% in binary); words more. The word trigram (current word,
        // the two before it) and the previous word with the last byte instead: text -0.2%.
        context_hash_[14] = mix64((word * 0x9E3779B97F4A7C15ull + h.previous_word * 0x100000001B3ull + h.word_before + (uint64_t{7} << 40)) * 32 + 21);
        context_hash_[18] = mix64((h.previous_word * 0x9E3779B97F4A7C15ull + (c8 & 0xFF) + (uint64_t{9} << 40)) * 32 + 23);
        if (config_.context_set >= 5) {
            // The record contexts and bytes 1 and 5 carry little in text; instead the current
            // word with how many words the sentence has so far, and with the two words before the
            // previous one (text -0.2%; a word 4-gram or case-folded orders 3-6 did less).
            context_hash_[13] = mix64((word * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(std::min(h.sentence_words, 15)) + (uint64_t{10} << 40)) * 32 + 25);
            context_hash_[19] = mix64((word * 0x9E3779B97F4A7C15ull + h.word_before * 0x100000001B3ull + h.word_before2 + (uint64_t{11} << 40)) * 32 + 26);
        }
    }
    if (in_protein(h)) {
        // Inside a protein the word contexts see whole lines; instead residues with line ends
        // skipped: orders 1-3, and sparse pairs.
        const uint64_t r = h.residues;
        context_hash_[8] = mix64(((r & 0xFF) + (uint64_t{12} << 40)) * 32 + 27);
        context_hash_[9] = mix64(((r & 0xFFFF) + (uint64_t{13} << 40)) * 32 + 28);
        context_hash_[13] = mix64(((r & 0xFFFFFF) + (uint64_t{14} << 40)) * 32 + 29);
        context_hash_[14] = mix64(((r & 0xFF00FF) + (uint64_t{15} << 40)) * 32 + 30);
        context_hash_[17] = mix64(((r & 0xFFFF00) + (uint64_t{16} << 40)) * 32 + 31);
        context_hash_[19] = mix64(((r & 0xFF0000FF) + (uint64_t{17} << 40)) * 32 + 32);
    }
    if (contexts_ > kSet1Contexts) {
        // Context set 7 (max): four more. What followed the last three bytes the last two times
        // (a third indirect context), byte 2 alone, the column with the byte above and the last
        // byte, and byte 3 alone or, inside text, the current word with the column. Of the
        // 0.34% they save on eight files (text, tables, code), the column context 0.095%, the
        // word with the column 0.07% of text, the others 0.03% each.
        const uint64_t c3 = c8 & 0xFFFFFF;
        context_hash_[20] = mix64(((c3 << 16 | h.after_triple[triple_index(c8)]) + (uint64_t{18} << 48)) * 32 + 33);
        context_hash_[21] = mix64((((c8 >> 8) & 0xFF) + (uint64_t{19} << 40)) * 32 + 34);
        context_hash_[22] = mix64(((std::min<uint64_t>(column, 255) << 17 | above << 8 | (c8 & 0xFF)) + (uint64_t{20} << 40)) * 32 + 35);
        context_hash_[23] = in_text(h) ? mix64((word * 0x9E3779B97F4A7C15ull + std::min<uint64_t>(column, 63) + (uint64_t{22} << 40)) * 32 + 37)
                                       : mix64((((c8 >> 16) & 0xFF) + (uint64_t{21} << 40)) * 32 + 36);
    }
    if (dna) {
        for (size_t j = 0; j < kNucleotideContexts.size(); ++j) {
            const int k = kNucleotideOrders[j];
            const uint64_t bases = k >= 32 ? h.bases : h.bases & ((uint64_t{1} << (2 * k)) - 1);
            const int i = kNucleotideContexts[j];
            context_hash_[i] = mix64(mix64(bases + uint64_t(k)) * 16 + uint64_t(i));
        }
    }
    fetch_slots(0);
}

void ContextMixer::begin_byte(std::span<const uint8_t> block, int lane, uint64_t step)
{
    if (prepared_lane_ != lane || prepared_step_ != step) prepare_byte(block, lane, step);
    prepared_lane_ = -1;
    lane_ = lane;
    step_ = step;
    c0_ = 1;
    bit_index_ = 0;
    claim_slots();
    if (runs_) {
        run_live_ = 0;
        for (int j = 0; j < run_contexts_; ++j) {
            const int i = first_run_context_ + j;
            run_slot_[j] = slot_[i];
            run_history_[j] = history_slot_[i];
            run_check_[j] = slot_[i][0] & kRunCheckMask;
            run_count_[j] = static_cast<int>(slot_[i][0] & ~kRunCheckMask);
            run_byte_[j] = history_slot_[i][0];
            inputs_[static_cast<size_t>(run_input_ + j)] = 0;
            if (run_count_[j] > 0) run_live_ |= 1u << j;
            run_base_[j] = (j * kRunBuckets + run_bucket(run_count_[j])) * 8;
        }
    }
    known_orders_ = in_dna(lanes_[lane]) ? 7 : 0;
    for (int i = 1; i <= 6; ++i) known_orders_ += counter_count(slot_[i][1]) > 0;
    match_.begin_byte(block, lane, step);
    if (long_match_) long_match_->begin_byte(block, lane, step);
    if (inverted_) inverted_->begin_byte(block, lane, step, in_dna(lanes_[lane]));
    if (translation_) translation_->begin_byte(block, lane, step);
    // Context set 6: no pixels inside text, where a bilevel image cannot be (their three inputs
    // stay 0 and the model neither looks nor learns there): enwik_1MB 3.5% less CPU time, whole
    // corpus -30 bytes (world192.txt +161, the proteome -160, which as "text" had cost +798 until
    // protein sequences kept their pixels: their 80-byte lines make the row above a column).
    // Quiet inside DNA too was 4-9% faster there for +418 bytes on the two genomes: not taken.
    const LaneHistory& lane_history = lanes_[lane];
    image_quiet_ = config_.context_set >= 6 && in_text(lane_history) && !in_protein(lane_history);
    if (image_ && !image_quiet_)
        image_->begin_byte(block, layout_.position(lane, step), layout_.lane_start(lane), lane_history.image_row, lane_history.bytes);
    if (nucleotides_) nucleotides_->begin_byte(lanes_[lane].bases, in_dna(lanes_[lane]));
    prefetch_apm_rows();
    select_mixers();
}

int ContextMixer::apm_order1_context() const { return c0_ | (static_cast<int>(lanes_[lane_].bytes & 0xFF) << 8); }

int ContextMixer::apm_order3_context() const
{
    // Inside DNA the last six bases instead of three bytes (three bases): E.coli -0.05%.
    const LaneHistory& h = lanes_[lane_];
    const uint64_t context = in_dna(h) ? (h.bases & 0xFFF) + (uint64_t{1} << 50) : h.bytes & 0xFFFFFF;
    return static_cast<int>(mix64(context * 256 + static_cast<uint64_t>(c0_) + 77) >> 48);
}

int ContextMixer::apm_order2_context() const
{
    const uint64_t c2 = lanes_[lane_].bytes & 0xFFFF;
    return static_cast<int>(mix64(c2 * 256 + static_cast<uint64_t>(c0_)) >> 48);
}

void ContextMixer::prefetch_apm_rows() const
{
    // The large APMs miss the cache on nearly every bit; their rows are known once the bits so
    // far are, long before the network's prediction for the bit is ready.
    apm_order1_.prefetch(apm_order1_context());
    apm_order2_.prefetch(apm_order2_context());
    if (apm_order3_) apm_order3_->prefetch(apm_order3_context());
}

int bit_input_from_bytes(std::span<const uint32_t, 257> cum, int c0, int bit_index)
{
    const int span = 1 << (8 - bit_index);
    const int low = (c0 - (1 << bit_index)) << (8 - bit_index);
    const uint32_t all = cum[low + span] - cum[low];
    const uint32_t ones = cum[low + span] - cum[low + span / 2];
    return stretch(clamp_prob(static_cast<int>((uint64_t{ones} * kProbOne + all / 2) / all)));
}

int ContextMixer::predict_bit(int neural_input)
{
    const int within = counter_index();
    for (int i = 0; i < contexts_; ++i) {
        const uint32_t counter = slot_[i][within];
        const int p = counter_p12(counter);
        inputs_[2 * i] = stretch(p);
        // A second view in the probability domain, silent for contexts never seen here.
        inputs_[2 * i + 1] = counter_count(counter) == 0 ? 0 : (p - kProbOne / 2) >> 1;
    }
    const int match_input = 2 * contexts_;
    inputs_[match_input] = match_.input(c0_);
    if (long_match_) inputs_[long_match_input_] = long_match_->input(c0_);
    if (inverted_) inputs_[inverted_input_] = inverted_->input(c0_);
    if (translation_) {
        // Inside a protein the gene's prediction, in the inverted repeats' place (outside DNA
        // they predict nothing; inside DNA the genes' model does not).
        const int gene_input = translation_->input(c0_);
        if (translation_->predicting()) inputs_[inverted_input_] = gene_input;
    }
    inputs_[match_input + 1] = neural_input;
    inputs_[match_input + 2] = 256;  // bias
    if (!histories_.empty()) {
        // Context set 3: what a bit history predicts depends on the bit position (ASCII's top
        // bits, a table's fixed fields): kennedy.xls -6.7%; not inside DNA, where it cost 0.05%.
        state_map_row_ = config_.context_set >= 3 && !in_dna(lanes_[lane_]) ? 256 * bit_index_ : 0;
        for (int i = 0; i < contexts_; ++i)
            inputs_[match_input + 3 + i] = stretch(counter_p12(state_maps_[i][state_map_row_ + history_slot_[i][within]]));
    }
    if (image_) {
        const std::span<int> pixels = std::span<int>(inputs_).subspan(static_cast<size_t>(image_input_), BitImageModel::kInputs);
        if (image_quiet_) std::fill(pixels.begin(), pixels.end(), 0);
        else image_->predict(pixels);
    }
    const bool nucleotides_silent =
        nucleotides_ && !nucleotides_->predict(std::span<int>(inputs_).subspan(static_cast<size_t>(nucleotide_input_), NucleotideModel::kInputs), c0_, bit_index_);
    int run_level = 0;
    if (runs_) {
        // A context's run predicts while the bits so far agree with the byte that followed it
        // last time (update_bit() drops it at the first disagreement): as sure as that byte has
        // repeated, learned per context, count and bit position.
        for (uint32_t live = run_live_; live != 0; live &= live - 1) {
            const int j = std::countr_zero(live);
            const int expected_bit = (run_byte_[j] >> (7 - bit_index_)) & 1;
            run_index_[j] = (run_base_[j] + bit_index_) * 2 + expected_bit;
            const int st = stretch(run_map_[static_cast<size_t>(run_index_[j] >> 1)] >> 4);
            inputs_[static_cast<size_t>(run_input_ + j)] = expected_bit ? st : -st;
            const int i = first_run_context_ + j;
            if (i >= kFirstRunContext && i <= 7 && run_count_[j] >= 2) run_level = i;
        }
    }

    const uint8_t last = static_cast<uint8_t>(lanes_[lane_].bytes);
    const int third = config_.context_set >= 3 ? third_selector_ : known_orders_ * 8 + bit_index_;
    // translate_genes: while a gene predicts the byte, it chooses the match bucket (and the
    // order-0 APM's copy state below): inside a protein it is far surer than any match.
    const bool gene = translation_ && translation_->predicting();
    const int match_bucket = gene ? 3 : match_.length_bucket();
    const int match_selector = runs_ ? (match_bucket * 8 + run_level) * 8 + bit_index_ : match_bucket * 8 + bit_index_;
    const int copy_state = gene ? translation_->state(bit_index_) : match_.state(bit_index_);
    const int selectors[kMaxMixers] = {first_selector_, match_selector, third, last, fifth_selector_, sixth_selector_};
    const std::span<const int> inputs(inputs_.data(), static_cast<size_t>(summed_inputs(nucleotides_silent)));
    for (size_t m = 0; m < mixers_.size(); ++m) {
        layer_outputs_[m] = stretch(mixers_[m].predict(inputs, selectors[m]));
        // Context set 5: the final mixer sees how sure each mixer is beyond 12 bits (kennedy.xls
        // -2.3% on top of the 16-bit output below).
        if (fine_) layer_outputs_[m] = static_cast<int>(std::clamp<int64_t>(mixers_[m].stretched_output(), -kFineStretchLimit, kFineStretchLimit));
    }
    // The final mixer's weights: per bit position; with context set 2 per node of the bit tree
    // (the bits so far; tuning samples -0.1%).
    const int final_selector = config_.context_set >= 2 ? c0_ : bit_index_;
    const int p = final_mixer_.predict(std::span<const int>(layer_outputs_.data(), mixers_.size()), final_selector);
    // Kinds 2-3: the order-0 APM also knows the match model's state (length class, predicted bit).
    if (fine_) {
        // Context set 5: the final mixer and the APMs at 16 bits (fine_squash.hpp), coded at 16
        // bits: near-certain bits cost down to 1/65536 instead of 1/4096. kennedy.xls -3.9%, pic
        // -0.5%, text and DNA -0.1%. The mixers still learn from their 12-bit outputs.
        const int64_t stretched = final_mixer_.stretched_output();
        const int f = fine_squash(static_cast<int>(std::clamp<int64_t>(stretched, -kFineStretchLimit, kFineStretchLimit)));
        const int f0 = apm_order0_.refine_fine(stretched, c0_ | copy_state << 8);
        const int f1 = apm_order1_.refine_fine(stretched, apm_order1_context());
        const int f2 = apm_order2_.refine_fine(stretched, apm_order2_context());
        const int f3 = apm_order3_->refine_fine(stretched, apm_order3_context());
        return std::clamp((2 * f + f0 + f1 + 2 * f2 + 2 * f3 + 4) / 8, 1, kFineProbOne - 1);
    }
    const int p0 = apm_order0_.refine(p, histories_.empty() ? c0_ : c0_ | copy_state << 8);
    const int p1 = apm_order1_.refine(p, apm_order1_context());
    const int p2 = apm_order2_.refine(p, apm_order2_context());
    if (apm_order3_) {
        // Context set 5: order 3 as well, weighted as order 2 (-0.04%).
        const int p3 = apm_order3_->refine(p, apm_order3_context());
        return clamp_prob((2 * p + p0 + p1 + 2 * p2 + 2 * p3 + 4) / 8);
    }
    return clamp_prob((2 * p + p0 + p1 + 2 * p2 + 3) / 6);
}

int ContextMixer::text_selector_offset(const LaneHistory& h) const
{
    return config_.context_set >= 5 && in_text(h) ? 256 * (1 + h.markup + kMarkupStates * h.word_case) : 0;
}

int ContextMixer::summed_inputs(bool nucleotides_silent) const
{
    // The constructor puts the often silent inputs last; a zero input adds nothing to a sum and
    // its weight never moves, so they are left out. Runs after the last live one are 0 (since
    // begin_byte() or their miss).
    int inputs = nucleotides_ && nucleotides_silent ? nucleotide_input_ : input_count_;
    if (runs_ && inputs == run_input_ + run_contexts_) inputs = run_input_ + (32 - std::countl_zero(run_live_));
    return inputs;
}

void ContextMixer::select_mixers()
{
    const LaneHistory& h = lanes_[lane_];
    // At most the inputs predict_bit() will sum (this bit's update may silence more runs).
    const int inputs = summed_inputs(!in_dna(h));
    // The first mixer's weight set changes with every bit (3 MB of them with context set 5).
    first_selector_ = c0_ + text_selector_offset(h);
    mixers_[0].prefetch(first_selector_, inputs);
    if (bit_index_ == 0) {
        // The fourth and fifth mixers' sets stay for the whole byte (the fifth's are 3 MB).
        const int last = static_cast<int>(h.bytes & 0xFF), before_last = static_cast<int>((h.bytes >> 8) & 0xFF);
        fifth_selector_ = before_last + text_selector_offset(h);
        if (mixers_.size() > 4) mixers_[4].prefetch(fifth_selector_, inputs);
        mixers_[3].prefetch(last, inputs);
    }
    if (config_.context_set < 3) return;
    // In text the current word's length (or, between words, the kind of the last byte) tells
    // how the contexts are to be trusted, bit by bit; elsewhere the known orders (text -0.75%).
    int set = kTextSets + known_orders_;
    if (in_text(h)) set = h.word_length > 0 ? std::min(h.word_length, kWordLengths - 1) : kWordLengths + byte_kind(static_cast<uint8_t>(h.bytes));
    // Context set 5: after digits, how many (1, 2, 3, 4 or more): years, counts, codes.
    if (config_.context_set >= 5 && in_text(h) && h.word_length == 0 && h.digit_run >= 2) set = kWordLengths + 5 + std::min(h.digit_run, 4);
    if (config_.context_set >= 5) {
        // Context set 5: text's sets times where in markup and the word's case; the others after them.
        set = in_text(h) && !in_protein(h) ? set + kTextSets * (h.markup + kMarkupStates * h.word_case) : kTextSets * kMarkupStates * 4 + known_orders_;
    }
    third_selector_ = set * third_nodes_ + (third_nodes_ == 256 || bit_index_ < 4 ? c0_ : 16 + bit_index_ - 4);
    mixers_[2].prefetch(third_selector_, inputs);  // 16,920 weight sets with context set 5, 6.5 MB
    if (mixers_.size() > 5) {
        // Context set 5's sixth mixer: 2^15 weight sets (13 MB), a cache miss on nearly every bit
        // unless fetched now, as soon as the bits so far are known.
        sixth_selector_ = static_cast<int>(mix64(((h.bytes & 0xFFFF) * 256 + static_cast<uint64_t>(c0_)) ^ (static_cast<uint64_t>(text_markup(h)) << 32) ^ (static_cast<uint64_t>(in_text(h) ? h.word_case : 0) << 36)) >> 49);
        mixers_[5].prefetch(sixth_selector_, inputs);
    }
}

void ContextMixer::update_bit(int bit)
{
    const int within = counter_index();
    c0_ = (c0_ << 1) | bit;
    ++bit_index_;
    // The next bit's rows are known now: start fetching them before this bit's updates, which
    // then hide their latency (the updates below use only what predict_bit() kept).
    if (bit_index_ == 4) fetch_slots(c0_);
    if (bit_index_ < 8) {
        prefetch_apm_rows();
        select_mixers();
    }
    for (int i = 0; i < contexts_; ++i) update_counter(slot_[i][within], bit, config_.counter_limit);
    if (!histories_.empty())
        for (int i = 0; i < contexts_; ++i) {
            uint8_t& state = history_slot_[i][within];
            update_counter(state_maps_[i][state_map_row_ + state], bit, 1023);
            state = BitHistory::next(state, bit);
        }
    match_.update_bit(bit);
    if (long_match_) long_match_->update_bit(bit);
    if (inverted_) inverted_->update_bit(bit);
    if (translation_) translation_->update_bit(bit);
    for (Mixer& m : mixers_) m.update(bit, config_.mixer_rate);
    final_mixer_.update(bit, config_.mixer_rate);
    apm_order0_.update(bit, config_.apm_rate);
    apm_order1_.update(bit, config_.apm_rate);
    apm_order2_.update(bit, config_.apm_rate);
    if (apm_order3_) apm_order3_->update(bit, config_.apm_rate);
    // After the mixers learned from this bit's inputs: a run that was wrong falls silent.
    for (uint32_t live = run_live_; live != 0; live &= live - 1) {
        const int j = std::countr_zero(live);
        const bool right = bit == (run_index_[j] & 1);
        uint16_t& p = run_map_[static_cast<size_t>(run_index_[j] >> 1)];
        p = static_cast<uint16_t>(p + (((right ? 65535 : 0) - p) >> kRunRateShift));
        if (!right) {
            run_live_ &= ~(1u << j);
            inputs_[static_cast<size_t>(run_input_ + j)] = 0;
        }
    }
    if (image_ && !image_quiet_) image_->update(bit, c0_, bit_index_);
    if (bit_index_ == 4) claim_slots();  // after this bit's counters moved: a claim may reset a slot
    if (bit_index_ == 7) {
        // The byte is one of two now: fetch the match models' hash slots for both (end_byte()
        // then finds them in cache; they missed it on nearly every byte: 3.5% of the time).
        const LaneHistory& h = lanes_[lane_];
        const uint64_t older = (h.older << 8) | (h.bytes >> 56);
        for (uint64_t last_bit : {0u, 1u}) {
            const uint64_t bytes = (h.bytes << 8) | ((static_cast<uint64_t>(c0_) << 1 | last_bit) & 0xFF);
            match_.prefetch_slot(bytes, older);
            if (long_match_) long_match_->prefetch_slot(bytes, older);
        }
    }
}

void ContextMixer::vote_for_image_row(LaneHistory& h, uint32_t distance)
{
    // Every vote counts for good (an image's rows keep voting for one length, while the short
    // local repeats that move the record length come and go); halving all of them when one
    // saturates keeps the order of the candidates.
    if (h.row_votes[distance] == UINT16_MAX)
        for (uint16_t& votes : h.row_votes) votes = static_cast<uint16_t>(votes >> 1);
    ++h.row_votes[distance];
    if (h.row_votes[distance] > h.row_votes[h.image_row]) h.image_row = distance;
}

void ContextMixer::end_byte(std::span<const uint8_t> block)
{
    const uint8_t byte = static_cast<uint8_t>(c0_ & 0xFF);
    LaneHistory& h = lanes_[lane_];
    for (int j = 0; j < run_contexts_; ++j) {
        // The second nibble's claim may have given the slot to another context: then the run is
        // lost with it.
        uint32_t& entry = run_slot_[j][0];
        if ((entry & kRunCheckMask) != run_check_[j]) continue;
        if (run_count_[j] > 0 && run_byte_[j] == byte)
            entry = run_check_[j] | static_cast<uint32_t>(std::min(run_count_[j] + 1, 255));
        else {
            entry = run_check_[j] | 1u;
            run_history_[j][0] = byte;
        }
    }
    if (!h.after_triple.empty()) {
        uint16_t& after3 = h.after_triple[triple_index(h.bytes)];
        after3 = static_cast<uint16_t>(after3 << 8 | byte);
    }
    if (!h.after_pair.empty()) {
        uint16_t& after1 = h.after_byte[h.bytes & 0xFF];
        after1 = static_cast<uint16_t>(after1 << 8 | byte);
        uint16_t& after2 = h.after_pair[h.bytes & 0xFFFF];
        after2 = static_cast<uint16_t>(after2 << 8 | byte);
    }
    h.older = (h.older << 8) | (h.bytes >> 56);
    h.bytes = (h.bytes << 8) | byte;
    ++h.count;
    if (is_letter(byte)) {
        const uint8_t folded = static_cast<uint8_t>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);  // ASCII only: no locale
        h.word = (h.word + folded + 1) * 0x3FFFFFFFFFFFull;
        ++h.word_length;
    } else {
        if (h.word != 0) {
            h.word_before2 = h.word_before;
            h.word_before = h.previous_word;
            h.previous_word = h.word;
            h.word = 0;
        }
        h.word_length = 0;
    }
    if (is_letter(byte) && h.word_length == 1) h.sentence_words = std::min(h.sentence_words + 1, 255);
    h.digit_run = byte >= '0' && byte <= '9' ? std::min(h.digit_run + 1, 15) : 0;
    const bool capital = byte >= 'A' && byte <= 'Z';
    h.residue_run = capital || byte == '\n' ? std::min(h.residue_run + 1, 255) : 0;
    if (capital) h.residues = h.residues << 8 | byte;
    if (h.word_length == 1) h.word_case = byte >= 'A' && byte <= 'Z' ? (h.sentence_words <= 1 ? 1 : 3) : 0;
    if (h.word_length == 2 && h.word_case != 0 && byte >= 'A' && byte <= 'Z') h.word_case = 2;
    if (byte == '.' || byte == '!' || byte == '?' || byte == '\n') h.sentence_words = 0;
    h.markup = next_markup(h.markup, static_cast<uint8_t>(h.bytes >> 8), byte);
    const bool printable = (byte >= 0x20 && byte < 0x7F) || byte == '\n' || byte == '\r' || byte == '\t';
    h.text_run = printable ? std::min(h.text_run + 1, 255) : 0;
    const int base = nucleotide_code(byte);
    if (base >= 0) h.bases = (h.bases << 2) | static_cast<uint64_t>(base);
    if (nucleotides_ && base >= 0) nucleotides_->learn(base, h.bases);
    h.nucleotide_run = base >= 0 || byte == '\n' || (byte | 0x20) == 'n' ? std::min(h.nucleotide_run + 1, 255) : 0;
    const uint64_t pos = layout_.position(lane_, step_);
    const uint64_t distance = pos - h.last_seen[byte];
    if (h.last_seen[byte] != 0 && distance > 1 && distance < 65536 && distance == h.last_distance[byte]) {
        if (distance == h.record_length) {
            if (h.record_votes < 16) ++h.record_votes;
        } else if (--h.record_votes <= 0) {
            h.record_length = static_cast<uint32_t>(distance);
            h.record_votes = 1;
        }
        if (!h.row_votes.empty() && distance >= kMinImageRow) vote_for_image_row(h, static_cast<uint32_t>(distance));
    }
    h.last_distance[byte] = h.last_seen[byte] != 0 ? static_cast<uint32_t>(std::min<uint64_t>(distance, 65536)) : 0;
    h.last_seen[byte] = pos;
    if (byte == '\n') {
        h.previous_line_start = h.line_start;
        h.line_start = layout_.position(lane_, step_) + 1;
    }
    match_.end_byte(block, lane_, step_, h.bytes, h.count);
    if (long_match_) long_match_->end_byte(block, lane_, step_, h.bytes, h.count, h.older);
    if (inverted_) inverted_->end_byte(block, lane_, step_, h.bases, base);
    if (translation_) translation_->end_byte(block, lane_, step_);
}

}  // namespace nnz::mixing
