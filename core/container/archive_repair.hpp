#pragma once
// Recovering what a damaged .nnz still holds: its blocks are found by scanning the file (each
// block header names the entries that start in it, docs/FORMAT.md), so a cut-off archive (an
// interrupted download or copy) or one with a damaged index or block is rewritten without the
// parts that are gone, and everything else opens, lists and extracts again.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "../job_control.hpp"
#include "encryption.hpp"

namespace nnz {

struct RepairReport {
    size_t blocks_kept = 0;
    size_t blocks_lost = 0;        // found damaged (a header or packed bytes that fail their checksum)
    size_t entries_kept = 0;
    std::vector<std::string> entries_lost;  // files whose content lay (partly) in a lost block
    uint64_t bytes_skipped = 0;    // of the damaged file: neither a block nor the index that was read
    bool index_intact = false;     // the old index and trailer were whole
    // With a recovery record (recovery_record.hpp), damage is rebuilt before anything is cut out.
    bool recovery_record = false;  // found one
    bool restored = false;         // rebuilt everything: the output is the archive as it was made
    uint64_t damaged_bytes = 0;    // of the archive's bytes, as the record's checksums found them
    uint64_t rebuilt_bytes = 0;    // of those, rebuilt from the record
    bool record_damaged = false;   // the record itself (written anew)
    // Of a split archive: volumes missing between the first and the last present (read as
    // zeros, so a recovery record can rebuild them and the blocks after them are kept).
    std::vector<std::string> missing_volumes;
};

// With a recovery record, first rebuilds what it can: when that is everything, the output is the
// archive as it was made (byte for byte, its record too; no password needed) and nothing more is
// done. Otherwise, or without a record, scans `damaged` (as far as it could be rebuilt) for its
// blocks and writes what is intact to `output` (a new archive: written to
// a temporary file, renamed when complete; an existing output is replaced only with overwrite,
// Error(Exists) otherwise). A block is kept when its header and packed bytes pass their checksums;
// an entry when every block its content lies in is kept. Entries without content (folders,
// symlinks, empty files) come from the block headers too. Throws Error(Data) when the file header
// is unreadable (not an .nnz: nothing to go by) or no block and no index survive. An encrypted
// archive needs its passphrase (Error(Password)) and a whole encryption header; its sealed chunks
// that do not open count as damage, and the result is encrypted with the same key.
// The key of an encrypted archive from its file and encryption headers alone (the rest may be
// damaged), null for a plain one. Throws Error(Password) for a missing or wrong passphrase,
// Error(Data) when those headers are damaged.
std::shared_ptr<const ArchiveKey> archive_key(const std::filesystem::path& archive, const Passphrase& passphrase);

// verify, when given, checks the output (its temporary file, or the first volume's) before it
// replaces anything (--test: test_before_keeping).
using WrittenCheck = std::function<void(const std::filesystem::path& written, JobControl&)>;
RepairReport repair_archive(const std::filesystem::path& damaged, const std::filesystem::path& output, bool overwrite,
                            JobControl& control, const Passphrase& passphrase = {}, const WrittenCheck& verify = {});

}  // namespace nnz
