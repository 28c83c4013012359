#include "entry_pattern.hpp"

#include <fnmatch.h>

#include "../error.hpp"

namespace nnz {
namespace {

bool fn_matches(const std::string& pattern, std::string_view name, int flags)
{
    const std::string subject(name);  // fnmatch wants a terminated string
    return ::fnmatch(pattern.c_str(), subject.c_str(), flags) == 0;
}

}  // namespace

bool has_wildcards(std::string_view text) { return text.find_first_of("*?[") != std::string_view::npos; }

EntryPatterns::EntryPatterns(std::vector<std::string> patterns)
{
    for (auto& original : patterns) {
        std::string text = original;
        while (text.starts_with("./")) text.erase(0, 2);
        while (!text.empty() && text.front() == '/') text.erase(0, 1);
        while (!text.empty() && text.back() == '/') text.pop_back();
        if (text.empty()) throw Error(ErrorCode::Usage, "empty name pattern \"" + original + "\"");
        const bool whole_path = text.find('/') != std::string::npos;
        patterns_.push_back({std::move(text), whole_path});
    }
}

bool EntryPatterns::matches(std::string_view path) const
{
    for (const auto& pattern : patterns_) {
        // Each name along the path, or each leading part of it ("a", "a/b", "a/b/c"): a folder
        // that matches takes everything in it along.
        size_t start = 0;
        for (;;) {
            const size_t end = std::min(path.find('/', start), path.size());
            if (pattern.whole_path ? fn_matches(pattern.text, path.substr(0, end), FNM_PATHNAME)
                                   : fn_matches(pattern.text, path.substr(start, end - start), 0))
                return true;
            if (end == path.size()) break;
            start = end + 1;
        }
    }
    return false;
}

}  // namespace nnz
