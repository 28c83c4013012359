#pragma once
// The mixer's inner loops, compiled once per instruction set (baseline, and AVX2 on x86-64) and
// chosen once at start-up from what the CPU supports. They are integer-only and every sum is
// exact, so each version returns the same numbers: the choice changes speed, never a bit of an
// archive (tst_mixing runs every version this CPU can run against plain int64 arithmetic).
#include <cstdint>
#include <span>

namespace nnz::mixing {

struct MixerKernels {
    const char* name;
    // sum of x[i] * w[i] (|x| <= 2047, |w| <= 2^22: the sum fits int64 for any count we use)
    int64_t (*dot)(const int* x, const int32_t* w, int count);
    // w[i] += (x[i] * error + 2^15) >> 16, clamped to |w| <= limit. |x * error| < 2^31 (the
    // caller keeps |error| <= 4095 * 64), so the products fit int32.
    void (*train)(const int* x, int32_t* w, int count, int32_t error, int32_t limit);
};

const MixerKernels& mixer_kernels();               // the fastest this CPU runs
std::span<const MixerKernels> runnable_mixer_kernels();  // every version this CPU runs

inline int64_t mixer_dot(const int* x, const int32_t* w, int count) { return mixer_kernels().dot(x, w, count); }
inline void mixer_train(const int* x, int32_t* w, int count, int32_t error, int32_t limit)
{
    mixer_kernels().train(x, w, count, error, limit);
}

}  // namespace nnz::mixing
