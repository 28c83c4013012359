#pragma once
// An adaptive bit probability packed in 32 bits: the probability of a 1 in the top 22 bits and
// the number of updates seen (saturating at a limit) in the low 10. Each update moves the
// probability by 2/(2n+3) of the error: fast while a context is new, steadier (down to the
// limit's rate) once it has history. Integer-only, so identical on every machine.
#include <array>
#include <cstdint>

#include "logistic.hpp"

namespace nnz::mixing {

inline constexpr uint32_t kCounterInit = (uint32_t{1} << 21) << 10;  // p = 1/2, n = 0

namespace detail {
constexpr std::array<int32_t, 1024> build_rates()
{
    std::array<int32_t, 1024> rates{};
    for (int n = 0; n < 1024; ++n) rates[n] = static_cast<int32_t>(2 * 65536 / (2 * n + 3));
    return rates;
}
inline constexpr std::array<int32_t, 1024> kCounterRates = build_rates();
}  // namespace detail

constexpr int counter_p12(uint32_t counter) { return clamp_prob(static_cast<int>(counter >> 20)); }
constexpr int counter_count(uint32_t counter) { return static_cast<int>(counter & 1023); }

constexpr void update_counter(uint32_t& counter, int bit, int limit)
{
    const int n = static_cast<int>(counter & 1023);
    int64_t p = counter >> 10;
    const int64_t target = bit ? (int64_t{1} << 22) - 1 : 0;
    p += ((target - p) * detail::kCounterRates[n]) >> 16;
    counter = (static_cast<uint32_t>(p) << 10) | static_cast<uint32_t>(n < limit ? n + 1 : n);
}

}  // namespace nnz::mixing
