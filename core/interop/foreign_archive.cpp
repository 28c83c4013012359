#include "foreign_archive.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "../container/entry_path.hpp"
#include "../container/format.hpp"
#include "../fs/entry_metadata.hpp"
#include "foreign_names.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

constexpr size_t kReadBlock = 64 << 10;   // bytes libarchive reads from the file at a time
constexpr size_t kCopyChunk = 256 << 10;  // bytes handed to a sink at a time

// Names come from untrusted archives: control characters would reach a terminal through error
// messages, so they are shown escaped.
std::string in_quotes(std::string_view name)
{
    std::string out = "\"";
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", u);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// Names such as "." or "./" that stand for the archive's root folder, stored by `tar -C dir .`.
bool names_the_root(std::string_view name)
{
    if (name.empty() || name.front() == '/') return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return c == '.' || c == '/'; }) &&
           name.find("..") == std::string_view::npos;
}

std::string filter_suffix(int code, const char* name)
{
    switch (code) {
    case ARCHIVE_FILTER_GZIP: return "gz";
    case ARCHIVE_FILTER_BZIP2: return "bz2";
    case ARCHIVE_FILTER_COMPRESS: return "Z";
    case ARCHIVE_FILTER_LZMA: return "lzma";
    case ARCHIVE_FILTER_XZ: return "xz";
    case ARCHIVE_FILTER_LZIP: return "lz";
    case ARCHIVE_FILTER_LZ4: return "lz4";
    case ARCHIVE_FILTER_ZSTD: return "zst";
    case ARCHIVE_FILTER_UU: return "uu";
    default: return name ? name : "filtered";
    }
}

std::string format_label(archive* a)
{
    std::string label;
    switch (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) {
    case ARCHIVE_FORMAT_CPIO: label = "cpio"; break;
    case ARCHIVE_FORMAT_TAR: label = "tar"; break;
    case ARCHIVE_FORMAT_ISO9660: label = "iso"; break;
    case ARCHIVE_FORMAT_ZIP: label = "zip"; break;
    case ARCHIVE_FORMAT_AR: label = "ar"; break;
    case ARCHIVE_FORMAT_XAR: label = "xar"; break;
    case ARCHIVE_FORMAT_LHA: label = "lha"; break;
    case ARCHIVE_FORMAT_CAB: label = "cab"; break;
    case ARCHIVE_FORMAT_RAR:
    case ARCHIVE_FORMAT_RAR_V5: label = "rar"; break;
    case ARCHIVE_FORMAT_7ZIP: label = "7z"; break;
    default: label = "archive"; break;
    }
    // Filter 0 is the one next to the format ("tar.gz": gzip); the last is the file itself.
    for (int i = 0; i + 1 < archive_filter_count(a); ++i)
        if (archive_filter_code(a, i) != ARCHIVE_FILTER_NONE) {
            label += '.';
            label += filter_suffix(archive_filter_code(a, i), archive_filter_name(a, i));
        }
    return label;
}

// One pass of libarchive over the file: headers in order, the data of the current one.
class Reader {
public:
    Reader(const fs::path& path, const Passphrase& passphrase) : path_(path), has_passphrase_(!passphrase.empty())
    {
        // libarchive's own open errors do not tell "missing" from "not an archive".
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) throw Error(ErrorCode::Io, "cannot open " + path.string() + ": " + std::strerror(errno));
        ::close(fd);
        std::error_code ec;
        if (fs::is_directory(path, ec))
            throw Error(ErrorCode::Io, "cannot open " + path.string() + ": " + std::strerror(EISDIR));

