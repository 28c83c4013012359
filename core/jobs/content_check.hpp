#pragma once
// Checking a zip, 7z or tar that nnzip just wrote against the files it was made of. Those formats
// keep a CRC32 at most (a tar nothing), which shows only that the archive is whole; the XXH64
// that write_standard_archive takes of each file as it writes it shows that it holds the files as
// they were read. Used before --remove-files deletes them and by --test.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <unordered_map>

#include "../container/encryption.hpp"
#include "../container/entry.hpp"
#include "../interop/opened_archive.hpp"
#include "../job_control.hpp"

namespace nnz {

// Entry name -> XXH64 of the content read into it.
using ExpectedContents = std::unordered_map<std::string, uint64_t>;

// The files of items (their info.content_hash as written) with content.
ExpectedContents expected_contents(std::span<const InputItem> items);

// Decodes the chosen entries and checks every one named in expected against its hash. Throws
// Error(Data) when one differs or never comes (what the archive decodes to on the way is checked
// by its own CRCs too), Error(Cancelled) on a cancel.
void verify_contents(OpenedArchive& archive, std::span<const size_t> selection, ExpectedContents expected,
                     JobControl& control);

// `a x.zip --test`: the whole archive just written, at `written` (its temporary file), decoded and
// checked against the files it was made of (those it holds: not one left out as unreadable)
// before it replaces anything, as test_before_keeping
// does for an .nnz (control.testing_percent; a failure is Error(Data) saying nothing was kept).
void test_written_files(const std::filesystem::path& written, std::span<const InputItem> items,
                        const Passphrase& passphrase, JobControl& control);

}  // namespace nnz
