#pragma once
// `nnzip info`: what an archive is, as a whole: its format and version, sizes, entries, blocks
// and the codec and preset of each, encryption, recovery record (7z l -slt's header, rar lt).
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <string_view>

#include "interop/opened_archive.hpp"

namespace nnz::cli {

// For people, or as one JSON object for scripts. Reads each block's header of an .nnz (nothing
// is decoded); a damaged one is shown so (codec null in JSON) and counted: returns how many.
// Prints separator (between archives described one after another) and the description only
// once everything is read: one that fails to read prints nothing.
size_t print_info(OpenedArchive& archive, const std::filesystem::path& path, bool json, std::string_view separator,
                  std::FILE* out);

}  // namespace nnz::cli
