#pragma once
// `nnzip l`: a table for people, or JSON for scripts.
#include <cstdio>

#include "container/archive_reader.hpp"
#include "interop/foreign_archive.hpp"

namespace nnz::cli {

void print_table(const ArchiveReader& reader, std::FILE* out);
void print_json(const ArchiveReader& reader, std::FILE* out);
// Foreign archives (zip, tar, 7z, ...): the same columns and keys; what only .nnz knows (packed
// size, bpb, checksum, block) stays empty ("-" or null).
void print_table(const ForeignArchive& archive, std::FILE* out);
void print_json(const ForeignArchive& archive, std::FILE* out);

}  // namespace nnz::cli
