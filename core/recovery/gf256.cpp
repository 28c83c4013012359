#include "gf256.hpp"

#include <array>
#include <cstddef>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "../error.hpp"

namespace nnz::gf256 {
namespace {

struct Tables {
    std::array<uint8_t, 512> exp{};  // doubled, so exp[log a + log b] needs no reduction
    std::array<uint8_t, 256> log{};

    constexpr Tables()
    {
        unsigned x = 1;
        for (unsigned i = 0; i < 255; ++i) {
            exp[i] = static_cast<uint8_t>(x);
            log[x] = static_cast<uint8_t>(i);
            x <<= 1;
            if (x & 0x100) x ^= 0x11D;
        }
        for (unsigned i = 255; i < 512; ++i) exp[i] = exp[i - 255];
    }
};

constexpr Tables kTables;

#if defined(__x86_64__)
// 32 bytes at a time: the two nibble tables as byte shuffles. Exact integer work like the loop
// after it, so the result is the same bytes with or without AVX2. Returns how many it did.
__attribute__((target("avx2"))) size_t mul_add_avx2(uint8_t* out, const uint8_t* in, size_t size,
                                                    const std::array<uint8_t, 16>& low, const std::array<uint8_t, 16>& high)
{
    const __m256i low_table = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(low.data())));
    const __m256i high_table = _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(high.data())));
    const __m256i nibble = _mm256_set1_epi8(0x0f);
    size_t i = 0;
    for (; i + 32 <= size; i += 32) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + i));
        const __m256i product = _mm256_xor_si256(_mm256_shuffle_epi8(low_table, _mm256_and_si256(x, nibble)),
                                                 _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi64(x, 4), nibble)));
        const __m256i sum = _mm256_xor_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(out + i)), product);
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + i), sum);
    }
    return i;
}

const bool kHaveAvx2 = __builtin_cpu_supports("avx2");
#endif

}  // namespace

uint8_t mul(uint8_t a, uint8_t b)
{
    if (a == 0 || b == 0) return 0;
    return kTables.exp[kTables.log[a] + kTables.log[b]];
}

uint8_t inverse(uint8_t a)
{
    if (a == 0) throw Error(ErrorCode::Internal, "GF(256): inverse of 0");
    return kTables.exp[255 - kTables.log[a]];
}

void mul_add(std::span<uint8_t> dst, std::span<const uint8_t> src, uint8_t c)
{
    if (dst.size() < src.size()) throw Error(ErrorCode::Internal, "GF(256): mul_add into a shorter buffer");
    if (c == 0) return;
    // c * x = c * (high nibble << 4) ^ c * (low nibble): two 16-entry tables instead of a
    // multiplication per byte.
    std::array<uint8_t, 16> low{}, high{};
    for (unsigned n = 0; n < 16; ++n) {
        low[n] = mul(c, static_cast<uint8_t>(n));
        high[n] = mul(c, static_cast<uint8_t>(n << 4));
    }
    uint8_t* out = dst.data();
    const uint8_t* in = src.data();
    const size_t size = src.size();
    size_t i = 0;
#if defined(__x86_64__)
    if (kHaveAvx2) i = mul_add_avx2(out, in, size, low, high);
#endif
    for (; i < size; ++i) out[i] ^= static_cast<uint8_t>(low[in[i] & 15] ^ high[in[i] >> 4]);
}

}  // namespace nnz::gf256
