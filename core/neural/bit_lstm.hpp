#pragma once
// The exact LSTM of model kind 3, with a binary output: instead of a softmax over 256 bytes it
// predicts each of a byte's 8 bits, one logistic output per node of the bit tree (node = the
// bits so far with a leading 1, as the context mixer's c0). A byte then costs 8 output rows
// instead of 256, forward and backward, and the prediction goes straight into the mixer as a
// stretched probability. Same cell, fixed-point arithmetic, optimizer and training schedule as
// the byte model (scalar_cell.hpp): integers only, deterministic by construction.
#include <cstdint>
#include <span>
#include <vector>

#include "scalar_cell.hpp"

namespace nnz {

class BitLstm {
public:
    explicit BitLstm(const ModelShape& shape);  // shape.context is not used

    // Runs the cell of every lane on its previous byte; call once per step before the bits.
    void begin_step();
    // The network's stretched probability (logit at scale 2^8, clamped to the mixer's range)
    // that the next bit of `lane` is 1, given the bits so far as a tree node (1..255).
    int predict_bit(int lane, int node);
    // The bit coded at the node last predicted for `lane`; its error is kept for training.
    void learn_bit(int lane, int node, int bit);
    // Ends the step with each lane's byte (inactive lanes train nothing); trains every T steps.
    void end_step(std::span<const uint8_t> symbols, std::span<const uint8_t> active);

    ModelWeights weights() const { return cell_.master(); }

private:
    // The output layer's record of the last T steps: per lane, the 8 nodes visited and their
    // errors p - bit at scale 2^16.
    struct StepOutput {
        std::vector<uint8_t> nodes;
        std::vector<int64_t> dy;
    };
    void train();
    int64_t logit(int lane, int node) const;

    ScalarCell cell_;
    std::vector<StepOutput> outputs_;
    std::vector<int> bits_done_;  // per lane: bits learned in this step
    std::vector<int> predicted_;  // per lane: the 12-bit probability predict_bit() last gave
};

}  // namespace nnz
