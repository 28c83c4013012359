#include "archive_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <unordered_set>
#include <utility>

#include "../checksum.hpp"
#include "../incompressible.hpp"
#include "../runs_codec.hpp"
#include "../error.hpp"
#include "archive_file.hpp"
#include "block_progress.hpp"
#include "duplicate_files.hpp"
#include "entry_path.hpp"
#include "file_kind.hpp"
#include "format.hpp"
#include "archive_output.hpp"

namespace nnz {
namespace {

namespace fs = std::filesystem;

// Bytes read from a source file per read() call (and per checkpoint).
constexpr uint64_t kChunk = 1ull << 20;
constexpr uint64_t kHeadBytes = 4096;  // of a file, read before its block is chosen

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

[[noreturn]] void throw_io(const std::string& what, int err)
{
    throw Error(ErrorCode::Io, what + ": " + std::strerror(err));
}

// Content read from the files named by InputItem::source.
class DiskFiles final : public ContentSource {
public:
    void open(const InputItem& item, size_t) override
    {
        source_ = item.source;
        fd_ = Fd(::open(source_.c_str(), O_RDONLY | O_CLOEXEC));
        if (fd_.get() < 0) throw_io("cannot read " + source_.string(), errno);
    }

    void read(std::span<uint8_t> out) override
    {
        while (!out.empty()) {
            const ssize_t n = ::read(fd_.get(), out.data(), out.size());
            if (n < 0) {
                if (errno == EINTR) continue;
                throw_io("cannot read " + source_.string(), errno);
            }
            if (n == 0) throw changed();
            out = out.subspan(static_cast<size_t>(n));
        }
    }

    void close() override
    {
        uint8_t probe = 0;
        ssize_t n = 0;
        do n = ::read(fd_.get(), &probe, 1);
        while (n < 0 && errno == EINTR);
        if (n < 0) throw_io("cannot read " + source_.string(), errno);
        if (n > 0) throw changed();
        fd_.reset();
    }

private:
    Error changed() const
    {
        return Error(ErrorCode::Io, "cannot read " + source_.string() + ": file size changed while reading");
    }

