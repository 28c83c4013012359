#include "summary.hpp"

#include <cstdio>

#include "container/archive_reader.hpp"
#include "interop/convert.hpp"

namespace nnz::cli {

std::string archive_summary(const std::filesystem::path& archive, double seconds, const Passphrase& passphrase)
{
    const ArchiveReader reader(archive, passphrase);
    uint64_t content = 0;
    for (const auto& entry : reader.entries()) content += entry.size;
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(archive, ec);
    const size_t entries = reader.entries().size();
    char time[32];
    std::snprintf(time, sizeof time, ", %.1f s", seconds);
    return archive.filename().string() + ": " + std::to_string(entries) + (entries == 1 ? " entry, " : " entries, ") +
           human_size_beside(content, size) + " \u2192 " + human_size_beside(size, content) + change_and_bpb(content, size, content) +
           time;
}

}  // namespace nnz::cli
