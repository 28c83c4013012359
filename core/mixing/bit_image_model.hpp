#pragma once
// Pixel-aligned contexts for bilevel images (one bit per pixel, MSB first, rows of a fixed number
// of bytes, such as fax pages): the bytes of such an image are a poor context for its bits,
// because a byte boundary cuts through every shape. These contexts are the pixels around the one
// being coded: the last pixels of its own row and the pixels above it in the three rows before,
// taken bit-aligned across byte boundaries. The row length comes from the context mixer's
// image-row detector; without one the rows above read as white. Integer-only: direct tables of
// adaptive counters.
#include <array>
#include <cstdint>
#include <span>

#include "../zeroed_array.hpp"

namespace nnz::mixing {

class BitImageModel {
public:
    static constexpr int kContexts = 3;
    static constexpr int kInputs = kContexts;

    explicit BitImageModel(bool huge_pages);

    // At the start of the byte at `position` (every byte before `lane_start` in the block
    // belongs to another lane and is not yet known): reads the three rows above it.
    // `last_bytes`: the lane's recent bytes, newest lowest.
    void begin_byte(std::span<const uint8_t> block, uint64_t position, uint64_t lane_start, uint32_t row_bytes, uint64_t last_bytes);
    // Writes kInputs stretched predictions for the next bit.
    void predict(std::span<int> inputs) const;
    // The bit just coded; then c0 = the bits so far with a leading 1, `bit_index` of them.
    void update(int bit, int c0, int bit_index);

private:
    void select(int c0, int bit_index);  // the next bit's counters, whose loads start here
    // The bytes left of, above and right of the current one, in each row above: 24 bits, MSB first.
    std::array<uint32_t, 3> above_{};
    uint32_t left_ = 0;  // the two bytes before the current one
    std::array<uint32_t, kContexts> index_{};
    ZeroedArray<uint32_t> small_, medium_, large_;
};

}  // namespace nnz::mixing
