#include <cstdint>
#include <string>

#include "../error.hpp"
#include "fixed_point.hpp"
#include "predictor.hpp"

namespace nnz {
namespace {

// splitmix64: tiny, portable, and fully specified by integer arithmetic.
class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : state_(seed) {}
    uint64_t next()
    {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform integer in [-range, range].
    int64_t uniform(int64_t range)
    {
        return static_cast<int64_t>(next() % static_cast<uint64_t>(2 * range + 1)) - range;
    }

private:
    uint64_t state_;
};

int64_t isqrt(int64_t n)
{
    int64_t r = 0;
    while ((r + 1) * (r + 1) <= n) ++r;
    return r;
}

}  // namespace

void validate_shape(const ModelShape& s)
{
    if (s.hidden < 1 || s.hidden > fx::kMaxHidden)
        throw Error(ErrorCode::Usage, "hidden size must be 1.." + std::to_string(fx::kMaxHidden));
    if (s.lanes < 1 || s.train_steps < 1 || int64_t{s.lanes} * s.train_steps > fx::kMaxTrainBatch)
        throw Error(ErrorCode::Usage, "lanes * train steps must be 1.." +
                                          std::to_string(fx::kMaxTrainBatch));
    if (s.lr_shift < 1 || s.lr_shift > 24)
        throw Error(ErrorCode::Usage, "learning-rate shift must be 1..24");
    // Hash bits up to 18 (the max preset's): four hashed orders then reserve at most 512 MiB of
    // address space, of which a block touches only the rows it uses (zeroed_array.hpp).
    if (s.context.orders > 0x3F || s.context.rate_limit > 8 || s.context.hash_bits < 8 || s.context.hash_bits > 18 || s.context.lr_shift > 8)
        throw Error(ErrorCode::Usage, "context features: orders 1..6, rate limit 0..8, hash bits 8..18, learning-rate shift 0..8");
}

ModelWeights initial_weights(const ModelShape& shape)
{
    validate_shape(shape);
    const int64_t H = shape.hidden;
    const int64_t one = int64_t{1} << fx::kMasterShift;
    SplitMix64 rng(0x6E6E7A6970ull ^ (uint64_t{shape.seed} << 20));
    ModelWeights w;
    const int64_t fan_in_range = one / isqrt(H * 4) ;  // ~ 1/(2 sqrt(H))
    w.input.resize(256 * 4 * H);
    for (auto& v : w.input) v = rng.uniform(one / 4);
    w.recurrent.resize(H * 4 * H);
    for (auto& v : w.recurrent) v = rng.uniform(fan_in_range);
    w.gate_bias.assign(4 * H, 0);
    for (int64_t j = H; j < 2 * H; ++j) w.gate_bias[j] = one;  // forget gate starts open
    w.output.resize(H * 256);
    for (auto& v : w.output) v = rng.uniform(fan_in_range);
    w.out_bias.assign(256, 0);
    return w;
}

}  // namespace nnz
