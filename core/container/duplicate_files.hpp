#pragma once
// Files with the same content, so that an archive stores it once (docs/FORMAT.md, "Duplicates").
#include <vector>

#include "../job_control.hpp"
#include "entry.hpp"

namespace nnz {

// Finds the files among items (read from disk: InputItem::source) whose content equals an
// earlier one's: by size, then XXH64, then byte by byte (a 64-bit hash is no proof; two files
// can be made to share one). Each such file moves to right after the first file with its content,
// marked EntryInfo::duplicate with content_hash set to the content's hash; the order is otherwise
// kept. A file that cannot be read now is left as it is (the writer reports it when its turn
// comes). Returns how many duplicates it marked. Checks control between reads.
size_t find_duplicates(std::vector<InputItem>& items, JobControl& control);

}  // namespace nnz
