#pragma once
// Where an archive writer's bytes go: a SplitTempFile (one file, or the volumes of a split archive),
// written as they come or, for an
// encrypted archive, sealed in chunks (encryption.hpp). Offsets and position() are those of the
// archive's plain layout either way (what its index and trailer name), so the writer does not
// know whether it encrypts.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "../job_control.hpp"
#include "encryption.hpp"
#include <functional>

#include "split_temp_file.hpp"

namespace nnz {

class ArchiveOutput {
public:
    // key: null for a plain archive. volume_size: 0 for one file, else the volumes' size. Throws Error(Io) when the temporary file cannot be made.
    ArchiveOutput(const std::filesystem::path& target, std::shared_ptr<const ArchiveKey> key, uint64_t volume_size = 0);

    // Must come first: the file header as it is (with the encryption header after it when
    // encrypted); what is written after it is the body.
    void start(std::span<const uint8_t> file_header);
    uint64_t position() const { return body_start_ + body_size_; }
    void write(std::span<const uint8_t> bytes);
    // Rewrites bytes already written (the writer's patches of checksums known late).
    void write_at(uint64_t offset, std::span<const uint8_t> bytes);
    // Seals the last chunk, appends a recovery record of recovery_percent (0: none), has verify
    // check the file (when given: the one file or the first volume, the others beside it), then
    // SplitTempFile::commit. control: checked for
    // cancelling while the record is made (may be null; not with verify).
    void commit(bool overwrite, unsigned recovery_percent = 0, JobControl* control = nullptr,
                const std::function<void(const std::filesystem::path&, JobControl&)>& verify = {});

private:
    void seal_buffer(bool last);
    uint64_t sealed_offset(uint64_t chunk) const;

    SplitTempFile file_;
    std::shared_ptr<const ArchiveKey> key_;
    uint64_t body_start_ = 0;     // plain layout: where the body starts (the file header's size)
    uint64_t sealed_start_ = 0;   // in the file: where the first sealed chunk starts
    uint64_t body_size_ = 0;      // body bytes written
    uint64_t chunks_sealed_ = 0;
    std::vector<uint8_t> buffer_;  // the chunk being filled (sealed once more follows, or at commit)
};

}  // namespace nnz
