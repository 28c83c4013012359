// Model kind 1: the exact LSTM predicts a distribution over the next byte of every lane (batched,
// as in kind 0); the context mixer (core/mixing/) turns it into 8 binary decisions, mixing it with
// context statistics and a match model; the range coder codes those decisions. The LSTM still
// trains on its own byte predictions, so the mixer learns how far to trust it.
#include <array>

#include "../coder/range_coder.hpp"
#include "../mixing/context_mixer.hpp"
#include "neural_codec.hpp"
#include "codec_run.hpp"

namespace nnz {
namespace {

using mixing::LaneLayout;

class MixedCodec final : public BlockCodec {
public:
    explicit MixedCodec(const NeuralSettings& s) : settings_(s), device_(torch_device_for(s.device)) {}

    CodecId id() const override { return CodecId::Neural; }
    std::string name() const override { return "neural"; }
    std::vector<uint8_t> settings() const override { return settings_.serialize(); }

    std::vector<uint8_t> encode(std::span<const uint8_t> input, JobControl& control) override
    {
        std::vector<uint8_t> out;
        if (input.empty()) return out;
        RangeEncoder encoder(out);
        run(input, control, [&](uint64_t) { return 8 * out.size(); }, [&](int p1, uint64_t pos, int bit_index) {
            const int bit = (input[pos] >> (7 - bit_index)) & 1;
            encode_bit(encoder, p1, bit);
            return bit;
        });
        encoder.finish();
        return out;
    }

    std::vector<uint8_t> decode(std::span<const uint8_t> packed, uint64_t raw_size, JobControl& control) override
    {
        std::vector<uint8_t> out(raw_size);
        if (raw_size == 0) return out;
        RangeDecoder decoder(packed);
        run(out, control, [&](uint64_t done) { return 8 * packed.size() * done / raw_size; }, [&](int p1, uint64_t pos, int) {
            const int bit = decode_bit(decoder, p1);
            out[pos] = static_cast<uint8_t>((out[pos] << 1) | bit);
            return bit;
        });
        if (decoder.overrun()) throw Error(ErrorCode::Data, "neural block: packed data ends too early");
        return out;
    }

private:
    // A 1 takes [0, p1) of 2^12, a 0 the rest.
    static void encode_bit(RangeEncoder& encoder, int p1, int bit)
    {
        if (bit) encoder.encode(0, static_cast<uint32_t>(p1), mixing::kProbBits);
        else encoder.encode(static_cast<uint32_t>(p1), static_cast<uint32_t>(mixing::kProbOne - p1), mixing::kProbBits);
    }
    static int decode_bit(RangeDecoder& decoder, int p1)
    {
        const int bit = decoder.target(mixing::kProbBits) < static_cast<uint32_t>(p1) ? 1 : 0;
        if (bit) decoder.consume(0, static_cast<uint32_t>(p1), mixing::kProbBits);
        else decoder.consume(static_cast<uint32_t>(p1), static_cast<uint32_t>(mixing::kProbOne - p1), mixing::kProbBits);
        return bit;
    }

    // The one loop both directions share. `block` is the input (encoding) or the output being
    // filled (decoding); the mixer only reads positions already coded.
    template <typename BitsSoFar, typename CodeBit>
    void run(std::span<const uint8_t> block, JobControl& control, BitsSoFar bits_so_far, CodeBit code_bit)
    {
        const uint64_t size = block.size();
        const LaneLayout layout(size, settings_.lanes_for(size));
        auto model = make_block_model(settings_, device_, layout.lanes);
        mixing::MixerConfig config;
        config.table_bits = settings_.mixer_table_bits_for(size);
        config.counter_limit = settings_.mixer_counter_limit;
        config.mixer_rate = settings_.mixer_rate;
        config.apm_rate = settings_.mixer_apm_rate;
        mixing::ContextMixer mixer(config, layout);

        std::vector<uint8_t> symbols(layout.lanes), active(layout.lanes);
        std::array<uint32_t, 257> cum{};
        uint64_t coded = 0;
        CodecProgress progress(control, bits_so_far);
        for (uint64_t step = 0; step < layout.lane_length; ++step) {
            if (step % 64 == 0) control.checkpoint();
            const std::span<const uint32_t> freqs = model->predict();
            for (int b = 0; b < layout.lanes; ++b) {
                active[b] = layout.active(b, step);
                symbols[b] = 0;
                if (!active[b]) continue;
                const uint32_t* f = &freqs[static_cast<size_t>(b) * 256];
                for (int i = 0; i < 256; ++i) cum[i + 1] = cum[i] + f[i];
                const uint64_t pos = layout.position(b, step);
                mixer.begin_byte(block, b, step, cum);
                for (int bit_index = 0; bit_index < 8; ++bit_index) {
                    const int bit = code_bit(mixer.predict_bit(), pos, bit_index);
                    mixer.update_bit(bit);
                }
                mixer.end_byte(block);
                symbols[b] = block[pos];
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

std::unique_ptr<BlockCodec> make_mixed_codec(const NeuralSettings& settings)
{
    return std::make_unique<MixedCodec>(settings);
}

}  // namespace nnz
