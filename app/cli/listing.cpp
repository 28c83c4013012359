#include "listing.hpp"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "container/entry_text.hpp"

namespace nnz::cli {
namespace {

const char* type_name(EntryType type)
{
    switch (type) {
    case EntryType::File: return "file";
    case EntryType::Directory: return "directory";
    case EntryType::Symlink: return "symlink";
    }
    return "unknown";
}

std::string format_time(int64_t seconds, bool utc_iso)
{
    const auto t = static_cast<std::time_t>(seconds);
    std::tm parts{};
    char text[40];
    if (utc_iso) {
        if (!gmtime_r(&t, &parts) || !std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts)) return "";
    } else {
        if (!localtime_r(&t, &parts) || !std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &parts)) return "?";
    }
    return text;
}

std::string count(size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

double bits_per_byte(double packed, uint64_t size) { return size ? packed * 8.0 / static_cast<double>(size) : 0.0; }

// Foreign archives may hold any bytes in their names: control characters are shown escaped so
// that they cannot drive the terminal.
std::string printable(const std::string& s)
{
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", u);
            out += escaped;
        } else {
            out += c;
        }
    }
    return out;
}

std::string display_name(const EntryInfo& e)
{
    if (e.type == EntryType::Directory) return printable(e.path) + "/";
    if (e.type == EntryType::Symlink) return printable(e.path) + " -> " + printable(e.link_target);
    return printable(e.path);
}

constexpr const char* rule = "------------";

// l --long: the columns before Size, as ls -l and tar -tv show them.
class LongColumns {
public:
    LongColumns(bool shown, std::span<const EntryInfo* const> entries) : shown_(shown)
    {
        for (const EntryInfo* e : entries) owner_width_ = std::max(owner_width_, owner_text(e->owner).size());
    }
    std::string header() const { return shown_ ? pad("Permissions", 11) + " " + pad("Owner", owner_width_) + "  " : ""; }
    std::string rule() const
    {
        return shown_ ? std::string(11, '-') + " " + std::string(owner_width_, '-') + "  " : "";
    }
    std::string blank() const { return shown_ ? std::string(11 + 1 + owner_width_ + 2, ' ') : ""; }
    std::string of(const EntryInfo& e) const
    {
        if (!shown_) return "";
        const std::string owner = owner_text(e.owner);
        return pad(permissions_text(e), 11) + " " + pad(owner.empty() ? "-" : owner, owner_width_) + "  ";
    }

private:
    static std::string pad(std::string text, size_t width)
    {
        // Owner names are UTF-8: count characters, not bytes.
        size_t shown = 0;
        for (unsigned char c : text) shown += (c & 0xc0) != 0x80;
        if (shown < width) text.append(width - shown, ' ');
        return text;
    }
    bool shown_;
    size_t owner_width_ = 5;
};

template <typename GetInfo>
LongColumns long_columns(bool shown, std::span<const size_t> rows, GetInfo info_of)
{
    std::vector<const EntryInfo*> listed_entries;
    if (shown)
        for (size_t i : rows) listed_entries.push_back(&info_of(i));
    return LongColumns(shown, listed_entries);
}

// The entries to list, in archive order: the selection, or all of them.
std::vector<size_t> listed(std::span<const size_t> selection, size_t count)
{
    if (!selection.empty()) return {selection.begin(), selection.end()};
    std::vector<size_t> all(count);
    for (size_t i = 0; i < count; ++i) all[i] = i;
    return all;
}

