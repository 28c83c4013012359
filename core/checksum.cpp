#include "checksum.hpp"

#define XXH_STATIC_LINKING_ONLY  // exposes XXH64_state_t so it can live inside our RAII state
#include <xxhash.h>

namespace nnz {

uint64_t xxh64(std::span<const uint8_t> bytes) { return XXH64(bytes.data(), bytes.size(), 0); }

struct Xxh64Stream::State {
    XXH64_state_t state;
};

Xxh64Stream::Xxh64Stream() : state_(std::make_unique<State>()) { XXH64_reset(&state_->state, 0); }
Xxh64Stream::~Xxh64Stream() = default;
void Xxh64Stream::update(std::span<const uint8_t> bytes)
{
    XXH64_update(&state_->state, bytes.data(), bytes.size());
}
uint64_t Xxh64Stream::digest() const { return XXH64_digest(&state_->state); }

}  // namespace nnz
