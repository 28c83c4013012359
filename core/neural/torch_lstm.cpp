// The exact LSTM on LibTorch tensors: the same integer algorithm as reference_lstm.cpp, carried in
// float64 tensors whose values are integers below 2^53 (budgets in fixed_point.hpp), so every
// GEMM, sum and index_add is exact and therefore identical on any BLAS, thread count or device.
#include "torch_module.hpp"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <array>
#include <cmath>

#include "../coder/range_coder.hpp"
#include "../error.hpp"
#include "fixed_point.hpp"
#include "lstm_algorithm.hpp"
#include "quantizer.hpp"
#include "tables.hpp"

namespace nnz {
namespace {

at::Tensor round_shift(const at::Tensor& x, int s) { return (x * std::ldexp(1.0, -s) + 0.5).floor_(); }

at::Tensor scale_shift(const at::Tensor& x, int s) { return s > 0 ? round_shift(x, s) : x * std::ldexp(1.0, -s); }

class TorchLstm final : public InspectablePredictor {
public:
    TorchLstm(const ModelShape& shape, TorchDevice device)
        : shape_(shape), H_(shape.hidden), B_(shape.lanes), T_(shape.train_steps), context_(shape.context, shape.lanes)
    {
        c10::InferenceMode guard;
        opts_ = at::TensorOptions().dtype(at::kDouble).device(device == TorchDevice::Cuda ? at::kCUDA : at::kCPU);
        const ModelWeights w = initial_weights(shape);
        m_input_ = upload(w.input, {256, 4 * H_});
        m_recurrent_ = upload(w.recurrent, {H_, 4 * H_});
        m_gate_bias_ = upload(w.gate_bias, {4 * H_});
        m_output_ = upload(w.output, {H_, 256});
        m_out_bias_ = upload(w.out_bias, {256});
        refresh_compute();

        const auto& tables = nonlinearity_tables();
        std::vector<int64_t> gate_table(tables.sigmoid.begin(), tables.sigmoid.end());
        gate_table.insert(gate_table.end(), tables.tanh.begin(), tables.tanh.end());
        gate_table_ = upload(gate_table, {static_cast<int64_t>(gate_table.size())});
        tanh_table_ = upload(std::vector<int64_t>(tables.tanh.begin(), tables.tanh.end()), {fx::kTableSize});
        // Per gate column: the table offset (sigmoid for i, f, o; tanh for g) and the slope
        // polynomial slope = P*x + Q - x*x  (sigmoid: 4096x - x^2; tanh: 2^24 - x^2).
        std::vector<int64_t> offset(4 * H_, fx::kTableHalf), slope_p(4 * H_, fx::kActOne), slope_q(4 * H_, 0);
        for (int64_t k = 2 * H_; k < 3 * H_; ++k)
            offset[k] = fx::kTableHalf + fx::kTableSize, slope_p[k] = 0, slope_q[k] = fx::kActOne * fx::kActOne;
        gate_offset_ = upload(offset, {4 * H_});
        slope_p_ = upload(slope_p, {4 * H_});
        slope_q_ = upload(slope_q, {4 * H_});

        h_ = at::zeros({B_, H_}, opts_);
        c_ = at::zeros({B_, H_}, opts_);
        prev_ = at::zeros({B_}, opts_.dtype(at::kLong));
        steps_.resize(T_);
        freqs_.assign(T_ * B_ * 256, 0);
        targets_.assign(T_ * B_, 0);
        active_.assign(T_ * B_, 0);
    }

    std::span<const uint32_t> predict() override
    {
        c10::InferenceMode guard;
        Step& s = steps_[t_];
        s.input = prev_;
        s.h_prev = h_;
        s.c_prev = c_;
        const at::Tensor bias = (m_input_compute_.index_select(0, prev_) + gate_bias_compute_) * double(fx::kActOne);
        const at::Tensor z = at::addmm(bias, h_, recurrent_compute_);
        const at::Tensor index = (round_shift(z, fx::kWeightShift).clamp_(-fx::kTableHalf, fx::kTableHalf - 1) + gate_offset_).to(at::kLong);
        s.gates = gate_table_.take(index);
        const at::Tensor i = s.gates.narrow(1, 0, H_), f = s.gates.narrow(1, H_, H_);
        const at::Tensor g = s.gates.narrow(1, 2 * H_, H_), o = s.gates.narrow(1, 3 * H_, H_);
        s.c = round_shift(f * c_ + i * g, fx::kActShift).clamp_(-fx::kCellLimit, fx::kCellLimit);
        s.cell_tanh = tanh_table_.take((s.c + double(fx::kTableHalf)).to(at::kLong));
        s.h = round_shift(o * s.cell_tanh, fx::kActShift);
        const at::Tensor logits = round_shift(at::addmm(out_bias_compute_ * double(fx::kActOne), s.h, output_compute_), 28 - fx::kLogitShift)
                                      .to(at::kCPU).to(at::kLong).contiguous();
        const int64_t* l = logits.data_ptr<int64_t>();
        uint32_t* freqs = &freqs_[t_ * B_ * 256];
        std::array<int64_t, 256> lane_logits;
        for (int64_t b = 0; b < B_; ++b) {
            std::copy(l + b * 256, l + (b + 1) * 256, lane_logits.begin());
            context_.add(static_cast<int>(b), lane_logits);
            quantize_logits(lane_logits, std::span<uint32_t, 256>(freqs + b * 256, 256));
        }
        return {freqs, static_cast<size_t>(B_ * 256)};
    }

