#pragma once
// Archives in other formats (zip, tar.*, 7z, cpio, iso, rar, ...) read through libarchive, seen
// the way nnzip sees its own: a list of EntryInfo and a stream of their contents. Never writes.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "../container/archive_reader.hpp"
#include "../container/encryption.hpp"
#include "../container/entry.hpp"
#include "../error.hpp"
#include "../job_control.hpp"

namespace nnz {

struct ForeignEntry {
    EntryInfo info;         // info.path: the normalised name; the name as stored when it is unsafe
    std::string problem;    // why the entry cannot be read ("" = it can): unsafe name, encrypted, ...
    ErrorCode problem_code = ErrorCode::Data;
    bool encrypted = false;
    size_t header = 0;          // position of its header in the archive, from 0
    size_t content_header = 0;  // header whose data is the content (an earlier one for a hard link)
};

class ForeignArchive {
public:
    // Reads every header (formats are recognised by their content, not by the file name); file
    // sizes that the headers do not state are measured by reading the data once. Throws Error(Io)
    // when the file cannot be opened, Error(Data) when it is not an archive libarchive can read or
    // is damaged. control, when given, is checked between entries (cancel) and reports the bytes
    // of the archive file read so far. A passphrase opens encrypted entries where libarchive can
    // decrypt them (zip: PKWARE and WinZip AES); without one they are marked and refused.
    explicit ForeignArchive(std::filesystem::path path, JobControl* control = nullptr,
                            const Passphrase& passphrase = {});

    const std::filesystem::path& path() const { return path_; }
    // "zip", "tar.gz", "7z", "cpio", ...: the container format and its compression filters.
    const std::string& format() const { return format_; }
    uint64_t file_size() const { return file_size_; }
    const std::vector<ForeignEntry>& entries() const { return entries_; }
    // The entries as EntryInfo, in archive order (what select_entries and the listings take).
    const std::vector<EntryInfo>& infos() const { return infos_; }
    // Entries left out (fifos, devices, repeated names) with the reason, one line each.
    const std::vector<std::string>& warnings() const { return warnings_; }

    // Throws the problem of the first chosen entry that cannot be read (indices into entries();
    // empty = all): Error(Unsafe) for a name that would escape the destination, Error(Password)
    // for encrypted entries without a passphrase, Error(Data) for broken hard links. Call it
    // before writing anything. (A wrong passphrase shows only when the data is read:
    // Error(Password) then.)
    void check_readable(std::span<const size_t> selection) const;
    // Whether an entry is encrypted, and for the passphrase given, whether it opens the first
    // encrypted file (its first bytes are read): Error(Password) when it does not. PKWARE's one
    // check byte lets a wrong password through now and then; reading the entry then fails.
    bool has_encrypted_entries() const;
    void check_passphrase() const;

    // Streams the chosen entries (empty = all) to sink in archive order, like
    // ArchiveReader::extract: begin, data..., end; abort when reading an entry fails. Sets
    // control.total_input to the content bytes to read and counts them into done_input.
    // Throws Error(Data) when the archive is damaged or a content differs from its stated size.
    void extract(std::span<const size_t> selection, EntrySink& sink, JobControl& control) const;

    // Reads contents one after another in archive order (each entry at most once, ascending),
    // without ever holding more than the caller's buffer.
    class ContentReader {
    public:
        explicit ContentReader(const ForeignArchive& archive);
        ~ContentReader();
        ContentReader(const ContentReader&) = delete;
        ContentReader& operator=(const ContentReader&) = delete;

        // Positions on the content of entries()[index]; indices must ascend between calls.
        void open(size_t index);
        // Up to out.size() bytes of the content; 0 at its end. Throws Error(Data) when the
        // content is longer than stated or the archive is damaged.
        size_t read(std::span<uint8_t> out);
        // Throws Error(Data) unless the whole stated size was read and nothing follows.
        void close();

    private:
        class Impl;
        std::unique_ptr<Impl> impl_;
    };

private:
    void scan(JobControl* control);

    std::filesystem::path path_;
    Passphrase passphrase_;
    std::string format_;
    uint64_t file_size_ = 0;
    std::vector<ForeignEntry> entries_;
    std::vector<EntryInfo> infos_;
    std::vector<std::string> warnings_;
    std::vector<std::string> header_names_;  // every header's name as stored, to recognise it again
};

}  // namespace nnz
