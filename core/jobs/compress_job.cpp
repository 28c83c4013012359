#include "compress_job.hpp"

#include <unistd.h>

#include <algorithm>
#include <set>
#include <system_error>
#include <thread>

#include "../container/archive_file.hpp"
#include "../container/archive_writer.hpp"
#include "../container/entry_path.hpp"
#include "../container/format.hpp"
#include "../container/split_temp_file.hpp"
#include "../container/recovery_record.hpp"
#include "../error.hpp"
#include "../fs/disk_walker.hpp"
#include "../fs/stdin_input.hpp"
#include "../interop/archive_export.hpp"
#include "content_check.hpp"
#include "extract_job.hpp"
#include "../memory_budget.hpp"
#include "../neural/torch_lstm.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

// The thread budget goes to whole blocks first (independent work, no synchronisation). A block
// with a second thread to itself compresses with its network running ahead on it (measured on
// one block: the max preset 1.5-1.7x, default 1.08x). Only threads the user asked for beyond that go to
// LibTorch's intra-op threads: measured here they gave 1.2x at best on one block, while blocks in
// parallel scale almost linearly.
struct ThreadPlan {
    unsigned parallel_blocks;
    bool network_ahead;
    int model_threads;  // LibTorch's; 0 = the codec's default (one)
};
ThreadPlan plan_threads(int threads, uint64_t blocks, uint64_t blocks_that_fit)
{
    const unsigned budget = threads > 0 ? unsigned(threads) : std::max(1u, std::thread::hardware_concurrency());
    const unsigned parallel = static_cast<unsigned>(std::min<uint64_t>({budget, blocks, blocks_that_fit}));
    const unsigned per_block = std::max(1u, budget / parallel);
    const bool ahead = per_block >= 2;
    return {parallel, ahead, threads > 0 ? static_cast<int>(std::max(1u, per_block - (ahead ? 1 : 0))) : 0};
}

std::function<std::unique_ptr<BlockCodec>()> codec_factory(const CompressOptions& options, const ThreadPlan& plan)
{
    if (options.codec == "store") return [] { return make_store_codec(); };
    NeuralSettings settings = NeuralSettings::preset(options.preset);
    if (options.lanes > 0) settings.lanes = static_cast<uint16_t>(options.lanes);
    settings.device = options.device;
    settings.threads = plan.model_threads;
    settings.network_ahead = plan.network_ahead;
    return [settings] { return make_neural_codec(settings); };
}

// An archive replaced with -f, or changed by `u`, may sit inside a folder being archived; it must
// not swallow its previous version (every volume of a split one).
void drop_archive_itself(const fs::path& archive, std::vector<InputItem>& items, std::vector<std::string>& warnings)
{
    std::vector<fs::path> files;
    try {
        files = volumes_of(archive);
    } catch (const Error&) {
        files = {archive};  // a later volume's name: only that file can be it
    }
    std::error_code ec;
    std::erase_if(files, [&](const fs::path& file) { return !fs::is_regular_file(file, ec); });
    if (files.empty()) return;
    // Only a file of a volume's size can be one: no two system calls for every other file.
    std::set<uint64_t> sizes;
    for (const auto& file : files) sizes.insert(fs::file_size(file, ec));
    std::erase_if(items, [&](const InputItem& item) {
        if (item.info.type != EntryType::File || !sizes.contains(item.info.size)) return false;
        if (std::ranges::none_of(files, [&](const fs::path& file) { return fs::equivalent(item.source, file, ec); }))
            return false;
        warnings.push_back("skipped " + item.source.string() + ": it is the archive being written");
        return true;
    });
}

// `a x.zip`: what only an .nnz has cannot be asked for.
void refuse_what_a_standard_archive_cannot_hold(ExportFormat format, const CompressOptions& options)
{
    const std::string name(export_format_name(format));
    const auto refuse = [&](const std::string& what) { throw Error(ErrorCode::Usage, what + ", not a " + name); };
    if (options.volume_size != 0) refuse("nnzip splits only .nnz archives into volumes");
    if (options.recovery_percent.value_or(0) != 0) refuse("a recovery record is for an .nnz");
}

}  // namespace

