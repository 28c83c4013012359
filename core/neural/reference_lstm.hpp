#pragma once
#include <vector>

#include "predictor.hpp"
#include "scalar_cell.hpp"

namespace nnz {

class ReferenceLstm final : public InspectablePredictor {
public:
    explicit ReferenceLstm(const ModelShape& shape);
    std::span<const uint32_t> predict() override;
    void learn(std::span<const uint8_t> symbols, std::span<const uint8_t> active) override;
    ModelWeights weights() const override { return cell_.master(); }

private:
    // The output layer's record of the last T steps ([step][lane][256] and [step][lane]).
    struct StepOutput {
        std::vector<uint32_t> freqs;
        std::vector<int64_t> target;
    };
    void train();

    ScalarCell cell_;
    std::vector<StepOutput> outputs_;
    ContextLogits context_;
};

}  // namespace nnz
