#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "entry.hpp"

namespace nnz {

// Bytes of the character starting at s[i] when it is strict UTF-8 (RFC 3629: no overlong forms,
// no surrogates, nothing above U+10FFFF), whatever character it is; 0 otherwise. i < s.size().
size_t utf8_char_length(std::string_view s, size_t i);

// The same, and 0 for a control character too (C0, DEL, C1): what entry names may hold.
size_t name_char_length(std::string_view s, size_t i);

// A name from anywhere as a message may show it: each byte that is not part of such a character
// as \xNN ("caf\xE9.txt").
std::string escaped_name(std::string_view name);

// Returns the normalised form of an archive entry name ('/' separators, no empty or "."
// components, no trailing slash) or nothing when the name is unsafe or invalid: empty, absolute,
// containing "..", a backslash, a NUL or a control character, or not valid UTF-8.
std::optional<std::string> normalise_entry_path(std::string_view name);

// Adds the folders above a normalised path to folders ("a/b/c": "a" and "a/b").
void add_folders_above(std::string_view path, std::set<std::string, std::less<>>& folders);

// The first entry (in order) whose path lies under another entry that is a file or a symlink,
// as (index of that entry, index of the non-folder above it); nothing when there is none. An
// extractor would otherwise write "link/x" through the symlink "link". Paths must be normalised.
std::optional<std::pair<size_t, size_t>> find_entry_under_non_folder(std::span<const EntryInfo> entries);

}  // namespace nnz
