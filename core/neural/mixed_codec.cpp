// Model kinds 1-3: an exact LSTM and the context mixer (core/mixing/) code each byte as 8 binary
// decisions; the mixer combines the network's opinion of each bit with context statistics, bit
// histories (kinds 2 and 3) and a match model; the range coder codes the result. In kinds 1 and 2
// the LSTM predicts a distribution over the next byte (as kind 0) and trains on it; in kind 3 it
// predicts the bits themselves (bit_lstm.hpp), which costs 8 output rows per byte instead of 256.
// Either way the network keeps learning, and the mixer learns how far to trust it.
#include <algorithm>
#include <array>
#include <thread>

#include "../coder/range_coder.hpp"
#include "../mixing/context_mixer.hpp"
#include "ahead_queue.hpp"
#include "bit_lstm.hpp"
#include "neural_codec.hpp"
#include "codec_run.hpp"

namespace nnz {
namespace {

using mixing::LaneLayout;

class MixedCodec final : public BlockCodec {
public:
    explicit MixedCodec(const NeuralSettings& s) : settings_(s) {}

    CodecId id() const override { return CodecId::Neural; }
    std::string name() const override { return "neural"; }
    std::vector<uint8_t> settings() const override { return settings_.serialize(); }
    uint64_t memory_for(uint64_t raw_size) const override { return settings_.memory_for(raw_size); }

    std::vector<uint8_t> encode(std::span<const uint8_t> input, JobControl& control) override
    {
        std::vector<uint8_t> out;
        if (input.empty()) return out;
        RangeEncoder encoder(out);
        run(input, control, settings_.network_ahead, [&](uint64_t) { return 8 * out.size(); }, [&](int p1, int bits, uint64_t pos, int bit_index) {
            const int bit = (input[pos] >> (7 - bit_index)) & 1;
            encoder.encode_bit(bit, static_cast<uint32_t>(p1), static_cast<unsigned>(bits));
            return bit;
        });
        encoder.finish();
        return out;
    }

    std::vector<uint8_t> decode(std::span<const uint8_t> packed, uint64_t raw_size, JobControl& control) override
    {
        return decode_steps(packed, raw_size, UINT64_MAX, control);
    }

    // Every lane advances a step at a time, so the first `wanted` bytes (all in lane 0 unless
    // they outrun it) are known after min(wanted, lane_length) steps.
    std::vector<uint8_t> decode_prefix(std::span<const uint8_t> packed, uint64_t raw_size, uint64_t wanted,
                                       JobControl& control) override
    {
        const LaneLayout layout(raw_size, settings_.lanes_for(raw_size));
        const uint64_t steps = std::min(wanted, layout.lane_length);
        auto out = decode_steps(packed, raw_size, steps, control);
        if (steps < layout.lane_length) out.resize(steps);  // lane 0's bytes: the block's first `steps`
        return out;
    }

    uint64_t prefix_work(uint64_t raw_size, uint64_t wanted) const override
    {
        const LaneLayout layout(raw_size, settings_.lanes_for(raw_size));
        const uint64_t steps = std::min(wanted, layout.lane_length);
        uint64_t work = 0;
        for (int b = 0; b < layout.lanes; ++b)
            if (layout.lane_start(b) < raw_size) work += std::min(steps, raw_size - layout.lane_start(b));
        return work;
    }

private:
    // The block's bytes as far as `steps` steps of every lane go (the rest stays 0).
    std::vector<uint8_t> decode_steps(std::span<const uint8_t> packed, uint64_t raw_size, uint64_t steps, JobControl& control)
    {
        std::vector<uint8_t> out(raw_size);
        if (raw_size == 0) return out;
        RangeDecoder decoder(packed);
        run(out, control, false, [&](uint64_t done) { return 8 * packed.size() * done / raw_size; }, [&](int p1, int bits, uint64_t pos, int) {
            const int bit = decoder.decode_bit(static_cast<uint32_t>(p1), static_cast<unsigned>(bits));
            out[pos] = static_cast<uint8_t>((out[pos] << 1) | bit);
            return bit;
        }, steps);
        if (decoder.overrun()) throw Error(ErrorCode::Data, "neural block: packed data ends too early");
        return out;
    }

