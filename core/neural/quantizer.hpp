#pragma once
// The one place where model outputs become coder frequencies. Integer-only: the same logits give
// the same table on every machine.
#include <cstdint>
#include <span>

namespace nnz {

// logits: 256 values at scale 2^8 (any range). freq_out: 256 frequencies, each >= 1, summing to
// exactly kFreqTotal (2^16). Softmax by table: e_i = exp(-(max - logit_i)); f_i = 1 +
// floor(e_i * (TOTAL - 256) / sum e) computed with a fixed-point reciprocal; what the floors leave
// over goes to the first most likely symbol.
void quantize_logits(std::span<const int64_t, 256> logits, std::span<uint32_t, 256> freq_out);

}  // namespace nnz
