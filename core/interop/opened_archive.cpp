#include "opened_archive.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>
#include <system_error>

#include "../container/archive_file.hpp"
#include "../container/format.hpp"
#include "../container/recovery_record.hpp"

namespace nnz {
namespace {

class NnzArchive final : public OpenedArchive {
public:
    NnzArchive(const std::filesystem::path& path, const Passphrase& passphrase) : reader_(path, passphrase) {}
    std::string format() const override { return "nnz"; }
    const std::vector<EntryInfo>& entries() const override { return reader_.entries(); }
    void check_readable(std::span<const size_t>) const override {}
    void extract(std::span<const size_t> selection, EntrySink& sink, JobControl& control) override
    {
        reader_.extract(selection, sink, control);
    }
    ArchiveReader* nnz() override { return &reader_; }

private:
    ArchiveReader reader_;
};

class Foreign final : public OpenedArchive {
public:
    Foreign(const std::filesystem::path& path, JobControl* control, const Passphrase& passphrase)
        : archive_(path, control, passphrase)
    {
    }
    std::string format() const override { return archive_.format(); }
    const std::vector<EntryInfo>& entries() const override { return archive_.infos(); }
    void check_readable(std::span<const size_t> selection) const override { archive_.check_readable(selection); }
    void extract(std::span<const size_t> selection, EntrySink& sink, JobControl& control) override
    {
        archive_.extract(selection, sink, control);
    }
    const ForeignArchive* foreign() const override { return &archive_; }

private:
    ForeignArchive archive_;
};

}  // namespace

namespace {

bool fs_size_at_least(const std::filesystem::path& path, uint64_t size)
{
    std::error_code ec;
    const auto actual = std::filesystem::file_size(path, ec);
    return !ec && actual >= size;
}

// The first `size` bytes of an archive (fewer when it is shorter; none when it cannot be read):
// of a split archive, of its first volume.
std::vector<uint8_t> head_of(const std::filesystem::path& path, size_t size)
{
    try {
        const ArchiveFile file(path);
        std::vector<uint8_t> head(std::min<uint64_t>(size, file.size()));
        file.read_at(0, head);
        return head;
    } catch (const Error&) {
        return {};
    }
}

// The file header, when the file starts with a valid one (of a version this nnzip reads).
std::optional<format::FileHeader> file_header_of(const std::filesystem::path& path)
{
    const auto head = head_of(path, format::kMinFileHeaderSize + format::kMaxCreatorBytes);
    try {
        format::ByteReader reader(head, path.string());
        return format::parse_file_header(reader);
    } catch (const Error&) {
        return std::nullopt;
    }
}

}  // namespace

bool has_nnz_magic(const std::filesystem::path& path)
{
    const auto head = head_of(path, format::kMagic.size());
    return head.size() == format::kMagic.size() && std::equal(head.begin(), head.end(), format::kMagic.begin());
}

bool has_valid_nnz_header(const std::filesystem::path& path) { return file_header_of(path).has_value(); }

bool is_encrypted_nnz(const std::filesystem::path& path)
{
    const auto header = file_header_of(path);
    return header && (header->flags & format::kFlagEncrypted) != 0;
}

bool has_recovery_record(const std::filesystem::path& path)
{
    if (const auto header = file_header_of(path)) return (header->flags & format::kFlagRecoveryRecord) != 0;
    // A damaged file header: the record's footer at the end says it as well.
    try {
        const ArchiveFile file(path);
        if (file.size() < kRecoveryHeaderSize) return false;
        std::vector<uint8_t> footer(kRecoveryHeaderSize);
        file.read_at(file.size() - kRecoveryHeaderSize, footer);
        const auto record = parse_recovery_header(footer);
        return record && record->layout.ends_file_of(file.size());
    } catch (const Error&) {
        return false;
    }
}

std::unique_ptr<OpenedArchive> open_archive(const std::filesystem::path& path, JobControl* control,
                                            const Passphrase& passphrase)
{
    // Unreadable, too short to be any archive, or split into volumes: the .nnz reader reads
    // them, or gives the precise reason. A later volume says which one to open.
    (void)volumes_of(path);
    const bool readable = std::ifstream(path, std::ios::binary).good() && fs_size_at_least(path, format::kMagic.size());
    if (!readable || has_nnz_magic(path)) return std::make_unique<NnzArchive>(path, passphrase);
    return std::make_unique<Foreign>(path, control, passphrase);
}

}  // namespace nnz
