#pragma once
// What both neural codec loops (kind 0 and kind 1) share: building the LSTM for a block on the
// chosen device and backend, and reporting progress every few steps instead of every byte.
#include <cstdint>
#include <memory>

#include "../job_control.hpp"
#include "neural_codec.hpp"
#include "torch_lstm.hpp"

namespace nnz {

inline TorchDevice torch_device_for(Device device)
{
    return device == Device::Cuda || (device == Device::Auto && torch_cuda_available()) ? TorchDevice::Cuda : TorchDevice::Cpu;
}

inline std::unique_ptr<Predictor> make_block_model(const NeuralSettings& settings, TorchDevice device, int lanes)
{
    const ModelShape shape = settings.shape(lanes);
    const Backend backend = settings.cpu_backend_for(lanes);
    // Only a tensor backend loads LibTorch (torch_module.hpp). OpenMP's thread count is per
    // calling thread, and blocks run on worker threads: set it here. One thread by default:
    // this model's tensors are below ATen's parallel grain.
    if (device == TorchDevice::Cuda || backend == Backend::Torch) torch_set_threads(settings.threads > 0 ? settings.threads : 1);
    if (device == TorchDevice::Cuda) return make_torch_lstm(shape, device);
    return make_predictor(shape, backend);
}

// Adds bytes coded and bits written (or, decoding, estimated) to the job's counters.
template <typename BitsSoFar>
class CodecProgress {
public:
    CodecProgress(JobControl& control, BitsSoFar bits_so_far) : control_(control), bits_so_far_(bits_so_far)
    {
        control_.current_input = 0;
        control_.current_output_bits = 0;
    }

    void report(uint64_t coded)
    {
        control_.done_input += coded - reported_input_;
        control_.current_input += coded - reported_input_;
        reported_input_ = coded;
        const uint64_t bits = bits_so_far_(coded);
        if (bits > reported_bits_) {
            control_.done_output_bits += bits - reported_bits_;
            control_.current_output_bits += bits - reported_bits_;
            reported_bits_ = bits;
        }
    }

private:
    JobControl& control_;
    BitsSoFar bits_so_far_;
    uint64_t reported_bits_ = 0, reported_input_ = 0;
};

}  // namespace nnz
