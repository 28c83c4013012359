#include "neural_codec.hpp"


#include "../coder/range_coder.hpp"
#include "predictor.hpp"
#include "../mixing/lane_layout.hpp"
#include "codec_run.hpp"

namespace nnz {
namespace {

using mixing::LaneLayout;  // contiguous lanes, step t codes byte t of each in lane order

class NeuralCodec final : public BlockCodec {
public:
    explicit NeuralCodec(const NeuralSettings& s) : settings_(s), device_(torch_device_for(s.device)) {}

    CodecId id() const override { return CodecId::Neural; }
    std::string name() const override { return "neural"; }
    std::vector<uint8_t> settings() const override { return settings_.serialize(); }
    uint64_t memory_for(uint64_t raw_size) const override { return settings_.memory_for(raw_size); }

    std::vector<uint8_t> encode(std::span<const uint8_t> input, JobControl& control) override
    {
        std::vector<uint8_t> out;
        if (input.empty()) return out;
        RangeEncoder encoder(out);
        run(input.size(), control, [&](uint64_t) { return 8 * out.size(); }, [&](const SymbolTable& table, uint64_t pos) {
            encode_symbol(encoder, table, input[pos]);
            return input[pos];
        });
        encoder.finish();
        return out;
    }

    std::vector<uint8_t> decode(std::span<const uint8_t> packed, uint64_t raw_size, JobControl& control) override
    {
        std::vector<uint8_t> out(raw_size);
        if (raw_size == 0) return out;
        RangeDecoder decoder(packed);
        // While decoding, the bits consumed so far are estimated by the share of bytes decoded.
        run(raw_size, control, [&](uint64_t done) { return 8 * packed.size() * done / raw_size; }, [&](const SymbolTable& table, uint64_t pos) {
            return out[pos] = decode_symbol(decoder, table);
        });
        if (decoder.overrun()) throw Error(ErrorCode::Data, "neural block: packed data ends too early");
        return out;
    }

private:
    // The one loop both directions share, so encoder and decoder cannot drift apart.
    template <typename BitsSoFar, typename CodeSymbol>
    void run(uint64_t size, JobControl& control, BitsSoFar bits_so_far, CodeSymbol code_symbol)
    {
        const LaneLayout layout(size, settings_.lanes_for(size));
        auto model = make_block_model(settings_, device_, layout.lanes);
        std::vector<uint8_t> symbols(layout.lanes), active(layout.lanes);
        uint64_t coded = 0;
        CodecProgress progress(control, bits_so_far);
        for (uint64_t step = 0; step < layout.lane_length; ++step) {
            if (step % 64 == 0) control.checkpoint();
            const std::span<const uint32_t> freqs = model->predict();
            for (int b = 0; b < layout.lanes; ++b) {
                active[b] = layout.active(b, step);
                symbols[b] = 0;
                if (!active[b]) continue;
                const SymbolTable table = SymbolTable::from_frequencies(std::span<const uint32_t, 256>(freqs.subspan(b * 256, 256)));
                symbols[b] = code_symbol(table, layout.position(b, step));
                ++coded;
            }
            model->learn(symbols, active);
            if (step % 16 == 15 || step + 1 == layout.lane_length) progress.report(coded);
        }
    }

    NeuralSettings settings_;
    TorchDevice device_;
};

}  // namespace

std::unique_ptr<BlockCodec> make_neural_codec(const NeuralSettings& settings)
{
    if (settings.model_kind >= 1) return make_mixed_codec(settings);
    return std::make_unique<NeuralCodec>(settings);
}


}  // namespace nnz
