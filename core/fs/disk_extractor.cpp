#include "disk_extractor.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>
#include <system_error>

#include "../container/entry_path.hpp"
#include "../error.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

// Secure flags close ".." names and writing through symlinks; PERM and TIME restore what we store.
// NOABSOLUTEPATHS is left out on purpose: every path we hand over is the canonical destination
// joined with a re-validated relative name (see DESIGN.md section 9).
constexpr int kWriteFlags = ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_SECURE_SYMLINKS |
                            ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_TIME;

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

void DiskExtractor::fail(const std::string& what) const
{
    const char* message = archive_error_string(writer_.get());
    throw Error(ErrorCode::Io, what + ": " + (message ? message : "unknown error"));
}

fs::path DiskExtractor::target_of(const EntryInfo& entry) const
{
    const auto name = normalise_entry_path(entry.path);
    if (!name) throw Error(ErrorCode::Unsafe, "unsafe entry name \"" + entry.path + "\" refused");
    return destination_ / *name;
}

void DiskExtractor::check_target(const EntryInfo& entry, const fs::path& target) const
{
    fs::file_status status;
    if (!exists_no_follow(target, status)) return;
    if (fs::is_directory(status)) {
        if (entry.type == EntryType::Directory) return;  // extracting into an existing tree
        throw Error(ErrorCode::Exists, target.string() + " exists and is a folder");
    }
    if (!overwrite_) throw Error(ErrorCode::Exists, target.string() + " exists (use -f to overwrite)");
}

void DiskExtractor::check_targets(std::span<const EntryInfo> entries) const
{
    for (const auto& entry : entries) check_target(entry, target_of(entry));
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
    if (archive_write_header(writer_.get(), e.get()) < ARCHIVE_WARN) fail("cannot create " + path.string());
}

void DiskExtractor::finish_libarchive_entry()
{
    if (archive_write_finish_entry(writer_.get()) < ARCHIVE_WARN)
        fail("cannot complete " + (pending_ ? pending_->target.string() : std::string("entry")));
}

void DiskExtractor::discard_pending() noexcept
{
    if (!pending_) return;
    archive_write_finish_entry(writer_.get());  // closes the descriptor; the result no longer matters
    std::error_code ec;
    fs::remove(pending_->temp, ec);
    pending_.reset();
}

void DiskExtractor::begin(const EntryInfo& entry)
{
    discard_pending();
    const fs::path target = target_of(entry);
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
        finish_libarchive_entry();
        std::error_code ec;
        fs::rename(pending_->temp, pending_->target, ec);
        if (ec) {
            const std::string target = pending_->target.string();
            discard_pending();
            throw Error(ErrorCode::Io, "cannot create " + target + ": " + ec.message());
        }
        pending_.reset();
        break;
    }
    case EntryType::Symlink: {
        const fs::path target = target_of(entry);
        check_target(entry, target);  // the same name may have appeared since begin()
        write_header(entry, target);
        finish_libarchive_entry();
        break;
    }
    case EntryType::Directory:
        break;
    }
}

void DiskExtractor::abort(const EntryInfo&) { discard_pending(); }

void DiskExtractor::finish()
{
    discard_pending();
    if (archive_write_close(writer_.get()) < ARCHIVE_WARN) fail("cannot complete extraction");
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
