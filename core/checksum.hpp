#pragma once
// XXH64 (seed 0) from Debian's libxxhash, the checksum of contents, blocks and the index.
#include <cstdint>
#include <memory>
#include <span>

namespace nnz {

uint64_t xxh64(std::span<const uint8_t> bytes);

class Xxh64Stream {
public:
    Xxh64Stream();
    ~Xxh64Stream();
    Xxh64Stream(const Xxh64Stream&) = delete;
    Xxh64Stream& operator=(const Xxh64Stream&) = delete;
    void update(std::span<const uint8_t> bytes);
    uint64_t digest() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace nnz
