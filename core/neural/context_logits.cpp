#include "context_logits.hpp"

#include "../coder/range_coder.hpp"
#include "fixed_point.hpp"

namespace nnz {
namespace {
constexpr int64_t kRowLimit = 8191;  // |logit| < 32 nats at scale 2^8: fits int16
}

ContextLogits::ContextLogits(const ContextConfig& config, int lanes) : config_(config), history_(lanes, 0)
{
    for (int order = 1; order <= 6; ++order) {
        if (!(config.orders & (1u << (order - 1)))) continue;
        const uint64_t rows = rows_of_order(order, config.hash_bits);
        tables_.push_back({order, rows, ZeroedArray<int16_t>(rows * 256), ZeroedArray<uint8_t>(rows)});
    }
}

uint64_t ContextLogits::rows_of_order(int order, int hash_bits)
{
    return order == 1 ? 256 : order == 2 ? 65536 : uint64_t{1} << hash_bits;
}

uint64_t ContextLogits::row_index(int order, uint64_t history, int hash_bits)
{
    const uint64_t context = history & ((uint64_t{1} << (8 * order)) - 1);
    if (order <= 2) return context;
    // Multiplicative hashing (order mixed in so the hashed orders do not collide alike).
    const uint64_t h = (context ^ (uint64_t(order) << 56)) * 0x9E3779B97F4A7C15ull;
    return (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull >> (64 - hash_bits);
}

void ContextLogits::add(int lane, std::span<int64_t, 256> logits) const
{
    for (const Table& table : tables_) {
        const int16_t* row = &table.logits[row_of(table, history_[lane]) * 256];
        for (int i = 0; i < 256; ++i) logits[i] += row[i];
    }
}

void ContextLogits::learn(int lane, std::span<const uint32_t, 256> freqs, uint8_t symbol)
{
    // error_i = freq_i - TOTAL*[i == symbol] at scale 2^16; a step of 2^-lr_shift * error in nats
    // is error >> (16 - 8 + lr_shift) at the logit scale 2^8. A symbol other than the coded one
    // with freq < 2^(shift-1) rounds to a zero step for every table: only the others are visited
    // (identical results, a few entries instead of 256 per table).
    const int min_shift = 16 - fx::kLogitShift + config_.lr_shift;
    uint8_t moving[257];
    int moving_count = 0;
    for (int i = 0; i < 256; ++i)
        if (i == symbol || freqs[i] >= (1u << (min_shift - 1))) moving[moving_count++] = static_cast<uint8_t>(i);
    for (Table& table : tables_) {
        const uint64_t r = row_of(table, history_[lane]);
        int16_t* row = &table.logits[r * 256];
        int slower = 0;
        for (unsigned n = table.seen[r] + 1u; n > 1 && slower < config_.rate_limit; n >>= 1) ++slower;
        if (table.seen[r] < 255) ++table.seen[r];
        const int shift = 16 - fx::kLogitShift + config_.lr_shift + slower;
        for (int m = 0; m < moving_count; ++m) {
            const int i = moving[m];
            const int64_t error = int64_t{freqs[i]} - (i == symbol ? int64_t{kFreqTotal} : 0);
            row[i] = static_cast<int16_t>(fx::clamp(row[i] - fx::round_shift(error, shift), -kRowLimit, kRowLimit));
        }
    }
    history_[lane] = (history_[lane] << 8) | symbol;
}

}  // namespace nnz
