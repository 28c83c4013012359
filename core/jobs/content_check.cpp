#include "content_check.hpp"

#include <functional>
#include <numeric>
#include <optional>
#include <vector>

#include "../checksum.hpp"
#include "../container/archive_reader.hpp"
#include "../error.hpp"

namespace nnz {
namespace {

class ContentCheckSink : public EntrySink {
public:
    explicit ContentCheckSink(ExpectedContents expected) : expected_(std::move(expected)) {}
    void begin(const EntryInfo&) override { hash_.emplace(); }
    void data(std::span<const uint8_t> bytes) override { hash_->update(bytes); }
    void end(const EntryInfo& entry) override
    {
        const auto at = expected_.find(entry.path);
        if (at != expected_.end()) {
            if (!checksum_matches(at->second, hash_->digest()))
                throw Error(ErrorCode::Data, entry.path + " does not decode to what was read into the archive");
            expected_.erase(at);
        }
        hash_.reset();
    }
    void abort(const EntryInfo&) override { hash_.reset(); }
    const ExpectedContents& unchecked() const { return expected_; }

private:
    ExpectedContents expected_;
    std::optional<Xxh64Stream> hash_;
};

// Opens the archive written and checks it against what expected_of says it must hold, as a part
// of the job's progress; any failure but a cancel says that nothing was kept.
void test_in_place(const std::filesystem::path& written, const Passphrase& passphrase, JobControl& control,
                   const std::function<ExpectedContents(const OpenedArchive&)>& expected_of)
{
    try {
        run_as_percent_part(control, control.testing_percent, [&](JobControl& testing) {
            const auto archive = open_archive(written, &testing, passphrase);
            std::vector<size_t> all(archive->entries().size());
            std::iota(all.begin(), all.end(), size_t{0});
            verify_contents(*archive, all, expected_of(*archive), testing);
        });
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Cancelled) throw;
        throw Error(ErrorCode::Data, std::string("the archive written failed its test, so it was not kept and nothing was "
                                                 "replaced (") + e.what() + ")");
    }
}

}  // namespace

ExpectedContents expected_contents(std::span<const InputItem> items)
{
    ExpectedContents expected;
    for (const auto& item : items)
        if (item.info.type == EntryType::File && item.info.size > 0) expected[item.info.path] = item.info.content_hash;
    return expected;
}

void verify_contents(OpenedArchive& archive, std::span<const size_t> selection, ExpectedContents expected,
                     JobControl& control)
{
    archive.check_readable(selection);
    ContentCheckSink sink(std::move(expected));
    archive.extract(selection, sink, control);
    if (!sink.unchecked().empty())
        throw Error(ErrorCode::Data, sink.unchecked().begin()->first + " could not be read back from the archive");
}

void ContentHashingSink::begin(const EntryInfo& entry)
{
    hash_.emplace();
    bytes_ = 0;
    inner_.begin(entry);
}

void ContentHashingSink::data(std::span<const uint8_t> bytes)
{
    inner_.data(bytes);
    hash_->update(bytes);
    bytes_ += bytes.size();
}

void ContentHashingSink::end(const EntryInfo& entry)
{
    inner_.end(entry);
    if (entry.type == EntryType::File && entry.size > 0 && bytes_ == entry.size) contents_[entry.path] = hash_->digest();
}

void test_written_archive(const std::filesystem::path& written, ExpectedContents expected, const Passphrase& passphrase,
                          JobControl& control)
{
    test_in_place(written, passphrase, control, [&](const OpenedArchive&) { return std::move(expected); });
}

void test_written_files(const std::filesystem::path& written, std::span<const InputItem> items,
                        const Passphrase& passphrase, JobControl& control)
{
    test_in_place(written, passphrase, control, [&](const OpenedArchive& archive) {
        // A file left out as unreadable (--skip-unreadable) is not there to check.
        const ExpectedContents expected = expected_contents(items);
        ExpectedContents stored;
        for (const auto& entry : archive.entries())
            if (const auto at = expected.find(entry.path); at != expected.end()) stored.insert(*at);
        return stored;
    });
}

}  // namespace nnz
