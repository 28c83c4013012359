#include "disk_extractor.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>
#include <system_error>

#include "../checksum.hpp"
#include "../container/entry_path.hpp"
#include "../container/temp_file.hpp"
#include "../error.hpp"
#include "entry_metadata.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

// Secure flags close ".." names and writing through symlinks; PERM and TIME restore what we store;
// SPARSE leaves holes where whole blocks of zeros would be written (a disk image stays as small on
// disk as it was). NOABSOLUTEPATHS is left out on purpose: every path we hand over is the
// canonical destination joined with a re-validated relative name (see DESIGN.md section 9).
constexpr int kWriteFlags = ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_SECURE_SYMLINKS |
                            ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_SPARSE;

struct EntryFree {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

std::string temp_name_for(const std::string& name)
{
    // Keep well under NAME_MAX (255) whatever the final name's length.
    static constexpr size_t kMaxKept = 200;
    thread_local std::mt19937_64 random{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::string suffix;
    for (uint64_t r = random(), i = 0; i < 12; ++i, r >>= 4) suffix += kHex[r & 15];
    return "." + name.substr(0, kMaxKept) + ".nnztmp-" + suffix;
}

// Linux's NAME_MAX and PATH_MAX (less its NUL): longer names cannot be created, so they are
// refused before anything is written instead of failing halfway through an extraction.
constexpr size_t kMaxComponentBytes = 255;
constexpr size_t kMaxPathBytes = 4095;
// Files held open for later names of them (foreign hard links), well under the usual limit of
// 1024 descriptors.
constexpr size_t kMaxHeldLinkTargets = 256;
// As the kernel's ELOOP limit: a chain of more symlinks than this is refused.
constexpr int kMaxLinkHops = 40;

// An entry name as it may appear in a message: no control characters, not endless.
std::string printable(std::string_view name)
{
    std::string shown;
    for (unsigned char c : name.substr(0, 300)) shown += (c < 0x20 || c == 0x7f) ? '?' : char(c);
    if (name.size() > 300) shown += "...";
    return "\"" + shown + "\"";
}

std::vector<std::string> components(std::string_view path)
{
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        parts.emplace_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

std::string joined(const std::vector<std::string>& parts)
{
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += '/';
        out += part;
    }
    return out;
}

bool exists_no_follow(const fs::path& p, fs::file_status& status)
{
    std::error_code ec;
    status = fs::symlink_status(p, ec);
    return !ec && fs::exists(status);
}

// True when every component from base down to base/relative is a real folder (no symlink), so
// chmod and utimens on it cannot reach outside base.
bool real_folder_chain(const fs::path& base, const std::string& relative)
{
    fs::path p = base;
    for (const auto& part : fs::path(relative)) {
        p /= part;
        fs::file_status status;
        if (!exists_no_follow(p, status) || !fs::is_directory(status)) return false;
    }
    return true;
}

using PlannedLinks = std::map<std::string, std::string, std::less<>>;

// Follows a link's target the way the kernel would, through the symlinks the extraction creates
// (planned) and those already under the destination, and says why it leaves the destination, if
// it does. Absolute targets always do. name is the link's own normalised entry name.
std::optional<std::string> why_link_leaves(const std::string& name, const std::string& link_target,
                                           const PlannedLinks& planned, const fs::path& destination)
{
    if (link_target.empty() || link_target.front() == '/') return "its target is an absolute path";
    auto link_at = [&](const std::string& path) -> std::optional<std::string> {
        if (auto it = planned.find(path); it != planned.end()) return it->second;
        std::error_code ec;
        const fs::path on_disk = destination / path;
        if (!fs::is_symlink(fs::symlink_status(on_disk, ec))) return std::nullopt;
        auto target = fs::read_symlink(on_disk, ec);
        if (ec) return std::nullopt;
        return target.string();
    };
    std::vector<std::string> at = components(name);
    at.pop_back();  // resolution starts in the folder holding the link
    std::vector<std::string> pending = components(link_target);
    std::reverse(pending.begin(), pending.end());  // a stack: the next component is at the back
    int hops = 0;
    while (!pending.empty()) {
        const std::string part = std::move(pending.back());
        pending.pop_back();
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            if (at.empty()) return "it leads outside the destination";
            at.pop_back();
            continue;
        }
        at.push_back(part);
        if (const auto next = link_at(joined(at))) {
            if (++hops > kMaxLinkHops) return "too many levels of symlinks";
            if (next->empty() || next->front() == '/') return "it leads to an absolute path through " + joined(at);
            at.pop_back();
            auto more = components(*next);
            pending.insert(pending.end(), more.rbegin(), more.rend());
        }
    }
    return std::nullopt;
}

std::string refusal_message(const OutsideLink& link)
{
    return "symlink " + printable(link.path) + " -> " + printable(link.target) + " refused: " + link.why;
}

}  // namespace

