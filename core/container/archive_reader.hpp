#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <fstream>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "../codec.hpp"
#include "../job_control.hpp"
#include "archive_file.hpp"
#include "encryption.hpp"
#include "entry.hpp"

namespace nnz {

class BlockProgressHub;
struct EntrySpan;
namespace format {
struct BlockHeader;
}

struct BlockInfo {
    uint64_t file_offset = 0;  // where the block header starts in the archive file
    uint64_t raw_size = 0;
    uint64_t packed_size = 0;
    CodecId codec = CodecId::Store;
};

// A block as it is stored: what its header says and its packed bytes, not decoded. Editing an
// archive copies the blocks it does not change this way (archive_writer.hpp, CarriedBlocks).
struct StoredBlock {
    CodecId codec = CodecId::Store;
    std::vector<uint8_t> settings;
    uint64_t raw_size = 0;
    uint64_t raw_hash = 0;
    uint64_t packed_hash = 0;
    std::vector<uint8_t> packed;
};

// Receives decoded entry contents in archive order. The reader verifies each file's checksum
// before end(); on a mismatch it calls abort() and throws Error(Data).
class EntrySink {
public:
    virtual ~EntrySink() = default;
    virtual void begin(const EntryInfo& entry) = 0;
    virtual void data(std::span<const uint8_t> bytes) = 0;
    virtual void end(const EntryInfo& entry) = 0;
    virtual void abort(const EntryInfo& entry) = 0;
    // Whether the sink can give a duplicate (EntryInfo::duplicate) right after the file whose
    // content it repeats that content itself, when it is no longer decoded in memory (it spans
    // blocks); the reader decodes those blocks again for a sink that cannot.
    virtual bool repeats_previous() const { return false; }
    // Does so, between begin() and end() and without data() (the disk extractor copies the file
    // it has just written, checking its checksum). Throws when it cannot.
    virtual void repeat_previous(const EntryInfo&) {}
    // A duplicate that is a hard link (EntryInfo::hard_link) of the file the sink received right
    // before it (named by note_link_target(..., true)): called after begin(); true when the sink
    // made it that file's hard link (the disk extractor), and then end() follows without data().
    // False: its content follows as usual.
    virtual bool link_previous(const EntryInfo&) { return false; }
    // note_link_target() comes before begin() of a file that other entries are names of: the next
    // one (right_after: link_previous() follows), or later ones (a tar's, a cpio's hard links):
    // link_earlier(), after begin() of such an entry, asks the sink to make it a hard link of that
    // file; true when it did (end() follows without data()), false when the content follows as
    // usual. A sink keeps what it needs for links only for the files named so.
    virtual void note_link_target(const EntryInfo&, bool /*right_after*/) {}
    virtual bool link_earlier(const EntryInfo&, const EntryInfo& /*earlier*/) { return false; }
    // Whether extraction goes on past a damaged block (a sink of separate files: the disk, a
    // test), leaving out the entries it holds, instead of stopping there (a stream: stdout, tar).
    virtual bool continues_after_damage() const { return false; }
};

class ArchiveReader {
public:
    // Opens and validates the trailer and the central index (checksums, every length, count and
    // offset bounds-checked). Throws Error(Io) when unreadable, Error(Data) when corrupt, and for
    // an encrypted archive Error(Password) when the passphrase is missing or wrong.
    explicit ArchiveReader(const std::filesystem::path& archive, const Passphrase& passphrase = {});

    // Whether the archive is encrypted, and its key (null when not): an edited archive keeps it.
    bool encrypted() const { return key_ != nullptr; }
    const std::shared_ptr<const ArchiveKey>& key() const { return key_; }
    // The percent of its recovery record (format 5.0, recovery_record.hpp); 0: it has none.
    unsigned recovery_percent() const { return recovery_percent_; }
    // The files it is read from: 1, or the volumes of a split archive (archive_file.hpp).
    size_t volume_count() const { return file_->volume_count(); }
    // What its file header says: the format version, and the program that wrote it ("nnzip 0.16").
    uint16_t format_major() const { return format_major_; }
    uint16_t format_minor() const { return format_minor_; }
    const std::string& creator() const { return creator_; }
    // The archive's size on disk, in all its volumes, with its recovery record.
    uint64_t stored_size() const;

    const std::vector<EntryInfo>& entries() const { return entries_; }
    const std::vector<BlockInfo>& blocks() const { return blocks_; }
    // Packed bytes attributed to an entry: its share of the blocks it lives in, by raw size.
    double packed_size_of(const EntryInfo& entry) const;

    // Decodes one block (verifying the packed and raw checksums). Progress: bytes decoded, bits
    // as the block's packed size scaled by the fraction decoded, and the entry being decoded.
    std::vector<uint8_t> read_block(uint32_t block, JobControl& control);

