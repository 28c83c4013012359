#include "foreign_names.hpp"

#include <iconv.h>

#include <array>
#include <memory>
#include <mutex>

#include "../error.hpp"

namespace nnz {
namespace {

// Code page 437's characters for 0x80 to 0xFF.
constexpr std::array<char16_t, 128> kUpperHalf = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7,
    0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,
    0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192,
    0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA,
    0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
    0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B,
    0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
    0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4,
    0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229,
    0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248,
    0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
};

void append_utf8(std::string& out, char16_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Set by the command line once, by the GUI's Settings whenever they change; read by every archive
// opened after, on any thread.
struct ChosenCharset {
    std::mutex mutex;
    std::string charset;
};
ChosenCharset& chosen()
{
    static ChosenCharset instance;
    return instance;
}

std::string chosen_charset()
{
    ChosenCharset& c = chosen();
    const std::lock_guard lock(c.mutex);
    return c.charset;
}

struct IconvClose {
    void operator()(void* cd) const { ::iconv_close(static_cast<iconv_t>(cd)); }
};
using Converter = std::unique_ptr<void, IconvClose>;

Converter converter_from(const std::string& charset)
{
    const iconv_t cd = ::iconv_open("UTF-8", charset.c_str());
    return Converter(cd == reinterpret_cast<iconv_t>(-1) ? nullptr : cd);
}

}  // namespace

void set_name_charset(const std::string& charset)
{
    if (!charset.empty() && !converter_from(charset))
        throw Error(ErrorCode::Usage, "unknown character set '" + charset + "' (iconv's names: CP932, CP866, ISO-8859-1, ...)");
    ChosenCharset& c = chosen();
    const std::lock_guard lock(c.mutex);
    c.charset = charset;
}

std::optional<std::string> utf8_name_from(std::string_view bytes, bool in_zip)
{
    const std::string charset = chosen_charset();
    if (charset.empty()) return in_zip ? std::optional(utf8_from_cp437(bytes)) : std::nullopt;
    const Converter converter = converter_from(charset);
    if (!converter) return std::nullopt;
    std::string out(bytes.size() * 4 + 4, '\0');  // UTF-8 takes at most 4 bytes for each byte read
    char* in = const_cast<char*>(bytes.data());   // iconv's interface; it does not write there
    size_t in_left = bytes.size();
    char* written = out.data();
    size_t out_left = out.size();
    if (::iconv(static_cast<iconv_t>(converter.get()), &in, &in_left, &written, &out_left) == static_cast<size_t>(-1))
        return std::nullopt;
    out.resize(out.size() - out_left);
    return out;
}

std::string utf8_from_cp437(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        append_utf8(out, b < 0x80 ? char16_t(b) : kUpperHalf[b - 0x80]);
    }
    return out;
}

}  // namespace nnz
