#pragma once
// Damages a file where a text lies in it: its first byte replaced, the rest left as it is (a tar or
// a store-codec archive holds contents as they are, so a test can hit one file's bytes).
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

// False when the text is not in the file (nothing is changed then).
inline bool damage_at_text(const std::filesystem::path& file, std::string_view text, char replacement)
{
    std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(stream)), {});
    const size_t at = bytes.find(text);
    if (at == std::string::npos) return false;
    stream.seekp(static_cast<std::streamoff>(at));
    stream.put(replacement);
    return static_cast<bool>(stream.flush());
}
