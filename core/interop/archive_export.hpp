#pragma once
// The contents of an archive (.nnz or foreign) written as a standard archive by libarchive, for
// people without nnzip: `nnzip convert a.nnz a.zip` (zip, 7z, tar with or without gz, bz2, xz or
// zstd, chosen by the output's name) and `nnzip x ARCHIVE --to-tar OUT.tar|-` (a POSIX pax tar).
// Nothing else is touched on disk.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "../container/archive_reader.hpp"
#include "../job_control.hpp"
#include "../jobs/entry_selection.hpp"

struct archive;
struct archive_entry;

namespace nnz {

enum class ExportFormat { Tar, TarGz, TarBz2, TarXz, TarZst, Zip, SevenZip };

// The format an output's name asks for (".zip", ".7z", ".tar", ".tar.gz"/".tgz", ".tar.bz2"/
// ".tbz2", ".tar.xz"/".txz", ".tar.zst"/".tzst"; case ignored); nothing for any other name.
std::optional<ExportFormat> export_format_for(const std::filesystem::path& output);
// "zip", "7z", "tar", "tar.gz", ...
std::string_view export_format_name(ExportFormat format);
// The suffix of another archive or compressed format that nnzip reads but does not write (".gz"
// alone, ".xz", ".rar", ".iso", ...; case ignored), which an .nnz must not be named with: nothing
// for an export format's name or any other.
std::optional<std::string> unwritable_format_suffix(const std::filesystem::path& output);
// Error(Usage) for an .nnz to be written under such a name (`a notes.gz`, `convert x.zip y.rar`).
void refuse_foreign_name_for_nnz(const std::filesystem::path& output);

// An EntrySink that writes each entry as a member of the format to a file descriptor it does not
// own. Names, types, permission bits, modification times (to the nanosecond where the format
// holds them) and owners (the current user where none is recorded) are kept; in a tar, names of
// one file (hard links) stay hard links. With a passphrase (a zip only) every file is encrypted
// with WinZip AES-256.
class ExportWriter final : public EntrySink {
public:
    ExportWriter(int fd, std::string what, ExportFormat format, const Passphrase& passphrase = {});
    ~ExportWriter() override;
    ExportWriter(const ExportWriter&) = delete;
    ExportWriter& operator=(const ExportWriter&) = delete;

    void begin(const EntryInfo& entry) override;
    void data(std::span<const uint8_t> bytes) override;
    void end(const EntryInfo& entry) override;
    void abort(const EntryInfo& entry) override;
    bool link_previous(const EntryInfo& entry) override;
    bool link_earlier(const EntryInfo& entry, const EntryInfo& earlier) override;
    // Writes the format's end (tar's end-of-archive blocks, zip's central directory). Without it
    // (a failure, a cancel), the output ends without one, so that no reader takes it for complete.
    void finish();

private:
    [[noreturn]] void fail(const std::string& what) const;
    void write_header();                       // of the entry begun, once
    bool link_to(const std::string& earlier);  // the entry begun as a hard link of that name
    struct Free {
        void operator()(archive* a) const;
    };
    struct EntryFree {
        void operator()(archive_entry* e) const;
    };
    std::unique_ptr<archive_entry, EntryFree> header_;  // begun, not yet written
    std::string last_file_;                             // the last file written with its content
    std::string what_;  // the output's name, for messages
    std::unique_ptr<archive, Free> writer_;
    bool tar_ = true;          // a tar of some kind, not a zip or 7z
    bool entry_open_ = false;  // begun and not ended: its data may be short
    bool finished_ = false;
};

struct ExportReport {
    std::string input_format;  // "nnz", "zip", "tar.gz", ...
    uint64_t input_bytes = 0;  // the archive's size (a split one's in all its volumes)
    bool encrypted = false;    // a zip written with the archive's password
};

// Exports the chosen entries (choose_entries, as for extraction) of an .nnz or foreign archive.
// output "-" is standard output (refused when it is a terminal; not for 7z, which libarchive
// writes only at its end). A file output is written under a temporary name and renamed when
// complete; an existing one is replaced only with overwrite (otherwise Error(Exists)). An
// encrypted archive (or a zip with encrypted entries) becomes a zip encrypted with the same
// password; exported to another format its contents are written in clear, as extraction writes
// them, and control gets a warning saying so. An .nnz whose damage its recovery record can undo
// is read from a rebuilt copy (open_for_reading) beside the output, with a warning.
// test_before_keeping (not for standard output): the archive written is decoded and each file
// checked against the XXH64 of the bytes written into it before it replaces anything
// (test_written_archive).
ExportReport export_archive(const std::filesystem::path& archive, const std::filesystem::path& output, ExportFormat format,
                            const EntrySelection& chosen, bool overwrite, JobControl& control,
                            const Passphrase& passphrase = {}, bool test_before_keeping = false);

// `nnzip a OUT.zip PATH...` (7z, tar...): the walked items written straight into a standard
// archive of that format, as 7-Zip's `7z a x.zip` does, under a temporary name renamed when
// complete (an existing output only with overwrite: Error(Exists)). A file's bytes are read as
// the walker listed it: one whose size changed meanwhile is Error(Io) (with skip_unreadable, one that
// cannot be opened is left out with a warning). In a tar, names of one file (hard links) stay
// hard links; a passphrase is for a zip only (WinZip AES-256). Each file's info.content_hash is set
// to the XXH64 of the bytes written (what --remove-files checks the archive against: these formats
// keep CRC32 at most, a tar nothing). verify, when given, sees the complete archive (its temporary
// file) before it replaces anything, as WriteOptions::verify does for an .nnz.
void write_standard_archive(const std::filesystem::path& output, ExportFormat format, std::span<InputItem> items,
                            bool overwrite, bool skip_unreadable, JobControl& control, const Passphrase& passphrase = {},
                            const std::function<void(const std::filesystem::path& written, JobControl&)>& verify = {});

// export_archive() as a pax tar.
void export_tar(const std::filesystem::path& archive, const std::filesystem::path& output,
                const EntrySelection& chosen, bool overwrite, JobControl& control,
                const Passphrase& passphrase = {});

}  // namespace nnz
