#include "quantizer.hpp"

#include "../coder/range_coder.hpp"
#include "fixed_point.hpp"
#include "tables.hpp"

namespace nnz {

void quantize_logits(std::span<const int64_t, 256> logits, std::span<uint32_t, 256> freq_out)
{
    const auto& exp_table = nonlinearity_tables().exp;
    int64_t max_logit = logits[0];
    int argmax = 0;
    for (int i = 1; i < 256; ++i)
        if (logits[i] > max_logit) max_logit = logits[i], argmax = i;

    uint64_t weights[256];
    uint64_t sum = 0;
    for (int i = 0; i < 256; ++i) {
        const int64_t d = max_logit - logits[i];
        weights[i] = d < fx::kExpTableSize ? static_cast<uint64_t>(exp_table[d]) : 0;
        sum += weights[i];
    }
    // sum >= 2^20 (the max itself), weights <= 2^20: reciprocal <= 2^56 / 2^20 * 2^16 = 2^52... we
    // use 40 fraction bits: e * R < 2^20 * (2^16 * 2^40 / 2^20) = 2^56, no overflow.
    constexpr uint64_t spread = kFreqTotal - 256;
    const uint64_t reciprocal = (spread << 40) / sum;
    uint32_t total = 0;
    for (int i = 0; i < 256; ++i) {
        freq_out[i] = 1 + static_cast<uint32_t>((weights[i] * reciprocal) >> 40);
        total += freq_out[i];
    }
    freq_out[argmax] += kFreqTotal - total;  // total <= kFreqTotal because every floor rounds down
}

}  // namespace nnz
