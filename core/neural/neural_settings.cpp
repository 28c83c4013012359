#include <algorithm>
#include <string>

#include "../error.hpp"
#include "neural_codec.hpp"
#include "predictor.hpp"

namespace nnz {
namespace {
constexpr uint16_t kModelVersion = 1;
constexpr size_t kSerializedSize = 18;
}  // namespace

NeuralSettings NeuralSettings::preset(std::string_view name)
{
    NeuralSettings s;
    if (name == "fast") {
        s.hidden = 32;
        s.lanes = 64;
        s.train_steps = 16;
    } else if (name == "default") {
    } else if (name == "max") {
        s.hidden = 128;
        s.lanes = 16;
        s.train_steps = 8;
        s.context_hash_bits = 18;
    } else {
        throw Error(ErrorCode::Usage, "unknown preset '" + std::string(name) + "' (fast, default, max)");
    }
    return s;
}

std::vector<uint8_t> NeuralSettings::serialize() const
{
    std::vector<uint8_t> out;
    auto put = [&out](uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
    };
    put(model_version, 2);
    put(model_kind, 1);
    put(hidden, 2);
    put(lanes, 2);
    put(train_steps, 2);
    put(lr_shift, 1);
    put(seed, 4);
    put(context_orders, 1);
    put(context_hash_bits, 1);
    put(context_lr_shift, 1);
    put(context_rate_limit, 1);
    return out;
}

NeuralSettings NeuralSettings::deserialize(std::span<const uint8_t> bytes)
{
    if (bytes.size() != kSerializedSize)
        throw Error(ErrorCode::Data, "neural codec settings have " + std::to_string(bytes.size()) +
                                         " bytes, expected " + std::to_string(kSerializedSize));
    size_t at = 0;
    auto get = [&](int n) {
        uint64_t v = 0;
        for (int i = 0; i < n; ++i) v |= uint64_t{bytes[at++]} << (8 * i);
        return v;
    };
    NeuralSettings s;
    s.model_version = static_cast<uint16_t>(get(2));
    s.model_kind = static_cast<uint8_t>(get(1));
    s.hidden = static_cast<uint16_t>(get(2));
    s.lanes = static_cast<uint16_t>(get(2));
    s.train_steps = static_cast<uint16_t>(get(2));
    s.lr_shift = static_cast<uint8_t>(get(1));
    s.seed = static_cast<uint32_t>(get(4));
    s.context_orders = static_cast<uint8_t>(get(1));
    s.context_hash_bits = static_cast<uint8_t>(get(1));
    s.context_lr_shift = static_cast<uint8_t>(get(1));
    s.context_rate_limit = static_cast<uint8_t>(get(1));
    if (s.model_version != kModelVersion || s.model_kind != 0)
        throw Error(ErrorCode::Data, "neural model version " + std::to_string(s.model_version) + " kind " +
                                         std::to_string(s.model_kind) + " is not supported by this nnzip");
    try {
        validate_shape(s.shape(s.lanes));
    } catch (const Error& e) {
        throw Error(ErrorCode::Data, std::string("bad neural codec settings: ") + e.what());
    }
    return s;
}

ModelShape NeuralSettings::shape(int lane_count) const
{
    return {hidden, lane_count, train_steps, lr_shift, seed, {context_orders, context_hash_bits, context_lr_shift, context_rate_limit}};
}

int NeuralSettings::lanes_for(uint64_t raw_size) const
{
    const uint64_t by_size = std::max<uint64_t>(1, raw_size / kMinLaneBytes);
    return static_cast<int>(std::min<uint64_t>(lanes, by_size));
}

}  // namespace nnz
