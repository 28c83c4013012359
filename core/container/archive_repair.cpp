#include "archive_repair.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>

#include "../checksum.hpp"
#include "../error.hpp"
#include "archive_file.hpp"
#include "archive_output.hpp"
#include "archive_reader.hpp"
#include "format.hpp"
#include "recovery_record.hpp"
#include "temp_file.hpp"

namespace nnz {
namespace {

namespace fs = std::filesystem;

// Bytes read at a time while looking for the next block, and the most a block header is read
// with (settings and entry records: far more than any real header).
constexpr uint64_t kScanWindow = 1 << 20;
constexpr uint64_t kMaxHeaderWindow = 64ull << 20;

// The damaged archive in its plain layout (docs/FORMAT.md): the file itself, or for an
// encrypted one its file header followed by the body its sealed chunks hold. A chunk that does
// not open (damaged, or cut short) reads as zeros, which no block header or checksum accepts,
// so the scan goes on to the next block that is whole.
class DamagedFile {
public:
    // A volume missing from a split archive reads as zeros: the blocks after it are still found.
    explicit DamagedFile(const fs::path& path) : path_(path), in_(path, MissingVolumes::AsZeros)
    {
        file_size_ = in_.size();
        size_ = file_size_;
    }
    // The archive ends here (where its recovery record starts); call before unseal.
    void limit(uint64_t size)
    {
        file_size_ = std::min(file_size_, size);
        size_ = file_size_;
    }
    // From here on, bytes past body_start come from the chunks sealed after sealed_start.
    void unseal(std::shared_ptr<const ArchiveKey> key, uint64_t body_start, uint64_t sealed_start)
    {
        key_ = std::move(key);
        body_start_ = body_start;
        sealed_start_ = sealed_start;
        const uint64_t sealed = file_size_ - std::min(file_size_, sealed_start);
        const uint64_t tail = sealed % kSealedChunkStride;  // of a last chunk shorter than the others
        chunks_ = sealed / kSealedChunkStride + (tail > kSealOverhead ? 1 : 0);
        const uint64_t last = tail > kSealOverhead ? tail - kSealOverhead : kSealedChunkBytes;
        size_ = body_start + (chunks_ == 0 ? 0 : (chunks_ - 1) * kSealedChunkBytes + last);
    }
    uint64_t size() const { return size_; }
    std::vector<uint8_t> read(uint64_t offset, uint64_t size)
    {
        size = std::min(size, size_ - std::min(offset, size_));
        std::vector<uint8_t> bytes(size);
        if (!key_ || offset + size <= body_start_) {
            read_file(offset, bytes);
            return bytes;
        }
        if (offset < body_start_) throw Error(ErrorCode::Internal, "repair: a read across the sealed body's start");
        for (size_t filled = 0; filled < size;) {
            const uint64_t at = offset + filled - body_start_;
            const auto& plain = chunk(at / kSealedChunkBytes);
            const uint64_t within = at % kSealedChunkBytes;
            const size_t take = static_cast<size_t>(std::min<uint64_t>(size - filled, plain.size() - within));
            std::copy_n(plain.begin() + static_cast<std::ptrdiff_t>(within), take, bytes.begin() + static_cast<std::ptrdiff_t>(filled));
            filled += take;
        }
        return bytes;
    }

private:
    void read_file(uint64_t offset, std::span<uint8_t> out)
    {
        in_.read_at(offset, out);
    }
    const std::vector<uint8_t>& chunk(uint64_t index)
    {
        if (index == cached_) return plain_;
        const uint64_t start = sealed_start_ + index * kSealedChunkStride;
        std::vector<uint8_t> sealed(std::min(kSealedChunkStride, file_size_ - start));
        read_file(start, sealed);
        plain_.assign(sealed.size() - kSealOverhead, 0);
        // Sealed as the last chunk or not: a body cut at a chunk's end leaves no last one.
        if (!key_->open(index, false, sealed, plain_) && !key_->open(index, true, sealed, plain_))
            std::fill(plain_.begin(), plain_.end(), 0);
        cached_ = index;
        return plain_;
    }

