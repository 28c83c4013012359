// nnzip: the command line front end (docs/CLI.md).
#include <langinfo.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <clocale>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "args.hpp"
#include "container/archive_file.hpp"
#include "container/archive_reader.hpp"
#include "container/entry_path.hpp"
#include "container/archive_repair.hpp"
#include "container/temp_folder.hpp"
#include "error.hpp"
#include "file_to_stdout.hpp"
#include "fs/stdin_input.hpp"
#include "interop/convert.hpp"
#include "interop/opened_archive.hpp"
#include "interop/archive_export.hpp"
#include "interop/foreign_names.hpp"
#include "job_runner.hpp"
#include "jobs/compare_job.hpp"
#include "jobs/edit_job.hpp"
#include "jobs/extract_job.hpp"
#include "jobs/print_job.hpp"
#include "info.hpp"
#include "listing.hpp"
#include "name_list.hpp"
#include "password.hpp"
#include "replace_question.hpp"
#include "summary.hpp"

namespace {

using nnz::cli::Arguments;
using nnz::cli::Command;

// Shell convention for "ended by SIGINT"; the documented cancel status.
constexpr int kCancelledStatus = 130;
// diff: the archive and the disk differ.
constexpr int kDifferencesFound = 6;

// A message for the terminal: what it names (entries, link targets) may hold control characters
// and bytes that are not UTF-8, shown escaped line by line as diff shows names (escaped_name).
std::string shown(const std::string& message)
{
    std::string out;
    size_t start = 0;
    for (size_t end; (end = message.find('\n', start)) != std::string::npos; start = end + 1)
        out += nnz::escaped_name(std::string_view(message).substr(start, end - start)) + "\n";
    return out + nnz::escaped_name(std::string_view(message).substr(start));
}

// Runs a job that writes args.archive and prints its summary line (the archive read with
// opens_with, its password after the job).
// The archive as output and messages name it (Arguments::archive_shown).
std::string shown_archive(const Arguments& args)
{
    return args.archive_shown.empty() ? args.archive.string() : args.archive_shown;
}

int write_and_summarise(const Arguments& args, bool progress, const std::function<void(nnz::JobControl&)>& job,
                        const nnz::Passphrase& opens_with)
{
    nnz::JobControl control;
    const auto start = std::chrono::steady_clock::now();
    nnz::cli::run_job(job, control, progress);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("%s\n", nnz::cli::archive_summary(args.archive, took.count(), opens_with).c_str());
    return 0;
}

// The archive's file, or the volumes of a split one (then `u` changes that rather than
// make a new archive beside them).
bool archive_exists(const std::filesystem::path& archive)
{
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::symlink_status(archive, ec)) ||
           std::filesystem::exists(std::filesystem::symlink_status(nnz::volume_path(archive, 0), ec));
}

// `convert IN OUT.zip` and `a OUT.zip` (or .7z, .tar.*) write a standard archive, which the
// neural engine's options mean nothing to.
void refuse_compression_options(const Arguments& args, const std::filesystem::path& output, nnz::ExportFormat format)
{
    const nnz::CompressOptions defaults;
    if (args.compress.codec != defaults.codec || args.compress.preset != defaults.preset || args.compress.lanes != 0 ||
        args.compress.block_size != 0 || args.compress.recovery_percent || args.compress.volume_size != 0 ||
        args.compress.device != defaults.device || args.compress.threads != 0 || args.compress.memory_limit != 0)
        throw nnz::Error(nnz::ErrorCode::Usage, "compression options are for an .nnz; " + output.filename().string() +
                                                    " is written as a " + std::string(nnz::export_format_name(format)));
}

// --remove-files: what went, after the summary line (what stayed was a warning each).
void print_removal(const Arguments& args, const nnz::RemovalSummary& removed)
{
    if (!args.compress.remove_files) return;
    std::printf("%s: removed %" PRIu64 " file%s and %" PRIu64 " folder%s it holds\n", args.archive.filename().string().c_str(),
                removed.files, removed.files == 1 ? "" : "s", removed.folders, removed.folders == 1 ? "" : "s");
}

