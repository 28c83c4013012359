#pragma once
// Adaptive probability map (SSE): refines a probability given a small context by interpolating
// between 33 learned points along the stretched input, then moves the nearer point toward each
// coded bit. Integer-only.
#include <algorithm>
#include <cstdint>

#include "../prefetch.hpp"
#include "../zeroed_array.hpp"
#include "logistic.hpp"

namespace nnz::mixing {

class Apm {
public:
    // huge_pages: for the large maps of big blocks, read at random on every bit (zeroed_array.hpp).
    explicit Apm(int contexts, bool huge_pages = false) : table_(static_cast<size_t>(contexts) * 33, huge_pages)
    {
        for (size_t i = 0; i < table_.size(); ++i)
            table_[i] = static_cast<uint16_t>(squash((static_cast<int>(i % 33) - 16) * 128) * 16);
    }

    int refine(int p, int context)
    {
        const int s = stretch(p) + 2048;  // 1..4095
        const int w = s & 127;
        const size_t base = static_cast<size_t>(context) * 33 + (s >> 7);
        index_ = base + (w >> 6);
        return clamp_prob((table_[base] * (128 - w) + table_[base + 1] * w) >> 11);
    }

    // The same at 16 bits (fine_squash.hpp), from a stretched input clamped to the map's range.
    int refine_fine(int64_t stretched, int context)
    {
        const int s = static_cast<int>(std::clamp<int64_t>(stretched, -kStretchLimit, kStretchLimit)) + 2048;  // 1..4095
        const int w = s & 127;
        const size_t base = static_cast<size_t>(context) * 33 + (s >> 7);
        index_ = base + (w >> 6);
        return (table_[base] * (128 - w) + table_[base + 1] * w) >> 7;
    }

    // Starts loading the row of `context` (a row is 66 bytes: at most two cache lines).
    void prefetch(int context) const
    {
        const auto* row = reinterpret_cast<const char*>(&table_[static_cast<size_t>(context) * 33]);
        prefetch_line(row);
        prefetch_line(row + 65);
    }

    void update(int bit, int rate)
    {
        const int target = bit ? 65535 : 0;
        int v = table_[index_];
        v += (target - v) >> rate;
        table_[index_] = static_cast<uint16_t>(v);
    }

private:
    ZeroedArray<uint16_t> table_;
    size_t index_ = 0;
};

}  // namespace nnz::mixing
