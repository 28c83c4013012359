#pragma once
// Arithmetic in GF(2^8) (polynomial x^8 + x^4 + x^3 + x^2 + 1, 0x11D), the field of the recovery
// record's Reed-Solomon code. Integer table lookups only: the same bytes on every machine.
#include <cstdint>
#include <span>

namespace nnz::gf256 {

uint8_t mul(uint8_t a, uint8_t b);
// The multiplicative inverse; a must not be 0.
uint8_t inverse(uint8_t a);
// dst[i] ^= c * src[i] for every i < src.size() (dst at least as long).
void mul_add(std::span<uint8_t> dst, std::span<const uint8_t> src, uint8_t c);

}  // namespace nnz::gf256
