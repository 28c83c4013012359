#pragma once
// `x` on a terminal without -f, -n or --keep-newer-files: asks about each existing file the
// extraction would replace, as unzip and 7z do, instead of refusing the whole extraction.
#include <filesystem>

#include "container/entry.hpp"

namespace nnz::cli {

// Whether there is someone to ask: standard input is a terminal and /dev/tty opens (the
// question goes there, away from what standard output and error carry).
bool can_ask_about_existing_files();

// The question, as nnz::ReplaceQuestion: true replaces `target` with the entry. The answers
// [y]es, [n]o, [A]ll (this and every later one), [N]one (keep this and every later one) and
// [q]uit (Error(Cancelled), as is the end of input or Ctrl-C); anything else asks again.
class ReplaceQuestion {
public:
    bool operator()(const EntryInfo& entry, const std::filesystem::path& target);

private:
    enum class Standing { Ask, ReplaceAll, KeepAll };
    Standing standing_ = Standing::Ask;
};

}  // namespace nnz::cli
