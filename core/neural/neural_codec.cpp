// TEMPORARY during bring-up: replaced by the real codec in this same session.
#include "neural_codec.hpp"
namespace nnz {
NeuralSettings NeuralSettings::preset(std::string_view) { return {}; }
std::vector<uint8_t> NeuralSettings::serialize() const { return {}; }
NeuralSettings NeuralSettings::deserialize(std::span<const uint8_t>) { throw Error(ErrorCode::Data, "neural codec not available yet"); }
std::unique_ptr<BlockCodec> make_neural_codec(const NeuralSettings&) { throw Error(ErrorCode::Usage, "neural codec not available yet"); }
}
