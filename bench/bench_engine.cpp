// Engine micro-benchmark: compresses one file with the neural codec and reports bpb and speed.
//   bench_engine FILE [preset] [threads] [hidden lanes T lr_shift [ctx_orders ctx_lr]]
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "neural/neural_codec.hpp"
#include "neural/torch_lstm.hpp"

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_engine FILE [preset] [threads] [hidden lanes T lr_shift [ctx_orders ctx_lr]]\n");
        return 1;
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto s = nnz::NeuralSettings::preset(argc > 2 ? argv[2] : "default");
    s.threads = argc > 3 ? std::stoi(argv[3]) : 1;
    if (argc > 7) {
        s.hidden = std::stoi(argv[4]);
        s.lanes = std::stoi(argv[5]);
        s.train_steps = std::stoi(argv[6]);
        s.lr_shift = std::stoi(argv[7]);
    }
    if (argc > 8) s.context_orders = std::stoi(argv[8]);
    if (argc > 9) s.context_lr_shift = std::stoi(argv[9]);
    if (argc > 10) s.context_rate_limit = std::stoi(argv[10]);
    auto codec = nnz::make_neural_codec(s);
    nnz::JobControl control;
    const auto t0 = std::chrono::steady_clock::now();
    const auto packed = codec->encode(data, control);
    const auto t1 = std::chrono::steady_clock::now();
    const bool verify = std::getenv("NNZ_BENCH_VERIFY") != nullptr;
    double dec_s = 0;
    if (verify) {
        const auto back = codec->decode(packed, data.size(), control);
        dec_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
        if (back != data) { std::fprintf(stderr, "ROUND TRIP FAILED\n"); return 2; }
    }
    const double enc_s = std::chrono::duration<double>(t1 - t0).count();
    std::printf("%s H=%d B=%d T=%d lr=2^-%d threads=%d: %zu -> %zu bytes, %.4f bpb, enc %.1f KB/s%s",
                argv[1], s.hidden, s.lanes_for(data.size()), s.train_steps, s.lr_shift, nnz::torch_threads(), data.size(),
                packed.size(), 8.0 * packed.size() / data.size(), data.size() / enc_s / 1000, verify ? "" : "\n");
    if (verify) std::printf(", dec %.1f KB/s, round trip ok\n", data.size() / dec_s / 1000);
}
