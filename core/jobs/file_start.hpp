#pragma once
// The first bytes of one file in an archive, in memory: what the GUI's Preview shows (a text's
// first page, a picture whole), without writing anything to disk.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "../container/encryption.hpp"
#include "../job_control.hpp"

namespace nnz {

struct FileStart {
    std::string bytes;   // the file's first min(size, limit) bytes
    uint64_t size = 0;   // the file's whole size, as the archive records it
    bool whole() const { return bytes.size() == size; }
};

// Decodes the file named entry_path (exactly; a regular file) of an .nnz or any archive
// libarchive reads, up to limit bytes, and stops there: of an .nnz only the blocks those bytes
// lie in are decoded, and only as far as they go (ArchiveReader::read_entry_start). A file read
// whole has had its content checksum verified (Error(Data) when it fails); a part of an .nnz has
// had its blocks' packed bytes verified. Error(Usage) when no regular file has that name;
// Error(Data) when it cannot be read (an encrypted entry of a zip without its password).
// An .nnz whose damage its recovery record can undo is read from a rebuilt copy in the temporary
// folder (open_for_reading).
FileStart read_file_start(const std::filesystem::path& archive, std::string_view entry_path, uint64_t limit,
                          JobControl& control, const Passphrase& passphrase = {});

}  // namespace nnz
