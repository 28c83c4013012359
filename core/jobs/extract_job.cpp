#include "extract_job.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <memory>
#include <optional>
#include <system_error>
#include <tuple>
#include <utility>

#include "../container/archive_reader.hpp"
#include "../container/entry_pattern.hpp"
#include "../container/entry_path.hpp"
#include "../container/recovery_record.hpp"
#include "../container/temp_file.hpp"
#include "../error.hpp"
#include "../fs/disk_extractor.hpp"
#include "../interop/opened_archive.hpp"

namespace nnz {
namespace {

class DiscardSink : public EntrySink {
public:
    void begin(const EntryInfo&) override {}
    void data(std::span<const uint8_t>) override {}
    void end(const EntryInfo&) override {}
    void abort(const EntryInfo&) override {}
    // A duplicate repeats content already verified: nothing to decode again.
    bool repeats_previous() const override { return true; }
    bool continues_after_damage() const override { return true; }
};

// Whether what is at path was modified after the entry (to the nanosecond; an equal time is not).
bool newer_than(const EntryInfo& entry, const std::filesystem::path& path)
{
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return false;
    return st.st_mtim.tv_sec > entry.mtime_sec ||
           (st.st_mtim.tv_sec == entry.mtime_sec && static_cast<uint32_t>(st.st_mtim.tv_nsec) > entry.mtime_nsec);
}

// What ExistingFiles::Skip, KeepNewer, Rename and Ask make of the files and symlinks whose names
// exist under dest: those `decide` keeps are taken out of the selection (empty = all; it is made
// explicit when something is left out), and their names returned, with those to be renamed. A
// name the extractor would refuse as unsafe stays in, to be refused.
struct SortedOut {
    std::vector<std::string> left_out;
    std::vector<std::string> renamed;
};
SortedOut sort_out_existing(std::span<const EntryInfo> entries, std::vector<size_t>& selection, const std::filesystem::path& dest,
                            const std::function<ExistingChoice(const EntryInfo&, const std::filesystem::path&)>& decide)
{
    std::vector<size_t> all;
    if (selection.empty())
        for (size_t i = 0; i < entries.size(); ++i) all.push_back(i);
    SortedOut sorted;
    std::vector<size_t> rest;
    for (size_t i : selection.empty() ? all : selection) {
        const EntryInfo& e = entries[i];
        const auto name = normalise_entry_path(e.path);
        std::error_code ec;
        const auto choice = e.type != EntryType::Directory && name && *name == e.path &&
                                    std::filesystem::exists(std::filesystem::symlink_status(dest / *name, ec))
                                ? decide(e, dest / *name)
                                : ExistingChoice::Replace;
        if (choice == ExistingChoice::Keep) {
            sorted.left_out.push_back(e.path);
            continue;
        }
        if (choice == ExistingChoice::Rename) sorted.renamed.push_back(e.path);
        rest.push_back(i);
    }
    if (!sorted.left_out.empty()) selection = std::move(rest);
    return sorted;
}

// New names for the entries to be renamed: the first number whose name is free under dest and
// among the names extracted.
std::map<std::string, std::string> new_names_for(std::span<const std::string> renamed, std::span<const EntryInfo> chosen,
                                                 const std::filesystem::path& dest)
{
    std::map<std::string, std::string> names;
    if (renamed.empty()) return names;
    std::set<std::string> taken;
    for (const auto& e : chosen) taken.insert(e.path);
    for (const auto& name : renamed) {
        for (unsigned n = 2;; ++n) {
            std::string candidate = numbered_name(name, n);
            std::error_code ec;
            if (taken.count(candidate) || std::filesystem::exists(std::filesystem::symlink_status(dest / candidate, ec))) continue;
            taken.insert(candidate);
            names.emplace(name, std::move(candidate));
            break;
        }
    }
    return names;
}

}  // namespace

std::string numbered_name(const std::string& path, unsigned number)
{
    const size_t slash = path.rfind('/');
    const size_t name_start = slash == std::string::npos ? 0 : slash + 1;
    size_t dot = path.rfind('.');
    if (dot == std::string::npos || dot <= name_start) dot = path.size();
    else if (const size_t tar = path.rfind(".tar", dot - 1); tar != std::string::npos && tar > name_start && tar + 4 == dot)
        dot = tar;
    return path.substr(0, dot) + " (" + std::to_string(number) + ")" + path.substr(dot);
}

std::string stripped(const std::string& path, unsigned strip)
{
    size_t start = 0;
    for (unsigned k = 0; k < strip; ++k) {
        const size_t slash = path.find('/', start);
        if (slash == std::string::npos) return {};
        start = slash + 1;
    }
    return path.substr(start);
}

namespace {

// Gives the disk the entries under the names they are written with: stripped, and renamed where
// their names were taken (keyed by the stripped name).
class RenamingSink : public EntrySink {
public:
    RenamingSink(EntrySink& inner, unsigned strip, const std::map<std::string, std::string>& new_names)
        : inner_(inner), strip_(strip), new_names_(new_names)
    {
    }
    void begin(const EntryInfo& entry) override { inner_.begin(renamed(entry)); }
    void data(std::span<const uint8_t> bytes) override { inner_.data(bytes); }
    void end(const EntryInfo& entry) override { inner_.end(renamed(entry)); }
    void abort(const EntryInfo& entry) override { inner_.abort(renamed(entry)); }
    bool repeats_previous() const override { return inner_.repeats_previous(); }
    void repeat_previous(const EntryInfo& entry) override { inner_.repeat_previous(renamed(entry)); }
    bool link_previous(const EntryInfo& entry) override { return inner_.link_previous(renamed(entry)); }
    void note_link_target(const EntryInfo& entry, bool right_after) override
    {
        inner_.note_link_target(renamed(entry), right_after);
    }
    bool link_earlier(const EntryInfo& entry, const EntryInfo& earlier) override
    {
        return inner_.link_earlier(renamed(entry), renamed(earlier));
    }
    bool continues_after_damage() const override { return inner_.continues_after_damage(); }

private:
    EntryInfo renamed(const EntryInfo& entry) const
    {
        EntryInfo copy = entry;
        if (strip_ > 0) copy.path = stripped(entry.path, strip_);
        if (const auto it = new_names_.find(copy.path); it != new_names_.end()) copy.path = it->second;
        return copy;
    }
    EntrySink& inner_;
    unsigned strip_;
    const std::map<std::string, std::string>& new_names_;
};

// The selection (empty = all) without what stripping leaves nameless, and without later folders
// that strip to a folder's name already chosen (they are merged into it); refuses two entries
// that would be written under one name. Returns the entries as they will be named, all of them,
// with the selection made explicit.
std::vector<EntryInfo> strip_selection(std::span<const EntryInfo> entries, std::vector<size_t>& selection, unsigned strip)
{
    std::vector<EntryInfo> named(entries.begin(), entries.end());
    for (auto& e : named) e.path = stripped(e.path, strip);
    std::vector<size_t> all;
    if (selection.empty())
        for (size_t i = 0; i < entries.size(); ++i) all.push_back(i);
    std::map<std::string_view, size_t> taken;
    std::vector<size_t> kept;
    for (size_t i : selection.empty() ? all : selection) {
        if (named[i].path.empty()) continue;
        const auto [at, fresh] = taken.emplace(named[i].path, i);
        if (!fresh) {
            if (named[i].type == EntryType::Directory && named[at->second].type == EntryType::Directory) continue;
            throw Error(ErrorCode::Usage, "\"" + entries[at->second].path + "\" and \"" + entries[i].path +
                                              "\" would both be extracted as \"" + named[i].path + "\"");
        }
        kept.push_back(i);
    }
    if (kept.empty())
        throw Error(ErrorCode::Usage, "nothing is left to extract with " + std::to_string(strip) +
                                          " leading folder(s) taken off every name");
    selection = std::move(kept);
    return named;
}

}  // namespace

namespace {

// The archive rebuilt from its recovery record into a temporary copy in near, and how many bytes
// that took; no copy when there is nothing (or too much) to undo or it cannot be made there.
std::pair<std::unique_ptr<TempFile>, uint64_t> rebuilt_copy(const std::filesystem::path& archive,
                                                            const std::filesystem::path& near, JobControl& control)
{
    if (!has_recovery_record(archive)) return {};
    const auto file = std::make_shared<const ArchiveFile>(archive, MissingVolumes::AsZeros);
    const ReadAt read = reader_of(file);
    const auto scan = scan_recovery_record(read, file->size(), &control);
    if (!scan || scan->damaged_data.empty() || !scan->restorable()) return {};
    std::error_code ec;
    std::filesystem::path folder = std::filesystem::is_directory(near, ec) ? near : near.parent_path();
    if (folder.empty()) folder = ".";
    try {
        auto copy = std::make_unique<TempFile>(folder / archive.filename());
        if (!restore_from_recovery_record(read, *scan, *copy, &control)) return {};
        append_recovery_record(*copy, scan->layout.percent, &control);  // what its file header promises
        return {std::move(copy), scan->damaged_bytes()};
    } catch (const Error& e) {
        // No room for the copy (or no right to make it there): read what the damage left.
        if (e.code() == ErrorCode::Cancelled) throw;
        control.add_warning(archive.filename().string() + " is damaged and has a recovery record, but it could not be "
                                                          "rebuilt for reading: " + e.what());
        return {};
    }
}

}  // namespace

ReadableArchive open_for_reading(const std::filesystem::path& archive, const std::filesystem::path& near,
                                 std::string_view purpose, JobControl& control, const Passphrase& passphrase)
{
    ReadableArchive readable;
    std::tie(readable.rebuilt, readable.rebuilt_bytes) = rebuilt_copy(archive, near, control);
    if (readable.rebuilt)
        control.add_warning(archive.filename().string() + " is damaged: " + std::to_string(readable.rebuilt_bytes) +
                            " bytes were rebuilt from its recovery record for " + std::string(purpose) +
                            "; the archive itself is unchanged (repair mends it)");
    readable.reader = open_archive(readable.rebuilt ? readable.rebuilt->path() : archive, &control, passphrase);
    return readable;
}

ReadableArchive open_for_listing(const std::filesystem::path& archive, std::string_view purpose, JobControl& control,
                                 const Passphrase& passphrase)
{
    try {
        ReadableArchive readable;
        readable.reader = open_archive(archive, nullptr, passphrase);
        return readable;
    } catch (const Error& e) {
        if (e.code() != ErrorCode::Data) throw;
    }
    std::error_code ec;
    return open_for_reading(archive, std::filesystem::temp_directory_path(ec), purpose, control, passphrase);
}

ExtractSummary extract_archive(const std::filesystem::path& archive, const std::filesystem::path& dest,
                               const EntrySelection& chosen_entries, bool overwrite, JobControl& control,
                               OutsideLinks outside_links, const Passphrase& passphrase)
{
    return extract_archive(archive, dest, chosen_entries, overwrite ? ExistingFiles::Replace : ExistingFiles::Refuse, control,
                           outside_links, passphrase);
}

ExtractSummary extract_archive(const std::filesystem::path& archive, const std::filesystem::path& dest,
                               const EntrySelection& chosen_entries, ExistingFiles existing, JobControl& control,
                               OutsideLinks outside_links, const Passphrase& passphrase, unsigned strip_components,
                               const RestoredMetadata& restored, const ExistingQuestion& ask)
{
    if (existing == ExistingFiles::Ask && !ask) throw Error(ErrorCode::Internal, "asked about existing files without a question");
    // Damage the archive's recovery record can undo is undone first, so every file comes out.
    const ReadableArchive readable = open_for_reading(archive, dest, "this extraction", control, passphrase);
    const auto& reader = readable.reader;
    auto selection = choose_entries(reader->entries(), chosen_entries);
    reader->check_readable(selection);
    // The entries under the names they are written with.
    const std::vector<EntryInfo> renamed =
        strip_components > 0 ? strip_selection(reader->entries(), selection, strip_components) : std::vector<EntryInfo>();
    const std::span<const EntryInfo> named = strip_components > 0 ? std::span<const EntryInfo>(renamed) : reader->entries();
    ExtractSummary summary;
    summary.rebuilt_bytes = readable.rebuilt_bytes;
    std::vector<std::string> to_rename;
    if (existing != ExistingFiles::Refuse && existing != ExistingFiles::Replace) {
        const auto decide = [&](const EntryInfo& entry, const std::filesystem::path& target) {
            switch (existing) {
            case ExistingFiles::Skip: return ExistingChoice::Keep;
            case ExistingFiles::KeepNewer: return newer_than(entry, target) ? ExistingChoice::Keep : ExistingChoice::Replace;
            case ExistingFiles::Rename: return ExistingChoice::Rename;
            default: return ask(entry, target);
            }
        };
        auto sorted = sort_out_existing(named, selection, dest, decide);
        summary.skipped_existing = std::move(sorted.left_out);
        to_rename = std::move(sorted.renamed);
    }
    std::vector<EntryInfo> chosen;
    if (selection.empty() && summary.skipped_existing.empty()) {
        chosen.assign(named.begin(), named.end());
    } else {
        for (size_t i : selection) chosen.push_back(named[i]);
    }
    const std::map<std::string, std::string> new_names = new_names_for(to_rename, chosen, dest);
    for (auto& e : chosen)
        if (const auto it = new_names.find(e.path); it != new_names.end()) e.path = it->second;
    for (const auto& name : to_rename) summary.renamed_existing.emplace_back(name, new_names.at(name));

    std::error_code ec;
    const bool dest_existed = std::filesystem::exists(std::filesystem::symlink_status(dest, ec));
    // A destination this call created is removed again when the job ends with nothing in it.
    struct RemoveIfLeftEmpty {
        const std::filesystem::path& dest;
        bool armed;
        ~RemoveIfLeftEmpty()
        {
            std::error_code ignored;
            if (armed && std::uncaught_exceptions() > 0) std::filesystem::remove(dest, ignored);  // only if empty
        }
    } cleanup{dest, !dest_existed};

    // KeepNewer and Ask replace what they did not leave out or rename.
    DiskExtractor out(dest, existing == ExistingFiles::Replace || existing == ExistingFiles::KeepNewer ||
                                existing == ExistingFiles::Ask);
    out.set_outside_links(outside_links);
    out.set_restored(restored);
    out.check_targets(chosen);
    control.checkpoint();
    RenamingSink renaming(out, strip_components, new_names);
    EntrySink& sink = strip_components > 0 || !new_names.empty() ? static_cast<EntrySink&>(renaming) : out;
    try {
        if (!chosen.empty()) reader->extract(selection, sink, control);  // (an empty selection means all)
    } catch (...) {
        // Leave the folders that were made with their stored modes, not the temporary 0700.
        try {
            out.finish();
        } catch (...) {
        }
        throw;
    }
    out.finish();
    summary.skipped_links = out.skipped_links();
    summary.metadata_failures = out.metadata_failures();
    summary.entries = chosen.size() - summary.skipped_links.size();
    for (const auto& e : chosen)
        if (e.type == EntryType::File) summary.content_bytes += e.size;
    return summary;
}

void test_before_keeping(const std::filesystem::path& written, const Passphrase& passphrase, JobControl& control)
{
    try {
        run_as_percent_part(control, control.testing_percent,
                            [&](JobControl& testing) { (void)test_archive(written, testing, passphrase); });
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Cancelled) throw;
        throw Error(ErrorCode::Data, std::string("the archive written failed its test, so it was not kept and nothing was "
                                                 "replaced (") + e.what() + ")");
    }
}

