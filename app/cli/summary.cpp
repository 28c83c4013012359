#include "summary.hpp"

#include <cstdio>

#include "container/archive_file.hpp"
#include "container/archive_reader.hpp"
#include "interop/archive_export.hpp"
#include "interop/convert.hpp"
#include "interop/opened_archive.hpp"

#include <optional>

namespace nnz::cli {

namespace {

// ", 4.2 s": how long the command took, at the end of its line.
std::string took(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, ", %.1f s", seconds);
    return text;
}

}  // namespace

std::string archive_summary(const std::filesystem::path& archive, double seconds, const Passphrase& passphrase,
                            const std::string& shown)
{
    // An .nnz (a split one in all its volumes), or the zip, 7z or tar `a` wrote.
    const bool nnz = !export_format_for(archive);
    const auto opened = nnz ? nullptr : open_archive(archive, nullptr, passphrase);
    const std::optional<ArchiveReader> reader = nnz ? std::optional<ArchiveReader>(std::in_place, archive, passphrase) : std::nullopt;
    const auto& all = nnz ? reader->entries() : opened->entries();
    uint64_t content = 0;
    for (const auto& entry : all) content += entry.size;
    const ArchiveFile file(archive);  // one file or the volumes of a split archive
    const uint64_t size = file.size();
    const size_t entries = all.size();
    const std::string volumes = file.volume_count() > 1 ? " in " + std::to_string(file.volume_count()) + " volumes" : "";
    return (shown.empty() ? archive.filename().string() : shown) + ": " + std::to_string(entries) + (entries == 1 ? " entry, " : " entries, ") +
           human_size_beside(content, size) + " \u2192 " + human_size_beside(size, content) + volumes +
           change_and_bpb(content, size, content) + took(seconds);
}

std::string extraction_summary(const std::filesystem::path& archive, size_t entries, uint64_t bytes,
                               const std::filesystem::path& destination, double seconds)
{
    return archive.filename().string() + ": " + std::to_string(entries) + (entries == 1 ? " entry, " : " entries, ") +
           human_size(bytes, bytes) + " extracted to " + destination.string() + took(seconds);
}

}  // namespace nnz::cli
