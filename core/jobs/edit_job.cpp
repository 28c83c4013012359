#include "edit_job.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "../checksum.hpp"
#include "../container/archive_file.hpp"
#include "../container/archive_reader.hpp"
#include "../container/archive_writer.hpp"
#include "../container/duplicate_files.hpp"
#include "../container/entry_path.hpp"
#include "../container/format.hpp"
#include "../error.hpp"
#include "../interop/opened_archive.hpp"
#include "../fs/stdin_input.hpp"
#include "extract_job.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

// The block holding the last byte of an entry with content (its first is e.block).
uint32_t last_block_of(const ArchiveReader& reader, const EntryInfo& e)
{
    const auto& starts = reader.block_starts();
    const uint64_t last_byte = starts[e.block] + e.offset + e.size - 1;
    return static_cast<uint32_t>(std::upper_bound(starts.begin(), starts.end(), last_byte) - starts.begin()) - 1;
}

// Kept files that have other names on disk, by (device, inode): the old entry each one is.
using KeptInodes = std::map<std::pair<uint64_t, uint64_t>, size_t>;
// Folders `u` found again with other metadata (a new time, mode, owner...): per old entry, the
// entry as found. They keep their place (before what they hold) with the new metadata, rather
// than being removed and added again after everything.
using RefreshedFolders = std::map<size_t, EntryInfo>;

// The stored entry with the metadata found on disk (what the walk was asked to record).
EntryInfo refreshed_entry(EntryInfo stored, const EntryInfo& found, const RecordedMetadata& recorded)
{
    stored.mode = found.mode;
    stored.mtime_sec = found.mtime_sec;
    stored.mtime_nsec = found.mtime_nsec;
    if (found.owner) stored.owner = found.owner;
    if (recorded.xattrs) stored.xattrs = found.xattrs;
    if (recorded.acls) stored.acl = found.acl;
    return stored;
}

// What the new archive keeps of the old one: the blocks it copies with their entries, and the
// surviving entries that live in blocks it cannot copy (in archive order), to be compressed again.
struct EditPlan {
    CarriedBlocks carried;
    std::vector<size_t> carried_from;  // per carried entry, its index in the old archive's entries
    std::vector<size_t> recompressed;  // indices into the old archive's entries
};

// Per block, whether its run loses an entry with content. Blocks joined by a file that runs on
// from one into the next form a run: copied or not, together. A removed entry with content spoils
// its run; one without content (a duplicate too) is simply left out.
std::vector<bool> spoiled_blocks(const ArchiveReader& reader, const std::vector<bool>& removed)
{
    const auto& entries = reader.entries();
    const size_t blocks = reader.blocks().size();
    std::vector<bool> continues(blocks, false);
    for (const auto& e : entries) {
        if (e.size == 0) continue;
        const uint32_t last = last_block_of(reader, e);
        for (uint32_t b = e.block; b < last; ++b) continues[b] = true;
    }
    std::vector<size_t> run_of(blocks);
    size_t runs = 0;
    for (size_t b = 0; b < blocks; ++b) {
        run_of[b] = runs;
        if (!continues[b]) ++runs;
    }
    std::vector<bool> spoiled_run(runs + 1, false);
    for (size_t i = 0; i < entries.size(); ++i)
        if (removed[i] && entries[i].size > 0 && !entries[i].duplicate) spoiled_run[run_of[entries[i].block]] = true;
    std::vector<bool> spoiled(blocks);
    for (size_t b = 0; b < blocks; ++b) spoiled[b] = spoiled_run[run_of[b]];
    return spoiled;
}

// Whether entries[index] is still a hard link once the names between it and `previous`, the
// entry kept before it, are removed.
bool still_hard_link(std::span<const EntryInfo> entries, std::optional<size_t> previous, size_t index)
{
    return previous && hard_link_of(entries, *previous, index);
}

