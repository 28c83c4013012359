#pragma once
// An entry's metadata as listings show it, the same in the CLI and the GUI.
#include <optional>
#include <string>

#include "entry.hpp"

namespace nnz {

// As ls -l writes them: "drwxr-x---", "-rwsr-xr-x", "lrwxrwxrwx", and "-rw-rw----+" with an
// access control list.
std::string permissions_text(const EntryInfo& entry);

// "alice:staff": names where recorded, numbers otherwise ("1000:50"); empty where no owner is.
std::string owner_text(const std::optional<EntryOwner>& owner);

}  // namespace nnz
