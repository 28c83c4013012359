#include "codec.hpp"

#include "neural/neural_codec.hpp"
#include "runs_codec.hpp"

namespace nnz {

std::unique_ptr<BlockCodec> make_codec(CodecId id, std::span<const uint8_t> settings)
{
    switch (id) {
    case CodecId::Store:
        if (!settings.empty()) throw Error(ErrorCode::Data, "store codec takes no settings");
        return make_store_codec();
    case CodecId::Neural:
        return make_neural_codec(NeuralSettings::deserialize(settings));
    case CodecId::Runs:
        return make_runs_codec(settings);
    }
    throw Error(ErrorCode::Data, "unknown codec id " + std::to_string(static_cast<int>(id)) +
                                     " (archive from a newer nnzip?)");
}

std::string describe_codec(CodecId id, std::span<const uint8_t> settings)
{
    switch (id) {
    case CodecId::Store:
        if (!settings.empty()) throw Error(ErrorCode::Data, "store codec takes no settings");
        return "store";
    case CodecId::Neural:
        return "neural, " + NeuralSettings::deserialize(settings).description();
    case CodecId::Runs:
        if (settings.empty()) throw Error(ErrorCode::Data, "runs codec settings are empty");
        return describe_codec(static_cast<CodecId>(settings[0]), settings.subspan(1)) + ", long runs apart";
    }
    throw Error(ErrorCode::Data, "unknown codec id " + std::to_string(static_cast<int>(id)) +
                                     " (archive from a newer nnzip?)");
}

std::string codec_preset(CodecId id, std::span<const uint8_t> settings)
{
    switch (id) {
    case CodecId::Store: return "store";
    case CodecId::Neural: return NeuralSettings::deserialize(settings).preset_name();
    case CodecId::Runs:
        if (settings.empty()) throw Error(ErrorCode::Data, "runs codec settings are empty");
        return codec_preset(static_cast<CodecId>(settings[0]), settings.subspan(1));
    }
    throw Error(ErrorCode::Data, "unknown codec id " + std::to_string(static_cast<int>(id)));
}

}  // namespace nnz