    // Kinds 1 and 2: the network predicts whole bytes; the mixer reads bits off its cumulative
    // frequencies.
    class ByteNetwork {
    public:
        ByteNetwork(const NeuralSettings& settings, TorchDevice device, int lanes) : model_(make_block_model(settings, device, lanes)) {}
        void begin_step() { freqs_ = model_->predict(); }
        void begin_byte(int lane)
        {
            const uint32_t* f = &freqs_[static_cast<size_t>(lane) * 256];
            for (int i = 0; i < 256; ++i) cum_[i + 1] = cum_[i] + f[i];
        }
        int bit_input(int, int c0, int bit_index) const { return mixing::bit_input_from_bytes(cum_, c0, bit_index); }
        void learn_bit(int, int, int) {}
        void end_step(std::span<const uint8_t> symbols, std::span<const uint8_t> active) { model_->learn(symbols, active); }

    private:
        std::unique_ptr<Predictor> model_;
        std::span<const uint32_t> freqs_;
        std::array<uint32_t, 257> cum_{};
    };
    // Kind 3: the network predicts each bit (bit_lstm.hpp).
    class BitNetwork {
    public:
        BitNetwork(const NeuralSettings& settings, int lanes) : model_(settings.shape(lanes)) {}
        void begin_step() { model_.begin_step(); }
        void begin_byte(int) {}
        int bit_input(int lane, int c0, int) { return model_.predict_bit(lane, c0); }
        void learn_bit(int lane, int c0, int bit) { model_.learn_bit(lane, c0, bit); }
        void end_step(std::span<const uint8_t> symbols, std::span<const uint8_t> active) { model_.end_step(symbols, active); }

    private:
        BitLstm model_;
    };

    // Compressing with a thread to spare: the network's inputs, computed ahead on that thread,
    // replayed here in the order run_steps asks for them.
    class NetworkAhead {
    public:
        explicit NetworkAhead(AheadQueue& queue) : queue_(queue) {}
        void begin_step() {}
        void begin_byte(int) {}
        int bit_input(int, int, int) { return queue_.pop(); }
        void learn_bit(int, int, int) {}
        void end_step(std::span<const uint8_t>, std::span<const uint8_t>) {}

    private:
        AheadQueue& queue_;
    };
    // However run_steps leaves, the thread running ahead must not wait for it forever.
    struct StopWhenLeaving {
        AheadQueue& queue;
        ~StopWhenLeaving() { queue.stop(); }
    };

    // What run_steps asks of the network, in the same order and with the same arguments, the bits
    // read off the block instead of coded: every input the same, ready before the coder needs it.
    template <typename Network>
    static void compute_inputs(std::span<const uint8_t> block, const LaneLayout& layout, Network& network, AheadQueue& queue)
    {
        static_assert(mixing::kStretchLimit <= INT16_MAX, "a network input must fit the queue's int16");
        std::vector<uint8_t> symbols(layout.lanes), active(layout.lanes);
        for (uint64_t step = 0; step < layout.lane_length; ++step) {
            network.begin_step();
            for (int b = 0; b < layout.lanes; ++b) {
                active[b] = layout.active(b, step);
                symbols[b] = 0;
                if (!active[b]) continue;
                const int byte = block[layout.position(b, step)];
                network.begin_byte(b);
                for (int bit_index = 0; bit_index < 8; ++bit_index) {
                    const int c0 = (256 | byte) >> (8 - bit_index);
                    if (!queue.push(static_cast<int16_t>(network.bit_input(b, c0, bit_index)))) return;
                    network.learn_bit(b, c0, (byte >> (7 - bit_index)) & 1);
                }
                symbols[b] = static_cast<uint8_t>(byte);
            }
            // After the last byte nothing reads what the network would learn.
            if (step + 1 < layout.lane_length) network.end_step(symbols, active);
        }
        queue.finish();
    }

