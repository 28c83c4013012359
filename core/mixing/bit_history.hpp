#pragma once
// Bit histories (PAQ's nonstationary states): one byte per context and bit position standing for
// (n0, n1), the zeros and ones seen there, where a new bit halves the opposite count once it is
// over 2 (keeps half plus one), so old evidence fades while a run builds confidence. A StateMap
// then learns what each state really predicts in each context (indirect modelling): "seen 3
// ones, then a zero" means different things in text and in tables, and the map finds out.
//
// The states are numbered by a breadth-first walk from (0, 0), zeros before ones, in pure integer
// code: the same table on every machine. State 0 is "never seen", which a zeroed table holds.
#include <array>
#include <cstdint>

#include "adaptive_counter.hpp"

namespace nnz::mixing {

class BitHistory {
public:
    static constexpr int kCountLimit = 30;  // 216 reachable states: they fit a byte

    static uint8_t next(uint8_t state, int bit) { return table().next[state][bit]; }
    static int zeros(uint8_t state) { return table().n0[state]; }
    static int ones(uint8_t state) { return table().n1[state]; }
    static int state_count() { return table().count; }

    // The probability of a 1 a state suggests before any learning, (2 n1 + 1) / (2 n + 2), as an
    // adaptive counter with no updates yet.
    static uint32_t initial_counter(uint8_t state)
    {
        const uint64_t n0 = zeros(state), n1 = ones(state);
        const uint64_t p22 = ((2 * n1 + 1) << 22) / (2 * (n0 + n1) + 2);
        return static_cast<uint32_t>(p22 << 10);
    }

private:
    struct Table {
        std::array<std::array<uint8_t, 2>, 256> next{};
        std::array<uint8_t, 256> n0{}, n1{};
        int count = 0;
    };
    static const Table& table()
    {
        static const Table built = build();
        return built;
    }
    static Table build()
    {
        Table t;
        auto index_of = [&t](int n0, int n1) {
            for (int s = 0; s < t.count; ++s)
                if (t.n0[s] == n0 && t.n1[s] == n1) return s;
            t.n0[t.count] = static_cast<uint8_t>(n0);
            t.n1[t.count] = static_cast<uint8_t>(n1);
            return t.count++;
        };
        index_of(0, 0);
        for (int s = 0; s < t.count; ++s) {  // t.count grows as the walk finds new states
            for (int bit = 0; bit < 2; ++bit) {
                int same = bit ? t.n1[s] : t.n0[s];
                int other = bit ? t.n0[s] : t.n1[s];
                if (same < kCountLimit) ++same;
                if (other > 2) other = other / 2 + 1;
                t.next[s][bit] = static_cast<uint8_t>(bit ? index_of(other, same) : index_of(same, other));
            }
        }
        return t;
    }
};

}  // namespace nnz::mixing
