#include "gf256.hpp"

#include <array>

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
    for (size_t i = 0; i < size; ++i) out[i] ^= static_cast<uint8_t>(low[in[i] & 15] ^ high[in[i] >> 4]);
}

}  // namespace nnz::gf256
