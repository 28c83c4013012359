#include "compare_job.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include "../checksum.hpp"
#include "../container/archive_reader.hpp"
#include "../container/entry_path.hpp"
#include "../container/temp_file.hpp"
#include "../error.hpp"
#include "../fs/disk_attributes.hpp"
#include "../interop/opened_archive.hpp"
#include "extract_job.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

std::string octal(uint32_t mode)
{
    char text[8];
    std::snprintf(text, sizeof text, "%04o", mode);
    return text;
}

const char* kind_of(EntryType type)
{
    switch (type) {
    case EntryType::File: return "a file";
    case EntryType::Directory: return "a folder";
    case EntryType::Symlink: return "a symbolic link";
    }
    return "?";
}

const char* kind_of(mode_t mode)
{
    if (S_ISREG(mode)) return "a file";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISLNK(mode)) return "a symbolic link";
    if (S_ISFIFO(mode)) return "a fifo";
    if (S_ISSOCK(mode)) return "a socket";
    return "a device";
}

bool same_kind(EntryType type, mode_t mode)
{
    return (type == EntryType::File && S_ISREG(mode)) || (type == EntryType::Directory && S_ISDIR(mode)) ||
           (type == EntryType::Symlink && S_ISLNK(mode));
}

// XXH64 of the file's bytes; an error message instead when it cannot be read through.
std::string hash_file(const fs::path& path, uint64_t& hash, JobControl& control)
{
    // O_NONBLOCK: a fifo put in the file's place since it was looked at must not hang the job.
    Fd file(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    if (file.get() < 0) return std::strerror(errno);
    struct stat st {};
    if (::fstat(file.get(), &st) != 0) return std::strerror(errno);
    if (!S_ISREG(st.st_mode)) return "no longer a file";
    Xxh64Stream stream;
    // Sized to the file (up to 1 MiB): most files are small, and zeroing a full buffer for each
    // cost more than reading them.
    std::vector<uint8_t> buffer(static_cast<size_t>(std::clamp<off_t>(st.st_size, 1, 1 << 20)));
    for (;;) {
        control.checkpoint();
        const ssize_t got = ::read(file.get(), buffer.data(), buffer.size());
        if (got < 0) {
            if (errno == EINTR) continue;
            return std::strerror(errno);
        }
        if (got == 0) break;
        stream.update(std::span(buffer.data(), static_cast<size_t>(got)));
        control.done_input += static_cast<uint64_t>(got);
    }
    hash = stream.digest();
    return {};
}

// How a file's content is compared: through the checksum an .nnz keeps, or later, as a foreign
// archive's content is decoded (ContentComparer).
enum class Content { ByChecksum, Later };

// How times are compared: to the nanosecond (.nnz, a pax tar), in steps of `step` nanoseconds
// (a 7z keeps 100 ns), or to the second with a tolerance (a zip's DOS times are rounded to two
// seconds).
struct TimeResolution {
    bool nanoseconds = true;
    int64_t tolerance = 0;
    uint32_t step = 1;  // nanoseconds: the archive's own unit
};

std::vector<std::string> differences(const EntryInfo& entry, const fs::path& path, DiskAttributeReader& attributes,
                                     JobControl& control, Content content, TimeResolution time, bool& content_later)
{
    content_later = false;
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR) return {"missing on disk"};
        return {std::string("cannot read: ") + std::strerror(errno)};
    }
    if (!same_kind(entry.type, st.st_mode))
        return {std::string(kind_of(entry.type)) + " in the archive, " + kind_of(st.st_mode) + " on disk"};
    std::vector<std::string> what;
    if (entry.type == EntryType::File) {
        if (static_cast<uint64_t>(st.st_size) != entry.size) {
            what.push_back("size " + std::to_string(entry.size) + " -> " + std::to_string(st.st_size));
        } else if (content == Content::Later) {
            content_later = true;
        } else {
            uint64_t hash = 0;
            if (const std::string error = hash_file(path, hash, control); !error.empty()) what.push_back("cannot read: " + error);
            else if (hash != entry.content_hash) what.push_back("content");
        }
    }
    if (entry.type == EntryType::Symlink) {
        std::error_code ec;
        const fs::path target = fs::read_symlink(path, ec);
        if (ec) what.push_back("cannot read: " + ec.message());
        else if (target.string() != entry.link_target)
            what.push_back("link target " + escaped_name(entry.link_target) + " -> " + escaped_name(target.string()));
    }
    // The mode as the archive records it: with an access control list the group bits are the
    // owning group's entry (DiskAttributeReader), and the list and attributes themselves.
    EntryInfo found;
    found.type = entry.type;
    found.mode = static_cast<uint32_t>(st.st_mode) & 07777;
    std::vector<std::string> ignored;
    attributes.read(path.string(), found, ignored);
    if (entry.type != EntryType::Symlink && found.mode != entry.mode)
        what.push_back("mode " + octal(entry.mode) + " -> " + octal(found.mode));
    // A folder's time changes whenever something in it does: not compared (as tar -d).
    const bool same_time = time.nanoseconds ? st.st_mtim.tv_sec == entry.mtime_sec &&
                                                  static_cast<uint32_t>(st.st_mtim.tv_nsec) / time.step == entry.mtime_nsec / time.step
                                            : std::abs(static_cast<int64_t>(st.st_mtim.tv_sec) - entry.mtime_sec) <= time.tolerance;
    if (entry.type != EntryType::Directory && !same_time) what.push_back("modified");
    if (entry.owner && (entry.owner->uid != st.st_uid || entry.owner->gid != st.st_gid))
        what.push_back("owner " + std::to_string(entry.owner->uid) + ":" + std::to_string(entry.owner->gid) + " -> " +
                       std::to_string(st.st_uid) + ":" + std::to_string(st.st_gid));
    if (found.xattrs != entry.xattrs) what.push_back("extended attributes");
    if (found.acl != entry.acl) what.push_back("access control list");
    return what;
}

