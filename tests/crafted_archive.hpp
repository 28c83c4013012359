#pragma once
// Hand-made .nnz archives for the tests of hostile input (tst_path_safety, tst_limits, ...): the
// writer refuses unsafe names, so an attacker's archive has to be assembled from the format's own
// encoders (core/container/format.hpp), with correct checksums, as an attacker would.
#include <cstdint>
#include <fstream>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "checksum.hpp"
#include "container/format.hpp"

namespace nnz::test {

struct CraftedEntry {
    std::string path;
    EntryType type = EntryType::File;
    std::string content;      // files
    std::string link_target;  // symlinks
    uint32_t mode = 0644;
    bool wrong_content_checksum = false;  // the record's checksum of the content is off by one bit
};

inline std::span<const uint8_t> bytes_of(const std::string& s)
{
    return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// One store block holding every file's content in order (none when there is no content); the
// entries go into the block header and the index exactly as the writer would put them.
inline std::vector<uint8_t> craft_archive(const std::vector<CraftedEntry>& wanted)
{
    std::string raw;
    std::vector<EntryInfo> entries;
    for (const auto& w : wanted) {
        EntryInfo e;
        e.path = w.path;
        e.type = w.type;
        e.mode = w.mode;
        e.mtime_sec = 1'600'000'000;
        e.link_target = w.link_target;
        e.size = w.type == EntryType::File ? w.content.size() : 0;
        e.content_hash = xxh64(bytes_of(w.type == EntryType::File ? w.content : std::string())) ^ (w.wrong_content_checksum ? 1 : 0);
        e.block = 0;
        e.offset = raw.size();
        raw += w.type == EntryType::File ? w.content : std::string();
        entries.push_back(std::move(e));
    }
    if (raw.empty())
        for (auto& e : entries) e.offset = 0;

    std::vector<uint8_t> file = format::encode_file_header("crafted");
    format::Index index;
    if (!raw.empty()) {
        format::BlockHeader header{CodecId::Store, {}, raw.size(), raw.size(), xxh64(bytes_of(raw)),
                                   xxh64(bytes_of(raw)), entries};
        const auto encoded = format::encode_block_header(header);
        index.blocks.push_back({file.size(), raw.size(), raw.size(), CodecId::Store});
        index.header_sizes.push_back(encoded.bytes.size());
        file.insert(file.end(), encoded.bytes.begin(), encoded.bytes.end());
        file.insert(file.end(), raw.begin(), raw.end());
    }
    index.entries = entries;
    const auto index_bytes = format::encode_index(index);
    const format::Trailer trailer{file.size(), index_bytes.size(), xxh64(index_bytes)};
    file.insert(file.end(), index_bytes.begin(), index_bytes.end());
    const auto t = format::encode_trailer(trailer);
    file.insert(file.end(), t.begin(), t.end());
    return file;
}

inline void save_bytes(const std::filesystem::path& path, std::span<const uint8_t> bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace nnz::test
