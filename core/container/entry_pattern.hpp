#pragma once
// Shell patterns over entry names, for leaving inputs out (nnzip a -x) and for choosing entries
// (nnzip x/d 'PATTERN'): '*', '?' and '[...]' as in a shell (fnmatch(3)), never crossing '/'.
// A pattern without '/' is tried on each name along an entry's path ("*.o", ".git",
// "node_modules": anywhere in the tree, a folder with everything in it); one with '/' on the path
// from the top and on each folder above the entry ("src/build", "*/cache"). A leading "./" or
// '/' and a trailing '/' are ignored.
#include <string>
#include <string_view>
#include <vector>

namespace nnz {

// Whether text holds a pattern character ('*', '?' or '[').
bool has_wildcards(std::string_view text);

class EntryPatterns {
public:
    EntryPatterns() = default;
    // Throws Error(Usage) for a pattern that is empty once its slashes are ignored.
    explicit EntryPatterns(std::vector<std::string> patterns);

    bool empty() const { return patterns_.empty(); }
    // Whether any pattern matches the normalised entry path (see above).
    bool matches(std::string_view path) const;

private:
    struct Pattern {
        std::string text;
        bool whole_path;  // has a '/': matched against the path and its leading folders
    };
    std::vector<Pattern> patterns_;
};

}  // namespace nnz
