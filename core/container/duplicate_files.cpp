#include "duplicate_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <optional>
#include <span>
#include <unordered_map>

#include "../checksum.hpp"
#include "temp_file.hpp"

namespace nnz {
namespace {

constexpr size_t kChunk = 1 << 20;

// Fills out from fd; false on an error or an early end (the file changed: not a duplicate then).
bool read_exactly(int fd, std::span<uint8_t> out)
{
    while (!out.empty()) {
        const ssize_t n = ::read(fd, out.data(), out.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        out = out.subspan(static_cast<size_t>(n));
    }
    return true;
}

Fd open_for_reading(const InputItem& item) { return Fd(::open(item.source.c_str(), O_RDONLY | O_CLOEXEC)); }

std::optional<uint64_t> hash_of(const InputItem& item, JobControl& control)
{
    const Fd fd = open_for_reading(item);
    if (fd.get() < 0) return std::nullopt;
    std::vector<uint8_t> buffer(static_cast<size_t>(std::min<uint64_t>(item.info.size, kChunk)));
    Xxh64Stream hash;
    for (uint64_t left = item.info.size; left > 0;) {
        control.checkpoint();
        const auto piece = std::span(buffer).first(static_cast<size_t>(std::min<uint64_t>(left, buffer.size())));
        if (!read_exactly(fd.get(), piece)) return std::nullopt;
        hash.update(piece);
        left -= piece.size();
    }
    return hash.digest();
}

bool same_file(const InputItem& a, const InputItem& b)
{
    return a.inode != 0 && a.inode == b.inode && a.device == b.device;
}

bool same_bytes(const InputItem& a, const InputItem& b, JobControl& control)
{
    if (same_file(a, b)) return true;
    const Fd fa = open_for_reading(a), fb = open_for_reading(b);
    if (fa.get() < 0 || fb.get() < 0) return false;
    const size_t chunk = static_cast<size_t>(std::min<uint64_t>(a.info.size, kChunk));
    std::vector<uint8_t> ba(chunk), bb(chunk);
    for (uint64_t left = a.info.size; left > 0;) {
        control.checkpoint();
        const size_t n = static_cast<size_t>(std::min<uint64_t>(left, chunk));
        if (!read_exactly(fa.get(), std::span(ba).first(n)) || !read_exactly(fb.get(), std::span(bb).first(n))) return false;
        if (!std::equal(ba.begin(), ba.begin() + static_cast<std::ptrdiff_t>(n), bb.begin())) return false;
        left -= n;
    }
    return true;
}

}  // namespace

size_t find_duplicates(std::vector<InputItem>& items, JobControl& control)
{
    std::unordered_map<uint64_t, std::vector<size_t>> by_size;
    for (size_t i = 0; i < items.size(); ++i) {
        const EntryInfo& e = items[i].info;
        if (e.type == EntryType::File && e.size > 0 && !e.duplicate && !items[i].source.empty()) by_size[e.size].push_back(i);
    }
    std::map<size_t, std::vector<size_t>> duplicates_of;  // original -> its duplicates, in item order
    std::vector<bool> moved(items.size(), false);
    size_t found = 0;
    for (const auto& [size, same_size] : by_size) {
        if (same_size.size() < 2) continue;
        std::map<uint64_t, std::vector<size_t>> by_hash;
        std::map<std::pair<uint64_t, uint64_t>, uint64_t> hash_of_file;  // hard links are read once
        for (size_t i : same_size) {
            const std::pair file{items[i].device, items[i].inode};
            std::optional<uint64_t> hash;
            if (const auto known = hash_of_file.find(file); known != hash_of_file.end() && file.second != 0) hash = known->second;
            else hash = hash_of(items[i], control);
            if (!hash) continue;
            if (file.second != 0) hash_of_file[file] = *hash;
            items[i].info.content_hash = *hash;
            by_hash[*hash].push_back(i);
        }
        for (const auto& [hash, candidates] : by_hash) {
            std::vector<size_t> originals;  // distinct contents with this hash (a collision: hardly ever two)
            for (size_t i : candidates) {
                const auto original = std::ranges::find_if(originals, [&](size_t o) { return same_bytes(items[o], items[i], control); });
                if (original == originals.end()) {
                    originals.push_back(i);
                    continue;
                }
                items[i].info.duplicate = true;
                moved[i] = true;
                duplicates_of[*original].push_back(i);
                ++found;
            }
        }
    }
    if (found == 0) return 0;
    std::vector<InputItem> ordered;
    ordered.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        if (moved[i]) continue;
        const auto d = duplicates_of.find(i);
        if (d == duplicates_of.end()) {
            ordered.push_back(std::move(items[i]));
            continue;
        }
        // The names of one file on disk (hard links) next to each other, each a hard link of the
        // one before it; the groups in the order they first come.
        std::vector<size_t> run{i};
        run.insert(run.end(), d->second.begin(), d->second.end());
        std::map<std::pair<uint64_t, uint64_t>, size_t> first_name;  // of each file with several names
        std::vector<std::pair<size_t, size_t>> keyed;                 // (group, item)
        for (size_t k = 0; k < run.size(); ++k) {
            const InputItem& item = items[run[k]];
            size_t group = k;
            if (item.inode != 0) group = first_name.try_emplace({item.device, item.inode}, k).first->second;
            keyed.emplace_back(group, run[k]);
        }
        std::ranges::stable_sort(keyed, {}, &std::pair<size_t, size_t>::first);
        for (size_t k = 0; k < keyed.size(); ++k)
            items[keyed[k].second].info.hard_link = k > 0 && keyed[k].first == keyed[k - 1].first;
        for (const auto& [group, item] : keyed) ordered.push_back(std::move(items[item]));
    }
    items = std::move(ordered);
    return found;
}

}  // namespace nnz
