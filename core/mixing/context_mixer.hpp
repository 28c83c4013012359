#pragma once
// The bitwise context-mixing half of the mixed model (DESIGN.md section 4): hashed context
// statistics (orders 0-6 and 8, words, sparse, column and record contexts), a match model and the neural
// network's own prediction, combined by a two-layer learned mixer and refined by adaptive
// probability maps. Each byte is coded as 8 binary decisions, most significant bit first. All
// statistics are integer tables shared by every lane and updated in lane order, so the model is
// deterministic by construction.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "apm.hpp"
#include "lane_layout.hpp"
#include "match_model.hpp"
#include "mixer.hpp"

namespace nnz::mixing {

struct MixerConfig {
    int table_bits = 22;        // counters per context table: 2^table_bits (4 bytes each)
    int counter_limit = 255;    // adaptation floor of the context counters: rate ~ 2/(2*limit+3)
    int mixer_rate = 24;        // mixer learning rate
    int apm_rate = 7;
};

class ContextMixer {
public:
    ContextMixer(const MixerConfig& config, const LaneLayout& layout);

    // Starts byte `step` of `lane`. `neural_cum` is the network's cumulative frequency table for
    // this byte (257 entries, cum[256] = total); `block` as in MatchModel::begin_byte.
    void begin_byte(std::span<const uint8_t> block, int lane, uint64_t step, std::span<const uint32_t, 257> neural_cum);
    int predict_bit();         // 12-bit probability that the next bit is 1
    void update_bit(int bit);  // the bit that was coded
    void end_byte(std::span<const uint8_t> block);

    static constexpr int kContexts = 15;
    static constexpr int kInputs = 2 * kContexts + 3;  // two per context, match, network, bias
    static constexpr int kMixers = 4;

private:
    struct LaneHistory {
        uint64_t bytes = 0;       // newest byte lowest
        uint64_t count = 0;       // bytes seen in this lane
        uint64_t word = 0;        // hash of the current word's letters (0 outside words)
        uint64_t previous_word = 0;
        uint64_t line_start = 0;           // position after the last newline
        uint64_t previous_line_start = 0;  // ... and after the one before (== line_start: none)
        // Record length detection (tables, fixed-size structures): per byte value, where it was
        // last seen and the distance before that; a distance seen twice in a row votes for itself.
        std::array<uint64_t, 256> last_seen{};
        std::array<uint32_t, 256> last_distance{};
        uint32_t record_length = 0;
        int record_votes = 0;
    };
    uint32_t* slot_for(int context, uint64_t hash);
    void select_slots(int nibble_context);
    // The counter within the current nibble's slot: a leading 1 followed by the nibble's bits so far.
    int counter_index() const { return bit_index_ < 4 ? c0_ : (1 << (bit_index_ - 4)) | (c0_ & ((1 << (bit_index_ - 4)) - 1)); }

    MixerConfig config_;
    LaneLayout layout_;
    std::vector<std::vector<uint32_t>> tables_;  // per context: slots of 16 counters (entry 0 = check)
    std::vector<LaneHistory> lanes_;
    MatchModel match_;
    std::vector<Mixer> mixers_;  // first layer, each with its own weight selector
    Mixer final_mixer_;
    Apm apm_order0_, apm_order1_, apm_order2_;

    // The byte in progress.
    int lane_ = 0;
    uint64_t step_ = 0;
    int c0_ = 1;
    int bit_index_ = 0;
    int known_orders_ = 0;  // how many of orders 1-6 had been seen before at the byte's start
    std::array<uint64_t, kContexts> context_hash_{};
    std::array<uint32_t*, kContexts> slot_{};
    std::array<int, kInputs> inputs_{};
    std::array<int, kMixers> layer_outputs_{};  // stretched; the final mixer reads them again when it learns
    std::span<const uint32_t, 257> neural_cum_;
};

}  // namespace nnz::mixing
