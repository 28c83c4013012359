#pragma once
// One way to read any archive: an .nnz (recognised by its magic bytes, whatever its name) through
// ArchiveReader, anything else through libarchive (ForeignArchive). Extraction, testing, tar
// export and the GUI's read-only view of foreign archives all go through this.
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "../container/archive_reader.hpp"
#include "../container/entry.hpp"
#include "../job_control.hpp"
#include "foreign_archive.hpp"

namespace nnz {

// True when the file can be read and starts with the .nnz magic bytes.
bool has_nnz_magic(const std::filesystem::path& path);
// True when the file starts with a valid .nnz file header (of a version this nnzip reads),
// whatever follows it.
bool has_valid_nnz_header(const std::filesystem::path& path);
// Whether the file is an .nnz with a recovery record (its file header says so, or, when that is
// damaged, the record's footer at the end).
bool has_recovery_record(const std::filesystem::path& path);
// True when the file is an .nnz whose (valid) file header says it is encrypted.
bool is_encrypted_nnz(const std::filesystem::path& path);

class OpenedArchive {
public:
    virtual ~OpenedArchive() = default;

    // "nnz", or the foreign format: "zip", "tar.gz", "7z", ...
    virtual std::string format() const = 0;
    virtual const std::vector<EntryInfo>& entries() const = 0;
    // Throws, before anything is written, when a chosen entry (empty = all) cannot be read:
    // Error(Unsafe) for a name that would escape the destination, Error(Data) for an encrypted
    // or otherwise unreadable entry. Always passes for .nnz (its reader validated the index).
    virtual void check_readable(std::span<const size_t> selection) const = 0;
    // Streams the chosen entries to sink (ArchiveReader::extract's contract).
    virtual void extract(std::span<const size_t> selection, EntrySink& sink, JobControl& control) = 0;

    // The underlying reader: exactly one of them is set.
    virtual ArchiveReader* nnz() { return nullptr; }
    virtual const ForeignArchive* foreign() const { return nullptr; }
};

// An .nnz when the file starts with its magic bytes, or cannot be read at all (the .nnz reader
// then says why); a foreign archive otherwise. Throws Error(Io) when unreadable, Error(Data) when neither a valid .nnz nor a readable foreign
// archive. control (optional) sees the scan of a foreign archive (see ForeignArchive).
// An encrypted .nnz needs its passphrase (Error(Password) without it or with a wrong one).
std::unique_ptr<OpenedArchive> open_archive(const std::filesystem::path& path, JobControl* control = nullptr,
                                            const Passphrase& passphrase = {});

}  // namespace nnz