EditPlan plan_edit(ArchiveReader& reader, const std::vector<bool>& removed)
{
    const auto& entries = reader.entries();
    const auto& blocks = reader.blocks();
    EditPlan plan;
    plan.carried.from = &reader;
    if (blocks.empty()) {  // nothing but folders, symlinks and empty files: nothing to copy
        for (size_t i = 0; i < entries.size(); ++i)
            if (!removed[i]) plan.recompressed.push_back(i);
        return plan;
    }
    const std::vector<bool> spoiled = spoiled_blocks(reader, removed);
    std::vector<uint32_t> new_number(blocks.size(), 0);
    for (size_t b = 0; b < blocks.size(); ++b) {
        if (spoiled[b]) continue;
        new_number[b] = static_cast<uint32_t>(plan.carried.blocks.size());
        plan.carried.blocks.push_back(static_cast<uint32_t>(b));
    }
    std::optional<size_t> previous_carried;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (removed[i]) continue;
        if (spoiled[entries[i].block]) {
            plan.recompressed.push_back(i);
        } else {
            EntryInfo kept = entries[i];
            kept.block = new_number[kept.block];
            kept.hard_link = still_hard_link(entries, std::exchange(previous_carried, i), i);
            plan.carried.entries.push_back(std::move(kept));
            plan.carried_from.push_back(i);
        }
    }
    return plan;
}

// The contents for the writer: first the recompressed entries, decoded from the old archive a
// block at a time (each block once: entries come in stream order) and checked against their
// stored checksums; then new files from disk.
class EditContents final : public ContentSource {
public:
    EditContents(ArchiveReader& reader, std::span<const size_t> recompressed, JobControl& control)
        : reader_(reader), recompressed_(recompressed), to_decode_(blocks_holding(reader, recompressed)),
          decoding_(control, [this](JobControl& part) { report_decoding(part); }), disk_(make_disk_content_source())
    {
    }

    void open(const InputItem& item, size_t index) override
    {
        from_archive_ = index < recompressed_.size();
        if (!from_archive_) return disk_->open(item, index);
        entry_ = &reader_.entries()[recompressed_[index]];
        block_ = entry_->block;
        offset_ = entry_->offset;
        left_ = entry_->size;
        hash_.emplace();
    }

    void read(std::span<uint8_t> out) override
    {
        if (!from_archive_) return disk_->read(out);
        if (out.size() > left_) throw Error(ErrorCode::Internal, "read past the end of \"" + entry_->path + "\"");
        left_ -= out.size();
        while (!out.empty()) {
            if (decoded_block_ != block_) {
                decoded_ = {};  // the previous block goes before the next is decoded
                decoding_.done_input = 0;
                report_decoding(decoding_);
                const struct Done {
                    JobControl& control;
                    ~Done() { control.set_old_block_decoding({}); }
                } done{decoding_};
                decoded_ = reader_.read_block(block_, decoding_);
                decoded_block_ = block_;
            }
            const size_t n = static_cast<size_t>(std::min<uint64_t>(out.size(), decoded_.size() - offset_));
            const auto bytes = std::span<const uint8_t>(decoded_).subspan(static_cast<size_t>(offset_), n);
            std::copy(bytes.begin(), bytes.end(), out.begin());
            hash_->update(bytes);
            out = out.subspan(n);
            offset_ += n;
            if (offset_ == decoded_.size()) {
                ++block_;
                offset_ = 0;
            }
        }
    }

    void close() override
    {
        if (!from_archive_) return disk_->close();
        if (left_ != 0) throw Error(ErrorCode::Internal, "\"" + entry_->path + "\" was not read to its end");
        if (!checksum_matches(entry_->content_hash, hash_->digest()))
            throw Error(ErrorCode::Data, "content checksum mismatch for \"" + entry_->path + "\"");
    }

private:
    // The blocks that hold the bytes of the given entries, in order: those read() decodes.
    static std::vector<uint32_t> blocks_holding(const ArchiveReader& reader, std::span<const size_t> entries)
    {
        std::set<uint32_t> blocks;
        for (size_t i : entries) {
            const EntryInfo& e = reader.entries()[i];
            if (e.size == 0) continue;
            const uint32_t last = last_block_of(reader, e);
            for (uint32_t b = e.block; b <= last; ++b) blocks.insert(b);
        }
        return {blocks.begin(), blocks.end()};
    }

