#include "archive_reader.hpp"

#include <exception>
#include <future>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <unordered_set>

#include "../checksum.hpp"
#include "../error.hpp"
#include "../memory_budget.hpp"
#include "block_progress.hpp"
#include "entry_path.hpp"
#include "format.hpp"
#include "recovery_record.hpp"

namespace nnz {
namespace {

namespace fs = std::filesystem;

// Content is handed to the sink in pieces of at most this size, with a checkpoint between them.
constexpr uint64_t kSinkChunk = 1ull << 20;

bool same_entry(const EntryInfo& a, const EntryInfo& b)
{
    return a.path == b.path && a.type == b.type && a.mode == b.mode && a.mtime_sec == b.mtime_sec &&
           a.mtime_nsec == b.mtime_nsec && a.size == b.size && a.link_target == b.link_target &&
           a.content_hash == b.content_hash && a.block == b.block && a.offset == b.offset && a.duplicate == b.duplicate;
}

}  // namespace

void ArchiveReader::fail(const std::string& message) const
{
    throw Error(ErrorCode::Data, path_.string() + ": " + message);
}

void ArchiveReader::read_file_at(uint64_t offset, std::span<uint8_t> out)
{
    // Callers hold file_mutex_ (extract() reads the next block on a worker thread).
    file_->read_at(offset, out);
}

const std::vector<uint8_t>& ArchiveReader::opened_chunk(uint64_t chunk)
{
    if (chunk == cached_chunk_) return cached_plain_;
    const bool last = chunk + 1 == chunk_count_;
    const uint64_t plain_size = last ? last_chunk_size_ : kSealedChunkBytes;
    std::vector<uint8_t> sealed(plain_size + kSealOverhead);
    read_file_at(sealed_start_ + chunk * kSealedChunkStride, sealed);
    cached_chunk_ = UINT64_MAX;
    cached_plain_.resize(plain_size);
    if (!key_->open(chunk, last, sealed, cached_plain_))
        fail("encrypted chunk " + std::to_string(chunk) + " of " + std::to_string(chunk_count_) +
             " does not authenticate (damaged or altered archive)");
    cached_chunk_ = chunk;
    return cached_plain_;
}

std::vector<uint8_t> ArchiveReader::read_at(uint64_t offset, uint64_t size)
{
    // Callers have checked offset + size against file_size_, so this allocation is bounded by
    // the file; a short read means the file changed under us.
    std::vector<uint8_t> bytes(size);
    std::lock_guard lock(file_mutex_);
    if (!key_ || offset + size <= body_start_) {
        read_file_at(offset, bytes);
        return bytes;
    }
    if (offset < body_start_) throw Error(ErrorCode::Internal, "read across the encrypted body's start");
    uint64_t at = offset - body_start_;
    size_t filled = 0;
    while (filled < size) {
        const auto& plain = opened_chunk(at / kSealedChunkBytes);
        const uint64_t within = at % kSealedChunkBytes;
        if (within >= plain.size()) throw Error(ErrorCode::Internal, "read past the encrypted body");
        const size_t take = static_cast<size_t>(std::min<uint64_t>(size - filled, plain.size() - within));
        std::copy_n(plain.begin() + static_cast<std::ptrdiff_t>(within), take, bytes.begin() + static_cast<std::ptrdiff_t>(filled));
        filled += take;
        at += take;
    }
    return bytes;
}

uint64_t ArchiveReader::open_encryption(const Passphrase& passphrase, uint64_t header_end)
{
    const uint64_t head_size = std::min<uint64_t>(file_size_ - header_end, format::kMaxEncryptionHeaderSize);
    const auto head = read_at(header_end, head_size);
    format::ByteReader in(head, path_.string());
    const auto header = format::parse_encryption_header(in);
    key_ = ArchiveKey::derive(passphrase, header.derivation, header.key_check, path_.string());
    body_start_ = header_end;
    sealed_start_ = header_end + in.position();
    // Chunks of kSealedChunkBytes, the last one shorter or as long, never empty.
    const uint64_t sealed = file_size_ - sealed_start_;
    if (sealed <= kSealOverhead) fail("archive is truncated (no encrypted body)");
    chunk_count_ = (sealed + kSealedChunkStride - 1) / kSealedChunkStride;
    const uint64_t last_sealed = sealed - (chunk_count_ - 1) * kSealedChunkStride;
    if (last_sealed <= kSealOverhead) fail("archive is truncated (incomplete encrypted chunk)");
    last_chunk_size_ = last_sealed - kSealOverhead;
    return body_start_ + (chunk_count_ - 1) * kSealedChunkBytes + last_chunk_size_;
}

ArchiveReader::ArchiveReader(const std::filesystem::path& archive, const Passphrase& passphrase)
    : path_(archive), memory_limit_(default_memory_limit())
{
    // One file, or the volumes of a split archive read as one.
    file_.emplace(archive);
    file_size_ = file_->size();
    if (!file_->missing_volumes().empty())
        fail(file_->missing_volumes().front().filename().string() + " is missing (a later volume of the split archive is there)");

    // The file header: magic and version first, so other files get "not an nnzip archive".
    const uint64_t head_size = std::min<uint64_t>(file_size_, format::kMinFileHeaderSize + format::kMaxCreatorBytes);
    const auto head = read_at(0, head_size);
    format::ByteReader head_in(head, path_.string());
    const auto file_header = format::parse_file_header(head_in);
    format_major_ = file_header.version_major;
    format_minor_ = file_header.version_minor;
    creator_ = file_header.creator;
    const uint64_t header_end = head_in.position();
    // The archive ends where its recovery record starts.
    if (file_header.flags & format::kFlagRecoveryRecord) {
        std::vector<uint8_t> footer(kRecoveryHeaderSize);
        if (file_size_ < header_end + footer.size()) fail("archive is truncated (no recovery record)");
        {
            std::lock_guard lock(file_mutex_);
            read_file_at(file_size_ - footer.size(), footer);
        }
        const auto record = parse_recovery_header(footer);
        if (!record || !record->layout.ends_file_of(file_size_) || record->layout.protected_size < header_end)
            fail("the end of its recovery record is damaged or missing (cut-off archive?)");
        recovery_percent_ = record->layout.percent;
        file_size_ = record->layout.protected_size;
    }
    // From here on offsets are those of the plain layout, whether the body is sealed or not.
    if (file_header.flags & format::kFlagEncrypted) file_size_ = open_encryption(passphrase, header_end);

    // The trailer locates the index.
    if (file_size_ < header_end + format::kTrailerSize) fail("archive is truncated (no trailer)");
    const auto tail = read_at(file_size_ - format::kTrailerSize, format::kTrailerSize);
    const auto trailer = format::parse_trailer(tail);
    if (!trailer) fail("archive is truncated or damaged (end marker missing)");
    const uint64_t index_end = file_size_ - format::kTrailerSize;
    if (trailer->index_offset < header_end || trailer->index_offset > index_end ||
        trailer->index_size != index_end - trailer->index_offset)
        fail("index location in the trailer is out of range (damaged trailer)");
    if (trailer->index_size > format::kMaxIndexBytes)
        fail("index of " + std::to_string(trailer->index_size) + " bytes exceeds the format's limit");

    const auto index_bytes = read_at(trailer->index_offset, trailer->index_size);
    if (!checksum_matches(trailer->index_hash, xxh64(index_bytes))) fail("index checksum mismatch");
    auto index = [&] {
        try {
            return format::parse_index(index_bytes, format_major_);
        } catch (const Error& e) {
            fail(e.what());
        }
    }();
    blocks_ = std::move(index.blocks);
    entries_ = std::move(index.entries);
    validate_layout(header_end, trailer->index_offset, trailer->index_size, index.header_sizes);
    header_sizes_ = std::move(index.header_sizes);
}

// Checks how blocks relate to the file and entries to the blocks, so that read_block() and
// extract() can trust every offset and size they compute.
void ArchiveReader::validate_layout(uint64_t header_end, uint64_t index_offset, uint64_t index_size,
                                    const std::vector<uint64_t>& header_sizes)
{
    // A block header holds its settings and a copy of some of the index's entry records, so it
    // can never be larger than this; read_block() allocates it whole.
    const uint64_t max_header_size = format::max_block_header_size(format_major_, index_size);
    // Blocks tile the space between the file header and the index exactly, in order.
    uint64_t expected = header_end;
    uint64_t total_raw = 0;
    block_starts_.reserve(blocks_.size());
    for (size_t i = 0; i < blocks_.size(); ++i) {
        const auto& b = blocks_[i];
        const std::string name = "block " + std::to_string(i);
        if (b.file_offset != expected) fail(name + ": offset does not follow the previous block");
        const uint64_t room = index_offset - b.file_offset;  // expected <= index_offset holds here
        if (header_sizes[i] < format::min_block_header_size(format_major_) || header_sizes[i] > room ||
            header_sizes[i] > max_header_size)
            fail(name + ": header size out of range");
        if (b.packed_size > room - header_sizes[i]) fail(name + ": extends past the index");
        if (b.raw_size == 0 || b.raw_size > format::kMaxBlockSize) fail(name + ": raw size out of range");
        // The writer stores a block whose coded form is not smaller, so packed never exceeds raw:
        // what read_block() allocates is bounded by the capped raw size, not by the file size.
        if (b.packed_size > b.raw_size) fail(name + ": packed size exceeds its raw size");
        expected = b.file_offset + header_sizes[i] + b.packed_size;
        block_starts_.push_back(total_raw);
        total_raw += b.raw_size;  // at most 2^32 blocks of 2^30 bytes: cannot overflow
    }
    if (expected != index_offset) fail("unaccounted bytes between the last block and the index");

    // Entries follow the stream in order: block ids never decrease, contents never overlap and
    // stay inside the stream. Each block's header holds the entries that start in it.
    std::unordered_set<std::string_view> names;
    names.reserve(entries_.size());
    uint64_t previous_end = 0;
    uint32_t previous_block = 0;
    for (size_t i = 0; i < entries_.size(); ++i) {
        const auto& e = entries_[i];
        const std::string name = "entry \"" + e.path + "\"";
        if (!names.insert(e.path).second) fail("duplicate " + name);
        if (blocks_.empty()) {
            if (e.size != 0 || e.block != 0 || e.offset != 0) fail(name + " points outside the archive's data");
            continue;
        }
        if (e.duplicate) {
            // The same content as the file right before it (an original, or another duplicate of it).
            if (i == 0 || !same_content_place(entries_[i - 1], e) || entries_[i - 1].content_hash != e.content_hash)
                fail(name + " is a duplicate but does not follow a file with its content");
            continue;
        }
        if (e.block >= blocks_.size()) fail(name + " refers to a missing block");
        if (e.block < previous_block) fail(name + " is out of order");
        const uint64_t raw = blocks_[e.block].raw_size;
        if (e.size > 0 ? e.offset >= raw : e.offset > raw) fail(name + " starts outside its block");
        const uint64_t start = block_starts_[e.block] + e.offset;
        if (start < previous_end) fail(name + " overlaps the previous entry");
        if (e.size > total_raw - start) fail(name + " extends past the end of the data");
        previous_end = start + e.size;
        previous_block = e.block;
    }
    // Nothing may lie under a file or a symlink: an extractor would write through the link.
    if (const auto clash = find_entry_under_non_folder(entries_))
        fail("entry \"" + entries_[clash->first].path + "\" lies under \"" + entries_[clash->second].path +
             "\", which is not a folder");
    // Block ids never decrease, so each block's entries are a contiguous run of the index.
    block_entries_.assign(blocks_.size() + 1, entries_.size());
    size_t i = 0;
    for (size_t b = 0; b < blocks_.size(); ++b) {
        while (i < entries_.size() && entries_[i].block < b) ++i;
        block_entries_[b] = i;
    }
}

std::vector<uint8_t> ArchiveReader::read_block(uint32_t block, JobControl& control)
{
    if (block >= blocks_.size())
        throw Error(ErrorCode::Usage, "no block " + std::to_string(block) + " in " + path_.string());
    BlockProgressHub hub(control);
    return read_block(block, hub, 0);
}

std::vector<EntrySpan> ArchiveReader::spans_of(uint32_t block) const
{
    std::vector<EntrySpan> spans;
    // An entry continued from an earlier block: the last one with content before this block's own.
    for (size_t i = block_entries_[block]; i-- > 0;) {
        const auto& e = entries_[i];
        if (e.size == 0 || e.duplicate) continue;
        if (block_starts_[e.block] + e.offset + e.size > block_starts_[block]) spans.push_back({0, e.path});
        break;
    }
    for (size_t i = block_entries_[block]; i < block_entries_[block + 1]; ++i)
        if (entries_[i].size > 0 && !entries_[i].duplicate) spans.push_back({entries_[i].offset, entries_[i].path});
    return spans;
}

format::BlockHeader ArchiveReader::checked_block_header(uint32_t block, const std::string& name)
{
    const auto& info = blocks_[block];
    const auto header_bytes = read_at(info.file_offset, header_sizes_[block]);
    auto header = format::parse_block_header(header_bytes, format_major_, name);
    if (header.codec != info.codec || header.raw_size != info.raw_size || header.packed_size != info.packed_size)
        throw Error(ErrorCode::Data, name + ": header does not match the index");
    const size_t first = block_entries_[block];
    const size_t last = block_entries_[block + 1];
    bool entries_match = header.entries.size() == last - first;
    for (size_t k = 0; entries_match && k < header.entries.size(); ++k)
        entries_match = same_entry(header.entries[k], entries_[first + k]);
    if (!entries_match) throw Error(ErrorCode::Data, name + ": file headers do not match the index");
    return header;
}

uint64_t ArchiveReader::stored_size() const { return file_->size(); }

ArchiveReader::CodecSettings ArchiveReader::block_codec(uint32_t block)
{
    if (block >= blocks_.size()) throw Error(ErrorCode::Internal, "no block " + std::to_string(block));
    auto header = checked_block_header(block, path_.string() + ": block " + std::to_string(block));
    return {header.codec, std::move(header.settings)};
}

std::vector<uint8_t> ArchiveReader::checked_packed_bytes(uint32_t block, uint64_t packed_hash, const std::string& name)
{
    const auto& info = blocks_[block];
    auto packed = read_at(info.file_offset + header_sizes_[block], info.packed_size);
    // Verified before decoding: a decoder must never see bytes that were not written by an encoder.
    if (!checksum_matches(packed_hash, xxh64(packed))) throw Error(ErrorCode::Data, name + ": packed data checksum mismatch");
    return packed;
}

StoredBlock ArchiveReader::read_stored_block(uint32_t block)
{
    if (block >= blocks_.size())
        throw Error(ErrorCode::Usage, "no block " + std::to_string(block) + " in " + path_.string());
    const std::string name = path_.string() + ": block " + std::to_string(block);
    auto header = checked_block_header(block, name);
    StoredBlock stored{header.codec, std::move(header.settings), header.raw_size, header.raw_hash, header.packed_hash, {}};
    stored.packed = checked_packed_bytes(block, header.packed_hash, name);
    return stored;
}

std::vector<uint8_t> ArchiveReader::read_block(uint32_t block, BlockProgressHub& hub, uint64_t sequence, uint64_t wanted)
{
    const std::string name = path_.string() + ": block " + std::to_string(block);
    const auto& info = blocks_[block];
    const auto header = checked_block_header(block, name);
    const bool whole = wanted >= header.raw_size;

    BlockProgress progress(hub, sequence, spans_of(block), BlockProgress::Direction::Decode, info.raw_size,
                           info.packed_size);
    JobControl& control = progress.control();
    control.checkpoint();
    auto packed = checked_packed_bytes(block, header.packed_hash, name);

    std::vector<uint8_t> raw;
    try {
        auto codec = make_codec(header.codec, header.settings);
        raw = whole ? codec->decode(packed, header.raw_size, control)
                    : codec->decode_prefix(packed, header.raw_size, wanted, control);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::Data) throw;
        throw Error(ErrorCode::Data, name + ": " + e.what());
    } catch (const std::bad_alloc&) {
        throw Error(ErrorCode::Data, name + ": cannot decode (out of memory)");
    } catch (const std::exception& e) {
        throw Error(ErrorCode::Data, name + ": cannot decode: " + e.what());
    }
    if (whole ? raw.size() != header.raw_size : raw.size() < wanted || raw.size() > header.raw_size)
        throw Error(ErrorCode::Data, name + ": decoded size mismatch");
    // (A prefix is checked by the checksums of the entries in it.)
    if (raw.size() == header.raw_size && !checksum_matches(header.raw_hash, xxh64(raw)))
        throw Error(ErrorCode::Data, name + ": raw data checksum mismatch");
    progress.finish();
    return raw;
}

