#include "archive_export.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <langinfo.h>
#include <unistd.h>

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <map>
#include <vector>
#include <cctype>
#include <cstring>
#include <system_error>

#include "../checksum.hpp"
#include "../container/archive_file.hpp"
#include "../container/temp_file.hpp"
#include "../error.hpp"
#include "../fs/entry_metadata.hpp"
#include "../jobs/content_check.hpp"
#include "../jobs/extract_job.hpp"
#include "opened_archive.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

bool ascii(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// libarchive turns UTF-8 names into headers through the C library's locale; outside a UTF-8
// locale it cannot (and libarchive 3.6 crashes on trying), so such names are refused instead.
void check_encodable(const std::string& name)
{
    if (ascii(name) || std::strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return;
    throw Error(ErrorCode::Io, "cannot write the name \"" + name + "\" to an archive: the locale is not UTF-8");
}

struct FormatName {
    const char* suffix;
    ExportFormat format;
};
// Longest first, so that ".tar.gz" is not taken for ".gz".
constexpr std::array kSuffixes{FormatName{".tar.bz2", ExportFormat::TarBz2}, FormatName{".tar.zst", ExportFormat::TarZst},
                               FormatName{".tar.gz", ExportFormat::TarGz},   FormatName{".tar.xz", ExportFormat::TarXz},
                               FormatName{".tbz2", ExportFormat::TarBz2},    FormatName{".tzst", ExportFormat::TarZst},
                               FormatName{".tgz", ExportFormat::TarGz},      FormatName{".txz", ExportFormat::TarXz},
                               FormatName{".tar", ExportFormat::Tar},        FormatName{".zip", ExportFormat::Zip},
                               FormatName{".7z", ExportFormat::SevenZip}};

constexpr std::array kUnwritableSuffixes{".gz", ".bz2", ".xz", ".zst", ".lz4", ".lzma", ".lz", ".z", ".rar", ".cab",
                                         ".iso", ".cpio", ".lha", ".lzh", ".xar", ".arj", ".deb", ".rpm", ".ar"};

std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

}  // namespace

std::optional<std::string> unwritable_format_suffix(const fs::path& output)
{
    if (export_format_for(output)) return std::nullopt;
    const std::string name = lowered(output.filename().string());
    for (const char* suffix : kUnwritableSuffixes)
        if (name.size() > std::strlen(suffix) && name.ends_with(suffix)) return std::string(suffix);
    return std::nullopt;
}

void refuse_foreign_name_for_nnz(const fs::path& output)
{
    if (const auto suffix = unwritable_format_suffix(output))
        throw Error(ErrorCode::Usage, output.filename().string() + " would be an .nnz named like a " + suffix->substr(1) +
                                          " file, which other programs would fail to open: name it .nnz (or .zip, .7z, "
                                          ".tar, .tar.gz, .tar.xz, .tar.bz2, .tar.zst for that format)");
}

std::optional<ExportFormat> export_format_for(const fs::path& output)
{
    std::string name = output.filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    for (const auto& [suffix, format] : kSuffixes)
        if (name.size() > std::strlen(suffix) && name.ends_with(suffix)) return format;
    return std::nullopt;
}

std::string_view export_format_name(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Tar: return "tar";
    case ExportFormat::TarGz: return "tar.gz";
    case ExportFormat::TarBz2: return "tar.bz2";
    case ExportFormat::TarXz: return "tar.xz";
    case ExportFormat::TarZst: return "tar.zst";
    case ExportFormat::Zip: return "zip";
    case ExportFormat::SevenZip: return "7z";
    }
    return "tar";
}

void ExportWriter::Free::operator()(archive* a) const { archive_write_free(a); }
void ExportWriter::EntryFree::operator()(archive_entry* e) const { archive_entry_free(e); }