    void report_decoding(const JobControl& part)
    {
        const auto at = std::lower_bound(to_decode_.begin(), to_decode_.end(), block_);
        const uint64_t raw_size = reader_.blocks()[block_].raw_size;
        const uint64_t done = std::min(part.done_input.load(), raw_size);
        decoding_.set_old_block_decoding({static_cast<uint32_t>(at - to_decode_.begin()) + 1,
                                          static_cast<uint32_t>(to_decode_.size()),
                                          raw_size > 0 ? static_cast<uint32_t>(100 * done / raw_size) : 0});
    }

    ArchiveReader& reader_;
    std::span<const size_t> recompressed_;
    const std::vector<uint32_t> to_decode_;
    JobControl decoding_;  // the job's pause and cancel; its own counters (the writer reports progress)
    std::unique_ptr<ContentSource> disk_;
    bool from_archive_ = false;
    const EntryInfo* entry_ = nullptr;
    uint32_t block_ = 0;
    uint64_t offset_ = 0;
    uint64_t left_ = 0;
    std::optional<Xxh64Stream> hash_;
    std::vector<uint8_t> decoded_;
    uint32_t decoded_block_ = UINT32_MAX;
};

// new_names: per old entry, its name in the new archive (empty: all keep theirs). new_key: the
// key to write with (null: not encrypted); unset, the archive keeps its own.
// A new name of a file the edit keeps as it is stored (a hard link made since, found by `u` among
// the inputs with that file) becomes a hard link of it in its block's header: a duplicate right
// after it, with nothing compressed. Returns the new items left.
std::vector<InputItem> link_to_carried(EditPlan& plan, std::vector<InputItem> new_items, const KeptInodes& kept_inodes)
{
    if (kept_inodes.empty()) return new_items;
    std::unordered_map<size_t, size_t> carried_at;  // old entry -> its place among the carried entries
    for (size_t k = 0; k < plan.carried_from.size(); ++k) carried_at.emplace(plan.carried_from[k], k);
    std::map<size_t, std::vector<EntryInfo>> links_after;  // carried place -> new names of that file, in order
    std::vector<InputItem> left;
    for (auto& item : new_items) {
        const auto kept = item.inode != 0 ? kept_inodes.find({item.device, item.inode}) : kept_inodes.end();
        const auto at = kept != kept_inodes.end() ? carried_at.find(kept->second) : carried_at.end();
        if (at == carried_at.end() || item.info.type != EntryType::File || plan.carried.entries[at->second].size == 0) {
            left.push_back(std::move(item));
            continue;
        }
        const EntryInfo& file = plan.carried.entries[at->second];
        EntryInfo link = std::move(item.info);
        link.size = file.size;
        link.content_hash = file.content_hash;
        link.block = file.block;
        link.offset = file.offset;
        link.duplicate = true;
        link.hard_link = true;  // of the name right before it; what followed the file follows its new names
        links_after[at->second].push_back(std::move(link));
    }
    if (links_after.empty()) return left;
    // One pass: each file's new names right after it.
    std::vector<EntryInfo> entries;
    std::vector<size_t> from;
    entries.reserve(plan.carried.entries.size() + new_items.size() - left.size());
    for (size_t k = 0; k < plan.carried.entries.size(); ++k) {
        entries.push_back(std::move(plan.carried.entries[k]));
        from.push_back(plan.carried_from[k]);
        if (const auto links = links_after.find(k); links != links_after.end())
            for (auto& link : links->second) {
                entries.push_back(std::move(link));
                from.push_back(SIZE_MAX);  // in no old entry
            }
    }
    plan.carried.entries = std::move(entries);
    plan.carried_from = std::move(from);
    return left;
}

// Where an edit writes the archive anew: over the file itself, or for an archive split into
// volumes (archive_file.hpp), a new set of volumes of the first one's size under the same name,
// renamed over the old ones only once complete (split_temp_file.hpp; volumes left over from a
// longer set are removed).
struct EditTarget {
    fs::path path;
    uint64_t volume_size = 0;
};

