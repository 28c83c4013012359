#pragma once
// Turns the paths named on a command line (or dropped on the GUI) into archive entries.
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "../container/entry.hpp"
#include "../container/entry_pattern.hpp"

namespace nnz {

// Walks every input (directories recursively) with libarchive's disk reader. Symlinks are stored,
// not followed, unless follow_symlinks (tar -h): then what a link names is stored under the
// link's name (a file's content, a folder with everything in it), and only a link whose target
// is missing or holds the link (a loop) is stored as a link. Entry names are relative to each input's parent folder ("../corpus/cantrbry" ->
// "cantrbry", "cantrbry/alice29.txt", ...) and the result is sorted by name so that the same tree
// always gives the same archive.
// Throws Error(Io) for a missing or unreadable input, Error(Usage) when two inputs give the same
// name. Sockets, fifos and devices are skipped with a line in warnings; so are, when
// skip_unreadable is set, regular files this process may not read and names an archive cannot
// hold (not UTF-8, control characters; a folder with everything in it). Otherwise those throw
// Error(Io) before anything is compressed. Names that excluded matches are left out, and
// excluded folders are not entered. Owners, extended attributes and access control lists are
// read as `recorded` asks (not reading attributes and lists saves system calls per file).
// Attributes an archive cannot hold (names not UTF-8) are left out with a warning.
std::vector<InputItem> walk_inputs(std::span<const std::filesystem::path> inputs,
                                   std::vector<std::string>& warnings, bool skip_unreadable = false,
                                   const EntryPatterns& excluded = {}, const RecordedMetadata& recorded = {},
                                   bool follow_symlinks = false);
std::vector<InputItem> walk_inputs(std::span<const std::filesystem::path> inputs);

}  // namespace nnz
