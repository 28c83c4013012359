#pragma once
// A cheap test for data that no model will shrink (compressed media, archives, encrypted or random
// bytes), so such blocks are stored without spending neural time on them. Integer-only, so the
// same block gets the same verdict (and the archive the same bytes) on every machine.
#include <cstdint>
#include <span>

namespace nnz {

// True when the bytes look incompressible: a flat byte histogram (collision entropy within ~2% of
// 8 bits) and almost no repeated 8-byte strings. Blocks under 4 KiB always return false.
bool looks_incompressible(std::span<const uint8_t> bytes);

}  // namespace nnz
