#pragma once
// XXH64 (seed 0) from Debian's libxxhash, the checksum of contents, blocks and the index.
#include <cstdint>
#include <memory>
#include <span>

namespace nnz {

uint64_t xxh64(std::span<const uint8_t> bytes);

// Whether a checksum stored in an archive matches the one computed; every check of the reader
// goes through here. Fuzzing builds (fuzz/CMakeLists.txt defines the conventional
// FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION) accept any stored value, so the fuzzer reaches the
// parsing and decoding behind the checks: XXH64 catches accidents, not attackers, who can write
// correct checksums into a crafted archive anyway.
constexpr bool checksum_matches([[maybe_unused]] uint64_t stored, [[maybe_unused]] uint64_t computed)
{
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
    return true;
#else
    return stored == computed;
#endif
}

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
