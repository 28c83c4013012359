#pragma once
// The logistic domain of the context mixer, in integers only (deterministic by construction):
//   probabilities are 12-bit (1..4095 of 4096), "stretched" values are ln(p / (1 - p)) at scale
//   2^8, clamped to [-2047, 2047]. squash() interpolates a 33-point table of the logistic curve;
//   stretch() is its exact inverse built from it, so stretch(squash(x)) round-trips on the grid.
#include <array>
#include <cstdint>

namespace nnz::mixing {

inline constexpr int kProbBits = 12;
inline constexpr int kProbOne = 1 << kProbBits;
inline constexpr int kStretchLimit = 2047;

constexpr int squash(int x)
{
    constexpr int knots[33] = {1,    2,    3,    6,    10,   16,   27,   45,   73,   120,  194,
                               310,  488,  747,  1101, 1546, 2047, 2549, 2994, 3348, 3607, 3785,
                               3901, 3975, 4022, 4050, 4068, 4079, 4085, 4089, 4092, 4093, 4094};
    if (x > kStretchLimit) return kProbOne - 1;
    if (x < -kStretchLimit) return 1;
    const int w = x & 127;
    const int i = (x >> 7) + 16;
    return (knots[i] * (128 - w) + knots[i + 1] * w + 64) >> 7;
}

namespace detail {
constexpr std::array<int16_t, kProbOne> build_stretch()
{
    std::array<int16_t, kProbOne> table{};
    int next = 0;
    for (int x = -kStretchLimit; x <= kStretchLimit; ++x) {
        const int p = squash(x);
        for (int i = next; i <= p; ++i) table[i] = static_cast<int16_t>(x);
        next = p + 1;
    }
    for (int i = next; i < kProbOne; ++i) table[i] = kStretchLimit;
    return table;
}
inline constexpr std::array<int16_t, kProbOne> kStretchTable = build_stretch();
}  // namespace detail

constexpr int stretch(int p) { return detail::kStretchTable[p]; }

constexpr int clamp_stretch(int64_t x) { return x > kStretchLimit ? kStretchLimit : x < -kStretchLimit ? -kStretchLimit : static_cast<int>(x); }
constexpr int clamp_prob(int p) { return p < 1 ? 1 : p > kProbOne - 1 ? kProbOne - 1 : p; }

}  // namespace nnz::mixing
