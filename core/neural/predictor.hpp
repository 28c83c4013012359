#pragma once
// What the neural codec drives, step by step, identically when encoding and decoding:
//   loop: freqs = predict();  code one symbol per active lane with freqs;  learn(symbols)
// learn() trains the model after every T steps on the T*B symbols just coded.
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "context_logits.hpp"

namespace nnz {

struct ModelShape {
    int hidden = 128;      // H
    int lanes = 64;        // B
    int train_steps = 16;  // T
    int lr_shift = 2;      // largest weight change per training step ~ 2^-lr_shift (see lstm_algorithm.hpp)
    uint32_t seed = 1;
    ContextConfig context{};  // orders = 0 disables the context features
};

class Predictor {
public:
    virtual ~Predictor() = default;
    // Frequency tables for the next symbol of every lane: lanes * 256 values, each row >= 1 per
    // symbol and summing to kFreqTotal. Valid until the next learn().
    virtual std::span<const uint32_t> predict() = 0;
    // The symbols coded at this step, one per lane; inactive lanes (past the end of their data)
    // have active[b] == 0 and contribute nothing to training.
    virtual void learn(std::span<const uint8_t> symbols, std::span<const uint8_t> active) = 0;
};

enum class Backend { Torch, Reference };

// Throws nnz::Error(Usage) for shapes outside the exactness budget (fixed_point.hpp).
std::unique_ptr<Predictor> make_predictor(const ModelShape& shape, Backend backend);

// The exact model's weights as integers (master scale), for tests that compare backends.
struct ModelWeights {
    std::vector<int64_t> input;     // [256][4H]   per previous byte, added to the gate pre-activations
    std::vector<int64_t> recurrent; // [H][4H]
    std::vector<int64_t> gate_bias; // [4H]
    std::vector<int64_t> output;    // [H][256]
    std::vector<int64_t> out_bias;  // [256]
    bool operator==(const ModelWeights&) const = default;
};

class InspectablePredictor : public Predictor {
public:
    virtual ModelWeights weights() const = 0;
};

std::unique_ptr<InspectablePredictor> make_inspectable_predictor(const ModelShape& shape,
                                                                 Backend backend);

// Seeded initial weights, shared by both backends so they start identical by construction.
ModelWeights initial_weights(const ModelShape& shape);
void validate_shape(const ModelShape& shape);

}  // namespace nnz