std::string base64(std::string_view bytes)
{
    static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const size_t n = std::min<size_t>(3, bytes.size() - i);
        uint32_t group = 0;
        for (size_t k = 0; k < 3; ++k) group = group << 8 | (k < n ? static_cast<uint8_t>(bytes[i + k]) : 0u);
        for (size_t k = 0; k < 4; ++k) out += k <= n ? kDigits[(group >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

// The owner, extended attributes (values in base64: they need not be text) and access control
// list as JSON fields, where recorded.
void print_json_metadata(const EntryInfo& e, std::FILE* out)
{
    if (const auto& owner = e.owner) {
        std::fprintf(out, ", \"uid\": %u, \"gid\": %u", owner->uid, owner->gid);
        if (!owner->user.empty()) std::fprintf(out, ", \"user\": %s", json_string(owner->user).c_str());
        if (!owner->group.empty()) std::fprintf(out, ", \"group\": %s", json_string(owner->group).c_str());
    }
    if (!e.xattrs.empty()) {
        std::fputs(", \"xattrs\": {", out);
        for (size_t k = 0; k < e.xattrs.size(); ++k)
            std::fprintf(out, "%s%s: \"%s\"", k ? ", " : "", json_string(e.xattrs[k].name).c_str(), base64(e.xattrs[k].value).c_str());
        std::fputs("}", out);
    }
    if (!e.acl.empty()) std::fprintf(out, ", \"acl\": %s", json_string(e.acl).c_str());
}

// The first name of the file entries[index] is a hard link of.
const EntryInfo& first_name_of(std::span<const EntryInfo> entries, size_t index)
{
    while (index > 0 && entries[index].hard_link) --index;
    return entries[index];
}

// Per entry, the name whose header holds its content when it is a hard link (a tar's first
// name, a cpio's last); empty for an entry with its own content.
std::vector<std::string> foreign_link_targets(const ForeignArchive& archive)
{
    const auto& entries = archive.entries();
    std::unordered_map<size_t, size_t> by_header;
    for (size_t i = 0; i < entries.size(); ++i) by_header.emplace(entries[i].header, i);
    std::vector<std::string> targets(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
        const ForeignEntry& entry = entries[i];
        if (entry.info.type != EntryType::File || entry.content_header == entry.header) continue;
        if (const auto found = by_header.find(entry.content_header); found != by_header.end())
            targets[i] = entries[found->second].info.path;
    }
    return targets;
}

}  // namespace

std::string json_string(const std::string& s)
{
    std::string out = "\"";
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c < 0x20 || c == 0x7f) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
            out += escaped;
            ++i;
        } else if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
        } else {
            const size_t extra = (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : (c & 0xf8) == 0xf0 ? 3 : 0;
            bool valid = extra > 0;
            for (size_t k = 1; valid && k <= extra; ++k)
                valid = i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
            if (valid) {
                out.append(s, i, extra + 1);
                i += extra + 1;
            } else {
                out += "\xef\xbf\xbd";
                ++i;
            }
        }
    }
    return out + "\"";
}

void print_table(const ForeignArchive& archive, std::span<const size_t> selection, std::FILE* out, bool long_format)
{
    const std::vector<std::string> link_targets = foreign_link_targets(archive);
    const std::vector<size_t> rows = listed(selection, archive.entries().size());
    const LongColumns before = long_columns(long_format, rows, [&](size_t i) -> const EntryInfo& { return archive.entries()[i].info; });
    std::fprintf(out, "%s%12s %12s %6s  %-16s  %s\n", before.header().c_str(), "Size", "Packed", "bpb", "Modified", "Name");
    std::fprintf(out, "%s%12s %12s %6s  %-16s  %s\n", before.rule().c_str(), rule, rule, "------", "----------------", "----");
    uint64_t total_size = 0;
    size_t files = 0, folders = 0, links = 0;
    for (size_t i : rows) {
        const auto& entry = archive.entries()[i];
        const EntryInfo& e = entry.info;
        std::string name = display_name(e);
        if (entry.problem_code == ErrorCode::Unsafe && !entry.problem.empty()) name += "  [unsafe name, refused]";
        else if (entry.encrypted) name += "  [encrypted]";
        else if (!entry.problem.empty()) name += "  [unreadable]";
        else if (!link_targets[i].empty())
            name += "  [hard link to " + printable(link_targets[i]) + "]";
        std::fprintf(out, "%s%12" PRIu64 " %12s %6s  %-16s  %s\n", before.of(e).c_str(), e.size, "-", "-",
                     format_time(e.mtime_sec, false).c_str(), name.c_str());
        total_size += e.size;
        files += e.type == EntryType::File;
        folders += e.type == EntryType::Directory;
        links += e.type == EntryType::Symlink;
    }
    std::fprintf(out, "%s%12s %12s %6s  %-16s  %s\n", before.rule().c_str(), rule, rule, "------", "", "----");
    std::fprintf(out, "%s%12" PRIu64 " %12" PRIu64 " %6s  %-16s  %s, %s, %s in a %s archive (read-only)\n",
                 before.blank().c_str(), total_size, archive.file_size(), "-", "", count(files, "file").c_str(), count(folders, "folder").c_str(),
                 count(links, "symlink").c_str(), archive.format().c_str());
}

