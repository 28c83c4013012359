#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace nnz {

// Returns the normalised form of an archive entry name ('/' separators, no empty or "."
// components, no trailing slash) or nothing when the name is unsafe or invalid: empty, absolute,
// containing "..", a backslash, a NUL or a control character, or not valid UTF-8.
std::optional<std::string> normalise_entry_path(std::string_view name);

}  // namespace nnz
