#pragma once
// The .nnz byte layout (docs/FORMAT.md) in one place: constants, little-endian byte writer and
// bounds-checked reader, and encoders/parsers of each structure. The writer and reader only glue
// these to files, so the layout cannot drift between them.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "../codec.hpp"
#include "archive_reader.hpp"
#include "encryption.hpp"
#include "entry.hpp"

namespace nnz::format {

inline constexpr std::array<uint8_t, 8> kMagic = {'N', 'N', 'Z', 'I', 'P', 0x1a, '\r', '\n'};
inline constexpr std::array<uint8_t, 4> kBlockMagic = {'N', 'B', 'L', 'K'};
inline constexpr std::array<uint8_t, 4> kIndexMagic = {'N', 'I', 'D', 'X'};
inline constexpr std::array<uint8_t, 8> kEndMagic = {'N', 'N', 'Z', 'E', 'N', 'D', 0, 0};

// A reader refuses a newer major version; a newer minor version only appends fields that older
// readers skip (entry records carry their own length for that reason). Version 2 (nnzip 0.8)
// writes variable-length integers and paths that share their start with the previous record's;
// version 1 archives are still read. Version 3 (nnzip 0.10) adds duplicate entries (type 3, a
// file stored once for several names); the writer writes it only for archives that hold one, so
// every other archive stays readable by the nnzip versions that read 2.
// Version 4 (nnzip 0.11) is 3 encrypted: flags bit 0 set, an encryption header after the file
// header, and everything after that sealed in chunks (encryption.hpp); written only for encrypted
// archives.
// Version 5 (nnzip 0.12) is 3 or 4 followed by a recovery record (recovery_record.hpp): flags bit
// 1 set, bit 0 saying whether it is encrypted; written only for archives with a record.
inline constexpr uint16_t kVersionMajor = 5;
inline constexpr uint16_t kVersionMajorWithRecovery = 5;
inline constexpr uint16_t kVersionMajorEncrypted = 4;
inline constexpr uint16_t kVersionMajorWithDuplicates = 3;
inline constexpr uint16_t kVersionMajorWithoutDuplicates = 2;
inline constexpr uint32_t kFlagEncrypted = 1;
inline constexpr uint32_t kFlagRecoveryRecord = 2;
inline constexpr uint8_t kDuplicateType = 3;  // on disk; in memory EntryType::File with duplicate set
inline constexpr uint16_t kOldestVersionMajor = 1;
// 1 since 0.14: records may end with extension fields (owners, hard links), which readers of
// minor version 0 skip; 2 since 0.15: extended attributes and access control lists among them.
inline constexpr uint16_t kVersionMinor = 2;

// Caps that keep a hostile archive from asking for absurd allocations.
inline constexpr uint64_t kMaxBlockSize = 1ull << 30;   // raw bytes per block
inline constexpr uint32_t kMaxNameBytes = 65535;        // entry path and link target
inline constexpr uint32_t kMaxSettingsBytes = 65535;    // codec settings per block
inline constexpr uint32_t kMaxCreatorBytes = 255;
inline constexpr uint64_t kMaxBlocks = 0xffffffffull;   // EntryInfo::block is 32-bit
// The index is read whole, so its size bounds the reader's memory (about 3x for the parsed
// entries). 1 GiB holds some ten million entries with 100-byte names.
inline constexpr uint64_t kMaxIndexBytes = 1ull << 30;

inline constexpr uint64_t kTrailerSize = 32;
// Smallest possible encodings, used to bound counts by the bytes that are left.
inline constexpr uint64_t kMinFileHeaderSize = 8 + 2 + 2 + 4 + 4 + 8;
// Version 1: fixed-size integers.
inline constexpr uint64_t kEntryFixedSizeV1 = 4 + 1 + 4 + 8 + 4 + 8 + 4 + 8 + 4 + 8;  // + path, link
// Version 2: one byte per variable-length integer at least (shared path start, path length, type,
// mode, mtime, nanoseconds, size, link length, block, offset) and the 8-byte content checksum.
inline constexpr uint64_t kEntryFixedSizeV2 = 9 + 1 + 8;
uint64_t min_entry_size(uint16_t major);
uint64_t min_index_block_size(uint16_t major);
uint64_t min_block_header_size(uint16_t major);
// The longest block header possible beside an index of index_size bytes (settings at their cap
// and at most every entry record of the index).
uint64_t max_block_header_size(uint16_t major, uint64_t index_size);

class ByteWriter {
public:
    void u8(uint8_t v) { bytes_.push_back(v); }
    void u16(uint16_t v) { put_le(v, 2); }
    void u32(uint32_t v) { put_le(v, 4); }
    void u64(uint64_t v) { put_le(v, 8); }
    void i64(int64_t v) { put_le(static_cast<uint64_t>(v), 8); }
    // LEB128: 7 bits a byte, low bits first, the top bit set on all but the last byte.
    void varint(uint64_t v);
    void raw(std::span<const uint8_t> bytes);
    void raw(std::string_view text);
    size_t size() const { return bytes_.size(); }
    const std::vector<uint8_t>& bytes() const { return bytes_; }
    std::vector<uint8_t> take() { return std::move(bytes_); }

private:
    void put_le(uint64_t v, int n);
    std::vector<uint8_t> bytes_;
};

// Every read is bounds-checked and throws Error(Data, "<context>: truncated <what>"), so a parser
// written with it cannot read past its input whatever the input says.
class ByteReader {
public:
    ByteReader(std::span<const uint8_t> bytes, std::string context)
        : bytes_(bytes), context_(std::move(context)) {}
    uint8_t u8(const char* what);
    uint16_t u16(const char* what) { return static_cast<uint16_t>(get_le(2, what)); }
    uint32_t u32(const char* what) { return static_cast<uint32_t>(get_le(4, what)); }
    uint64_t u64(const char* what) { return get_le(8, what); }
    int64_t i64(const char* what) { return static_cast<int64_t>(get_le(8, what)); }
    // Refuses an encoding longer than needed or over 64 bits (one value, one encoding).
    uint64_t varint(const char* what);
    std::span<const uint8_t> raw(uint64_t n, const char* what);
    std::string string(uint64_t n, const char* what);
    void expect(std::span<const uint8_t> magic, const char* what);
    // Throws unless count items of at least min_size bytes each can still follow.
    void check_count(uint64_t count, uint64_t min_size, const char* what) const;

