#include "mixer_kernels.hpp"

#include <vector>

namespace nnz::mixing {
namespace {

// One body, compiled per target: the compiler vectorizes it for what the attribute allows.
#define NNZ_MIXER_KERNELS(SUFFIX, ATTRIBUTE)                                                              \
    ATTRIBUTE int64_t dot_##SUFFIX(const int* x, const int32_t* w, int count)                             \
    {                                                                                                      \
        int64_t dot = 0;                                                                                   \
        for (int i = 0; i < count; ++i) dot += int64_t{x[i]} * w[i];                                       \
        return dot;                                                                                        \
    }                                                                                                      \
    ATTRIBUTE void train_##SUFFIX(const int* x, int32_t* w, int count, int32_t error, int32_t limit)      \
    {                                                                                                      \
        for (int i = 0; i < count; ++i) {                                                                  \
            const int32_t v = w[i] + ((x[i] * error + 0x8000) >> 16);                                      \
            w[i] = v > limit ? limit : v < -limit ? -limit : v;                                            \
        }                                                                                                  \
    }

NNZ_MIXER_KERNELS(baseline, )
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define NNZ_HAVE_AVX2_KERNELS 1
NNZ_MIXER_KERNELS(avx2, __attribute__((target("avx2"))))
#endif

std::vector<MixerKernels> detect()
{
    std::vector<MixerKernels> runnable{{"baseline", dot_baseline, train_baseline}};
#ifdef NNZ_HAVE_AVX2_KERNELS
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2")) runnable.push_back({"avx2", dot_avx2, train_avx2});
#endif
    return runnable;
}

const std::vector<MixerKernels>& runnable()
{
    static const std::vector<MixerKernels> kernels = detect();
    return kernels;
}

}  // namespace

const MixerKernels& mixer_kernels()
{
    static const MixerKernels& best = runnable().back();
    return best;
}

std::span<const MixerKernels> runnable_mixer_kernels() { return runnable(); }

}  // namespace nnz::mixing
