#pragma once
// `nnzip x ARCHIVE --stdout [ENTRY...]`: the contents of files in an archive written to a file
// descriptor (standard output), as `unzip -p`, `7z e -so` and `tar -xO` do, for pipes.
#include <filesystem>
#include <span>
#include <string>

#include "../container/encryption.hpp"
#include "../job_control.hpp"
#include "entry_selection.hpp"

namespace nnz {

// Writes the bytes of the files chosen (choose_entries: names, none = all, less exclusions), one after
// another in archive order, to fd, which it does not own; folders and symlinks add nothing. The
// archive is an .nnz or any format libarchive reads. An unreadable chosen entry (encrypted, for
// example) is refused before anything is written. A block is verified before its bytes are
// written; a file whose content checksum then fails ends the output there with Error(Data), so
// a pipe's reader must look at the exit status, as with any stream. Error(Io) when fd cannot be
// written. An .nnz whose damage its recovery record can undo is read from a rebuilt copy in the
// temporary folder (open_for_reading), with a warning.
void print_contents(const std::filesystem::path& archive, const EntrySelection& chosen, int fd,
                    JobControl& control, const Passphrase& passphrase = {});

}  // namespace nnz