    void learn(std::span<const uint8_t> symbols, std::span<const uint8_t> active) override
    {
        c10::InferenceMode guard;
        std::vector<int64_t> next(B_);
        for (int64_t b = 0; b < B_; ++b) {
            targets_[t_ * B_ + b] = symbols[b];
            active_[t_ * B_ + b] = active[b];
            next[b] = symbols[b];
            if (active[b]) context_.learn(static_cast<int>(b), std::span<const uint32_t, 256>(&freqs_[(t_ * B_ + b) * 256], 256), symbols[b]);
        }
        prev_ = at::tensor(next, at::TensorOptions().dtype(at::kLong)).to(opts_.device());
        h_ = steps_[t_].h;
        c_ = steps_[t_].c;
        if (++t_ == T_) {
            train();
            t_ = 0;
        }
    }

    ModelWeights weights() const override
    {
        c10::InferenceMode guard;
        return {download(m_input_), download(m_recurrent_), download(m_gate_bias_), download(m_output_), download(m_out_bias_)};
    }

private:
    struct Step {
        at::Tensor input, h_prev, c_prev, gates, c, cell_tanh, h;
    };

    at::Tensor upload(const std::vector<int64_t>& values, at::IntArrayRef shape) const
    {
        return at::tensor(values, at::TensorOptions().dtype(at::kLong)).to(at::kDouble).reshape(shape).to(opts_.device()).contiguous();
    }
    static std::vector<int64_t> download(const at::Tensor& t)
    {
        const at::Tensor cpu = t.to(at::kCPU).to(at::kLong).contiguous();
        return {cpu.data_ptr<int64_t>(), cpu.data_ptr<int64_t>() + cpu.numel()};
    }

    void refresh_compute()
    {
        m_input_compute_ = round_shift(m_input_, fx::kMasterToCompute);
        recurrent_compute_ = round_shift(m_recurrent_, fx::kMasterToCompute);
        gate_bias_compute_ = round_shift(m_gate_bias_, fx::kMasterToCompute);
        output_compute_ = round_shift(m_output_, fx::kMasterToCompute);
        out_bias_compute_ = round_shift(m_out_bias_, fx::kMasterToCompute);
        recurrent_compute_t_ = recurrent_compute_.t().contiguous();
        output_compute_t_ = output_compute_.t().contiguous();
    }

