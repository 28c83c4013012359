#include "scalar_cell.hpp"

#include <array>

namespace nnz {

ScalarCell::ScalarCell(const ModelShape& shape)
    : shape_(shape), H_(shape.hidden), B_(shape.lanes), T_(shape.train_steps), master_(initial_weights(shape)),
      tables_(nonlinearity_tables())
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
        s.active.assign(B_, 0);
    }
}

void ScalarCell::refresh_compute()
{
    lstm::to_compute(master_.input, input_);
    lstm::to_compute(master_.recurrent, recurrent_);
    lstm::to_compute(master_.gate_bias, gate_bias_);
    lstm::to_compute(master_.output, output_);
    lstm::to_compute(master_.out_bias, out_bias_);
}

void ScalarCell::forward()
{
    Step& s = steps_[t_];
    const int64_t H = H_, G = 4 * H_;
    std::vector<int64_t> z(G);
    for (int64_t b = 0; b < B_; ++b) {
        const int64_t* h = &h_[b * H];
        const int64_t* c = &c_[b * H];
        s.input[b] = prev_[b];
        std::copy(h, h + H, &s.h_prev[b * H]);
        std::copy(c, c + H, &s.c_prev[b * H]);
        lstm::gate_preactivations(H, h, recurrent_.data(), &input_[prev_[b] * G], gate_bias_.data(), z.data());
        int64_t* gates = &s.gates[b * G];
        for (int64_t k = 0; k < H; ++k) {
            const auto u = lstm::unit_forward(tables_, z[k], z[H + k], z[2 * H + k], z[3 * H + k], c[k]);
            gates[k] = u.i, gates[H + k] = u.f, gates[2 * H + k] = u.g, gates[3 * H + k] = u.o;
            s.c[b * H + k] = u.cell;
            s.cell_tanh[b * H + k] = u.cell_tanh;
            s.h[b * H + k] = u.h;
        }
    }
}

bool ScalarCell::end_step(std::span<const uint8_t> symbols, std::span<const uint8_t> active)
{
    Step& s = steps_[t_];
    for (int64_t b = 0; b < B_; ++b) {
        s.active[b] = active[b];
        prev_[b] = symbols[b];
    }
    h_ = s.h;
    c_ = s.c;
    return ++t_ == T_;
}

ScalarCell::Gradients ScalarCell::start_gradients() const
{
    const int64_t H = H_, G = 4 * H_;
    Gradients g;
    g.input.assign(256 * G, 0);
    g.recurrent.assign(H * G, 0);
    g.gate_bias.assign(G, 0);
    g.output.assign(H * 256, 0);
    g.out_bias.assign(256, 0);
    g.dh_next.assign(B_ * H, 0);
    g.dc_next.assign(B_ * H, 0);
    g.dz.assign(G, 0);
    return g;
}

void ScalarCell::backward(int64_t t, int64_t b, const int64_t* dh_from_output, Gradients& g) const
{
    const Step& s = steps_[t];
    const int64_t H = H_, G = 4 * H_;
    const int64_t* gates = &s.gates[b * G];
    int64_t* dz = g.dz.data();
    for (int64_t k = 0; k < H; ++k) {
        const int64_t dh = fx::clamp(fx::round_shift(dh_from_output[k], fx::kWeightShift) + g.dh_next[b * H + k], -fx::kGradLimit, fx::kGradLimit);
        lstm::unit_backward(dh, gates[k], gates[H + k], gates[2 * H + k], gates[3 * H + k], s.cell_tanh[b * H + k], s.c_prev[b * H + k],
                            g.dc_next[b * H + k], dz[k], dz[H + k], dz[2 * H + k], dz[3 * H + k]);
    }
    lstm::gates_backward(H, dz, &s.h_prev[b * H], recurrent_.data(), &g.input[s.input[b] * G], g.recurrent.data(), g.gate_bias.data(),
                         &g.dh_next[b * H]);
}

void ScalarCell::apply(const Gradients& g)
{
    // The input embedding has 256 rows but only the previous bytes of the last T steps received
    // gradient: update (and refresh) just those rows.
    std::array<bool, 256> seen{};
    std::vector<int> rows;
    for (const Step& s : steps_)
        for (int64_t x : s.input)
            if (!seen[x]) seen[x] = true, rows.push_back(static_cast<int>(x));
    lstm::apply_update_rows(master_.input, g.input, rows, static_cast<size_t>(4 * H_), shape_, input_);
    lstm::apply_update(master_.recurrent, g.recurrent, shape_);
    lstm::apply_update(master_.gate_bias, g.gate_bias, shape_);
    lstm::apply_update(master_.output, g.output, shape_);
    lstm::apply_update(master_.out_bias, g.out_bias, shape_);
    lstm::to_compute(master_.recurrent, recurrent_);
    lstm::to_compute(master_.gate_bias, gate_bias_);
    lstm::to_compute(master_.output, output_);
    lstm::to_compute(master_.out_bias, out_bias_);
    t_ = 0;
}

}  // namespace nnz
