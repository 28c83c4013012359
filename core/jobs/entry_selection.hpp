#pragma once
// Which entries of an archive a command works on: names (exact, folders with what they hold,
// patterns) and what is then left out (tar --exclude and 7z -x! on extraction and listing).
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "../container/entry.hpp"
#include "../container/entry_pattern.hpp"

namespace nnz {

// Indices of the entries that the given names select: an entry matches a name exactly, or lies
// inside it when the name is a folder; a name that selects nothing so and holds '*', '?' or '['
// is a pattern (EntryPatterns: "*.txt" anywhere, "docs/*.md"). Empty names select everything
// (an empty result).
// Throws Error(Usage) for a name that matches nothing.
// With allow_patterns false every name is taken as it is (rename).
std::vector<size_t> select_entries(std::span<const EntryInfo> entries, std::span<const std::string> names,
                                   bool allow_patterns = true);

// The names chosen (select_entries; none: every entry) less the entries that excluded matches.
struct EntrySelection {
    EntrySelection() = default;
    // Implicit: a list of names is a selection that excludes nothing.
    EntrySelection(std::vector<std::string> chosen_names, EntryPatterns excluded_patterns = {})  // NOLINT(google-explicit-constructor)
        : names(std::move(chosen_names)), excluded(std::move(excluded_patterns))
    {
    }
    std::vector<std::string> names;
    EntryPatterns excluded;
};

// select_entries() of selection.names, less what selection.excluded matches; an empty result
// is every entry, as there. Error(Usage) when the exclusions leave nothing of a non-empty
// archive (an empty result would mean everything).
std::vector<size_t> choose_entries(std::span<const EntryInfo> entries, const EntrySelection& selection);

}  // namespace nnz
