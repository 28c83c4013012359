#pragma once
// The learned mixer: a single-layer network in the logistic domain (PAQ's mixer). Inputs are
// stretched probabilities, one weight vector per selector context, output squash(w . x); trained
// online after every bit by gradient descent on coding cost. Integer-only: weights at scale 2^16,
// products summed in int64, so the result does not depend on order or machine.
#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <cstdint>
#include <span>
#include <vector>

#include "logistic.hpp"
#include "zeroed_array.hpp"
#include "mixer_kernels.hpp"

namespace nnz::mixing {

class Mixer {
public:
    // Weight tables of 2 MiB and more live in huge pages: a large one (the sixth mixer's 13 MB)
    // is read at another set on nearly every bit, and with 4 KiB pages nearly every prefetch of a
    // set missed the TLB (perf: 7% of the time on enwik_1MB, at the prefetch).
    Mixer(int inputs, int selectors, int32_t initial_weight)
        : inputs_(inputs),
          weights_(static_cast<size_t>(inputs) * static_cast<size_t>(selectors),
                   static_cast<size_t>(inputs) * static_cast<size_t>(selectors) * sizeof(int32_t) >= (size_t{2} << 20))
    {
        std::fill(weights_.data(), weights_.data() + weights_.size(), initial_weight);
    }

    int inputs() const { return inputs_; }
    int32_t weight(int selector, int input) const { return weights_[static_cast<size_t>(selector) * inputs_ + input]; }

    // Starts input `input` at `weight` in every weight set (before any prediction).
    void set_initial_weight(int input, int32_t weight)
    {
        for (size_t i = static_cast<size_t>(input); i < weights_.size(); i += static_cast<size_t>(inputs_)) weights_[i] = weight;
    }

    // x: the first x.size() <= inputs() stretched values, the rest 0 (a zero input adds nothing
    // and its weight never moves, so they are simply left out); x must stay alive and unchanged
    // until update(). Returns a 12-bit probability.
    int predict(std::span<const int> x, int selector)
    {
        assert(x.size() <= static_cast<size_t>(inputs_));
        x_ = x;
        selector_ = selector;
        w_ = &weights_[static_cast<size_t>(selector) * inputs_];
        dot_ = mixer_dot(x.data(), w_, static_cast<int>(x.size())) >> 16;
        p_ = squash(clamp_stretch(dot_));
        return p_;
    }
    // The last predict()'s output in the stretched domain before clamping to +-2047.
    int64_t stretched_output() const { return dot_; }

    // Starts loading the weights of `selector` (a large weight table misses the cache).
    void prefetch(int selector) const
    {
#if defined(__GNUC__)
        const auto* row = reinterpret_cast<const char*>(&weights_[static_cast<size_t>(selector) * inputs_]);
        for (size_t offset = 0; offset < static_cast<size_t>(inputs_) * sizeof(int32_t); offset += 64) __builtin_prefetch(row + offset);
#else
        (void)selector;
#endif
    }

    void update(int bit, int learning_rate)
    {
        if (!warmup_.empty()) {
            uint32_t& n = updates_[static_cast<size_t>(selector_)];
            const size_t step = std::min<size_t>(n >> kWarmupStepBits, warmup_.size() - 1);
            learning_rate = std::min((learning_rate * warmup_[step]) >> 8, kMaxRate);
            if (step + 1 < warmup_.size()) ++n;
        }
        // |error| <= 4095 * kMaxRate: x * error fits int32.
        const int32_t error = ((bit << kProbBits) - p_) * learning_rate;
        // With |error| <= 16 every step (x * error + 2^15) >> 16 is 0 (|x| <= 2047): nothing to do.
        if (error >= -16 && error <= 16) return;
        if (std::abs((bit << kProbBits) - p_) < skip_below_) return;
        mixer_train(x_.data(), w_, static_cast<int>(x_.size()), error, kWeightLimit);
    }

    // Learning-rate warm-up: a weight set that has learned n times uses the rate times
    // factors[n >> kWarmupStepBits] / 256 (the last factor from then on). A fresh set has
    // everything to learn, a settled one mostly noise to ignore. `factors` must outlive the mixer.
    static constexpr int kWarmupStepBits = 6;
    void set_warmup(std::span<const uint16_t> factors)
    {
        warmup_ = factors;
        updates_.assign(weights_.size() / static_cast<size_t>(inputs_), 0);
    }

    static constexpr int kMaxRate = 64;

    // A prediction within `distance` / 4096 of the coded bit teaches nothing (context set 4): the
    // step would be tiny, and such bits are most of them in predictable data.
    void set_skip_below(int distance) { skip_below_ = distance; }

private:
    std::span<const uint16_t> warmup_;
    std::vector<uint32_t> updates_;  // per weight set, with a warm-up
    int selector_ = 0;
    int skip_below_ = 0;
    static constexpr int32_t kWeightLimit = int32_t{1} << 22;  // |w| < 64
    int inputs_;
    ZeroedArray<int32_t> weights_;
    std::span<const int> x_;
    int32_t* w_ = nullptr;
    int p_ = kProbOne / 2;
    int64_t dot_ = 0;
};

}  // namespace nnz::mixing
