#pragma once
// Tests' view of an .nnz: the content of every file in it, read through ArchiveReader (every
// checksum verified), and the small file helpers that go with it.
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "container/archive_reader.hpp"
#include "container/encryption.hpp"

namespace {

void write_file(const std::filesystem::path& path, const std::string& content)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << content;
}

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// File name -> content, as extraction delivers them.
class CollectingSink : public nnz::EntrySink {
public:
    std::map<std::string, std::string> files;
    void begin(const nnz::EntryInfo& e) override
    {
        open_ = e.path;
        if (e.type == nnz::EntryType::File) files[open_];
    }
    void data(std::span<const uint8_t> bytes) override { files[open_].append(bytes.begin(), bytes.end()); }
    void end(const nnz::EntryInfo&) override {}
    void abort(const nnz::EntryInfo&) override {}

private:
    std::string open_;
};

std::map<std::string, std::string> contents_of(const std::filesystem::path& archive, const nnz::Passphrase& passphrase = {})
{
    nnz::ArchiveReader reader(archive, passphrase);
    CollectingSink sink;
    nnz::JobControl control;
    reader.extract({}, sink, control);
    return sink.files;
}

}  // namespace