// Nor is another format changed: nnzip reads zips, tars and 7z archives but writes them only
// whole (`a x.zip`, `convert`). Refused before anything is read.
EditTarget edit_target(const fs::path& archive)
{
    const auto volumes = volumes_of(archive);  // a later volume: Error(Usage), "open NAME.001"
    const fs::path& first = volumes.front();    // NAME.001 alone stays one volume, by that name
    if (volumes.size() > 1) {
        std::error_code ec;
        const uint64_t volume_size = fs::file_size(first, ec);
        if (ec) throw Error(ErrorCode::Io, "cannot read " + first.string() + ": " + ec.message());
        return {first.parent_path() / first.stem(), volume_size};
    }
    std::error_code ec;
    if (!fs::is_regular_file(first, ec) || has_nnz_magic(first)) return {first, 0};
    bool foreign = false;
    try {
        foreign = open_archive(first)->foreign() != nullptr;
    } catch (const Error&) {
        // Neither: ArchiveReader says what is wrong with it.
    }
    if (foreign)
        throw Error(ErrorCode::Usage, archive.string() + " is not an .nnz: nnzip changes only its own archives (it reads, "
                                                         "extracts and converts this one: nnzip convert " +
                                          archive.filename().string() + " NEW.nnz)");
    return {first, 0};
}

void rewrite(const EditTarget& target, ArchiveReader& reader, const std::vector<bool>& removed,
             std::vector<InputItem> new_items, const CompressOptions& options, JobControl& control,
             const std::vector<std::string>& new_names = {},
             const std::optional<std::shared_ptr<const ArchiveKey>>& new_key = std::nullopt,
             const KeptInodes& kept_inodes = {}, const RefreshedFolders& refreshed = {})
{
    EditPlan plan = plan_edit(reader, removed);
    for (size_t k = 0; k < plan.carried.entries.size(); ++k)
        if (const auto found = refreshed.find(plan.carried_from[k]); found != refreshed.end())
            plan.carried.entries[k] = refreshed_entry(plan.carried.entries[k], found->second, options.recorded);
    std::vector<InputItem> items;
    items.reserve(plan.recompressed.size() + new_items.size());
    // A duplicate whose original is removed holds the content from now on (decoded from the
    // original's place); the duplicates after it stay duplicates, of it. One whose original stays
    // follows it into the new blocks (a run is copied or recompressed whole).
    // A hard link stays one while the names removed before it were hard links too.
    std::optional<size_t> previous;
    for (size_t i : plan.recompressed) {
        const EntryInfo& old = reader.entries()[i];
        const auto found = refreshed.find(i);
        items.push_back({found == refreshed.end() ? old : refreshed_entry(old, found->second, options.recorded), {}});
        EntryInfo& info = items.back().info;
        if (!new_names.empty()) info.path = new_names[i];
        info.duplicate = old.duplicate && previous && same_content_place(reader.entries()[*previous], old);
        info.hard_link = info.duplicate && still_hard_link(reader.entries(), previous, i);
        previous = i;
    }
    if (!new_names.empty())
        for (size_t k = 0; k < plan.carried.entries.size(); ++k) plan.carried.entries[k].path = new_names[plan.carried_from[k]];
    new_items = link_to_carried(plan, std::move(new_items), kept_inodes);
    sort_in_archive_order(new_items);
    find_duplicates(new_items, control);  // as write_archive() does for `a`
    std::move(new_items.begin(), new_items.end(), std::back_inserter(items));

    WriteOptions write = write_options_for(options, items);
    write.overwrite = true;
    write.volume_size = target.volume_size;
    write.key = new_key.value_or(reader.key());  // an encrypted archive stays encrypted, with its own key
    write.recovery_percent = options.recovery_percent.value_or(reader.recovery_percent());  // and keeps its record
    EditContents contents(reader, plan.recompressed, control);
    write_archive(target.path, plan.carried, items, contents, write, control);
}

