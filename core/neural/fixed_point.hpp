#pragma once
// Fixed-point conventions of the exact LSTM (DESIGN.md section 2). Every number on the coding
// path is an integer; the torch backend carries those integers in float64 tensors, the scalar
// reference in int64. As long as every sum a GEMM can form stays below 2^53, float64 arithmetic on
// them is exact, and an exact result cannot depend on summation order, blocking, FMA, SIMD width,
// thread count, BLAS library or device.
//
// Scales (value = integer / 2^shift):
//   activations, gates, cell (h, c, i, f, g, o, table outputs)   2^12   |h|,|gate| <= 2^12, |c| <= 2^15
//   compute weights (used in every product)                      2^16   |w| <= 2^19  (real |w| <= 8)
//   master weights (what the optimizer updates)                  2^24   |m| <  2^27
//   gradients w.r.t. activations and pre-activations             2^16   clamped to |g| <= 2^20
//   output-layer error dy = freq - TOTAL*[target]                2^16   |dy| <= 2^16
//   logits handed to the softmax table                           2^8
//
// Budget per GEMM (H = hidden, B = lanes, T = steps per training step; asserted in debug builds by
// the reference model, and by max_settings_fit() for every settings block we accept):
//   z  = h.U          : 2^12 * 2^19 * H          = 2^31 * H       (H <= 1024  -> < 2^41)
//   y  = h.V          : 2^12 * 2^19 * H          = 2^31 * H
//   dh = dy.V^T       : 2^16 * 2^19 * 256        = 2^43
//   dh'= dz.U^T       : 2^20 * 2^19 * 4H         = 2^41 * H       (H <= 1024  -> < 2^51)
//   dU = h^T.dz       : 2^12 * 2^20 * T*B        = 2^32 * T*B     (T*B <= 2^16 -> < 2^48)
//   dV = h^T.dy       : 2^12 * 2^16 * T*B        = 2^28 * T*B
#include <cstdint>

namespace nnz::fx {

inline constexpr int kActShift = 12;
inline constexpr int64_t kActOne = int64_t{1} << kActShift;
inline constexpr int kWeightShift = 16;
inline constexpr int kMasterShift = 24;
inline constexpr int kMasterToCompute = kMasterShift - kWeightShift;  // 8
inline constexpr int64_t kMasterLimit = (int64_t{1} << 27) - 1;        // real |w| < 8
inline constexpr int kGradShift = 16;
inline constexpr int64_t kGradLimit = int64_t{1} << 20;
inline constexpr int64_t kCellLimit = (int64_t{1} << 15) - 1;          // |c| < 8
inline constexpr int kLogitShift = 8;

// Nonlinearity tables cover pre-activations in [-8, 8) at the activation scale.
inline constexpr int64_t kTableHalf = int64_t{1} << 15;
inline constexpr int64_t kTableSize = 2 * kTableHalf;

// Softmax: exp(-d / 2^kLogitShift) for d in [0, kExpTableSize), scaled by 2^kExpShift; beyond the
// table the weight is 0 (e^-24 is below what a 16-bit frequency can express anyway).
inline constexpr int kExpShift = 20;
inline constexpr int64_t kExpTableSize = 24 << kLogitShift;

inline constexpr int kMaxHidden = 1024;
inline constexpr int kMaxTrainBatch = 1 << 16;  // T * B

// floor(x / 2^s + 1/2): the one rounding rule of the model. With an arithmetic right shift this is
// exactly what the float64 path computes as floor(x * 2^-s + 0.5).
constexpr int64_t round_shift(int64_t x, int s) { return (x + (int64_t{1} << (s - 1))) >> s; }
constexpr int64_t clamp(int64_t x, int64_t lo, int64_t hi) { return x < lo ? lo : (x > hi ? hi : x); }

}  // namespace nnz::fx