    void train()
    {
        const int64_t G = 4 * H_;
        // Output-layer error from the quantized probabilities the coder used: p - onehot, at 2^16.
        std::vector<double> dy(T_ * B_ * 256);
        for (int64_t r = 0; r < T_ * B_; ++r)
            for (int64_t i = 0; i < 256; ++i)
                dy[r * 256 + i] = active_[r] ? double(freqs_[r * 256 + i]) - (i == targets_[r] ? double(kFreqTotal) : 0.0) : 0.0;
        const at::Tensor dy_all = at::from_blob(dy.data(), {T_ * B_, 256}, at::TensorOptions().dtype(at::kDouble)).to(opts_.device(), /*non_blocking=*/false, /*copy=*/true);

        std::vector<at::Tensor> h_steps, h_prev_steps, inputs;
        for (const Step& s : steps_) h_steps.push_back(s.h), h_prev_steps.push_back(s.h_prev), inputs.push_back(s.input);
        const at::Tensor h_all = at::cat(h_steps, 0);
        const at::Tensor h_prev_all = at::cat(h_prev_steps, 0);
        const at::Tensor input_all = at::cat(inputs, 0);

        at::Tensor dz_all = at::empty({T_ * B_, G}, opts_);
        at::Tensor dh_next = at::zeros({B_, H_}, opts_);
        at::Tensor dc_next = at::zeros({B_, H_}, opts_);
        for (int64_t t = T_ - 1; t >= 0; --t) {
            const Step& s = steps_[t];
            const at::Tensor dy_t = dy_all.narrow(0, t * B_, B_);
            const at::Tensor dh = (round_shift(dy_t.mm(output_compute_t_), fx::kWeightShift) + dh_next).clamp_(-fx::kGradLimit, fx::kGradLimit);
            const at::Tensor i = s.gates.narrow(1, 0, H_), f = s.gates.narrow(1, H_, H_);
            const at::Tensor g = s.gates.narrow(1, 2 * H_, H_), o = s.gates.narrow(1, 3 * H_, H_);
            const at::Tensor d_o = round_shift(dh * s.cell_tanh, fx::kActShift);
            const at::Tensor cell_slope = round_shift(double(fx::kActOne * fx::kActOne) - s.cell_tanh * s.cell_tanh, fx::kActShift);
            const at::Tensor dc = (round_shift(round_shift(dh * o, fx::kActShift) * cell_slope, fx::kActShift) + dc_next)
                                      .clamp_(-fx::kGradLimit, fx::kGradLimit);
            const at::Tensor d_gates = at::cat({round_shift(dc * g, fx::kActShift), round_shift(dc * s.c_prev, fx::kActShift),
                                                round_shift(dc * i, fx::kActShift), d_o}, 1);
            dc_next = round_shift(dc * f, fx::kActShift);
            const at::Tensor slope = round_shift(s.gates * slope_p_ + slope_q_ - s.gates * s.gates, fx::kActShift);
            const at::Tensor dz = round_shift(d_gates * slope, fx::kActShift);
            dz_all.narrow(0, t * B_, B_).copy_(dz);
            dh_next = round_shift(dz.mm(recurrent_compute_t_), fx::kWeightShift).clamp_(-fx::kGradLimit, fx::kGradLimit);
        }
        update(m_output_, h_all.t().mm(dy_all));
        update(m_out_bias_, dy_all.sum(0));
        update(m_recurrent_, h_prev_all.t().mm(dz_all));
        update(m_gate_bias_, dz_all.sum(0));
        update(m_input_, at::zeros({256, G}, opts_).index_add_(0, input_all, dz_all));
        refresh_compute();
    }

    void update(at::Tensor& master, const at::Tensor& gradient) const
    {
        const auto max_abs = static_cast<int64_t>(gradient.abs().max().item<double>());
        if (max_abs == 0) return;
        const int shift = lstm::normalised_update_shift(max_abs, shape_);
        master = (master - scale_shift(gradient, shift)).clamp_(-fx::kMasterLimit, fx::kMasterLimit);
    }

    ModelShape shape_;
    int64_t H_, B_, T_;
    at::TensorOptions opts_;
    at::Tensor m_input_, m_recurrent_, m_gate_bias_, m_output_, m_out_bias_;
    at::Tensor m_input_compute_, recurrent_compute_, gate_bias_compute_, output_compute_, out_bias_compute_;
    at::Tensor recurrent_compute_t_, output_compute_t_;
    at::Tensor gate_table_, tanh_table_, gate_offset_, slope_p_, slope_q_;
    at::Tensor h_, c_, prev_;
    std::vector<Step> steps_;
    std::vector<uint32_t> freqs_;
    std::vector<int64_t> targets_;
    std::vector<uint8_t> active_;
    ContextLogits context_;
    int64_t t_ = 0;
};

std::unique_ptr<InspectablePredictor> make_lstm(const ModelShape& shape, TorchDevice device)
{
    validate_shape(shape);
    if (device == TorchDevice::Cuda && !at::hasCUDA())
        throw Error(ErrorCode::Usage, "this nnzip build has no CUDA device or CUDA-enabled LibTorch");
    return std::make_unique<TorchLstm>(shape, device);
}

bool cuda_available() { return at::hasCUDA(); }
void set_threads(int threads) { at::set_num_threads(threads); }
int threads() { return at::get_num_threads(); }

}  // namespace
}  // namespace nnz

extern "C" __attribute__((visibility("default"))) const nnz::TorchModuleApi* nnzip_torch_module()
{
    static const nnz::TorchModuleApi api{nnz::kTorchModuleAbi, nnz::make_lstm, nnz::cuda_available, nnz::set_threads, nnz::threads};
    return &api;
}
