#include "summary.hpp"

#include <cstdio>

#include "container/archive_file.hpp"
#include "container/archive_reader.hpp"
#include "interop/convert.hpp"

namespace nnz::cli {

std::string archive_summary(const std::filesystem::path& archive, double seconds, const Passphrase& passphrase)
{
    const ArchiveReader reader(archive, passphrase);
    uint64_t content = 0;
    for (const auto& entry : reader.entries()) content += entry.size;
    const ArchiveFile file(archive);  // one file or the volumes of a split archive
    const uint64_t size = file.size();
    const size_t entries = reader.entries().size();
    char time[32];
    std::snprintf(time, sizeof time, ", %.1f s", seconds);
    const std::string volumes = file.volume_count() > 1 ? " in " + std::to_string(file.volume_count()) + " volumes" : "";
    return archive.filename().string() + ": " + std::to_string(entries) + (entries == 1 ? " entry, " : " entries, ") +
           human_size_beside(content, size) + " \u2192 " + human_size_beside(size, content) + volumes +
           change_and_bpb(content, size, content) + time;
}

}  // namespace nnz::cli
