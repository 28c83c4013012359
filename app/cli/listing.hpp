#pragma once
// `nnzip l`: a table for people, or JSON for scripts.
#include <cstdio>
#include <span>

#include "container/archive_reader.hpp"
#include "interop/foreign_archive.hpp"

namespace nnz::cli {

// selection: indices into the entries (select_entries), empty = all; the totals are theirs.
// long_format (l --long): permissions and owner before the other columns, as tar -tv shows them.
void print_table(const ArchiveReader& reader, std::span<const size_t> selection, std::FILE* out, bool long_format = false);
void print_json(const ArchiveReader& reader, std::span<const size_t> selection, std::FILE* out);
// Foreign archives (zip, tar, 7z, ...): the same columns and keys; what only .nnz knows (packed
// size, bpb, checksum, block) stays empty ("-" or null).
void print_table(const ForeignArchive& archive, std::span<const size_t> selection, std::FILE* out, bool long_format = false);
void print_json(const ForeignArchive& archive, std::span<const size_t> selection, std::FILE* out);

}  // namespace nnz::cli