// `nnzip a - PATH... | ssh host 'cat > x.nnz'` (tar -cf -): the .nnz written into a folder of its
// own under TMPDIR, then sent to standard output whole; the summary goes to standard error.
int add_to_stdout(const Arguments& args, bool progress)
{
    if (::isatty(STDOUT_FILENO) == 1)
        throw nnz::Error(nnz::ErrorCode::Usage, "standard output is a terminal: send the archive elsewhere (nnzip a - PATH > x.nnz)");
    if (args.compress.remove_files)
        throw nnz::Error(nnz::ErrorCode::Usage, "--remove-files needs the archive on disk: with '-' nothing shows that it arrived");
    if (args.compress.volume_size != 0) throw nnz::Error(nnz::ErrorCode::Usage, "standard output takes no volumes");
    const nnz::TempFolder folder("stdout");
    const std::filesystem::path archive = folder.path() / "standard-output.nnz";
    nnz::CompressOptions options = args.compress;
    if (options.stdin_name.empty()) options.stdin_name = "stdin";  // `a - -`: not named after the temporary file
    nnz::JobControl control;
    const auto start = std::chrono::steady_clock::now();
    nnz::cli::run_job([&](nnz::JobControl& c) { (void)nnz::compress_paths(archive, args.inputs, options, c); }, control,
                      progress);
    nnz::cli::send_file(archive, STDOUT_FILENO);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::fprintf(stderr, "%s\n",
                 nnz::cli::archive_summary(archive, took.count(), args.compress.passphrase, "standard output").c_str());
    return 0;
}

int add(const Arguments& args, bool progress)
{
    if (args.archive == "-") return add_to_stdout(args, progress);
    if (const auto format = nnz::export_format_for(args.archive)) refuse_compression_options(args, args.archive, *format);
    nnz::RemovalSummary removed;
    int status = 0;
    try {
        status = write_and_summarise(
            args, progress, [&](nnz::JobControl& c) { removed = nnz::compress_paths(args.archive, args.inputs, args.compress, c); },
            args.compress.passphrase);
    } catch (const nnz::Error& e) {
        // zip, 7z and rar add to an archive with `a`: say which command does that here.
        if (e.code() != nnz::ErrorCode::Exists || nnz::export_format_for(args.archive)) throw;
        throw nnz::Error(e.code(), std::string(e.what()) + " (-f replaces it; nnzip u " + args.archive.string() +
                                       " PATH... adds to it)");
    }
    print_removal(args, removed);
    return status;
}

int update(const Arguments& args, bool progress)
{
    const bool exists = archive_exists(args.archive);
    nnz::RemovalSummary removed;
    const int status = write_and_summarise(args, progress, [&](nnz::JobControl& c) {
        if (exists) removed = nnz::add_paths(args.archive, args.inputs, args.compress, c);
        else removed = nnz::compress_paths(args.archive, args.inputs, args.compress, c);
    }, args.compress.passphrase);
    print_removal(args, removed);
    return status;
}

int delete_entries(const Arguments& args, bool progress)
{
    return write_and_summarise(args, progress,
                               [&](nnz::JobControl& c) { nnz::delete_entries(args.archive, args.entries, args.compress, c); },
                               args.compress.passphrase);
}

int rename(const Arguments& args, bool progress)
{
    nnz::JobControl control;
    nnz::cli::run_job([&](nnz::JobControl& c) { nnz::rename_entry(args.archive, args.entries[0], args.entries[1], c, args.compress.passphrase,
                                                                        args.compress.test); },
                      control, progress);
    return 0;
}

int change_password(const Arguments& args, bool progress)
{
    const auto name = args.archive.filename().string();
    nnz::Passphrase replacement;
    if (!args.new_password_file.empty()) replacement = nnz::cli::password_from_file(args.new_password_file);
    else if (!args.remove_password) replacement = nnz::cli::ask_password("New password for " + name + ": ", true);
    write_and_summarise(
        args, progress,
        [&](nnz::JobControl& c) { nnz::change_password(args.archive, args.compress.passphrase, replacement, c, args.compress.test); },
        replacement);
    std::printf("%s: %s\n", name.c_str(),
                replacement.empty() ? "no longer encrypted" : "encrypted with the new password");
    return 0;
}

int set_recovery_record(const Arguments& args, bool progress)
{
    const unsigned percent = args.compress.recovery_percent.value_or(0);
    write_and_summarise(
        args, progress,
        [&](nnz::JobControl& c) { nnz::set_recovery_record(args.archive, percent, c, args.compress.passphrase, args.compress.test); },
        args.compress.passphrase);
    const auto name = args.archive.filename().string();
    if (percent == 0) std::printf("%s: recovery record removed\n", name.c_str());
    else std::printf("%s: recovery record of %u%%\n", name.c_str(), percent);
    return 0;
}

// What a job noticed on the way (an archive rebuilt from its recovery record, or that it could
// not be; an encrypted archive exported in clear), said when it ends, before an error too.
struct PrintWarnings {
    const nnz::JobControl& control;
    ~PrintWarnings()
    {
        for (const auto& warning : control.warnings()) std::fprintf(stderr, "nnzip: warning: %s\n", shown(warning).c_str());
    }
};

