#pragma once
// What kind of file an entry is, for the archive order (WriteOptions::group_by_type): files of one
// kind go together, so they share a solid block and its model.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nnz {

// The file name's extension, lower case ("" when it has none).
std::string extension_key(std::string_view path);

// True when the first bytes of a file look like text: no NUL and at most one byte in 32 a control
// character other than tab, line and page breaks. Bytes from 0x80 count as text (UTF-8, Latin-1).
bool looks_like_text(std::span<const uint8_t> head);

// looks_like_text() of the file's first 4 KiB; false when they cannot be read (the writer reports
// that when it reads the content).
bool file_looks_like_text(const std::filesystem::path& file);

// Sequence data, for keeping a proteome in the block of its genome (the neural codec predicts a
// protein from its gene there): true when at least 95% of the bytes are nucleotides (A, C, G, T,
// N in either case) or line ends, and there are some.
bool looks_like_nucleotides(std::span<const uint8_t> bytes);
// True when the bytes start as a protein FASTA file: a '>' header line, then sequence lines of
// capital letters, '*' and '-' (over all its records), less than half of them nucleotides.
bool looks_like_protein_fasta(std::span<const uint8_t> head);
// The first 4 KiB of a file, as many as can be read (none when it cannot be opened).
std::vector<uint8_t> file_head(const std::filesystem::path& file);

}  // namespace nnz
