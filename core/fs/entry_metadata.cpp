#include "entry_metadata.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <cstdlib>

namespace nnz {
namespace {

// Numbers after names ("user:alice:r--:1000") so that a system without that name still knows
// whom it meant; commas so that the list is one line.
constexpr int kAclTextStyle = ARCHIVE_ENTRY_ACL_STYLE_EXTRA_ID | ARCHIVE_ENTRY_ACL_STYLE_SEPARATOR_COMMA;

}  // namespace

std::vector<ExtendedAttribute> attributes_of(archive_entry* entry, std::vector<std::string>* left_out)
{
    std::vector<ExtendedAttribute> attributes;
    if (archive_entry_xattr_reset(entry) == 0) return attributes;
    const char* name = nullptr;
    const void* value = nullptr;
    size_t size = 0;
    while (archive_entry_xattr_next(entry, &name, &value, &size) == ARCHIVE_OK) {
        // GNU tar --xattrs-include='*' stores the list in the kernel's form beside its text: kept
        // once, as the list, so that --no-acls means none.
        if (!name || file_system_attribute(name)) continue;
        ExtendedAttribute attribute{name, {}};
        if (value && size > 0) attribute.value.assign(static_cast<const char*>(value), size);
        attributes.push_back(std::move(attribute));
    }
    return kept_attributes(std::move(attributes), left_out);
}

std::string acl_of(archive_entry* entry)
{
    // A list that only says what the mode says is not one (libarchive writes it from the mode).
    if ((archive_entry_acl_types(entry) & ARCHIVE_ENTRY_ACL_TYPE_POSIX1E) == 0) return {};
    la_ssize_t length = 0;
    char* text = archive_entry_acl_to_text(entry, &length, kAclTextStyle);
    if (!text) return {};
    std::string acl(text, static_cast<size_t>(length));
    std::free(text);
    return valid_acl_text(acl) ? acl : std::string();
}

void add_attributes(archive_entry* entry, std::span<const ExtendedAttribute> attributes)
{
    for (const auto& attribute : attributes)
        archive_entry_xattr_add_entry(entry, attribute.name.c_str(), attribute.value.data(), attribute.value.size());
}

bool add_acl(archive_entry* entry, const std::string& text)
{
    if (text.empty()) return true;
    // POSIX1E takes "default:" entries as the default list.
    return archive_entry_acl_from_text(entry, text.c_str(), ARCHIVE_ENTRY_ACL_TYPE_POSIX1E) == ARCHIVE_OK;
}

}  // namespace nnz
