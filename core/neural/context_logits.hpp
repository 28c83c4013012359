#pragma once
// Causal context features for the exact model (DESIGN.md section 4): for each lane, the last 1..6
// bytes of that lane select a row of 256 learned logits per order, added to the network's logits.
// Rows learn from the same quantized error p - onehot as the network, after every coded symbol,
// so they adapt per occurrence (like PPM/CM statistics) while the network, trained every T steps,
// learns what the contexts miss. Integer-only and updated in lane order 0..B-1: deterministic.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "../zeroed_array.hpp"

namespace nnz {

struct ContextConfig {
    uint8_t orders = 0x3F;     // bit k set: order k+1 is used (orders 1..6)
    uint8_t hash_bits = 16;    // rows of each hashed order (3 and up): 2^hash_bits
    uint8_t lr_shift = 0;      // a new row moves by at most 2^-lr_shift nats per occurrence...
    uint8_t rate_limit = 4;    // ...and a row seen n times by 2^-(lr_shift + min(log2(n+1), rate_limit))
};

class ContextLogits {
public:
    ContextLogits(const ContextConfig& config, int lanes);
    // Adds the context rows of `lane` to its logits (scale 2^8) in place.
    void add(int lane, std::span<int64_t, 256> logits) const;
    // Learns from the frequencies used to code `symbol` in `lane`, then appends it to the lane's
    // history. Call for the lanes of a step in increasing lane order.
    void learn(int lane, std::span<const uint32_t, 256> freqs, uint8_t symbol);

    // The row of an order's table for a lane history (newest byte lowest): orders 1-2 index
    // directly, higher orders hash into 2^hash_bits rows. Public so the float twin uses the same rows.
    static uint64_t row_index(int order, uint64_t history, int hash_bits);
    static uint64_t rows_of_order(int order, int hash_bits);

private:
    struct Table {
        int order;
        uint64_t rows;
        ZeroedArray<int16_t> logits;  // rows * 256
        ZeroedArray<uint8_t> seen;    // per row: occurrences so far, saturating at 255
    };
    uint64_t row_of(const Table& table, uint64_t history) const { return row_index(table.order, history, config_.hash_bits); }

    ContextConfig config_;
    std::vector<Table> tables_;
    std::vector<uint64_t> history_;  // per lane: the last bytes, newest in the low byte
};

}  // namespace nnz