    fs::path source_;
    Fd fd_;
};

struct PackedBlock {
    CodecId codec = CodecId::Store;
    std::vector<uint8_t> settings;
    std::vector<uint8_t> packed;
    uint64_t raw_size = 0;
    uint64_t raw_hash = 0;
    uint64_t packed_hash = 0;
};

PackedBlock compress_block(std::vector<uint8_t> raw, std::unique_ptr<BlockCodec> model, BlockProgress& progress)
{
    PackedBlock out;
    out.raw_size = raw.size();
    out.raw_hash = xxh64(raw);
    // A block that looks incompressible is stored at once instead of spending the model's time on noise.
    const bool skip_model = model->id() != CodecId::Store && looks_incompressible(raw);
    // Long runs of one byte (a disk image's zeros) need no model's time: they are taken out.
    if (!skip_model && model->id() != CodecId::Store && long_run_bytes(raw) >= kMinLongRunBytes)
        model = make_runs_codec(std::move(model));
    BlockCodec& codec = *model;
    std::vector<uint8_t> packed;
    if (skip_model) make_store_codec()->encode(raw, progress.control());  // counts the progress
    else packed = codec.encode(raw, progress.control());
    if (!skip_model && packed.size() < raw.size()) {
        out.codec = codec.id();
        out.settings = codec.settings();
        out.packed = std::move(packed);
    } else {
        // Incompressible: storing keeps the archive from growing beyond its headers.
        auto store = make_store_codec();
        out.codec = store->id();
        out.settings = store->settings();
        out.packed = std::move(raw);
    }
    if (out.settings.size() > format::kMaxSettingsBytes)
        throw Error(ErrorCode::Internal, "codec settings exceed the format's limit");
    out.packed_hash = xxh64(out.packed);
    progress.finish(8 * static_cast<uint64_t>(out.packed.size()));
    return out;
}

bool is_cancel(const std::exception_ptr& error)
{
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        return e.code() == ErrorCode::Cancelled;
    } catch (...) {
        return false;
    }
}

// The first real failure of any thread. Other threads are stopped through the job's cancel
// flag, and the "cancelled" they then report must not hide the error that caused it.
class FirstError {
public:
    void note(std::exception_ptr error)
    {
        std::lock_guard lock(mutex_);
        if (!first_) first_ = std::move(error);
    }
    std::exception_ptr get() const
    {
        std::lock_guard lock(mutex_);
        return first_;
    }

private:
    mutable std::mutex mutex_;
    std::exception_ptr first_;
};

std::vector<EntryInfo> validated_entries(std::span<const InputItem> items, std::span<const EntryInfo> carried)
{
    std::vector<EntryInfo> entries;
    entries.reserve(items.size());
    std::unordered_set<std::string> seen;
    for (const auto& e : carried) seen.insert(e.path);
    for (size_t i = 0; i < items.size(); ++i) {
        const InputItem& item = items[i];
        const auto& path = item.info.path;
        auto normalised = normalise_entry_path(path);
        if (!normalised || normalised->size() > format::kMaxNameBytes)
            throw Error(ErrorCode::Usage, "invalid entry name " + in_quotes(path));
        if (!seen.insert(*normalised).second)
            throw Error(ErrorCode::Usage, "duplicate entry name " + in_quotes(*normalised));
        EntryInfo e = item.info;
        e.path = std::move(*normalised);
        e.mode &= 07777;
        e.content_hash = 0;
        e.block = 0;
        e.offset = 0;
        if (e.mtime_nsec >= 1'000'000'000u)
            throw Error(ErrorCode::Usage, "invalid modification time for " + in_quotes(e.path));
        if (e.duplicate && (e.type != EntryType::File || e.size == 0 || i == 0 || items[i - 1].info.type != EntryType::File ||
                            items[i - 1].info.size != e.size))
            throw Error(ErrorCode::Internal, "duplicate " + in_quotes(e.path) + " does not follow a file of its size");
        if (!e.duplicate) e.hard_link = false;  // only a duplicate can say so
        switch (e.type) {
        case EntryType::File:
            e.link_target.clear();
            break;
        case EntryType::Directory:
            e.size = 0;
            e.link_target.clear();
            break;
        case EntryType::Symlink:
            e.size = 0;
            if (e.link_target.empty() || e.link_target.size() > format::kMaxNameBytes ||
                e.link_target.find('\0') != std::string::npos)
                throw Error(ErrorCode::Usage, "invalid link target for " + in_quotes(e.path));
            break;
        default:
            throw Error(ErrorCode::Usage, "invalid entry type for " + in_quotes(e.path));
        }
        entries.push_back(std::move(e));
    }
    std::vector<EntryInfo> all(carried.begin(), carried.end());
    all.insert(all.end(), entries.begin(), entries.end());
    if (const auto clash = find_entry_under_non_folder(all))
        throw Error(ErrorCode::Usage, "entry " + in_quotes(all[clash->first].path) + " lies under " +
                                          in_quotes(all[clash->second].path) + ", which is not a folder");
    return entries;
}

// A new extension with this many bytes starts its own block once the open block holds as many
// (ArchiveBuilder::add_entry): a sixteenth of a block, at least a byte.
uint64_t kind_minimum(uint64_t block_size) { return std::max<uint64_t>(1, block_size / 16); }

constexpr uint64_t kBigFile = 2ull << 20;

// A file this big starts a block of its own once the open block holds as much (and the block
// size leaves room for two): where the neural codec's tables, sized for a few MB, are full.
uint64_t big_file_minimum(uint64_t block_size) { return block_size >= 2 * kBigFile ? kBigFile : UINT64_MAX; }

// Streams the items' contents into solid blocks, compresses up to parallel_blocks of them on
// worker threads and writes them in order, then the index and the trailer.
class ArchiveBuilder {
public:
    ArchiveBuilder(const fs::path& archive, const CarriedBlocks& carried, std::vector<EntryInfo> entries,
                   ContentSource& contents, const WriteOptions& options, JobControl& control)
        : carried_(carried), options_(options), control_(control), contents_(contents), progress_(control), entries_(std::move(entries)),
          hash_known_(entries_.size()), skipped_(entries_.size()), parallel_(std::max(1u, options.parallel_blocks)),
          out_(archive, options.key, options.volume_size)
    {
    }

    ~ArchiveBuilder() { stop_workers(); }
    ArchiveBuilder(const ArchiveBuilder&) = delete;
    ArchiveBuilder& operator=(const ArchiveBuilder&) = delete;

    void run(std::span<const InputItem> items)
    {
        try {
            // Versions 3 to 5 only where they are needed, so that other archives stay readable by older nnzip.
            const auto has_duplicate = [](const EntryInfo& e) { return e.duplicate; };
            const bool duplicates = std::ranges::any_of(entries_, has_duplicate) || std::ranges::any_of(carried_.entries, has_duplicate);
            out_.start(format::encode_file_header("nnzip " NNZIP_VERSION, options_.key != nullptr, duplicates,
                                                  options_.recovery_percent > 0));
            blocks_dispatched_ = carried_.blocks.size();
            for (const auto& e : entries_)
                if (e.type == EntryType::File && !e.duplicate) content_left_ += e.size;
            measure_kinds();
            control_.total_input = content_left_;
            items_ = items;
            for (size_t i = 0; i < items.size(); ++i) add_entry(i, items[i]);
            finish();
        } catch (...) {
            auto error = std::current_exception();
            if (!is_cancel(error)) errors_.note(error);
            stop_workers();
            if (auto first = errors_.get()) std::rethrow_exception(first);
            std::rethrow_exception(error);
        }
    }

private:
    struct InFlight {
        std::future<PackedBlock> result;
        std::vector<size_t> members;
    };
    // A block header written before the content hash of its last entry was known.
    struct PendingHashes {
        uint64_t file_offset = 0;
        std::vector<uint8_t> header;
        std::vector<std::pair<size_t, size_t>> fields;  // (hash field in header, entry index)
    };

    void add_entry(size_t index, const InputItem& item)
    {
        control_.checkpoint();
        EntryInfo& e = entries_[index];
        if (e.duplicate) return;  // placed with its original, which sets its hash once read
        if (e.type != EntryType::File) {
            place(index);
            e.content_hash = xxh64({});
            hash_known_[index] = true;
            return;
        }
        try {
            contents_.open(item, index);
        } catch (const Error& error) {
            if (!options_.skip_unreadable || error.code() != ErrorCode::Io) throw;
            skip(index, std::string("skipped: ") + error.what());
            return;
        }
        Xxh64Stream hash;
        // The file's first bytes, read before the block is chosen (they are its first bytes there).
        std::vector<uint8_t> head(static_cast<size_t>(std::min<uint64_t>(e.size, kHeadBytes)));
        if (!head.empty()) contents_.read(head);
        size_t head_used = 0;
        // A protein FASTA after its genome stays in the genome's block when it fits whole: the
        // neural codec predicts a protein from its gene there (TranslationModel): E. coli's
        // proteome (1,750,450 bytes) costs about 42 KB after its genome instead of 701 KB apart.
        const bool joins_genome = !raw_.empty() && raw_.size() + e.size <= options_.block_size && looks_like_protein_fasta(head) &&
                                  looks_like_nucleotides(std::span(raw_).last(std::min<size_t>(raw_.size(), kHeadBytes)));
        // A new kind of file (another extension) with at least a sixteenth of a block in all
        // starts a block of its own once the open one holds that much: a model learns little
        // across kinds, and another block can go to another core (Canterbury: the text and the
        // spreadsheet apart from the rest; but not a proteome after its genome). Files of one kind stay
        // together, as do small kinds. Not tied to the thread count: the archive is the same for
        // any --threads.
        const uint64_t minimum = kind_minimum(options_.block_size);
        if (e.size > 0 && kind_bytes_[index] >= minimum && raw_.size() >= minimum && !joins_genome) dispatch();
        // A big file (2 MiB or more) starts a block of its own once the open one holds as much,
        // whatever its kind: past a few MB a model's tables are full, and the
        // second file pays more for the first's statistics than it gains from them (bible.txt
        // and world192.txt in one block: 964,017 bytes; apart: 955,736). Another core can take it.
        const uint64_t big = big_file_minimum(options_.block_size);
        if (e.size >= big && raw_.size() >= big && !joins_genome) dispatch();
        // A file that would fit a block whole is not cut at the end of a block that is already at
        // least half full: it starts the next one, so the model learns it from its first byte
        // instead of carrying other data's statistics into its middle (as 7-Zip never splits a file
        // between solid blocks). Three files of 4.6, 4.0 and 2.5 MB in 8 MiB blocks: the middle
        // one is no longer cut in two.
        if (e.size > 0 && raw_.size() >= options_.block_size / 2 && raw_.size() + e.size > options_.block_size &&
            e.size <= options_.block_size)
            dispatch();
        if (e.size == 0) place(index);
        for (uint64_t left = e.size; left > 0;) {
            control_.checkpoint();
            // Dispatch lazily, only when a byte must go in: a file then never starts at the very
            // end of a block, and contentless entries after a full block stay with it.
            if (raw_.size() == options_.block_size) dispatch();
            if (left == e.size) {
                place(index);
                // Its duplicates go into the same block header: the first one may be written
                // before the file's last byte is read.
                for (size_t d = index + 1; d < entries_.size() && entries_[d].duplicate; ++d) place(d);
            }
            if (spans_.empty() || spans_.back().name != e.path) spans_.push_back({raw_.size(), e.path});
            if (raw_.empty()) raw_.reserve(std::min(options_.block_size, content_left_));
            const size_t n = static_cast<size_t>(std::min({left, options_.block_size - raw_.size(), kChunk}));
            const size_t at = raw_.size();
            raw_.resize(at + n);
            const std::span<uint8_t> chunk = std::span(raw_).subspan(at, n);
            const size_t from_head = std::min(n, head.size() - head_used);
            std::copy_n(head.begin() + static_cast<std::ptrdiff_t>(head_used), from_head, chunk.begin());
            head_used += from_head;
            if (from_head < n) contents_.read(chunk.subspan(from_head));
            hash.update(chunk);
            left -= n;
            content_left_ -= n;
        }
        contents_.close();
        e.content_hash = hash.digest();
        hash_known_[index] = true;
        for (size_t d = index + 1; d < entries_.size() && entries_[d].duplicate; ++d) {
            // Found equal before the archive was begun (find_duplicates): a file changed since
            // cannot be stored as the other's copy.
            if (items_[d].hash_expected && items_[d].info.content_hash != e.content_hash)
                throw Error(ErrorCode::Io, "cannot archive " + in_quotes(entries_[d].path) + ": it or " + in_quotes(e.path) +
                                               " changed while the archive was being made");
            entries_[d].content_hash = e.content_hash;
            hash_known_[d] = true;
        }
    }

    // kind_bytes_[i]: for a file whose extension differs from the previous file's, the size of it
    // and the files of the same extension right after it; 0 for the others.
    void measure_kinds()
    {
        kind_bytes_.assign(entries_.size(), 0);
        std::string previous_key;
        size_t kind_start = entries_.size();
        for (size_t i = 0; i < entries_.size(); ++i) {
            if (entries_[i].type != EntryType::File || entries_[i].duplicate) continue;
            std::string key = extension_key(entries_[i].path);
            if (kind_start == entries_.size() || key != previous_key) {
                kind_start = i;
                previous_key = std::move(key);
            }
            kind_bytes_[kind_start] += entries_[i].size;
        }
    }

    // Leaves a file out of the archive (it is in no block header and not in the index).
    void skip(size_t index, const std::string& warning)
    {
        skipped_[index] = true;
        content_left_ -= entries_[index].size;
        control_.total_input -= entries_[index].size;
        if (options_.on_warning) options_.on_warning(warning);
        // Its first duplicate holds the content instead (read from its own file); the others follow it.
        if (index + 1 < entries_.size() && entries_[index + 1].duplicate) {
            entries_[index + 1].duplicate = false;
            entries_[index + 1].hard_link = false;
            content_left_ += entries_[index + 1].size;
            control_.total_input += entries_[index + 1].size;
        }
    }

    // Records that the entry's content (or its place in the stream) starts in the open block.
    void place(size_t index)
    {
        entries_[index].block = static_cast<uint32_t>(blocks_dispatched_);
        entries_[index].offset = raw_.size();
        members_.push_back(index);
    }

    void dispatch()
    {
        while (in_flight_.size() >= parallel_) write_oldest();
        if (blocks_dispatched_ >= format::kMaxBlocks)
            throw Error(ErrorCode::Usage, "too many blocks; use a larger block size");
        std::unique_ptr<BlockCodec> codec = options_.make_codec ? options_.make_codec() : make_store_codec();
        if (!codec) throw Error(ErrorCode::Internal, "make_codec returned no codec");
        // Made here, in block order, so the hub knows which block is the front one.
        auto progress = std::make_unique<BlockProgress>(progress_, blocks_dispatched_, std::move(spans_),
                                                        BlockProgress::Direction::Encode, raw_.size());
        auto task = [this, raw = std::move(raw_), codec = std::move(codec), progress = std::move(progress),
                     block = blocks_dispatched_]() mutable -> PackedBlock {
            try {
                return compress_block(std::move(raw), std::move(codec), *progress);
            } catch (const Error& e) {
                if (e.code() != ErrorCode::Cancelled) fail_all(std::current_exception());
                throw;
            } catch (const std::bad_alloc&) {
                fail_all(std::make_exception_ptr(
                    Error(ErrorCode::Internal, "out of memory compressing block " + std::to_string(block))));
                std::rethrow_exception(errors_.get());
            } catch (const std::exception& e) {
                fail_all(std::make_exception_ptr(
                    Error(ErrorCode::Internal, "block " + std::to_string(block) + ": " + e.what())));
                std::rethrow_exception(errors_.get());
            }
        };
        in_flight_.push_back({std::async(std::launch::async, std::move(task)), std::move(members_)});
        raw_ = {};
        members_ = {};
        spans_ = {};
        ++blocks_dispatched_;
    }

    void fail_all(std::exception_ptr error)
    {
        errors_.note(std::move(error));
        control_.request_cancel();
    }

    // The carried blocks go first, once it is known which new entries without content belong to
    // the last of them (finish()).
    void write_carried()
    {
        if (carried_written_) return;
        carried_written_ = true;
        size_t next_entry = 0;
        for (size_t k = 0; k < carried_.blocks.size(); ++k) {
            control_.checkpoint();
            StoredBlock block = carried_.from->read_stored_block(carried_.blocks[k]);
            format::BlockHeader header{block.codec, std::move(block.settings), block.raw_size,
                                       block.packed.size(), block.raw_hash, block.packed_hash, {}};
            while (next_entry < carried_.entries.size() && carried_.entries[next_entry].block == k)
                header.entries.push_back(carried_.entries[next_entry++]);
            if (k + 1 == carried_.blocks.size())
                for (size_t i : tail_members_) header.entries.push_back(entries_[i]);
            const auto encoded = format::encode_block_header(header);
            const uint64_t offset = out_.position();
            out_.write(encoded.bytes);
            out_.write(block.packed);
            index_.blocks.push_back({offset, block.raw_size, block.packed.size(), block.codec});
            index_.header_sizes.push_back(encoded.bytes.size());
        }
        if (next_entry != carried_.entries.size())
            throw Error(ErrorCode::Internal, "a carried entry refers to no carried block");
    }

    void write_oldest()
    {
        write_carried();
        InFlight job = std::move(in_flight_.front());
        in_flight_.pop_front();
        PackedBlock block = job.result.get();

        format::BlockHeader header{block.codec, std::move(block.settings), block.raw_size,
                                   block.packed.size(), block.raw_hash, block.packed_hash, {}};
        for (size_t i : job.members) header.entries.push_back(entries_[i]);
        auto encoded = format::encode_block_header(header);

        const uint64_t offset = out_.position();
        out_.write(encoded.bytes);
        out_.write(block.packed);
        index_.blocks.push_back({offset, block.raw_size, block.packed.size(), block.codec});
        index_.header_sizes.push_back(encoded.bytes.size());

        PendingHashes pending{offset, {}, {}};
        for (size_t k = 0; k < job.members.size(); ++k)
            if (!hash_known_[job.members[k]]) pending.fields.emplace_back(encoded.hash_fields[k], job.members[k]);
        if (!pending.fields.empty()) {
            pending.header = std::move(encoded.bytes);
            pending_.push_back(std::move(pending));
        }
        control_.checkpoint();
    }

    void finish()
    {
        if (!raw_.empty()) dispatch();
        if (!members_.empty() && blocks_dispatched_ == carried_.blocks.size() && !carried_.blocks.empty()) {
            // No new content at all: entries without content belong to the last carried block,
            // at its end (the block that was being filled when they came up).
            const uint64_t end = carried_.from->blocks()[carried_.blocks.back()].raw_size;
            for (size_t i : members_) {
                entries_[i].block = static_cast<uint32_t>(carried_.blocks.size() - 1);
                entries_[i].offset = end;
            }
            tail_members_ = std::move(members_);
        }
        members_.clear();  // only when nothing has content: those entries live in the index alone
        write_carried();
        while (!in_flight_.empty()) write_oldest();

        for (auto& p : pending_) {
            for (auto [field, entry] : p.fields)
                format::patch_block_entry_hash(p.header, field, entries_[entry].content_hash);
            out_.write_at(p.file_offset, p.header);
        }

        index_.entries.reserve(carried_.entries.size() + entries_.size());
        index_.entries.insert(index_.entries.end(), carried_.entries.begin(), carried_.entries.end());
        for (size_t i = 0; i < entries_.size(); ++i)
            if (!skipped_[i]) index_.entries.push_back(entries_[i]);
        const auto index = format::encode_index(index_);
        const format::Trailer trailer{out_.position(), index.size(), xxh64(index)};
        out_.write(index);
        out_.write(format::encode_trailer(trailer));
        control_.checkpoint();  // the last moment a cancel can still leave nothing behind
        out_.commit(options_.overwrite, options_.recovery_percent, &control_, options_.verify);
    }

    // Cancels and waits for the workers; their own exceptions stay in their futures.
    void stop_workers() noexcept
    {
        if (in_flight_.empty()) return;
        control_.request_cancel();
        for (auto& job : in_flight_) job.result.wait();
        in_flight_.clear();
    }

    const CarriedBlocks& carried_;
    bool carried_written_ = false;
    std::vector<size_t> tail_members_;  // new entries without content at the end of the last carried block
    const WriteOptions& options_;
    JobControl& control_;
    ContentSource& contents_;
    BlockProgressHub progress_;  // outlives the workers (in_flight_ is destroyed first)
    std::span<const InputItem> items_;  // what run() was given (for the duplicates' expected hashes)
    std::vector<EntryInfo> entries_;
    std::vector<bool> hash_known_;
    std::vector<bool> skipped_;  // unreadable files left out (WriteOptions::skip_unreadable)
    std::vector<uint64_t> kind_bytes_;  // measure_kinds()
    const unsigned parallel_;
    FirstError errors_;
    ArchiveOutput out_;
    format::Index index_;
    std::vector<PendingHashes> pending_;

    uint64_t content_left_ = 0;  // content bytes not yet read
    std::vector<uint8_t> raw_;   // the open block
    std::vector<size_t> members_;
    std::vector<EntrySpan> spans_;  // where the open block's entries' bytes start in it
    uint64_t blocks_dispatched_ = 0;
    std::deque<InFlight> in_flight_;  // last member: its futures are waited for first
};

}  // namespace

// Archive order (WriteOptions::group_by_type): folders, then files, then symlinks. Files come by
// kind, as 7-Zip sorts them by extension: text before other data, and within each the kinds with
// the most bytes first, so a small kind shares the model a big one has trained (Canterbury's
// cp.html, fields.c, xargs.1 and grammar.lsp after its .txt files: -631 bytes; Calgary's binaries
// after its text: -330). Blocks are still cut by extension alone (ArchiveBuilder::add_entry).
void sort_in_archive_order(std::vector<InputItem>& items)
{
    struct Kind {
        bool data = false;
        std::string extension;
        auto operator<=>(const Kind&) const = default;
    };
    std::vector<Kind> kinds(items.size());
    std::map<Kind, uint64_t> bytes_of_kind;
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].info.type != EntryType::File) continue;
        kinds[i] = {!file_looks_like_text(items[i].source), extension_key(items[i].info.path)};
        bytes_of_kind[kinds[i]] += items[i].info.size;
    }
    std::vector<uint64_t> kind_bytes(items.size());  // per item: all the bytes of its kind
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].info.type == EntryType::File) kind_bytes[i] = bytes_of_kind[kinds[i]];
    auto group = [](EntryType t) { return t == EntryType::Directory ? 0 : t == EntryType::File ? 1 : 2; };
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < items.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const int ga = group(items[a].info.type), gb = group(items[b].info.type);
        if (ga != gb) return ga < gb;
        if (kinds[a] != kinds[b]) {
            if (kinds[a].data != kinds[b].data) return !kinds[a].data;
            if (kind_bytes[a] != kind_bytes[b]) return kind_bytes[a] > kind_bytes[b];
            return kinds[a] < kinds[b];
        }
        return items[a].info.path < items[b].info.path;
    });
    std::vector<InputItem> sorted;
    sorted.reserve(items.size());
    for (size_t i : order) sorted.push_back(std::move(items[i]));
    items = std::move(sorted);
}