ExportWriter::ExportWriter(int fd, std::string what, ExportFormat format, const Passphrase& passphrase)
    : what_(std::move(what))
{
    writer_.reset(archive_write_new());
    if (!writer_) throw Error(ErrorCode::Internal, "cannot allocate a libarchive writer");
    archive* a = writer_.get();
    const bool tar = format != ExportFormat::Zip && format != ExportFormat::SevenZip;
    tar_ = tar;
    const int set = format == ExportFormat::Zip ? archive_write_set_format_zip(a)
                    : format == ExportFormat::SevenZip ? archive_write_set_format_7zip(a)
                                                        : archive_write_set_format_pax(a);
    if (set != ARCHIVE_OK) fail("cannot write a " + std::string(export_format_name(format)));
    int filter = ARCHIVE_OK;
    switch (format) {
    case ExportFormat::TarGz: filter = archive_write_add_filter_gzip(a); break;
    case ExportFormat::TarBz2: filter = archive_write_add_filter_bzip2(a); break;
    case ExportFormat::TarXz: filter = archive_write_add_filter_xz(a); break;
    case ExportFormat::TarZst: filter = archive_write_add_filter_zstd(a); break;
    default: break;
    }
    if (tar && filter != ARCHIVE_OK) fail("cannot write a " + std::string(export_format_name(format)));
    if (!passphrase.empty()) {
        if (format != ExportFormat::Zip) throw Error(ErrorCode::Internal, "only a zip is written encrypted");
        if (archive_write_set_options(a, "zip:encryption=aes256") != ARCHIVE_OK) fail("cannot write an encrypted zip");
        const std::string text(passphrase.text());
        if (archive_write_set_passphrase(a, text.c_str()) != ARCHIVE_OK) fail("cannot write an encrypted zip");
    }
    // Output in whole blocks only for tar (its readers expect them); a zip or 7z ends where it ends.
    if (!tar) archive_write_set_bytes_in_last_block(a, 1);
    if (archive_write_open_fd(a, fd) != ARCHIVE_OK) fail("cannot write " + what_);
}

ExportWriter::~ExportWriter()
{
    // Freeing an open writer would close it, writing the end-of-archive blocks (and padding a
    // short entry with zeros) after a failure: mark it failed first. libarchive 3.6 ends a zip or
    // 7z entry's compressor only when the entry is finished, and leaks it otherwise: finish that
    // entry first (a zip then still lacks its central directory, so no reader takes it for
    // complete; a tar's entry is not, as finishing would pad it to its full size).
    if (finished_ || !writer_) return;
    if (entry_open_ && !tar_ && !header_) archive_write_finish_entry(writer_.get());
    archive_write_fail(writer_.get());
}

void ExportWriter::fail(const std::string& what) const
{
    const char* message = archive_error_string(writer_.get());
    throw Error(ErrorCode::Io, what + ": " + (message ? message : "unknown error"));
}

void ExportWriter::begin(const EntryInfo& entry)
{
    check_encodable(entry.path);
    std::unique_ptr<archive_entry, ExportWriter::EntryFree> e(archive_entry_new());
    archive_entry_set_pathname_utf8(e.get(), entry.path.c_str());
    archive_entry_set_mtime(e.get(), entry.mtime_sec, entry.mtime_nsec);
    if (entry.owner) {
        archive_entry_set_uid(e.get(), entry.owner->uid);
        archive_entry_set_gid(e.get(), entry.owner->gid);
        if (!entry.owner->user.empty()) archive_entry_set_uname_utf8(e.get(), entry.owner->user.c_str());
        if (!entry.owner->group.empty()) archive_entry_set_gname_utf8(e.get(), entry.owner->group.c_str());
    } else {
        archive_entry_set_uid(e.get(), ::getuid());
        archive_entry_set_gid(e.get(), ::getgid());
    }
    if (tar_) {  // pax headers hold them as bsdtar and GNU tar --xattrs --acls read them; zip and 7z have no place
        add_attributes(e.get(), entry.xattrs);
        add_acl(e.get(), entry.acl);
    }
    switch (entry.type) {
    case EntryType::File:
        archive_entry_set_filetype(e.get(), AE_IFREG);
        archive_entry_set_perm(e.get(), entry.mode & 07777);
        archive_entry_set_size(e.get(), static_cast<la_int64_t>(entry.size));
        break;
    case EntryType::Directory:
        archive_entry_set_filetype(e.get(), AE_IFDIR);
        archive_entry_set_perm(e.get(), entry.mode & 07777);
        archive_entry_set_size(e.get(), 0);
        break;
    case EntryType::Symlink:
        check_encodable(entry.link_target);
        archive_entry_set_filetype(e.get(), AE_IFLNK);
        archive_entry_set_perm(e.get(), 0777);
        archive_entry_set_size(e.get(), 0);
        archive_entry_set_symlink_utf8(e.get(), entry.link_target.c_str());
        break;
    }
    // Written with the first bytes or at the end: link_previous() may make it a hard link first.
    header_ = std::move(e);
    entry_open_ = true;
}