// The entries named (none: all) less what -x and -X leave out.
nnz::EntrySelection chosen_entries(const Arguments& args)
{
    return {args.entries, nnz::EntryPatterns(args.compress.exclude)};
}

int extract(const Arguments& args, bool progress)
{
    nnz::JobControl control;
    if (args.to_stdout) {
        // The progress line would land in the middle of the bytes on a terminal.
        nnz::cli::run_job([&](nnz::JobControl& c) { nnz::print_contents(args.archive, chosen_entries(args), STDOUT_FILENO, c, args.compress.passphrase); },
                          control, progress && ::isatty(STDOUT_FILENO) != 1);
        return 0;
    }
    if (!args.to_tar.empty()) {
        const PrintWarnings print_warnings{control};
        nnz::cli::run_job(
            [&](nnz::JobControl& c) { nnz::export_tar(args.archive, args.to_tar, chosen_entries(args), args.overwrite, c, args.compress.passphrase); },
            control, progress);
        return 0;
    }
    nnz::ExtractSummary summary;
    const PrintWarnings print_warnings{control};
    const auto start = std::chrono::steady_clock::now();
    // On a terminal an existing file is asked about, as unzip and 7z do; elsewhere it stops the
    // extraction before anything is written.
    const bool asking = !args.overwrite && !args.skip_existing && !args.keep_newer && !args.keep_both &&
                        nnz::cli::can_ask_about_existing_files();
    try {
        nnz::cli::run_job(
            [&](nnz::JobControl& c) {
                const auto existing = args.overwrite        ? nnz::ExistingFiles::Replace
                                      : args.skip_existing ? nnz::ExistingFiles::Skip
                                      : args.keep_newer    ? nnz::ExistingFiles::KeepNewer
                                      : args.keep_both     ? nnz::ExistingFiles::Rename
                                      : asking             ? nnz::ExistingFiles::Ask
                                                           : nnz::ExistingFiles::Refuse;
                summary = nnz::extract_archive(args.archive, args.output, chosen_entries(args), existing, c, args.outside_links,
                                               args.compress.passphrase, args.strip_components, args.restored,
                                               nnz::cli::ReplaceQuestion());
            },
            control, progress);
    } catch (const nnz::LinkRefused& e) {
        throw nnz::Error(e.code(), std::string(e.what()) +
                                       "\n(--allow-outside-links creates such links as they are, --skip-outside-links leaves "
                                       "them out; neither ever writes through a link)");
    } catch (const nnz::Error& e) {
        if (e.code() != nnz::ErrorCode::Exists) throw;
        throw nnz::Error(e.code(), std::string(e.what()) + "; nothing was extracted (-f replaces existing files, -n leaves "
                                                           "them as they are and extracts the rest)");
    }
    if (!summary.skipped_existing.empty() && !asking)
        std::fprintf(stderr, "nnzip: warning: left %zu existing file%s as %s (%s): %s%s\n",
                     summary.skipped_existing.size(), summary.skipped_existing.size() == 1 ? "" : "s",
                     summary.skipped_existing.size() == 1 ? "it was" : "they were",
                     args.keep_newer ? "newer than in the archive, --keep-newer-files" : "--skip-existing",
                     nnz::escaped_name(summary.skipped_existing.front()).c_str(), summary.skipped_existing.size() == 1 ? "" : ", ...");
    if (!summary.renamed_existing.empty()) {
        const auto& [first, as] = summary.renamed_existing.front();
        std::fprintf(stderr, "nnzip: warning: extracted %zu entr%s under new names, the names being taken: \"%s\" as \"%s\"%s\n",
                     summary.renamed_existing.size(), summary.renamed_existing.size() == 1 ? "y" : "ies",
                     nnz::escaped_name(first).c_str(), nnz::escaped_name(as).c_str(),
                     summary.renamed_existing.size() == 1 ? "" : ", ...");
    }
    for (const auto& link : summary.skipped_links)
        std::fprintf(stderr, "nnzip: warning: left out the symlink %s -> %s: %s\n", nnz::escaped_name(link.path).c_str(),
                     nnz::escaped_name(link.target).c_str(),
                     link.why.c_str());
    if (!summary.metadata_failures.empty())
        std::fprintf(stderr, "nnzip: warning: could not give %zu %s recorded owner, extended attributes and access control list: %s%s\n",
                     summary.metadata_failures.size(),
                     summary.metadata_failures.size() == 1 ? "entry all of its" : "entries all of their",
                     summary.metadata_failures.front().c_str(), summary.metadata_failures.size() == 1 ? "" : ", ...");
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("%s\n", nnz::cli::extraction_summary(shown_archive(args), summary.entries, summary.content_bytes,
                                                     args.output.empty() ? std::filesystem::path(".") : args.output, took.count())
                            .c_str());
    return 0;
}

