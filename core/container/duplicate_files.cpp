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

bool same_bytes(const InputItem& a, const InputItem& b, JobControl& control)
{
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
        for (size_t i : same_size)
            if (const auto hash = hash_of(items[i], control)) {
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
        ordered.push_back(std::move(items[i]));
        if (const auto d = duplicates_of.find(i); d != duplicates_of.end())
            for (size_t j : d->second) ordered.push_back(std::move(items[j]));
    }
    items = std::move(ordered);
    return found;
}

}  // namespace nnz
