#pragma once
// `a --remove-files` and `u --remove-files` (tar --remove-files, 7z -sdel, zip -m): once the
// archive is complete, the files it was made of are removed from the disk. Only what the archive
// holds as it was read goes: each file's stored content is decoded and checked against the
// checksum taken while it was read before anything is removed (an .nnz's own; for a zip, 7z or
// tar, the one write_standard_archive took), and a file that changed since it was read (size,
// modification time, type, link target) stays where it is, with a warning.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "../container/encryption.hpp"
#include "../container/entry.hpp"
#include "../job_control.hpp"

namespace nnz {

struct RemovalSummary {
    uint64_t files = 0;    // files and symlinks removed
    uint64_t folders = 0;  // folders removed (those left empty)
    // What stayed on disk and why, one line each ("notes.txt: changed since it was archived");
    // a folder that still holds something (a file left out with -x, the archive itself) is not one.
    std::vector<std::string> kept;
};

// archive: the first file of the archive just written (a volume NAME.001 of a split one).
// inputs: the items walked from disk (InputItem::source set for every type), not standard input;
// for a foreign archive with each file's info.content_hash as written.
// Throws Error(Data) when a stored file does not decode to what was read (nothing is removed
// then), Error(Cancelled) on a cancel before the removal begins; a cancel during it stops it.
RemovalSummary remove_archived_inputs(const std::filesystem::path& archive, std::span<const InputItem> inputs,
                                      const Passphrase& passphrase, JobControl& control);

}  // namespace nnz