std::optional<std::string> device_warning(const CompressOptions& options)
{
    // Asked for explicitly, a missing CUDA device is an error (make_torch_lstm); under auto or
    // on the CPU the gpu preset still works, but it is the slow and weaker choice there. Only
    // that preset asks whether CUDA is there: asking loads LibTorch, which the others may not need.
    if (options.codec != "neural" || options.preset != "gpu" || options.device == Device::Cuda) return std::nullopt;
    if (options.device == Device::Auto && torch_cuda_available()) return std::nullopt;
    return "the gpu preset is meant for an NVIDIA GPU; on the CPU it is slower than max and codes about 4% larger "
           "than default";
}

void validate(const CompressOptions& options)
{
    if (options.codec != "neural" && options.codec != "store")
        throw Error(ErrorCode::Usage, "unknown codec '" + options.codec + "' (neural, store)");
    (void)NeuralSettings::preset(options.preset);
    (void)EntryPatterns(options.exclude);  // an empty pattern is refused before any work
    if (options.lanes < 0 || options.lanes > 65535)
        throw Error(ErrorCode::Usage, "lanes must be between 1 and 65535 (0 = the preset's)");
    if (options.threads < 0) throw Error(ErrorCode::Usage, "threads must not be negative");
    if (options.recovery_percent && *options.recovery_percent != 0) (void)RecoveryLayout::for_archive(1, *options.recovery_percent);
    if (options.volume_size != 0 && options.volume_size < kMinVolumeSize)
        throw Error(ErrorCode::Usage, "volumes must hold at least " + std::to_string(kMinVolumeSize >> 10) + " KiB");
    (void)into_prefix(options);
    if (options.follow_symlinks && options.remove_files)
        throw Error(ErrorCode::Usage, "removing the archived files and following symbolic links exclude each other: it would remove what the "
                                          "links point to");
}

std::string into_prefix(const CompressOptions& options)
{
    if (options.into.empty()) return {};
    const auto folder = normalise_entry_path(options.into);
    if (!folder || folder->size() >= format::kMaxNameBytes)
        throw Error(ErrorCode::Usage, "\"" + escaped_name(options.into) +
                                          "\" is not a folder name an archive can hold (relative, no \"..\", no control characters)");
    return *folder + "/";
}

WriteOptions write_options_for(const CompressOptions& options, std::span<const InputItem> items)
{
    WriteOptions write;
    if (options.block_size != 0) write.block_size = options.block_size;
    // Every block in flight is budgeted as the largest one can be.
    uint64_t content = 0;
    for (const auto& item : items) content += item.info.type == EntryType::File ? item.info.size : 0;
    const uint64_t largest_block = std::max<uint64_t>(1, std::min(write.block_size, content));
    const uint64_t per_block = codec_factory(options, ThreadPlan{1, false, 0})()->memory_for(largest_block);  // constructing one costs nothing
    const uint64_t limit = options.memory_limit != 0 ? options.memory_limit : default_memory_limit();
    const ThreadPlan plan = plan_threads(options.threads, expected_blocks(items, write.block_size), blocks_within(limit, per_block));
    write.parallel_blocks = plan.parallel_blocks;
    write.make_codec = codec_factory(options, plan);
    write.overwrite = options.overwrite;
    write.skip_unreadable = options.skip_unreadable;
    write.recovery_percent = options.recovery_percent.value_or(0);
    write.volume_size = options.volume_size;
    write.on_warning = options.on_warning;
    if (options.test) write.verify = [passphrase = options.passphrase](const fs::path& written, JobControl& control) {
        test_before_keeping(written, passphrase, control);
    };
    if (options.on_warning)
        if (const auto warning = device_warning(options)) options.on_warning(*warning);
    return write;
}