        a_.reset(archive_read_new());
        if (!a_) throw Error(ErrorCode::Internal, "cannot allocate a libarchive reader");
        // Every format that stores its entries' data itself. Left out on purpose: mtree (its
        // entries name files on this machine, which would then be read), raw and empty.
        archive* a = a_.get();
        archive_read_support_format_7zip(a);
        archive_read_support_format_ar(a);
        archive_read_support_format_cab(a);
        archive_read_support_format_cpio(a);
        archive_read_support_format_iso9660(a);
        archive_read_support_format_lha(a);
        archive_read_support_format_rar(a);
        archive_read_support_format_rar5(a);
        archive_read_support_format_tar(a);
        archive_read_support_format_xar(a);
        archive_read_support_format_zip(a);
        // Compression filters built into libarchive (none that would start an external program).
        archive_read_support_filter_bzip2(a);
        archive_read_support_filter_compress(a);
        archive_read_support_filter_gzip(a);
        archive_read_support_filter_lz4(a);
        archive_read_support_filter_lzip(a);
        archive_read_support_filter_lzma(a);
        archive_read_support_filter_uu(a);
        archive_read_support_filter_xz(a);
        archive_read_support_filter_zstd(a);
        // libarchive copies it; text() views a std::string, so it ends with a NUL.
        if (!passphrase.empty()) archive_read_add_passphrase(a, passphrase.text().data());
        if (archive_read_open_filename(a, path.c_str(), kReadBlock) != ARCHIVE_OK) {
            // libarchive says "Unrecognized archive format" when no reader bid for the file;
            // anything else is a known format that failed ("truncated gzip input", ...).
            if (message().find("Unrecognized archive format") != std::string::npos)
                throw Error(ErrorCode::Data, path.string() + ": not an nnzip archive, nor an archive format nnzip can read");
            throw damaged();
        }
    }

    archive* get() const { return a_.get(); }
    // The header now current, counted from 0; nothing before the first next().
    std::optional<size_t> position() const { return position_; }

    // The next header, or nullptr at the end. Throws Error(Data) for a damaged archive.
    archive_entry* next()
    {
        archive_entry* entry = nullptr;
        const int r = archive_read_next_header(a_.get(), &entry);
        if (r == ARCHIVE_EOF) return nullptr;
        // ARCHIVE_WARN: a name that does not convert to UTF-8 and the like, handled per entry.
        if (r < ARCHIVE_WARN || r == ARCHIVE_RETRY) throw damaged();
        position_ = position_ ? *position_ + 1 : 0;
        encrypted_ = archive_entry_is_encrypted(entry) != 0;
        return entry;
    }

    // Moves to the header at `header`, which must lie ahead. Throws Error(Data) when the archive
    // ends first or holds another name there than when it was scanned.
    archive_entry* seek(size_t header, const std::string& expected_name)
    {
        archive_entry* entry = nullptr;
        while (!position_ || *position_ < header) {
            entry = next();
            if (!entry) break;
        }
        if (!entry || *position_ != header || stored_name(entry) != expected_name)
            throw Error(ErrorCode::Io, "cannot read " + path_.string() + ": the archive changed while reading");
        return entry;
    }

    // Content bytes of the current entry; 0 at its end. Throws Error(Data) when damaged.
    size_t data(void* out, size_t size, const std::string& entry_name)
    {
        const la_ssize_t n = archive_read_data(a_.get(), out, size);
        if (n < 0) {
            const char* what = archive_error_string(a_.get());
            // "Incorrect passphrase", "Passphrase required for this entry".
            if (what && std::string_view(what).find("assphrase") != std::string_view::npos)
                throw Error(ErrorCode::Password, path_.string() + ": wrong password for " + in_quotes(entry_name));
            // PKWARE encryption checks a password with one byte: most wrong ones show only as a
            // bad CRC.
            if (encrypted_ && has_passphrase_)
                throw Error(ErrorCode::Password, path_.string() + ": cannot read " + in_quotes(entry_name) +
                                                     ": wrong password, or the archive is damaged (" +
                                                     (what ? what : "unknown error") + ")");
            throw Error(ErrorCode::Data, path_.string() + ": cannot read " + in_quotes(entry_name) +
                                             ", the archive is damaged or unsupported (" +
                                             (what ? what : "unknown error") + ")");
        }
        return static_cast<size_t>(n);
    }

    Error damaged() const
    {
        return Error(ErrorCode::Data, path_.string() + ": damaged or unsupported archive (" + message() + ")");
    }

    std::string stored_name(archive_entry* entry) const
    {
        return name_from(archive_entry_pathname_utf8(entry), archive_entry_pathname(entry));
    }

    // A name (or link target) as UTF-8 where libarchive could give it so; one it could not is read
    // in the character set chosen, or a zip's as code page 437 (foreign_names.hpp); any other
    // stays as its bytes, and is refused.
    std::string name_from(const char* utf8, const char* raw) const
    {
        if (utf8) return utf8;
        if (!raw) return "";
        const bool zip = (archive_format(a_.get()) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP;
        return utf8_name_from(raw, zip).value_or(raw);
    }

private:
    std::string message() const
    {
        const char* m = archive_error_string(a_.get());
        return m ? m : "unknown error";
    }

    struct Free {
        void operator()(archive* a) const { archive_read_free(a); }
    };
    fs::path path_;
    std::unique_ptr<archive, Free> a_;
    std::optional<size_t> position_;
    bool has_passphrase_ = false;
    bool encrypted_ = false;  // the current entry
};

}  // namespace

