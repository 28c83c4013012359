#pragma once
// Lookup tables for the nonlinearities. Built from a portable exp written with IEEE basic
// operations only (correctly rounded everywhere, no libm, FMA contraction disabled by the build),
// so every machine builds bit-identical tables.
#include <cstdint>
#include <vector>

namespace nnz {

struct NonlinearityTables {
    std::vector<int32_t> sigmoid;  // kTableSize entries: round(2^12 * sigmoid((i - kTableHalf) / 2^12))
    std::vector<int32_t> tanh;     // kTableSize entries: round(2^12 * tanh((i - kTableHalf) / 2^12))
    std::vector<int64_t> exp;      // kExpTableSize entries: round(2^20 * exp(-d / 2^8))
};

const NonlinearityTables& nonlinearity_tables();  // built once, thread-safe

double portable_exp(double x);  // exposed for tests

}  // namespace nnz
