#include "memory_budget.hpp"

#include <unistd.h>

#include <algorithm>

namespace nnz {

uint64_t physical_memory()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long page_size = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || page_size <= 0) return 0;
    return static_cast<uint64_t>(pages) * static_cast<uint64_t>(page_size);
}

uint64_t default_memory_limit()
{
    const uint64_t physical = physical_memory();
    return physical == 0 ? uint64_t{1} << 30 : physical / 2;
}

uint64_t blocks_within(uint64_t limit, uint64_t per_block)
{
    return per_block == 0 ? UINT64_MAX : std::max<uint64_t>(1, limit / per_block);
}

}  // namespace nnz