void print_json(const ForeignArchive& archive, std::span<const size_t> selection, std::FILE* out)
{
    const std::vector<std::string> link_targets = foreign_link_targets(archive);
    std::fputs("[", out);
    bool first = true;
    for (size_t i : listed(selection, archive.entries().size())) {
        const auto& entry = archive.entries()[i];
        const EntryInfo& e = entry.info;
        std::fprintf(out, "%s\n  {\"name\": %s, \"type\": \"%s\", \"size\": %" PRIu64 ", \"packed_size\": null, \"bpb\": null",
                     first ? "" : ",", json_string(e.path).c_str(), type_name(e.type), e.size);
        std::fprintf(out, ", \"modified\": %s, \"mtime\": %" PRId64 ", \"mtime_nsec\": %u, \"mode\": \"%04o\"",
                     json_string(format_time(e.mtime_sec, true)).c_str(), e.mtime_sec, e.mtime_nsec, e.mode);
        std::fprintf(out, ", \"checksum\": null, \"block\": null, \"offset\": null, \"format\": %s",
                     json_string(archive.format()).c_str());
        if (e.type == EntryType::Symlink) std::fprintf(out, ", \"link_target\": %s", json_string(e.link_target).c_str());
        if (!link_targets[i].empty()) std::fprintf(out, ", \"hard_link_to\": %s", json_string(link_targets[i]).c_str());
        print_json_metadata(e, out);
        if (entry.encrypted) std::fputs(", \"encrypted\": true", out);
        if (!entry.problem.empty()) std::fprintf(out, ", \"problem\": %s", json_string(entry.problem).c_str());
        std::fputs("}", out);
        first = false;
    }
    std::fputs(first ? "]\n" : "\n]\n", out);
}

