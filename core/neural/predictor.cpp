#include "predictor.hpp"

#include "reference_lstm.hpp"
#include "torch_lstm.hpp"

namespace nnz {

std::unique_ptr<InspectablePredictor> make_inspectable_predictor(const ModelShape& shape, Backend backend)
{
    validate_shape(shape);
    if (backend == Backend::Reference) return std::make_unique<ReferenceLstm>(shape);
    return make_torch_lstm(shape, TorchDevice::Cpu);
}

std::unique_ptr<Predictor> make_predictor(const ModelShape& shape, Backend backend)
{
    return make_inspectable_predictor(shape, backend);
}

}  // namespace nnz