std::vector<uint8_t> ArchiveReader::read_entry_start(size_t entry, uint64_t limit, JobControl& control)
{
    if (entry >= entries_.size() || entries_[entry].type != EntryType::File)
        throw Error(ErrorCode::Usage, "no file entry " + std::to_string(entry) + " in " + path_.string());
    const auto& e = entries_[entry];
    const uint64_t wanted = std::min(limit, e.size);
    // The blocks and how far into each, as extract() plans them.
    std::vector<std::pair<uint32_t, uint64_t>> parts;  // block, bytes of it to decode
    uint64_t total = 0;
    for (uint64_t left = wanted, offset = e.offset, b = e.block; left > 0; ++b, offset = 0) {
        const uint64_t here = std::min(left, blocks_[b].raw_size - offset);
        parts.emplace_back(static_cast<uint32_t>(b), offset + here);
        total += prefix_work(static_cast<uint32_t>(b), offset + here);
        left -= here;
    }
    control.total_input = total;
    std::vector<uint8_t> bytes;
    bytes.reserve(static_cast<size_t>(wanted));
    BlockProgressHub progress(control);
    uint64_t offset = e.offset;
    for (size_t k = 0; k < parts.size(); ++k) {
        const auto [block, upto] = parts[k];
        const auto raw = read_block(block, progress, k, upto);
        bytes.insert(bytes.end(), raw.begin() + static_cast<std::ptrdiff_t>(offset), raw.begin() + static_cast<std::ptrdiff_t>(upto));
        offset = 0;
    }
    if (wanted == e.size && !checksum_matches(e.content_hash, xxh64(bytes)))
        throw Error(ErrorCode::Data, path_.string() + ": content checksum mismatch for \"" + e.path + "\"");
    return bytes;
}

