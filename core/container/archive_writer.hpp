#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "../codec.hpp"
#include "../job_control.hpp"
#include "archive_reader.hpp"
#include "encryption.hpp"
#include "entry.hpp"

namespace nnz {

struct WriteOptions {
    uint64_t block_size = 8ull << 20;  // raw bytes per solid block (the last one may be shorter)
    unsigned parallel_blocks = 2;      // blocks compressed at once on separate threads
    // Makes a fresh codec for each block (blocks are independent). Defaults to the store codec.
    std::function<std::unique_ptr<BlockCodec>()> make_codec;
    bool overwrite = false;            // replace an existing archive file
    // A File item whose content cannot be opened when its turn comes (Error(Io) from the content
    // source: permissions, removed since it was listed): skipped with a warning when set,
    // otherwise the whole archive fails. Never dropped silently either way.
    bool skip_unreadable = false;
    std::function<void(const std::string&)> on_warning;
    // Archive order when reading files from disk: folders, then files grouped by kind (text before
    // other data, then by extension, the kinds with the most bytes first: as 7-Zip groups by
    // extension, so similar files share a block and its model), then symlinks; by name within each
    // group. Off, and always with a ContentSource: the caller's order.
    bool group_by_type = true;
    // Encrypts the archive with this key (format 4.0, encryption.hpp); null: a plain archive.
    std::shared_ptr<const ArchiveKey> key;
    // Appends a recovery record of this percent of the archive (format 5.0, recovery_record.hpp);
    // 0: none.
    unsigned recovery_percent = 0;
    // Splits the archive into volumes of this many bytes (NAME.001, NAME.002, ...:
    // archive_file.hpp); 0: one file.
    uint64_t volume_size = 0;
    // Given the complete archive (its temporary file, recovery record included) before it
    // replaces anything: what it throws keeps the archive from being kept (zip -T). Split into
    // volumes, it is given the first, with the others beside it (split_temp_file.hpp).
    std::function<void(const std::filesystem::path& written, JobControl& control)> verify;
};

// Supplies the content of the File items, one item after another, in item order. The writer asks
// for exactly item.info.size bytes of each; a source whose content turns out shorter or longer
// than listed must throw (Error(Io) for files that changed, Error(Data) for damaged input).
class ContentSource {
public:
    virtual ~ContentSource() = default;
    // Starts the content of items[index] (a File).
    virtual void open(const InputItem& item, size_t index) = 0;
    // Fills out completely with the next bytes of the content.
    virtual void read(std::span<uint8_t> out) = 0;
    // Called after the listed size was read: throws when the content goes on.
    virtual void close() = 0;
};

// Content read from the files named by InputItem::source.
std::unique_ptr<ContentSource> make_disk_content_source();

// Puts items from disk in archive order (WriteOptions::group_by_type), as write_archive() does.
void sort_in_archive_order(std::vector<InputItem>& items);

// Blocks of an existing archive that a new one starts with, copied as they are stored (packed
// bytes and codec settings; their headers are written again): editing an archive recompresses
// only what changed. `entries` are the old entries whose records these blocks' headers hold, in
// archive order, each with `block` renumbered to its block's position in `blocks`.
struct CarriedBlocks {
    ArchiveReader* from = nullptr;
    std::vector<uint32_t> blocks;  // block numbers in `from`, increasing
    std::vector<EntryInfo> entries;
};

// How many blocks write_archive() will make of these items at most (blocks of block_size, plus one
// for each extension with a sixteenth of a block that may start its own): the number worth
// compressing in parallel.
uint64_t expected_blocks(std::span<const InputItem> items, uint64_t block_size);

// Writes a complete archive; each File item's content is read from the file item.source. The
// bytes go to a temporary file ".<name>.nnztmp-XXXXXX" in the archive's folder that is renamed
// over `archive` only when everything was written; on any error or cancel the temporary file is
// removed and nothing at `archive` changes (a killed process can leave the temporary file behind,
// never a partial file under the archive's name). Throws nnz::Error.
void write_archive(const std::filesystem::path& archive, std::span<const InputItem> items,
                   const WriteOptions& options, JobControl& control);
// The same, reading each File item's content from contents instead of from item.source.
void write_archive(const std::filesystem::path& archive, std::span<const InputItem> items, ContentSource& contents,
                   const WriteOptions& options, JobControl& control);
// The same, starting with the carried blocks and their entries; the items' contents go into new
// blocks after them. No item may have the name of a carried entry.
void write_archive(const std::filesystem::path& archive, const CarriedBlocks& carried, std::span<const InputItem> items,
                   ContentSource& contents, const WriteOptions& options, JobControl& control);

}  // namespace nnz
