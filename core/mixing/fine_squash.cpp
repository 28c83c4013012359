#include "fine_squash.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "../neural/tables.hpp"

namespace nnz::mixing {
namespace {

std::vector<uint16_t> build_fine_squash()
{
    std::vector<uint16_t> table(2 * kFineStretchLimit + 1);
    for (int x = -kFineStretchLimit; x <= kFineStretchLimit; ++x) {
        const double p = kFineProbOne / (1.0 + portable_exp(-x / 256.0));
        table[static_cast<size_t>(x + kFineStretchLimit)] = static_cast<uint16_t>(std::clamp(std::floor(p + 0.5), 1.0, kFineProbOne - 1.0));
    }
    return table;
}

}  // namespace

int fine_squash(int x)
{
    static const std::vector<uint16_t> table = build_fine_squash();  // thread-safe, once
    return table[static_cast<size_t>(std::clamp(x, -kFineStretchLimit, kFineStretchLimit) + kFineStretchLimit)];
}

}  // namespace nnz::mixing
