#pragma once
// The tensor backend (LibTorch, CPU or CUDA). Its code lives in libnnzip_torch.so, loaded on
// first use (torch_module.hpp); the LibTorch headers stay inside torch_lstm.cpp.
#include <memory>

#include "predictor.hpp"

namespace nnz {

enum class TorchDevice { Cpu, Cuda };

// Throws Error(Usage) where the backend cannot be loaded or CUDA is asked for but missing.
std::unique_ptr<InspectablePredictor> make_torch_lstm(const ModelShape& shape, TorchDevice device);
bool torch_backend_available();  // libnnzip_torch.so could be loaded
bool torch_cuda_available();      // false without the backend
void torch_set_threads(int threads);  // intra-op threads of LibTorch for the calling thread; throws without the backend
int torch_threads();

}  // namespace nnz
