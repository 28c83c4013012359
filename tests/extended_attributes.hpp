#pragma once
// Extended attributes and POSIX access control lists on disk, set and read with the system calls
// themselves (not through libarchive, which the code under test uses).
#include <sys/xattr.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>

// inline, not static: a test that uses only some of these must not warn of the others.

inline bool setAttribute(const std::filesystem::path& path, const std::string& name, const std::string& value)
{
    return ::lsetxattr(path.c_str(), name.c_str(), value.data(), value.size(), 0) == 0;
}

// Every attribute of path, as the file system lists them (ACLs among them, as system.posix_acl_*).
inline std::map<std::string, std::string> attributesOf(const std::filesystem::path& path)
{
    std::map<std::string, std::string> attributes;
    char names[65536];
    const ssize_t length = ::llistxattr(path.c_str(), names, sizeof names);
    for (ssize_t at = 0; length > 0 && at < length; at += ssize_t(std::strlen(names + at)) + 1) {
        char value[65536];
        const ssize_t size = ::lgetxattr(path.c_str(), names + at, value, sizeof value);
        if (size >= 0) attributes[names + at] = std::string(value, size_t(size));
    }
    return attributes;
}

// An access control list in the kernel's form (version 2, then tag, permissions and id per
// entry), as system.posix_acl_access and system.posix_acl_default hold it.
struct AclEntry {
    uint16_t tag;  // 1 owner, 2 a user, 4 owning group, 8 a group, 0x10 mask, 0x20 others
    uint16_t permissions;  // 4 r, 2 w, 1 x
    uint32_t id = 0xffffffff;
};
inline std::string kernelAcl(std::initializer_list<AclEntry> entries)
{
    std::string bytes;
    auto put = [&](uint32_t v, int width) {
        for (int i = 0; i < width; ++i) bytes += char((v >> (8 * i)) & 0xff);
    };
    put(2, 4);
    for (const auto& e : entries) {
        put(e.tag, 2);
        put(e.permissions, 2);
        put(e.id, 4);
    }
    return bytes;
}

// Whether this file system keeps user attributes and lists at all (a tmpfs without them, some
// container file systems): tests that need them skip otherwise.
inline bool attributesSupported(const std::filesystem::path& folder)
{
    const auto probe = folder / ".attribute-probe";
    std::FILE* f = std::fopen(probe.c_str(), "w");
    if (!f) return false;
    std::fclose(f);
    const bool ok = setAttribute(probe, "user.probe", "1") &&
                    setAttribute(probe, "system.posix_acl_access",
                                 kernelAcl({{1, 6}, {2, 4, 4242}, {4, 4}, {0x10, 4}, {0x20, 4}}));
    std::filesystem::remove(probe);
    return ok;
}
