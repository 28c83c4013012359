#pragma once
// How much memory blocks in flight may take together: the writer compresses, and the reader
// decodes ahead, only as many blocks at once as fit (BlockCodec::memory_for each).
#include <cstdint>

namespace nnz {

// This machine's physical memory in bytes, 0 when the system does not say.
uint64_t physical_memory();

// The limit when the user sets none: half of the physical memory (1 GiB when unknown), so that a
// machine with many cores and little memory does not swap: 16 cores would otherwise run 16 blocks
// of the default preset at once, some 9 GiB.
uint64_t default_memory_limit();

// How many blocks of per_block bytes each fit in limit bytes; at least one (a single block runs
// whatever it needs).
uint64_t blocks_within(uint64_t limit, uint64_t per_block);

}  // namespace nnz
