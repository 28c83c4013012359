#pragma once
// Where the CLI gets a password: a file (--password-file), or the terminal (-p, or an encrypted
// archive opened without either).
#include <filesystem>
#include <string>

#include "container/encryption.hpp"

namespace nnz::cli {

// The first line of the file (without its line end). Error(Io) when unreadable, Error(Usage)
// when the line is empty.
Passphrase password_from_file(const std::filesystem::path& file);

// Whether the process has a terminal to ask on (/dev/tty opens).
bool has_terminal();

// Asks on the terminal, without echo; with confirm, twice, and the two must match. Without a
// terminal it reads one line from standard input (`echo "$PW" | nnzip x a.nnz -p`). Error(Usage)
// for an empty password or a mismatch, Error(Cancelled) for Ctrl-C.
Passphrase ask_password(const std::string& prompt, bool confirm);

}  // namespace nnz::cli
