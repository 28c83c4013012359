// The float32 twin of the exact model: the same architecture (LSTM H, lanes B, T-step truncated
// BPTT, per-tensor power-of-two normalised steps, order-1..6 context logit rows with the same
// adaptive rate) computed in plain float with real sigmoid/tanh/softmax. It reports the ideal code
// length under the same 16-bit frequency quantization, and the exact model's size for comparison,
// so we know what exactness costs in bpb. It lives in bench/ only: it is not a BlockCodec and
// cannot write an archive (its float results are not portable).
//   bench_float_twin FILE [preset]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>
#include <vector>

#include "neural/context_logits.hpp"
#include "neural/neural_codec.hpp"

namespace {

struct FloatTwin {
    int H, B, T;
    float lr;  // largest step per tensor per training step
    std::vector<float> Wx, U, bg, V, bo;  // [256][4H], [H][4H], [4H], [H][256], [256]
    std::vector<float> h, c;
    std::vector<int> prev;
    struct Step { std::vector<int> x, target; std::vector<uint8_t> active; std::vector<float> hp, cp, gates, ct, hn, cn, p; };
    std::vector<Step> steps;
    int t = 0;
    // Context rows (float logits) and seen counts; same hashing as the exact model.
    struct Table { int order; uint64_t rows; std::vector<float> logit; std::vector<uint8_t> seen; };
    std::vector<Table> tables;
    std::vector<uint64_t> hist;
    int hash_bits, ctx_lr_shift, rate_limit;

    FloatTwin(const nnz::NeuralSettings& s, int lanes)
        : H(s.hidden), B(lanes), T(s.train_steps), lr(std::ldexp(1.0f, -s.lr_shift)),
          hash_bits(s.context_hash_bits), ctx_lr_shift(s.context_lr_shift), rate_limit(s.context_rate_limit)
    {
        std::mt19937 rng(s.seed);
        auto fill = [&](std::vector<float>& v, size_t n, float r) {
            std::uniform_real_distribution<float> d(-r, r);
            v.resize(n);
            for (auto& x : v) x = d(rng);
        };
        const float r = 1.0f / std::sqrt(4.0f * H);
        fill(Wx, 256 * 4 * H, 0.25f);
        fill(U, H * 4 * H, r);
        bg.assign(4 * H, 0.0f);
        for (int j = H; j < 2 * H; ++j) bg[j] = 1.0f;
        fill(V, H * 256, r);
        bo.assign(256, 0.0f);
        h.assign(B * H, 0);
        c.assign(B * H, 0);
        prev.assign(B, 0);
        steps.resize(T);
        for (int order = 1; order <= 6; ++order) {
            if (!(s.context_orders & (1u << (order - 1)))) continue;
            const uint64_t rows = nnz::ContextLogits::rows_of_order(order, hash_bits);
            tables.push_back({order, rows, std::vector<float>(rows * 256, 0.0f), std::vector<uint8_t>(rows, 0)});
        }
        hist.assign(B, 0);
    }
    uint64_t row_of(const Table& tb, uint64_t history) const { return nnz::ContextLogits::row_index(tb.order, history, hash_bits); }
    static float sig(float x) { return 1.0f / (1.0f + std::exp(-x)); }

    // Returns probabilities [B][256].
    const std::vector<float>& predict()
    {
        Step& s = steps[t];
        const int G = 4 * H;
        s.x = prev;
        s.hp = h;
        s.cp = c;
        s.gates.assign(B * G, 0);
        s.ct.assign(B * H, 0);
        s.hn.assign(B * H, 0);
        s.cn.assign(B * H, 0);
        s.p.assign(B * 256, 0);
        std::vector<float> z(G), logit(256);
        for (int b = 0; b < B; ++b) {
            for (int j = 0; j < G; ++j) z[j] = Wx[prev[b] * G + j] + bg[j];
            for (int k = 0; k < H; ++k) {
                const float hk = h[b * H + k];
                for (int j = 0; j < G; ++j) z[j] += hk * U[k * G + j];
            }
            for (int k = 0; k < H; ++k) {
                const float i = sig(z[k]), f = sig(z[H + k]), g = std::tanh(z[2 * H + k]), o = sig(z[3 * H + k]);
                float* gt = &s.gates[b * G];
                gt[k] = i, gt[H + k] = f, gt[2 * H + k] = g, gt[3 * H + k] = o;
                const float cell = f * c[b * H + k] + i * g;
                s.cn[b * H + k] = cell;
                s.ct[b * H + k] = std::tanh(cell);
                s.hn[b * H + k] = o * s.ct[b * H + k];
            }
            for (int i = 0; i < 256; ++i) logit[i] = bo[i];
            for (int k = 0; k < H; ++k)
                for (int i = 0; i < 256; ++i) logit[i] += s.hn[b * H + k] * V[k * 256 + i];
            for (const Table& tb : tables) {
                const float* row = &tb.logit[row_of(tb, hist[b]) * 256];
                for (int i = 0; i < 256; ++i) logit[i] += row[i];
            }
            const float m = *std::max_element(logit.begin(), logit.end());
            float sum = 0;
            for (int i = 0; i < 256; ++i) sum += (s.p[b * 256 + i] = std::exp(logit[i] - m));
            for (int i = 0; i < 256; ++i) s.p[b * 256 + i] /= sum;
        }
        return s.p;
    }

