#pragma once
// The logistic function at 16-bit precision for the last stage of context set 5: the coder then
// takes probabilities down to 1/65536 where the 12-bit path stops at 1/4096, which is what the
// near-certain bits of text (ASCII's top bit), DNA (five of eight bits per base) and tables cost
// most of. The table is built from portable_exp (IEEE basic operations only), so it is identical
// on every machine.
#include <cstdint>

namespace nnz::mixing {

inline constexpr int kFineProbBits = 16;
inline constexpr int kFineProbOne = 1 << kFineProbBits;
// Stretched values (scale 2^8) the fine squash accepts: +-11.25, p = 1 - 1/77,000 at the ends.
inline constexpr int kFineStretchLimit = 2880;

// 65536 / (1 + e^(-x / 256)) rounded, clamped to 1..65535; x is clamped to the limit.
int fine_squash(int x);

}  // namespace nnz::mixing
