#pragma once
// A block of N bytes cut into B contiguous lanes of L = ceil(N / B) bytes (the last ones may be
// shorter or empty). Step t codes byte t of every lane, in lane order, into one coder stream, so
// "has position p been coded before byte (lane, step)?" has one answer for encoder and decoder.
#include <cstdint>

namespace nnz::mixing {

struct LaneLayout {
    uint64_t size;
    int lanes;
    uint64_t lane_length;
    LaneLayout(uint64_t n, int b) : size(n), lanes(b), lane_length((n + b - 1) / b) {}
    uint64_t position(int lane, uint64_t step) const { return lane * lane_length + step; }
    uint64_t lane_start(int lane) const { return lane * lane_length; }
    // Whether the model's big random-access tables should ask for huge pages: a block this big
    // touches nearly every 4 KiB page of them anyway, and saves a TLB miss on most lookups
    // (docs/ENGINE.md, Memory); a tiny block would pay 2 MiB per touched row.
    bool wants_huge_pages() const { return size >= 64 * 1024; }
    bool active(int lane, uint64_t step) const { return step < lane_length && position(lane, step) < size; }
    // True when position p is coded before byte `step` of `lane` starts.
    bool coded_before(uint64_t p, int lane, uint64_t step) const
    {
        const uint64_t owner = p / lane_length, offset = p % lane_length;
        return offset < step || (offset == step && owner < static_cast<uint64_t>(lane));
    }
};

}  // namespace nnz::mixing
