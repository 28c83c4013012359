#include "info.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "codec.hpp"
#include "container/archive_file.hpp"
#include "container/archive_reader.hpp"
#include "interop/convert.hpp"
#include "interop/foreign_archive.hpp"
#include "listing.hpp"

namespace nnz::cli {
namespace {

struct Counts {
    size_t files = 0, folders = 0, symlinks = 0;
    size_t stored_once = 0;  // duplicates of another file's content (hard links among them)
    size_t hard_links = 0;
    uint64_t content = 0;
};

Counts count_entries(const std::vector<EntryInfo>& entries)
{
    Counts c;
    for (const auto& e : entries) {
        if (e.type == EntryType::Directory) ++c.folders;
        else if (e.type == EntryType::Symlink) ++c.symlinks;
        else ++c.files;
        if (e.duplicate) ++c.stored_once;
        if (e.hard_link) ++c.hard_links;
        c.content += e.size;
    }
    return c;
}

std::string counted(size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

std::string bytes_text(uint64_t bytes)
{
    std::string text = std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    if (bytes >= 1000) text += " (" + human_size(bytes, bytes) + ")";
    return text;
}

std::string bpb_text(uint64_t packed, uint64_t raw)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", raw ? 8.0 * static_cast<double>(packed) / static_cast<double>(raw) : 0.0);
    return text;
}

struct BlockLine {
    uint64_t raw = 0;
    uint64_t packed = 0;
    std::string codec;    // empty: its header is damaged
    uint64_t memory = 0;  // what coding it takes (BlockCodec::memory_for)
};

size_t print_nnz(ArchiveReader& reader, const std::filesystem::path& path, bool json, std::string_view separator,
                 std::FILE* out)
{
    const Counts c = count_entries(reader.entries());
    std::vector<BlockLine> blocks;
    uint64_t packed = 0;
    size_t damaged = 0;
    for (uint32_t b = 0; b < reader.blocks().size(); ++b) {
        const auto& info = reader.blocks()[b];
        BlockLine line{info.raw_size, info.packed_size, {}, 0};
        try {
            const auto codec = reader.block_codec(b);
            line.codec = describe_codec(codec.codec, codec.settings);
            line.memory = make_codec(codec.codec, codec.settings)->memory_for(info.raw_size);
        } catch (const Error& e) {
            if (e.code() != ErrorCode::Data) throw;
            ++damaged;  // the rest is still described (the index says its sizes)
        }
        blocks.push_back(std::move(line));
        packed += info.packed_size;
    }
    const std::string version = std::to_string(reader.format_major()) + "." + std::to_string(reader.format_minor());
    const uint64_t size = reader.stored_size();
    // Everything is read: from here on nothing fails, so nothing is half printed.
    std::fwrite(separator.data(), 1, separator.size(), out);
    if (json) {
        std::fprintf(out, "{\"archive\": %s, \"format\": \"nnz\", \"format_version\": %s, \"creator\": %s, \"size\": %llu, "
                          "\"volumes\": %zu,\n \"files\": %zu, \"folders\": %zu, \"symlinks\": %zu, \"stored_once\": %zu, "
                          "\"hard_links\": %zu, \"content_size\": %llu, \"packed_size\": %llu, \"bpb\": %s,\n"
                          " \"encrypted\": %s, \"recovery_percent\": %u,\n \"blocks\": [",
                     json_string(path.string()).c_str(), json_string(version).c_str(), json_string(reader.creator()).c_str(),
                     static_cast<unsigned long long>(size), reader.volume_count(), c.files, c.folders, c.symlinks, c.stored_once,
                     c.hard_links, static_cast<unsigned long long>(c.content), static_cast<unsigned long long>(packed),
                     c.content ? bpb_text(packed, c.content).c_str() : "null", reader.encrypted() ? "true" : "false",
                     reader.recovery_percent());
        for (size_t b = 0; b < blocks.size(); ++b)
            std::fprintf(out, "%s\n  {\"size\": %llu, \"packed_size\": %llu, \"bpb\": %s, \"codec\": %s, \"memory\": %llu}",
                         b ? "," : "", static_cast<unsigned long long>(blocks[b].raw),
                         static_cast<unsigned long long>(blocks[b].packed),
                         blocks[b].raw ? bpb_text(blocks[b].packed, blocks[b].raw).c_str() : "null",
                         blocks[b].codec.empty() ? "null" : json_string(blocks[b].codec).c_str(),
                         static_cast<unsigned long long>(blocks[b].memory));
        std::fputs(blocks.empty() ? "]}\n" : "\n ]}\n", out);
        return damaged;
    }
    std::fprintf(out, "Archive:          %s\n", path.string().c_str());
    std::fprintf(out, "Type:             nnzip archive, format %s, written by %s\n", version.c_str(),
                 reader.creator().empty() ? "an unnamed program" : reader.creator().c_str());
    std::fprintf(out, "Size:             %s%s\n", bytes_text(size).c_str(),
                 reader.volume_count() > 1 ? (" in " + std::to_string(reader.volume_count()) + " volumes").c_str() : "");
    std::string entries = counted(c.files, "file") + ", " + counted(c.folders, "folder") + ", " + counted(c.symlinks, "symlink");
    if (c.stored_once > 0)
        entries += "; " + std::to_string(c.stored_once) + " stored once (the content of another file" +
                   (c.hard_links > 0 ? ", " + std::to_string(c.hard_links) + (c.hard_links == 1 ? " a hard link" : " hard links") : "") +
                   ")";
    std::fprintf(out, "Entries:          %s\n", entries.c_str());
    std::fprintf(out, "Content:          %s\n", bytes_text(c.content).c_str());
    std::string packed_text = bytes_text(packed) + " in " + counted(blocks.size(), "block");
    if (c.content > 0) {
        char ratio[64];
        std::snprintf(ratio, sizeof ratio, ": %.1f%% of the content, %s bits per byte",
                      100.0 * static_cast<double>(packed) / static_cast<double>(c.content), bpb_text(packed, c.content).c_str());
        packed_text += ratio;
    }
    std::fprintf(out, "Packed:           %s\n", packed_text.c_str());
    std::fprintf(out, "Encryption:       %s\n",
                 reader.encrypted() ? "XChaCha20-Poly1305, contents and names; key from the password by Argon2id" : "none");
    if (reader.recovery_percent() > 0)
        std::fprintf(out, "Recovery record:  %u%% of the archive (nnzip repair rebuilds up to about that much damage)\n",
                     reader.recovery_percent());
    else
        std::fputs("Recovery record:  none\n", out);
    if (blocks.empty()) return damaged;
    uint64_t memory = 0;
    for (const auto& block : blocks) memory = std::max(memory, block.memory);
    std::fprintf(out, "Memory:           %s to decode its largest block\n", human_size(memory, memory).c_str());
    std::fputs("\n   Block          Size        Packed     bpb  Codec\n", out);
    for (size_t b = 0; b < blocks.size(); ++b)
        std::fprintf(out, "%8zu  %12llu  %12llu  %6s  %s\n", b, static_cast<unsigned long long>(blocks[b].raw),
                     static_cast<unsigned long long>(blocks[b].packed),
                     blocks[b].raw ? bpb_text(blocks[b].packed, blocks[b].raw).c_str() : "-",
                     blocks[b].codec.empty() ? "(its header is damaged)" : blocks[b].codec.c_str());
    return damaged;
}

void print_foreign(const ForeignArchive& archive, const std::filesystem::path& path, bool json, std::string_view separator,
                   std::FILE* out)
{
    const Counts c = count_entries(archive.infos());
    size_t encrypted = 0;
    for (const auto& e : archive.entries()) encrypted += e.encrypted ? 1 : 0;
    std::fwrite(separator.data(), 1, separator.size(), out);
    if (json) {
        std::fprintf(out, "{\"archive\": %s, \"format\": %s, \"size\": %llu,\n \"files\": %zu, \"folders\": %zu, "
                          "\"symlinks\": %zu, \"hard_links\": %zu, \"content_size\": %llu, \"encrypted_entries\": %zu}\n",
                     json_string(path.string()).c_str(), json_string(archive.format()).c_str(),
                     static_cast<unsigned long long>(archive.file_size()), c.files, c.folders, c.symlinks, c.hard_links,
                     static_cast<unsigned long long>(c.content), encrypted);
        return;
    }
    std::fprintf(out, "Archive:          %s\n", path.string().c_str());
    std::fprintf(out, "Type:             %s archive (read-only: nnzip convert makes an .nnz of it)\n", archive.format().c_str());
    std::fprintf(out, "Size:             %s\n", bytes_text(archive.file_size()).c_str());
    std::string entries = counted(c.files, "file") + ", " + counted(c.folders, "folder") + ", " + counted(c.symlinks, "symlink");
    if (c.hard_links > 0) entries += "; " + std::to_string(c.hard_links) + (c.hard_links == 1 ? " hard link" : " hard links");
    std::fprintf(out, "Entries:          %s\n", entries.c_str());
    std::fprintf(out, "Content:          %s\n", bytes_text(c.content).c_str());
    if (archive.file_size() > 0 && c.content > 0)
        std::fprintf(out, "Packed:           %.1f%% of the content, %s bits per byte (with the headers)\n",
                     100.0 * static_cast<double>(archive.file_size()) / static_cast<double>(c.content),
                     bpb_text(archive.file_size(), c.content).c_str());
    std::fprintf(out, "Encryption:       %s\n",
                 encrypted > 0 ? (std::to_string(encrypted) + (encrypted == 1 ? " entry" : " entries") + " encrypted").c_str() : "none");
}

}  // namespace

size_t print_info(OpenedArchive& archive, const std::filesystem::path& path, bool json, std::string_view separator,
                  std::FILE* out)
{
    if (ArchiveReader* reader = archive.nnz()) return print_nnz(*reader, path, json, separator, out);
    print_foreign(*archive.foreign(), path, json, separator, out);
    return 0;
}

}  // namespace nnz::cli
