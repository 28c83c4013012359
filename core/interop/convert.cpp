#include "convert.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <system_error>

#include "../container/archive_file.hpp"
#include "../container/archive_writer.hpp"
#include "../container/entry_pattern.hpp"
#include "../error.hpp"
#include "archive_export.hpp"
#include "foreign_archive.hpp"
#include "opened_archive.hpp"

namespace nnz {
namespace fs = std::filesystem;
namespace {

// The writer's content source: entries come out of the foreign archive in archive order.
class ForeignContents final : public ContentSource {
public:
    // entry_of_item: the entry index of each item, ascending (entries left out have no item).
    ForeignContents(const ForeignArchive& archive, std::vector<size_t> entry_of_item)
        : reader_(archive), entry_of_item_(std::move(entry_of_item)) {}

    void open(const InputItem&, size_t index) override { reader_.open(entry_of_item_.at(index)); }

    void read(std::span<uint8_t> out) override
    {
        while (!out.empty()) {
            const size_t n = reader_.read(out);
            if (n == 0) throw Error(ErrorCode::Internal, "content asked for beyond its stated size");
            out = out.subspan(n);
        }
    }

    void close() override { reader_.close(); }

private:
    ForeignArchive::ContentReader reader_;
    std::vector<size_t> entry_of_item_;
};

// The kept entries in archive order, except that hard links to one content (tar: the later names;
// cpio: the earlier ones) come right after the kept entry that holds it, as its duplicates
// (docs/FORMAT.md): the content is stored once, as 7-Zip does not but tar and cpio mean it. Each
// with whether it is such a duplicate.
std::vector<std::pair<size_t, bool>> stored_once(const ForeignArchive& archive, std::span<const size_t> kept)
{
    const auto& entries = archive.entries();
    std::map<size_t, std::vector<size_t>> sharing;  // content header -> kept files with that content
    for (size_t i : kept)
        if (entries[i].info.type == EntryType::File && entries[i].info.size > 0) sharing[entries[i].content_header].push_back(i);
    std::map<size_t, size_t> holder_of;  // content header -> the kept entry read for it
    for (const auto& group : sharing) {
        const size_t header = group.first;
        const auto& files = group.second;
        const auto own = std::ranges::find_if(files, [&](size_t i) { return entries[i].header == header; });
        holder_of[header] = own != files.end() ? *own : files.front();
    }
    std::vector<std::pair<size_t, bool>> order;
    order.reserve(kept.size());
    for (size_t i : kept) {
        const auto& e = entries[i];
        const bool shares = e.info.type == EntryType::File && e.info.size > 0;
        if (shares && holder_of.at(e.content_header) != i) continue;  // comes after its holder
        order.emplace_back(i, false);
        if (!shares) continue;
        for (size_t other : sharing.at(e.content_header))
            if (other != i) order.emplace_back(other, true);
    }
    return order;
}

}  // namespace

ConversionReport convert_archive(const fs::path& input, const fs::path& output, const CompressOptions& options,
                                 JobControl& control)
{
    validate(options);
    refuse_foreign_name_for_nnz(output);
    std::error_code ec;
    const fs::path first_file = first_file_of(output, options.volume_size);
    if (!options.overwrite && fs::exists(fs::symlink_status(first_file, ec)))
        throw Error(ErrorCode::Exists, first_file.string() + " already exists");
    if (fs::equivalent(input, output, ec))
        throw Error(ErrorCode::Usage, "the output " + output.string() + " is the input itself");
    if (has_nnz_magic(input))
        throw Error(ErrorCode::Usage, input.string() + " is already an nnzip archive");

    // The password opens an encrypted input and encrypts the .nnz: what was protected stays so.
    const ForeignArchive archive(input, &control, options.passphrase);
    const EntryPatterns excluded(options.exclude);
    std::vector<size_t> kept;
    for (size_t i = 0; i < archive.entries().size(); ++i)
        if (!excluded.matches(archive.entries()[i].info.path)) kept.push_back(i);
    // (An empty selection means every entry to check_readable.)
    if (!kept.empty()) archive.check_readable(kept);
    if (options.on_warning)
        for (const auto& warning : archive.warnings()) options.on_warning(warning);

    std::vector<InputItem> items;
    items.reserve(kept.size());
    uint64_t content = 0;
    for (size_t i : kept)
        if (archive.entries()[i].info.type == EntryType::File) content += archive.entries()[i].info.size;
    std::vector<size_t> entry_of_item;  // kept, with hard links moved behind the entry that holds their content
    for (const auto& [entry, duplicate] : stored_once(archive, kept)) {
        items.push_back({archive.entries()[entry].info, {}});
        InputItem& item = items.back();
        if (!options.recorded.owners) item.info.owner.reset();
        if (!options.recorded.xattrs) item.info.xattrs.clear();
        if (!options.recorded.acls) item.info.acl.clear();
        if (duplicate) {
            item.info.duplicate = true;
            item.info.hard_link = true;  // the names of one file in tar and cpio
            item.hash_expected = false;
        }
        entry_of_item.push_back(entry);
    }
    control.done_input = 0;  // the scan counted archive bytes; from here on, content bytes

    ForeignContents contents(archive, std::move(entry_of_item));
    WriteOptions write = write_options_for(options, items);
    if (!options.passphrase.empty()) write.key = ArchiveKey::create(options.passphrase);
    write_archive(output, items, contents, write, control);

    ConversionReport report;
    report.format = archive.format();
    report.input_bytes = archive.file_size();
    report.output_bytes = fs::file_size(output, ec);
    report.content_bytes = content;
    report.entries = items.size();
    return report;
}

std::string human_size(uint64_t bytes, uint64_t scale)
{
    char text[32];
    const double b = static_cast<double>(bytes);
    if (scale < 1000) std::snprintf(text, sizeof text, "%llu B", static_cast<unsigned long long>(bytes));
    else if (scale < 1'000'000) std::snprintf(text, sizeof text, "%.1f KB", b / 1e3);
    else if (scale < 1'000'000'000) std::snprintf(text, sizeof text, "%.2f MB", b / 1e6);
    else std::snprintf(text, sizeof text, "%.2f GB", b / 1e9);
    return text;
}

std::string human_size_beside(uint64_t bytes, uint64_t other)
{
    const uint64_t scale = std::max(bytes, other);
    return human_size(bytes, bytes * 100 < scale ? bytes : scale);
}

std::string change_and_bpb(uint64_t before, uint64_t after, uint64_t content)
{
    std::string text;
    if (before > 0) {
        const double change = 100.0 * (static_cast<double>(after) - static_cast<double>(before)) / static_cast<double>(before);
        const long rounded = std::lround(change);
        // U+2212 MINUS SIGN, as a person would write it.
        text += rounded < 0 ? ", \u2212" + std::to_string(-rounded) + "%" : ", +" + std::to_string(rounded) + "%";
    }
    if (content > 0) {
        char bpb[32];
        std::snprintf(bpb, sizeof bpb, ", %.3f bpb", static_cast<double>(after) * 8.0 / static_cast<double>(content));
        text += bpb;
    }
    return text;
}

std::string describe(const ConversionReport& r)
{
    return r.format + " " + human_size_beside(r.input_bytes, r.output_bytes) + " \u2192 nnz " +
           human_size_beside(r.output_bytes, r.input_bytes) + change_and_bpb(r.input_bytes, r.output_bytes, r.content_bytes);
}

}  // namespace nnz
