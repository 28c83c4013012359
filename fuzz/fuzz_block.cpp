// Fuzz target: one block decoder, fed what a block header would give it. Built three times:
// fuzz_store_block (NNZ_FUZZ_CODEC=0), fuzz_neural_block (NNZ_FUZZ_CODEC=1) and fuzz_runs_block
// (NNZ_FUZZ_CODEC=2: the run table, around the store codec only, which leaves the neural codec
// to its own target and keeps an input to milliseconds).
//
// Input: u16 settings length, the settings, u32 declared raw size, then the packed bytes. The
// declared size is capped here (the format allows 2^30) so one input decodes in milliseconds:
// the neural codec runs at about 25 KB/s.
#include <cstdint>
#include <exception>
#include <new>
#include <span>

#include "codec.hpp"
#include "error.hpp"
#include "fuzz_common.hpp"

#ifndef NNZ_FUZZ_CODEC
#error "define NNZ_FUZZ_CODEC"
#endif

namespace {
constexpr nnz::CodecId kCodec = static_cast<nnz::CodecId>(NNZ_FUZZ_CODEC);
constexpr uint32_t kMaxRaw = kCodec == nnz::CodecId::Neural ? 512u : (1u << 20);

uint64_t take(std::span<const uint8_t>& in, int n)
{
    uint64_t v = 0;
    for (int i = 0; i < n && !in.empty(); ++i) {
        v |= uint64_t{in.front()} << (8 * i);
        in = in.subspan(1);
    }
    return v;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::span<const uint8_t> in(data, size);
    const size_t settings_size = std::min<size_t>(take(in, 2), in.size());
    const auto settings = in.first(settings_size);
    in = in.subspan(settings_size);
    if (kCodec == nnz::CodecId::Runs && (settings.empty() || settings[0] != static_cast<uint8_t>(nnz::CodecId::Store))) return 0;
    const uint64_t raw_size = take(in, 4) % (kMaxRaw + 1);
    nnz::JobControl control;
    try {
        auto codec = nnz::make_codec(kCodec, settings);
        const auto raw = codec->decode(in, raw_size, control);
        // The codec's contract (codec.hpp): exactly raw_size bytes or Error(Data).
        if (raw.size() != raw_size) nnz::fuzz::violation("decoded size differs from the declared size");
    } catch (const nnz::Error& e) {
        if (e.code() != nnz::ErrorCode::Data) nnz::fuzz::violation(std::string("non-data error: ") + e.what());
    }
    return 0;
}