int test(const Arguments& args, bool progress)
{
    nnz::JobControl control;
    nnz::TestSummary summary;
    nnz::cli::run_job([&](nnz::JobControl& c) { summary = nnz::test_archive(args.archive, c, args.compress.passphrase); }, control, progress);
    std::printf("%s: OK (%zu entries, %" PRIu64 " bytes verified%s)\n", shown_archive(args).c_str(),
                summary.entries, summary.content_bytes,
                summary.recovery_percent > 0 ? ", recovery record intact" : "");
    return 0;
}

int compare(const Arguments& args, bool progress)
{
    nnz::JobControl control;
    std::vector<nnz::Difference> found;
    nnz::cli::run_job([&](nnz::JobControl& c) { found = nnz::compare_with_disk(args.archive, args.directory, args.entries, c, args.compress.passphrase,
                                                                         nnz::EntryPatterns(args.compress.exclude)); },
                      control, progress);
    for (const auto& difference : found) std::printf("%s\n", nnz::describe(difference).c_str());
    // Not 1 (diff's and cmp's "they differ"): that is a usage error here.
    return found.empty() ? 0 : kDifferencesFound;
}

int list(const Arguments& args)
{
    nnz::JobControl control;
    const PrintWarnings print_warnings{control};
    // A damaged index or trailer that the archive's recovery record can undo is listed from a
    // rebuilt copy in the temporary folder.
    const nnz::ReadableArchive readable = nnz::open_for_listing(args.archive, "this listing", control, args.compress.passphrase);
    const auto& archive = readable.reader;
    const auto selection = nnz::choose_entries(archive->entries(), chosen_entries(args));
    if (const auto* foreign = archive->foreign()) {
        for (const auto& warning : foreign->warnings()) std::fprintf(stderr, "nnzip: warning: %s\n", shown(warning).c_str());
        if (args.json) nnz::cli::print_json(*foreign, selection, stdout);
        else nnz::cli::print_table(*foreign, selection, stdout, args.long_listing);
        return 0;
    }
    if (args.json) nnz::cli::print_json(*archive->nnz(), selection, stdout);
    else nnz::cli::print_table(*archive->nnz(), selection, stdout, args.long_listing);
    return 0;
}

int report(const char* message, int status);

// info of several archives: how many were described so far (a blank line, or in JSON a comma
// of the array run_each opened, goes before each after the first).
size_t g_described = 0;

int info(const Arguments& args)
{
    nnz::JobControl control;
    const PrintWarnings print_warnings{control};
    const nnz::ReadableArchive readable = nnz::open_for_listing(args.archive, "this description", control, args.compress.passphrase);
    if (const auto* foreign = readable.reader->foreign())
        for (const auto& warning : foreign->warnings()) std::fprintf(stderr, "nnzip: warning: %s\n", shown(warning).c_str());
    const size_t damaged =
        nnz::cli::print_info(*readable.reader, shown_archive(args), args.json, g_described > 0 ? (args.json ? ",\n" : "\n") : "", stdout);
    ++g_described;
    if (damaged == 0) return 0;
    std::fflush(stdout);
    const std::string name = args.archive.filename().string();
    return report((name + ": " + std::to_string(damaged) + (damaged == 1 ? " block header is" : " block headers are") +
                   " damaged (nnzip t " + name + " names what is lost, nnzip repair recovers the rest)")
                      .c_str(),
                  nnz::exit_status_for(nnz::ErrorCode::Data));
}

