#include "incompressible.hpp"

#include <array>
#include <vector>

namespace nnz {

bool looks_incompressible(std::span<const uint8_t> bytes)
{
    constexpr size_t kMinBytes = 4096;
    constexpr size_t kSampleLimit = size_t{4} << 20;  // the test reads at most the first 4 MiB
    if (bytes.size() < kMinBytes) return false;
    const std::span<const uint8_t> sample = bytes.first(std::min(bytes.size(), kSampleLimit));
    const uint64_t n = sample.size();

    // Collision entropy: uniform bytes give sum(c^2) ~ n^2/256 + n. Anything skewed enough to
    // save 2% at order 0 is worth modelling.
    std::array<uint64_t, 256> counts{};
    for (uint8_t b : sample) ++counts[b];
    uint64_t collisions = 0;
    for (uint64_t c : counts) collisions += c * c;
    const uint64_t uniform = n * n / 256 + n;
    if (collisions * 100 > uniform * 102) return false;

    // Repeats: 8-byte strings seen before (a 32-bit check per hash slot). Random data has
    // essentially none; anything with 1 repeat in 256 positions has structure a match model finds.
    std::vector<uint32_t> seen(size_t{1} << 16, 0);
    uint64_t window = 0, repeats = 0;
    for (uint64_t i = 0; i < n; ++i) {
        window = (window << 8) | sample[i];
        if (i < 7) continue;
        const uint64_t h = window * 0x9E3779B97F4A7C15ull;
        const uint32_t check = static_cast<uint32_t>(h) | 1u;
        uint32_t& slot = seen[h >> 48];
        repeats += slot == check;
        slot = check;
    }
    return repeats * 256 < n;
}

}  // namespace nnz
