#pragma once
// Long runs of one byte value (the zeros of a disk image, a database file, a sparse file) kept
// apart from a block's other bytes, which another codec compresses. The neural codec codes a
// run at its usual pace (4 MB of zeros took 13.7 s), though to almost nothing; taken out here,
// such a block costs only its other bytes. docs/FORMAT.md, "Codecs".
#include <memory>
#include <span>

#include "codec.hpp"

namespace nnz {

// Runs this long at least are taken out of a block.
inline constexpr uint64_t kMinLongRun = 4096;
// A block is coded with its runs apart only when they hold this many bytes (a second of the
// neural codec's time or more); others, the benchmark corpus among them, stay as they were.
inline constexpr uint64_t kMinLongRunBytes = 256 * 1024;

// Bytes in runs of kMinLongRun or more.
uint64_t long_run_bytes(std::span<const uint8_t> raw);

// A codec that takes the long runs out and has `inner` code the rest. Its settings are the inner
// codec's id and settings.
std::unique_ptr<BlockCodec> make_runs_codec(std::unique_ptr<BlockCodec> inner);
// The same, rebuilt from its settings (make_codec()); Error(Data) when they are not valid.
std::unique_ptr<BlockCodec> make_runs_codec(std::span<const uint8_t> settings);

}  // namespace nnz
