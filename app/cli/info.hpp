#pragma once
// `nnzip info`: what an archive is, as a whole: its format and version, sizes, entries, blocks
// and the codec and preset of each, encryption, recovery record (7z l -slt's header, rar lt).
#include <cstddef>
#include <cstdio>
#include <filesystem>

#include "interop/opened_archive.hpp"

namespace nnz::cli {

// For people, or as one JSON object for scripts. Reads each block's header of an .nnz (nothing
// is decoded); a damaged one is shown so (codec null in JSON) and counted: returns how many.
size_t print_info(OpenedArchive& archive, const std::filesystem::path& path, bool json, std::FILE* out);

}  // namespace nnz::cli
