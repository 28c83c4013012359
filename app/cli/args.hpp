#pragma once
// Command line grammar of nnzip (docs/CLI.md).
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "fs/disk_extractor.hpp"
#include "jobs/compress_job.hpp"

namespace nnz::cli {

enum class Command { Help, Version, Add, Update, Delete, Rename, Password, Extract, List, Test, Diff, Convert, Repair, Recovery, Info };

struct Arguments {
    Command command = Command::Help;
    std::filesystem::path archive;              // convert: the foreign archive to read
    // How output and messages name the archive when its path is not its name: "standard input"
    // for `-` (read into a temporary file first); empty: its path.
    std::string archive_shown;
    std::vector<std::filesystem::path> exclude_from;  // a, u, diff: files of patterns to leave out (tar -X)
    std::string name_charset;  // x, l, t, info, diff, convert: foreign names that are not UTF-8 (--name-charset)
    std::vector<std::filesystem::path> more_archives;  // t, info: the archives after the first
    std::filesystem::path converted;            // convert, repair: the .nnz to write
    std::vector<std::filesystem::path> inputs;  // a, u
    std::vector<std::string> entries;           // x: empty = all; d: the entries to delete; rn: old, new
    std::filesystem::path output = ".";         // x
    std::filesystem::path directory = ".";      // diff -C: where the archived files are
    std::filesystem::path to_tar;               // x --to-tar: a tar file, or "-" for stdout
    bool to_stdout = false;                     // x --stdout: the files' bytes to stdout
    bool overwrite = false;                     // a, x, convert
    bool skip_existing = false;                 // x: --skip-existing
    bool keep_newer = false;                    // x: --keep-newer-files
    bool keep_both = false;                     // x: --keep-both
    unsigned strip_components = 0;              // x: --strip-components
    OutsideLinks outside_links = OutsideLinks::Refuse;  // x: --allow-outside-links, --skip-outside-links
    RestoredMetadata restored = default_restored();  // x: from the four below
    std::optional<bool> same_owner;             // x: --same-owner, --no-same-owner; default: when root
    bool numeric_owner = false;                 // x: --numeric-owner
    std::optional<bool> xattrs;                 // x: --xattrs, --no-xattrs; default: when root
    std::optional<bool> acls;                   // x: --acls, --no-acls; default: when root
    bool json = false;                          // l, info
    bool long_listing = false;                  // l --long
    bool ask_password = false;                  // -p: ask for it on the terminal
    std::filesystem::path password_file;        // --password-file: its first line
    std::filesystem::path new_password_file;    // passwd --new-password-file: its first line
    bool remove_password = false;               // passwd --remove-password
    std::filesystem::path files_from;           // a, u, x, d: --files-from, more inputs or entries ("-": stdin)
    bool null_separated = false;                // --null: that list's names end with NUL bytes, not lines
    CompressOptions compress;                   // a, u, d, convert
};

// Throws Error(Usage) with a message that names the offending argument.
Arguments parse_arguments(std::span<const std::string> args);

// "8M", "512K", "1048576", "2MiB" -> bytes. Throws Error(Usage).
uint64_t parse_size(std::string_view text);

const char* usage_text();

}  // namespace nnz::cli
