#include "bit_image_model.hpp"

#include "../prefetch.hpp"
#include "adaptive_counter.hpp"
#include "logistic.hpp"

namespace nnz::mixing {
namespace {

// Tables start zeroed; a counter is stored XOR its initial value so that zero means "p = 1/2, unseen".
constexpr uint32_t load(uint32_t stored) { return stored ^ kCounterInit; }

// Images are stationary: counters settle to a slow rate.
constexpr int kCounterLimit = 1023;

constexpr int kSmallBits = 12, kMediumBits = 16, kLargeBits = 20;

// `count` pixels of a 24-bit row window (MSB first) centred on the pixel above bit `bit_index`
// of the middle byte: pixel x is bit 15 - bit_index of the window.
constexpr uint32_t around(uint32_t window, int bit_index, int half_width)
{
    return (window >> (15 - bit_index - half_width)) & ((1u << (2 * half_width + 1)) - 1);
}

}  // namespace

BitImageModel::BitImageModel(bool huge_pages)
    : small_(size_t{1} << kSmallBits), medium_(size_t{1} << kMediumBits), large_(size_t{1} << kLargeBits, huge_pages)
{}

void BitImageModel::begin_byte(std::span<const uint8_t> block, uint64_t position, uint64_t lane_start, uint32_t row_bytes,
                               uint64_t last_bytes)
{
    left_ = static_cast<uint32_t>(last_bytes & 0xFFFF);
    for (uint64_t row = 1; row <= above_.size(); ++row) {
        uint32_t window = 0;
        const uint64_t back = row * row_bytes;
        // Needs the byte left of the one above (position - back - 1) and the one right of it,
        // which must come before the current byte (back > 1).
        if (row_bytes > 0 && back > 1 && position >= lane_start + back + 1) {
            const uint64_t above = position - back;
            window = uint32_t{block[above - 1]} << 16 | uint32_t{block[above]} << 8 | block[above + 1];
        }
        above_[row - 1] = window;
    }
    select(1, 0);
}

void BitImageModel::select(int c0, int bit_index)
{
    // The pixels before this one in its row, newest lowest: the earlier bytes, then the bits so far.
    const uint32_t left = (left_ << bit_index) | (static_cast<uint32_t>(c0) & ((1u << bit_index) - 1));
    const uint32_t a1 = above_[0], a2 = above_[1], a3 = above_[2];
    index_[0] = (left & 0xF) | around(a1, bit_index, 2) << 4 | around(a2, bit_index, 1) << 9;
    index_[1] = (left & 0x3F) | around(a1, bit_index, 3) << 6 | around(a2, bit_index, 1) << 13;
    index_[2] = (left & 0x7F) | around(a1, bit_index, 3) << 7 | around(a2, bit_index, 2) << 14 | around(a3, bit_index, 0) << 19;
    prefetch_line(&medium_[index_[1]]);
    prefetch_line(&large_[index_[2]]);
}

void BitImageModel::predict(std::span<int> inputs) const
{
    inputs[0] = stretch(counter_p12(load(small_[index_[0]])));
    inputs[1] = stretch(counter_p12(load(medium_[index_[1]])));
    inputs[2] = stretch(counter_p12(load(large_[index_[2]])));
}

void BitImageModel::update(int bit, int c0, int bit_index)
{
    for (auto [table, index] : {std::pair{&small_, index_[0]}, std::pair{&medium_, index_[1]}, std::pair{&large_, index_[2]}}) {
        uint32_t counter = load((*table)[index]);
        update_counter(counter, bit, kCounterLimit);
        (*table)[index] = counter ^ kCounterInit;
    }
    if (bit_index < 8) select(c0, bit_index);
}

}  // namespace nnz::mixing
