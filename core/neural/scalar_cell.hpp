#pragma once
// What the two scalar LSTMs (reference_lstm.cpp predicts bytes, bit_lstm.cpp predicts bits)
// share: the weights with their master and compute copies, the recurrent state of every lane, the
// record of the last T steps that truncated back-propagation needs, the cell forward and
// backward, and the optimizer step. Only the output layer differs between them.
#include <cstdint>
#include <vector>

#include "lstm_algorithm.hpp"
#include "predictor.hpp"
#include "tables.hpp"

namespace nnz {

class ScalarCell {
public:
    // Everything the backward pass needs from one forward step, all lanes.
    struct Step {
        std::vector<int64_t> input, h_prev, c_prev, gates, cell_tanh, h, c;
        std::vector<uint8_t> active;
    };
    // Gradients of one training step, in the layout of ModelWeights.
    struct Gradients {
        std::vector<int64_t> input, recurrent, gate_bias, output, out_bias;
        std::vector<int64_t> dh_next, dc_next;  // [lane][H]: from the step after the one in hand
        std::vector<int64_t> dz;                // [4H]: scratch
    };

    explicit ScalarCell(const ModelShape& shape);

    int64_t hidden() const { return H_; }
    int64_t lanes() const { return B_; }
    int64_t train_steps() const { return T_; }
    int64_t step_index() const { return t_; }
    Step& step(int64_t t) { return steps_[t]; }
    const Step& current() const { return steps_[t_]; }
    const ModelWeights& master() const { return master_; }
    const std::vector<int64_t>& output() const { return output_; }    // compute copy, [H][256]
    const std::vector<int64_t>& out_bias() const { return out_bias_; }

    // Runs the cell of every lane on its previous byte into the current step's record.
    void forward();
    // Records the step's bytes and activity and moves the state on; true when T steps are
    // recorded and the caller should train now (which ends with apply()).
    bool end_step(std::span<const uint8_t> symbols, std::span<const uint8_t> active);
    Gradients start_gradients() const;
    // Back-propagates dh (the output layer's gradient w.r.t. h of lane b at step t, before the
    // clamp, at 2^16, without what comes from later steps) through the cell of that step.
    void backward(int64_t t, int64_t b, const int64_t* dh_from_output, Gradients& g) const;
    // The optimizer step for every tensor, then fresh compute weights; starts the next T steps.
    void apply(const Gradients& g);

private:
    void refresh_compute();

    ModelShape shape_;
    int64_t H_, B_, T_;
    ModelWeights master_;
    const NonlinearityTables& tables_;
    std::vector<int64_t> input_, recurrent_, gate_bias_, output_, out_bias_;  // compute weights
    std::vector<int64_t> h_, c_, prev_;
    std::vector<Step> steps_;
    int64_t t_ = 0;
};

}  // namespace nnz
