#include "split_temp_file.hpp"

#include <algorithm>
#include <string>

#include "../error.hpp"
#include "archive_file.hpp"

namespace nnz {

namespace fs = std::filesystem;

SplitTempFile::SplitTempFile(const fs::path& target, uint64_t volume_size) : target_(target), volume_size_(volume_size)
{
    if (volume_size != 0 && volume_size < kMinVolumeSize)
        throw Error(ErrorCode::Usage, "volumes of " + std::to_string(volume_size) + " bytes: at least " +
                                          std::to_string(kMinVolumeSize >> 10) + " KiB");
    part(0);  // made now, so that a folder that cannot hold it fails before any work
}

TempFile& SplitTempFile::part(size_t index)
{
    while (parts_.size() <= index) {
        const size_t next = parts_.size();
        if (volume_size_ == 0) {
            parts_.push_back(std::make_unique<TempFile>(target_));
        } else if (next == 0) {
            const fs::path pattern = temp_pattern_for(target_);
            const fs::path first = volume_path(pattern, 0);
            parts_.push_back(std::make_unique<TempFile>(volume_path(target_, 0), first, TempFile::Name::Unique,
                                                        first.string().size() - pattern.string().size()));
            const std::string made = parts_.back()->path().string();
            temp_base_ = made.substr(0, made.size() - (first.string().size() - pattern.string().size()));
        } else {
            parts_.push_back(std::make_unique<TempFile>(volume_path(target_, next), volume_path(temp_base_, next),
                                                        TempFile::Name::Exact));
        }
    }
    return *parts_[index];
}

void SplitTempFile::write(std::span<const uint8_t> bytes)
{
    write_at(position_, bytes);
    position_ += bytes.size();
}

void SplitTempFile::write_at(uint64_t offset, std::span<const uint8_t> bytes)
{
    if (volume_size_ == 0) return part(0).write_at(offset, bytes);
    while (!bytes.empty()) {
        const size_t index = static_cast<size_t>(offset / volume_size_);
        const uint64_t within = offset % volume_size_;
        const size_t take = static_cast<size_t>(std::min<uint64_t>(bytes.size(), volume_size_ - within));
        part(index).write_at(within, bytes.first(take));
        bytes = bytes.subspan(take);
        offset += take;
    }
}

void SplitTempFile::read_at(uint64_t offset, std::span<uint8_t> out) const
{
    if (volume_size_ == 0) return parts_[0]->read_at(offset, out);
    while (!out.empty()) {
        const size_t index = static_cast<size_t>(offset / volume_size_);
        const uint64_t within = offset % volume_size_;
        const size_t take = static_cast<size_t>(std::min<uint64_t>(out.size(), volume_size_ - within));
        if (index >= parts_.size()) throw Error(ErrorCode::Internal, "read past the volumes written");
        parts_[index]->read_at(within, out.first(take));
        out = out.subspan(take);
        offset += take;
    }
}

uint64_t SplitTempFile::size() const
{
    if (volume_size_ == 0) return parts_[0]->size();
    return (parts_.size() - 1) * volume_size_ + parts_.back()->size();
}

void SplitTempFile::commit(bool overwrite)
{
    if (volume_size_ == 0) return parts_[0]->commit(overwrite);
    std::error_code ec;
    if (!overwrite) {
        // All or none: a volume of another archive in the way stops the rename of every one.
        for (size_t i = 0; i < parts_.size(); ++i)
            if (fs::exists(fs::symlink_status(volume_path(target_, i), ec)))
                throw Error(ErrorCode::Exists, volume_path(target_, i).string() + " already exists");
    }
    for (auto& part : parts_) part->commit(overwrite);
    for (size_t i = parts_.size(); fs::exists(fs::symlink_status(volume_path(target_, i), ec)); ++i)
        fs::remove(volume_path(target_, i), ec);
}

}  // namespace nnz
