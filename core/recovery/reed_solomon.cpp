#include "reed_solomon.hpp"

#include <algorithm>
#include <string>

#include "../error.hpp"
#include "gf256.hpp"

namespace nnz {
namespace {

[[noreturn]] void internal(const std::string& message)
{
    throw Error(ErrorCode::Internal, "Reed-Solomon: " + message);
}

// Gauss-Jordan elimination over GF(256); the matrix (n × n, row-major) must be invertible.
std::vector<uint8_t> invert(std::vector<uint8_t> matrix, size_t n)
{
    std::vector<uint8_t> result(n * n, 0);
    for (size_t i = 0; i < n; ++i) result[i * n + i] = 1;
    for (size_t column = 0; column < n; ++column) {
        size_t pivot = column;
        while (pivot < n && matrix[pivot * n + column] == 0) ++pivot;
        if (pivot == n) internal("singular matrix");
        if (pivot != column)
            for (size_t c = 0; c < n; ++c) {
                std::swap(matrix[pivot * n + c], matrix[column * n + c]);
                std::swap(result[pivot * n + c], result[column * n + c]);
            }
        const uint8_t scale = gf256::inverse(matrix[column * n + column]);
        for (size_t c = 0; c < n; ++c) {
            matrix[column * n + c] = gf256::mul(matrix[column * n + c], scale);
            result[column * n + c] = gf256::mul(result[column * n + c], scale);
        }
        for (size_t row = 0; row < n; ++row) {
            const uint8_t factor = matrix[row * n + column];
            if (row == column || factor == 0) continue;
            for (size_t c = 0; c < n; ++c) {
                matrix[row * n + c] ^= gf256::mul(factor, matrix[column * n + c]);
                result[row * n + c] ^= gf256::mul(factor, result[column * n + c]);
            }
        }
    }
    return result;
}

}  // namespace

CauchyCode::CauchyCode(size_t data_shards, size_t parity_shards)
    : data_shards_(data_shards), parity_shards_(parity_shards)
{
    if (data_shards == 0 || parity_shards == 0 || data_shards + parity_shards > 256)
        internal(std::to_string(data_shards) + " data and " + std::to_string(parity_shards) + " parity shards");
}

uint8_t CauchyCode::coefficient(size_t parity, size_t data) const
{
    // x_i = k + i and y_j = j are all distinct, so x_i xor y_j is never 0.
    return gf256::inverse(static_cast<uint8_t>((data_shards_ + parity) ^ data));
}

void CauchyCode::add_data_shard(size_t data, std::span<const uint8_t> bytes, std::span<const std::span<uint8_t>> parity) const
{
    if (data >= data_shards_ || parity.size() != parity_shards_) internal("shard out of range");
    for (size_t i = 0; i < parity_shards_; ++i) gf256::mul_add(parity[i], bytes, coefficient(i, data));
}

CauchyCode::Solver::Solver(const CauchyCode& code, std::vector<size_t> lost, std::vector<size_t> used_parity)
    : code_(code), lost_(std::move(lost)), used_parity_(std::move(used_parity))
{
    const size_t n = lost_.size();
    if (n == 0 || n != used_parity_.size() || n > code.parity_shards()) internal("cannot solve for these shards");
    for (size_t a = 0; a < n; ++a)
        if (lost_[a] >= code.data_shards() || used_parity_[a] >= code.parity_shards()) internal("shard out of range");
    std::vector<uint8_t> matrix(n * n);
    for (size_t r = 0; r < n; ++r)
        for (size_t a = 0; a < n; ++a) matrix[r * n + a] = code.coefficient(used_parity_[r], lost_[a]);
    inverse_ = invert(std::move(matrix), n);
}

void CauchyCode::Solver::remove_known(size_t data, std::span<const uint8_t> bytes,
                                      std::span<const std::span<uint8_t>> syndromes) const
{
    if (syndromes.size() != lost_.size()) internal("wrong number of syndromes");
    // In GF(2^8) subtracting is adding.
    for (size_t r = 0; r < used_parity_.size(); ++r)
        gf256::mul_add(syndromes[r], bytes, code_.coefficient(used_parity_[r], data));
}

void CauchyCode::Solver::solve(std::span<const std::span<uint8_t>> syndromes) const
{
    const size_t n = lost_.size();
    if (syndromes.size() != n) internal("wrong number of syndromes");
    const size_t size = syndromes[0].size();
    std::vector<std::vector<uint8_t>> solved(n, std::vector<uint8_t>(size, 0));
    for (size_t a = 0; a < n; ++a)
        for (size_t r = 0; r < n; ++r) gf256::mul_add(solved[a], syndromes[r], inverse_[a * n + r]);
    for (size_t a = 0; a < n; ++a) std::copy(solved[a].begin(), solved[a].end(), syndromes[a].begin());
}

}  // namespace nnz