uint64_t ArchiveReader::prefix_work(uint32_t block, uint64_t wanted)
{
    const auto& info = blocks_.at(block);
    if (wanted >= info.raw_size) return info.raw_size;
    try {
        const auto header = format::parse_block_header(read_at(info.file_offset, header_sizes_.at(block)), format_major_,
                                                       path_.string());
        return std::min(info.raw_size, make_codec(header.codec, header.settings)->prefix_work(info.raw_size, wanted));
    } catch (const Error&) {
        return info.raw_size;
    }
}

uint64_t ArchiveReader::memory_for_block(uint32_t block)
{
    try {
        const auto header = format::parse_block_header(read_at(blocks_.at(block).file_offset, header_sizes_.at(block)), format_major_,
                                                       path_.string());
        return make_codec(header.codec, header.settings)->memory_for(header.raw_size);
    } catch (const Error&) {
        return UINT64_MAX;
    }
}

double ArchiveReader::packed_size_of(const EntryInfo& entry) const
{
    if (entry.duplicate) return 0;  // stored once, with its original
    double share = 0;
    uint64_t left = entry.size;
    uint64_t offset = entry.offset;
    for (size_t b = entry.block; left > 0 && b < blocks_.size(); ++b) {
        const auto& info = blocks_[b];
        if (offset >= info.raw_size) break;
        const uint64_t n = std::min(left, info.raw_size - offset);
        share += static_cast<double>(info.packed_size) * static_cast<double>(n) / static_cast<double>(info.raw_size);
        left -= n;
        offset = 0;
    }
    return share;
}

