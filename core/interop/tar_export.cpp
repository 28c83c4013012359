#include "tar_export.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <langinfo.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <system_error>

#include "../container/temp_file.hpp"
#include "../error.hpp"
#include "../jobs/extract_job.hpp"
#include "opened_archive.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

struct EntryFree {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

bool ascii(const std::string& s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// libarchive turns UTF-8 names into pax headers through the C library's locale; outside a UTF-8
// locale it cannot (and libarchive 3.6 crashes on trying), so such names are refused instead.
void check_encodable(const std::string& name)
{
    if (ascii(name) || std::strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return;
    throw Error(ErrorCode::Io, "cannot write the name \"" + name + "\" to a tar: the locale is not UTF-8");
}

}  // namespace

void TarWriter::Free::operator()(archive* a) const { archive_write_free(a); }

TarWriter::TarWriter(int fd, std::string what) : what_(std::move(what))
{
    writer_.reset(archive_write_new());
    if (!writer_) throw Error(ErrorCode::Internal, "cannot allocate a libarchive writer");
    if (archive_write_set_format_pax(writer_.get()) != ARCHIVE_OK) fail("cannot write a pax tar");
    if (archive_write_open_fd(writer_.get(), fd) != ARCHIVE_OK) fail("cannot write " + what_);
}

TarWriter::~TarWriter()
{
    // Freeing an open writer would close it, writing the end-of-archive blocks (and padding a
    // short entry with zeros) after a failure: mark it failed first.
    if (!finished_ && writer_) archive_write_fail(writer_.get());
}

void TarWriter::fail(const std::string& what) const
{
    const char* message = archive_error_string(writer_.get());
    throw Error(ErrorCode::Io, what + ": " + (message ? message : "unknown error"));
}

void TarWriter::begin(const EntryInfo& entry)
{
    check_encodable(entry.path);
    std::unique_ptr<archive_entry, EntryFree> e(archive_entry_new());
    archive_entry_set_pathname_utf8(e.get(), entry.path.c_str());
    archive_entry_set_mtime(e.get(), entry.mtime_sec, entry.mtime_nsec);
    archive_entry_set_uid(e.get(), ::getuid());
    archive_entry_set_gid(e.get(), ::getgid());
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
    if (archive_write_header(writer_.get(), e.get()) < ARCHIVE_WARN) fail("cannot write " + what_);
    entry_open_ = true;
}

void TarWriter::data(std::span<const uint8_t> bytes)
{
    if (bytes.empty()) return;
    const la_ssize_t written = archive_write_data(writer_.get(), bytes.data(), bytes.size());
    if (written < 0 || static_cast<size_t>(written) != bytes.size()) fail("cannot write " + what_);
}

void TarWriter::end(const EntryInfo&)
{
    if (archive_write_finish_entry(writer_.get()) < ARCHIVE_WARN) fail("cannot write " + what_);
    entry_open_ = false;
}

void TarWriter::abort(const EntryInfo&) {}  // the reader throws next; the destructor fails the tar

void TarWriter::finish()
{
    if (entry_open_) throw Error(ErrorCode::Internal, "tar finished inside an entry");
    if (archive_write_close(writer_.get()) != ARCHIVE_OK) fail("cannot write " + what_);
    finished_ = true;
}

void export_tar(const fs::path& archive, const fs::path& output, std::span<const std::string> names, bool overwrite,
                JobControl& control, const Passphrase& passphrase)
{
    const bool to_stdout = output == "-";
    if (to_stdout && ::isatty(STDOUT_FILENO) == 1)
        throw Error(ErrorCode::Usage, "refusing to write a tar archive to a terminal (redirect the output)");
    std::error_code ec;
    if (!to_stdout && !overwrite && fs::exists(fs::symlink_status(output, ec)))
        throw Error(ErrorCode::Exists, output.string() + " exists (use -f to overwrite)");
    if (!to_stdout && fs::equivalent(archive, output, ec))
        throw Error(ErrorCode::Usage, "the output " + output.string() + " is the archive itself");

    const auto reader = open_archive(archive, &control, passphrase);
    const auto selection = select_entries(reader->entries(), names);
    reader->check_readable(selection);
    control.checkpoint();

    if (to_stdout) {
        TarWriter tar(STDOUT_FILENO, "standard output");
        reader->extract(selection, tar, control);
        tar.finish();
        return;
    }
    TempFile file(output);
    {
        TarWriter tar(file.fd(), output.string());
        reader->extract(selection, tar, control);
        tar.finish();
    }
    control.checkpoint();
    file.commit(overwrite);
}

}  // namespace nnz
