#include "print_job.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "../error.hpp"
#include "../interop/opened_archive.hpp"
#include "extract_job.hpp"

namespace nnz {
namespace {

class FileBytesToFd final : public EntrySink {
public:
    explicit FileBytesToFd(int fd) : fd_(fd) {}

    void begin(const EntryInfo&) override {}
    void data(std::span<const uint8_t> bytes) override
    {
        while (!bytes.empty()) {
            const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
            if (written < 0 && errno == EINTR) continue;
            if (written <= 0)
                throw Error(ErrorCode::Io, std::string("cannot write standard output: ") + std::strerror(errno));
            bytes = bytes.subspan(static_cast<size_t>(written));
        }
    }
    void end(const EntryInfo&) override {}
    void abort(const EntryInfo&) override {}  // the reader throws next; what was written stays

private:
    int fd_;
};

}  // namespace

void print_contents(const std::filesystem::path& archive, const EntrySelection& chosen, int fd,
                    JobControl& control, const Passphrase& passphrase)
{
    // Damage its recovery record can undo is undone first, in a copy in the temporary folder.
    std::error_code ec;
    const ReadableArchive readable = open_for_reading(archive, std::filesystem::temp_directory_path(ec), "this output", control, passphrase);
    const auto& reader = readable.reader;
    auto selection = choose_entries(reader->entries(), chosen);
    if (selection.empty())  // everything: but only files have bytes to print
        for (size_t i = 0; i < reader->entries().size(); ++i) selection.push_back(i);
    std::erase_if(selection, [&](size_t i) { return reader->entries()[i].type != EntryType::File; });
    if (selection.empty()) return;  // folders and symlinks only: nothing to write
    reader->check_readable(selection);
    control.checkpoint();
    FileBytesToFd sink(fd);
    reader->extract(selection, sink, control);
}

}  // namespace nnz
