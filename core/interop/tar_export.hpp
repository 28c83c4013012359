#pragma once
// `nnzip x ARCHIVE --to-tar OUT.tar|-`: the contents of an archive as a standard POSIX pax tar,
// written by libarchive, with nothing else touched on disk.
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "../container/archive_reader.hpp"
#include "../job_control.hpp"

struct archive;

namespace nnz {

// An EntrySink that writes each entry as a pax tar member to a file descriptor it does not own.
// Names, types, permission bits and modification times (to the nanosecond) are kept; owners are
// the current user's.
class TarWriter final : public EntrySink {
public:
    explicit TarWriter(int fd, std::string what);
    ~TarWriter() override;
    TarWriter(const TarWriter&) = delete;
    TarWriter& operator=(const TarWriter&) = delete;

    void begin(const EntryInfo& entry) override;
    void data(std::span<const uint8_t> bytes) override;
    void end(const EntryInfo& entry) override;
    void abort(const EntryInfo& entry) override;
    // Writes the end-of-archive blocks. Without it (a failure, a cancel), the output ends
    // without them, so that no reader takes it for complete.
    void finish();

private:
    [[noreturn]] void fail(const std::string& what) const;
    struct Free {
        void operator()(archive* a) const;
    };
    std::string what_;  // the output's name, for messages
    std::unique_ptr<archive, Free> writer_;
    bool entry_open_ = false;  // begun and not ended: its data may be short
    bool finished_ = false;
};

// Exports the chosen entries (names as for extraction; empty = all) of an .nnz or foreign archive.
// output "-" is standard output (refused when it is a terminal). A file output is written under a
// temporary name and renamed when complete; an existing one is replaced only with overwrite
// (otherwise Error(Exists)).
void export_tar(const std::filesystem::path& archive, const std::filesystem::path& output,
                std::span<const std::string> names, bool overwrite, JobControl& control,
                const Passphrase& passphrase = {});

}  // namespace nnz
