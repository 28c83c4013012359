#pragma once
// What the match models share: a copy of earlier data being followed (how long it has held, how
// many changed symbols it survived) and the counters that learn how often the byte it predicts
// has the next bit right, by those two. Integer-only.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "adaptive_counter.hpp"
#include "logistic.hpp"

namespace nnz::mixing {

struct CopyState {
    uint32_t length = 0;  // 0 = no copy
    uint32_t misses = 0;  // changes followed through, one forgiven per 16 symbols once 64 long again

    // After the next symbol: it agreed with the copy, or the copy is followed through the change
    // with a quarter of its length (if at least recover_length long and fewer than kMaxMisses
    // changes so far; recover_length 0: never), or it ends.
    void follow(bool agreed, uint32_t recover_length)
    {
        if (agreed) {
            if (length < kMaxLength) ++length;
            if (misses > 0 && length >= 64 && length % 16 == 0) --misses;
        } else if (recover_length > 0 && length >= recover_length && misses < kMaxMisses) {
            ++misses;
            length = length / 4 + 1;
        } else {
            length = 0;
            misses = 0;
        }
    }

    static constexpr uint32_t kMaxLength = 65535;
    static constexpr uint32_t kMaxMisses = 8;
};

class CopyPrediction {
public:
    // At a byte's start: whether the copy predicts this byte, and which.
    void begin_byte(bool predicting, int expected, const CopyState& copy)
    {
        predicting_ = predicting;
        expected_ = predicting ? expected : 0;
        length_ = copy.length;
        misses_ = copy.misses;
    }
    // Stretched input for the next bit given the bits so far (c0 with a leading 1); 0 without a
    // copy or once the byte differs from it.
    int input(int c0)
    {
        counter_used_ = false;
        if (!predicting_) return 0;
        int known_bits = 0;
        while ((c0 >> known_bits) > 1) ++known_bits;
        if (((expected_ | 0x100) >> (8 - known_bits)) != c0) {
            predicting_ = false;  // this byte already differs from the prediction
            return 0;
        }
        const int expected_bit = (expected_ >> (7 - known_bits)) & 1;
        counter_ = misses_class() * 64 + static_cast<size_t>(length_bucket()) * 2 + static_cast<size_t>(expected_bit);
        counter_used_ = true;
        return stretch(counter_p12(counters_[counter_]));
    }
    void update_bit(int bit)
    {
        if (counter_used_) update_counter(counters_[counter_], bit, 255);
    }

    bool predicting() const { return predicting_; }
    int expected() const { return expected_; }
    // 0 without a usable copy for the next bit; else 1..7 by the copy's length, times 2, plus the
    // predicted bit (after input() for this bit): 0..15, for mixer weights and an APM's context.
    int state(int bit_index) const
    {
        if (!predicting_) return 0;
        const uint32_t n = length_;
        const int length_class = n < 8 ? 1 : n < 12 ? 2 : n < 16 ? 3 : n < 24 ? 4 : n < 32 ? 5 : n < 64 ? 6 : 7;
        return length_class * 2 + ((expected_ >> (7 - bit_index)) & 1);
    }
    uint32_t length() const { return length_; }

private:
    int length_bucket() const
    {
        if (length_ < 16) return static_cast<int>(length_);
        const uint32_t coarse = 16 + ((length_ - 16) >> 3);
        return static_cast<int>(coarse < 31 ? coarse : 31);
    }
    // Changes followed through: none, 1-2, 3-5, 6-8. A fresh or unbroken copy is class 0, so
    // without recovery the counters are exactly the earlier [length bucket][expected bit] ones.
    size_t misses_class() const { return misses_ == 0 ? 0 : misses_ < 3 ? 1 : misses_ < 6 ? 2 : 3; }

    std::vector<uint32_t> counters_ = std::vector<uint32_t>(4 * 64, kCounterInit);  // [misses class][length bucket][expected bit]
    bool predicting_ = false;
    int expected_ = 0;
    uint32_t length_ = 0;
    uint32_t misses_ = 0;
    size_t counter_ = 0;
    bool counter_used_ = false;
};

}  // namespace nnz::mixing