void DiskExtractor::ArchiveFree::operator()(archive* a) const { archive_write_free(a); }

DiskExtractor::DiskExtractor(const fs::path& destination, bool overwrite) : overwrite_(overwrite)
{
    std::error_code ec;
    fs::create_directories(destination, ec);
    if (ec) throw Error(ErrorCode::Io, "cannot create " + destination.string() + ": " + ec.message());
    // No symlink may remain in the prefix: SECURE_SYMLINKS checks every component of the paths
    // we pass, including the destination's own.
    destination_ = fs::weakly_canonical(fs::absolute(destination, ec), ec);
    if (ec) throw Error(ErrorCode::Io, "cannot open " + destination.string() + ": " + ec.message());
    if (!fs::is_directory(destination_, ec))
        throw Error(ErrorCode::Io, "cannot extract to " + destination.string() + ": not a folder");
    writer_.reset(archive_write_disk_new());
    if (!writer_) throw Error(ErrorCode::Internal, "cannot allocate a libarchive disk writer");
    if (archive_write_disk_set_options(writer_.get(), kWriteFlags) != ARCHIVE_OK)
        fail("cannot configure the disk writer");
}

DiskExtractor::~DiskExtractor() { discard_pending(); }

Owners default_owners() { return ::geteuid() == 0 ? Owners::Recorded : Owners::Extractor; }

RestoredMetadata default_restored()
{
    const bool root = ::geteuid() == 0;
    return {root ? Owners::Recorded : Owners::Extractor, root, root};
}

void DiskExtractor::set_restored(const RestoredMetadata& restored)
{
    restored_ = restored;
    // (A folder's list is set when the writer closes, after everything inside it was written:
    // libarchive defers it with the folder's mode.)
    const int flags = kWriteFlags | (restored.owners == Owners::Extractor ? 0 : ARCHIVE_EXTRACT_OWNER) |
                      (restored.xattrs ? ARCHIVE_EXTRACT_XATTR : 0) | (restored.acls ? ARCHIVE_EXTRACT_ACL : 0);
    if (archive_write_disk_set_options(writer_.get(), flags) != ARCHIVE_OK) fail("cannot configure the disk writer");
    // Without a lookup libarchive takes the numbers as they are, for owners and for the users and
    // groups a list names alike.
    const bool by_name = restored.owners == Owners::Recorded || (restored.acls && restored.owners != Owners::Numeric);
    if (by_name && archive_write_disk_set_standard_lookup(writer_.get()) != ARCHIVE_OK)
        fail("cannot set up owner name lookup");
}

void DiskExtractor::fail(const std::string& what) const
{
    // libarchive's messages can be as terse as "Write failed": add the system's reason.
    std::string why = archive_error_string(writer_.get()) ? archive_error_string(writer_.get()) : "";
    const int err = archive_errno(writer_.get());
    if (err > 0) {
        const std::string reason = std::strerror(err);
        if (why.find(reason) == std::string::npos) why += why.empty() ? reason : " (" + reason + ")";
    }
    throw Error(ErrorCode::Io, what + ": " + (why.empty() ? "unknown error" : why));
}