std::unique_ptr<ContentSource> make_disk_content_source() { return std::make_unique<DiskFiles>(); }

uint64_t expected_blocks(std::span<const InputItem> items, uint64_t block_size)
{
    uint64_t total = 0;
    std::map<std::string, uint64_t> kinds;
    for (const auto& item : items)
        if (item.info.type == EntryType::File) {
            total += item.info.size;
            kinds[extension_key(item.info.path)] += item.info.size;
        }
    uint64_t big_kinds = 0, big_files = 0;
    for (const auto& [key, bytes] : kinds) big_kinds += bytes >= kind_minimum(block_size);
    // A proteome that joins its genome's block (ArchiveBuilder::add_entry) is no block of its own.
    // Only files of a sixteenth of a block or more are looked at (a few big files, not every small
    // one a second time after sort_in_archive_order): it is only an estimate.
    if (big_kinds > 1) {
        uint64_t genome = 0, proteome = 0;
        for (const auto& item : items) {
            if (item.info.type != EntryType::File || item.source.empty() || item.info.size < kind_minimum(block_size)) continue;
            const std::vector<uint8_t> head = file_head(item.source);
            if (looks_like_protein_fasta(head)) proteome = std::max(proteome, item.info.size);
            else if (looks_like_nucleotides(head)) genome = std::max(genome, item.info.size);
        }
        if (proteome > 0 && genome > 0 && genome + proteome <= block_size) --big_kinds;
    }
    for (const auto& item : items) big_files += item.info.type == EntryType::File && item.info.size >= big_file_minimum(block_size);
    const uint64_t by_size_and_kind = (total + block_size - 1) / block_size + (big_kinds > 1 ? big_kinds - 1 : 0);
    return std::max<uint64_t>({1, by_size_and_kind, big_files});
}

