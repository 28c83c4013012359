#pragma once
// Shared pieces of the exact LSTM algorithm used by both backends (reference_lstm.cpp spells the
// whole algorithm out in scalar loops; torch_lstm.cpp does the same with tensors).
#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "fixed_point.hpp"
#include "predictor.hpp"

namespace nnz::lstm {

// Multiplies by 2^-s (s > 0, with round_shift) or 2^|s| (s <= 0).
constexpr int64_t scale_shift(int64_t x, int s) { return s > 0 ? fx::round_shift(x, s) : x * (int64_t{1} << -s); }

// Optimizer: per-tensor power-of-two normalised SGD. Plain SGD stalls on an LSTM (gradients are
// tiny while h is small); Adam needs sqrt and division, which are not exact. Instead each tensor's
// gradient is shifted so that its largest element moves its weight by 2^-lr_shift (within a factor
// of two). max|g| is order-independent and the shift is an exact power of two, so every backend
// computes the same update.
constexpr int bit_length(int64_t m)
{
    int e = 0;
    while (m > 0) ++e, m >>= 1;
    return e;
}
// Shift that maps a gradient whose largest magnitude is max_abs to steps of at most 2^-lr_shift
// (in master units 2^(24 - lr_shift)); 0 gradients give no update (callers skip them).
inline int normalised_update_shift(int64_t max_abs, const ModelShape& s)
{
    return bit_length(max_abs) - (fx::kMasterShift - s.lr_shift);
}

// Compute weights from master weights: 2^24 -> 2^16.
inline void to_compute(std::span<const int64_t> master, std::vector<int64_t>& compute)
{
    compute.resize(master.size());
    for (size_t i = 0; i < master.size(); ++i) compute[i] = fx::round_shift(master[i], fx::kMasterToCompute);
}

inline void apply_update(std::span<int64_t> master, std::span<const int64_t> gradient, const ModelShape& s)
{
    int64_t max_abs = 0;
    for (int64_t g : gradient) max_abs = std::max(max_abs, g < 0 ? -g : g);
    if (max_abs == 0) return;
    const int shift = normalised_update_shift(max_abs, s);
    for (size_t i = 0; i < master.size(); ++i)
        master[i] = fx::clamp(master[i] - scale_shift(gradient[i], shift), -fx::kMasterLimit, fx::kMasterLimit);
}

// Derivatives from the table outputs (scale 2^12 in, 2^12 out).
constexpr int64_t sigmoid_slope(int64_t s) { return fx::round_shift(s * (fx::kActOne - s), fx::kActShift); }
constexpr int64_t tanh_slope(int64_t t) { return fx::round_shift(fx::kActOne * fx::kActOne - t * t, fx::kActShift); }

}  // namespace nnz::lstm
