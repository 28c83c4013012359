#include "runs_codec.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "container/format.hpp"
#include "error.hpp"

namespace nnz {
namespace {

struct Run {
    uint64_t literal_before = 0;  // other bytes between the previous run (or the start) and this one
    uint8_t value = 0;
    uint64_t length = 0;
};

std::vector<Run> find_long_runs(std::span<const uint8_t> raw)
{
    std::vector<Run> runs;
    uint64_t literal_start = 0;
    for (uint64_t i = 0; i < raw.size();) {
        uint64_t j = i + 1;
        while (j < raw.size() && raw[j] == raw[i]) ++j;
        if (j - i >= kMinLongRun) {
            runs.push_back({i - literal_start, raw[i], j - i});
            literal_start = j;
        }
        i = j;
    }
    return runs;
}

class RunsCodec final : public BlockCodec {
public:
    explicit RunsCodec(std::unique_ptr<BlockCodec> inner) : inner_(std::move(inner))
    {
        if (!inner_ || inner_->id() == CodecId::Runs) throw Error(ErrorCode::Data, "runs codec around an invalid codec");
    }

    CodecId id() const override { return CodecId::Runs; }
    std::string name() const override { return inner_->name() + " with long runs apart"; }

    std::vector<uint8_t> settings() const override
    {
        std::vector<uint8_t> out{static_cast<uint8_t>(inner_->id())};
        const auto inner = inner_->settings();
        out.insert(out.end(), inner.begin(), inner.end());
        return out;
    }

    std::vector<uint8_t> encode(std::span<const uint8_t> input, JobControl& control) override
    {
        const auto runs = find_long_runs(input);
        format::ByteWriter out;
        out.varint(runs.size());
        std::vector<uint8_t> literals;
        literals.reserve(input.size());
        uint64_t at = 0, run_bytes = 0;
        for (const Run& run : runs) {
            out.varint(run.literal_before);
            out.u8(run.value);
            out.varint(run.length);
            literals.insert(literals.end(), input.begin() + static_cast<std::ptrdiff_t>(at),
                            input.begin() + static_cast<std::ptrdiff_t>(at + run.literal_before));
            at += run.literal_before + run.length;
            run_bytes += run.length;
        }
        literals.insert(literals.end(), input.begin() + static_cast<std::ptrdiff_t>(at), input.end());
        control.checkpoint();
        control.done_input += run_bytes;
        control.done_output_bits += 8 * out.size();
        std::vector<uint8_t> packed = out.take();
        if (!literals.empty()) {
            const auto inner = inner_->encode(literals, control);
            packed.insert(packed.end(), inner.begin(), inner.end());
        }
        return packed;
    }

    std::vector<uint8_t> decode(std::span<const uint8_t> packed, uint64_t raw_size, JobControl& control) override
    {
        format::ByteReader in(packed, "long runs");
        const uint64_t count = in.varint("run count");
        in.check_count(count, 3, "run");
        std::vector<Run> runs(static_cast<size_t>(count));
        uint64_t covered = 0, run_bytes = 0;
        for (Run& run : runs) {
            run.literal_before = in.varint("run position");
            run.value = in.u8("run value");
            run.length = in.varint("run length");
            if (run.length < kMinLongRun || run.literal_before > raw_size - covered ||
                run.length > raw_size - covered - run.literal_before)
                in.fail("run outside the block");
            covered += run.literal_before + run.length;
            run_bytes += run.length;
        }
        const uint64_t literal_size = raw_size - run_bytes;
        std::vector<uint8_t> literals;
        const auto inner_packed = in.raw(in.remaining(), "packed bytes");
        if (literal_size > 0) literals = inner_->decode(inner_packed, literal_size, control);
        else if (!inner_packed.empty()) in.fail("packed bytes after a block of runs alone");
        if (literals.size() != literal_size) in.fail("decoded size mismatch");
        control.checkpoint();
        std::vector<uint8_t> raw;
        raw.reserve(static_cast<size_t>(raw_size));
        uint64_t from = 0;
        for (const Run& run : runs) {
            raw.insert(raw.end(), literals.begin() + static_cast<std::ptrdiff_t>(from),
                       literals.begin() + static_cast<std::ptrdiff_t>(from + run.literal_before));
            from += run.literal_before;
            raw.insert(raw.end(), static_cast<size_t>(run.length), run.value);
        }
        raw.insert(raw.end(), literals.begin() + static_cast<std::ptrdiff_t>(from), literals.end());
        control.done_input += run_bytes;
        return raw;
    }

    uint64_t memory_for(uint64_t raw_size) const override { return inner_->memory_for(raw_size) + 2 * raw_size; }

private:
    std::unique_ptr<BlockCodec> inner_;
};

}  // namespace

uint64_t long_run_bytes(std::span<const uint8_t> raw)
{
    uint64_t bytes = 0;
    for (const Run& run : find_long_runs(raw)) bytes += run.length;
    return bytes;
}

std::unique_ptr<BlockCodec> make_runs_codec(std::unique_ptr<BlockCodec> inner)
{
    return std::make_unique<RunsCodec>(std::move(inner));
}

std::unique_ptr<BlockCodec> make_runs_codec(std::span<const uint8_t> settings)
{
    if (settings.empty()) throw Error(ErrorCode::Data, "runs codec without an inner codec");
    const auto inner_id = static_cast<CodecId>(settings[0]);
    if (inner_id == CodecId::Runs) throw Error(ErrorCode::Data, "runs codec inside a runs codec");
    return make_runs_codec(make_codec(inner_id, settings.subspan(1)));
}

}  // namespace nnz