int repair(const Arguments& args, bool progress)
{
    nnz::JobControl control;
    nnz::RepairReport report;
    const auto& passphrase = args.compress.passphrase;
    nnz::WrittenCheck test;
    if (args.compress.test)
        test = [&](const std::filesystem::path& written, nnz::JobControl& c) { nnz::test_before_keeping(written, passphrase, c); };
    nnz::cli::run_job([&](nnz::JobControl& c) { report = nnz::repair_archive(args.archive, args.converted, args.overwrite, c, passphrase, test); },
                      control, progress);
    if (report.restored) {
        std::string what = report.damaged_bytes == 0 ? "" : std::to_string(report.rebuilt_bytes) + " damaged bytes rebuilt";
        for (const auto& volume : report.missing_volumes) what += "; missing " + volume + " rebuilt";
        if (report.record_damaged) what += (what.empty() ? "" : "; ") + std::string("the damaged recovery record written anew");
        std::printf("%s: %s restored from its recovery record (%s)\n", args.converted.string().c_str(),
                    args.archive.string().c_str(), what.empty() ? "nothing was damaged" : what.c_str());
        return 0;
    }
    std::string damage;
    if (report.recovery_record)
        damage = std::to_string(report.damaged_bytes) + " damaged bytes, " + std::to_string(report.rebuilt_bytes) +
                 " of them rebuilt from the recovery record";
    for (const auto& volume : report.missing_volumes) damage += (damage.empty() ? "" : "; ") + volume + " missing";
    if (!report.index_intact) damage += (damage.empty() ? "" : "; ") + std::string("index damaged or missing");
    if (report.blocks_lost > 0)
        damage += (damage.empty() ? "" : "; ") + std::to_string(report.blocks_lost) +
                  (report.blocks_lost == 1 ? " damaged block" : " damaged blocks");
    if (report.bytes_skipped > 0)
        damage += (damage.empty() ? "" : "; ") + std::to_string(report.bytes_skipped) + " unreadable bytes skipped";
    std::printf("%s: %zu %s in %zu %s recovered from %s (%s)\n", args.converted.string().c_str(), report.entries_kept,
                report.entries_kept == 1 ? "entry" : "entries", report.blocks_kept, report.blocks_kept == 1 ? "block" : "blocks",
                args.archive.string().c_str(), damage.empty() ? "nothing was damaged" : damage.c_str());
    for (const auto& name : report.entries_lost) std::printf("lost: %s\n", name.c_str());
    return 0;
}

// `convert IN OUT.zip` (or .7z, .tar.*): IN as a standard archive, for people without nnzip.
int export_to(const Arguments& args, nnz::ExportFormat format, bool progress)
{
    refuse_compression_options(args, args.converted, format);
    nnz::JobControl control;
    const PrintWarnings print_warnings{control};
    nnz::ExportReport report;
    nnz::cli::run_job(
        [&](nnz::JobControl& c) {
            report = nnz::export_archive(args.archive, args.converted, format, chosen_entries(args), args.overwrite, c,
                                         args.compress.passphrase, args.compress.test);
        },
        control, progress);
    std::error_code ec;
    const uint64_t before = report.input_bytes;
    const uint64_t after = std::filesystem::file_size(args.converted, ec);
    std::printf("%s: %s %s → %s %s%s\n", args.converted.filename().string().c_str(), report.input_format.c_str(),
                nnz::human_size_beside(before, after).c_str(), std::string(nnz::export_format_name(format)).c_str(),
                nnz::human_size(after, std::max(before, after)).c_str(), report.encrypted ? ", encrypted with the same password" : "");
    return 0;
}

int convert(const Arguments& args, bool progress)
{
    if (const auto format = nnz::export_format_for(args.converted)) return export_to(args, *format, progress);
    nnz::JobControl control;
    nnz::ConversionReport report;
    nnz::cli::run_job(
        [&](nnz::JobControl& c) { report = nnz::convert_archive(args.archive, args.converted, args.compress, c); },
        control, progress);
    std::printf("%s\n", nnz::describe(report).c_str());
    return 0;
}

