#pragma once
// `nnzip a - PATH... | ssh host 'cat > x.nnz'`: the archive is written to a temporary file first
// (its writer patches what it learns late), then sent to standard output whole.
#include <filesystem>

namespace nnz::cli {

// Copies the file to fd. A reader that goes away (a closed pipe) is Error(Io) rather than a
// SIGPIPE, so the caller's temporary files are still removed. Throws Error(Io).
void send_file(const std::filesystem::path& file, int fd);

}  // namespace nnz::cli
