#pragma once
// The recovery record (docs/FORMAT.md, "Recovery record"): Reed-Solomon parity over the archive's
// bytes, appended after them, with which `repair` rebuilds damaged parts of the archive exactly,
// as RAR's recovery record does. It works on the file's bytes as they lie on disk (sealed chunks
// of an encrypted archive included), so it needs no password and knows nothing of blocks.
//
// The archive's bytes are cut into shards of shard_size (the last one shorter); shard i belongs
// to group i mod groups, so damage in one place spreads over many groups. Each group of k data
// shards gets m = ceil(k * percent / 100) parity shards (CauchyCode: k + m <= 255), and any m lost
// shards of a group are rebuilt. A checksum of every shard (kept twice) tells which are lost.
// Contiguous damage of up to about percent % of the archive can thus be undone.
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "../job_control.hpp"
#include "archive_file.hpp"
#include "temp_file.hpp"

namespace nnz {

inline constexpr unsigned kMinRecoveryPercent = 1;
inline constexpr unsigned kMaxRecoveryPercent = 50;
inline constexpr size_t kRecoveryHeaderSize = 64;
// The largest archive a record is made for (2^56 bytes, 64 PiB): far beyond any file, and small
// enough that no size computed from it wraps around.
inline constexpr uint64_t kMaxRecoveryProtectedSize = 1ull << 56;

// Reads exactly out.size() bytes at offset (throws Error(Io) otherwise).
using ReadAt = std::function<void(uint64_t offset, std::span<uint8_t> out)>;
// A ReadAt over an archive on disk (archive_file.hpp: one file or the volumes of a split one),
// which it keeps open.
ReadAt reader_of(std::shared_ptr<const ArchiveFile> file);

struct RecoveryLayout {
    uint64_t protected_size = 0;  // the archive's bytes before the record
    unsigned percent = 0;
    uint32_t shard_size = 0;
    uint64_t data_shards = 0;
    uint32_t groups = 0;
    uint64_t parity_shards = 0;   // of all groups

    // Throws Error(Usage) for a percent outside kMinRecoveryPercent..kMaxRecoveryPercent.
    static RecoveryLayout for_archive(uint64_t protected_size, unsigned percent);

    uint64_t group_data_shards(uint32_t group) const;
    uint64_t group_parity_shards(uint32_t group) const;
    uint64_t first_parity_of(uint32_t group) const;  // index among all parity shards
    uint64_t data_shard_size(uint64_t shard) const;   // shard_size, or less for the last one
    uint64_t table_size() const;                      // bytes of one checksum table
    uint64_t parity_offset() const;                   // in the file
    uint64_t record_size() const;                     // everything after the archive's bytes
    // Whether a file of file_size bytes is exactly the archive's bytes and this record (sizes
    // from a damaged or crafted header cannot wrap around to pass).
    bool ends_file_of(uint64_t file_size) const;
    bool operator==(const RecoveryLayout&) const = default;
};

std::array<uint8_t, kRecoveryHeaderSize> encode_recovery_header(const RecoveryLayout& layout, uint64_t table_hash);
// The layout a header describes: nullopt when the bytes are not an intact header (magic,
// checksum) or describe a layout for_archive would not make.
struct RecoveryHeader {
    RecoveryLayout layout;
    uint64_t table_hash = 0;
};
std::optional<RecoveryHeader> parse_recovery_header(std::span<const uint8_t> bytes);

// Appends a record of `percent` for everything written to `file` so far. control: checked for
// cancelling between shards (may be null).
void append_recovery_record(RandomAccessFile& file, unsigned percent, JobControl* control);

// What a file's recovery record says of it.
struct RecoveryScan {
    RecoveryLayout layout;
    uint64_t file_size = 0;              // of the file scanned
    std::vector<uint64_t> damaged_data;  // data shards that fail their checksum (or lie beyond the file's end)
    std::vector<uint64_t> damaged_parity;  // parity shards that do
    uint64_t unrestorable_groups = 0;    // groups that lost more shards than they have intact parity
    uint64_t unrestored_bytes = 0;       // the data shards of those groups that are lost
    std::vector<uint32_t> checksums;     // of every data shard, from the record's tables
    bool footer_intact = true;           // found at the end (else by searching for its header)
    bool header_intact = true;           // the copy at the record's start
    bool tables_intact = true;           // both copies of the checksum table

    // The record itself: its parity, either header copy or a checksum table.
    bool record_damaged() const { return !damaged_parity.empty() || !footer_intact || !header_intact || !tables_intact; }
    bool damaged() const { return !damaged_data.empty() || record_damaged(); }
    bool restorable() const { return unrestorable_groups == 0; }
    uint64_t damaged_bytes() const;      // of the archive: the damaged data shards' sizes
};

// Finds the record of a file of file_size bytes (its footer, else its header, searched for from
// the end when the footer is damaged) and checks every shard against it. nullopt: no record.
std::optional<RecoveryScan> scan_recovery_record(const ReadAt& read, uint64_t file_size, JobControl* control);

// The same for a file on disk.
std::optional<RecoveryScan> scan_recovery_record(const std::filesystem::path& path, JobControl* control);

// A sentence on what a scan found ("3 damaged pieces of the archive (12 KiB), all restorable").
std::string describe(const RecoveryScan& scan);

// Writes the archive's bytes to `out` (from its start) with every damaged data shard of a
// restorable group rebuilt (and checked against its checksum). Returns whether every damaged
// shard was: then `out` holds the undamaged archive's bytes (append_recovery_record with the
// layout's percent makes it the archive as it was made, byte for byte).
bool restore_from_recovery_record(const ReadAt& read, const RecoveryScan& scan, RandomAccessFile& out, JobControl* control);

}  // namespace nnz
