#include <algorithm>
#include <string>

#include "../error.hpp"
#include "neural_codec.hpp"
#include "context_logits.hpp"
#include "predictor.hpp"

namespace nnz {
namespace {
constexpr uint16_t kModelVersion = 1;
constexpr size_t kSerializedSize = 18;       // model kind 0
constexpr size_t kMixedSerializedSize = 23;  // model kinds 1 to 3
constexpr size_t kContextSetSerializedSize = 24;  // kinds 2 and 3 with a context set other than 0
constexpr size_t kFeaturesSerializedSize = 25;    // ... and model features
constexpr uint8_t kLastContextSet = 7;
}  // namespace

NeuralSettings NeuralSettings::preset(std::string_view name)
{
    // All presets but gpu code one lane (the block in its natural order): the context statistics
    // and the match model then see every earlier byte, which lanes would hide (a lane cannot use
    // the part of the block after its own start until the lanes before it got there). fast and default
    // use the bit-predicting LSTM (kind 3), cheap enough to leave the time to the context mixer;
    // max uses the byte-predicting LSTM with its own context rows (kind 2), a little stronger and
    // several times slower, and the one that LibTorch (and CUDA) can run. Measurements:
    // docs/BENCHMARKS.md.
    NeuralSettings s;
    s.lanes = 1;
    s.context_orders = 0;
    s.context_set = 6;
    // Proteins after their genome are predicted from its genes (TranslationModel): E. coli's
    // genome and proteome 1,797,368 -> 1,137,598 bytes (the proteome 701 KB -> about 42 KB).
    s.features = kTranslateGenes;
    // Context sets 2-4's mixers warm up (learn fast while new), so their settled rate can be low.
    s.mixer_rate = 6;
    if (name == "fast") {
        // The 15 contexts and four mixers of context set 0 (0.3), which has no warm-up and
        // wants the old rate: enwik_1MB 222,007 -> 226,730 bytes (+2.1%; zpaq -m5 229,975) at
        // about 1.4x the speed of set 2 with the same tables (docs/ENGINE.md).
        s.context_set = 0;
        s.features = 0;
        s.mixer_rate = 16;
        s.hidden = 4;
        s.train_steps = 32;
        s.mixer_table_bits = 20;
    } else if (name == "default") {
        s.hidden = 4;
        s.train_steps = 32;
    } else if (name == "max") {
        s.model_kind = 2;
        s.hidden = 16;
        s.train_steps = 16;
        s.context_orders = 0x3F;
        s.context_hash_bits = 18;
        // Four times the default's context tables (about 2.4 GiB a block; the writer and reader
        // run only as many blocks at once as fit the memory limit): world192.txt 317,204 ->
        // 313,095 bytes (-1.3%) for 12% more time; memory, not modelling, limits large files.
        s.mixer_table_bits = 24;
        // What the default's time budget had left out: the corpus file by file 5,624,524 ->
        // 5,613,191 bytes (-0.20%) for 15% more CPU time (docs/ENGINE.md, context set 7).
        s.context_set = 7;
    } else if (name == "gpu") {
        // For a CUDA device (issue 8): max's model, with 64 lanes a step so that a GPU's
        // per-step cost (kernel launches, one copy back) is shared by 64 bytes instead of one,
        // and a wider LSTM, which should cost a GPU little (not measured yet). Lanes cost the
        // mixer its view of the block (a lane does not see what the lanes before it have not
        // reached yet): on enwik_1MB 219,717 bytes against max's 209,950 (+4.7%) and the
        // default's 211,653; at 64 lanes H 16, 32 and 64 code within 24 bytes of each other.
        // Decodes on a CPU too, at about max's speed (docs/BENCHMARKS.md, "What a GPU preset
        // would face").
        s = preset("max");
        s.lanes = 64;
        s.hidden = 32;
    } else {
        throw Error(ErrorCode::Usage, "unknown preset '" + std::string(name) + "' (fast, default, max, gpu)");
    }
    return s;
}

std::vector<uint8_t> NeuralSettings::serialize() const
{
    std::vector<uint8_t> out;
    auto put = [&out](uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
    };
    put(model_version, 2);
    put(model_kind, 1);
    put(hidden, 2);
    put(lanes, 2);
    put(train_steps, 2);
    put(lr_shift, 1);
    put(seed, 4);
    put(context_orders, 1);
    put(context_hash_bits, 1);
    put(context_lr_shift, 1);
    put(context_rate_limit, 1);
    if (model_kind >= 1) {
        put(mixer_table_bits, 1);
        put(mixer_counter_limit, 2);
        put(mixer_rate, 1);
        put(mixer_apm_rate, 1);
        if (model_kind >= 2 && context_set != 0) put(context_set, 1);
        if (active_features() != 0) put(active_features(), 1);
    }
    return out;
}

std::string NeuralSettings::preset_name() const
{
    static constexpr std::string_view kPresets[] = {"fast", "default", "max", "gpu"};
    const auto bytes = serialize();
    for (const std::string_view name : kPresets)
        if (preset(name).serialize() == bytes) return std::string(name);
    for (const std::string_view name : kPresets) {
        NeuralSettings other_lanes = preset(name);
        other_lanes.lanes = lanes;
        if (other_lanes.serialize() == bytes) return std::string(name);
    }
    return {};
}

std::string NeuralSettings::description() const
{
    if (const std::string name = preset_name(); !name.empty()) {
        if (preset(name).lanes == lanes) return name + " preset";
        return name + " preset, " + std::to_string(lanes) + (lanes == 1 ? " lane" : " lanes");
    }
    std::string text = "model kind " + std::to_string(model_kind);
    if (model_kind >= 2) text += ", context set " + std::to_string(context_set);
    text += ", H " + std::to_string(hidden) + ", " + std::to_string(lanes) + (lanes == 1 ? " lane" : " lanes");
    if (model_kind >= 1) text += ", tables 2^" + std::to_string(mixer_table_bits);
    if (active_features() & kTranslateGenes) text += ", genes' model";
    return text;
}

NeuralSettings NeuralSettings::deserialize(std::span<const uint8_t> bytes)
{
    const uint8_t kind = bytes.size() >= 3 ? bytes[2] : 0;
    size_t expected = kind >= 1 ? kMixedSerializedSize : kSerializedSize;
    if (kind >= 2 && (bytes.size() == kContextSetSerializedSize || bytes.size() == kFeaturesSerializedSize)) expected = bytes.size();
    if (bytes.size() != expected)
        throw Error(ErrorCode::Data, "neural codec settings have " + std::to_string(bytes.size()) +
                                         " bytes, expected " + std::to_string(expected));
    size_t at = 0;
    auto get = [&](int n) {
        uint64_t v = 0;
        for (int i = 0; i < n; ++i) v |= uint64_t{bytes[at++]} << (8 * i);
        return v;
    };
    NeuralSettings s;
    s.model_version = static_cast<uint16_t>(get(2));
    s.model_kind = static_cast<uint8_t>(get(1));
    s.hidden = static_cast<uint16_t>(get(2));
    s.lanes = static_cast<uint16_t>(get(2));
    s.train_steps = static_cast<uint16_t>(get(2));
    s.lr_shift = static_cast<uint8_t>(get(1));
    s.seed = static_cast<uint32_t>(get(4));
    s.context_orders = static_cast<uint8_t>(get(1));
    s.context_hash_bits = static_cast<uint8_t>(get(1));
    s.context_lr_shift = static_cast<uint8_t>(get(1));
    s.context_rate_limit = static_cast<uint8_t>(get(1));
    if (s.model_kind >= 1) {
        s.mixer_table_bits = static_cast<uint8_t>(get(1));
        s.mixer_counter_limit = static_cast<uint16_t>(get(2));
        s.mixer_rate = static_cast<uint8_t>(get(1));
        s.mixer_apm_rate = static_cast<uint8_t>(get(1));
        if (at < bytes.size()) {
            s.context_set = static_cast<uint8_t>(get(1));
            if (s.context_set == 0 || s.context_set > kLastContextSet)
                throw Error(ErrorCode::Data, "neural codec settings name context set " + std::to_string(s.context_set) +
                                                 ", which this nnzip does not know");
        }
        if (at < bytes.size()) {
            s.features = static_cast<uint8_t>(get(1));
            // The genes' model shares an input of context set 5's (ContextMixer).
            if (s.features == 0 || (s.features & ~NeuralSettings::kKnownFeatures) != 0 || s.context_set < 5)
                throw Error(ErrorCode::Data, "neural codec settings name model features " + std::to_string(s.features) +
                                                 ", which this nnzip does not know");
        }
        if (s.mixer_table_bits < 12 || s.mixer_table_bits > 26 || s.mixer_counter_limit < 1 || s.mixer_counter_limit > 1023 ||
            s.mixer_rate < 1 || s.mixer_rate > 64 || s.mixer_apm_rate < 1 || s.mixer_apm_rate > 15)
            throw Error(ErrorCode::Data, "bad mixed-model settings (table bits 12..26, counter limit 1..1023, rates)");
    }
    if (s.model_kind == 3 && s.context_orders != 0)
        throw Error(ErrorCode::Data, "bad neural codec settings: kind 3 has no context rows");
    if (s.model_version != kModelVersion || s.model_kind > 3)
        throw Error(ErrorCode::Data, "neural model version " + std::to_string(s.model_version) + " kind " +
                                         std::to_string(s.model_kind) + " is not supported by this nnzip");
    try {
        validate_shape(s.shape(s.lanes));
    } catch (const Error& e) {
        throw Error(ErrorCode::Data, std::string("bad neural codec settings: ") + e.what());
    }
    return s;
}

ModelShape NeuralSettings::shape(int lane_count) const
{
    return {hidden, lane_count, train_steps, lr_shift, seed, {context_orders, context_hash_bits, context_lr_shift, context_rate_limit}};
}

int NeuralSettings::mixer_table_bits_for(uint64_t raw_size) const
{
    int bits = 16;  // 64K counters: 8 bits of them per byte of input is plenty
    while (bits < mixer_table_bits && (uint64_t{1} << bits) < raw_size * 8) ++bits;
    return bits;
}

uint64_t NeuralSettings::memory_for(uint64_t raw_size) const
{
    // The block and its packed copy, the coder's buffers, the mixers' weights, the APMs, the
    // image model and the network (one lane).
    uint64_t bytes = 4 * raw_size + (48ull << 20);
    if (model_kind >= 1) {
        // The context tables: counters and bit histories, 5 bytes a counter over 20 contexts of
        // 2^(bits-1) to 2^(bits+1) counters, and the match indexes: 110 bytes per 2^table_bits.
        bytes += uint64_t{110} << mixer_table_bits_for(raw_size);
        // Context set 5's nucleotide counts (72 MB) and inverted-repeat index (8 MB), whatever
        // the block's size.
        if (context_set >= 5) bytes += 80ull << 20;
        // Context set 7: four more tables of 2^(bits-1) counters, 10 bytes per 2^table_bits; the
        // third mixer's 950 x 256 weight sets of 128 int32 (119 MiB at most, touched as used)
        // and the other mixers' rows, 32 inputs wider; per lane 2 MiB of what followed each
        // hashed three bytes.
        if (context_set >= 7)
            bytes += (uint64_t{10} << mixer_table_bits_for(raw_size)) + (144ull << 20) + uint64_t(lanes_for(raw_size)) * (2ull << 20);
        // The genes' index: 4 bytes per 2^table_bits.
        if (active_features() & kTranslateGenes) bytes += uint64_t{4} << mixer_table_bits_for(raw_size);
    }
    // The network's context rows: 256 int16 logits and a count per row (max: 545 MiB).
    for (int order = 1; order <= 6; ++order)
        if (context_orders & (1u << (order - 1))) bytes += ContextLogits::rows_of_order(order, context_hash_bits) * 513;
    return bytes;
}

int NeuralSettings::lanes_for(uint64_t raw_size) const
{
    const uint64_t by_size = std::max<uint64_t>(1, raw_size / kMinLaneBytes);
    return static_cast<int>(std::min<uint64_t>(lanes, by_size));
}

}  // namespace nnz
