#include "file_start.hpp"

#include <algorithm>
#include <array>

#include "../error.hpp"
#include "../interop/opened_archive.hpp"
#include "extract_job.hpp"

namespace nnz {
namespace {

// Thrown by the sink once it holds what was asked for: the foreign archive's reader unwinds,
// reading no more.
struct LimitReached {};

class FirstBytes final : public EntrySink {
public:
    // stop_at_limit only for a part: a file read whole goes on to the reader's content checksum.
    FirstBytes(std::string& bytes, uint64_t limit, bool stop_at_limit) : bytes_(bytes), limit_(limit), stop_(stop_at_limit) {}

    void begin(const EntryInfo&) override {}
    void data(std::span<const uint8_t> bytes) override
    {
        const size_t room = static_cast<size_t>(limit_ - bytes_.size());
        const size_t taken = std::min(room, bytes.size());
        bytes_.append(reinterpret_cast<const char*>(bytes.data()), taken);
        if (stop_ && bytes_.size() == limit_) throw LimitReached{};
    }
    void end(const EntryInfo&) override {}
    void abort(const EntryInfo&) override {}

private:
    std::string& bytes_;
    uint64_t limit_;
    bool stop_;
};

}  // namespace

FileStart read_file_start(const std::filesystem::path& archive, std::string_view entry_path, uint64_t limit,
                          JobControl& control, const Passphrase& passphrase)
{
    std::error_code ec;
    const ReadableArchive readable = open_for_reading(archive, std::filesystem::temp_directory_path(ec), "this preview", control, passphrase);
    const auto& reader = readable.reader;
    const auto& entries = reader->entries();
    const auto found = std::find_if(entries.begin(), entries.end(), [&](const EntryInfo& e) {
        return e.path == entry_path && e.type == EntryType::File;
    });
    if (found == entries.end())
        throw Error(ErrorCode::Usage, "no file named \"" + std::string(entry_path) + "\" in " + archive.string());
    const std::array<size_t, 1> selection{static_cast<size_t>(found - entries.begin())};
    reader->check_readable(selection);

    FileStart start;
    start.size = found->size;
    const uint64_t wanted = std::min(limit, found->size);
    if (wanted == 0) return start;  // nothing to decode
    if (ArchiveReader* nnz = reader->nnz()) {
        const auto bytes = nnz->read_entry_start(selection[0], wanted, control);
        start.bytes.assign(bytes.begin(), bytes.end());
        return start;
    }
    // A foreign archive is read in order: its reader stops when the sink has enough.
    start.bytes.reserve(static_cast<size_t>(wanted));
    FirstBytes sink(start.bytes, wanted, wanted < start.size);
    try {
        reader->extract(selection, sink, control);
    } catch (const LimitReached&) {
    }
    return start;
}

}  // namespace nnz
