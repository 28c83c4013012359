#pragma once
// The learned mixer: a single-layer network in the logistic domain (PAQ's mixer). Inputs are
// stretched probabilities, one weight vector per selector context, output squash(w . x); trained
// online after every bit by gradient descent on coding cost. Integer-only: weights at scale 2^16,
// products summed in int64, so the result does not depend on order or machine.
#include <cstdint>
#include <span>
#include <vector>

#include "logistic.hpp"
#include "mixer_kernels.hpp"

namespace nnz::mixing {

class Mixer {
public:
    Mixer(int inputs, int selectors, int32_t initial_weight)
        : inputs_(inputs), weights_(static_cast<size_t>(inputs) * selectors, initial_weight)
    {}

    int inputs() const { return inputs_; }

    // x: exactly inputs() stretched values, which must stay alive and unchanged until update().
    // Returns a 12-bit probability.
    int predict(std::span<const int> x, int selector)
    {
        x_ = x;
        w_ = &weights_[static_cast<size_t>(selector) * inputs_];
        p_ = squash(clamp_stretch(mixer_dot(x.data(), w_, inputs_) >> 16));
        return p_;
    }

    void update(int bit, int learning_rate)
    {
        // |error| <= 4095 * 64 (rates are at most 64): x * error fits int32.
        const int32_t error = ((bit << kProbBits) - p_) * learning_rate;
        mixer_train(x_.data(), w_, inputs_, error, kWeightLimit);
    }

private:
    static constexpr int32_t kWeightLimit = int32_t{1} << 22;  // |w| < 64
    int inputs_;
    std::vector<int32_t> weights_;
    std::span<const int> x_;
    int32_t* w_ = nullptr;
    int p_ = kProbOne / 2;
};

}  // namespace nnz::mixing
