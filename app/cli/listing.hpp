#pragma once
// `nnzip l`: a table for people, or JSON for scripts.
#include <cstdio>

#include "container/archive_reader.hpp"

namespace nnz::cli {

void print_table(const ArchiveReader& reader, std::FILE* out);
void print_json(const ArchiveReader& reader, std::FILE* out);

}  // namespace nnz::cli
