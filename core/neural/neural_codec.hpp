#pragma once
// The neural block codec: an online-trained exact predictor driving the range coder.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "../codec.hpp"
#include "predictor.hpp"

namespace nnz {

enum class Device : uint8_t { Cpu = 0, Cuda = 1, Auto = 2 };

// Everything the decoder needs; serialized into each block header.
struct NeuralSettings {
    uint16_t model_version = 1;  // bump whenever the model's arithmetic changes
    // 0 = exact LSTM alone (core/neural/reference_lstm.cpp is its spec); 1 = the exact LSTM mixed
    // bitwise with context statistics and a match model (core/mixing/), the default in 0.2;
    // 2 = kind 1 plus bit histories (core/mixing/bit_history.hpp), the max preset since 0.3;
    // 3 = kind 2 with an LSTM that predicts bits (bit_lstm.hpp), the fast and default presets.
    uint8_t model_kind = 3;
    uint16_t hidden = 64;        // H: recurrent width
    uint16_t lanes = 32;         // B: most lanes coded per step (small blocks use fewer)
    uint16_t train_steps = 8;    // T: steps between training steps (truncated BPTT length)
    uint8_t lr_shift = 2;        // largest weight change per training step ~ 2^-lr_shift
    uint32_t seed = 1;
    uint8_t context_orders = 0x3F;  // bit k: order k+1 context features (context_logits.hpp)
    uint8_t context_hash_bits = 16;
    uint8_t context_lr_shift = 0;
    uint8_t context_rate_limit = 4;
    // Kinds 1 to 3 only (serialized after the fields above).
    uint8_t mixer_table_bits = 22;    // counters per context table, at most (small blocks use fewer)
    uint16_t mixer_counter_limit = 255;
    uint8_t mixer_rate = 16;
    uint8_t mixer_apm_rate = 6;
    // Kinds 2 and 3 (ignored by 0 and 1), serialized as one more byte only when not 0 (0.3
    // archives lack it):
    // 0 = the 15 contexts of 0.3; 1 = five more, and nucleotide orders inside DNA; 2 = also
    // pixel contexts for bilevel images and mixers that warm up; 3 = also word contexts and
    // word-selected mixer weights inside text, and a match model that survives a changed byte
    // (MixerConfig).
    uint8_t context_set = 0;
    // Kinds 2 and 3 with context set 5 or later: model features beyond the context set, bit by
    // bit, serialized as one more byte after it only when not 0 (archives before 0.9 lack it).
    uint8_t features = 0;
    static constexpr uint8_t kTranslateGenes = 1;  // a protein predicted from its gene (TranslationModel)
    static constexpr uint8_t kKnownFeatures = kTranslateGenes;
    // The features that apply: none below kind 2 or context set 5 (the genes' model shares an
    // input of set 5's), whatever `features` says; these are what is serialized and run.
    uint8_t active_features() const { return model_kind >= 2 && context_set >= 5 ? features : 0; }
    // Not serialized: where and how to run. Results are identical everywhere.
    Device device = Device::Cpu;
    int threads = 0;  // LibTorch intra-op threads of the thread running the model; 0 = one
    // Compressing: run the network on a thread of its own, ahead of the mixer and coder (the
    // encoder knows every byte, and the network never sees the mixer's results). One more core
    // busy, the same bytes; the max preset's byte LSTM and context rows are half of its time.
    bool network_ahead = false;
    // Which implementation of the exact LSTM computes on the CPU. Both give identical numbers
    // (tst_exact_model); Auto takes the scalar one for few lanes, where LibTorch's per-op cost dominates.
    enum class CpuBackend : uint8_t { Auto, Torch, Scalar } cpu_backend = CpuBackend::Auto;
    Backend cpu_backend_for(int lanes) const
    {
        // LibTorch's fixed per-op cost only pays off when many lanes share each op.
        return cpu_backend == CpuBackend::Scalar || (cpu_backend == CpuBackend::Auto && lanes <= 4) ? Backend::Reference : Backend::Torch;
    }

    static NeuralSettings preset(std::string_view name);  // "fast" | "default" | "max" | "gpu"; throws Usage
    std::vector<uint8_t> serialize() const;
    static NeuralSettings deserialize(std::span<const uint8_t> bytes);  // throws Error(Data)
    // For people: the preset these settings are ("default preset"), with the lanes when those
    // differ from the preset's ("max preset, 16 lanes": --lanes); else what they are ("model kind
    // 3, context set 5, H 4, 1 lane, tables 2^22": an older version's preset, or none).
    std::string description() const;
    // The preset they are, lanes apart ("default"); empty for settings of no preset of this version.
    std::string preset_name() const;
    // Lanes actually used for a block of raw_size bytes: lanes of at least kMinLaneBytes each.
    int lanes_for(uint64_t raw_size) const;
    static constexpr uint64_t kMinLaneBytes = 2048;
    ModelShape shape(int lanes) const;
    // Context-table size for a block: enough for its bytes, never above mixer_table_bits.
    int mixer_table_bits_for(uint64_t raw_size) const;
    // BlockCodec::memory_for: an upper bound of the memory one block of raw_size bytes needs
    // (docs/ENGINE.md, "Memory"; tst_neural_codec::memoryBoundHolds checks it against the RSS).
    uint64_t memory_for(uint64_t raw_size) const;
};

std::unique_ptr<BlockCodec> make_neural_codec(const NeuralSettings& settings);
std::unique_ptr<BlockCodec> make_mixed_codec(const NeuralSettings& settings);  // model kinds 1 to 3

}  // namespace nnz