void ExportWriter::write_header()
{
    if (!header_) return;
    const std::unique_ptr<archive_entry, EntryFree> e = std::move(header_);
    if (archive_write_header(writer_.get(), e.get()) < ARCHIVE_WARN) fail("cannot write " + what_);
    if (archive_entry_filetype(e.get()) == AE_IFREG && !archive_entry_hardlink(e.get()))
        last_file_ = archive_entry_pathname_utf8(e.get());
}

bool ExportWriter::link_previous(const EntryInfo&) { return link_to(last_file_); }

bool ExportWriter::link_earlier(const EntryInfo&, const EntryInfo& earlier) { return link_to(earlier.path); }

bool ExportWriter::link_to(const std::string& earlier)
{
    // tar says so in a header without content; zip and 7z readers mostly do not know such links.
    if (!tar_ || !header_ || earlier.empty()) return false;
    archive_entry_set_hardlink_utf8(header_.get(), earlier.c_str());
    archive_entry_set_size(header_.get(), 0);
    return true;
}

void ExportWriter::data(std::span<const uint8_t> bytes)
{
    if (bytes.empty()) return;
    write_header();
    const la_ssize_t written = archive_write_data(writer_.get(), bytes.data(), bytes.size());
    if (written < 0 || static_cast<size_t>(written) != bytes.size()) fail("cannot write " + what_);
}

void ExportWriter::end(const EntryInfo&)
{
    write_header();
    if (archive_write_finish_entry(writer_.get()) < ARCHIVE_WARN) fail("cannot write " + what_);
    entry_open_ = false;
}

void ExportWriter::abort(const EntryInfo&) { header_.reset(); }  // the reader throws next; the destructor fails the output

void ExportWriter::finish()
{
    if (entry_open_) throw Error(ErrorCode::Internal, "export finished inside an entry");
    if (archive_write_close(writer_.get()) != ARCHIVE_OK) fail("cannot write " + what_);
    finished_ = true;
}

ExportReport export_archive(const fs::path& archive, const fs::path& output, ExportFormat format,
                            const EntrySelection& chosen, bool overwrite, JobControl& control, const Passphrase& passphrase,
                            bool test_before_keeping)
{
    const bool to_stdout = output == "-";
    if (to_stdout && test_before_keeping)
        throw Error(ErrorCode::Usage, "an archive written to standard output cannot be tested before it is kept");
    if (to_stdout && format == ExportFormat::SevenZip)
        throw Error(ErrorCode::Usage, "a 7z cannot be written to standard output: name a file");
    if (to_stdout && ::isatty(STDOUT_FILENO) == 1)
        throw Error(ErrorCode::Usage, "refusing to write an archive to a terminal (redirect the output)");
    std::error_code ec;
    if (!to_stdout && !overwrite && fs::exists(fs::symlink_status(output, ec)))
        throw Error(ErrorCode::Exists, output.string() + " already exists");
    if (!to_stdout && fs::equivalent(archive, output, ec))
        throw Error(ErrorCode::Usage, "the output " + output.string() + " is the archive itself");

    // Damage its recovery record can undo is undone first, in a copy beside the output (in the
    // temporary folder for standard output).
    const ReadableArchive readable = open_for_reading(archive, to_stdout ? fs::temp_directory_path(ec) : output, "this export",
                                                      control, passphrase);
    const auto& reader = readable.reader;
    const auto selection = choose_entries(reader->entries(), chosen);
    reader->check_readable(selection);
    // What a password protects stays protected where the format can hold a password.
    const bool encrypted = !passphrase.empty() &&
                           (reader->nnz() ? reader->nnz()->encrypted() : reader->foreign()->has_encrypted_entries());
    ExportReport report;
    report.input_format = reader->format();
    report.input_bytes = reader->nnz() ? ArchiveFile(archive).size() : fs::file_size(archive, ec);
    report.encrypted = encrypted && format == ExportFormat::Zip;
    if (encrypted && !report.encrypted)
        control.add_warning(archive.filename().string() + " is encrypted, but a " + std::string(export_format_name(format)) +
                            " cannot be: its contents are written in clear (a .zip keeps the password)");
    const Passphrase& zip_password = report.encrypted ? passphrase : Passphrase();
    control.checkpoint();

    if (to_stdout) {
        ExportWriter writer(STDOUT_FILENO, "standard output", format, zip_password);
        reader->extract(selection, writer, control);
        writer.finish();
        return report;
    }
    TempFile file(output);
    ExportWriter writer(file.fd(), output.string(), format, zip_password);
    ContentHashingSink hashing(writer);  // what a test must find; only then worth the pass
    reader->extract(selection, test_before_keeping ? static_cast<EntrySink&>(hashing) : writer, control);
    writer.finish();
    control.checkpoint();
    if (test_before_keeping) test_written_archive(file.path(), hashing.contents(), zip_password, control);
    file.commit(overwrite);
    return report;
}