    void learn(const std::vector<int>& sym, const std::vector<uint8_t>& act)
    {
        Step& s = steps[t];
        s.target = sym;
        s.active = act;
        for (int b = 0; b < B; ++b) {
            if (act[b]) {
                for (Table& tb : tables) {
                    const uint64_t r = row_of(tb, hist[b]);
                    int slower = 0;
                    for (unsigned n = tb.seen[r] + 1u; n > 1 && slower < rate_limit; n >>= 1) ++slower;
                    if (tb.seen[r] < 255) ++tb.seen[r];
                    const float step = std::ldexp(1.0f, -(ctx_lr_shift + slower));
                    float* row = &tb.logit[r * 256];
                    for (int i = 0; i < 256; ++i) row[i] = std::clamp(row[i] - step * (s.p[b * 256 + i] - (i == sym[b] ? 1.0f : 0.0f)), -32.0f, 32.0f);
                }
                hist[b] = (hist[b] << 8) | uint8_t(sym[b]);
            }
            prev[b] = sym[b];
        }
        h = s.hn;
        c = s.cn;
        if (++t == T) train(), t = 0;
    }

    static void step_tensor(std::vector<float>& w, const std::vector<float>& g, float lr)
    {
        float m = 0;
        for (float x : g) m = std::max(m, std::fabs(x));
        if (m == 0) return;
        const float scale = lr / std::ldexp(1.0f, std::ilogb(m) + 1);  // same power-of-two rule
        for (size_t i = 0; i < w.size(); ++i) w[i] = std::clamp(w[i] - g[i] * scale, -8.0f, 8.0f);
    }

    void train()
    {
        const int G = 4 * H;
        std::vector<float> dWx(256 * G, 0), dU(H * G, 0), dbg(G, 0), dV(H * 256, 0), dbo(256, 0);
        std::vector<float> dhn(B * H, 0), dcn(B * H, 0), dy(256), dz(G);
        for (int tt = T - 1; tt >= 0; --tt) {
            const Step& s = steps[tt];
            for (int b = 0; b < B; ++b) {
                for (int i = 0; i < 256; ++i) dy[i] = s.active[b] ? s.p[b * 256 + i] - (i == s.target[b] ? 1.0f : 0.0f) : 0.0f;
                for (int i = 0; i < 256; ++i) dbo[i] += dy[i];
                for (int k = 0; k < H; ++k)
                    for (int i = 0; i < 256; ++i) dV[k * 256 + i] += s.hn[b * H + k] * dy[i];
                const float* gt = &s.gates[b * G];
                for (int k = 0; k < H; ++k) {
                    float dh = dhn[b * H + k];
                    for (int i = 0; i < 256; ++i) dh += dy[i] * V[k * 256 + i];
                    const float i_ = gt[k], f = gt[H + k], g = gt[2 * H + k], o = gt[3 * H + k], ct = s.ct[b * H + k];
                    const float d_o = dh * ct;
                    const float dc = dh * o * (1 - ct * ct) + dcn[b * H + k];
                    dcn[b * H + k] = dc * f;
                    dz[k] = dc * g * i_ * (1 - i_);
                    dz[H + k] = dc * s.cp[b * H + k] * f * (1 - f);
                    dz[2 * H + k] = dc * i_ * (1 - g * g);
                    dz[3 * H + k] = d_o * o * (1 - o);
                }
                for (int j = 0; j < G; ++j) dbg[j] += dz[j], dWx[s.x[b] * G + j] += dz[j];
                for (int k = 0; k < H; ++k) {
                    float back = 0;
                    for (int j = 0; j < G; ++j) dU[k * G + j] += s.hp[b * H + k] * dz[j], back += dz[j] * U[k * G + j];
                    dhn[b * H + k] = back;
                }
            }
        }
        step_tensor(Wx, dWx, lr);
        step_tensor(U, dU, lr);
        step_tensor(bg, dbg, lr);
        step_tensor(V, dV, lr);
        step_tensor(bo, dbo, lr);
    }
};

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_float_twin FILE [preset]\n");
        return 1;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto settings = nnz::NeuralSettings::preset(argc > 2 ? argv[2] : "default");
    const int lanes = settings.lanes_for(data.size());
    const uint64_t L = (data.size() + lanes - 1) / lanes;

    const auto t0 = std::chrono::steady_clock::now();
    FloatTwin twin(settings, lanes);
    double bits = 0;
    std::vector<int> sym(lanes);
    std::vector<uint8_t> act(lanes);
    for (uint64_t step = 0; step < L; ++step) {
        const auto& p = twin.predict();
        for (int b = 0; b < lanes; ++b) {
            const uint64_t pos = b * L + step;
            act[b] = step < L && pos < data.size();
            sym[b] = act[b] ? data[pos] : 0;
            if (!act[b]) continue;
            // The same 16-bit quantization the coder would need: 1 + floor(p * (TOTAL - 256)).
            double total = 0, f_sym = 0;
            for (int i = 0; i < 256; ++i) {
                const double f = 1 + std::floor(p[b * 256 + i] * (65536 - 256));
                total += f;
                if (i == sym[b]) f_sym = f;
            }
            bits += -std::log2(f_sym / total);
        }
        twin.learn(sym, act);
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    auto codec = nnz::make_neural_codec(settings);
    nnz::JobControl control;
    const auto packed = codec->encode(data, control);
    const double exact_bpb = 8.0 * packed.size() / data.size();
    const double twin_bpb = bits / data.size();
    std::printf("%s: float32 twin %.4f bpb (ideal code length, %.1f KB/s scalar) | exact model %.4f bpb (real archive bytes) | exactness costs %+.2f%%\n",
                argv[1], twin_bpb, data.size() / secs / 1000, exact_bpb, 100.0 * (exact_bpb / twin_bpb - 1));
}