fs::path DiskExtractor::target_of(const EntryInfo& entry) const
{
    const auto name = normalise_entry_path(entry.path);
    if (!name) throw Error(ErrorCode::Unsafe, "unsafe entry name " + printable(entry.path) + " refused");
    for (const auto& part : components(*name))
        if (part.size() > kMaxComponentBytes)
            throw Error(ErrorCode::Unsafe, "entry " + printable(*name) + " refused: a name in it is longer than " +
                                               std::to_string(kMaxComponentBytes) + " bytes");
    fs::path target = destination_ / *name;
    if (target.native().size() > kMaxPathBytes)
        throw Error(ErrorCode::Unsafe, "entry " + printable(*name) + " refused: its path would be longer than " +
                                           std::to_string(kMaxPathBytes) + " bytes");
    return target;
}

// Every folder above the entry that already exists must be a real folder: writing into a
// symlinked folder could land anywhere (libarchive's SECURE_SYMLINKS would stop it too, but
// only halfway through the extraction).
void DiskExtractor::check_parents(const EntryInfo& entry) const
{
    const fs::path target = target_of(entry);
    const auto parts = components(target.lexically_relative(destination_).string());
    fs::path p = destination_;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
        p /= parts[i];
        fs::file_status status;
        if (!exists_no_follow(p, status)) return;
        if (fs::is_symlink(status))
            throw Error(ErrorCode::Unsafe, "entry " + printable(entry.path) + " refused: it would be written through the symlink " +
                                               p.string());
        if (!fs::is_directory(status))
            throw Error(ErrorCode::Exists, p.string() + " exists and is not a folder");
    }
}

bool DiskExtractor::link_allowed(const EntryInfo& entry)
{
    if (outside_links_ == OutsideLinks::Create || entry.type != EntryType::Symlink) return true;
    const std::string name = target_of(entry).lexically_relative(destination_).string();
    const auto why = why_link_leaves(name, entry.link_target, planned_links_, destination_);
    if (!why) return true;
    OutsideLink link{name, entry.link_target, *why};
    if (outside_links_ == OutsideLinks::Refuse) {
        const std::string message = refusal_message(link);
        throw LinkRefused(message, {std::move(link)});
    }
    if (skipped_names_.insert(name).second) skipped_links_.push_back(std::move(link));
    return false;
}

void DiskExtractor::check_target(const EntryInfo& entry, const fs::path& target) const
{
    fs::file_status status;
    if (!exists_no_follow(target, status)) return;
    if (fs::is_directory(status)) {
        if (entry.type == EntryType::Directory) return;  // extracting into an existing tree
        throw Error(ErrorCode::Exists, target.string() + " exists and is a folder");
    }
    if (!overwrite_) throw Error(ErrorCode::Exists, target.string() + " already exists");
}

void DiskExtractor::check_targets(std::span<const EntryInfo> entries)
{
    planned_links_.clear();
    std::vector<EntryInfo> normalised(entries.begin(), entries.end());
    for (auto& entry : normalised) {
        entry.path = target_of(entry).lexically_relative(destination_).string();
        if (entry.type == EntryType::Symlink) planned_links_[entry.path] = entry.link_target;
    }
    if (const auto clash = find_entry_under_non_folder(normalised))
        throw Error(ErrorCode::Unsafe, "entry " + printable(normalised[clash->first].path) + " refused: it lies under " +
                                           printable(normalised[clash->second].path) + ", which is not a folder");
    std::vector<OutsideLink> refused;
    for (const auto& entry : normalised) {
        if (entry.type == EntryType::Symlink && outside_links_ != OutsideLinks::Create) {
            if (const auto why = why_link_leaves(entry.path, entry.link_target, planned_links_, destination_)) {
                OutsideLink link{entry.path, entry.link_target, *why};
                if (outside_links_ == OutsideLinks::Refuse) refused.push_back(std::move(link));
                else if (skipped_names_.insert(entry.path).second) skipped_links_.push_back(std::move(link));
                continue;  // never written, so neither its place nor an existing file there matters
            }
        }
        check_parents(entry);
        check_target(entry, target_of(entry));
    }
    if (!refused.empty()) {
        std::string message = refusal_message(refused.front());
        if (refused.size() > 1)
            message += " (and " + std::to_string(refused.size() - 1) + " more symlink" + (refused.size() > 2 ? "s" : "") +
                       " leading outside the destination)";
        throw LinkRefused(message, std::move(refused));
    }
}

