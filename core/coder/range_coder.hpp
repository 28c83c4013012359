#pragma once
// Carry-propagating range coder (LZMA-style: 64-bit low, 32-bit range, a cached byte plus a count
// of pending 0xFF bytes that a later carry may still turn into 0x00).
//
// Interval arithmetic: a symbol [cum, cum+freq) of a total T = 1 << total_bits maps the current
// range R onto [floor(R*cum/T), floor(R*(cum+freq)/T)). Unlike the classic "r = R / T" form this
// wastes no code space (the top symbol ends exactly at R), so the coded size stays within a
// few bytes of the ideal even for extremely skewed tables. R >= 2^24 after normalisation and
// T <= 2^16, so every symbol gets a sub-range of at least 2^8 - 1 >= 1.
//
// Stream layout: no leading dummy byte; finish() writes the shortest tail that pins a value inside
// the final interval (trailing zero bytes are dropped, the decoder reads zeros past the end).
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace nnz {

inline constexpr unsigned kFreqBits = 16;  // every frequency table sums to exactly 1 << kFreqBits
inline constexpr uint32_t kFreqTotal = 1u << kFreqBits;

namespace range_coder_detail {
inline constexpr uint32_t kTop = 1u << 24;  // normalise when range drops below this
inline constexpr unsigned kCodeBytes = 4;   // bytes held in the decoder's code register
}  // namespace range_coder_detail

class RangeEncoder {
public:
    explicit RangeEncoder(std::vector<uint8_t>& out) : out_(out) {}

    // Codes [cum, cum+freq) of a total of (1 << total_bits); requires freq >= 1,
    // cum + freq <= 1 << total_bits, 1 <= total_bits <= 16.
    void encode(uint32_t cum, uint32_t freq, unsigned total_bits)
    {
        assert(freq >= 1 && total_bits >= 1 && total_bits <= 16);
        assert(uint64_t(cum) + freq <= (uint64_t(1) << total_bits));
        const uint64_t r = range_;
        const uint64_t lo = (r * cum) >> total_bits;
        const uint64_t hi = (r * (cum + freq)) >> total_bits;
        low_ += lo;
        range_ = static_cast<uint32_t>(hi - lo);
        while (range_ < range_coder_detail::kTop) {
            range_ <<= 8;
            shift_low();
        }
    }

    // A binary decision: a 1 takes [0, p1) of 1 << total_bits, a 0 the rest (0 < p1 < that).
    void encode_bit(int bit, uint32_t p1, unsigned total_bits)
    {
        if (bit) encode(0, p1, total_bits);
        else encode(p1, (1u << total_bits) - p1, total_bits);
    }

    void finish();  // flushes; call exactly once

private:
    void shift_low()
    {
        // low_ < 2^33: bit 32 is a carry into the cached byte and the pending 0xFF run.
        if (static_cast<uint32_t>(low_) < 0xFF000000u || (low_ >> 32) != 0) {
            const uint8_t carry = static_cast<uint8_t>(low_ >> 32);
            if (have_cache_) out_.push_back(static_cast<uint8_t>(cache_ + carry));
            for (; pending_ != 0; --pending_) out_.push_back(static_cast<uint8_t>(0xFF + carry));
            cache_ = static_cast<uint8_t>(low_ >> 24);
            have_cache_ = true;
        } else {
            ++pending_;  // top byte is 0xFF: it may still become 0x00 with a carry
        }
        low_ = (low_ & 0x00FFFFFFu) << 8;
    }

    std::vector<uint8_t>& out_;
    uint64_t low_ = 0;
    uint32_t range_ = 0xFFFFFFFFu;
    uint8_t cache_ = 0;
    bool have_cache_ = false;  // false until the first byte leaves low_ (no carry can reach it before)
    uint64_t pending_ = 0;
    bool finished_ = false;
};

class RangeDecoder {
public:
    // Reading past the end yields zero bytes and sets overrun().
    explicit RangeDecoder(std::span<const uint8_t> in) : in_(in)
    {
        for (unsigned i = 0; i < range_coder_detail::kCodeBytes; ++i) code_ = (code_ << 8) | next_byte();
    }

    // Value in [0, 1 << total_bits) that locates the symbol: the symbol is the s with
    // cum[s] <= target < cum[s] + freq[s].
    uint32_t target(unsigned total_bits) const
    {
        assert(total_bits >= 1 && total_bits <= 16);
        // Largest t with floor(range * t / T) <= code, i.e. ((code + 1) * T - 1) / range.
        const uint64_t t = (((uint64_t(code_) + 1) << total_bits) - 1) / range_;
        const uint64_t max = (uint64_t(1) << total_bits) - 1;
        return static_cast<uint32_t>(t < max ? t : max);  // only garbage input exceeds max
    }

    void consume(uint32_t cum, uint32_t freq, unsigned total_bits)
    {
        assert(freq >= 1 && total_bits >= 1 && total_bits <= 16);
        assert(uint64_t(cum) + freq <= (uint64_t(1) << total_bits));
        const uint64_t r = range_;
        const uint64_t lo = (r * cum) >> total_bits;
        const uint64_t hi = (r * (cum + freq)) >> total_bits;
        code_ -= static_cast<uint32_t>(lo);  // wraps harmlessly (unsigned) on garbage input
        range_ = static_cast<uint32_t>(hi - lo);
        while (range_ < range_coder_detail::kTop) {
            range_ <<= 8;
            code_ = (code_ << 8) | next_byte();
        }
    }

    // The decision encode_bit() coded. Equal to comparing target() with p1 and consuming, but
    // without target()'s division: the 1s' interval ends at floor(range * p1 / T), so the bit is
    // 1 exactly when the code lies below that.
    int decode_bit(uint32_t p1, unsigned total_bits)
    {
        assert(p1 >= 1 && total_bits >= 1 && total_bits <= 16 && p1 < (1u << total_bits));
        const uint32_t split = static_cast<uint32_t>((uint64_t(range_) * p1) >> total_bits);
        int bit;
        if (code_ < split) {
            range_ = split;
            bit = 1;
        } else {
            code_ -= split;
            range_ -= split;
            bit = 0;
        }
        while (range_ < range_coder_detail::kTop) {
            range_ <<= 8;
            code_ = (code_ << 8) | next_byte();
        }
        return bit;
    }

    // True if the decoder had to read more bytes than the input had beyond the normal lookahead
    // (the 4-byte code register). A complete stream decoded with the same calls never does; a
    // truncated one (or decoding more symbols than were coded) generally does.
    bool overrun() const { return past_end_ > range_coder_detail::kCodeBytes; }

private:
    uint32_t next_byte()
    {
        if (pos_ < in_.size()) return in_[pos_++];
        ++past_end_;
        return 0;
    }

    std::span<const uint8_t> in_;
    size_t pos_ = 0;
    uint64_t past_end_ = 0;
    uint32_t code_ = 0;
    uint32_t range_ = 0xFFFFFFFFu;
};

// A 256-symbol frequency table with prefix sums; frequencies >= 1 that sum to kFreqTotal.
struct SymbolTable {
    std::array<uint32_t, 257> cum{};  // cum[s] = sum of freq[0..s); cum[256] = kFreqTotal
    // Throws nnz::Error(ErrorCode::Internal, ...) if a frequency is 0 or the sum is not kFreqTotal.
    static SymbolTable from_frequencies(std::span<const uint32_t, 256> freq);
    uint32_t freq(unsigned s) const { return cum[s + 1] - cum[s]; }
};

inline void encode_symbol(RangeEncoder& enc, const SymbolTable& table, uint8_t symbol)
{
    enc.encode(table.cum[symbol], table.cum[symbol + 1u] - table.cum[symbol], kFreqBits);
}

inline uint8_t decode_symbol(RangeDecoder& dec, const SymbolTable& table)
{
    const uint32_t t = dec.target(kFreqBits);
    // Largest s with cum[s] <= t (cum[0] == 0 <= t); branch-free binary search over 256 symbols.
    unsigned s = 0;
    for (unsigned step = 128; step != 0; step >>= 1)
        s += (table.cum[s + step] <= t) ? step : 0;
    dec.consume(table.cum[s], table.cum[s + 1] - table.cum[s], kFreqBits);
    return static_cast<uint8_t>(s);
}

}  // namespace nnz
