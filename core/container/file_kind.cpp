#include "file_kind.hpp"

#include <algorithm>
#include <array>
#include <fstream>

namespace nnz {

std::string extension_key(std::string_view path)
{
    const size_t slash = path.rfind('/');
    const size_t name_start = slash == std::string_view::npos ? 0 : slash + 1;
    const size_t dot = path.rfind('.');
    if (dot == std::string_view::npos || dot <= name_start) return {};
    std::string ext(path.substr(dot + 1));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return ext;
}

bool looks_like_text(std::span<const uint8_t> head)
{
    size_t controls = 0;
    for (uint8_t c : head) {
        if (c == 0) return false;
        if (c < 32 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
        if (c == 127) ++controls;
    }
    return controls * 32 <= head.size();
}

bool file_looks_like_text(const std::filesystem::path& file)
{
    std::array<uint8_t, 4096> head{};
    std::ifstream in(file, std::ios::binary);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    const auto got = static_cast<size_t>(std::max<std::streamsize>(0, in.gcount()));
    return got > 0 && looks_like_text(std::span(head).first(got));
}

}  // namespace nnz
