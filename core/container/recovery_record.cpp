#include "recovery_record.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <bit>
#include <cstring>
#include <string>

#include "../checksum.hpp"
#include "../error.hpp"
#include "../recovery/reed_solomon.hpp"
#include "archive_file.hpp"
#include "format.hpp"

namespace nnz {
namespace {

constexpr std::array<uint8_t, 8> kRecoveryMagic{'N', 'N', 'Z', 'R', 'E', 'C', 'O', 'V'};
constexpr uint16_t kRecoveryVersion = 1;
// Shards: about 8192 of them (a checksum table of 32 KiB), never smaller than 2 KiB (the tables
// share) or larger than 1 MiB (what one rebuilt shard costs in memory, times the group's losses).
constexpr uint64_t kTargetShards = 8192;
constexpr uint64_t kMinShardSize = 2048;
constexpr uint64_t kMaxShardSize = 1u << 20;
// Parity kept in memory at once while appending (groups are done in batches within it).
constexpr uint64_t kParityBatchBytes = 64u << 20;
// Read this much at a time when checking or copying.
constexpr uint64_t kReadWindow = 4u << 20;
constexpr size_t kMaxCodeShards = 255;

// Without a + b - 1, which wraps around for sizes near 2^64.
uint64_t ceil_div(uint64_t a, uint64_t b) { return a / b + (a % b != 0 ? 1 : 0); }

uint64_t parity_for(uint64_t data_shards, unsigned percent) { return ceil_div(data_shards * percent, 100); }

// The most data shards a group can have at this percent with its parity within kMaxCodeShards.
uint64_t max_group_data_shards(unsigned percent)
{
    uint64_t k = kMaxCodeShards;
    while (k > 1 && k + parity_for(k, percent) > kMaxCodeShards) --k;
    return k;
}

uint32_t shard_checksum(std::span<const uint8_t> bytes) { return static_cast<uint32_t>(xxh64(bytes)); }

uint32_t table_entry(std::span<const uint8_t> table, uint64_t index)
{
    uint32_t v = 0;
    for (int b = 3; b >= 0; --b) v = (v << 8) | table[index * 4 + static_cast<uint64_t>(b)];
    return v;
}

void put_table_entry(std::vector<uint8_t>& table, uint64_t index, uint32_t value)
{
    for (int b = 0; b < 4; ++b) table[index * 4 + static_cast<uint64_t>(b)] = static_cast<uint8_t>(value >> (8 * b));
}

void checkpoint(JobControl* control)
{
    if (control) control->checkpoint();
}

// Reads what lies below file_size and leaves the rest zero (a cut file still gives its shards).
void read_clamped(const ReadAt& read, uint64_t file_size, uint64_t offset, std::span<uint8_t> out)
{
    std::fill(out.begin(), out.end(), uint8_t{0});
    if (offset >= file_size) return;
    const uint64_t available = std::min<uint64_t>(out.size(), file_size - offset);
    read(offset, out.first(static_cast<size_t>(available)));
}

}  // namespace

ReadAt reader_of(std::shared_ptr<const ArchiveFile> file)
{
    return [file = std::move(file)](uint64_t offset, std::span<uint8_t> out) { file->read_at(offset, out); };
}

RecoveryLayout RecoveryLayout::for_archive(uint64_t protected_size, unsigned percent)
{
    if (percent < kMinRecoveryPercent || percent > kMaxRecoveryPercent)
        throw Error(ErrorCode::Usage, "recovery record of " + std::to_string(percent) + "%: give " +
                                          std::to_string(kMinRecoveryPercent) + " to " +
                                          std::to_string(kMaxRecoveryPercent) + " percent");
    if (protected_size == 0 || protected_size > kMaxRecoveryProtectedSize)
        throw Error(ErrorCode::Internal, "recovery record for " + std::to_string(protected_size) + " bytes");
    RecoveryLayout layout;
    layout.protected_size = protected_size;
    layout.percent = percent;
    layout.shard_size = static_cast<uint32_t>(
        std::clamp<uint64_t>(std::bit_ceil(ceil_div(protected_size, kTargetShards)), kMinShardSize, kMaxShardSize));
    layout.data_shards = ceil_div(protected_size, layout.shard_size);
    layout.groups = static_cast<uint32_t>(ceil_div(layout.data_shards, max_group_data_shards(percent)));
    layout.parity_shards = layout.first_parity_of(layout.groups);
    return layout;
}

uint64_t RecoveryLayout::group_data_shards(uint32_t group) const
{
    return data_shards / groups + (group < data_shards % groups ? 1 : 0);
}

uint64_t RecoveryLayout::group_parity_shards(uint32_t group) const
{
    return parity_for(group_data_shards(group), percent);
}

uint64_t RecoveryLayout::first_parity_of(uint32_t group) const
{
    // The first data_shards % groups groups have one data shard more than the others.
    const uint64_t larger = data_shards % groups;
    const uint64_t small = data_shards / groups;
    const uint64_t before_larger = std::min<uint64_t>(group, larger);
    return before_larger * parity_for(small + 1, percent) + (group - before_larger) * parity_for(small, percent);
}

uint64_t RecoveryLayout::data_shard_size(uint64_t shard) const
{
    return std::min<uint64_t>(shard_size, protected_size - shard * shard_size);
}

uint64_t RecoveryLayout::table_size() const { return 4 * (data_shards + parity_shards); }

uint64_t RecoveryLayout::parity_offset() const { return protected_size + kRecoveryHeaderSize + 2 * table_size(); }

uint64_t RecoveryLayout::record_size() const
{
    return kRecoveryHeaderSize + 2 * table_size() + parity_shards * shard_size + kRecoveryHeaderSize;
}

bool RecoveryLayout::ends_file_of(uint64_t file_size) const
{
    return protected_size < file_size && record_size() == file_size - protected_size;
}

uint64_t RecoveryScan::damaged_bytes() const
{
    uint64_t bytes = 0;
    for (const auto shard : damaged_data) bytes += layout.data_shard_size(shard);
    return bytes;
}

std::array<uint8_t, kRecoveryHeaderSize> encode_recovery_header(const RecoveryLayout& layout, uint64_t table_hash)
{
    format::ByteWriter out;
    out.raw(kRecoveryMagic);
    out.u16(kRecoveryVersion);
    out.u16(static_cast<uint16_t>(layout.percent));
    out.u32(layout.shard_size);
    out.u64(layout.protected_size);
    out.u64(layout.data_shards);
    out.u64(layout.parity_shards);
    out.u32(layout.groups);
    out.u32(0);
    out.u64(table_hash);
    out.u64(xxh64(out.bytes()));
    std::array<uint8_t, kRecoveryHeaderSize> header{};
    if (out.size() != header.size()) throw Error(ErrorCode::Internal, "recovery header of the wrong size");
    std::copy(out.bytes().begin(), out.bytes().end(), header.begin());
    return header;
}

std::optional<RecoveryHeader> parse_recovery_header(std::span<const uint8_t> bytes)
{
    if (bytes.size() < kRecoveryHeaderSize || !std::equal(kRecoveryMagic.begin(), kRecoveryMagic.end(), bytes.begin()))
        return std::nullopt;
    format::ByteReader in(bytes.first(kRecoveryHeaderSize), "recovery record");
    in.raw(kRecoveryMagic.size(), "magic");
    if (in.u16("version") != kRecoveryVersion) return std::nullopt;
    RecoveryLayout stated;
    stated.percent = in.u16("percent");
    stated.shard_size = in.u32("shard size");
    stated.protected_size = in.u64("archive size");
    stated.data_shards = in.u64("data shards");
    stated.parity_shards = in.u64("parity shards");
    stated.groups = in.u32("groups");
    const uint32_t reserved = in.u32("reserved");
    const uint64_t table_hash = in.u64("table checksum");
    const uint64_t sum = xxh64(bytes.first(in.position()));
    if (!checksum_matches(in.u64("header checksum"), sum) || reserved != 0) return std::nullopt;
    if (stated.percent < kMinRecoveryPercent || stated.percent > kMaxRecoveryPercent || stated.protected_size == 0 ||
        stated.protected_size > kMaxRecoveryProtectedSize)
        return std::nullopt;
    // Every number follows from the size and the percent; a header that says otherwise is not ours.
    if (RecoveryLayout::for_archive(stated.protected_size, stated.percent) != stated) return std::nullopt;
    return RecoveryHeader{stated, table_hash};
}

void append_recovery_record(RandomAccessFile& file, unsigned percent, JobControl* control)
{
    const auto layout = RecoveryLayout::for_archive(file.size(), percent);
    const uint64_t S = layout.shard_size;
    const uint64_t G = layout.groups;
    std::vector<uint8_t> table(layout.table_size());

    const uint64_t most_parity = layout.group_parity_shards(0);  // group 0 is never smaller than the others
    const uint64_t groups_per_batch = std::max<uint64_t>(1, kParityBatchBytes / (most_parity * S));
    std::vector<uint8_t> row;
    for (uint64_t g0 = 0; g0 < G; g0 += groups_per_batch) {
        const uint64_t g1 = std::min(G, g0 + groups_per_batch);
        const uint64_t first_parity = layout.first_parity_of(static_cast<uint32_t>(g0));
        const uint64_t batch_parity = layout.first_parity_of(static_cast<uint32_t>(g1)) - first_parity;
        std::vector<uint8_t> parity(batch_parity * S, 0);
        std::vector<CauchyCode> codes;
        for (uint64_t g = g0; g < g1; ++g)
            codes.emplace_back(layout.group_data_shards(static_cast<uint32_t>(g)), layout.group_parity_shards(static_cast<uint32_t>(g)));
        // Row t holds data shards t*G ... t*G + G - 1, the t-th of each group; this batch's part
        // of a row is contiguous in the file.
        for (uint64_t t = 0; t * G + g0 < layout.data_shards; ++t) {
            checkpoint(control);
            const uint64_t first = t * G + g0;
            const uint64_t last = std::min(t * G + g1, layout.data_shards);
            const uint64_t begin = first * S;
            const uint64_t end = std::min(last * S, layout.protected_size);
            row.resize(end - begin);
            file.read_at(begin, row);
            for (uint64_t i = first; i < last; ++i) {
                const auto bytes = std::span<const uint8_t>(row).subspan((i - first) * S, layout.data_shard_size(i));
                put_table_entry(table, i, shard_checksum(bytes));
                const uint64_t g = i % G;
                const auto& code = codes[g - g0];
                std::vector<std::span<uint8_t>> outputs;
                const uint64_t at = layout.first_parity_of(static_cast<uint32_t>(g)) - first_parity;
                for (uint64_t r = 0; r < code.parity_shards(); ++r)
                    outputs.emplace_back(parity.data() + (at + r) * S, S);
                code.add_data_shard(t, bytes, outputs);
            }
        }
        for (uint64_t p = 0; p < batch_parity; ++p)
            put_table_entry(table, layout.data_shards + first_parity + p,
                            shard_checksum(std::span<const uint8_t>(parity).subspan(p * S, S)));
        file.write_at(layout.parity_offset() + first_parity * S, parity);
    }
    const auto header = encode_recovery_header(layout, xxh64(table));
    file.write_at(layout.protected_size, header);
    file.write_at(layout.protected_size + kRecoveryHeaderSize, table);
    file.write_at(layout.protected_size + kRecoveryHeaderSize + table.size(), table);
    file.write_at(layout.protected_size + layout.record_size() - kRecoveryHeaderSize, header);
}

namespace {

// The record's header: the footer at the end of the file, else the header itself found by
// searching backwards (a damaged footer, or a file cut inside the record).
std::optional<std::pair<RecoveryHeader, bool>> find_recovery_header(const ReadAt& read, uint64_t file_size,
                                                                    JobControl* control)
{
    std::vector<uint8_t> bytes(kRecoveryHeaderSize);
    if (file_size >= kRecoveryHeaderSize) {
        read(file_size - kRecoveryHeaderSize, bytes);
        if (auto header = parse_recovery_header(bytes))
            if (header->layout.ends_file_of(file_size)) return std::pair{*header, true};
    }
    std::vector<uint8_t> window;
    uint64_t end = file_size;
    while (end > 0) {
        checkpoint(control);
        const uint64_t begin = end > kReadWindow ? end - kReadWindow : 0;
        // Overlapping the next window by a header, so one lying across the cut is seen whole.
        const uint64_t stop = std::min(file_size, end + kRecoveryHeaderSize - 1);
        window.resize(stop - begin);
        read(begin, window);
        for (uint64_t at = end - begin; at-- > 0;) {
            if (window[at] != kRecoveryMagic[0] || window.size() - at < kRecoveryHeaderSize) continue;
            auto header = parse_recovery_header(std::span<const uint8_t>(window).subspan(at));
            if (header && header->layout.protected_size == begin + at) return std::pair{*header, false};
        }
        end = begin;
    }
    return std::nullopt;
}

}  // namespace

std::optional<RecoveryScan> scan_recovery_record(const ReadAt& read, uint64_t file_size, JobControl* control)
{
    const auto found = find_recovery_header(read, file_size, control);
    if (!found) return std::nullopt;
    const auto& [header, footer_intact] = *found;
    RecoveryScan scan;
    scan.layout = header.layout;
    scan.file_size = file_size;
    scan.footer_intact = footer_intact;
    const auto& layout = scan.layout;
    const uint64_t S = layout.shard_size;

    std::vector<uint8_t> start(kRecoveryHeaderSize);
    read_clamped(read, file_size, layout.protected_size, start);
    scan.header_intact = parse_recovery_header(start).has_value();

    // Either table may be damaged: a shard is intact when it matches an intact table, or with
    // both damaged, either table's entry for it.
    std::vector<uint8_t> first(layout.table_size()), second(layout.table_size());
    read_clamped(read, file_size, layout.protected_size + kRecoveryHeaderSize, first);
    read_clamped(read, file_size, layout.protected_size + kRecoveryHeaderSize + layout.table_size(), second);
    const bool first_intact = checksum_matches(header.table_hash, xxh64(first));
    const bool second_intact = checksum_matches(header.table_hash, xxh64(second));
    scan.tables_intact = first_intact && second_intact;
    scan.checksums.resize(layout.data_shards);
    const auto intact = [&](uint64_t index, std::span<const uint8_t> bytes) {
        const uint32_t sum = shard_checksum(bytes);
        bool matches = false;
        if (first_intact) matches = sum == table_entry(first, index);
        else if (second_intact) matches = sum == table_entry(second, index);
        else matches = sum == table_entry(first, index) || sum == table_entry(second, index);
        // What a rebuilt shard must match: the entry it matched, else the intact table's.
        if (index < layout.data_shards)
            scan.checksums[index] = matches ? sum : table_entry(second_intact ? second : first, index);
        return matches;
    };

    // Shards in windows of several at a time; data shards first, then parity shards.
    const uint64_t per_window = std::max<uint64_t>(1, kReadWindow / S);
    std::vector<uint8_t> window;
    const auto check = [&](uint64_t count, uint64_t offset, uint64_t table_base, auto shard_size, auto on_damaged) {
        for (uint64_t first_shard = 0; first_shard < count; first_shard += per_window) {
            checkpoint(control);
            const uint64_t last = std::min(count, first_shard + per_window);
            const uint64_t begin = offset + first_shard * S;
            const uint64_t end = offset + (last - 1) * S + shard_size(last - 1);
            window.resize(end - begin);
            read_clamped(read, file_size, begin, window);
            for (uint64_t i = first_shard; i < last; ++i) {
                const auto bytes = std::span<const uint8_t>(window).subspan((i - first_shard) * S, shard_size(i));
                // A shard that does not lie whole in the file is lost whatever its zeros say.
                const bool whole = offset + i * S + bytes.size() <= file_size;
                if (!whole || !intact(table_base + i, bytes)) on_damaged(i);
            }
        }
    };
    std::vector<bool> parity_damaged(layout.parity_shards, false);
    check(layout.data_shards, 0, 0, [&](uint64_t i) { return layout.data_shard_size(i); },
          [&](uint64_t i) { scan.damaged_data.push_back(i); });
    check(layout.parity_shards, layout.parity_offset(), layout.data_shards, [&](uint64_t) { return S; },
          [&](uint64_t i) {
              parity_damaged[i] = true;
              scan.damaged_parity.push_back(i);
          });

    std::vector<uint64_t> lost_per_group(layout.groups, 0);
    for (const auto shard : scan.damaged_data) ++lost_per_group[shard % layout.groups];
    for (uint32_t g = 0; g < layout.groups; ++g) {
        if (lost_per_group[g] == 0) continue;
        const uint64_t first_parity = layout.first_parity_of(g);
        uint64_t usable = 0;
        for (uint64_t r = 0; r < layout.group_parity_shards(g); ++r) usable += parity_damaged[first_parity + r] ? 0 : 1;
        if (lost_per_group[g] > usable) {
            ++scan.unrestorable_groups;
            for (const auto shard : scan.damaged_data)
                if (shard % layout.groups == g) scan.unrestored_bytes += layout.data_shard_size(shard);
        }
    }
    return scan;
}

std::optional<RecoveryScan> scan_recovery_record(const std::filesystem::path& path, JobControl* control)
{
    const auto file = std::make_shared<const ArchiveFile>(path);
    return scan_recovery_record(reader_of(file), file->size(), control);
}

std::string describe(const RecoveryScan& scan)
{
    if (!scan.damaged()) return "recovery record of " + std::to_string(scan.layout.percent) + "%, nothing damaged";
    std::string text;
    const auto add = [&](const std::string& part) { text += (text.empty() ? "" : "; ") + part; };
    if (!scan.damaged_data.empty()) {
        const auto n = scan.damaged_data.size();
        add(std::to_string(n) + (n == 1 ? " damaged piece" : " damaged pieces") + " of the archive (" +
            std::to_string(scan.damaged_bytes()) + " bytes), " +
            (scan.restorable()                      ? std::string(n == 1 ? "restorable" : "all restorable")
             : scan.unrestored_bytes == scan.damaged_bytes() ? std::string("too many to restore")
                                                     : std::to_string(scan.damaged_bytes() - scan.unrestored_bytes) +
                                                           " bytes restorable"));
    }
    const auto parity = scan.damaged_parity.size() + (scan.tables_intact ? 0 : 1) + (scan.header_intact ? 0 : 1) +
                        (scan.footer_intact ? 0 : 1);
    if (parity > 0) add("the recovery record itself damaged in " + std::to_string(parity) + (parity == 1 ? " place" : " places"));
    return text;
}

bool restore_from_recovery_record(const ReadAt& read, const RecoveryScan& scan, RandomAccessFile& out, JobControl* control)
{
    const auto& layout = scan.layout;
    const uint64_t S = layout.shard_size;
    if (out.size() != 0) throw Error(ErrorCode::Internal, "restoring into a file that is not empty");
    std::vector<uint8_t> window;
    for (uint64_t at = 0; at < layout.protected_size; at += kReadWindow) {
        checkpoint(control);
        window.resize(std::min(kReadWindow, layout.protected_size - at));
        read_clamped(read, scan.file_size, at, window);
        out.write_at(at, window);
    }

    std::vector<bool> parity_damaged(layout.parity_shards, false);
    for (const auto p : scan.damaged_parity) parity_damaged[p] = true;
    std::vector<std::vector<uint64_t>> lost_per_group(layout.groups);
    for (const auto shard : scan.damaged_data) lost_per_group[shard % layout.groups].push_back(shard);
    bool all_restored = true;
    std::vector<uint8_t> shard(S);
    for (uint32_t g = 0; g < layout.groups; ++g) {
        const auto& lost = lost_per_group[g];
        if (lost.empty()) continue;
        checkpoint(control);
        const uint64_t first_parity = layout.first_parity_of(g);
        std::vector<size_t> lost_positions, used_parity;
        for (const auto s : lost) lost_positions.push_back(static_cast<size_t>(s / layout.groups));
        for (uint64_t r = 0; r < layout.group_parity_shards(g) && used_parity.size() < lost.size(); ++r)
            if (!parity_damaged[first_parity + r]) used_parity.push_back(static_cast<size_t>(r));
        if (used_parity.size() < lost.size()) {
            all_restored = false;
            continue;
        }
        const CauchyCode code(layout.group_data_shards(g), layout.group_parity_shards(g));
        const CauchyCode::Solver solver(code, lost_positions, used_parity);
        std::vector<std::vector<uint8_t>> syndromes(lost.size(), std::vector<uint8_t>(S));
        std::vector<std::span<uint8_t>> views;
        for (size_t r = 0; r < used_parity.size(); ++r) {
            read_clamped(read, scan.file_size, layout.parity_offset() + (first_parity + used_parity[r]) * S, syndromes[r]);
            views.emplace_back(syndromes[r]);
        }
        for (uint64_t position = 0; position < code.data_shards(); ++position) {
            const uint64_t index = position * layout.groups + g;
            if (std::find(lost.begin(), lost.end(), index) != lost.end()) continue;
            const auto bytes = std::span<uint8_t>(shard).first(layout.data_shard_size(index));
            read_clamped(read, scan.file_size, index * S, bytes);
            solver.remove_known(position, bytes, views);
        }
        solver.solve(views);
        for (size_t a = 0; a < lost.size(); ++a) {
            const auto rebuilt = std::span<const uint8_t>(syndromes[a]).first(layout.data_shard_size(lost[a]));
            // Only if it is what was there: an undetected second damage would make it wrong.
            if (shard_checksum(rebuilt) == scan.checksums[lost[a]]) out.write_at(lost[a] * S, rebuilt);
            else all_restored = false;
        }
    }
    return all_restored;
}

}  // namespace nnz
