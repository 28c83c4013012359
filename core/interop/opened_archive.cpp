#include "opened_archive.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <optional>
#include <system_error>

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

bool has_nnz_magic(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<char, format::kMagic.size()> head{};
    if (!in || !in.read(head.data(), head.size())) return false;
    return std::equal(head.begin(), head.end(), format::kMagic.begin(),
                      [](char a, uint8_t b) { return static_cast<uint8_t>(a) == b; });
}

namespace {

// The file header, when the file starts with a valid one (of a version this nnzip reads).
std::optional<format::FileHeader> file_header_of(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::vector<uint8_t> head(format::kMinFileHeaderSize + format::kMaxCreatorBytes);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
    try {
        format::ByteReader reader(head, path.string());
        return format::parse_file_header(reader);
    } catch (const Error&) {
        return std::nullopt;
    }
}

}  // namespace

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
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size < kRecoveryHeaderSize) return false;
    std::ifstream in(path, std::ios::binary);
    std::vector<uint8_t> footer(kRecoveryHeaderSize);
    in.seekg(static_cast<std::streamoff>(size - kRecoveryHeaderSize));
    if (!in.read(reinterpret_cast<char*>(footer.data()), static_cast<std::streamsize>(footer.size()))) return false;
    const auto record = parse_recovery_header(footer);
    return record && record->layout.ends_file_of(size);
}

std::unique_ptr<OpenedArchive> open_archive(const std::filesystem::path& path, JobControl* control,
                                            const Passphrase& passphrase)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    // Unreadable, or too short to be any archive: the .nnz reader gives the precise reason.
    const bool readable = std::ifstream(path, std::ios::binary).good() && !ec;
    if (!readable || size < format::kMagic.size() || has_nnz_magic(path))
        return std::make_unique<NnzArchive>(path, passphrase);
    return std::make_unique<Foreign>(path, control, passphrase);
}

}  // namespace nnz