// Compares each file it receives, as it is decoded, with the file on disk of the same name: its
// XXH64 against the disk's. Only for files of the same size on disk (the rest were told apart).
class ContentComparer : public EntrySink {
public:
    explicit ContentComparer(const fs::path& base) : base_(base) {}
    void begin(const EntryInfo&) override { stream_.emplace(); }
    void data(std::span<const uint8_t> bytes) override { stream_->update(bytes); }
    void end(const EntryInfo& entry) override
    {
        uint64_t on_disk = 0;
        JobControl quiet;  // the archive's bytes are what the progress counts here
        if (const std::string error = hash_file(base_ / entry.path, on_disk, quiet); !error.empty())
            differing_[entry.path] = "cannot read: " + error;
        else if (on_disk != stream_->digest())
            differing_[entry.path] = "content";
        stream_.reset();
    }
    void abort(const EntryInfo&) override { stream_.reset(); }
    // What differs, by entry name.
    const std::map<std::string, std::string>& differing() const { return differing_; }

private:
    fs::path base_;
    std::optional<Xxh64Stream> stream_;
    std::map<std::string, std::string> differing_;
};

}  // namespace

std::string describe(const Difference& difference)
{
    std::string line = escaped_name(difference.path) + ":";
    for (size_t k = 0; k < difference.what.size(); ++k) line += (k ? ", " : " ") + difference.what[k];
    return line;
}

std::vector<Difference> compare_with_disk(const fs::path& archive, const fs::path& base, std::span<const std::string> names,
                                          JobControl& control, const Passphrase& passphrase, const EntryPatterns& excluded)
{
    const auto opened = open_archive(archive, &control, passphrase);
    const bool foreign = opened->nnz() == nullptr;
    const auto& entries = opened->entries();
    std::vector<size_t> chosen = select_entries(entries, names);
    if (chosen.empty())
        for (size_t i = 0; i < entries.size(); ++i) chosen.push_back(i);
    std::erase_if(chosen, [&](size_t i) { return excluded.matches(entries[i].path); });
    uint64_t total = 0;
    for (size_t i : chosen) total += entries[i].size;
    control.total_input = total;
    control.done_input = 0;
    std::set<std::string, std::less<>> archived;
    for (const auto& e : entries) archived.insert(e.path);

    // Attributes and lists count where the archive holds some: one made before 0.15 or with
    // --no-xattrs or --no-acls holds none, which says nothing about the files.
    const bool has_attributes = std::any_of(entries.begin(), entries.end(), [](const EntryInfo& e) { return !e.xattrs.empty(); });
    const bool has_lists = std::any_of(entries.begin(), entries.end(), [](const EntryInfo& e) { return !e.acl.empty(); });
    DiskAttributeReader attributes(RecordedMetadata{true, has_attributes, has_lists});
    // A foreign archive keeps no checksums: the files whose size matches are decoded and hashed
    // after the walk. Its times are whole seconds (a zip's, two), unless it holds finer ones (a
    // pax tar's nanoseconds, a 7z's 100 ns): then to those.
    const Content content = foreign ? Content::Later : Content::ByChecksum;
    const bool finer = std::any_of(entries.begin(), entries.end(), [](const EntryInfo& e) { return e.mtime_nsec != 0; });
    const TimeResolution time = !foreign ? TimeResolution{}
                                : finer  ? TimeResolution{true, 0, opened->format() == "7z" || opened->format() == "zip" ? 100u : 1u}
                                         : TimeResolution{false, opened->format() == "zip" ? 1 : 0};
    if (foreign) opened->check_readable(chosen);
    std::vector<Difference> found;
    std::vector<size_t> decode;  // foreign files whose content is still to compare
    std::map<std::string, size_t> found_at;  // entry name -> its place in found
    for (size_t i : chosen) {
        control.checkpoint();
        const EntryInfo& entry = entries[i];
        const fs::path path = base / entry.path;
        const uint64_t done_before = control.done_input;
        bool later = false;
        auto what = differences(entry, path, attributes, control, content, time, later);
        if (later) decode.push_back(i);
        if (!what.empty() || later) {
            found_at[entry.path] = found.size();
            found.push_back({entry.path, std::move(what)});
        }
        if (!foreign) control.done_input = done_before + entry.size;  // read or not (missing, another size)
        if (entry.type != EntryType::Directory) continue;
        std::error_code ec;
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        std::set<std::string> extra;
        for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
            if (const std::string name = entry.path + "/" + it->path().filename().string();
                !archived.contains(name) && !excluded.matches(name))
                extra.insert(name);
        for (const auto& name : extra) found.push_back({name, {"only on disk"}});
    }
    if (!decode.empty()) {
        control.done_input = 0;  // the decoding's progress, of the archive's bytes
        ContentComparer comparer(base);
        opened->extract(decode, comparer, control);
        for (const auto& [name, what] : comparer.differing()) {
            auto& parts = found[found_at.at(name)].what;
            parts.insert(parts.begin(), what);  // content first, as for an .nnz
        }
    }
    // Entries kept only for their content, which matched.
    std::erase_if(found, [](const Difference& d) { return d.what.empty(); });
    return found;
}

}  // namespace nnz
