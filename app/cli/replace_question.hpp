#pragma once
// `x` on a terminal without -f, -n or --keep-newer-files: asks about each existing file the
// extraction would replace, as unzip and 7z do, instead of refusing the whole extraction.
#include <filesystem>
#include <optional>

#include "container/entry.hpp"
#include "jobs/extract_job.hpp"

namespace nnz::cli {

// Whether there is someone to ask: standard input is a terminal and /dev/tty opens (the
// question goes there, away from what standard output and error carry).
bool can_ask_about_existing_files();

// The question, as nnz::ExistingQuestion. The answers [y]es (replace it), [n]o (keep it),
// [r]ename (extract the entry as "a (2).txt" beside it), [A]ll, [N]one and [R]ename all (so for
// this one and every later one), and [q]uit (Error(Cancelled), as is the end of input or Ctrl-C);
// anything else asks again.
class ReplaceQuestion {
public:
    ExistingChoice operator()(const EntryInfo& entry, const std::filesystem::path& target);

private:
    std::optional<ExistingChoice> standing_;  // the answer for all the rest
};

}  // namespace nnz::cli
