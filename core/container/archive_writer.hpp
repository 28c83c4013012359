#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>

#include "../codec.hpp"
#include "../job_control.hpp"
#include "entry.hpp"

namespace nnz {

struct WriteOptions {
    uint64_t block_size = 8ull << 20;  // raw bytes per solid block (the last one may be shorter)
    unsigned parallel_blocks = 2;      // blocks compressed at once on separate threads
    // Makes a fresh codec for each block (blocks are independent). Defaults to the store codec.
    std::function<std::unique_ptr<BlockCodec>()> make_codec;
    bool overwrite = false;            // replace an existing archive file
};

// Writes a complete archive. The bytes go to a temporary file in the archive's folder that is
// renamed over `archive` only when everything was written; on any error or cancel the temporary
// file is removed and nothing at `archive` changes. Throws nnz::Error.
void write_archive(const std::filesystem::path& archive, std::span<const InputItem> items,
                   const WriteOptions& options, JobControl& control);

}  // namespace nnz