    // One block's header and packed bytes, both checked (header against the index, packed bytes
    // against their checksum), without decoding it.
    StoredBlock read_stored_block(uint32_t block);
    // A block's codec and that codec's settings (describe_codec), from its header, checked
    // against the index; nothing is decoded.
    struct CodecSettings {
        CodecId codec = CodecId::Store;
        std::vector<uint8_t> settings;
    };
    CodecSettings block_codec(uint32_t block);
    // Where each block's first raw byte lies in the solid stream.
    const std::vector<uint64_t>& block_starts() const { return block_starts_; }

    // Streams the contents of the chosen entries (indices into entries(); empty = all) to sink,
    // decoding each needed block once, in archive order, and only as far into it as the chosen
    // entries go (BlockCodec::decode_prefix: one file at the start of a big solid block costs
    // that file; every entry's own checksum is still verified, and a block decoded whole its own
    // too). Directories and symlinks get begin/end with no data. Sets control.total_input to the
    // raw bytes it will decode; they are counted into done_input as they decode, with output bits
    // and the current entry as read_block() reports them. An error after begin() calls abort()
    // for that entry.
    // The next block decodes ahead on another thread only when both fit the memory limit.
    // A damaged block (or a file whose checksum fails) stops the extraction with Error(Data),
    // unless the sink continues_after_damage(): then its entries are aborted and left out, every
    // other entry goes on, and Error(Data) at the end names how many were lost and the first.
    void extract(std::span<const size_t> selection, EntrySink& sink, JobControl& control);

    // The first min(limit, size) bytes of the file entries()[entry], decoding only the blocks they
    // lie in and only as far into each as they go (a preview of a file at the start of a big
    // block costs that part). Read whole, the file's content checksum is verified; a part has had
    // its blocks' packed bytes verified, which a deterministic decoder turns into the same bytes
    // every time. Progress as extract() reports it.
    std::vector<uint8_t> read_entry_start(size_t entry, uint64_t limit, JobControl& control);

    // Bytes two blocks decoding at once may need together (BlockCodec::memory_for each);
    // default_memory_limit() (half of RAM) unless set.
    void set_memory_limit(uint64_t bytes) { memory_limit_ = bytes; }
    // What decoding a block takes (BlockCodec::memory_for of its codec and settings); UINT64_MAX
    // when its header does not parse (read_block() reports that when the block's turn comes).
    uint64_t memory_for_block(uint32_t block);

private:
    // The block's first `wanted` bytes at least (all of it, checksum verified, by default).
    std::vector<uint8_t> read_block(uint32_t block, BlockProgressHub& progress, uint64_t sequence,
                                    uint64_t wanted = UINT64_MAX);
    // What decoding the first `wanted` bytes of a block codes (BlockCodec::prefix_work); its raw
    // size when the header does not parse.
    uint64_t prefix_work(uint32_t block, uint64_t wanted);
    std::vector<EntrySpan> spans_of(uint32_t block) const;
    // The block's header, checked against the index (its entry records included).
    format::BlockHeader checked_block_header(uint32_t block, const std::string& name);
    std::vector<uint8_t> checked_packed_bytes(uint32_t block, uint64_t packed_hash, const std::string& name);
    void validate_layout(uint64_t header_end, uint64_t index_offset, uint64_t index_size,
                         const std::vector<uint64_t>& header_sizes);
    // Bytes of the archive's plain layout (through the sealed chunks when encrypted).
    std::vector<uint8_t> read_at(uint64_t offset, uint64_t size);
    // Bytes of the file as they are on disk.
    void read_file_at(uint64_t offset, std::span<uint8_t> out);
    // Sets up key_ and the chunk geometry; returns the plain layout's size.
    uint64_t open_encryption(const Passphrase& passphrase, uint64_t header_end);
    // Chunk `chunk` of the body, opened (file_mutex_ held).
    const std::vector<uint8_t>& opened_chunk(uint64_t chunk);
    [[noreturn]] void fail(const std::string& message) const;

    std::filesystem::path path_;
    std::optional<ArchiveFile> file_;
    std::mutex file_mutex_;
    uint64_t file_size_ = 0;                // of the plain layout (what offsets in the index refer to)
    std::shared_ptr<const ArchiveKey> key_;
    uint64_t body_start_ = 0;               // encrypted: where the body starts in the plain layout
    uint64_t sealed_start_ = 0;             // encrypted: where the first sealed chunk starts in the file
    uint64_t chunk_count_ = 0;
    uint64_t last_chunk_size_ = 0;          // plain bytes in the last chunk
    uint64_t cached_chunk_ = UINT64_MAX;    // which chunk cached_plain_ holds
    std::vector<uint8_t> cached_plain_;
    std::vector<EntryInfo> entries_;
    std::vector<BlockInfo> blocks_;
    unsigned recovery_percent_ = 0;
    uint16_t format_major_ = 0;             // the file header's major version (layout of the rest)
    uint16_t format_minor_ = 0;
    std::string creator_;
    std::vector<uint64_t> header_sizes_;    // per block: bytes of its header, packed data follows
    std::vector<uint64_t> block_starts_;    // per block: position of its first byte in the stream
    std::vector<size_t> block_entries_;     // per block + 1: first entry whose header it holds
    uint64_t memory_limit_;
};

}  // namespace nnz