ForeignArchive::ForeignArchive(fs::path path, JobControl* control, const Passphrase& passphrase)
    : path_(std::move(path)), passphrase_(passphrase)
{
    std::error_code ec;
    file_size_ = fs::file_size(path_, ec);
    if (ec) file_size_ = 0;
    scan(control);
    infos_.reserve(entries_.size());
    for (const auto& e : entries_) infos_.push_back(e.info);
}

namespace {

// Formats whose entries say who owned them (zip's and 7z's owners, where present at all, are
// mostly 0 for "unknown").
bool carries_owners(archive* a)
{
    const int base = archive_format(a) & ARCHIVE_FORMAT_BASE_MASK;
    return base == ARCHIVE_FORMAT_TAR || base == ARCHIVE_FORMAT_CPIO;
}

}  // namespace

void ForeignArchive::scan(JobControl* control)
{
    Reader reader(path_, passphrase_);
    if (control) control->total_input = file_size_;
    std::unordered_map<std::string, size_t> by_name;  // normalised name -> index in entries_
    std::vector<bool> dropped;
    while (archive_entry* entry = reader.next()) {
        if (control) {
            control->checkpoint();
            control->done_input = static_cast<uint64_t>(std::max<la_int64_t>(0, archive_filter_bytes(reader.get(), -1)));
        }
        const size_t header = *reader.position();
        const std::string stored = reader.stored_name(entry);
        header_names_.push_back(stored);
        if (names_the_root(stored)) continue;

        ForeignEntry e;
        e.header = e.content_header = header;
        EntryInfo& info = e.info;
        const auto normalised = normalise_entry_path(stored);
        info.path = normalised ? *normalised : stored;
        info.mode = archive_entry_perm(entry) & 07777;
        if (archive_entry_mtime_is_set(entry)) {
            info.mtime_sec = archive_entry_mtime(entry);
            const long nsec = archive_entry_mtime_nsec(entry);
            info.mtime_nsec = nsec > 0 && nsec < 1'000'000'000 ? static_cast<uint32_t>(nsec) : 0;
        }
        if (carries_owners(reader.get())) {
            EntryOwner owner;
            owner.uid = static_cast<uint32_t>(std::clamp<la_int64_t>(archive_entry_uid(entry), 0, UINT32_MAX));
            owner.gid = static_cast<uint32_t>(std::clamp<la_int64_t>(archive_entry_gid(entry), 0, UINT32_MAX));
            const char* user = archive_entry_uname(entry);
            const char* group = archive_entry_gname(entry);
            if (user && valid_owner_name(user)) owner.user = user;
            if (group && valid_owner_name(group)) owner.group = group;
            info.owner = std::move(owner);
        }
        // A tar's pax headers keep these (bsdtar, GNU tar --xattrs --acls, star).
        std::vector<std::string> attributes_left_out;
        info.xattrs = attributes_of(entry, &attributes_left_out);
        for (const auto& name : attributes_left_out)
            warnings_.push_back(in_quotes(info.path) + ": left out the extended attribute " + in_quotes(name) +
                                ": an archive keeps only names in UTF-8 of up to 255 bytes and values up to 64 KiB");
        info.acl = acl_of(entry);
        if (!normalised) {
            e.problem = "unsafe entry name " + in_quotes(stored) + " refused";
            e.problem_code = ErrorCode::Unsafe;
        } else if (normalised->size() > format::kMaxNameBytes) {
            e.problem = "entry name " + in_quotes(stored.substr(0, 64) + "...") + " is too long";
        }

        const auto type = archive_entry_filetype(entry);
        const char* hardlink = archive_entry_hardlink(entry);
        if (hardlink && (type == AE_IFREG || type == 0)) {
            info.type = EntryType::File;
            info.size = archive_entry_size_is_set(entry) ? static_cast<uint64_t>(std::max<la_int64_t>(0, archive_entry_size(entry))) : 0;
            const std::string target = reader.name_from(archive_entry_hardlink_utf8(entry), hardlink);
            const auto target_name = normalise_entry_path(target);
            const auto found = target_name ? by_name.find(*target_name) : by_name.end();
            if (found == by_name.end() || entries_[found->second].info.type != EntryType::File) {
                if (e.problem.empty() && info.size == 0)
                    e.problem = in_quotes(info.path) + " is a hard link to " + in_quotes(target) +
                                ", which is not an earlier file in the archive";
            } else if (ForeignEntry& first = entries_[found->second]; info.size == 0) {
                // tar: the content lies with the first name only.
                info.size = first.info.size;
                e.content_header = first.content_header;
            } else if (first.info.size == 0 && first.content_header == first.header) {
                // cpio: the content comes with the last name; the earlier ones share it.
                first.info.size = info.size;
                first.content_header = header;
            }
        } else {
            switch (type) {
            case AE_IFREG:
                info.type = EntryType::File;
                if (archive_entry_size_is_set(entry)) {
                    const la_int64_t size = archive_entry_size(entry);
                    if (size < 0) throw reader.damaged();
                    info.size = static_cast<uint64_t>(size);
                } else if (!archive_entry_is_encrypted(entry) || !passphrase_.empty()) {
                    // Streamed zip entries state their size only after the data: measure it.
                    std::vector<uint8_t> buffer(kCopyChunk);
                    while (const size_t n = reader.data(buffer.data(), buffer.size(), stored)) {
                        info.size += n;
                        if (control) control->checkpoint();
                    }
                }
                break;
            case AE_IFDIR:
                info.type = EntryType::Directory;
                break;
            case AE_IFLNK:
                info.type = EntryType::Symlink;
                info.link_target = reader.name_from(archive_entry_symlink_utf8(entry), archive_entry_symlink(entry));
                if (e.problem.empty() && (info.link_target.empty() || info.link_target.size() > format::kMaxNameBytes ||
                                          info.link_target.find('\0') != std::string::npos))
                    e.problem = "symlink " + in_quotes(info.path) + " has an invalid target";
                break;
            default:
                warnings_.push_back("skipped " + in_quotes(stored) + ": not a regular file, folder or symlink");
                continue;
            }
        }
        if (archive_entry_is_encrypted(entry)) {
            e.encrypted = true;
            if (e.problem.empty() && passphrase_.empty()) {
                e.problem = in_quotes(info.path) + " is encrypted: give its password";
                e.problem_code = ErrorCode::Password;
            }
        }

        if (normalised) {
            // As when a tar is extracted, a name that comes again replaces what came before.
            const auto [it, fresh] = by_name.try_emplace(*normalised, entries_.size());
            if (!fresh) {
                warnings_.push_back(in_quotes(*normalised) + " appears more than once; the last one is kept");
                dropped[it->second] = true;
                it->second = entries_.size();
            }
        }
        entries_.push_back(std::move(e));
        dropped.push_back(false);
    }
    format_ = format_label(reader.get());
    if (control) control->done_input = control->total_input.load();

    size_t kept = 0;
    for (size_t i = 0; i < entries_.size(); ++i) {
        if (dropped[i]) continue;
        if (kept != i) entries_[kept] = std::move(entries_[i]);
        ++kept;
    }
    entries_.resize(kept);
}

