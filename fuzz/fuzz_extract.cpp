// Fuzz target: full extraction (what `nnzip x` and the GUI run) of an arbitrary archive into a
// scratch folder, twice (the second time over the first result, with overwrite), then checks
// that nothing appeared outside the destination and that no symlink there leads out of it; and
// the first bytes of its files as the GUI's Preview reads them (ArchiveReader::read_entry_start),
// which must be exactly as many as asked for, or an error that is not Internal.
// Checksums are not verified in fuzzing builds (core/checksum.hpp), so the fuzzer reaches the
// extractor with any names, links and contents.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <system_error>

#include "container/archive_reader.hpp"
#include "error.hpp"
#include "fuzz_common.hpp"
#include "jobs/extract_job.hpp"

namespace fs = std::filesystem;

namespace {

// Inputs whose blocks would take long to decode are only opened, not extracted: the neural codec
// runs at about 25 KB/s and a block may declare 2^30 bytes.
bool cheap_to_extract(const nnz::ArchiveReader& reader)
{
    uint64_t store = 0, neural = 0;
    for (const auto& b : reader.blocks()) (b.codec == nnz::CodecId::Store ? store : neural) += b.raw_size;
    return store <= (4u << 20) && neural <= 512 && reader.entries().size() <= 2000;
}

bool inside(const fs::path& path, const fs::path& folder)
{
    const auto rel = path.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

void check_no_escape(const fs::path& root, const fs::path& dest)
{
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root, ec))
        if (e.path() != dest) nnz::fuzz::violation("extraction created " + e.path().string() + " outside the destination");
    for (auto it = fs::recursive_directory_iterator(dest, fs::directory_options::none, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_symlink(ec)) continue;
        // Symlinks leading outside are refused (extract_archive with OutsideLinks::Refuse, its default).
        const fs::path resolved = fs::weakly_canonical(it->path(), ec);
        if (!ec && !inside(resolved, dest) && resolved != dest)
            nnz::fuzz::violation("symlink " + it->path().string() + " leads to " + resolved.string());
    }
}

void make_removable(const fs::path& dest)
{
    std::error_code ec;
    fs::permissions(dest, fs::perms::owner_all, fs::perm_options::add, ec);
    for (auto it = fs::recursive_directory_iterator(dest, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_directory(ec) && !it->is_symlink(ec))
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
}

void check_previews(nnz::ArchiveReader& reader)
{
    size_t files = 0;
    for (size_t i = 0; i < reader.entries().size() && files < 16; ++i) {
        const auto& e = reader.entries()[i];
        if (e.type != nnz::EntryType::File) continue;
        ++files;
        for (const uint64_t limit : {uint64_t{1}, uint64_t{300}, UINT64_MAX}) {
            nnz::JobControl control;
            try {
                const auto bytes = reader.read_entry_start(i, limit, control);
                if (bytes.size() != std::min(limit, e.size))
                    nnz::fuzz::violation("read_entry_start gave " + std::to_string(bytes.size()) + " bytes of " + e.path);
            } catch (const nnz::Error& error) {
                if (error.code() == nnz::ErrorCode::Internal || error.code() == nnz::ErrorCode::Cancelled)
                    nnz::fuzz::violation(std::string("unexpected error from read_entry_start: ") + error.what());
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto& file = nnz::fuzz::archive_file();
    file.assign({data, size});
    const fs::path root = nnz::fuzz::scratch_root();
    const fs::path dest = root / "out";
    try {
        nnz::ArchiveReader reader(file.path());
        if (!cheap_to_extract(reader)) return 0;
    } catch (const nnz::Error&) {
        return 0;
    }
    try {
        nnz::ArchiveReader reader(file.path());
        check_previews(reader);
    } catch (const nnz::Error&) {
    }
    for (const bool overwrite : {false, true}) {
        nnz::JobControl control;
        try {
            nnz::extract_archive(file.path(), dest, {}, overwrite, control);
        } catch (const nnz::Error& e) {
            if (e.code() == nnz::ErrorCode::Internal || e.code() == nnz::ErrorCode::Cancelled)
                nnz::fuzz::violation(std::string("unexpected error: ") + e.what());
        }
        if (fs::exists(dest)) check_no_escape(root, dest);
    }
    make_removable(dest);
    std::error_code ec;
    fs::remove_all(dest, ec);
    return 0;
}