void DiskExtractor::write_header(const EntryInfo& entry, const fs::path& path)
{
    std::unique_ptr<archive_entry, EntryFree> e(archive_entry_new());
    archive_entry_set_pathname(e.get(), path.c_str());
    switch (entry.type) {
    case EntryType::File:
        archive_entry_set_filetype(e.get(), AE_IFREG);
        archive_entry_set_perm(e.get(), entry.mode & 07777);
        archive_entry_set_size(e.get(), static_cast<la_int64_t>(entry.size));
        archive_entry_set_mtime(e.get(), entry.mtime_sec, entry.mtime_nsec);
        break;
    case EntryType::Directory:
        // Owner-writable until finish(): its real mode may forbid adding its contents.
        archive_entry_set_filetype(e.get(), AE_IFDIR);
        archive_entry_set_perm(e.get(), 0700);
        break;
    case EntryType::Symlink:
        archive_entry_set_filetype(e.get(), AE_IFLNK);
        archive_entry_set_perm(e.get(), 0777);
        archive_entry_set_symlink(e.get(), entry.link_target.c_str());
        archive_entry_set_mtime(e.get(), entry.mtime_sec, entry.mtime_nsec);
        break;
    }
    if (restored_.owners != Owners::Extractor && entry.owner) {
        archive_entry_set_uid(e.get(), entry.owner->uid);
        archive_entry_set_gid(e.get(), entry.owner->gid);
        if (restored_.owners == Owners::Recorded) {
            if (!entry.owner->user.empty()) archive_entry_set_uname(e.get(), entry.owner->user.c_str());
            if (!entry.owner->group.empty()) archive_entry_set_gname(e.get(), entry.owner->group.c_str());
        }
    }
    entry_written_ = printable(entry.path);
    if (restored_.xattrs) add_attributes(e.get(), entry.xattrs);
    if (restored_.acls && !add_acl(e.get(), entry.acl))
        metadata_failures_.push_back(entry_written_ + ": an access control list this system cannot read");
    note_warning(archive_write_header(writer_.get(), e.get()), "cannot create " + path.string());
}

void DiskExtractor::finish_libarchive_entry()
{
    note_warning(archive_write_finish_entry(writer_.get()),
                 "cannot complete " + (pending_ ? pending_->target.string() : std::string("entry")));
}

void DiskExtractor::note_warning(int result, const std::string& what)
{
    if (result < ARCHIVE_WARN) fail(what);
    // The disk writer warns when it cannot set an owner (not root, an unknown user's number
    // refused by the file system), an attribute (a namespace for root only, a file system
    // without them) or a list; everything else it warns of is set right after, or done.
    const bool restoring = restored_.owners != Owners::Extractor || restored_.xattrs || restored_.acls;
    if (result == ARCHIVE_WARN && restoring) {
        const char* why = archive_error_string(writer_.get());
        const std::string reason = why ? why : what;
        metadata_failures_.push_back(entry_written_.empty() ? reason : entry_written_ + ": " + reason);
    }
}

