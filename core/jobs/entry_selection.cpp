#include "entry_selection.hpp"

#include <algorithm>
#include <numeric>
#include <string_view>

#include "../container/entry_path.hpp"
#include "../error.hpp"

namespace nnz {

std::vector<size_t> select_entries(std::span<const EntryInfo> entries, std::span<const std::string> names,
                                   bool allow_patterns)
{
    if (names.empty()) return {};
    // The entries in name order: an entry and everything inside it as a folder are then two runs
    // ("docs", and those starting "docs/"), found by binary search, so that thousands of names
    // (-T) over an archive of a million entries stay fast.
    std::vector<size_t> by_name(entries.size());
    std::iota(by_name.begin(), by_name.end(), size_t{0});
    std::sort(by_name.begin(), by_name.end(), [&](size_t a, size_t b) { return entries[a].path < entries[b].path; });
    const auto first_from = [&](std::string_view path) {
        return std::lower_bound(by_name.begin(), by_name.end(), path,
                                [&](size_t i, std::string_view wanted) { return entries[i].path < wanted; });
    };
    std::vector<size_t> selection;
    for (const auto& name : names) {
        const auto wanted = normalise_entry_path(name);
        if (!wanted) throw Error(ErrorCode::Usage, "invalid entry name \"" + name + "\"");
        const size_t before = selection.size();
        for (auto at = first_from(*wanted); at != by_name.end() && entries[*at].path == *wanted; ++at) selection.push_back(*at);
        const std::string folder = *wanted + '/';
        for (auto at = first_from(folder); at != by_name.end() && entries[*at].path.starts_with(folder); ++at)
            selection.push_back(*at);
        bool matched = selection.size() > before;
        // A name no entry has is a pattern when it looks like one (a name with '*' is taken as
        // it is first).
        const bool pattern = allow_patterns && has_wildcards(name);
        if (!matched && pattern) {
            const EntryPatterns pattern({name});
            for (size_t i = 0; i < entries.size(); ++i) {
                if (pattern.matches(entries[i].path)) {
                    selection.push_back(i);
                    matched = true;
                }
            }
        }
        if (!matched)
            throw Error(ErrorCode::Usage, pattern ? "nothing in the archive matches \"" + name + "\""
                                                  : "no entry \"" + name + "\" in the archive");
    }
    std::sort(selection.begin(), selection.end());
    selection.erase(std::unique(selection.begin(), selection.end()), selection.end());
    return selection;
}

std::vector<size_t> choose_entries(std::span<const EntryInfo> entries, const EntrySelection& selection)
{
    auto chosen = select_entries(entries, selection.names);
    if (selection.excluded.empty() || entries.empty()) return chosen;
    if (chosen.empty()) {
        chosen.resize(entries.size());
        std::iota(chosen.begin(), chosen.end(), size_t{0});
    }
    std::erase_if(chosen, [&](size_t i) { return selection.excluded.matches(entries[i].path); });
    if (chosen.empty())
        throw Error(ErrorCode::Usage, selection.names.empty() ? "the exclusions leave nothing of the archive"
                                                              : "the exclusions leave nothing of the entries named");
    return chosen;
}

}  // namespace nnz
