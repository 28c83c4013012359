// nnzip-bench: the neural engine alone on one stream (no container, no libarchive, no Qt). It
// compresses FILE with a preset on a device, decodes the result (on the same or another device),
// checks the round trip and prints one line of key=value figures. It builds wherever the engine
// builds, so it is the tool for CUDA builds and scripts/gpu-check.sh.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"
#include "job_control.hpp"
#include "neural/neural_codec.hpp"
#include "neural/torch_lstm.hpp"

namespace {

using nnz::Device;
using nnz::Error;
using nnz::ErrorCode;

constexpr const char* kUsage =
    "Usage: nnzip-bench FILE [options]\n"
    "  Compresses FILE with the neural engine, decodes it again and checks the round trip.\n"
    "  --preset NAME            model preset (default: default)\n"
    "  --device cpu|cuda|auto   where the encoder runs (default: auto)\n"
    "  --decode-device DEVICE   where the decoder runs (default: the encoder's device)\n"
    "  --threads N              LibTorch threads (default: 1)\n"
    "  --lanes N                lanes instead of the preset's\n"
    "  --bytes SIZE             use only the first SIZE bytes of FILE (K/M suffixes)\n"
    "  --table-bits N           context tables of at most 2^N counters instead of the preset's\n"
    "  --hidden N               LSTM width instead of the preset's\n"
    "  --train-steps N          LSTM training interval (truncated BPTT length) instead of the preset's\n"
    "  --context-set N          the mixer's context set (1-7; kinds 2-3) instead of the preset's\n"
    "  --no-genes               without the preset's protein-from-genes model (TranslationModel)\n"
    "  --output PACKED          also write the compressed stream to PACKED\n"
    "  --network-ahead          compress with the network on a thread of its own, ahead of the\n"
    "                           coder (as nnzip a does with a core to spare; the same bytes)\n"
    "  --no-verify              compress only\n"
    "Prints: file= preset= device= decode_device= bytes= packed= bpb= encode_kbps= decode_kbps= round_trip=\n"
    "Exit status: 0 ok, 1 usage, 2 round trip mismatch, 3 I/O error.\n";

struct Options {
    std::filesystem::path file;
    std::string preset = "default";
    Device device = Device::Auto;
    std::optional<Device> decode_device;
    int threads = 1;
    std::optional<int> lanes;
    std::optional<uint64_t> bytes;
    std::optional<int> table_bits;
    std::optional<int> hidden;
    std::optional<int> train_steps;
    std::optional<int> context_set;
    bool genes = true;
    std::optional<std::filesystem::path> output;
    bool verify = true;
    bool network_ahead = false;
};

[[noreturn]] void usage_error(const std::string& message) { throw Error(ErrorCode::Usage, message); }

Device parse_device(std::string_view text)
{
    if (text == "cpu") return Device::Cpu;
    if (text == "cuda") return Device::Cuda;
    if (text == "auto") return Device::Auto;
    usage_error("unknown device '" + std::string(text) + "' (cpu, cuda, auto)");
}

// The device a setting resolves to here, as the codec resolves it: the bit LSTM of model kind 3
// (fast, default) always runs on the CPU, and asking would load LibTorch for nothing.
std::string_view device_name(Device device, const nnz::NeuralSettings& settings)
{
    if (settings.model_kind >= 3) return "cpu";
    const bool cuda = device == Device::Cuda || (device == Device::Auto && nnz::torch_cuda_available());
    return cuda ? "cuda" : "cpu";
}

uint64_t parse_number(std::string_view option, std::string_view text, uint64_t max)
{
    uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    const std::string_view unit(end, text.data() + text.size() - end);
    int shift = -1;
    if (unit.empty()) shift = 0;
    else if (unit == "K" || unit == "k") shift = 10;
    else if (unit == "M" || unit == "m") shift = 20;
    if (ec != std::errc() || end == text.data() || shift < 0 || value == 0 || value > (max >> shift))
        usage_error(std::string(option) + " wants a positive number, not '" + std::string(text) + "'");
    return value << shift;
}

Options parse(int argc, char** argv)
{
    Options o;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= argc) usage_error(std::string(arg) + " needs a value");
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            std::exit(0);
        } else if (arg == "--preset") o.preset = value();
        else if (arg == "--device") o.device = parse_device(value());
        else if (arg == "--decode-device") o.decode_device = parse_device(value());
        else if (arg == "--threads") o.threads = static_cast<int>(parse_number(arg, value(), 1024));
        else if (arg == "--lanes") o.lanes = static_cast<int>(parse_number(arg, value(), 65535));
        else if (arg == "--bytes") o.bytes = parse_number(arg, value(), UINT64_MAX);
        else if (arg == "--table-bits") o.table_bits = static_cast<int>(parse_number(arg, value(), 26));
        else if (arg == "--hidden") o.hidden = static_cast<int>(parse_number(arg, value(), 1024));
        else if (arg == "--train-steps") o.train_steps = static_cast<int>(parse_number(arg, value(), 1024));
        else if (arg == "--context-set") o.context_set = static_cast<int>(parse_number(arg, value(), 7));
        else if (arg == "--no-genes") o.genes = false;
        else if (arg == "--output") o.output = std::filesystem::path(value());
        else if (arg == "--no-verify") o.verify = false;
        else if (arg == "--network-ahead") o.network_ahead = true;
        else if (arg.starts_with("-") && arg != "-") usage_error("unknown option '" + std::string(arg) + "'");
        else positional.emplace_back(arg);
    }
    if (positional.size() != 1) usage_error(positional.empty() ? "no FILE given" : "give exactly one FILE");
    o.file = positional.front();
    return o;
}

