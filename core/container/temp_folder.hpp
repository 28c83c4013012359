#pragma once
// A folder of its own under TMPDIR (/tmp), removed with everything in it when this is destroyed:
// for an archive read from standard input or written to standard output, which nnzip handles as
// a file there.
#include <filesystem>
#include <string>

namespace nnz {

class TempFolder {
public:
    // "nnzip-<purpose>-XXXXXX". Throws Error(Io) when it cannot be made.
    explicit TempFolder(const std::string& purpose);
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace nnz
