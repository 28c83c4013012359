#pragma once
// Shared pieces of the exact LSTM algorithm used by both backends (reference_lstm.cpp spells the
// whole algorithm out in scalar loops; torch_lstm.cpp does the same with tensors).
#include <cstdint>
#include <span>
#include <vector>

#include "fixed_point.hpp"
#include "predictor.hpp"

namespace nnz::lstm {

// Multiplies by 2^-s (s > 0, with round_shift) or 2^|s| (s <= 0).
constexpr int64_t scale_shift(int64_t x, int s) { return s > 0 ? fx::round_shift(x, s) : x * (int64_t{1} << -s); }

// Gradient shifts from each accumulator's scale to the master scale, including the learning rate:
// matrix gradients are at 2^28 (2^16 error * 2^12 activation), bias/input gradients at 2^16.
inline int matrix_update_shift(const ModelShape& s) { return 28 - fx::kMasterShift + s.lr_shift; }
inline int vector_update_shift(const ModelShape& s) { return fx::kGradShift - fx::kMasterShift + s.lr_shift; }

// Compute weights from master weights: 2^24 -> 2^16.
inline void to_compute(std::span<const int64_t> master, std::vector<int64_t>& compute)
{
    compute.resize(master.size());
    for (size_t i = 0; i < master.size(); ++i) compute[i] = fx::round_shift(master[i], fx::kMasterToCompute);
}

inline void apply_update(std::span<int64_t> master, std::span<const int64_t> gradient, int shift)
{
    for (size_t i = 0; i < master.size(); ++i)
        master[i] = fx::clamp(master[i] - scale_shift(gradient[i], shift), -fx::kMasterLimit, fx::kMasterLimit);
}

// Derivatives from the table outputs (scale 2^12 in, 2^12 out).
constexpr int64_t sigmoid_slope(int64_t s) { return fx::round_shift(s * (fx::kActOne - s), fx::kActShift); }
constexpr int64_t tanh_slope(int64_t t) { return fx::round_shift(fx::kActOne * fx::kActOne - t * t, fx::kActShift); }

}  // namespace nnz::lstm
