// The scalar reference of the exact LSTM: plain loops over int64, no BLAS, no LibTorch. It is the
// specification the tensor backend must match bit for bit (tests/tst_exact_model.cpp).
#include <array>
#include <cassert>

#include "../coder/range_coder.hpp"
#include "lstm_algorithm.hpp"
#include "quantizer.hpp"
#include "reference_lstm.hpp"
#include "tables.hpp"

namespace nnz {

using fx::clamp;
using fx::round_shift;

ReferenceLstm::ReferenceLstm(const ModelShape& shape)
    : shape_(shape), H_(shape.hidden), B_(shape.lanes), T_(shape.train_steps),
      master_(initial_weights(shape)), tables_(nonlinearity_tables()), context_(shape.context, shape.lanes)
{
    refresh_compute();
    h_.assign(B_ * H_, 0);
    c_.assign(B_ * H_, 0);
    prev_.assign(B_, 0);
    steps_.resize(T_);
    for (auto& s : steps_) {
        s.input.assign(B_, 0);
        s.h_prev.assign(B_ * H_, 0);
        s.c_prev.assign(B_ * H_, 0);
        s.gates.assign(B_ * 4 * H_, 0);
        s.cell_tanh.assign(B_ * H_, 0);
        s.h.assign(B_ * H_, 0);
        s.c.assign(B_ * H_, 0);
        s.freqs.assign(B_ * 256, 0);
        s.target.assign(B_, 0);
        s.active.assign(B_, 0);
    }
}

void ReferenceLstm::refresh_compute()
{
    lstm::to_compute(master_.input, input_);
    lstm::to_compute(master_.recurrent, recurrent_);
    lstm::to_compute(master_.gate_bias, gate_bias_);
    lstm::to_compute(master_.output, output_);
    lstm::to_compute(master_.out_bias, out_bias_);
}

std::span<const uint32_t> ReferenceLstm::predict()
{
    Step& s = steps_[t_];
    const int64_t H = H_, G = 4 * H_;
    std::vector<int64_t> z(G);
    std::array<int64_t, 256> logits;
    for (int64_t b = 0; b < B_; ++b) {
        const int64_t* h = &h_[b * H];
        const int64_t* c = &c_[b * H];
        s.input[b] = prev_[b];
        std::copy(h, h + H, &s.h_prev[b * H]);
        std::copy(c, c + H, &s.c_prev[b * H]);
        for (int64_t j = 0; j < G; ++j) {
            int64_t acc = 0;
            for (int64_t k = 0; k < H; ++k) acc += h[k] * recurrent_[k * G + j];
            assert(acc < (int64_t{1} << 53) && acc > -(int64_t{1} << 53));
            acc += (input_[prev_[b] * G + j] + gate_bias_[j]) * fx::kActOne;
            z[j] = clamp(round_shift(acc, fx::kWeightShift), -fx::kTableHalf, fx::kTableHalf - 1) + fx::kTableHalf;
        }
        int64_t* gates = &s.gates[b * G];
        for (int64_t k = 0; k < H; ++k) {
            const int64_t i = tables_.sigmoid[z[k]];
            const int64_t f = tables_.sigmoid[z[H + k]];
            const int64_t g = tables_.tanh[z[2 * H + k]];
            const int64_t o = tables_.sigmoid[z[3 * H + k]];
            gates[k] = i, gates[H + k] = f, gates[2 * H + k] = g, gates[3 * H + k] = o;
            const int64_t cell = clamp(round_shift(f * c[k] + i * g, fx::kActShift), -fx::kCellLimit, fx::kCellLimit);
            const int64_t ct = tables_.tanh[cell + fx::kTableHalf];
            s.c[b * H + k] = cell;
            s.cell_tanh[b * H + k] = ct;
            s.h[b * H + k] = round_shift(o * ct, fx::kActShift);
        }
        const int64_t* hn = &s.h[b * H];
        for (int64_t i = 0; i < 256; ++i) {
            int64_t acc = out_bias_[i] * fx::kActOne;
            for (int64_t k = 0; k < H; ++k) acc += hn[k] * output_[k * 256 + i];
            logits[i] = round_shift(acc, 28 - fx::kLogitShift);
        }
        context_.add(static_cast<int>(b), logits);
        quantize_logits(logits, std::span<uint32_t, 256>(&s.freqs[b * 256], 256));
    }
    return s.freqs;
}

void ReferenceLstm::learn(std::span<const uint8_t> symbols, std::span<const uint8_t> active)
{
    Step& s = steps_[t_];
    for (int64_t b = 0; b < B_; ++b) {
        s.target[b] = symbols[b];
        s.active[b] = active[b];
        prev_[b] = symbols[b];
        if (active[b]) context_.learn(static_cast<int>(b), std::span<const uint32_t, 256>(&s.freqs[b * 256], 256), symbols[b]);
    }
    h_ = s.h;
    c_ = s.c;
    if (++t_ == T_) {
        train();
        t_ = 0;
    }
}

void ReferenceLstm::train()
{
    const int64_t H = H_, G = 4 * H_;
    std::vector<int64_t> d_input(256 * G, 0), d_recurrent(H * G, 0), d_gate_bias(G, 0);
    std::vector<int64_t> d_output(H * 256, 0), d_out_bias(256, 0);
    std::vector<int64_t> dh_next(B_ * H, 0), dc_next(B_ * H, 0);
    std::vector<int64_t> dy(256), dz(G);
    for (int64_t t = T_ - 1; t >= 0; --t) {
        const Step& s = steps_[t];
        for (int64_t b = 0; b < B_; ++b) {
            for (int64_t i = 0; i < 256; ++i)
                dy[i] = s.active[b] ? int64_t{s.freqs[b * 256 + i]} - (i == s.target[b] ? int64_t{kFreqTotal} : 0) : 0;
            const int64_t* hn = &s.h[b * H];
            for (int64_t i = 0; i < 256; ++i) d_out_bias[i] += dy[i];
            for (int64_t k = 0; k < H; ++k)
                for (int64_t i = 0; i < 256; ++i) d_output[k * 256 + i] += hn[k] * dy[i];
            const int64_t* gates = &s.gates[b * G];
            for (int64_t k = 0; k < H; ++k) {
                int64_t back = 0;
                for (int64_t i = 0; i < 256; ++i) back += dy[i] * output_[k * 256 + i];
                const int64_t dh = clamp(round_shift(back, fx::kWeightShift) + dh_next[b * H + k], -fx::kGradLimit, fx::kGradLimit);
                const int64_t i_ = gates[k], f = gates[H + k], g = gates[2 * H + k], o = gates[3 * H + k];
                const int64_t ct = s.cell_tanh[b * H + k];
                const int64_t d_o = round_shift(dh * ct, fx::kActShift);
                const int64_t dc = clamp(round_shift(round_shift(dh * o, fx::kActShift) * lstm::tanh_slope(ct), fx::kActShift)
                                         + dc_next[b * H + k], -fx::kGradLimit, fx::kGradLimit);
                const int64_t d_i = round_shift(dc * g, fx::kActShift);
                const int64_t d_g = round_shift(dc * i_, fx::kActShift);
                const int64_t d_f = round_shift(dc * s.c_prev[b * H + k], fx::kActShift);
                dc_next[b * H + k] = round_shift(dc * f, fx::kActShift);
                dz[k] = round_shift(d_i * lstm::sigmoid_slope(i_), fx::kActShift);
                dz[H + k] = round_shift(d_f * lstm::sigmoid_slope(f), fx::kActShift);
                dz[2 * H + k] = round_shift(d_g * lstm::tanh_slope(g), fx::kActShift);
                dz[3 * H + k] = round_shift(d_o * lstm::sigmoid_slope(o), fx::kActShift);
            }
            const int64_t* hp = &s.h_prev[b * H];
            const int64_t x = s.input[b];
            for (int64_t j = 0; j < G; ++j) {
                d_gate_bias[j] += dz[j];
                d_input[x * G + j] += dz[j];
            }
            for (int64_t k = 0; k < H; ++k) {
                int64_t back = 0;
                for (int64_t j = 0; j < G; ++j) {
                    d_recurrent[k * G + j] += hp[k] * dz[j];
                    back += dz[j] * recurrent_[k * G + j];
                }
                dh_next[b * H + k] = clamp(round_shift(back, fx::kWeightShift), -fx::kGradLimit, fx::kGradLimit);
            }
        }
    }
    lstm::apply_update(master_.input, d_input, shape_);
    lstm::apply_update(master_.recurrent, d_recurrent, shape_);
    lstm::apply_update(master_.gate_bias, d_gate_bias, shape_);
    lstm::apply_update(master_.output, d_output, shape_);
    lstm::apply_update(master_.out_bias, d_out_bias, shape_);
    refresh_compute();
}

}  // namespace nnz
