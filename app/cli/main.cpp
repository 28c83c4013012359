// nnzip: the command line front end (docs/CLI.md).
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <new>
#include <string>
#include <vector>

#include "args.hpp"
#include "container/archive_reader.hpp"
#include "error.hpp"
#include "job_runner.hpp"
#include "jobs/extract_job.hpp"
#include "listing.hpp"

namespace {

using nnz::cli::Arguments;
using nnz::cli::Command;

// Shell convention for "ended by SIGINT"; the documented cancel status.
constexpr int kCancelledStatus = 130;

int add(Arguments& args, bool progress)
{
    args.compress.on_warning = [](const std::string& warning) {
        std::fprintf(stderr, "nnzip: warning: %s\n", warning.c_str());
    };
    nnz::JobControl control;
    nnz::cli::run_job([&](nnz::JobControl& c) { nnz::compress_paths(args.archive, args.inputs, args.compress, c); },
                      control, progress);
    return 0;
}

int extract(const Arguments& args, bool progress)
{
    nnz::JobControl control;
    nnz::cli::run_job(
        [&](nnz::JobControl& c) { nnz::extract_archive(args.archive, args.output, args.entries, args.overwrite, c); },
        control, progress);
    return 0;
}

int test(const Arguments& args, bool progress)
{
    nnz::JobControl control;
    nnz::cli::run_job([&](nnz::JobControl& c) { nnz::test_archive(args.archive, c); }, control, progress);
    const nnz::ArchiveReader reader(args.archive);
    uint64_t bytes = 0;
    for (const auto& e : reader.entries()) bytes += e.size;
    std::printf("%s: OK (%zu entries, %" PRIu64 " bytes verified)\n", args.archive.string().c_str(),
                reader.entries().size(), bytes);
    return 0;
}

int list(const Arguments& args)
{
    const nnz::ArchiveReader reader(args.archive);
    if (args.json) nnz::cli::print_json(reader, stdout);
    else nnz::cli::print_table(reader, stdout);
    return 0;
}

int run(Arguments& args)
{
    const bool progress = ::isatty(STDERR_FILENO) == 1;
    switch (args.command) {
    case Command::Help: std::fputs(nnz::cli::usage_text(), stdout); return 0;
    case Command::Version: std::puts("nnzip " NNZIP_VERSION); return 0;
    case Command::Add: return add(args, progress);
    case Command::Extract: return extract(args, progress);
    case Command::List: return list(args);
    case Command::Test: return test(args, progress);
    }
    return 0;
}

int report(const char* message, int status)
{
    std::fprintf(stderr, "nnzip: error: %s\n", message);
    return status;
}

}  // namespace

int main(int argc, char** argv)
{
    nnz::cli::install_cancel_signals();
    try {
        const std::vector<std::string> words(argv + 1, argv + argc);
        Arguments args = nnz::cli::parse_arguments(words);
        return run(args);
    } catch (const nnz::Error& e) {
        if (e.code() == nnz::ErrorCode::Cancelled) {
            std::fputs("nnzip: cancelled\n", stderr);
            return kCancelledStatus;
        }
        const int status = report(e.what(), nnz::exit_status_for(e.code()));
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
