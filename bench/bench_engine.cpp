// Engine micro-benchmark: compresses one file with the neural codec and reports bpb and speed.
//   bench_engine FILE [preset] [threads] [hidden lanes T lr_shift [ctx_orders ctx_lr]]
#include <chrono>
#include <sys/resource.h>
#include <cstdlib>
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
    // Mixed-model knobs for tuning runs (model kind 1).
    auto env_int = [](const char* name, int fallback) { const char* v = std::getenv(name); return v ? std::atoi(v) : fallback; };
    s.model_kind = static_cast<uint8_t>(env_int("NNZ_KIND", s.model_kind));
    s.mixer_table_bits = static_cast<uint8_t>(env_int("NNZ_TABLE_BITS", s.mixer_table_bits));
    s.mixer_counter_limit = static_cast<uint16_t>(env_int("NNZ_COUNTER_LIMIT", s.mixer_counter_limit));
    s.mixer_rate = static_cast<uint8_t>(env_int("NNZ_MIXER_RATE", s.mixer_rate));
    s.mixer_apm_rate = static_cast<uint8_t>(env_int("NNZ_APM_RATE", s.mixer_apm_rate));
    s.context_orders = static_cast<uint8_t>(env_int("NNZ_CTX_ORDERS", s.context_orders));
    s.context_set = static_cast<uint8_t>(env_int("NNZ_CONTEXT_SET", s.context_set));
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
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double cpu_s = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6;  // includes start-up and decode
    std::printf("%s H=%d B=%d T=%d lr=2^-%d threads=%d: %zu -> %zu bytes, %.4f bpb, enc %.1f KB/s%s",
                argv[1], s.hidden, s.lanes_for(data.size()), s.train_steps, s.lr_shift, nnz::torch_threads(), data.size(),
                packed.size(), 8.0 * packed.size() / data.size(), data.size() / enc_s / 1000, "");
    if (verify) std::printf(", dec %.1f KB/s, round trip ok", data.size() / dec_s / 1000);
    std::printf(" (process cpu %.2f s)\n", cpu_s);
}
