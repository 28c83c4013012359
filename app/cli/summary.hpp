#pragma once
// The line `a`, `u` and `d` print once the archive is written, as `convert` does for its own.
#include <filesystem>
#include <string>

#include "container/encryption.hpp"

namespace nnz::cli {

// "c.nnz: 12 entries, 888.9 KB → 301.1 KB, −66%, 2.710 bpb, 4.2 s" (bpb: bits of archive per
// byte of content; sizes and change as convert's line has them). Reads the archive's index. The
// line names it `shown` when given (`a -`: "standard output"), else by its file name.
std::string archive_summary(const std::filesystem::path& archive, double seconds, const Passphrase& passphrase = {},
                            const std::string& shown = {});

// `x`'s line: "c.nnz: 12 entries, 2.81 MB extracted to out, 11.7 s".
std::string extraction_summary(const std::filesystem::path& archive, size_t entries, uint64_t bytes,
                               const std::filesystem::path& destination, double seconds);

}  // namespace nnz::cli
