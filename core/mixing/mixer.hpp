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

#include "../prefetch.hpp"
#include "logistic.hpp"
#include "zeroed_array.hpp"
#include "mixer_kernels.hpp"

namespace nnz::mixing {

class Mixer {
public:
    // Weight tables of 2 MiB and more live in huge pages: a large one (the sixth mixer's 13 MB)
    // is read at another set on nearly every bit, and with 4 KiB pages nearly every prefetch of a
    // set missed the TLB (perf: 7% of the time on enwik_1MB, at the prefetch).
    //
    // A weight set is a row of whole cache lines: its warm-up count, then the weights. A set read
    // at random costs the lines it spans, and the count comes with the first of them. A row gets
    // its initial weights when first used: most of a large table never is in a small block, and
    // its pages then are never written (or cleared by the kernel).
    Mixer(int inputs, int selectors, int32_t initial_weight)
        : inputs_(inputs),
          stride_(row_stride(inputs)),
          weights_(static_cast<size_t>(stride_) * static_cast<size_t>(selectors),
                   static_cast<size_t>(stride_) * static_cast<size_t>(selectors) * sizeof(int32_t) >= (size_t{2} << 20)),
          initial_(static_cast<size_t>(inputs), initial_weight)
    {}

    int inputs() const { return inputs_; }
    int32_t weight(int selector, int input) const
    {
        const int32_t* set = row(selector);
        return set[kStartedSlot] ? set[kFirstWeight + static_cast<size_t>(input)] : initial_[static_cast<size_t>(input)];
    }

    // Every weight set starts as `weights` (one per input; before any prediction).
    void set_initial_weights(std::span<const int32_t> weights)
    {
        assert(weights.size() == initial_.size());
        std::copy(weights.begin(), weights.end(), initial_.begin());
    }

    // x: the first x.size() <= inputs() stretched values, the rest 0 (a zero input adds nothing
    // and its weight never moves, so they are simply left out); x must stay alive and unchanged
    // until update(). Returns a 12-bit probability.
    int predict(std::span<const int> x, int selector)
    {
        assert(x.size() <= static_cast<size_t>(inputs_));
        x_ = x;
        int32_t* set = row(selector);
        if (!set[kStartedSlot]) {
            std::copy(initial_.begin(), initial_.end(), set + kFirstWeight);
            set[kStartedSlot] = 1;
        }
        w_ = set + kFirstWeight;
        dot_ = mixer_dot(x.data(), w_, static_cast<int>(x.size())) >> 16;
        p_ = squash(clamp_stretch(dot_));
        return p_;
    }
    // The last predict()'s output in the stretched domain before clamping to +-2047.
    int64_t stretched_output() const { return dot_; }

    // Starts loading the weight set of `selector` (a large weight table misses the cache), as far
    // as its first `inputs` weights: the most that predict() will be given.
    void prefetch(int selector, int inputs) const
    {
        const auto* start = reinterpret_cast<const char*>(row(selector));
        const size_t bytes = (kFirstWeight + static_cast<size_t>(std::min(inputs, inputs_))) * sizeof(int32_t);
        for (size_t offset = 0; offset < bytes; offset += 64) prefetch_line(start + offset);
    }

    void update(int bit, int learning_rate)
    {
        if (!warmup_.empty()) {
            int32_t& n = w_[static_cast<ptrdiff_t>(kCountSlot) - static_cast<ptrdiff_t>(kFirstWeight)];  // at most warmup_.size() << kWarmupStepBits
            const size_t step = std::min<size_t>(static_cast<size_t>(n) >> kWarmupStepBits, warmup_.size() - 1);
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
        assert((factors.size() << kWarmupStepBits) <= size_t{INT32_MAX});
        warmup_ = factors;
    }

    static constexpr int kMaxRate = 64;

    // A prediction within `distance` / 4096 of the coded bit teaches nothing (context set 4): the
    // step would be tiny, and such bits are most of them in predictable data.
    void set_skip_below(int distance) { skip_below_ = distance; }

private:
    // A row: [warm-up count, started (0 until first used), 2 unused][weights][unused up to a
    // multiple of 16 entries], 64-byte aligned; the weights start 16 bytes in, as aligned as the
    // vector kernels like them.
    static constexpr size_t kCountSlot = 0, kStartedSlot = 1, kFirstWeight = 4;
    static constexpr int row_stride(int inputs) { return (static_cast<int>(kFirstWeight) + inputs + 15) / 16 * 16; }
    int32_t* row(int selector) { return &weights_[static_cast<size_t>(selector) * static_cast<size_t>(stride_)]; }
    const int32_t* row(int selector) const { return &weights_[static_cast<size_t>(selector) * static_cast<size_t>(stride_)]; }

    std::span<const uint16_t> warmup_;
    int skip_below_ = 0;
    static constexpr int32_t kWeightLimit = int32_t{1} << 22;  // |w| < 64
    int inputs_;
    int stride_;  // int32 entries per row
    ZeroedArray<int32_t> weights_;  // rows of stride_ entries (the array starts 128-byte aligned)
    std::vector<int32_t> initial_;  // a row's weights before its first use
    std::span<const int> x_;
    int32_t* w_ = nullptr;
    int p_ = kProbOne / 2;
    int64_t dot_ = 0;
};

}  // namespace nnz::mixing