std::string stored_name(const fs::path& input)
{
    fs::path p = fs::absolute(input).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    return p.filename().string();
}

// Whether the path or a folder above it is one of the names.
bool at_or_under_any(const std::string& path, const std::set<std::string>& names)
{
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
        if (names.contains(path.substr(0, slash))) return true;
    return names.contains(path);
}

// Adding into "a/b" needs "a" and "a/b" to be folders (stored or implied), not files or links.
void refuse_into_non_folder(const ArchiveReader& reader, const std::string& prefix)
{
    for (size_t slash = prefix.find('/'); slash != std::string::npos; slash = prefix.find('/', slash + 1)) {
        const std::string folder = prefix.substr(0, slash);
        for (const auto& e : reader.entries())
            if (e.path == folder && e.type != EntryType::Directory)
                throw Error(ErrorCode::Usage, "cannot add into \"" + folder + "\": it is " +
                                                  (e.type == EntryType::Symlink ? "a symbolic link" : "a file") +
                                                  " in the archive, not a folder");
    }
}

bool unchanged(const EntryInfo& stored, const EntryInfo& found, const RecordedMetadata& recorded)
{
    // Owners count where both sides record one (archives before 0.14 have none, and --no-owners
    // records none: neither means that everything changed). Attributes and lists count where
    // they were read now: a file that has some is stored again once with them.
    return stored.type == found.type && stored.size == found.size && stored.mtime_sec == found.mtime_sec &&
           stored.mtime_nsec == found.mtime_nsec && stored.mode == found.mode && stored.link_target == found.link_target &&
           (!stored.owner || !found.owner || stored.owner == found.owner) &&
           (!recorded.xattrs || stored.xattrs == found.xattrs) && (!recorded.acls || stored.acl == found.acl);
}

// What did not change since it was stored keeps its stored form, as zip -u and 7-Zip's update
// judge it (rsync's quick check): the same type, size, modification time to the nanosecond,
// permissions, link target, owner, extended attributes and access control list. Takes the entries `removed` (those the inputs replace) and what the
// inputs hold now; clears `removed` for what is kept and returns the items still to compress. An
// unchanged file in a run of blocks that loses something is compressed again anyway: from disk,
// not decoded first.
std::vector<InputItem> keep_what_did_not_change(const ArchiveReader& reader, std::vector<bool>& removed,
                                                std::vector<InputItem> found, const RecordedMetadata& recorded,
                                                KeptInodes& kept_inodes, RefreshedFolders& refreshed)
{
    std::unordered_map<std::string_view, size_t> replaced;
    for (size_t i = 0; i < removed.size(); ++i)
        if (removed[i]) replaced.emplace(reader.entries()[i].path, i);
    std::vector<size_t> unchanged_item(removed.size(), SIZE_MAX);  // per old entry
    for (size_t k = 0; k < found.size(); ++k) {
        const auto old = replaced.find(found[k].info.path);
        if (old == replaced.end()) continue;
        const EntryInfo& stored = reader.entries()[old->second];
        if (!unchanged(stored, found[k].info, recorded)) {
            // A folder keeps its place with what it has now: it has no content to store again.
            if (stored.type != EntryType::Directory || found[k].info.type != EntryType::Directory) continue;
            refreshed.emplace(old->second, found[k].info);
        }
        removed[old->second] = false;
        unchanged_item[old->second] = k;
    }
    const std::vector<bool> spoiled = spoiled_blocks(reader, removed);
    std::vector<bool> kept(found.size(), false);
    for (size_t i = 0; i < removed.size(); ++i) {
        if (unchanged_item[i] == SIZE_MAX) continue;
        const EntryInfo& e = reader.entries()[i];
        if (e.size > 0 && spoiled[e.block]) {
            removed[i] = true;  // in a run compressed again: read from disk
        } else {
            const InputItem& item = found[unchanged_item[i]];
            kept[unchanged_item[i]] = true;
            if (item.inode != 0) kept_inodes.emplace(std::pair(item.device, item.inode), i);
        }
    }
    std::vector<InputItem> changed;
    for (size_t k = 0; k < found.size(); ++k)
        if (!kept[k]) changed.push_back(std::move(found[k]));
    return changed;
}