void ArchiveReader::extract(std::span<const size_t> selection, EntrySink& sink, JobControl& control)
{
    std::vector<size_t> chosen;
    if (selection.empty()) {
        chosen.resize(entries_.size());
        for (size_t i = 0; i < chosen.size(); ++i) chosen[i] = i;
    } else {
        chosen.assign(selection.begin(), selection.end());
        for (size_t i : chosen)
            if (i >= entries_.size())
                throw Error(ErrorCode::Usage, "no entry " + std::to_string(i) + " in " + path_.string());
        std::sort(chosen.begin(), chosen.end());
        chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    }

    // The blocks to decode, in increasing order (entries are in stream order). While one block
    // decodes, the next needed one is read and decoded on a worker thread (blocks are independent),
    // so extraction uses two cores as compression does; at most three decoded blocks are held.
    // A duplicate right after the file it repeats takes its bytes from the block still in memory,
    // or from the sink (repeat_previous()); otherwise its blocks are decoded a second time.
    auto repeats = [&](size_t k) {
        return k > 0 && entries_[chosen[k]].duplicate && same_content_place(entries_[chosen[k - 1]], entries_[chosen[k]]);
    };
    // A hard link of the entry chosen before it: through the names between them, if any, each a
    // hard link of the one before.
    auto hard_linked = [&](size_t k) { return repeats(k) && hard_link_of(entries_, chosen[k - 1], chosen[k]); };
    std::vector<uint32_t> needed;
    std::vector<uint64_t> wanted(blocks_.size(), 0);  // how far into each block the entries go
    for (size_t k = 0; k < chosen.size(); ++k) {
        if (repeats(k)) continue;
        const auto& e = entries_[chosen[k]];
        uint64_t left = e.size;
        uint64_t offset = e.offset;
        for (size_t b = e.block; left > 0; ++b) {
            if (needed.empty() || needed.back() != b) needed.push_back(static_cast<uint32_t>(b));
            const uint64_t here = std::min(left, blocks_[b].raw_size - offset);
            wanted[b] = std::max(wanted[b], offset + here);
            left -= here;
            offset = 0;
        }
    }
    auto in_one_block = [&](const EntryInfo& e) { return e.offset + e.size <= blocks_[e.block].raw_size; };
    uint64_t total = 0;
    for (uint32_t b : needed) total += prefix_work(b, wanted[b]);
    for (size_t k = 0; k < chosen.size(); ++k) {
        const auto& e = entries_[chosen[k]];
        if (!repeats(k) || in_one_block(e) || sink.repeats_previous()) continue;
        const uint64_t end = block_starts_[e.block] + e.offset + e.size;
        for (size_t b = e.block; b < blocks_.size() && block_starts_[b] < end; ++b)
            total += prefix_work(static_cast<uint32_t>(b), wanted[b]);  // as decode_again() decodes it
    }
    control.total_input = total;
    size_t next_needed = 0;
    BlockProgressHub progress(control);  // before `ahead`: outlives the worker
    auto sequence_of = [&](size_t b) {
        return static_cast<uint64_t>(std::lower_bound(needed.begin(), needed.end(), b) - needed.begin());
    };
    std::future<std::vector<uint8_t>> ahead;
    constexpr size_t kNone = SIZE_MAX;
    size_t ahead_block = kNone;  // the block `ahead` decodes
    struct StopAheadOnExit {
        std::future<std::vector<uint8_t>>& ahead;
        JobControl& control;
        ~StopAheadOnExit()
        {
            // Leaving early (an error or cancel): stop the worker instead of decoding a whole block.
            if (ahead.valid() && std::uncaught_exceptions() > 0) control.request_cancel();
        }
    } stop_ahead{ahead, control};
    // memory_for_block() reads and parses a header: once per block (each is asked about twice).
    std::vector<std::optional<uint64_t>> block_memory(blocks_.size());
    auto memory_of = [&](uint32_t b) {
        if (!block_memory[b]) block_memory[b] = memory_for_block(b);
        return *block_memory[b];
    };
    auto next_block = [&](size_t b) {
        std::future<std::vector<uint8_t>> mine;
        if (ahead_block == b) {
            mine = std::move(ahead);
            ahead_block = kNone;
        }
        while (next_needed < needed.size() && needed[next_needed] <= b) ++next_needed;
        // Ahead only where both blocks fit the memory limit (the max preset's blocks can take
        // gigabytes each); otherwise the next block decodes when its turn comes.
        if (next_needed < needed.size() &&
            memory_of(static_cast<uint32_t>(b)) <= memory_limit_ - std::min(memory_limit_, memory_of(needed[next_needed]))) {
            const uint32_t following = needed[next_needed];
            ahead = std::async(std::launch::async, [this, following, &progress, sequence = sequence_of(following),
                                                    upto = wanted[following]] {
                return read_block(following, progress, sequence, upto);
            });
            ahead_block = following;
        }
        return mine.valid() ? mine.get() : read_block(static_cast<uint32_t>(b), progress, sequence_of(b), wanted[b]);
    };
    // A block decoded again for a duplicate: counted on the job, not in the hub's block order.
    auto decode_again = [&](size_t b) {
        BlockProgressHub again(control);
        return read_block(static_cast<uint32_t>(b), again, 0, wanted[b]);
    };

    std::optional<size_t> loaded;
    std::vector<uint8_t> current;
    // Going on past damage: the blocks found damaged, and the entries lost with them.
    const bool salvage = sink.continues_after_damage();
    std::vector<bool> damaged(blocks_.size(), false);
    size_t lost = 0;
    std::string first_loss;
    bool previous_lost = false;
    auto in_damaged_block = [&](const EntryInfo& e) {
        uint64_t left = e.size;
        uint64_t offset = e.offset;
        for (size_t b = e.block; left > 0; ++b) {
            if (damaged[b]) return true;
            left -= std::min(left, blocks_[b].raw_size - offset);
            offset = 0;
        }
        return false;
    };
    for (size_t k = 0; k < chosen.size(); ++k) {
        control.checkpoint();
        const auto& e = entries_[chosen[k]];
        if (salvage && e.size > 0 && (in_damaged_block(e) || (repeats(k) && previous_lost))) {
            if (lost++ == 0) first_loss = "\"" + e.path + "\" (its block is damaged)";
            previous_lost = true;
            continue;
        }
        if (k + 1 < chosen.size() && hard_linked(k + 1)) sink.note_link_target(e, true);
        sink.begin(e);
        if (hard_linked(k) && sink.link_previous(e)) {
            sink.end(e);
            continue;
        }
        Xxh64Stream hash;
        const bool repeat = repeats(k) && !(loaded == e.block && in_one_block(e));
        std::optional<size_t> decoding;  // the block being read when an error comes
        try {
            if (repeat && sink.repeats_previous()) {
                sink.repeat_previous(e);
                sink.end(e);
                continue;
            }
            uint64_t left = e.size;
            uint64_t offset = e.offset;
            for (size_t b = e.block; left > 0; ++b) {
                if (loaded != b) {
                    current = {};  // free the previous block before decoding the next
                    loaded.reset();
                    decoding = b;
                    current = repeat ? decode_again(b) : next_block(b);
                    decoding.reset();
                    loaded = b;
                }
                const uint64_t in_block = std::min(left, current.size() - offset);
                for (uint64_t done = 0; done < in_block;) {
                    const uint64_t n = std::min(in_block - done, kSinkChunk);
                    const auto piece = std::span<const uint8_t>(current).subspan(offset + done, n);
                    hash.update(piece);
                    sink.data(piece);
                    done += n;
                    if (done < in_block) control.checkpoint();
                }
                left -= in_block;
                offset = 0;
            }
        } catch (const Error& error) {
            try {
                sink.abort(e);
            } catch (...) {
                // The original failure is the one worth reporting.
            }
            if (!salvage || error.code() != ErrorCode::Data) throw;
            if (decoding) damaged[*decoding] = true;
            if (lost++ == 0) first_loss = "\"" + e.path + "\" (" + error.what() + ")";
            previous_lost = true;
            continue;
        } catch (...) {
            try {
                sink.abort(e);
            } catch (...) {
            }
            throw;
        }
        if (e.type == EntryType::File && !checksum_matches(e.content_hash, hash.digest())) {
            sink.abort(e);
            const std::string message = path_.string() + ": content checksum mismatch for \"" + e.path + "\"";
            if (!salvage) throw Error(ErrorCode::Data, message);
            if (lost++ == 0) first_loss = "\"" + e.path + "\" (" + message + ")";
            previous_lost = true;
            continue;
        }
        previous_lost = false;
        sink.end(e);
    }
    if (lost > 0)
        throw Error(ErrorCode::Data, path_.string() + ": " + std::to_string(lost) + (lost == 1 ? " file" : " files") +
                                         " lost to damage in the archive; every other entry is intact (decoded and "
                                         "verified). The first: " + first_loss);
}

}  // namespace nnz
