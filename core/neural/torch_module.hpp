#pragma once
// The boundary between the engine and libnnzip_torch.so, the one shared library that links
// LibTorch. The engine loads it only when a model needs tensors (model kinds 0-2 with many
// lanes, or CUDA): the default and fast presets' bit LSTM and context mixer never do, so a
// process that only uses them does not map LibTorch and the ~290 libraries it pulls in (about
// 150 MB of memory and most of a second of start-up). Both sides are built by this project with
// the same compiler, so the table below passes C++ types.
#include <memory>

#include "predictor.hpp"
#include "torch_lstm.hpp"

namespace nnz {

struct TorchModuleApi {
    int abi_version;
    std::unique_ptr<InspectablePredictor> (*make_lstm)(const ModelShape& shape, TorchDevice device);
    bool (*cuda_available)();
    void (*set_threads)(int threads);
    int (*threads)();
};

// Bumped whenever TorchModuleApi or a type it passes changes, so that a stale module is refused.
inline constexpr int kTorchModuleAbi = 1;
inline constexpr const char* kTorchModuleEntry = "nnzip_torch_module";
inline constexpr const char* kTorchModuleFile = "libnnzip_torch.so";

}  // namespace nnz

// Exported by libnnzip_torch.so.
extern "C" const nnz::TorchModuleApi* nnzip_torch_module();