    fs::path path_;
    ArchiveFile in_;  // one file or the volumes of a split archive
    uint64_t file_size_ = 0;
    uint64_t size_ = 0;
    std::shared_ptr<const ArchiveKey> key_;
    uint64_t body_start_ = 0;
    uint64_t sealed_start_ = 0;
    uint64_t chunks_ = 0;
    uint64_t cached_ = UINT64_MAX;
    std::vector<uint8_t> plain_;
};

struct FoundBlock {
    uint64_t offset = 0;       // in the damaged file
    uint64_t header_size = 0;  // as stored there
    format::BlockHeader header;
    bool intact = false;  // packed bytes match their checksum
    size_t run = 0;       // blocks that follow each other with nothing lost between share a run
    uint64_t end() const { return offset + header_size + header.packed_size; }
};

// The block whose header starts at `offset`, or nullopt when none does.
std::optional<FoundBlock> block_at(DamagedFile& file, uint64_t offset, uint16_t major)
{
    for (uint64_t window = 64 << 10;; window *= 4) {
        const auto bytes = file.read(offset, std::min(window, kMaxHeaderWindow));
        try {
            const uint64_t header_size = format::block_header_size(bytes, major);
            FoundBlock found;
            found.offset = offset;
            found.header_size = header_size;
            found.header = format::parse_block_header(std::span(bytes).first(header_size), major, "block");
            if (found.header.packed_size > found.header.raw_size || found.header.raw_size > format::kMaxBlockSize ||
                found.header.raw_size == 0 || found.header.packed_size > file.size() - offset - header_size)
                return std::nullopt;
            found.intact = checksum_matches(found.header.packed_hash, xxh64(file.read(offset + header_size, found.header.packed_size)));
            return found;
        } catch (const Error&) {
            // A header longer than the window, or no header at all.
            if (bytes.size() < window || window >= kMaxHeaderWindow) return std::nullopt;
        }
    }
}

// Where the next block header after `from` starts (its magic, a header that parses and checks).
std::optional<FoundBlock> next_block(DamagedFile& file, uint64_t from, uint16_t major, JobControl& control)
{
    for (uint64_t at = from; at < file.size();) {
        control.checkpoint();
        const auto bytes = file.read(at, kScanWindow + format::kBlockMagic.size());
        for (size_t i = 0; i + format::kBlockMagic.size() <= bytes.size() && i < kScanWindow; ++i) {
            if (!std::equal(format::kBlockMagic.begin(), format::kBlockMagic.end(), bytes.begin() + static_cast<std::ptrdiff_t>(i)))
                continue;
            if (auto found = block_at(file, at + i, major)) return found;
        }
        at += kScanWindow;
    }
    return std::nullopt;
}

// What the headers at the start say: the format version, where the body starts, and for an
// encrypted archive its key and where its sealed chunks start. The encryption header must be
// whole: the salt and costs are nowhere else.
struct Headers {
    uint16_t major = 0;
    uint64_t body_start = 0;
    std::shared_ptr<const ArchiveKey> key;
    uint64_t sealed_start = 0;
};

Headers read_headers(DamagedFile& file, const fs::path& archive, const Passphrase& passphrase)
{
    const auto head = file.read(0, format::kMinFileHeaderSize + format::kMaxCreatorBytes + format::kMaxEncryptionHeaderSize);
    format::ByteReader in(head, archive.string());
    const auto file_header = format::parse_file_header(in);  // nothing to go by without it
    Headers headers{file_header.version_major, in.position(), nullptr, 0};
    if (file_header.flags & format::kFlagEncrypted) {
        const auto encryption = format::parse_encryption_header(in);
        headers.key = ArchiveKey::derive(passphrase, encryption.derivation, encryption.key_check, archive.string());
        headers.sealed_start = in.position();
    }
    return headers;
}

}  // namespace

std::shared_ptr<const ArchiveKey> archive_key(const fs::path& archive, const Passphrase& passphrase)
{
    DamagedFile file(archive);
    return read_headers(file, archive, passphrase).key;
}

namespace {

// What the blocks still hold: `source` (its first archive_size bytes) rewritten without what is
// lost, with a recovery record of recovery_percent (0: none). Messages name it `damaged` (the
// source may be a partly rebuilt copy of it).
void salvage(const fs::path& source, const fs::path& damaged, uint64_t archive_size, const fs::path& output,
             bool overwrite, unsigned recovery_percent, JobControl& control, const Passphrase& passphrase,
             RepairReport& report, const WrittenCheck& verify)
{
    DamagedFile file(source);
    file.limit(archive_size);
    const Headers headers = read_headers(file, damaged, passphrase);
    const uint16_t major = headers.major;
    const auto& key = headers.key;
    if (key) file.unseal(key, headers.body_start, headers.sealed_start);

    control.total_input = file.size();
    // What the index says, when it is whole: the names of what is lost, and the entries of an
    // archive without blocks.
    std::optional<std::vector<EntryInfo>> indexed;
    try {
        indexed = ArchiveReader(source, passphrase).entries();
        report.index_intact = true;
    } catch (const Error&) {
    }

    // The blocks, in file order: where one ends the next begins, unless damage lies between.
    std::vector<FoundBlock> blocks;
    uint64_t at = headers.body_start;
    size_t run = 0;
    bool joined = true;  // the next block follows the last one kept with nothing lost between
    std::vector<std::string> lost_in_headers;
    while (at < file.size()) {
        control.checkpoint();
        std::optional<FoundBlock> found = block_at(file, at, major);
        if (!found) {
            // Not a block: the index (when nothing follows it but the trailer), or damage.
            found = next_block(file, at + 1, major, control);
            if (!found) break;
            report.bytes_skipped += found->offset - at;
            joined = false;
        }
        at = found->end();
        if (!found->intact) {
            ++report.blocks_lost;
            for (const auto& e : found->header.entries)
                if (e.size > 0) lost_in_headers.push_back(e.path);
            joined = false;
            continue;
        }
        if (!joined) ++run;
        found->run = run;
        joined = true;
        blocks.push_back(std::move(*found));
        control.done_input = at;
    }
    // The rest of the file after the last block: the index and trailer, or what is left of them.

    // An entry is kept when its content lies in blocks of its own run.
    std::vector<uint64_t> run_end(blocks.size());  // per block: raw bytes from its start to its run's end
    for (size_t i = blocks.size(); i-- > 0;)
        run_end[i] = blocks[i].header.raw_size +
                     (i + 1 < blocks.size() && blocks[i + 1].run == blocks[i].run ? run_end[i + 1] : 0);
    format::Index index;
    std::set<std::string> kept_names;
    const bool duplicates = std::any_of(blocks.begin(), blocks.end(), [](const FoundBlock& b) {
        return std::any_of(b.header.entries.begin(), b.header.entries.end(), [](const EntryInfo& e) { return e.duplicate; });
    });
    ArchiveOutput out(output, key);  // an encrypted archive stays encrypted, with its key
    out.start(format::encode_file_header("nnzip " NNZIP_VERSION, key != nullptr, duplicates, recovery_percent > 0));
    for (size_t i = 0; i < blocks.size(); ++i) {
        auto& block = blocks[i];
        std::vector<EntryInfo> kept;
        for (auto e : block.header.entries) {
            if (e.size > 0 && e.offset + e.size > run_end[i]) {
                lost_in_headers.push_back(e.path);
                continue;
            }
            e.block = static_cast<uint32_t>(i);
            kept.push_back(std::move(e));
        }
        // A duplicate whose original was left out goes with it (it repeats that extent).
        for (size_t k = 0; k < kept.size(); ++k)
            if (kept[k].duplicate && (k == 0 || !same_content_place(kept[k - 1], kept[k]))) {
                lost_in_headers.push_back(kept[k].path);
                kept.erase(kept.begin() + static_cast<std::ptrdiff_t>(k--));
            }
        block.header.entries = kept;
        const auto encoded = format::encode_block_header(block.header);
        index.blocks.push_back({out.position(), block.header.raw_size, block.header.packed_size, block.header.codec});
        index.header_sizes.push_back(encoded.bytes.size());
        out.write(encoded.bytes);
        const auto packed = file.read(block.offset + block.header_size, block.header.packed_size);
        if (!checksum_matches(block.header.packed_hash, xxh64(packed)))
            throw Error(ErrorCode::Io, damaged.string() + " changed while it was being repaired");
        out.write(packed);
        for (auto& e : kept) {
            kept_names.insert(e.path);
            index.entries.push_back(std::move(e));
        }
    }
    if (blocks.empty() && indexed) {
        // No blocks: an archive of folders, links and empty files lives in its index alone.
        for (const auto& e : *indexed) {
            if (e.size > 0) continue;
            EntryInfo kept = e;
            kept.block = 0;
            kept.offset = 0;
            kept_names.insert(kept.path);
            index.entries.push_back(std::move(kept));
        }
    }
    if (index.entries.empty() && blocks.empty())
        throw Error(ErrorCode::Data, damaged.string() + ": no intact block and no index: nothing to recover");
    const auto index_bytes = format::encode_index(index);
    const format::Trailer trailer{out.position(), index_bytes.size(), xxh64(index_bytes)};
    out.write(index_bytes);
    out.write(format::encode_trailer(trailer));
    control.checkpoint();
    out.commit(overwrite, recovery_percent, &control, verify);

    report.blocks_kept = blocks.size();
    report.entries_kept = index.entries.size();
    if (indexed) {
        for (const auto& e : *indexed)
            if (!kept_names.contains(e.path)) report.entries_lost.push_back(e.path);
    } else {
        std::set<std::string> seen;
        for (const auto& name : lost_in_headers)
            if (seen.insert(name).second) report.entries_lost.push_back(name);
    }
}

}  // namespace

RepairReport repair_archive(const fs::path& damaged, const fs::path& output, bool overwrite, JobControl& control,
                            const Passphrase& passphrase, const WrittenCheck& verify)
{
    std::error_code ec;
    if (fs::exists(output, ec) && fs::equivalent(damaged, output, ec))
        throw Error(ErrorCode::Usage, "the repaired archive must go to another file than " + damaged.string());
    if (!overwrite && fs::exists(fs::symlink_status(output, ec)))
        throw Error(ErrorCode::Exists, output.string() + " already exists");
    RepairReport report;
    // The recovery record first: with it, damage is undone rather than cut out.
    const auto file = std::make_shared<const ArchiveFile>(damaged, MissingVolumes::AsZeros);
    const ReadAt read = reader_of(file);
    const uint64_t file_size = file->size();
    for (const auto& volume : file->missing_volumes()) report.missing_volumes.push_back(volume.filename().string());
    const auto scan = scan_recovery_record(read, file_size, &control);
    if (!scan) {
        salvage(damaged, damaged, file_size, output, overwrite, 0, control, passphrase, report, verify);
        return report;
    }
    report.recovery_record = true;
    report.damaged_bytes = scan->damaged_bytes();
    report.record_damaged = scan->record_damaged();
    TempFile restored(output);
    report.restored = restore_from_recovery_record(read, *scan, restored, &control);
    append_recovery_record(restored, scan->layout.percent, &control);
    if (report.restored) {
        // Byte for byte the archive as it was made.
        if (verify) verify(restored.path(), control);
        restored.commit(overwrite);
        report.rebuilt_bytes = report.damaged_bytes;
        return report;
    }
    // Not everything could be rebuilt: what was, goes to the scan of the blocks.
    report.rebuilt_bytes = scan->damaged_bytes() - scan->unrestored_bytes;
    salvage(restored.path(), damaged, scan->layout.protected_size, output, overwrite, scan->layout.percent, control,
            passphrase, report, verify);
    return report;
}

}  // namespace nnz
