#pragma once
// The neural block codec: an online-trained exact predictor driving the range coder.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "../codec.hpp"

namespace nnz {

enum class Device : uint8_t { Cpu = 0, Cuda = 1, Auto = 2 };

// Everything the decoder needs; serialized into each block header.
struct NeuralSettings {
    uint16_t model_version = 1;  // bump when the model's arithmetic changes
    uint8_t model_kind = 0;      // 0 = exact LSTM
    uint16_t embed = 16;         // embedding width
    uint16_t hidden = 128;       // recurrent width
    uint16_t lanes = 64;         // B: lanes coded per step
    uint16_t train_steps = 16;   // T: steps per training step (truncated BPTT length)
    uint32_t seed = 1;
    uint8_t lr_shift = 8;        // learning rate = 2^-lr_shift (see model docs)
    // Not serialized: where and how to run (results are identical everywhere).
    Device device = Device::Cpu;
    int threads = 0;             // 0 = all cores

    static NeuralSettings preset(std::string_view name);  // "fast" | "default" | "max"
    std::vector<uint8_t> serialize() const;
    static NeuralSettings deserialize(std::span<const uint8_t> bytes);  // throws Error(Data)
};

std::unique_ptr<BlockCodec> make_neural_codec(const NeuralSettings& settings);

}  // namespace nnz