std::vector<InputItem> gather_inputs(const fs::path& archive, std::span<const fs::path> inputs, const CompressOptions& options,
                                     std::vector<std::string>* not_chosen)
{
    std::vector<std::string> warnings;
    std::vector<std::string> excluded = options.exclude;
    if (options.exclude_vcs) excluded.insert(excluded.end(), kVersionControlNames.begin(), kVersionControlNames.end());
    const std::string prefix = into_prefix(options);
    WalkOptions walk{options.skip_unreadable, EntryPatterns(std::move(excluded)), options.recorded,
                     options.follow_symlinks, options.exclude_caches, options.exclude_tags,
                     options.one_file_system, options.modified_after, EntryPatterns(options.include)};
    if (not_chosen) walk.on_not_chosen = [&](const std::string& path) { not_chosen->push_back(prefix + path); };
    auto items = walk_inputs(inputs, warnings, walk);
    drop_archive_itself(archive, items, warnings);
    if (!prefix.empty())
        for (auto& item : items) item.info.path = prefix + item.info.path;
    if (options.on_warning)
        for (const auto& warning : warnings) options.on_warning(warning);
    return items;
}

RemovalSummary remove_inputs_if_asked(const fs::path& written, std::span<const InputItem> items,
                                      const CompressOptions& options, JobControl& control)
{
    if (!options.remove_files) return {};
    RemovalSummary summary;
    try {
        summary = remove_archived_inputs(written, items, options.passphrase, control);
    } catch (const Error& e) {
        if (e.code() != ErrorCode::Data) throw;
        throw Error(ErrorCode::Data, std::string(e.what()) + "; the archive was written, but no file was removed");
    }
    if (options.on_warning)
        for (const auto& kept : summary.kept) options.on_warning("kept " + kept);
    return summary;
}

RemovalSummary compress_paths(const fs::path& archive, std::span<const fs::path> inputs, const CompressOptions& options,
                              JobControl& control)
{
    validate(options);
    if (inputs.empty()) throw Error(ErrorCode::Usage, "nothing to archive: no input paths");
    std::error_code ec;
    // Checked here too so a refusal comes before walking a large tree.
    const fs::path first_file = first_file_of(archive, options.volume_size);
    if (!options.overwrite && fs::exists(fs::symlink_status(first_file, ec)))
        throw Error(ErrorCode::Exists, first_file.string() + " already exists");

    const auto standard = export_format_for(archive);
    if (standard) refuse_what_a_standard_archive_cannot_hold(*standard, options);
    refuse_foreign_name_for_nnz(archive);
    const auto key = options.passphrase.empty() || standard ? nullptr : ArchiveKey::create(options.passphrase);
    const auto [disk_inputs, from_stdin] = split_stdin_input(inputs);
    const std::string stdin_name = from_stdin ? into_prefix(options) + stdin_entry_name(archive, options.stdin_name) : std::string();
    auto items = gather_inputs(archive, disk_inputs, options);
    // After the walk, so that the copy of the stream is not found in a folder being archived.
    std::optional<SpooledStdin> spooled;
    if (from_stdin) {
        spooled.emplace(archive, stdin_name, STDIN_FILENO, control);
        items.push_back(spooled->item());
    }
    // As tar, an archive all the same; unlike tar, not without saying so (a backup script's
    // patterns that match nothing should not pass unnoticed).
    if (items.empty() && options.on_warning) options.on_warning("nothing to archive: the options left out everything the inputs hold; the archive is empty");
    if (standard) {
        std::function<void(const fs::path&, JobControl&)> verify;
        if (options.test)
            verify = [&items, &options](const fs::path& written, JobControl& c) {
                test_written_files(written, items, options.passphrase, c);
            };
        write_standard_archive(archive, *standard, items, options.overwrite, options.skip_unreadable, control,
                               options.passphrase, verify);
        if (spooled) items.pop_back();
        return remove_inputs_if_asked(archive, items, options, control);
    }
    WriteOptions write = write_options_for(options, items);
    write.key = key;
    write_archive(archive, items, write, control);
    if (spooled) items.pop_back();  // standard input is no file to remove
    return remove_inputs_if_asked(first_file, items, options, control);
}

}  // namespace nnz
