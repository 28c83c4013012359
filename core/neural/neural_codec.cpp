#include "neural_codec.hpp"


#include "../coder/range_coder.hpp"
#include "predictor.hpp"
#include "torch_lstm.hpp"

namespace nnz {
namespace {

// A block of N bytes is cut into B contiguous lanes of L = ceil(N / B) bytes (the last ones may be
// shorter or empty); step t codes byte t of every lane, in lane order, into one range-coder stream.
struct LaneLayout {
    uint64_t size;
    int lanes;
    uint64_t lane_length;
    LaneLayout(uint64_t n, int b) : size(n), lanes(b), lane_length((n + b - 1) / b) {}
    uint64_t position(int lane, uint64_t step) const { return lane * lane_length + step; }
    bool active(int lane, uint64_t step) const { return step < lane_length && position(lane, step) < size; }
};

class NeuralCodec final : public BlockCodec {
public:
    explicit NeuralCodec(const NeuralSettings& s) : settings_(s)
    {
        if (settings_.device == Device::Cuda || (settings_.device == Device::Auto && torch_cuda_available()))
            device_ = TorchDevice::Cuda;
    }

    CodecId id() const override { return CodecId::Neural; }
    std::string name() const override { return "neural"; }
    std::vector<uint8_t> settings() const override { return settings_.serialize(); }

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
        // OpenMP's thread count is per calling thread, and blocks run on worker threads: set it here.
        // One thread by default: this model's tensors are below ATen's parallel grain, so extra
        // threads only spin (measured: 2 threads were 1.2x at best, 4x slower from a worker thread).
        torch_set_threads(settings_.threads > 0 ? settings_.threads : 1);
        const LaneLayout layout(size, settings_.lanes_for(size));
        const ModelShape shape = settings_.shape(layout.lanes);
        auto model = device_ == TorchDevice::Cuda ? std::unique_ptr<Predictor>(make_torch_lstm(shape, device_))
                                                  : make_predictor(shape, settings_.cpu_backend_for(layout.lanes));
        std::vector<uint8_t> symbols(layout.lanes), active(layout.lanes);
        uint64_t reported_bits = 0, reported_input = 0, coded = 0;
        control.current_input = 0;
        control.current_output_bits = 0;
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
            if (step % 16 == 15 || step + 1 == layout.lane_length) {
                control.done_input += coded - reported_input;
                control.current_input += coded - reported_input;
                reported_input = coded;
                const uint64_t bits = bits_so_far(coded);
                if (bits > reported_bits) {
                    control.done_output_bits += bits - reported_bits;
                    control.current_output_bits += bits - reported_bits;
                    reported_bits = bits;
                }
            }
        }
    }

    NeuralSettings settings_;
    TorchDevice device_ = TorchDevice::Cpu;
};

}  // namespace

std::unique_ptr<BlockCodec> make_neural_codec(const NeuralSettings& settings)
{
    if (settings.model_kind == 1) return make_mixed_codec(settings);
    return std::make_unique<NeuralCodec>(settings);
}


}  // namespace nnz
