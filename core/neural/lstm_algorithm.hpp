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

// apply_update restricted to the rows of a [rows][row_length] tensor whose gradient may be
// non-zero (the input embedding: only the bytes of the last T steps). Identical to apply_update
// on the whole tensor: a zero gradient neither moves a weight nor raises the largest |g|.
inline void apply_update_rows(std::span<int64_t> master, std::span<const int64_t> gradient, std::span<const int> rows, size_t row_length,
                              const ModelShape& s, std::vector<int64_t>& compute)
{
    int64_t max_abs = 0;
    for (int r : rows)
        for (size_t i = r * row_length; i < (r + 1) * row_length; ++i) max_abs = std::max(max_abs, gradient[i] < 0 ? -gradient[i] : gradient[i]);
    if (max_abs == 0) return;
    const int shift = normalised_update_shift(max_abs, s);
    for (int r : rows)
        for (size_t i = r * row_length; i < (r + 1) * row_length; ++i) {
            master[i] = fx::clamp(master[i] - scale_shift(gradient[i], shift), -fx::kMasterLimit, fx::kMasterLimit);
            compute[i] = fx::round_shift(master[i], fx::kMasterToCompute);
        }
}

// Derivatives from the table outputs (scale 2^12 in, 2^12 out).
constexpr int64_t sigmoid_slope(int64_t s) { return fx::round_shift(s * (fx::kActOne - s), fx::kActShift); }
constexpr int64_t tanh_slope(int64_t t) { return fx::round_shift(fx::kActOne * fx::kActOne - t * t, fx::kActShift); }

// Gate pre-activations of one lane, clamped and offset into the nonlinearity tables:
// z = h . U + (input[x] + bias) (scale 2^16 weights on 2^12 activations).
inline void gate_preactivations(int64_t H, const int64_t* h, const int64_t* recurrent, const int64_t* input_row,
                                const int64_t* gate_bias, int64_t* z)
{
    const int64_t G = 4 * H;
    for (int64_t j = 0; j < G; ++j) {
        int64_t acc = 0;
        for (int64_t k = 0; k < H; ++k) acc += h[k] * recurrent[k * G + j];
        acc += (input_row[j] + gate_bias[j]) * fx::kActOne;
        z[j] = fx::clamp(fx::round_shift(acc, fx::kWeightShift), -fx::kTableHalf, fx::kTableHalf - 1) + fx::kTableHalf;
    }
}

// From the pre-activation gradients dz of one lane: adds the gates' weight gradients (input row
// of the previous byte, recurrent, bias) and writes the gradient w.r.t. the previous h.
inline void gates_backward(int64_t H, const int64_t* dz, const int64_t* h_prev, const int64_t* recurrent,
                           int64_t* d_input_row, int64_t* d_recurrent, int64_t* d_gate_bias, int64_t* dh_prev)
{
    const int64_t G = 4 * H;
    for (int64_t j = 0; j < G; ++j) {
        d_gate_bias[j] += dz[j];
        d_input_row[j] += dz[j];
    }
    for (int64_t k = 0; k < H; ++k) {
        int64_t back = 0;
        for (int64_t j = 0; j < G; ++j) {
            d_recurrent[k * G + j] += h_prev[k] * dz[j];
            back += dz[j] * recurrent[k * G + j];
        }
        dh_prev[k] = fx::clamp(fx::round_shift(back, fx::kWeightShift), -fx::kGradLimit, fx::kGradLimit);
    }
}

// One unit of the cell, forward: table outputs i, f, g, o for the clamped pre-activations z (already
// offset by kTableHalf), the new cell and its tanh, and h.
struct UnitForward {
    int64_t i, f, g, o, cell, cell_tanh, h;
};
template <typename Tables>
inline UnitForward unit_forward(const Tables& tables, int64_t zi, int64_t zf, int64_t zg, int64_t zo, int64_t c_prev)
{
    UnitForward u{tables.sigmoid[zi], tables.sigmoid[zf], tables.tanh[zg], tables.sigmoid[zo], 0, 0, 0};
    u.cell = fx::clamp(fx::round_shift(u.f * c_prev + u.i * u.g, fx::kActShift), -fx::kCellLimit, fx::kCellLimit);
    u.cell_tanh = tables.tanh[u.cell + fx::kTableHalf];
    u.h = fx::round_shift(u.o * u.cell_tanh, fx::kActShift);
    return u;
}

// One unit of the cell, backward: from dh (clamped, including what came from later steps) to the
// four pre-activation gradients; dc_next carries the cell gradient to the step before.
inline void unit_backward(int64_t dh, int64_t i, int64_t f, int64_t g, int64_t o, int64_t cell_tanh, int64_t c_prev,
                          int64_t& dc_next, int64_t& dz_i, int64_t& dz_f, int64_t& dz_g, int64_t& dz_o)
{
    const int64_t d_o = fx::round_shift(dh * cell_tanh, fx::kActShift);
    const int64_t dc = fx::clamp(fx::round_shift(fx::round_shift(dh * o, fx::kActShift) * tanh_slope(cell_tanh), fx::kActShift) + dc_next,
                                 -fx::kGradLimit, fx::kGradLimit);
    const int64_t d_i = fx::round_shift(dc * g, fx::kActShift);
    const int64_t d_g = fx::round_shift(dc * i, fx::kActShift);
    const int64_t d_f = fx::round_shift(dc * c_prev, fx::kActShift);
    dc_next = fx::round_shift(dc * f, fx::kActShift);
    dz_i = fx::round_shift(d_i * sigmoid_slope(i), fx::kActShift);
    dz_f = fx::round_shift(d_f * sigmoid_slope(f), fx::kActShift);
    dz_g = fx::round_shift(d_g * tanh_slope(g), fx::kActShift);
    dz_o = fx::round_shift(d_o * sigmoid_slope(o), fx::kActShift);
}

}  // namespace nnz::lstm
