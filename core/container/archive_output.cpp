#include "archive_output.hpp"

#include <algorithm>

#include "../error.hpp"
#include "format.hpp"
#include "recovery_record.hpp"

namespace nnz {

ArchiveOutput::ArchiveOutput(const std::filesystem::path& target, std::shared_ptr<const ArchiveKey> key, uint64_t volume_size)
    : file_(target, volume_size), key_(std::move(key))
{
}

void ArchiveOutput::start(std::span<const uint8_t> file_header)
{
    if (position() != 0) throw Error(ErrorCode::Internal, "archive output started twice");
    file_.write(file_header);
    body_start_ = file_header.size();
    if (key_) {
        const auto header = format::encode_encryption_header({key_->derivation(), key_->key_check()});
        file_.write(header);
        buffer_.reserve(kSealedChunkBytes);
    }
    sealed_start_ = file_.position();
}

uint64_t ArchiveOutput::sealed_offset(uint64_t chunk) const
{
    return sealed_start_ + chunk * kSealedChunkStride;
}

void ArchiveOutput::seal_buffer(bool last)
{
    file_.write_at(sealed_offset(chunks_sealed_), key_->seal(chunks_sealed_, last, buffer_));
    ++chunks_sealed_;
    buffer_.clear();
}

void ArchiveOutput::write(std::span<const uint8_t> bytes)
{
    body_size_ += bytes.size();
    if (!key_) return file_.write(bytes);
    while (!bytes.empty()) {
        // A full chunk is sealed only when more follows: the last one must be sealed as the last.
        if (buffer_.size() == kSealedChunkBytes) seal_buffer(false);
        const size_t take = std::min<size_t>(bytes.size(), kSealedChunkBytes - buffer_.size());
        buffer_.insert(buffer_.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(take));
        bytes = bytes.subspan(take);
    }
}

void ArchiveOutput::write_at(uint64_t offset, std::span<const uint8_t> bytes)
{
    if (offset < body_start_ || offset - body_start_ > body_size_ || bytes.size() > body_size_ - (offset - body_start_))
        throw Error(ErrorCode::Internal, "archive output: patch outside what was written");
    if (!key_) return file_.write_at(offset, bytes);
    uint64_t at = offset - body_start_;
    while (!bytes.empty()) {
        const uint64_t chunk = at / kSealedChunkBytes;
        const size_t within = static_cast<size_t>(at % kSealedChunkBytes);
        if (chunk == chunks_sealed_) {  // still in the buffer
            std::copy(bytes.begin(), bytes.end(), buffer_.begin() + static_cast<std::ptrdiff_t>(within));
            return;
        }
        // A sealed chunk: open it, change it, seal it again under a fresh nonce (never the old one).
        std::vector<uint8_t> sealed(kSealedChunkStride);
        file_.read_at(sealed_offset(chunk), sealed);
        std::vector<uint8_t> plain(kSealedChunkBytes);
        if (!key_->open(chunk, false, sealed, plain))
            throw Error(ErrorCode::Io, "the archive being written changed on disk (a sealed chunk does not open)");
        const size_t take = std::min<size_t>(bytes.size(), kSealedChunkBytes - within);
        std::copy_n(bytes.begin(), take, plain.begin() + static_cast<std::ptrdiff_t>(within));
        file_.write_at(sealed_offset(chunk), key_->seal(chunk, false, plain));
        bytes = bytes.subspan(take);
        at += take;
    }
}

void ArchiveOutput::commit(bool overwrite, unsigned recovery_percent, JobControl* control,
                           const std::function<void(const std::filesystem::path&, JobControl&)>& verify)
{
    if (key_) {
        if (buffer_.empty()) throw Error(ErrorCode::Internal, "encrypted archive without a body");
        seal_buffer(true);
    }
    if (recovery_percent > 0) append_recovery_record(file_, recovery_percent, control);
    if (verify) {
        if (!control) throw Error(ErrorCode::Internal, "testing an archive before it is kept needs its job's control");
        verify(file_.first_path(), *control);
    }
    file_.commit(overwrite);
}

}  // namespace nnz
