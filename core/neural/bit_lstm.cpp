#include "bit_lstm.hpp"

#include "../mixing/logistic.hpp"

namespace nnz {

BitLstm::BitLstm(const ModelShape& shape)
    : cell_(shape), outputs_(static_cast<size_t>(shape.train_steps)), bits_done_(static_cast<size_t>(shape.lanes), 0),
      predicted_(static_cast<size_t>(shape.lanes), mixing::kProbOne / 2)
{
    for (auto& o : outputs_) {
        o.nodes.assign(static_cast<size_t>(shape.lanes) * 8, 0);
        o.dy.assign(static_cast<size_t>(shape.lanes) * 8, 0);
    }
}

void BitLstm::begin_step()
{
    cell_.forward();
    std::fill(bits_done_.begin(), bits_done_.end(), 0);
}

int64_t BitLstm::logit(int lane, int node) const
{
    const int64_t H = cell_.hidden();
    const int64_t* h = &cell_.current().h[lane * H];
    const auto& output = cell_.output();
    int64_t acc = cell_.out_bias()[node] * fx::kActOne;
    for (int64_t k = 0; k < H; ++k) acc += h[k] * output[k * 256 + node];
    return fx::round_shift(acc, 28 - fx::kLogitShift);  // nats at 2^8: the mixer's stretch scale
}

int BitLstm::predict_bit(int lane, int node)
{
    const int stretched = mixing::clamp_stretch(logit(lane, node));
    predicted_[lane] = mixing::squash(stretched);
    return stretched;
}

void BitLstm::learn_bit(int lane, int node, int bit)
{
    StepOutput& o = outputs_[cell_.step_index()];
    const int slot = lane * 8 + bits_done_[lane]++;
    o.nodes[slot] = static_cast<uint8_t>(node);
    o.dy[slot] = (int64_t{predicted_[lane]} << 4) - (int64_t{bit} << 16);
}

void BitLstm::end_step(std::span<const uint8_t> symbols, std::span<const uint8_t> active)
{
    if (cell_.end_step(symbols, active)) train();
}

void BitLstm::train()
{
    const int64_t H = cell_.hidden();
    const auto& output = cell_.output();
    ScalarCell::Gradients g = cell_.start_gradients();
    std::vector<int64_t> back(H);
    for (int64_t t = cell_.train_steps() - 1; t >= 0; --t) {
        const ScalarCell::Step& s = cell_.step(t);
        const StepOutput& o = outputs_[t];
        for (int64_t b = 0; b < cell_.lanes(); ++b) {
            if (!s.active[b]) continue;  // a lane past its end has no byte here and none after
            const int64_t* hn = &s.h[b * H];
            const uint8_t* nodes = &o.nodes[b * 8];
            const int64_t* dy = &o.dy[b * 8];
            for (int n = 0; n < 8; ++n) {
                g.out_bias[nodes[n]] += dy[n];
                for (int64_t k = 0; k < H; ++k) g.output[k * 256 + nodes[n]] += hn[k] * dy[n];
            }
            for (int64_t k = 0; k < H; ++k) {
                back[k] = 0;
                for (int n = 0; n < 8; ++n) back[k] += dy[n] * output[k * 256 + nodes[n]];
            }
            cell_.backward(t, b, back.data(), g);
        }
    }
    cell_.apply(g);
}

}  // namespace nnz