std::vector<uint8_t> read_file(const std::filesystem::path& path, std::optional<uint64_t> limit)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::Io, "cannot open '" + path.string() + "'");
    std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(ErrorCode::Io, "cannot read '" + path.string() + "'");
    if (limit && data.size() > *limit) data.resize(*limit);
    if (data.empty()) throw Error(ErrorCode::Usage, "'" + path.string() + "' is empty");
    return data;
}

void write_file(const std::filesystem::path& path, const std::vector<uint8_t>& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw Error(ErrorCode::Io, "cannot write '" + path.string() + "'");
}

double seconds_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run(const Options& o)
{
    const std::vector<uint8_t> data = read_file(o.file, o.bytes);
    nnz::NeuralSettings settings = nnz::NeuralSettings::preset(o.preset);
    if (o.lanes) settings.lanes = static_cast<uint16_t>(*o.lanes);
    if (o.table_bits) settings.mixer_table_bits = static_cast<uint8_t>(*o.table_bits);
    if (o.hidden) settings.hidden = static_cast<uint16_t>(*o.hidden);
    if (o.train_steps) settings.train_steps = static_cast<uint16_t>(*o.train_steps);
    if (o.context_set) settings.context_set = static_cast<uint8_t>(*o.context_set);
    if (!o.genes) settings.features &= static_cast<uint8_t>(~nnz::NeuralSettings::kTranslateGenes);
    settings.threads = o.threads;
    settings.network_ahead = o.network_ahead;
    settings.device = o.device;
    const Device decode_device = o.decode_device.value_or(o.device);

    nnz::JobControl control;
    const auto encode_start = std::chrono::steady_clock::now();
    const std::vector<uint8_t> packed = nnz::make_neural_codec(settings)->encode(data, control);
    const double encode_s = seconds_since(encode_start);
    if (o.output) write_file(*o.output, packed);

    double decode_s = 0;
    bool round_trip = true;
    if (o.verify) {
        nnz::NeuralSettings decoder = settings;
        decoder.device = decode_device;
        const auto decode_start = std::chrono::steady_clock::now();
        round_trip = nnz::make_neural_codec(decoder)->decode(packed, data.size(), control) == data;
        decode_s = seconds_since(decode_start);
    }
    const double kb = static_cast<double>(data.size()) / 1000.0;
    std::printf("file=%s preset=%s device=%.*s decode_device=%.*s bytes=%zu packed=%zu bpb=%.4f encode_kbps=%.1f",
                o.file.string().c_str(), o.preset.c_str(), int(device_name(o.device, settings).size()), device_name(o.device, settings).data(),
                int(device_name(decode_device, settings).size()), device_name(decode_device, settings).data(), data.size(), packed.size(),
                8.0 * static_cast<double>(packed.size()) / static_cast<double>(data.size()), kb / encode_s);
    if (o.verify) std::printf(" decode_kbps=%.1f round_trip=%s\n", kb / decode_s, round_trip ? "ok" : "MISMATCH");
    else std::printf(" round_trip=skipped\n");
    if (!round_trip) {
        std::fprintf(stderr, "nnzip-bench: the decoded bytes differ from the input\n");
        return 2;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    Options options;
    try {
        options = parse(argc, argv);
    } catch (const Error& e) {
        std::fprintf(stderr, "nnzip-bench: %s\n%s", e.what(), kUsage);
        return nnz::exit_status_for(e.code());
    }
    try {
        return run(options);
    } catch (const Error& e) {
        std::fprintf(stderr, "nnzip-bench: %s\n", e.what());
        return nnz::exit_status_for(e.code());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "nnzip-bench: %s\n", e.what());
        return 5;
    }
}
