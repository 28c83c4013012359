#include "temp_folder.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "../error.hpp"

namespace nnz {

namespace fs = std::filesystem;

TempFolder::TempFolder(const std::string& purpose)
{
    std::error_code ec;
    const fs::path temp = fs::temp_directory_path(ec);
    if (ec) throw Error(ErrorCode::Io, "no folder for temporary files: " + ec.message());
    std::string pattern = (temp / ("nnzip-" + purpose + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr)
        throw Error(ErrorCode::Io, "cannot create a temporary folder in " + temp.string() + ": " + std::strerror(errno));
    path_ = pattern;
}

TempFolder::~TempFolder()
{
    std::error_code ec;
    fs::remove_all(path_, ec);
}

}  // namespace nnz
