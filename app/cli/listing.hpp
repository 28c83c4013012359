#pragma once
// `nnzip l`: a table for people, or JSON for scripts.
#include <cstdio>
#include <span>

#include "container/archive_reader.hpp"
#include "interop/foreign_archive.hpp"

#include <string>

namespace nnz::cli {

// s as a JSON string, quoted and escaped. Names and link targets are stored as raw bytes and JSON
// must stay valid UTF-8: bytes that are not become U+FFFD.
std::string json_string(const std::string& s);

// selection: indices into the entries (select_entries), empty = all; the totals are theirs.
// long_format (l --long): permissions and owner before the other columns, as tar -tv shows them.
void print_table(const ArchiveReader& reader, std::span<const size_t> selection, std::FILE* out, bool long_format = false);
void print_json(const ArchiveReader& reader, std::span<const size_t> selection, std::FILE* out);
// Foreign archives (zip, tar, 7z, ...): the same columns and keys; what only .nnz knows (packed
// size, bpb, checksum, block) stays empty ("-" or null).
void print_table(const ForeignArchive& archive, std::span<const size_t> selection, std::FILE* out, bool long_format = false);
void print_json(const ForeignArchive& archive, std::span<const size_t> selection, std::FILE* out);

}  // namespace nnz::cli