// Files and symlinks that --newer-mtime or --include left out are on disk all the same: not gone,
// only not chosen, so what the archive holds of them stays as it is stored (as tar -u and zip -u
// keep what they do not add), with the stored folders above them that the walk did not find.
void keep_what_was_not_chosen(std::span<const EntryInfo> entries, std::span<const InputItem> found,
                              std::span<const std::string> not_chosen, std::vector<bool>& removed)
{
    if (not_chosen.empty()) return;
    const std::unordered_set<std::string_view> unchosen(not_chosen.begin(), not_chosen.end());
    std::unordered_set<std::string_view> walked;
    for (const auto& item : found) walked.insert(item.info.path);
    std::set<std::string, std::less<>> above_kept;
    for (size_t i = 0; i < entries.size(); ++i) {
        if (!removed[i] || entries[i].type == EntryType::Directory || !unchosen.contains(entries[i].path)) continue;
        removed[i] = false;
        add_folders_above(entries[i].path, above_kept);
    }
    for (size_t i = 0; i < entries.size(); ++i)
        if (removed[i] && entries[i].type == EntryType::Directory && above_kept.contains(entries[i].path) &&
            !walked.contains(entries[i].path))
            removed[i] = false;
}

}  // namespace

RemovalSummary add_paths(const fs::path& archive, std::span<const fs::path> inputs, const CompressOptions& options,
                         JobControl& control)
{
    validate(options);
    if (inputs.empty()) throw Error(ErrorCode::Usage, "nothing to add: no input paths");
    // The index first: a damaged or foreign archive is refused before the inputs are walked.
    const EditTarget written = edit_target(archive);
    ArchiveReader reader(archive, options.passphrase);
    const std::string prefix = into_prefix(options);
    refuse_into_non_folder(reader, prefix);
    const auto [disk_inputs, from_stdin] = split_stdin_input(inputs);
    const std::string stdin_name = from_stdin ? prefix + stdin_entry_name(archive, options.stdin_name) : std::string();
    std::set<std::string> replaced;
    for (const auto& input : disk_inputs) replaced.insert(prefix + stored_name(input));
    if (from_stdin) replaced.insert(stdin_name);
    std::vector<bool> removed(reader.entries().size());
    for (size_t i = 0; i < removed.size(); ++i) removed[i] = at_or_under_any(reader.entries()[i].path, replaced);
    std::vector<std::string> not_chosen;
    auto found = gather_inputs(archive, disk_inputs, options, &not_chosen);
    keep_what_was_not_chosen(reader.entries(), found, not_chosen, removed);
    // What --remove-files removes once the archive is written: the changed files and those kept
    // as they were stored alike.
    const std::vector<InputItem> walked = options.remove_files ? found : std::vector<InputItem>();
    std::optional<SpooledStdin> spooled;  // after the walk, as for `a`; never "unchanged": it is new
    if (from_stdin) spooled.emplace(archive, stdin_name, STDIN_FILENO, control);
    KeptInodes kept_inodes;
    RefreshedFolders refreshed;
    auto changed = keep_what_did_not_change(reader, removed, std::move(found), options.recorded, kept_inodes, refreshed);
    if (spooled) changed.push_back(spooled->item());
    control.checkpoint();
    rewrite(written, reader, removed, std::move(changed), options, control, {}, std::nullopt, kept_inodes, refreshed);
    return remove_inputs_if_asked(archive, walked, options, control);
}