void write_standard_archive(const fs::path& output, ExportFormat format, std::span<InputItem> items, bool overwrite,
                            bool skip_unreadable, JobControl& control, const Passphrase& passphrase,
                            const std::function<void(const fs::path& written, JobControl&)>& verify)
{
    if (!passphrase.empty() && format != ExportFormat::Zip)
        throw Error(ErrorCode::Usage, "a " + std::string(export_format_name(format)) +
                                          " cannot be encrypted; a .zip or an .nnz can");
    std::error_code ec;
    if (!overwrite && fs::exists(fs::symlink_status(output, ec)))
        throw Error(ErrorCode::Exists, output.string() + " already exists");
    uint64_t total = 0;
    for (const auto& item : items) total += item.info.type == EntryType::File ? item.info.size : 0;
    control.total_input = total;

    TempFile file(output);
    ExportWriter writer(file.fd(), output.string(), format, passphrase);
    std::map<std::pair<uint64_t, uint64_t>, const EntryInfo*> written;  // files with other names: their first
    std::vector<uint8_t> buffer(1 << 20);
    for (auto& item : items) {
        control.checkpoint();
        EntryInfo& info = item.info;
        control.set_current_name(info.path);
        Fd source;
        if (info.type == EntryType::File) {
            source = Fd(::open(item.source.c_str(), O_RDONLY | O_CLOEXEC));
            if (source.get() < 0) {
                const std::string why = item.source.string() + ": " + std::strerror(errno);
                if (!skip_unreadable) throw Error(ErrorCode::Io, "cannot read " + why);
                control.add_warning("skipped " + why);
                continue;
            }
        }
        writer.begin(info);
        const auto inode = std::pair(item.device, item.inode);
        if (info.type == EntryType::File && item.inode != 0) {
            if (const auto first = written.find(inode); first != written.end() && writer.link_earlier(info, *first->second)) {
                info.content_hash = first->second->content_hash;
                writer.end(info);
                control.done_input += info.size;
                continue;
            }
            written.emplace(inode, &info);
        }
        Xxh64Stream hash;
        for (uint64_t left = info.type == EntryType::File ? info.size : 0; left > 0;) {
            control.checkpoint();
            const ssize_t n = ::read(source.get(), buffer.data(), static_cast<size_t>(std::min<uint64_t>(buffer.size(), left)));
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) throw Error(ErrorCode::Io, "cannot read " + item.source.string() + ": " + std::strerror(errno));
            if (n == 0) throw Error(ErrorCode::Io, item.source.string() + " shrank while it was being archived");
            writer.data(std::span<const uint8_t>(buffer.data(), static_cast<size_t>(n)));
            hash.update(std::span<const uint8_t>(buffer.data(), static_cast<size_t>(n)));
            left -= static_cast<uint64_t>(n);
            control.done_input += static_cast<uint64_t>(n);
            struct stat st {};
            if (::fstat(file.fd(), &st) == 0) control.done_output_bits = static_cast<uint64_t>(st.st_size) * 8;
        }
        // The header said how long it is: a file that grew meanwhile would be cut short unnoticed.
        if (struct stat st {}; info.type == EntryType::File && ::fstat(source.get(), &st) == 0 &&
                               static_cast<uint64_t>(st.st_size) != info.size)
            throw Error(ErrorCode::Io, item.source.string() + " changed while it was being archived");
        if (info.type == EntryType::File) info.content_hash = hash.digest();
        writer.end(info);
    }
    writer.finish();
    control.checkpoint();
    if (verify) verify(file.path(), control);
    file.commit(overwrite);
}

void export_tar(const fs::path& archive, const fs::path& output, const EntrySelection& chosen, bool overwrite,
                JobControl& control, const Passphrase& passphrase)
{
    (void)export_archive(archive, output, ExportFormat::Tar, chosen, overwrite, control, passphrase);
}

}  // namespace nnz
