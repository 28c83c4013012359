#pragma once
// Standard input as one file of an archive (`nnzip a ARCHIVE -`): a stream has no size, and the
// writer plans its blocks by sizes, so the stream is first read to its end into a temporary file
// next to the archive (removed when this is destroyed), then archived like any file. And standard
// input as the archive to read (`nnzip x -`).
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "../container/entry.hpp"
#include "../container/temp_file.hpp"
#include "../container/temp_folder.hpp"
#include "../job_control.hpp"

namespace nnz {

// The path that stands for standard input among an archive's inputs.
inline bool is_stdin_input(const std::filesystem::path& input) { return input == "-"; }

// The entry name for standard input: `name` when given (a plain file name: Error(Usage) for an
// empty one given explicitly, one with '/' or '..'), else the archive's name without ".nnz"
// ("db.nnz" -> "db").
std::string stdin_entry_name(const std::filesystem::path& archive, const std::string& name);

class SpooledStdin {
public:
    // Reads `fd` to its end (cancel is checked while waiting for data). Throws Error(Io) when
    // it cannot be read or the copy cannot be written (a full disk), Error(Cancelled).
    SpooledStdin(const std::filesystem::path& archive, const std::string& entry_name, int fd, JobControl& control);

    // The file to archive: a regular file named entry_name, its content what was read, mode and
    // time those of a new file (0666 less the umask, now).
    const InputItem& item() const { return item_; }

private:
    TempFile spool_;
    InputItem item_;
};

// An archive read from standard input (`curl ... | nnzip x -`): archives are read at random (an
// .nnz's index lies at its end, a zip's directory too), so the stream is first read to its end
// into a file named "standard-input" in a folder of its own under TMPDIR, both removed when this
// is destroyed. Throws as SpooledStdin does.
class SpooledArchive {
public:
    SpooledArchive(int fd, JobControl& control);
    const std::filesystem::path& path() const { return path_; }

private:
    TempFolder folder_;
    std::filesystem::path path_;
};

// Inputs without "-", and whether it was among them (Error(Usage) when it is there twice).
std::pair<std::vector<std::filesystem::path>, bool> split_stdin_input(std::span<const std::filesystem::path> inputs);

}  // namespace nnz
