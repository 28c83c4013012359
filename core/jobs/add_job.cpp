#include "add_job.hpp"

#include <atomic>
#include <chrono>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "../container/archive_reader.hpp"
#include "../error.hpp"
#include "extract_job.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

// A uniquely named folder under the system temporary directory, removed with everything in it
// when the job ends, whether it succeeded, failed or was cancelled.
class TemporaryFolder {
public:
    TemporaryFolder()
    {
        static std::atomic<unsigned> counter{0};
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        const fs::path base = fs::temp_directory_path();
        for (int attempt = 0; attempt < 100; ++attempt) {
            const fs::path candidate = base / ("nnzip-add-" + std::to_string(stamp) + "-" +
                                               std::to_string(counter.fetch_add(1)));
            std::error_code ec;
            if (fs::create_directory(candidate, ec)) {
                path_ = candidate;
                fs::permissions(path_, fs::perms::owner_all, ec);  // the old entries may be private
                return;
            }
        }
        throw Error(ErrorCode::Io, "cannot create a temporary folder in " + base.string());
    }
    ~TemporaryFolder()
    {
        std::error_code ec;
        // Extracted folders get their stored modes back; a read-only one would stop remove_all.
        for (auto it = fs::recursive_directory_iterator(path_, ec); !ec && it != fs::recursive_directory_iterator();
             it.increment(ec)) {
            if (it->is_directory(ec) && !it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all,
                                                                              fs::perm_options::add, ec);
        }
        fs::remove_all(path_, ec);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The name the walker stores an input under ("dir/" and "dir" both give "dir").
std::string stored_name(const fs::path& input)
{
    fs::path p = fs::absolute(input).lexically_normal();
    if (!p.has_filename()) p = p.parent_path();
    return p.filename().string();
}

std::string top_level(const std::string& entry_path)
{
    return entry_path.substr(0, entry_path.find('/'));
}

}  // namespace

void add_paths(const fs::path& archive, std::span<const fs::path> inputs, const CompressOptions& options,
               JobControl& control)
{
    validate(options);
    if (inputs.empty()) throw Error(ErrorCode::Usage, "nothing to add: no input paths");

    std::set<std::string> replaced;
    for (const auto& input : inputs) replaced.insert(stored_name(input));

    // Read the index first: a damaged archive is refused before anything is decoded.
    std::set<std::string> kept_tops;
    {
        ArchiveReader reader(archive);
        for (const auto& entry : reader.entries())
            if (!replaced.contains(top_level(entry.path))) kept_tops.insert(top_level(entry.path));
    }

    TemporaryFolder scratch;
    std::vector<fs::path> union_inputs;
    if (!kept_tops.empty()) {
        const std::vector<std::string> names(kept_tops.begin(), kept_tops.end());
        // The old entries only pass through a private folder to be archived again (the walker
        // stores links, never follows them), so links to anywhere are kept as they were.
        extract_archive(archive, scratch.path(), names, false, control, true);
        for (const auto& name : names) union_inputs.push_back(scratch.path() / name);
    }
    union_inputs.insert(union_inputs.end(), inputs.begin(), inputs.end());

    // Second phase: the compressor counts from zero again.
    control.checkpoint();
    control.done_input = 0;
    control.done_output_bits = 0;
    control.current_input = 0;
    control.current_output_bits = 0;

    CompressOptions rewrite = options;
    rewrite.overwrite = true;
    compress_paths(archive, union_inputs, rewrite, control);
}

}  // namespace nnz
