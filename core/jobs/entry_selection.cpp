#include "entry_selection.hpp"

#include <algorithm>
#include <numeric>

#include "../container/entry_path.hpp"
#include "../error.hpp"

namespace nnz {
namespace {

bool inside(const std::string& path, const std::string& folder)
{
    return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 && path[folder.size()] == '/';
}

}  // namespace

std::vector<size_t> select_entries(std::span<const EntryInfo> entries, std::span<const std::string> names,
                                   bool allow_patterns)
{
    std::vector<size_t> selection;
    for (const auto& name : names) {
        const auto wanted = normalise_entry_path(name);
        if (!wanted) throw Error(ErrorCode::Usage, "invalid entry name \"" + name + "\"");
        bool matched = false;
        for (size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].path == *wanted || inside(entries[i].path, *wanted)) {
                selection.push_back(i);
                matched = true;
            }
        }
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