void rename_entry(const fs::path& archive, const std::string& from, const std::string& to, JobControl& control,
                  const Passphrase& passphrase, bool test_before_keeping)
{
    const EditTarget written = edit_target(archive);
    ArchiveReader reader(archive, passphrase);
    const auto& entries = reader.entries();
    const auto chosen = select_entries(entries, std::vector<std::string>{from}, false);  // one name, no pattern
    const auto target = normalise_entry_path(to);
    if (!target || target->size() > format::kMaxNameBytes)
        throw Error(ErrorCode::Usage, "\"" + to + "\" is not a valid entry name (relative, no \"..\", no control characters)");
    // The name chosen, and with a folder everything under it, moves to the new name.
    const std::string old_name = *normalise_entry_path(from);  // select_entries() refused it otherwise
    // A folder, stored as an entry or only implied by the names inside it (converted zips).
    const bool folder = std::ranges::any_of(
        chosen, [&](size_t i) { return entries[i].path != old_name || entries[i].type == EntryType::Directory; });
    if (folder && target->starts_with(old_name + "/"))
        throw Error(ErrorCode::Usage, "cannot move the folder \"" + old_name + "\" into itself");
    std::vector<EntryInfo> renamed(entries.begin(), entries.end());
    for (size_t i : chosen) {
        std::string& path = renamed[i].path;
        path = *target + path.substr(old_name.size());
        if (path.size() > format::kMaxNameBytes) throw Error(ErrorCode::Usage, "\"" + path + "\" is too long");
    }
    std::vector<std::string> new_names;
    for (const auto& e : renamed) new_names.push_back(e.path);
    std::set<std::string> names;
    for (const auto& name : new_names)
        if (!names.insert(name).second) throw Error(ErrorCode::Exists, "the archive already has an entry \"" + name + "\"");
    if (const auto clash = find_entry_under_non_folder(renamed))
        throw Error(ErrorCode::Usage, "\"" + renamed[clash->first].path + "\" would lie under \"" +
                                          renamed[clash->second].path + "\", which is not a folder");
    control.checkpoint();
    CompressOptions options;  // nothing is compressed: every block is copied
    options.test = test_before_keeping;
    options.passphrase = passphrase;
    rewrite(written, reader, std::vector<bool>(entries.size(), false), {}, options, control, new_names);
}

void change_password(const fs::path& archive, const Passphrase& current, const Passphrase& replacement,
                     JobControl& control, bool test_before_keeping)
{
    const EditTarget written = edit_target(archive);
    ArchiveReader reader(archive, current);
    if (!reader.encrypted() && replacement.empty())
        throw Error(ErrorCode::Usage, archive.string() + " is not encrypted: there is no password to remove");
    const auto key = replacement.empty() ? nullptr : ArchiveKey::create(replacement);
    control.checkpoint();
    CompressOptions options;  // nothing is compressed: every block is copied
    options.test = test_before_keeping;
    options.passphrase = replacement;  // what the archive written opens with (the test's)
    rewrite(written, reader, std::vector<bool>(reader.entries().size(), false), {}, options, control, {}, key);
}

void set_recovery_record(const fs::path& archive, unsigned percent, JobControl& control, const Passphrase& passphrase,
                         bool test_before_keeping)
{
    CompressOptions options;  // nothing is compressed: every block is copied
    options.recovery_percent = percent;
    options.test = test_before_keeping;
    options.passphrase = passphrase;
    validate(options);
    const EditTarget written = edit_target(archive);
    ArchiveReader reader(archive, passphrase);
    if (percent == 0 && reader.recovery_percent() == 0)
        throw Error(ErrorCode::Usage, archive.string() + " has no recovery record to remove");
    control.checkpoint();
    rewrite(written, reader, std::vector<bool>(reader.entries().size(), false), {}, options, control);
}

void delete_entries(const fs::path& archive, std::span<const std::string> names, const CompressOptions& options,
                    JobControl& control)
{
    validate(options);
    if (names.empty()) throw Error(ErrorCode::Usage, "nothing to delete: no entry names");
    const EditTarget written = edit_target(archive);
    ArchiveReader reader(archive, options.passphrase);
    std::vector<bool> removed(reader.entries().size());
    for (size_t i : select_entries(reader.entries(), names)) removed[i] = true;
    control.checkpoint();
    rewrite(written, reader, removed, {}, options, control);
}

}  // namespace nnz