// libarchive converts entry names through the C library's multibyte functions, and names inside
// nnzip are UTF-8: the character type follows the environment when that is UTF-8, else C.UTF-8.
// Only LC_CTYPE: numbers and dates in the output must not change with the user's locale.
void use_utf8_names()
{
    const char* set = std::setlocale(LC_CTYPE, "");
    if (!set || std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
}

// The password from --password-file or -p, or asked for when an encrypted archive is opened
// on a terminal without either (as 7-Zip does). A new archive (a, convert, u creating one) is
// encrypted with it; an existing one is opened with it.
void find_password(Arguments& args)
{
    if (args.command == Command::Help || args.command == Command::Version) return;
    const bool creates = args.command == Command::Add || args.command == Command::Convert ||
                         (args.command == Command::Update && !archive_exists(args.archive));
    const auto& written = args.command == Command::Convert ? args.converted : args.archive;
    // An encrypted .nnz is read with its password; `convert` of one to a zip writes the zip with it.
    const bool encrypted = (!creates || args.command == Command::Convert) && nnz::is_encrypted_nnz(args.archive);
    if (!creates && !encrypted && (args.ask_password || !args.password_file.empty()) &&
        (args.command == Command::Update || args.command == Command::Delete || args.command == Command::Rename ||
         args.command == Command::Password || args.command == Command::Recovery))
        throw nnz::Error(nnz::ErrorCode::Usage, args.archive.string() + " is not encrypted; a password is for "
                                                                        "encrypted archives and new ones");
    if (!args.password_file.empty()) {
        args.compress.passphrase = nnz::cli::password_from_file(args.password_file);
    } else if (encrypted && (args.ask_password || nnz::cli::has_terminal())) {
        args.compress.passphrase = nnz::cli::ask_password(
            args.archive.filename().string() + " is encrypted. Password: ", false);
    } else if (args.ask_password) {
        args.compress.passphrase = nnz::cli::ask_password(
            "Password for " + written.filename().string() + ": ", creates);
    }
    if (creates && !args.compress.passphrase.empty() && !nnz::encryption_available())
        throw nnz::Error(nnz::ErrorCode::Usage, "this nnzip was built without encryption (libsodium)");
}

int dispatch(Arguments& args, bool progress);
int run_on(Arguments& args);

// `a`/`u` with "-" among the inputs read standard input: refused on a terminal (nothing would
// end the input but Ctrl-D, as gzip refuses), and it cannot also carry the password.
void check_stdin_input(const Arguments& args)
{
    if (args.command != Command::Add && args.command != Command::Update) return;
    if (std::none_of(args.inputs.begin(), args.inputs.end(), [](const auto& p) { return nnz::is_stdin_input(p); })) {
        if (!args.compress.stdin_name.empty())
            throw nnz::Error(nnz::ErrorCode::Usage, "--stdin-name is for '-' (standard input) among the paths");
        return;
    }
    if (::isatty(STDIN_FILENO) == 1)
        throw nnz::Error(nnz::ErrorCode::Usage, "standard input is a terminal: pipe the data in (cmd | nnzip a ARCHIVE -)");
    if (args.ask_password && !nnz::cli::has_terminal())
        throw nnz::Error(nnz::ErrorCode::Usage, "the data comes from standard input: give the password with --password-file");
}

// Whether the error asks for a password that was not given (an encrypted .nnz, or a zip's
// encrypted entries), rather than saying a given one is wrong.
bool wants_password(const nnz::Error& e)
{
    return e.code() == nnz::ErrorCode::Password && std::string_view(e.what()).ends_with("give its password");
}

// The commands that read an existing archive (named by args.archive).
bool reads_archive(const Arguments& args)
{
    return args.command == Command::Extract || args.command == Command::List || args.command == Command::Test ||
           args.command == Command::Info ||
           args.command == Command::Diff ||
           args.command == Command::Update || args.command == Command::Delete || args.command == Command::Rename ||
           args.command == Command::Password || args.command == Command::Recovery;
}

// A damaged .nnz that cannot even be opened (its index, trailer or end gone): what `repair` is for.
bool unopenable_nnz(const Arguments& args, const nnz::Error& e)
{
    // Repair goes by the file header: not for one that is damaged, or from a newer nnzip.
    if (e.code() != nnz::ErrorCode::Data || !reads_archive(args) || !nnz::has_valid_nnz_header(args.archive)) return false;
    try {
        (void)nnz::ArchiveReader(args.archive, args.compress.passphrase);
        return false;  // it opens: the damage lies in a block, and the message says what was lost
    } catch (const nnz::Error& again) {
        return again.code() == nnz::ErrorCode::Data;
    }
}

// Damage in an .nnz with a recovery record: `repair` can undo it, whatever it hit.
bool damaged_with_recovery_record(const Arguments& args, const nnz::Error& e)
{
    return e.code() == nnz::ErrorCode::Data && reads_archive(args) && nnz::has_recovery_record(args.archive);
}

// --files-from: the names listed join those of the command line. Standard input can be the list
// or the data or the password, one of them.
void add_listed_names(Arguments& args)
{
    if (args.files_from.empty()) return;
    const bool list_on_stdin = args.files_from == "-";
    if (list_on_stdin && std::any_of(args.inputs.begin(), args.inputs.end(), [](const auto& p) { return nnz::is_stdin_input(p); }))
        throw nnz::Error(nnz::ErrorCode::Usage, "standard input cannot be both the name list and a file to archive");
    if (list_on_stdin && args.ask_password && !nnz::cli::has_terminal())
        throw nnz::Error(nnz::ErrorCode::Usage, "the names come from standard input: give the password with --password-file");
    const auto names = nnz::cli::read_name_list(args.files_from, args.null_separated);
    if (names.empty())
        throw nnz::Error(nnz::ErrorCode::Usage, "the name list " + args.files_from.string() + " holds no names");
    if (args.command == Command::Add || args.command == Command::Update) args.inputs.insert(args.inputs.end(), names.begin(), names.end());
    else args.entries.insert(args.entries.end(), names.begin(), names.end());
}

// `curl ... | nnzip x -`: the archive from standard input, read to its end into a temporary file
// (SpooledArchive) that stands for it from then on; its name there is "standard-input".
std::unique_ptr<nnz::SpooledArchive> spool_archive_if_asked(Arguments& args)
{
    if (args.archive != "-" || args.command == Command::Add) return nullptr;  // `a -` writes to standard output
    const bool reads = args.command == Command::Extract || args.command == Command::List || args.command == Command::Test ||
                       args.command == Command::Info || args.command == Command::Diff || args.command == Command::Convert ||
                       args.command == Command::Repair;
    if (!reads)
        throw nnz::Error(nnz::ErrorCode::Usage, "'-' is for an archive to read from standard input (x, l, t, info, diff, "
                                                "convert, repair) or to write to standard output (a)");
    if (::isatty(STDIN_FILENO) == 1)
        throw nnz::Error(nnz::ErrorCode::Usage, "standard input is a terminal: pipe the archive in (cat x.nnz | nnzip x -)");
    if (args.files_from == "-")
        throw nnz::Error(nnz::ErrorCode::Usage, "standard input cannot be both the archive and the name list");
    if (args.ask_password && !nnz::cli::has_terminal())
        throw nnz::Error(nnz::ErrorCode::Usage, "the archive comes from standard input: give the password with --password-file");
    std::unique_ptr<nnz::SpooledArchive> spooled;
    nnz::JobControl control;
    nnz::cli::run_job([&](nnz::JobControl& c) { spooled = std::make_unique<nnz::SpooledArchive>(STDIN_FILENO, c); }, control,
                      false);
    args.archive = spooled->path();
    args.archive_shown = "standard input";
    return spooled;
}

int run(Arguments& args)
{
    const auto spooled = spool_archive_if_asked(args);
    if (spooled) {
        // Messages name the temporary file's path: they say "standard input" instead.
        try {
            return run_on(args);
        } catch (const nnz::Error& e) {
            std::string message = e.what();
            const std::string path = spooled->path().string();
            for (size_t at; (at = message.find(path)) != std::string::npos;) message.replace(at, path.size(), args.archive_shown);
            throw nnz::Error(e.code(), message);
        }
    }
    return run_on(args);
}

// --exclude-from: the patterns of each file join those of -x.
void add_excluded_patterns(Arguments& args)
{
    for (const auto& file : args.exclude_from)
        for (auto& pattern : nnz::cli::read_name_list(file, false, "the pattern file")) args.compress.exclude.push_back(std::move(pattern));
}

int run_on(Arguments& args)
{
    nnz::set_name_charset(args.name_charset);
    add_excluded_patterns(args);
    add_listed_names(args);
    check_stdin_input(args);
    find_password(args);
    const bool progress = ::isatty(STDERR_FILENO) == 1;
    try {
        return dispatch(args, progress);
    } catch (const nnz::Error& e) {
        if (damaged_with_recovery_record(args, e))
            throw nnz::Error(e.code(), std::string(e.what()) + "\n(" + args.archive.filename().string() +
                                           " has a recovery record: nnzip repair " + args.archive.filename().string() +
                                           " OUT.nnz rebuilds it)");
        if (unopenable_nnz(args, e))
            throw nnz::Error(e.code(), std::string(e.what()) + "\n(nnzip repair " + args.archive.filename().string() +
                                           " OUT.nnz recovers what is still intact)");
        // The core says what exists; here is how to go on (`a` of an .nnz and `x` to a folder say more).
        if (e.code() == nnz::ErrorCode::Exists && !args.overwrite && std::string_view(e.what()).ends_with(" already exists") &&
            (args.command == Command::Add || args.command == Command::Convert || args.command == Command::Repair ||
             args.command == Command::Extract))
            throw nnz::Error(e.code(), std::string(e.what()) + " (-f replaces it)");
        // A foreign archive says it has encrypted entries only once it is read: on a terminal,
        // ask then and run the command again (it wrote nothing: entries are checked first).
        if (!wants_password(e) || !args.compress.passphrase.empty() || !nnz::cli::has_terminal()) throw;
        std::fprintf(stderr, "nnzip: %s\n", e.what());
        args.compress.passphrase = nnz::cli::ask_password("Password: ", false);
        return dispatch(args, progress);
    }
}

int dispatch(Arguments& args, bool progress)
{
    // Jobs that write an archive tell what they skipped or what suits another machine.
    args.compress.on_warning = [](const std::string& warning) {
        std::fprintf(stderr, "nnzip: warning: %s\n", shown(warning).c_str());
    };
    switch (args.command) {
    case Command::Help: std::fputs(nnz::cli::usage_text(), stdout); return 0;
    case Command::Version: std::puts("nnzip " NNZIP_VERSION); return 0;
    case Command::Add: return add(args, progress);
    case Command::Update: return update(args, progress);
    case Command::Delete: return delete_entries(args, progress);
    case Command::Rename: return rename(args, progress);
    case Command::Password: return change_password(args, progress);
    case Command::Extract: return extract(args, progress);
    case Command::List: return list(args);
    case Command::Test: return test(args, progress);
    case Command::Info: return info(args);
    case Command::Diff: return compare(args, progress);
    case Command::Convert: return convert(args, progress);
    case Command::Repair: return repair(args, progress);
    case Command::Recovery: return set_recovery_record(args, progress);
    }
    return 0;
}

int report(const char* message, int status)
{
    // Messages name entries and link targets, which may hold control characters.
    std::fprintf(stderr, "nnzip: error: %s\n", shown(message).c_str());
    return status;
}

// Runs body; what it throws is printed as nnzip's error (`of`, an archive among several, named
// before a message that does not name it) and becomes the exit status.
int guarded(const std::function<int()>& body, const std::string& of = {})
{
    try {
        return body();
    } catch (const nnz::Error& e) {
        if (e.code() == nnz::ErrorCode::Cancelled) {
            std::fprintf(stderr, "nnzip: %s\n", e.what());  // "cancelled", or how it was
            return kCancelledStatus;
        }
        std::string message = e.what();
        if (!of.empty() && message.find(std::filesystem::path(of).filename().string()) == std::string::npos)
            message = of + ": " + message;
        if (wants_password(e))
            message += " (-p asks for it, --password-file FILE reads it)";
        const int status = report(message.c_str(), nnz::exit_status_for(e.code()));
        if (e.code() == nnz::ErrorCode::Usage) std::fputs("Try 'nnzip --help' for more information.\n", stderr);
        return status;
    } catch (const std::filesystem::filesystem_error& e) {
        return report(e.what(), nnz::exit_status_for(nnz::ErrorCode::Io));
    } catch (const std::bad_alloc&) {
        return report("out of memory", nnz::exit_status_for(nnz::ErrorCode::Internal));
    } catch (const std::exception& e) {
        return report(e.what(), nnz::exit_status_for(nnz::ErrorCode::Internal));
    }
}

// t and info of several archives: each in turn, the rest after one that fails (7z t *.7z); the
// exit status is the first failure's. A cancel stops them all.
int run_each(const Arguments& args)
{
    std::vector<std::filesystem::path> archives{args.archive};
    archives.insert(archives.end(), args.more_archives.begin(), args.more_archives.end());
    if (std::count(archives.begin(), archives.end(), std::filesystem::path("-")) > 1)
        return guarded([]() -> int { throw nnz::Error(nnz::ErrorCode::Usage, "standard input ('-') holds one archive"); });
    // info --json: one array of the archives' objects (those that could be read).
    const bool json_array = args.command == Command::Info && args.json;
    if (json_array) std::fputs("[\n", stdout);
    int first_failure = 0;
    size_t failed = 0;
    for (size_t i = 0; i < archives.size(); ++i) {
        Arguments one = args;
        one.archive = archives[i];
        one.more_archives.clear();
        std::fflush(stdout);
        const int status = guarded([&] { return run(one); }, archives[i].string());
        if (status == kCancelledStatus) return status;
        if (status == 0) continue;
        ++failed;
        if (first_failure == 0) first_failure = status;
    }
    if (json_array) std::fputs("]\n", stdout);
    if (failed > 0)
        std::fprintf(stderr, "nnzip: %zu of %zu archives %s\n", failed, archives.size(),
                     args.command == Command::Test ? "failed the test" : "could not be read");
    return first_failure;
}

}  // namespace

int main(int argc, char** argv)
{
    use_utf8_names();
    nnz::cli::install_cancel_signals();
    Arguments args;
    const int status = guarded([&] {
        const std::vector<std::string> words(argv + 1, argv + argc);
        args = nnz::cli::parse_arguments(words);
        return 0;
    });
    if (status != 0) return status;
    if (args.more_archives.empty()) return guarded([&] { return run(args); });
    return run_each(args);
}
