#include "format.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>

#include "../checksum.hpp"
#include "../error.hpp"
#include "entry_path.hpp"

namespace nnz::format {

// ---- ByteWriter ------------------------------------------------------------------------------

void ByteWriter::put_le(uint64_t v, int n)
{
    for (int i = 0; i < n; ++i) bytes_.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

void ByteWriter::varint(uint64_t v)
{
    while (v >= 0x80) {
        bytes_.push_back(static_cast<uint8_t>(v | 0x80));
        v >>= 7;
    }
    bytes_.push_back(static_cast<uint8_t>(v));
}

void ByteWriter::raw(std::span<const uint8_t> bytes)
{
    bytes_.insert(bytes_.end(), bytes.begin(), bytes.end());
}

void ByteWriter::raw(std::string_view text)
{
    bytes_.insert(bytes_.end(), text.begin(), text.end());
}

// ---- ByteReader ------------------------------------------------------------------------------

void ByteReader::fail(const std::string& message) const
{
    throw Error(ErrorCode::Data, context_ + ": " + message);
}

uint64_t ByteReader::get_le(int n, const char* what)
{
    if (remaining() < static_cast<uint64_t>(n)) fail(std::string("truncated ") + what);
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= uint64_t(bytes_[pos_ + i]) << (8 * i);
    pos_ += n;
    return v;
}

uint8_t ByteReader::u8(const char* what) { return static_cast<uint8_t>(get_le(1, what)); }

uint64_t ByteReader::varint(const char* what)
{
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        if (pos_ >= bytes_.size()) fail(std::string("truncated ") + what);
        const uint8_t byte = bytes_[pos_++];
        if (shift == 63 && byte > 1) fail(std::string(what) + " is over 64 bits");
        v |= uint64_t(byte & 0x7f) << shift;
        if (byte < 0x80) {
            if (byte == 0 && shift > 0) fail(std::string(what) + " has an overlong encoding");
            return v;
        }
    }
}

std::span<const uint8_t> ByteReader::raw(uint64_t n, const char* what)
{
    if (remaining() < n) fail(std::string("truncated ") + what);
    auto out = bytes_.subspan(pos_, n);
    pos_ += n;
    return out;
}

std::string ByteReader::string(uint64_t n, const char* what)
{
    auto bytes = raw(n, what);
    return {bytes.begin(), bytes.end()};
}

void ByteReader::expect(std::span<const uint8_t> magic, const char* what)
{
    auto got = raw(magic.size(), what);
    if (!std::equal(got.begin(), got.end(), magic.begin())) fail(std::string("bad ") + what);
}

void ByteReader::check_count(uint64_t count, uint64_t min_size, const char* what) const
{
    // Division instead of count * min_size: a hostile count must not overflow the check.
    if (count > remaining() / min_size)
        fail(std::string(what) + " count " + std::to_string(count) + " does not fit in the " +
             std::to_string(remaining()) + " bytes left");
}

// ---- File header -----------------------------------------------------------------------------

std::vector<uint8_t> encode_file_header(std::string_view creator, uint16_t major, uint32_t flags)
{
    if (creator.size() > kMaxCreatorBytes) creator = creator.substr(0, kMaxCreatorBytes);
    ByteWriter out;
    out.raw(kMagic);
    out.u16(major);
    out.u16(kVersionMinor);
    out.u32(flags);
    out.u32(static_cast<uint32_t>(creator.size()));
    out.raw(creator);
    out.u64(xxh64(out.bytes()));
    return out.take();
}

std::vector<uint8_t> encode_file_header(std::string_view creator, bool encrypted, bool duplicates, bool recovery_record)
{
    const uint16_t major = recovery_record ? kVersionMajorWithRecovery
                           : encrypted     ? kVersionMajorEncrypted
                           : duplicates    ? kVersionMajorWithDuplicates
                                           : kVersionMajorWithoutDuplicates;
    return encode_file_header(creator, major, (encrypted ? kFlagEncrypted : 0) | (recovery_record ? kFlagRecoveryRecord : 0));
}

FileHeader parse_file_header(ByteReader& in)
{
    const size_t start = in.position();
    FileHeader header;
    if (in.remaining() < kMagic.size()) in.fail("not an nnzip archive");
    auto magic = in.raw(kMagic.size(), "magic");
    if (!std::equal(magic.begin(), magic.end(), kMagic.begin())) in.fail("not an nnzip archive");
    if (in.remaining() < kMinFileHeaderSize - kMagic.size()) in.fail("archive is truncated (incomplete file header)");
    header.version_major = in.u16("version");
    header.version_minor = in.u16("version");
    // Checked before the checksum so a future layout gets a helpful message, not "corrupt".
    if (header.version_major < kOldestVersionMajor || header.version_major > kVersionMajor)
        in.fail("unsupported format version " + std::to_string(header.version_major) + "." +
                std::to_string(header.version_minor) + " (this nnzip reads versions " +
                std::to_string(kOldestVersionMajor) + ".x to " + std::to_string(kVersionMajor) +
                ".x; a newer nnzip is needed)");
    header.flags = in.u32("flags");
    // Encryption and the recovery record change what follows the header and where the archive
    // ends: flags and version go together.
    const uint32_t known_flags = header.version_major >= kVersionMajorWithRecovery ? kFlagEncrypted | kFlagRecoveryRecord
                                 : header.version_major == kVersionMajorEncrypted  ? kFlagEncrypted
                                                                                   : 0;
    if ((header.flags & ~known_flags) != 0) in.fail("unknown flags in the file header (damaged header?)");
    if (header.version_major == kVersionMajorEncrypted && !(header.flags & kFlagEncrypted))
        in.fail("version 4 archive without encryption (damaged header?)");
    if (header.version_major == kVersionMajorWithRecovery && !(header.flags & kFlagRecoveryRecord))
        in.fail("version 5 archive without a recovery record (damaged header?)");
    const uint32_t creator_size = in.u32("creator length");
    if (creator_size > kMaxCreatorBytes)
        in.fail("creator string of " + std::to_string(creator_size) + " bytes is too long");
    header.creator = in.string(creator_size, "creator");
    const uint64_t sum = xxh64(in.read_since(start));
    if (!checksum_matches(in.u64("header checksum"), sum)) in.fail("file header checksum mismatch");
    return header;
}

// ---- Encryption header ---------------------------------------------------------------------

std::vector<uint8_t> encode_encryption_header(const EncryptionHeader& header)
{
    ByteWriter out;
    out.raw(kEncryptionMagic);
    out.u8(kKeyDerivationArgon2id);
    out.varint(header.derivation.passes);
    out.varint(header.derivation.memory_bytes);
    out.raw(header.derivation.salt);
    out.varint(kSealedChunkBytes);
    out.raw(header.key_check);
    out.u64(xxh64(out.bytes()));
    return out.take();
}

EncryptionHeader parse_encryption_header(ByteReader& in)
{
    const size_t start = in.position();
    EncryptionHeader header;
    const auto magic = in.raw(kEncryptionMagic.size(), "encryption header");
    if (!std::equal(magic.begin(), magic.end(), kEncryptionMagic.begin())) in.fail("encryption header missing");
    if (in.u8("key derivation") != kKeyDerivationArgon2id)
        in.fail("unknown key derivation (archive from a newer nnzip?)");
    const uint64_t passes = in.varint("key derivation passes");
    header.derivation.passes = static_cast<uint32_t>(std::min<uint64_t>(passes, UINT32_MAX));
    header.derivation.memory_bytes = in.varint("key derivation memory");
    const auto salt = in.raw(header.derivation.salt.size(), "salt");
    std::copy(salt.begin(), salt.end(), header.derivation.salt.begin());
    if (in.varint("chunk size") != kSealedChunkBytes) in.fail("unsupported encryption chunk size");
    const auto check = in.raw(header.key_check.size(), "key check");
    std::copy(check.begin(), check.end(), header.key_check.begin());
    const uint64_t sum = xxh64(in.read_since(start));
    if (!checksum_matches(in.u64("encryption header checksum"), sum)) in.fail("encryption header checksum mismatch");
    return header;
}

// ---- Entries ---------------------------------------------------------------------------------

uint64_t min_entry_size(uint16_t major) { return major == 1 ? 4 + kEntryFixedSizeV1 : 1 + kEntryFixedSizeV2; }
uint64_t min_index_block_size(uint16_t major) { return major == 1 ? 8 + 8 + 8 + 8 + 1 : 4 + 1; }
uint64_t min_block_header_size(uint16_t major) { return major == 1 ? 4 + 1 + 4 + 8 * 4 + 8 + 8 : 4 + 1 + 1 + 2 + 8 * 2 + 1 + 8; }

uint64_t max_block_header_size(uint16_t major, uint64_t index_size)
{
    // Version 2: settings length and the four integers at their longest encodings.
    const uint64_t longest = major == 1 ? min_block_header_size(1) : min_block_header_size(2) + 2 + 9 * 3;
    return longest + kMaxSettingsBytes + index_size;
}

namespace {

constexpr uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
constexpr int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

size_t shared_start(std::string_view a, std::string_view b)
{
    const size_t n = std::min(a.size(), b.size());
    size_t i = 0;
    while (i < n && a[i] == b[i]) ++i;
    return i;
}

uint32_t name_length(ByteReader& in, uint64_t length, const char* what)
{
    if (length > kMaxNameBytes) in.fail(std::string(what) + " of " + std::to_string(length) + " bytes");
    return static_cast<uint32_t>(length);
}

// Version 1 fields, fixed size.
void parse_entry_fields_v1(ByteReader& in, EntryInfo& e, uint8_t& type)
{
    e.path = in.string(name_length(in, in.u32("entry path length"), "entry path"), "entry path");
    type = in.u8("entry type");
    e.mode = in.u32("entry mode");
    e.mtime_sec = in.i64("entry mtime");
    e.mtime_nsec = in.u32("entry mtime");
    e.size = in.u64("entry size");
    e.link_target = in.string(name_length(in, in.u32("link target length"), "link target"), "link target");
    e.content_hash = in.u64("entry checksum");
    e.block = in.u32("entry block");
    e.offset = in.u64("entry offset");
}

void parse_entry_fields_v2(ByteReader& in, EntryInfo& e, uint8_t& type, std::string_view previous_path)
{
    const uint64_t shared = in.varint("entry path");
    if (shared > previous_path.size()) in.fail("entry path shares more than the previous path holds");
    const uint64_t rest = in.varint("entry path length");
    if (rest > kMaxNameBytes - shared) in.fail("entry path of " + std::to_string(shared + rest) + " bytes");
    e.path.assign(previous_path.substr(0, shared));
    e.path += in.string(rest, "entry path");
    type = in.u8("entry type");
    const uint64_t mode = in.varint("entry mode");
    e.mode = static_cast<uint32_t>(std::min<uint64_t>(mode, UINT32_MAX));
    e.mtime_sec = unzigzag(in.varint("entry mtime"));
    const uint64_t nsec = in.varint("entry mtime");
    e.mtime_nsec = static_cast<uint32_t>(std::min<uint64_t>(nsec, UINT32_MAX));
    e.size = in.varint("entry size");
    e.link_target = in.string(name_length(in, in.varint("link target length"), "link target"), "link target");
    e.content_hash = in.u64("entry checksum");
    const uint64_t block = in.varint("entry block");
    if (block > kMaxBlocks) in.fail("entry block out of range");
    e.block = static_cast<uint32_t>(block);
    e.offset = in.varint("entry offset");
}

}  // namespace

namespace {

// Extension fields after a record's fixed fields (version x.1): var tag, var length, payload.
// Readers before 0.14 skip them with the rest of the record.
constexpr uint64_t kOwnerTag = 1;     // var uid, var gid, var user length, user, var group length, group
constexpr uint64_t kHardLinkTag = 2;  // no payload; only on a duplicate
constexpr uint64_t kAttributesTag = 3;  // per attribute: var name length, name, var value length, value
constexpr uint64_t kAclTag = 4;         // the text of the access control list
constexpr size_t kMaxOwnerNameBytes = 255;  // as valid_owner_name

void encode_owner_field(ByteWriter& out, const std::optional<EntryOwner>& owner)
{
    ByteWriter payload;
    if (owner) {  // an empty payload says "not recorded" after a record that had an owner
        payload.varint(owner->uid);
        payload.varint(owner->gid);
        for (const std::string* name : {&owner->user, &owner->group}) {
            const std::string_view kept = valid_owner_name(*name) ? std::string_view(*name) : std::string_view();
            payload.varint(kept.size());
            payload.raw(kept);
        }
    }
    out.varint(kOwnerTag);
    out.varint(payload.size());
    out.raw(payload.bytes());
}

EntryOwner parse_owner_payload(ByteReader& in, const std::string& path)
{
    EntryOwner owner;
    const uint64_t uid = in.varint("entry owner"), gid = in.varint("entry group");
    if (uid > UINT32_MAX || gid > UINT32_MAX) in.fail("entry \"" + path + "\" has an owner out of range");
    owner.uid = static_cast<uint32_t>(uid);
    owner.gid = static_cast<uint32_t>(gid);
    for (std::string* name : {&owner.user, &owner.group}) {
        const uint64_t length = in.varint("owner name length");
        if (length > kMaxOwnerNameBytes) in.fail("entry \"" + path + "\" has an owner name of " + std::to_string(length) + " bytes");
        *name = in.string(length, "owner name");
        if (!valid_owner_name(*name)) in.fail("entry \"" + path + "\" has an invalid owner name");
    }
    return owner;
}

void encode_attributes_field(ByteWriter& out, std::span<const ExtendedAttribute> attributes, const std::string& path)
{
    // Those who fill in attributes keep them so (kept_attributes); a reader would refuse others.
    if (!attributes_storable(attributes)) throw Error(ErrorCode::Internal, "entry \"" + path + "\" has attributes no archive may hold");
    ByteWriter payload;
    for (const auto& attribute : attributes) {
        payload.varint(attribute.name.size());
        payload.raw(attribute.name);
        payload.varint(attribute.value.size());
        payload.raw(attribute.value);
    }
    out.varint(kAttributesTag);
    out.varint(payload.size());
    out.raw(payload.bytes());
}

std::vector<ExtendedAttribute> parse_attributes_payload(ByteReader& in, size_t field_end, const std::string& path)
{
    std::vector<ExtendedAttribute> attributes;
    while (in.position() < field_end) {
        ExtendedAttribute attribute;
        const uint64_t name_length = in.varint("attribute name length");
        if (in.position() > field_end || name_length > kMaxAttributeNameBytes || name_length > field_end - in.position())
            in.fail("entry \"" + path + "\" has an attribute name of " + std::to_string(name_length) + " bytes");
        attribute.name = in.string(name_length, "attribute name");
        if (!valid_attribute_name(attribute.name)) in.fail("entry \"" + path + "\" has an invalid attribute name");
        // Sorted, each once: one archive has one encoding of a set of attributes.
        if (!attributes.empty() && attributes.back().name >= attribute.name)
            in.fail("entry \"" + path + "\" has attributes out of order");
        const uint64_t value_length = in.varint("attribute value length");
        if (value_length > kMaxAttributeValueBytes || in.position() > field_end || value_length > field_end - in.position())
            in.fail("entry \"" + path + "\" has an attribute value of " + std::to_string(value_length) + " bytes");
        attribute.value = in.string(value_length, "attribute value");
        attributes.push_back(std::move(attribute));
    }
    return attributes;
}

// The extension fields up to record_end. The owner is inherited from the previous record of the
// list when the record has none, and so are its extended attributes and access control list.
void parse_extension_fields(ByteReader& in, size_t record_end, EntryInfo& e, const EntryInfo* previous)
{
    if (previous) {
        e.owner = previous->owner;
        e.xattrs = previous->xattrs;
        e.acl = previous->acl;
    }
    bool owner_seen = false, hard_link_seen = false, attributes_seen = false, acl_seen = false;
    while (in.position() < record_end) {
        const uint64_t tag = in.varint("entry field");
        const uint64_t length = in.varint("entry field length");
        if (in.position() > record_end || length > record_end - in.position())
            in.fail("entry \"" + e.path + "\" overruns its record");
        const size_t field_end = in.position() + length;
        if (tag == kOwnerTag) {
            if (std::exchange(owner_seen, true)) in.fail("entry \"" + e.path + "\" has two owners");
            if (length == 0) e.owner.reset();
            else e.owner = parse_owner_payload(in, e.path);
        } else if (tag == kHardLinkTag) {
            if (std::exchange(hard_link_seen, true) || length != 0 || !e.duplicate)
                in.fail("entry \"" + e.path + "\" has an invalid hard link field");
            e.hard_link = true;
        } else if (tag == kAttributesTag) {
            if (std::exchange(attributes_seen, true)) in.fail("entry \"" + e.path + "\" has two attribute lists");
            e.xattrs = parse_attributes_payload(in, field_end, e.path);
        } else if (tag == kAclTag) {
            if (std::exchange(acl_seen, true)) in.fail("entry \"" + e.path + "\" has two access control lists");
            if (length > kMaxAclTextBytes) in.fail("entry \"" + e.path + "\" has an access control list of " + std::to_string(length) + " bytes");
            e.acl = in.string(length, "access control list");
            if (!valid_acl_text(e.acl)) in.fail("entry \"" + e.path + "\" has an invalid access control list");
        }
        // Tags this version does not know are skipped, as a newer minor version may add them.
        if (in.position() > field_end) in.fail("entry \"" + e.path + "\" overruns its record");
        in.raw(field_end - in.position(), "entry field");
    }
}

}  // namespace

size_t encode_entry(ByteWriter& out, const EntryInfo& entry, const EntryInfo* previous)
{
    ByteWriter record;
    const std::string_view previous_path = previous ? std::string_view(previous->path) : std::string_view();
    const size_t shared = shared_start(previous_path, entry.path);
    record.varint(shared);
    record.varint(entry.path.size() - shared);
    record.raw(std::string_view(entry.path).substr(shared));
    record.u8(entry.duplicate ? kDuplicateType : static_cast<uint8_t>(entry.type));
    record.varint(entry.mode);
    record.varint(zigzag(entry.mtime_sec));
    record.varint(entry.mtime_nsec);
    record.varint(entry.size);
    record.varint(entry.link_target.size());
    record.raw(entry.link_target);
    const size_t hash_in_record = record.size();
    record.u64(entry.content_hash);
    record.varint(entry.block);
    record.varint(entry.offset);
    const std::optional<EntryOwner> no_owner;
    if (entry.owner != (previous ? previous->owner : no_owner)) encode_owner_field(record, entry.owner);
    static const std::vector<ExtendedAttribute> no_attributes;
    if (entry.xattrs != (previous ? previous->xattrs : no_attributes)) encode_attributes_field(record, entry.xattrs, entry.path);
    if (entry.acl != (previous ? std::string_view(previous->acl) : std::string_view())) {
        if (!valid_acl_text(entry.acl)) throw Error(ErrorCode::Internal, "entry \"" + entry.path + "\" has an access control list no archive may hold");
        record.varint(kAclTag);
        record.varint(entry.acl.size());
        record.raw(entry.acl);
    }
    if (entry.duplicate && entry.hard_link) {
        record.varint(kHardLinkTag);
        record.varint(0);
    }
    out.varint(record.size());
    const size_t hash_field = out.size() + hash_in_record;
    out.raw(record.bytes());
    return hash_field;
}

EntryInfo parse_entry(ByteReader& in, uint16_t major, const EntryInfo* previous)
{
    const std::string_view previous_path = previous ? std::string_view(previous->path) : std::string_view();
    const uint64_t record_size = major == 1 ? in.u32("entry record size") : in.varint("entry record size");
    const uint64_t fixed = major == 1 ? kEntryFixedSizeV1 : kEntryFixedSizeV2;
    if (record_size < fixed || record_size > in.remaining())
        in.fail("entry record size " + std::to_string(record_size) + " out of range");
    const size_t record_end = in.position() + record_size;

    EntryInfo e;
    uint8_t type = 0;
    if (major == 1) parse_entry_fields_v1(in, e, type);
    else parse_entry_fields_v2(in, e, type, previous_path);
    const auto normalised = normalise_entry_path(e.path);
    if (!normalised || *normalised != e.path) {
        std::string shown;
        for (unsigned char c : e.path.substr(0, 200)) shown += (c < 0x20 || c == 0x7f) ? '?' : char(c);
        in.fail("unsafe entry name \"" + shown + "\"");
    }
    if (type == kDuplicateType && major >= 3) {
        e.type = EntryType::File;
        e.duplicate = true;
    } else if (type > static_cast<uint8_t>(EntryType::Symlink)) {
        in.fail("entry \"" + e.path + "\" has unknown type " + std::to_string(type));
    } else {
        e.type = static_cast<EntryType>(type);
    }
    if (e.mode > 07777) in.fail("entry \"" + e.path + "\" has invalid mode");
    if (e.mtime_nsec >= 1'000'000'000u) in.fail("entry \"" + e.path + "\" has invalid mtime");
    if (in.position() > record_end) in.fail("entry \"" + e.path + "\" overruns its record");
    if (major == 1) in.raw(record_end - in.position(), "entry record");
    else parse_extension_fields(in, record_end, e, previous);

    if (e.type != EntryType::File && e.size != 0)
        in.fail("entry \"" + e.path + "\" is not a file but has content");
    if (e.duplicate && e.size == 0) in.fail("entry \"" + e.path + "\" is a duplicate of nothing");
    if (e.type == EntryType::Symlink) {
        if (e.link_target.empty() || e.link_target.find('\0') != std::string::npos)
            in.fail("symlink \"" + e.path + "\" has an invalid target");
    } else if (!e.link_target.empty()) {
        in.fail("entry \"" + e.path + "\" is not a symlink but has a link target");
    }
    return e;
}

namespace {

// Version 1 writes sizes and counts at a fixed width, version 2 as variable-length integers.
uint64_t sized(ByteReader& in, uint16_t major, int v1_width, const char* what)
{
    if (major != 1) return in.varint(what);
    return v1_width == 4 ? in.u32(what) : in.u64(what);
}

// A list of entry records, each path written against the one before it; returns where each
// record's content hash sits in `out`.
std::vector<size_t> encode_entries(ByteWriter& out, std::span<const EntryInfo> entries)
{
    out.varint(entries.size());
    std::vector<size_t> hash_fields;
    const EntryInfo* previous = nullptr;
    for (const auto& entry : entries) {
        hash_fields.push_back(encode_entry(out, entry, previous));
        previous = &entry;
    }
    return hash_fields;
}

std::vector<EntryInfo> parse_entries(ByteReader& in, uint16_t major)
{
    const uint64_t count = sized(in, major, 8, "entry count");
    in.check_count(count, min_entry_size(major), "entry");
    std::vector<EntryInfo> entries;
    entries.reserve(count);
    for (uint64_t i = 0; i < count; ++i)
        entries.push_back(parse_entry(in, major, entries.empty() ? nullptr : &entries.back()));
    return entries;
}

}  // namespace

// ---- Block header ----------------------------------------------------------------------------

EncodedBlockHeader encode_block_header(const BlockHeader& header)
{
    ByteWriter out;
    out.raw(kBlockMagic);
    out.u8(static_cast<uint8_t>(header.codec));
    out.varint(header.settings.size());
    out.raw(header.settings);
    out.varint(header.raw_size);
    out.varint(header.packed_size);
    out.u64(header.raw_hash);
    out.u64(header.packed_hash);
    EncodedBlockHeader encoded;
    encoded.hash_fields = encode_entries(out, header.entries);
    out.u64(xxh64(out.bytes()));
    encoded.bytes = out.take();
    return encoded;
}

void patch_block_entry_hash(std::vector<uint8_t>& header, size_t hash_field, uint64_t hash)
{
    for (int i = 0; i < 8; ++i) header.at(hash_field + i) = static_cast<uint8_t>(hash >> (8 * i));
    const size_t body = header.size() - 8;
    const uint64_t sum = xxh64(std::span(header).first(body));
    for (int i = 0; i < 8; ++i) header[body + i] = static_cast<uint8_t>(sum >> (8 * i));
}

namespace {

// Everything of a block header but its checksum.
BlockHeader parse_block_header_fields(ByteReader& in, uint16_t major)
{
    BlockHeader header;
    in.expect(kBlockMagic, "block marker");
    header.codec = static_cast<CodecId>(in.u8("codec id"));
    const uint64_t settings_size = sized(in, major, 4, "settings length");
    if (settings_size > kMaxSettingsBytes) in.fail("codec settings too long");
    auto settings = in.raw(settings_size, "codec settings");
    header.settings.assign(settings.begin(), settings.end());
    header.raw_size = sized(in, major, 8, "raw size");
    header.packed_size = sized(in, major, 8, "packed size");
    header.raw_hash = in.u64("raw checksum");
    header.packed_hash = in.u64("packed checksum");
    header.entries = parse_entries(in, major);
    return header;
}

}  // namespace

BlockHeader parse_block_header(std::span<const uint8_t> bytes, uint16_t major, const std::string& context)
{
    if (bytes.size() < min_block_header_size(major)) throw Error(ErrorCode::Data, context + ": header too short");
    const auto body = bytes.first(bytes.size() - 8);
    uint64_t stored = 0;
    for (int i = 0; i < 8; ++i) stored |= uint64_t(bytes[body.size() + i]) << (8 * i);
    if (!checksum_matches(stored, xxh64(body))) throw Error(ErrorCode::Data, context + ": header checksum mismatch");

    ByteReader in(body, context);
    BlockHeader header = parse_block_header_fields(in, major);
    if (in.remaining() != 0) in.fail("unexpected bytes at the end of the header");
    return header;
}

uint64_t block_header_size(std::span<const uint8_t> window, uint16_t major)
{
    ByteReader in(window, "block header");
    (void)parse_block_header_fields(in, major);
    if (in.remaining() < 8) in.fail("block header cut short");
    return in.position() + 8;
}

// ---- Index -----------------------------------------------------------------------------------

std::vector<uint8_t> encode_index(const Index& index)
{
    ByteWriter out;
    out.raw(kIndexMagic);
    out.varint(index.blocks.size());
    for (size_t i = 0; i < index.blocks.size(); ++i) {
        const auto& b = index.blocks[i];
        out.varint(b.file_offset);
        out.varint(index.header_sizes.at(i));
        out.varint(b.raw_size);
        out.varint(b.packed_size);
        out.u8(static_cast<uint8_t>(b.codec));
    }
    encode_entries(out, index.entries);
    return out.take();
}

Index parse_index(std::span<const uint8_t> bytes, uint16_t major)
{
    ByteReader in(bytes, "index");
    Index index;
    auto integer = [&](const char* what) { return sized(in, major, 8, what); };
    in.expect(kIndexMagic, "index marker");
    const uint64_t block_count = integer("block count");
    in.check_count(block_count, min_index_block_size(major), "block");
    if (block_count > kMaxBlocks) in.fail("too many blocks");
    index.blocks.resize(block_count);
    index.header_sizes.resize(block_count);
    for (uint64_t i = 0; i < block_count; ++i) {
        auto& b = index.blocks[i];
        b.file_offset = integer("block offset");
        index.header_sizes[i] = integer("block header size");
        b.raw_size = integer("block raw size");
        b.packed_size = integer("block packed size");
        b.codec = static_cast<CodecId>(in.u8("block codec"));
    }
    index.entries = parse_entries(in, major);
    if (in.remaining() != 0) in.fail(std::to_string(in.remaining()) + " unexpected trailing bytes");
    return index;
}

// ---- Trailer ---------------------------------------------------------------------------------

std::array<uint8_t, kTrailerSize> encode_trailer(const Trailer& trailer)
{
    ByteWriter out;
    out.u64(trailer.index_offset);
    out.u64(trailer.index_size);
    out.u64(trailer.index_hash);
    out.raw(kEndMagic);
    std::array<uint8_t, kTrailerSize> bytes{};
    std::copy(out.bytes().begin(), out.bytes().end(), bytes.begin());
    return bytes;
}

std::optional<Trailer> parse_trailer(std::span<const uint8_t> bytes)
{
    if (bytes.size() != kTrailerSize) return std::nullopt;
    ByteReader in(bytes, "trailer");
    Trailer trailer;
    trailer.index_offset = in.u64("index offset");
    trailer.index_size = in.u64("index size");
    trailer.index_hash = in.u64("index checksum");
    auto magic = in.raw(kEndMagic.size(), "end marker");
    if (!std::equal(magic.begin(), magic.end(), kEndMagic.begin())) return std::nullopt;
    return trailer;
}

}  // namespace nnz::format
