#include "disk_walker.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <system_error>

#include "../container/entry_path.hpp"
#include "../container/temp_file.hpp"
#include "../error.hpp"
#include "disk_attributes.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

struct ReadDiskFree {
    void operator()(archive* a) const { archive_read_free(a); }
};
struct EntryFree {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};
using ReadDiskPtr = std::unique_ptr<archive, ReadDiskFree>;
using EntryPtr = std::unique_ptr<archive_entry, EntryFree>;

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string shown_name(std::string_view name) { return in_quotes(escaped_name(name)); }

std::string archive_message(archive* a)
{
    const char* message = archive_error_string(a);
    return message ? message : "unknown error";
}

// What the input itself is called inside the archive. Resolved lexically on the absolute path so
// "dir/", "." and "a/.." name the folder a person means, without following a symlinked input.
std::string base_name(const fs::path& input)
{
    fs::path p = fs::absolute(input).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    return p.filename().string();
}

// libarchive names descendants "<opened path>/<rest>"; trailing slashes would double the separator.
std::string open_name(const fs::path& input)
{
    std::string s = input.string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

ReadDiskPtr open_disk_reader(const std::string& path, bool follow_symlinks, bool one_file_system)
{
    ReadDiskPtr reader(archive_read_disk_new());
    if (!reader) throw Error(ErrorCode::Internal, "cannot allocate a libarchive disk reader");
    // Following, a link to a folder that holds it (a loop) is not entered: it is stored as the
    // link it is, as is a link whose target is missing.
    if (follow_symlinks) archive_read_disk_set_symlink_logical(reader.get());
    else archive_read_disk_set_symlink_physical(reader.get());
    if (archive_read_disk_set_standard_lookup(reader.get()) != ARCHIVE_OK)  // owner names
        throw Error(ErrorCode::Internal, "cannot set up owner name lookup: " + archive_message(reader.get()));
    // File flags (chattr) are not stored, and holes are found again when extracting; attributes
    // and lists are read by DiskAttributeReader, with fewer system calls per file.
    archive_read_disk_set_behavior(reader.get(), ARCHIVE_READDISK_NO_FFLAGS | ARCHIVE_READDISK_NO_SPARSE |
                                                     ARCHIVE_READDISK_NO_XATTR | ARCHIVE_READDISK_NO_ACL |
                                                     (one_file_system ? ARCHIVE_READDISK_NO_TRAVERSE_MOUNTS : 0));
    if (archive_read_disk_open(reader.get(), path.c_str()) != ARCHIVE_OK)
        throw Error(ErrorCode::Io, "cannot read " + path + ": " + archive_message(reader.get()));
    return reader;
}

EntryOwner owner_of(archive_entry* entry)
{
    EntryOwner owner;
    owner.uid = static_cast<uint32_t>(archive_entry_uid(entry));
    owner.gid = static_cast<uint32_t>(archive_entry_gid(entry));
    const char* user = archive_entry_uname(entry);
    const char* group = archive_entry_gname(entry);
    if (user && valid_owner_name(user)) owner.user = user;
    if (group && valid_owner_name(group)) owner.group = group;
    return owner;
}

// Whether the folder holds a cache directory tag: a CACHEDIR.TAG starting with its signature.
bool holds_cache_tag(const std::string& folder)
{
    static constexpr std::string_view kSignature = "Signature: 8a477f597d28d172789f06886806bc55";
    const Fd tag(::open((folder + "/CACHEDIR.TAG").c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (tag.get() < 0) return false;
    std::string head(kSignature.size(), '\0');
    return ::pread(tag.get(), head.data(), head.size(), 0) == static_cast<ssize_t>(head.size()) && head == kSignature;
}

void walk_one(const fs::path& input, std::vector<InputItem>& items, std::vector<std::string>& warnings,
              const WalkOptions& options)
{
    const bool skip_unreadable = options.skip_unreadable;
    std::error_code ec;
    const auto status = fs::symlink_status(input, ec);
    if (ec || !fs::exists(status))
        throw Error(ErrorCode::Io, "cannot read " + input.string() + ": " +
                                       (ec ? ec.message() : std::generic_category().message(ENOENT)));
    const std::string base = base_name(input);
    if (base.empty() || base == "..")
        throw Error(ErrorCode::Usage, "cannot archive " + in_quotes(input.string()) + ": it has no name to store");

    const std::string opened = open_name(input);
    auto reader = open_disk_reader(opened, options.follow_symlinks, options.one_file_system);
    DiskAttributeReader attributes(options.recorded, options.follow_symlinks);
    // Disk names of the tagged folders met (exclude_caches, exclude_tags), with the tags they keep.
    std::map<std::string, std::set<std::string>> tagged_folders;
    EntryPtr entry(archive_entry_new());
    for (;;) {
        archive_entry_clear(entry.get());
        const int r = archive_read_next_header2(reader.get(), entry.get());
        if (r == ARCHIVE_EOF) break;
        const char* raw_name = archive_entry_pathname(entry.get());
        const std::string disk_name = raw_name ? raw_name : opened;
        if (r < ARCHIVE_WARN)
            throw Error(ErrorCode::Io, "cannot read " + disk_name + ": " + archive_message(reader.get()));
        if (r == ARCHIVE_WARN) warnings.push_back(disk_name + ": " + archive_message(reader.get()));
        if (disk_name.compare(0, opened.size(), opened) != 0)
            throw Error(ErrorCode::Internal, "unexpected name from the disk reader: " + disk_name);
        const auto normalised = normalise_entry_path(base + disk_name.substr(opened.size()));
        if (!normalised) {
            // Archive names are UTF-8: such a file (a folder with all it holds) cannot be kept.
            const std::string why = "its name is not valid UTF-8 or contains control characters";
            if (!skip_unreadable) throw Error(ErrorCode::Io, "cannot store " + shown_name(disk_name) + ": " + why);
            warnings.push_back("skipped " + shown_name(disk_name) + ": " + why);
            continue;  // not descended into
        }
        if (options.excluded.matches(*normalised)) continue;  // a folder is not even entered
        if (!tagged_folders.empty()) {
            const auto slash = disk_name.rfind('/');
            if (slash != std::string::npos) {
                const auto tagged = tagged_folders.find(disk_name.substr(0, slash));
                if (tagged != tagged_folders.end() && !tagged->second.contains(disk_name.substr(slash + 1)))
                    continue;  // in a tagged folder: not entered either
            }
        }
        if (archive_read_disk_can_descend(reader.get()) && archive_read_disk_descend(reader.get()) != ARCHIVE_OK)
            throw Error(ErrorCode::Io, "cannot read " + disk_name + ": " + archive_message(reader.get()));

        InputItem item;
        EntryInfo& info = item.info;
        info.path = *normalised;
        info.mode = archive_entry_perm(entry.get()) & 07777;
        info.mtime_sec = archive_entry_mtime(entry.get());
        info.mtime_nsec = static_cast<uint32_t>(archive_entry_mtime_nsec(entry.get()));
        // Before the check that it can be read: what is not chosen may be unreadable.
        if (archive_entry_filetype(entry.get()) != AE_IFDIR &&
            ((options.modified_after && ModificationTime{info.mtime_sec, info.mtime_nsec} <= *options.modified_after) ||
             (!options.included.empty() && !options.included.matches(info.path)))) {
            if (options.on_not_chosen) options.on_not_chosen(info.path);
            continue;
        }
        if (options.recorded.owners) info.owner = owner_of(entry.get());
        switch (archive_entry_filetype(entry.get())) {
        case AE_IFREG:
            info.type = EntryType::File;
            info.size = static_cast<uint64_t>(archive_entry_size(entry.get()));
            if (archive_entry_nlink(entry.get()) > 1) {
                item.device = static_cast<uint64_t>(archive_entry_dev(entry.get()));
                item.inode = static_cast<uint64_t>(archive_entry_ino64(entry.get()));
            }
            // Fail now rather than after compressing everything that came before it. (This uses the
            // real user id and cannot see everything, so the writer checks again when it opens it.)
            if (::access(disk_name.c_str(), R_OK) != 0) {
                const std::string reason = std::strerror(errno);
                if (!skip_unreadable) throw Error(ErrorCode::Io, "cannot read " + disk_name + ": " + reason);
                warnings.push_back("skipped " + disk_name + ": cannot read: " + reason);
                continue;
            }
            break;
        case AE_IFDIR:
            info.type = EntryType::Directory;
            if (options.exclude_caches && holds_cache_tag(disk_name)) tagged_folders[disk_name].insert("CACHEDIR.TAG");
            for (const auto& tag : options.exclude_tags)
                if (struct stat st {}; ::lstat((disk_name + '/' + tag).c_str(), &st) == 0) tagged_folders[disk_name].insert(tag);
            break;
        case AE_IFLNK: {
            info.type = EntryType::Symlink;
            const char* target = archive_entry_symlink(entry.get());
            info.link_target = target ? target : "";
            break;
        }
        default:
            warnings.push_back("skipped " + disk_name + ": not a regular file, folder or symlink");
            continue;
        }
        attributes.read(disk_name, info, warnings);
        item.source = disk_name;
        items.push_back(std::move(item));
    }
}

// With include patterns: a folder stays when one matches it or it holds something kept.
void keep_folders_that_lead_somewhere(std::vector<InputItem>& items, const EntryPatterns& included)
{
    std::vector<bool> chosen(items.size());
    std::set<std::string, std::less<>> leading;
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string_view path = items[i].info.path;
        chosen[i] = items[i].info.type != EntryType::Directory || included.matches(path);
        if (chosen[i]) add_folders_above(path, leading);
    }
    std::vector<InputItem> kept;
    kept.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i)
        if (chosen[i] || leading.contains(items[i].info.path)) kept.push_back(std::move(items[i]));
    items = std::move(kept);
}

}  // namespace

std::vector<InputItem> walk_inputs(std::span<const fs::path> inputs, std::vector<std::string>& warnings,
                                   const WalkOptions& options)
{
    std::vector<InputItem> items;
    for (const auto& input : inputs) walk_one(input, items, warnings, options);
    std::sort(items.begin(), items.end(),
              [](const InputItem& a, const InputItem& b) { return a.info.path < b.info.path; });
    const auto dup = std::adjacent_find(items.begin(), items.end(), [](const InputItem& a, const InputItem& b) {
        return a.info.path == b.info.path;
    });
    if (dup != items.end())
        throw Error(ErrorCode::Usage, "two inputs give the same entry name " + in_quotes(dup->info.path));
    if (!options.included.empty()) keep_folders_that_lead_somewhere(items, options.included);
    return items;
}

std::vector<InputItem> walk_inputs(std::span<const fs::path> inputs)
{
    std::vector<std::string> ignored;
    return walk_inputs(inputs, ignored);
}

}  // namespace nnz
