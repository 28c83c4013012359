// Fuzz target: the recovery record (core/container/recovery_record.cpp) of any file: finding its
// header (at the end, else by searching backwards), checking every shard against its tables, and
// rebuilding what it says it can into a temporary file. The header's and the tables' checksums
// are accepted unverified in fuzzing builds (core/checksum.hpp); shard checksums still decide
// which shards are lost, so the rebuilding runs on whatever parity the input holds.
#include <cstdint>
#include <memory>
#include <span>

#include "container/recovery_record.hpp"
#include "container/temp_file.hpp"
#include "error.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto& file = nnz::fuzz::archive_file();
    file.assign({data, size});
    try {
        nnz::JobControl control;
        const auto scan = nnz::scan_recovery_record(file.path(), &control);
        if (!scan) return 0;
        const auto& layout = scan->layout;
        if (layout.protected_size > size) nnz::fuzz::violation("a record that protects more bytes than the file has");
        if (scan->damaged_data.size() > layout.data_shards || scan->damaged_parity.size() > layout.parity_shards)
            nnz::fuzz::violation("more damaged shards than there are");
        const auto archive = std::make_shared<const nnz::ArchiveFile>(file.path());
        nnz::TempFile out(nnz::fuzz::scratch_root() / "restored.nnz");
        const bool restored = nnz::restore_from_recovery_record(nnz::reader_of(archive), *scan, out, &control);
        if (out.size() != layout.protected_size) nnz::fuzz::violation("restored bytes of another size than the archive's");
        if (restored && !scan->restorable()) nnz::fuzz::violation("restored what the scan called unrestorable");
    } catch (const nnz::Error&) {
        // Refused with a message.
    }
    return 0;
}
