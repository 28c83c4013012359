#pragma once
// --files-from FILE: paths to archive (a, u) or entry names (x, d) read from a file or standard
// input, one per line (find ... | nnzip a x.nnz --files-from -) or separated by NUL bytes with
// --null (find -print0), as tar -T takes them.
#include <filesystem>
#include <string>
#include <vector>

namespace nnz::cli {

// The names in `file` ("-": standard input), in order; empty lines are skipped and a line's
// trailing '\r' is dropped (not with NUL separators, where a name is taken exactly as it is).
// Throws Error(Io) when the file cannot be read, Error(Usage) for a name "-"; messages call the
// file `what` ("the pattern file" for --exclude-from).
std::vector<std::string> read_name_list(const std::filesystem::path& file, bool null_separated,
                                        const std::string& what = "the name list");

}  // namespace nnz::cli