void DiskExtractor::discard_pending() noexcept
{
    if (!pending_) return;
    if (!pending_->linked) archive_write_finish_entry(writer_.get());  // closes the descriptor; the result no longer matters
    std::error_code ec;
    fs::remove(pending_->temp, ec);
    pending_.reset();
}

void DiskExtractor::begin(const EntryInfo& entry)
{
    discard_pending();
    const fs::path target = target_of(entry);
    if (!link_allowed(entry)) return;  // a symlink left out: nothing to check where it would go
    check_parents(entry);
    check_target(entry, target);
    switch (entry.type) {
    case EntryType::File: {
        PendingFile file{target.parent_path() / temp_name_for(target.filename().string()), target};
        write_header(entry, file.temp);
        pending_ = std::move(file);
        break;
    }
    case EntryType::Directory:
        write_header(entry, target);
        finish_libarchive_entry();
        folders_.push_back({target.lexically_relative(destination_).string(), entry.mode & 07777,
                            entry.mtime_sec, entry.mtime_nsec});
        break;
    case EntryType::Symlink:
        break;  // created in end(), like files only once the reader is done with the entry
    }
}

void DiskExtractor::data(std::span<const uint8_t> bytes)
{
    if (!pending_) throw Error(ErrorCode::Internal, "content for an entry that is not a file");
    if (bytes.empty()) return;
    const la_ssize_t written = archive_write_data(writer_.get(), bytes.data(), bytes.size());
    if (written < 0 || static_cast<size_t>(written) != bytes.size()) fail("cannot write " + pending_->temp.string());
}

void DiskExtractor::end(const EntryInfo& entry)
{
    switch (entry.type) {
    case EntryType::File: {
        if (!pending_) throw Error(ErrorCode::Internal, "end of a file that was not begun");
        if (!pending_->linked) finish_libarchive_entry();
        std::error_code ec;
        fs::rename(pending_->temp, pending_->target, ec);
        if (ec) {
            const std::string target = pending_->target.string();
            discard_pending();
            throw Error(ErrorCode::Io, "cannot create " + target + ": " + ec.message());
        }
        last_file_ = pending_->target;
        // A file that names will be linked to is held open so that its inode cannot be freed and
        // given to another file meanwhile; the others cost nothing more.
        last_file_handle_.reset();
        if (last_file_ == noted_link_target_) {
            Fd handle(::open(last_file_.c_str(), O_PATH | O_NOFOLLOW | O_CLOEXEC));
            if (noted_right_after_) last_file_handle_ = std::move(handle);
            else if (link_targets_.size() < kMaxHeldLinkTargets) link_targets_[last_file_.string()] = std::move(handle);
        }
        pending_.reset();
        break;
    }
    case EntryType::Symlink: {
        const fs::path target = target_of(entry);
        // The same name, or a link above it, may have appeared since begin().
        if (!link_allowed(entry)) break;
        check_parents(entry);
        check_target(entry, target);
        write_header(entry, target);
        finish_libarchive_entry();
        break;
    }
    case EntryType::Directory:
        break;
    }
}

void DiskExtractor::abort(const EntryInfo&) { discard_pending(); }

bool DiskExtractor::link_previous(const EntryInfo&)
{
    struct stat written {};
    if (last_file_.empty() || ::fstat(last_file_handle_.get(), &written) != 0) return false;
    return link_pending_to(last_file_, written.st_dev, written.st_ino);
}

void DiskExtractor::note_link_target(const EntryInfo& entry, bool right_after)
{
    noted_link_target_ = target_of(entry);
    noted_right_after_ = right_after;
}

bool DiskExtractor::link_earlier(const EntryInfo&, const EntryInfo& earlier)
{
    const fs::path source = target_of(earlier);
    const auto held = link_targets_.find(source.string());
    struct stat written {};
    if (held == link_targets_.end() || ::fstat(held->second.get(), &written) != 0) return false;  // not written (left out, or failed)
    return link_pending_to(source, written.st_dev, written.st_ino);
}

