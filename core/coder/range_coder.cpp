#include "coder/range_coder.hpp"

#include <string>

#include "error.hpp"

namespace nnz {

void RangeEncoder::finish()
{
    assert(!finished_);
    finished_ = true;
    // Pick the value in [low, low + range) with the most trailing zero bits. range >= 2^24, so a
    // multiple of 2^24 always fits: at most one significant byte of the 4-byte register remains.
    uint64_t value = low_;
    for (unsigned k = 32; k >= 24; --k) {
        const uint64_t mask = (uint64_t(1) << k) - 1;
        const uint64_t v = (low_ + mask) & ~mask;
        if (v - low_ < range_) {
            value = v;
            break;
        }
    }
    low_ = value;

    // Emit every byte of low (plus the cached byte and pending run, carry resolved): after five
    // shifts the four register bytes have all left the cache.
    const size_t before = out_.size();
    for (unsigned i = 0; i < range_coder_detail::kCodeBytes + 1; ++i) shift_low();

    // The decoder reads zeros past the end, so zero bytes at the tail need not be stored. Drop at
    // most four (the flush always wrote at least the four register bytes, so nothing before this
    // stream in out_ is touched): a complete stream then never makes the decoder read more than
    // kCodeBytes past the end (see RangeDecoder::overrun()).
    assert(out_.size() - before >= range_coder_detail::kCodeBytes);
    (void)before;
    size_t droppable = range_coder_detail::kCodeBytes;
    while (droppable != 0 && out_.back() == 0) {
        out_.pop_back();
        --droppable;
    }
}

SymbolTable SymbolTable::from_frequencies(std::span<const uint32_t, 256> freq)
{
    SymbolTable table;
    uint64_t sum = 0;
    for (unsigned s = 0; s < 256; ++s) {
        if (freq[s] == 0)
            throw Error(ErrorCode::Internal, "symbol table: frequency of symbol " + std::to_string(s) + " is 0");
        table.cum[s] = static_cast<uint32_t>(sum);
        sum += freq[s];
        if (sum > kFreqTotal) break;
    }
    if (sum != kFreqTotal)
        throw Error(ErrorCode::Internal,
                    "symbol table: frequencies sum to " + std::to_string(sum) + ", expected "
                        + std::to_string(kFreqTotal));
    table.cum[256] = kFreqTotal;
    return table;
}

}  // namespace nnz
