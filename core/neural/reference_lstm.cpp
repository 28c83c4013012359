// The scalar reference of the exact LSTM: plain loops over int64, no BLAS, no LibTorch. It is the
// specification the tensor backend must match bit for bit (tests/tst_exact_model.cpp).
#include <array>

#include "../coder/range_coder.hpp"
#include "quantizer.hpp"
#include "reference_lstm.hpp"

namespace nnz {

ReferenceLstm::ReferenceLstm(const ModelShape& shape)
    : cell_(shape), outputs_(static_cast<size_t>(shape.train_steps)), context_(shape.context, shape.lanes)
{
    for (auto& o : outputs_) {
        o.freqs.assign(static_cast<size_t>(shape.lanes) * 256, 0);
        o.target.assign(static_cast<size_t>(shape.lanes), 0);
    }
}

std::span<const uint32_t> ReferenceLstm::predict()
{
    cell_.forward();
    const ScalarCell::Step& s = cell_.current();
    StepOutput& o = outputs_[cell_.step_index()];
    const int64_t H = cell_.hidden();
    const auto& output = cell_.output();
    const auto& out_bias = cell_.out_bias();
    std::array<int64_t, 256> logits;
    for (int64_t b = 0; b < cell_.lanes(); ++b) {
        const int64_t* hn = &s.h[b * H];
        for (int64_t i = 0; i < 256; ++i) {
            int64_t acc = out_bias[i] * fx::kActOne;
            for (int64_t k = 0; k < H; ++k) acc += hn[k] * output[k * 256 + i];
            logits[i] = fx::round_shift(acc, 28 - fx::kLogitShift);
        }
        context_.add(static_cast<int>(b), logits);
        quantize_logits(logits, std::span<uint32_t, 256>(&o.freqs[b * 256], 256));
    }
    return o.freqs;
}

void ReferenceLstm::learn(std::span<const uint8_t> symbols, std::span<const uint8_t> active)
{
    StepOutput& o = outputs_[cell_.step_index()];
    for (int64_t b = 0; b < cell_.lanes(); ++b) {
        o.target[b] = symbols[b];
        if (active[b]) context_.learn(static_cast<int>(b), std::span<const uint32_t, 256>(&o.freqs[b * 256], 256), symbols[b]);
    }
    if (cell_.end_step(symbols, active)) train();
}

void ReferenceLstm::train()
{
    const int64_t H = cell_.hidden();
    const auto& output = cell_.output();
    ScalarCell::Gradients g = cell_.start_gradients();
    std::vector<int64_t> dy(256), back(H);
    for (int64_t t = cell_.train_steps() - 1; t >= 0; --t) {
        const ScalarCell::Step& s = cell_.step(t);
        const StepOutput& o = outputs_[t];
        for (int64_t b = 0; b < cell_.lanes(); ++b) {
            for (int64_t i = 0; i < 256; ++i)
                dy[i] = s.active[b] ? int64_t{o.freqs[b * 256 + i]} - (i == o.target[b] ? int64_t{kFreqTotal} : 0) : 0;
            const int64_t* hn = &s.h[b * H];
            for (int64_t i = 0; i < 256; ++i) g.out_bias[i] += dy[i];
            for (int64_t k = 0; k < H; ++k)
                for (int64_t i = 0; i < 256; ++i) g.output[k * 256 + i] += hn[k] * dy[i];
            for (int64_t k = 0; k < H; ++k) {
                back[k] = 0;
                for (int64_t i = 0; i < 256; ++i) back[k] += dy[i] * output[k * 256 + i];
            }
            cell_.backward(t, b, back.data(), g);
        }
    }
    cell_.apply(g);
}

}  // namespace nnz