void write_archive(const std::filesystem::path& archive, std::span<const InputItem> items,
                   const WriteOptions& options, JobControl& control)
{
    // Files on disk can be read in any order, so they can be grouped; a ContentSource streams in
    // its caller's order (a foreign archive is read front to back).
    std::vector<InputItem> ordered(items.begin(), items.end());
    if (options.group_by_type) sort_in_archive_order(ordered);
    // Files whose content equals another's are stored once, as its duplicates (format 3.0).
    find_duplicates(ordered, control);
    DiskFiles files;
    write_archive(archive, ordered, files, options, control);
}

void write_archive(const std::filesystem::path& archive, std::span<const InputItem> items, ContentSource& contents,
                   const WriteOptions& options, JobControl& control)
{
    write_archive(archive, CarriedBlocks{}, items, contents, options, control);
}

void write_archive(const std::filesystem::path& archive, const CarriedBlocks& carried, std::span<const InputItem> items,
                   ContentSource& contents, const WriteOptions& options, JobControl& control)
{
    if (archive.empty() || !archive.has_filename())
        throw Error(ErrorCode::Usage, "invalid archive name " + in_quotes(archive.string()));
    if (options.block_size == 0 || options.block_size > format::kMaxBlockSize)
        throw Error(ErrorCode::Usage, "block size must be between 1 byte and " +
                                          std::to_string(format::kMaxBlockSize >> 20) + " MiB");
    if (!carried.blocks.empty() && !carried.from) throw Error(ErrorCode::Internal, "carried blocks without their archive");
    if (carried.blocks.size() >= format::kMaxBlocks) throw Error(ErrorCode::Usage, "too many blocks; use a larger block size");
    auto entries = validated_entries(items, carried.entries);
    std::error_code ec;
    const fs::path first_file = first_file_of(archive, options.volume_size);
    if (!options.overwrite && fs::exists(fs::symlink_status(first_file, ec)))
        throw Error(ErrorCode::Exists, first_file.string() + " already exists");
    control.checkpoint();
    ArchiveBuilder builder(archive, carried, std::move(entries), contents, options, control);
    builder.run(items);
}

}  // namespace nnz
