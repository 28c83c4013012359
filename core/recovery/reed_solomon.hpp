#pragma once
// A systematic Reed-Solomon erasure code over GF(256) with a Cauchy matrix: k data shards and m
// parity shards (k + m <= 256), where parity shard i is the sum over j of C[i][j] * data shard j
// with C[i][j] = 1 / ((k + i) xor j). Every square submatrix of a Cauchy matrix is invertible, so
// any k of the k + m shards give back the rest: up to m lost shards, wherever they are, as long as
// it is known which ones (the recovery record keeps a checksum of every shard for that).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace nnz {

class CauchyCode {
public:
    // Throws Error(Internal) unless 1 <= data_shards, 1 <= parity_shards, data + parity <= 256.
    CauchyCode(size_t data_shards, size_t parity_shards);

    size_t data_shards() const { return data_shards_; }
    size_t parity_shards() const { return parity_shards_; }
    uint8_t coefficient(size_t parity, size_t data) const;

    // Adds data shard `data` (shorter than the parity shards: the rest counts as zeros) into
    // every parity shard; the parity shards start as zeros and are complete once every data
    // shard was added, in any order.
    void add_data_shard(size_t data, std::span<const uint8_t> bytes, std::span<const std::span<uint8_t>> parity) const;

    // Solving for lost data shards. With the lost shards' indices and as many intact parity
    // shards' indices, `syndromes` (one buffer per lost shard, filled by the caller with those
    // parity shards, in the order given) turn into the lost shards:
    //   1. start with syndrome[r] = parity shard used_parity[r];
    //   2. remove_known(j, bytes, syndromes) for every intact data shard j;
    //   3. solve(syndromes): syndrome[a] is now data shard lost[a].
    // Throws Error(Internal) for counts that do not fit the code.
    class Solver {
    public:
        Solver(const CauchyCode& code, std::vector<size_t> lost, std::vector<size_t> used_parity);
        void remove_known(size_t data, std::span<const uint8_t> bytes, std::span<const std::span<uint8_t>> syndromes) const;
        void solve(std::span<const std::span<uint8_t>> syndromes) const;

    private:
        const CauchyCode& code_;
        std::vector<size_t> lost_;
        std::vector<size_t> used_parity_;
        std::vector<uint8_t> inverse_;  // lost × lost, row-major: the inverse of C[used_parity][lost]
    };

private:
    size_t data_shards_;
    size_t parity_shards_;
};

}  // namespace nnz
