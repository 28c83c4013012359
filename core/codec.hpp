#pragma once
// The codec seam between the container and the compression engines. A block is compressed by
// exactly one codec; the block header stores the codec id and the codec's serialized settings,
// which must be everything a decoder needs (no weights: the neural codec re-derives them).
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "job_control.hpp"

namespace nnz {

enum class CodecId : uint8_t {
    Store = 0,   // bytes as they are; always available, used for incompressible blocks
    Neural = 1,  // online-trained exact neural predictor + range coder
    Runs = 2,    // long runs of one byte apart, another codec for the rest (runs_codec.hpp)
};

class BlockCodec {
public:
    virtual ~BlockCodec() = default;
    virtual CodecId id() const = 0;
    virtual std::string name() const = 0;
    // Serialized settings written into the block header; make_codec(id, settings) rebuilds an
    // equivalent codec for decoding.
    virtual std::vector<uint8_t> settings() const = 0;
    // Progress: add to control.done_input / done_output_bits as work proceeds; call
    // control.checkpoint() between steps so cancel and pause work.
    virtual std::vector<uint8_t> encode(std::span<const uint8_t> input, JobControl& control) = 0;
    // Throws Error(Data) when the packed bytes cannot be decoded to exactly raw_size bytes.
    virtual std::vector<uint8_t> decode(std::span<const uint8_t> packed, uint64_t raw_size,
                                        JobControl& control) = 0;
    // Only the block's first `wanted` bytes are needed (some files of a solid block): returns
    // its first n bytes, wanted <= n <= raw_size, for a codec that can stop early (whatever it
    // stops at is exactly what decode() gives there; the block's own checksum, which covers all
    // of it, is then not checked: the entries' checksums are). The default decodes everything.
    virtual std::vector<uint8_t> decode_prefix(std::span<const uint8_t> packed, uint64_t raw_size, uint64_t wanted,
                                               JobControl& control)
    {
        (void)wanted;
        return decode(packed, raw_size, control);
    }
    // The bytes decode_prefix codes for those (what its progress counts; the job's total).
    virtual uint64_t prefix_work(uint64_t raw_size, uint64_t wanted) const
    {
        (void)wanted;
        return raw_size;
    }
    // At most how many bytes of memory coding a block of raw_size bytes takes, either way (the
    // raw and packed bytes included): what the container budgets blocks in flight by.
    virtual uint64_t memory_for(uint64_t raw_size) const { return 2 * raw_size; }
};

// Rebuilds a codec from a block header; throws Error(Data) for an unknown id or bad settings.
std::unique_ptr<BlockCodec> make_codec(CodecId id, std::span<const uint8_t> settings);

std::unique_ptr<BlockCodec> make_store_codec();

// What a block header's codec and settings say, for people: "store", "neural, default preset",
// "neural, max preset, 16 lanes", "neural, model kind 3, context set 5, ..." (settings of no
// preset of this version), "..., long runs apart". Throws as make_codec does.
std::string describe_codec(CodecId id, std::span<const uint8_t> settings);
// The preset a block was made with, as `--preset` names it ("store" for the store codec, the
// inner codec's for long runs apart); empty for a neural model of no preset of this version.
std::string codec_preset(CodecId id, std::span<const uint8_t> settings);

}  // namespace nnz
