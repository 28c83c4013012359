#pragma once
#include <vector>

#include "predictor.hpp"
#include "tables.hpp"

namespace nnz {

class ReferenceLstm final : public InspectablePredictor {
public:
    explicit ReferenceLstm(const ModelShape& shape);
    std::span<const uint32_t> predict() override;
    void learn(std::span<const uint8_t> symbols, std::span<const uint8_t> active) override;
    ModelWeights weights() const override { return master_; }

private:
    // Everything the backward pass needs from one forward step, all lanes.
    struct Step {
        std::vector<int64_t> input, h_prev, c_prev, gates, cell_tanh, h, c;
        std::vector<uint32_t> freqs;
        std::vector<int64_t> target;
        std::vector<uint8_t> active;
    };
    void refresh_compute();
    void train();

    ModelShape shape_;
    int64_t H_, B_, T_;
    ModelWeights master_;
    const NonlinearityTables& tables_;
    std::vector<int64_t> input_, recurrent_, gate_bias_, output_, out_bias_;  // compute weights
    std::vector<int64_t> h_, c_, prev_;
    std::vector<Step> steps_;
    ContextLogits context_;
    int64_t t_ = 0;
};

}  // namespace nnz
