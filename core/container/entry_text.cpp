#include "entry_text.hpp"

namespace nnz {

std::string permissions_text(const EntryInfo& entry)
{
    const char type = entry.type == EntryType::Directory ? 'd' : entry.type == EntryType::Symlink ? 'l' : '-';
    const uint32_t mode = entry.type == EntryType::Symlink ? 0777 : entry.mode;
    std::string text(1, type);
    for (int who = 0; who < 3; ++who) {
        const uint32_t bits = (mode >> (6 - 3 * who)) & 7;
        text += bits & 4 ? 'r' : '-';
        text += bits & 2 ? 'w' : '-';
        const bool special = mode & (04000u >> who);  // setuid, setgid, sticky
        const bool run = bits & 1;
        if (!special) text += run ? 'x' : '-';
        else if (who < 2) text += run ? 's' : 'S';
        else text += run ? 't' : 'T';
    }
    if (!entry.acl.empty()) text += '+';
    return text;
}

std::string owner_text(const std::optional<EntryOwner>& owner)
{
    if (!owner) return {};
    const std::string user = owner->user.empty() ? std::to_string(owner->uid) : owner->user;
    const std::string group = owner->group.empty() ? std::to_string(owner->gid) : owner->group;
    return user + ":" + group;
}

}  // namespace nnz
