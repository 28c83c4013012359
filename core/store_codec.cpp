#include <algorithm>

#include "codec.hpp"

namespace nnz {
namespace {

class StoreCodec final : public BlockCodec {
public:
    CodecId id() const override { return CodecId::Store; }
    std::string name() const override { return "store"; }
    std::vector<uint8_t> settings() const override { return {}; }

    std::vector<uint8_t> encode(std::span<const uint8_t> input, JobControl& control) override
    {
        control.checkpoint();
        control.done_input += input.size();
        control.done_output_bits += 8 * input.size();
        return {input.begin(), input.end()};
    }

    std::vector<uint8_t> decode(std::span<const uint8_t> packed, uint64_t raw_size,
                                JobControl& control) override
    {
        control.checkpoint();
        if (packed.size() != raw_size)
            throw Error(ErrorCode::Data, "stored block has " + std::to_string(packed.size()) +
                                             " bytes, expected " + std::to_string(raw_size));
        control.done_input += raw_size;
        return {packed.begin(), packed.end()};
    }
};

}  // namespace

std::unique_ptr<BlockCodec> make_store_codec() { return std::make_unique<StoreCodec>(); }

}  // namespace nnz
