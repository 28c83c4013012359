#pragma once
// Adding files to an existing archive. The format has no in-place append (solid blocks and a
// central index), so the archive is rewritten: the old entries are extracted into a private
// temporary folder and compressed again together with the new inputs. The new archive replaces
// the old one only when it is complete (write_archive's temp file + rename), so a failure or a
// cancel at any point leaves the old archive exactly as it was.
#include <filesystem>
#include <span>

#include "../job_control.hpp"
#include "compress_job.hpp"

namespace nnz {

// An input whose top-level name equals an existing top-level entry replaces that entry (and,
// for a folder, everything inside it), the way a file manager's copy replaces a same-named item.
// options.overwrite is ignored: replacing the archive is the point. Progress runs in two phases
// (decode the old entries, then compress everything); the counters restart at the second.
void add_paths(const std::filesystem::path& archive, std::span<const std::filesystem::path> inputs,
               const CompressOptions& options, JobControl& control);

}  // namespace nnz
