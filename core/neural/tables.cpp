#include "tables.hpp"

#include <cmath>

#include "fixed_point.hpp"

namespace nnz {

double portable_exp(double x)
{
    // exp(x) = 2^k * exp(r), r = x - k*ln2 in [-ln2/2, ln2/2]; Taylor series of exp(r) to degree 18
    // (error far below one double ulp for |r| < 0.35). Only +, -, *, / and ldexp: all exactly
    // specified by IEEE 754, so the result is the same on every conforming machine.
    constexpr double ln2 = 0.6931471805599453094;
    const double k = std::floor(x / ln2 + 0.5);
    const double r = x - k * ln2;
    double term = 1.0;
    double sum = 1.0;
    for (int n = 1; n <= 18; ++n) {
        term = term * r / n;
        sum = sum + term;
    }
    return std::ldexp(sum, static_cast<int>(k));
}

namespace {

NonlinearityTables build_tables()
{
    NonlinearityTables t;
    t.sigmoid.resize(fx::kTableSize);
    t.tanh.resize(fx::kTableSize);
    for (int64_t i = 0; i < fx::kTableSize; ++i) {
        const double v = static_cast<double>(i - fx::kTableHalf) / fx::kActOne;
        const double s = 1.0 / (1.0 + portable_exp(-v));
        const double th = 2.0 / (1.0 + portable_exp(-2.0 * v)) - 1.0;
        t.sigmoid[i] = static_cast<int32_t>(std::floor(s * fx::kActOne + 0.5));
        t.tanh[i] = static_cast<int32_t>(std::floor(th * fx::kActOne + 0.5));
    }
    t.exp.resize(fx::kExpTableSize);
    for (int64_t d = 0; d < fx::kExpTableSize; ++d) {
        const double e = portable_exp(-static_cast<double>(d) / (1 << fx::kLogitShift));
        t.exp[d] = static_cast<int64_t>(std::floor(e * (int64_t{1} << fx::kExpShift) + 0.5));
    }
    return t;
}

}  // namespace

const NonlinearityTables& nonlinearity_tables()
{
    static const NonlinearityTables tables = build_tables();
    return tables;
}

}  // namespace nnz
