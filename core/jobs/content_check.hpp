#pragma once
// Checking a zip, 7z or tar that nnzip just wrote against the files it was made of. Those formats
// keep a CRC32 at most (a tar nothing), which shows only that the archive is whole; the XXH64
// that write_standard_archive takes of each file as it writes it shows that it holds the files as
// they were read. Used before --remove-files deletes them and by --test.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "../checksum.hpp"
#include "../container/archive_reader.hpp"
#include "../container/encryption.hpp"
#include "../container/entry.hpp"
#include "../interop/opened_archive.hpp"
#include "../job_control.hpp"

namespace nnz {

// Entry name -> XXH64 of the content read into it.
using ExpectedContents = std::unordered_map<std::string, uint64_t>;

// The files of items (their info.content_hash as written) with content.
ExpectedContents expected_contents(std::span<const InputItem> items);

// Decodes the chosen entries and checks every one named in expected against its hash. Throws
// Error(Data) when one differs or never comes (what the archive decodes to on the way is checked
// by its own CRCs too), Error(Cancelled) on a cancel.
void verify_contents(OpenedArchive& archive, std::span<const size_t> selection, ExpectedContents expected,
                     JobControl& control);

// Passes everything to inner (the writer of an archive) and takes the XXH64 of each file's bytes
// on the way: contents() is then what a test of the archive written must find. Names that
// arrive without their bytes (hard links, repeats of the previous file) are checked through the
// name whose bytes came.
class ContentHashingSink : public EntrySink {
public:
    explicit ContentHashingSink(EntrySink& inner) : inner_(inner) {}
    void begin(const EntryInfo& entry) override;
    void data(std::span<const uint8_t> bytes) override;
    void end(const EntryInfo& entry) override;
    void abort(const EntryInfo& entry) override { inner_.abort(entry); }
    bool repeats_previous() const override { return inner_.repeats_previous(); }
    void repeat_previous(const EntryInfo& entry) override { inner_.repeat_previous(entry); }
    bool link_previous(const EntryInfo& entry) override { return inner_.link_previous(entry); }
    void note_link_target(const EntryInfo& entry, bool right_after) override { inner_.note_link_target(entry, right_after); }
    bool link_earlier(const EntryInfo& entry, const EntryInfo& earlier) override { return inner_.link_earlier(entry, earlier); }
    bool continues_after_damage() const override { return inner_.continues_after_damage(); }

    const ExpectedContents& contents() const { return contents_; }

private:
    EntrySink& inner_;
    std::optional<Xxh64Stream> hash_;
    uint64_t bytes_ = 0;
    ExpectedContents contents_;
};

// The archive just written, at `written` (its temporary file), decoded whole and each file named
// in expected checked against its hash, before it replaces anything (control.testing_percent; a
// failure is Error(Data) saying nothing was kept), as test_before_keeping does for an .nnz.
void test_written_archive(const std::filesystem::path& written, ExpectedContents expected, const Passphrase& passphrase,
                          JobControl& control);

// `a x.zip --test`: the whole archive just written, at `written` (its temporary file), decoded and
// checked against the files it was made of (those it holds: not one left out as unreadable)
// before it replaces anything, as test_before_keeping
// does for an .nnz (control.testing_percent; a failure is Error(Data) saying nothing was kept).
void test_written_files(const std::filesystem::path& written, std::span<const InputItem> items,
                        const Passphrase& passphrase, JobControl& control);

}  // namespace nnz
