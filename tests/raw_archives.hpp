#pragma once
// Archives written byte by byte, for names that libarchive's writer cannot be given (names that
// are not UTF-8 in a UTF-8 locale): a zip without the UTF-8 flag, a ustar tar.
#include <cstdint>
#include <cstdio>
#include <string>

// A zip of one stored file whose name is given as bytes, without the UTF-8 flag (general purpose
// bit 11), as Windows' zip folders and older tools write names in code page 437.
inline std::string zip_with_raw_name(const std::string& name, const std::string& content)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (const char c : content) {
        crc ^= static_cast<uint8_t>(c);
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    crc = ~crc;
    std::string out;
    const auto put = [&out](uint64_t value, int bytes) {
        for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
    };
    const auto sizes_and_name = [&] {
        put(crc, 4);
        put(content.size(), 4);
        put(content.size(), 4);
        put(name.size(), 2);
        put(0, 2);  // no extra field
    };
    put(0x04034b50, 4), put(20, 2), put(0, 2), put(0, 2), put(0, 2), put(0x5821, 2);  // local header, 2024-01-01
    sizes_and_name();
    out += name + content;
    const size_t directory = out.size();
    put(0x02014b50, 4), put(20, 2), put(20, 2), put(0, 2), put(0, 2), put(0, 2), put(0x5821, 2);
    sizes_and_name();
    put(0, 2), put(0, 2), put(0, 2), put(0, 4), put(0, 4);  // comment, disk, attributes, offset 0
    out += name;
    const size_t directory_size = out.size() - directory;
    put(0x06054b50, 4), put(0, 2), put(0, 2), put(1, 2), put(1, 2), put(directory_size, 4), put(directory, 4), put(0, 2);
    return out;
}

// A ustar archive of one file whose name is given as bytes (libarchive's writer cannot be given
// names that are not UTF-8 here).
inline std::string tar_with_raw_name(const std::string& name, const std::string& content)
{
    std::string header(512, '\0');
    const auto field = [&header](size_t at, const std::string& text) { header.replace(at, text.size(), text); };
    const auto octal = [](uint64_t value, int digits) {
        char text[24];
        std::snprintf(text, sizeof text, "%0*llo", digits, static_cast<unsigned long long>(value));
        return std::string(text);
    };
    field(0, name.substr(0, 100));
    field(100, octal(0644, 7));
    field(108, octal(0, 7));
    field(116, octal(0, 7));
    field(124, octal(content.size(), 11));
    field(136, octal(1'700'000'000, 11));
    field(148, "        ");
    header[156] = '0';
    field(257, std::string("ustar\0" "00", 8));
    unsigned sum = 0;
    for (const char c : header) sum += static_cast<uint8_t>(c);
    field(148, octal(sum, 6) + std::string(1, '\0') + " ");
    std::string out = header + content;
    out.append((512 - content.size() % 512) % 512, '\0');
    out.append(1024, '\0');
    return out;
}