    size_t position() const { return pos_; }
    // The bytes read since `from` (a previous position()), for checksums over a parsed range.
    std::span<const uint8_t> read_since(size_t from) const { return bytes_.subspan(from, pos_ - from); }
    uint64_t remaining() const { return bytes_.size() - pos_; }
    const std::string& context() const { return context_; }
    [[noreturn]] void fail(const std::string& message) const;

private:
    uint64_t get_le(int n, const char* what);
    std::span<const uint8_t> bytes_;
    size_t pos_ = 0;
    std::string context_;
};

struct FileHeader {
    uint16_t version_major = kVersionMajor;
    uint16_t version_minor = kVersionMinor;
    uint32_t flags = 0;
    std::string creator;
};
std::vector<uint8_t> encode_file_header(std::string_view creator, uint16_t major = kVersionMajorWithDuplicates,
                                        uint32_t flags = 0);
// The file header of an archive with these features: the oldest version that can hold them (so
// that the rest stay readable by older nnzip) and its flags.
std::vector<uint8_t> encode_file_header(std::string_view creator, bool encrypted, bool duplicates, bool recovery_record);
// Checks magic, version, flags (kFlagEncrypted exactly in version 4, kFlagRecoveryRecord exactly in
// version 5, which may be encrypted or not) and the header checksum; leaves `in` just past the header.
FileHeader parse_file_header(ByteReader& in);

// What follows the file header of an encrypted archive: how the key is derived from the
// passphrase, and a check value that tells a wrong passphrase from damage.
struct EncryptionHeader {
    KeyDerivation derivation;
    std::array<uint8_t, kKeyCheckBytes> key_check{};
};
inline constexpr std::array<uint8_t, 4> kEncryptionMagic = {'N', 'E', 'N', 'C'};
inline constexpr uint8_t kKeyDerivationArgon2id = 1;
// Magic, derivation id, passes and memory (var), salt, chunk size (var), key check, checksum.
inline constexpr uint64_t kMaxEncryptionHeaderSize = 4 + 1 + 10 + 10 + 16 + 10 + kKeyCheckBytes + 8;
std::vector<uint8_t> encode_encryption_header(const EncryptionHeader& header);
// Checks magic, derivation id, chunk size and checksum (not the costs: ArchiveKey::derive does).
EncryptionHeader parse_encryption_header(ByteReader& in);

// Appends one per-file header (the current version; its path shares its start with the path of
// `previous`, the record before it in the same list, null for the first, and its owner is written
// only when it differs from that one's); returns the position of its content_hash field in `out`,
// so a hash that is only known later can be patched in.
size_t encode_entry(ByteWriter& out, const EntryInfo& entry, const EntryInfo* previous);
// Parses one per-file header of format version `major` and validates what it says about itself:
// a safe normalised path, a known type, mode and nanoseconds in range, no content or size for
// directories and symlinks, owner names without control characters, a hard link only on a
// duplicate. previous: the record parsed before it in the same list (null for the first).
EntryInfo parse_entry(ByteReader& in, uint16_t major, const EntryInfo* previous);

struct BlockHeader {
    CodecId codec = CodecId::Store;
    std::vector<uint8_t> settings;
    uint64_t raw_size = 0;
    uint64_t packed_size = 0;
    uint64_t raw_hash = 0;
    uint64_t packed_hash = 0;
    std::vector<EntryInfo> entries;  // entries whose content (or place in the stream) starts here
};
struct EncodedBlockHeader {
    std::vector<uint8_t> bytes;      // the header including its trailing checksum
    std::vector<size_t> hash_fields; // per entry, where its content_hash sits in `bytes`
};
EncodedBlockHeader encode_block_header(const BlockHeader& header);
// Patches one entry's content hash into an encoded header and recomputes the header checksum.
void patch_block_entry_hash(std::vector<uint8_t>& header, size_t hash_field, uint64_t hash);
// `bytes` must be exactly one block header; verifies its checksum before trusting any field.
BlockHeader parse_block_header(std::span<const uint8_t> bytes, uint16_t major, const std::string& context);
// The size of the block header that starts `window` (its fields parsed, its checksum not checked:
// parse_block_header does that on exactly these bytes), for finding blocks without an index.
// Throws Error(Data) when the window does not start with a whole block header.
uint64_t block_header_size(std::span<const uint8_t> window, uint16_t major);

struct Index {
    std::vector<BlockInfo> blocks;
    std::vector<uint64_t> header_sizes;  // bytes of each block's header; packed data follows it
    std::vector<EntryInfo> entries;
};
std::vector<uint8_t> encode_index(const Index& index);
// Structural parse (counts bounded by the bytes left, no trailing bytes); the reader checks how
// blocks and entries relate to each other and to the file.
Index parse_index(std::span<const uint8_t> bytes, uint16_t major);

struct Trailer {
    uint64_t index_offset = 0;
    uint64_t index_size = 0;
    uint64_t index_hash = 0;
};
std::array<uint8_t, kTrailerSize> encode_trailer(const Trailer& trailer);
// Nothing when the end magic is missing (not an archive, or truncated).
std::optional<Trailer> parse_trailer(std::span<const uint8_t> bytes);

}  // namespace nnz::format
