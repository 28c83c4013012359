#pragma once
// Command line grammar of nnzip (docs/CLI.md).
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "jobs/compress_job.hpp"

namespace nnz::cli {

enum class Command { Help, Version, Add, Extract, List, Test };

struct Arguments {
    Command command = Command::Help;
    std::filesystem::path archive;
    std::vector<std::filesystem::path> inputs;  // a
    std::vector<std::string> entries;           // x: empty = all
    std::filesystem::path output = ".";         // x
    bool overwrite = false;                     // a, x
    bool json = false;                          // l
    CompressOptions compress;                   // a
};

// Throws Error(Usage) with a message that names the offending argument.
Arguments parse_arguments(std::span<const std::string> args);

// "8M", "512K", "1048576", "2MiB" -> bytes. Throws Error(Usage).
uint64_t parse_size(std::string_view text);

const char* usage_text();

}  // namespace nnz::cli
