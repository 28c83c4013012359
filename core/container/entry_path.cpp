#include "entry_path.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace nnz {

size_t utf8_char_length(std::string_view s, size_t i)
{
    const auto c = static_cast<uint8_t>(s[i]);
    if (c < 0x80) return 1;
    size_t extra = 0;
    uint32_t cp = 0;
    uint32_t min = 0;
    if ((c & 0xe0) == 0xc0) { extra = 1; cp = c & 0x1f; min = 0x80; }
    else if ((c & 0xf0) == 0xe0) { extra = 2; cp = c & 0x0f; min = 0x800; }
    else if ((c & 0xf8) == 0xf0) { extra = 3; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (s.size() - i <= extra) return 0;
    for (size_t k = 1; k <= extra; ++k) {
        const auto cc = static_cast<uint8_t>(s[i + k]);
        if ((cc & 0xc0) != 0x80) return 0;
        cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return extra + 1;
}

size_t name_char_length(std::string_view s, size_t i)
{
    const size_t length = utf8_char_length(s, i);
    const auto c = static_cast<uint8_t>(s[i]);
    if (length == 1 && (c < 0x20 || c == 0x7f)) return 0;
    if (length == 2 && c == 0xc2 && static_cast<uint8_t>(s[i + 1]) <= 0x9f) return 0;  // C1: U+0080 to U+009F
    return length;
}

std::string escaped_name(std::string_view name)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string shown;
    for (size_t i = 0; i < name.size();) {
        if (const size_t length = name_char_length(name, i)) {
            shown.append(name.substr(i, length));
            i += length;
        } else {
            const auto c = static_cast<uint8_t>(name[i++]);
            shown += "\\x";
            shown += kHex[c >> 4];
            shown += kHex[c & 15];
        }
    }
    return shown;
}

namespace {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. Control
// characters (C0, DEL and C1) are refused too: they can hide or fake names in a listing.
bool valid_utf8_without_controls(std::string_view s)
{
    for (size_t i = 0; i < s.size();) {
        const size_t length = name_char_length(s, i);
        if (length == 0) return false;
        i += length;
    }
    return true;
}

}  // namespace

bool valid_attribute_name(std::string_view name)
{
    return !name.empty() && name.size() <= kMaxAttributeNameBytes && valid_utf8_without_controls(name);
}

bool valid_acl_text(std::string_view text)
{
    return text.size() <= kMaxAclTextBytes && valid_utf8_without_controls(text);
}

namespace {

bool storable(const ExtendedAttribute& attribute)
{
    return valid_attribute_name(attribute.name) && attribute.value.size() <= kMaxAttributeValueBytes;
}

}  // namespace

bool attributes_storable(std::span<const ExtendedAttribute> attributes)
{
    for (size_t i = 0; i < attributes.size(); ++i) {
        if (!storable(attributes[i])) return false;
        if (i > 0 && attributes[i - 1].name >= attributes[i].name) return false;
    }
    return true;
}

std::vector<ExtendedAttribute> kept_attributes(std::vector<ExtendedAttribute> attributes, std::vector<std::string>* left_out)
{
    std::stable_sort(attributes.begin(), attributes.end(),
                     [](const ExtendedAttribute& a, const ExtendedAttribute& b) { return a.name < b.name; });
    std::vector<ExtendedAttribute> kept;
    for (auto& attribute : attributes) {
        if (!storable(attribute)) {
            if (left_out) left_out->push_back(escaped_name(attribute.name));
            continue;
        }
        if (!kept.empty() && kept.back().name == attribute.name) continue;
        kept.push_back(std::move(attribute));
    }
    return kept;
}

std::optional<std::string> normalise_entry_path(std::string_view name)
{
    if (name.empty() || name.front() == '/') return std::nullopt;
    if (name.find('\\') != std::string_view::npos) return std::nullopt;
    if (!valid_utf8_without_controls(name)) return std::nullopt;

    std::string out;
    out.reserve(name.size());
    size_t start = 0;
    while (start <= name.size()) {
        size_t end = name.find('/', start);
        if (end == std::string_view::npos) end = name.size();
        const auto part = name.substr(start, end - start);
        if (part == "..") return std::nullopt;
        if (!part.empty() && part != ".") {
            if (!out.empty()) out += '/';
            out += part;
        }
        start = end + 1;
    }
    if (out.empty()) return std::nullopt;  // "." or "./" names nothing
    return out;
}

void add_folders_above(std::string_view path, std::set<std::string, std::less<>>& folders)
{
    for (size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1))
        folders.emplace(path.substr(0, slash));
}

std::optional<std::pair<size_t, size_t>> find_entry_under_non_folder(std::span<const EntryInfo> entries)
{
    std::unordered_map<std::string_view, size_t> non_folders;
    for (size_t i = 0; i < entries.size(); ++i)
        if (entries[i].type != EntryType::Directory) non_folders.emplace(entries[i].path, i);
    if (non_folders.empty()) return std::nullopt;
    for (size_t i = 0; i < entries.size(); ++i) {
        const std::string_view path = entries[i].path;
        for (size_t slash = path.find('/'); slash != std::string_view::npos; slash = path.find('/', slash + 1))
            if (auto it = non_folders.find(path.substr(0, slash)); it != non_folders.end())
                return std::pair{i, it->second};
    }
    return std::nullopt;
}

}  // namespace nnz