void ForeignArchive::check_readable(std::span<const size_t> selection) const
{
    auto check = [&](const ForeignEntry& e) {
        if (!e.problem.empty()) throw Error(e.problem_code, path_.string() + ": " + e.problem);
    };
    if (selection.empty()) {
        for (const auto& e : entries_) check(e);
    } else {
        for (size_t i : selection) check(entries_.at(i));
    }
}

bool ForeignArchive::has_encrypted_entries() const
{
    return std::any_of(entries_.begin(), entries_.end(), [](const ForeignEntry& e) { return e.encrypted; });
}

void ForeignArchive::check_passphrase() const
{
    const auto first = std::find_if(entries_.begin(), entries_.end(), [](const ForeignEntry& e) {
        return e.encrypted && e.info.type == EntryType::File && e.info.size > 0 && e.problem.empty();
    });
    if (first == entries_.end()) {
        if (has_encrypted_entries() && passphrase_.empty())
            throw Error(ErrorCode::Password, path_.string() + " has encrypted entries: give its password");
        return;
    }
    ContentReader contents(*this);
    contents.open(static_cast<size_t>(first - entries_.begin()));
    std::array<uint8_t, 64> head{};
    (void)contents.read(head);
}

void ForeignArchive::extract(std::span<const size_t> selection, EntrySink& sink, JobControl& control) const
{
    check_readable(selection);
    std::vector<size_t> chosen(selection.begin(), selection.end());
    if (selection.empty())
        for (size_t i = 0; i < entries_.size(); ++i) chosen.push_back(i);
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());

    uint64_t total = 0;
    for (size_t i : chosen)
        if (entries_.at(i).info.type == EntryType::File) total += entries_[i].info.size;
    control.total_input = total;
    control.done_input = 0;

    // Names of one content (hard links): the first one chosen gets the content, the later ones
    // may be made its hard links by the sink.
    std::map<size_t, size_t> first_of_content;  // content header -> the chosen entry that gets it
    std::set<size_t> link_targets;
    for (size_t i : chosen) {
        const ForeignEntry& e = entries_[i];
        if (e.info.type != EntryType::File || e.info.size == 0) continue;
        if (const auto [first, added] = first_of_content.try_emplace(e.content_header, i); !added) link_targets.insert(first->second);
    }
    ContentReader contents(*this);
    std::vector<uint8_t> buffer;
    for (size_t i : chosen) {
        control.checkpoint();
        const EntryInfo& info = entries_[i].info;
        control.set_current_name(info.path);
        if (link_targets.contains(i)) sink.note_link_target(info, false);
        sink.begin(info);
        try {
            const auto first = info.type == EntryType::File && info.size > 0 ? first_of_content.find(entries_[i].content_header)
                                                                          : first_of_content.end();
            if (first != first_of_content.end() && first->second != i && sink.link_earlier(info, entries_[first->second].info)) {
                control.done_input += info.size;
                sink.end(info);
                continue;
            }
            if (info.type == EntryType::File) {
                if (buffer.empty()) buffer.resize(kCopyChunk);
                contents.open(i);
                while (const size_t n = contents.read(buffer)) {
                    sink.data(std::span(buffer).first(n));
                    control.done_input += n;
                    control.checkpoint();
                }
                contents.close();
            }
            sink.end(info);
        } catch (...) {
            sink.abort(info);
            throw;
        }
    }
}

