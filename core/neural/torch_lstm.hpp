#pragma once
// Factory for the tensor backend; the LibTorch headers stay inside torch_lstm.cpp.
#include <memory>

#include "predictor.hpp"

namespace nnz {

enum class TorchDevice { Cpu, Cuda };

std::unique_ptr<InspectablePredictor> make_torch_lstm(const ModelShape& shape, TorchDevice device);
bool torch_cuda_available();
void torch_set_threads(int threads);  // intra-op threads of LibTorch (process-wide)
int torch_threads();

}  // namespace nnz