    // The one loop both directions share. `block` is the input (encoding) or the output being
    // filled (decoding); the mixer only reads positions already coded. `network_ahead`
    // (encoding only) runs the network on a thread of its own.
    // `steps` stops decoding early (decode_prefix).
    template <typename BitsSoFar, typename CodeBit>
    void run(std::span<const uint8_t> block, JobControl& control, bool network_ahead, BitsSoFar bits_so_far, CodeBit code_bit,
             uint64_t steps = UINT64_MAX)
    {
        const uint64_t size = block.size();
        const LaneLayout layout(size, settings_.lanes_for(size));
        mixing::MixerConfig config;
        config.table_bits = settings_.mixer_table_bits_for(size);
        config.counter_limit = settings_.mixer_counter_limit;
        config.mixer_rate = settings_.mixer_rate;
        config.apm_rate = settings_.mixer_apm_rate;
        config.bit_histories = settings_.model_kind >= 2;
        config.context_set = settings_.model_kind >= 2 ? settings_.context_set : 0;  // kind 1 has none
        config.translate_genes = (settings_.active_features() & NeuralSettings::kTranslateGenes) != 0;
        mixing::ContextMixer mixer(config, layout);
        if (network_ahead) {
            // 8 KB of inputs first (the coder starts after 512 bytes), then up to 1 MB a chunk.
            AheadQueue queue(size_t{1} << 12, size_t{1} << 19);
            std::jthread producer([&] {
                try {
                    // Built on this thread: LibTorch's thread count is the calling thread's.
                    with_network(layout.lanes, [&](auto& network) { compute_inputs(block, layout, network, queue); });
                } catch (...) {
                    queue.fail(std::current_exception());
                }
            });
            const StopWhenLeaving leaving{queue};
            NetworkAhead network(queue);
            run_steps(block, control, bits_so_far, code_bit, layout, mixer, network, layout.lane_length);
        } else {
            const uint64_t last = std::min(steps, layout.lane_length);
            with_network(layout.lanes, [&](auto& network) { run_steps(block, control, bits_so_far, code_bit, layout, mixer, network, last); });
        }
    }

    // Builds the block's network (kind 3: the bit LSTM; kinds 1-2: the byte LSTM, the only one
    // that can run on LibTorch or CUDA) and hands it to `use`.
    template <typename Use>
    void with_network(int lanes, Use use) const
    {
        if (settings_.model_kind >= 3) {
            BitNetwork network(settings_, lanes);
            use(network);
        } else {
            ByteNetwork network(settings_, torch_device_for(settings_.device), lanes);
            use(network);
        }
    }

    template <typename BitsSoFar, typename CodeBit, typename Network>
    void run_steps(std::span<const uint8_t> block, JobControl& control, BitsSoFar bits_so_far, CodeBit code_bit, const LaneLayout& layout,
                   mixing::ContextMixer& mixer, Network& network, uint64_t steps)
    {
        std::vector<uint8_t> symbols(layout.lanes), active(layout.lanes);
        uint64_t coded = 0;
        CodecProgress progress(control, bits_so_far);
        for (uint64_t step = 0; step < steps; ++step) {
            if (step % 64 == 0) control.checkpoint();
            if (layout.active(0, step)) mixer.prepare_byte(block, 0, step);
            network.begin_step();
            for (int b = 0; b < layout.lanes; ++b) {
                active[b] = layout.active(b, step);
                symbols[b] = 0;
                if (!active[b]) continue;
                const uint64_t pos = layout.position(b, step);
                network.begin_byte(b);
                mixer.begin_byte(block, b, step);
                for (int bit_index = 0; bit_index < 8; ++bit_index) {
                    const int c0 = mixer.bits_so_far();
                    // A 1 takes [0, p1) of 2^bits, a 0 the rest.
                    const int bit = code_bit(mixer.predict_bit(network.bit_input(b, c0, bit_index)), mixer.probability_bits(), pos, bit_index);
                    network.learn_bit(b, c0, bit);
                    mixer.update_bit(bit);
                }
                mixer.end_byte(block);
                symbols[b] = block[pos];
                ++coded;
            }
            network.end_step(symbols, active);
            if (step % 16 == 15 || step + 1 == steps) progress.report(coded);
        }
    }

    NeuralSettings settings_;
};

}  // namespace

std::unique_ptr<BlockCodec> make_mixed_codec(const NeuralSettings& settings)
{
    return std::make_unique<MixedCodec>(settings);
}

}  // namespace nnz