bool DiskExtractor::link_pending_to(const fs::path& source, dev_t device, ino_t inode)
{
    if (!pending_ || pending_->linked) return false;
    const fs::path target = pending_->target;
    const fs::path temp = target.parent_path() / temp_name_for(target.filename().string());
    // linkat without AT_SYMLINK_FOLLOW: a symlink put in source's place meanwhile would be
    // linked itself, never followed; and only the very file written is taken.
    if (::linkat(AT_FDCWD, source.c_str(), AT_FDCWD, temp.c_str(), 0) != 0) return false;  // FAT, a link count limit...
    struct stat linked {};
    if (::lstat(temp.c_str(), &linked) != 0 || !S_ISREG(linked.st_mode) || linked.st_dev != device || linked.st_ino != inode) {
        ::unlink(temp.c_str());
        return false;
    }
    discard_pending();
    pending_ = PendingFile{temp, target, true};
    return true;
}

void DiskExtractor::repeat_previous(const EntryInfo& entry)
{
    if (!pending_ || last_file_.empty()) throw Error(ErrorCode::Internal, "a duplicate without the file before it");
    const std::string source = last_file_.string();
    const Fd in(::open(last_file_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (in.get() < 0) throw Error(ErrorCode::Io, "cannot read " + source + " again: " + std::strerror(errno));
    std::vector<uint8_t> buffer(1 << 20);
    Xxh64Stream hash;
    uint64_t copied = 0;
    for (;;) {
        const ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw Error(ErrorCode::Io, "cannot read " + source + ": " + std::strerror(errno));
        if (n == 0) break;
        const auto bytes = std::span<const uint8_t>(buffer).first(static_cast<size_t>(n));
        hash.update(bytes);
        data(bytes);
        copied += bytes.size();
    }
    if (copied != entry.size || !checksum_matches(entry.content_hash, hash.digest()))
        throw Error(ErrorCode::Io, source + " changed while it was being extracted");
}

void DiskExtractor::finish()
{
    discard_pending();
    // Folders' access control lists are set here (libarchive's fixups); which one failed it does
    // not say.
    entry_written_.clear();
    note_warning(archive_write_close(writer_.get()), "cannot complete extraction");
    // Deepest first: setting a folder's mtime must come after every change inside it.
    auto depth = [](const FolderFixup& f) { return std::count(f.relative.begin(), f.relative.end(), '/'); };
    std::stable_sort(folders_.begin(), folders_.end(),
                     [&](const FolderFixup& a, const FolderFixup& b) { return depth(a) > depth(b); });
    for (const auto& folder : folders_) {
        if (!real_folder_chain(destination_, folder.relative)) continue;  // replaced since; not ours
        const fs::path path = destination_ / folder.relative;
        if (::chmod(path.c_str(), folder.mode) != 0)
            throw Error(ErrorCode::Io, "cannot set the mode of " + path.string() + ": " + std::strerror(errno));
        const timespec times[2] = {{0, UTIME_NOW}, {static_cast<time_t>(folder.mtime_sec), static_cast<long>(folder.mtime_nsec)}};
        if (::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW) != 0)
            throw Error(ErrorCode::Io, "cannot set the time of " + path.string() + ": " + std::strerror(errno));
    }
    folders_.clear();
}

}  // namespace nnz

namespace nnz {

std::vector<OutsideLink> links_leading_outside(std::span<const EntryInfo> entries, const fs::path& destination)
{
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(fs::absolute(destination, ec), ec);
    if (ec) return {};
    PlannedLinks planned;
    for (const auto& entry : entries)
        if (const auto name = normalise_entry_path(entry.path); name && entry.type == EntryType::Symlink)
            planned[*name] = entry.link_target;
    std::vector<OutsideLink> links;
    for (const auto& [name, target] : planned)
        if (const auto why = why_link_leaves(name, target, planned, base)) links.push_back({name, target, *why});
    return links;
}

}  // namespace nnz
