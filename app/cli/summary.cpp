#include "summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "container/archive_reader.hpp"
#include "interop/convert.hpp"

namespace nnz::cli {

std::string archive_summary(const std::filesystem::path& archive, double seconds)
{
    const ArchiveReader reader(archive);
    uint64_t content = 0;
    for (const auto& entry : reader.entries()) content += entry.size;
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(archive, ec);
    const uint64_t scale = std::max(content, size);
    const size_t entries = reader.entries().size();
    std::string line = archive.filename().string() + ": " + std::to_string(entries) + (entries == 1 ? " entry, " : " entries, ") +
                       human_size(content, scale) + " \u2192 " + human_size(size, scale);
    if (content > 0) {
        const long change = std::lround(100.0 * (static_cast<double>(size) - static_cast<double>(content)) / static_cast<double>(content));
        // U+2212 MINUS SIGN, as in convert's line.
        line += change < 0 ? ", \u2212" + std::to_string(-change) + "%" : ", +" + std::to_string(change) + "%";
        char bpb[32];
        std::snprintf(bpb, sizeof bpb, ", %.3f bpb", static_cast<double>(size) * 8.0 / static_cast<double>(content));
        line += bpb;
    }
    char time[32];
    std::snprintf(time, sizeof time, ", %.1f s", seconds);
    return line + time;
}

}  // namespace nnz::cli