class ForeignArchive::ContentReader::Impl {
public:
    explicit Impl(const ForeignArchive& archive) : archive_(archive) {}

    void open(size_t index)
    {
        entry_ = &archive_.entries_.at(index);
        if (!entry_->problem.empty()) throw Error(entry_->problem_code, archive_.path_.string() + ": " + entry_->problem);
        const size_t header = entry_->content_header;
        // A content already passed (a hard link's) is read again from the start of the file.
        if (!main_) main_.emplace(archive_.path_, archive_.passphrase_);
        if (main_->position() && *main_->position() >= header) {
            side_.emplace(archive_.path_, archive_.passphrase_);
            current_ = &*side_;
        } else {
            current_ = &*main_;
        }
        current_->seek(header, archive_.header_names_.at(header));
        left_ = entry_->info.size;
    }

    size_t read(std::span<uint8_t> out)
    {
        if (!current_) throw Error(ErrorCode::Internal, "content read without open");
        if (left_ == 0 || out.empty()) return 0;
        const size_t n = current_->data(out.data(), static_cast<size_t>(std::min<uint64_t>(out.size(), left_)),
                                        entry_->info.path);
        if (n == 0)
            throw Error(ErrorCode::Data, archive_.path_.string() + ": " + in_quotes(entry_->info.path) +
                                             " holds less data than its header states (damaged archive)");
        left_ -= n;
        return n;
    }

    void close()
    {
        if (!current_) throw Error(ErrorCode::Internal, "content closed without open");
        if (left_ != 0) throw Error(ErrorCode::Internal, "content closed before its end");
        // Reading on to the end lets libarchive verify the entry's checksum (zip, 7z, rar).
        uint8_t probe = 0;
        if (current_->data(&probe, 1, entry_->info.path) != 0)
            throw Error(ErrorCode::Data, archive_.path_.string() + ": " + in_quotes(entry_->info.path) +
                                             " holds more data than its header states (damaged archive)");
        current_ = nullptr;
    }

private:
    const ForeignArchive& archive_;
    std::optional<Reader> main_;
    std::optional<Reader> side_;
    Reader* current_ = nullptr;
    const ForeignEntry* entry_ = nullptr;
    uint64_t left_ = 0;
};

ForeignArchive::ContentReader::ContentReader(const ForeignArchive& archive) : impl_(std::make_unique<Impl>(archive)) {}
ForeignArchive::ContentReader::~ContentReader() = default;
void ForeignArchive::ContentReader::open(size_t index) { impl_->open(index); }
size_t ForeignArchive::ContentReader::read(std::span<uint8_t> out) { return impl_->read(out); }
void ForeignArchive::ContentReader::close() { impl_->close(); }

}  // namespace nnz
