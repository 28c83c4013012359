#include "disk_attributes.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <sys/xattr.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "../container/entry_path.hpp"
#include "../error.hpp"
#include "entry_metadata.hpp"

namespace nnz {
namespace {

struct EntryFree {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

// The attribute names of path (of a symlink's target when following), NUL-separated; empty when
// it has none or the file system keeps none. Throws std::system_error for other failures.
std::vector<char> attribute_names(const std::string& path, bool follow)
{
    const auto list = follow ? ::listxattr : ::llistxattr;
    std::vector<char> names(256);
    for (;;) {
        const ssize_t length = list(path.c_str(), names.data(), names.size());
        if (length >= 0) {
            names.resize(static_cast<size_t>(length));
            return names;
        }
        if (errno == ENOTSUP) return {};
        if (errno != ERANGE) throw std::system_error(errno, std::generic_category());
        const ssize_t needed = list(path.c_str(), nullptr, 0);  // grew meanwhile: ask
        if (needed < 0) throw std::system_error(errno, std::generic_category());
        names.resize(static_cast<size_t>(needed) + 256);
    }
}

}  // namespace

void DiskAttributeReader::ArchiveFree::operator()(archive* a) const { archive_read_free(a); }

DiskAttributeReader::DiskAttributeReader(const RecordedMetadata& recorded, bool follow_symlinks)
    : xattrs_(recorded.xattrs), acls_(recorded.acls), follow_(follow_symlinks)
{
}

DiskAttributeReader::~DiskAttributeReader() = default;

void DiskAttributeReader::read(const std::string& path, EntryInfo& info, std::vector<std::string>& warnings)
{
    if (!xattrs_ && !acls_) return;
    // A link met while following is one whose target is missing or a loop: its own, then.
    const bool follow = follow_ && info.type != EntryType::Symlink;
    std::vector<char> names;
    try {
        names = attribute_names(path, follow);
    } catch (const std::system_error& e) {
        warnings.push_back(path + ": cannot read its extended attributes: " + e.code().message());
        return;
    }
    bool has_acl = false;
    std::vector<ExtendedAttribute> attributes;
    std::vector<std::string> left_out;
    for (size_t at = 0; at < names.size();) {
        const std::string name(names.data() + at);
        at += name.size() + 1;
        if (file_system_attribute(name)) {
            has_acl = has_acl || name == "system.posix_acl_access" || name == "system.posix_acl_default";
            continue;
        }
        if (!xattrs_) continue;
        if (value_.empty()) value_.resize(kMaxAttributeValueBytes);
        const ssize_t size = (follow ? ::getxattr : ::lgetxattr)(path.c_str(), name.c_str(), value_.data(), value_.size());
        if (size < 0) {
            if (errno == ENODATA) continue;  // removed meanwhile
            if (errno == ERANGE) left_out.push_back(escaped_name(name));
            else warnings.push_back(path + ": cannot read the extended attribute \"" + escaped_name(name) + "\": " + std::strerror(errno));
            continue;
        }
        attributes.push_back({name, std::string(value_.data(), static_cast<size_t>(size))});
    }
    info.xattrs = kept_attributes(std::move(attributes), &left_out);
    for (const auto& name : left_out)
        warnings.push_back(path + ": left out the extended attribute \"" + name +
                           "\": an archive keeps only names in UTF-8 of up to 255 bytes and values up to 64 KiB");
    if (!acls_ || !has_acl) return;

    // The list's text as libarchive writes it (numbers after names), read by its disk reader.
    if (!acl_reader_) {
        acl_reader_.reset(archive_read_disk_new());
        if (!acl_reader_ || archive_read_disk_set_standard_lookup(acl_reader_.get()) != ARCHIVE_OK)
            throw Error(ErrorCode::Internal, "cannot set up a libarchive disk reader for access control lists");
        archive_read_disk_set_behavior(acl_reader_.get(), ARCHIVE_READDISK_NO_XATTR | ARCHIVE_READDISK_NO_FFLAGS |
                                                              ARCHIVE_READDISK_NO_SPARSE);
        if (follow_) archive_read_disk_set_symlink_logical(acl_reader_.get());
    }
    std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
    archive_entry_copy_pathname(entry.get(), path.c_str());
    if (archive_read_disk_entry_from_file(acl_reader_.get(), entry.get(), -1, nullptr) < ARCHIVE_WARN) {
        const char* why = archive_error_string(acl_reader_.get());
        warnings.push_back(path + ": cannot read its access control list: " + (why ? why : "unknown error"));
        return;
    }
    info.acl = acl_of(entry.get());
    // With a list, the mode's group bits are its mask; libarchive gives the owning group's own
    // entry there instead, as tar records the mode: extracted without the list (another user,
    // --no-acls), the group gets what its entry allowed, not what the mask let others have.
    if (!info.acl.empty()) info.mode = archive_entry_perm(entry.get()) & 07777;
}

}  // namespace nnz