void verify_entries(OpenedArchive& archive, std::span<const size_t> selection, JobControl& control)
{
    if (selection.empty()) throw Error(ErrorCode::Internal, "nothing chosen to verify");
    archive.check_readable(selection);
    DiscardSink sink;
    archive.extract(selection, sink, control);
}

TestSummary test_entries(const std::filesystem::path& archive, const EntrySelection& chosen, JobControl& control,
                         const Passphrase& passphrase)
{
    if (chosen.names.empty()) throw Error(ErrorCode::Internal, "no entries chosen to test");
    const auto reader = open_archive(archive, &control, passphrase);
    const auto selection = choose_entries(reader->entries(), chosen);
    verify_entries(*reader, selection, control);
    TestSummary summary{reader->format(), selection.size(), 0};
    for (size_t i : selection) summary.content_bytes += reader->entries()[i].size;
    return summary;
}

TestSummary test_archive(const std::filesystem::path& archive, JobControl& control, const Passphrase& passphrase)
{
    const auto reader = open_archive(archive, &control, passphrase);
    reader->check_readable({});
    DiscardSink sink;
    reader->extract({}, sink, control);
    TestSummary summary{reader->format(), reader->entries().size(), 0};
    for (const auto& e : reader->entries()) summary.content_bytes += e.size;
    if (const auto* nnz = reader->nnz(); nnz && nnz->recovery_percent() > 0) {
        // The files are whole (or extract() would have said otherwise); the record may not be.
        const auto scan = scan_recovery_record(archive, &control);
        if (!scan || scan->damaged())
            throw Error(ErrorCode::Data, archive.string() + ": " + (scan ? describe(*scan) : "recovery record not found") +
                                             "; every file in it is intact");
        summary.recovery_percent = nnz->recovery_percent();
    }
    return summary;
}

}  // namespace nnz