void print_table(const ArchiveReader& reader, std::span<const size_t> selection, std::FILE* out, bool long_format)
{
    const std::vector<size_t> rows = listed(selection, reader.entries().size());
    const LongColumns before = long_columns(long_format, rows, [&](size_t i) -> const EntryInfo& { return reader.entries()[i]; });
    std::fprintf(out, "%s%12s %12s %6s  %-16s  %s\n", before.header().c_str(), "Size", "Packed", "bpb", "Modified", "Name");
    std::fprintf(out, "%s%12s %12s %6s  %-16s  %s\n", before.rule().c_str(), rule, rule, "------", "----------------", "----");
    uint64_t total_size = 0;
    size_t files = 0, folders = 0, links = 0;
    double selected_packed = 0;
    std::set<uint32_t> blocks;
    for (size_t i : rows) {
        const auto& e = reader.entries()[i];
        const double packed = reader.packed_size_of(e);
        selected_packed += packed;
        for (uint64_t left = e.size, offset = e.offset, b = e.block; left > 0 && b < reader.blocks().size(); ++b) {
            blocks.insert(static_cast<uint32_t>(b));
            left -= std::min(left, reader.blocks()[b].raw_size - std::min(offset, reader.blocks()[b].raw_size));
            offset = 0;
        }
        char bpb[16] = "-";
        if (e.type == EntryType::File && e.size > 0) std::snprintf(bpb, sizeof bpb, "%.3f", bits_per_byte(packed, e.size));
        std::string name = display_name(e);
        if (e.hard_link) name += "  [hard link to " + printable(first_name_of(reader.entries(), i).path) + "]";
        else if (e.duplicate) name += "  [same as " + printable(reader.entries()[original_of(reader.entries(), i)].path) + "]";
        std::fprintf(out, "%s%12" PRIu64 " %12.0f %6s  %-16s  %s\n", before.of(e).c_str(), e.size, std::round(packed), bpb,
                     format_time(e.mtime_sec, false).c_str(), name.c_str());
        total_size += e.size;
        files += e.type == EntryType::File;
        folders += e.type == EntryType::Directory;
        links += e.type == EntryType::Symlink;
    }
    // The whole archive's blocks, or the selection's share of them.
    uint64_t total_packed = 0;
    for (const auto& b : reader.blocks()) total_packed += b.packed_size;
    if (!selection.empty()) total_packed = static_cast<uint64_t>(std::llround(selected_packed));
    const size_t block_count = selection.empty() ? reader.blocks().size() : blocks.size();
    char bpb[16] = "-";
    if (total_size > 0) std::snprintf(bpb, sizeof bpb, "%.3f", bits_per_byte(static_cast<double>(total_packed), total_size));
    std::fprintf(out, "%s%12s %12s %6s  %-16s  %s\n", before.rule().c_str(), rule, rule, "------", "", "----");
    std::string extras =
        reader.recovery_percent() > 0 ? ", recovery record " + std::to_string(reader.recovery_percent()) + "%" : "";
    if (reader.volume_count() > 1) extras += ", split into " + std::to_string(reader.volume_count()) + " volumes";
    std::fprintf(out, "%s%12" PRIu64 " %12" PRIu64 " %6s  %-16s  %s, %s, %s in %s%s%s\n", before.blank().c_str(), total_size,
                 total_packed, bpb, "",
                 count(files, "file").c_str(), count(folders, "folder").c_str(), count(links, "symlink").c_str(),
                 count(block_count, "block").c_str(), reader.encrypted() ? ", encrypted" : "", extras.c_str());
}

void print_json(const ArchiveReader& reader, std::span<const size_t> selection, std::FILE* out)
{
    std::fputs("[", out);
    bool first = true;
    for (size_t i : listed(selection, reader.entries().size())) {
        const auto& e = reader.entries()[i];
        const double packed = reader.packed_size_of(e);
        std::fprintf(out, "%s\n  {\"name\": %s, \"type\": \"%s\", \"size\": %" PRIu64 ", \"packed_size\": %.0f",
                     first ? "" : ",", json_string(e.path).c_str(), type_name(e.type), e.size, std::round(packed));
        if (e.type == EntryType::File && e.size > 0)
            std::fprintf(out, ", \"bpb\": %.4f", bits_per_byte(packed, e.size));
        else
            std::fputs(", \"bpb\": null", out);
        std::fprintf(out, ", \"modified\": %s, \"mtime\": %" PRId64 ", \"mtime_nsec\": %u, \"mode\": \"%04o\"",
                     json_string(format_time(e.mtime_sec, true)).c_str(), e.mtime_sec, e.mtime_nsec, e.mode);
        std::fprintf(out, ", \"checksum\": \"%016" PRIx64 "\", \"block\": %u, \"offset\": %" PRIu64, e.content_hash,
                     e.block, e.offset);
        if (e.type == EntryType::Symlink) std::fprintf(out, ", \"link_target\": %s", json_string(e.link_target).c_str());
        if (e.duplicate)
            std::fprintf(out, ", \"duplicate_of\": %s", json_string(reader.entries()[original_of(reader.entries(), i)].path).c_str());
        if (e.hard_link)
            std::fprintf(out, ", \"hard_link_to\": %s", json_string(first_name_of(reader.entries(), i).path).c_str());
        print_json_metadata(e, out);
        std::fputs("}", out);
        first = false;
    }
    std::fputs(first ? "]\n" : "\n]\n", out);
}

}  // namespace nnz::cli
