// Fuzz target: the container's file header, trailer and central index (ArchiveReader's
// constructor, which validates everything before `nnzip l` shows it), plus the listing's use of
// what it accepted. Checksums are not verified in fuzzing builds (core/checksum.hpp).
#include <cstdint>
#include <span>

#include "container/archive_reader.hpp"
#include "container/entry_path.hpp"
#include "error.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto& file = nnz::fuzz::archive_file();
    file.assign({data, size});
    try {
        nnz::ArchiveReader reader(file.path());
        // What the reader accepted must be what FORMAT.md promises.
        const auto& blocks = reader.blocks();
        double packed = 0;
        for (const auto& entry : reader.entries()) {
            const auto normalised = nnz::normalise_entry_path(entry.path);
            if (!normalised || *normalised != entry.path) nnz::fuzz::violation("unsafe name accepted: " + entry.path);
            if (entry.size > 0 && entry.block >= blocks.size()) nnz::fuzz::violation("entry points past the blocks");
            packed += reader.packed_size_of(entry);
        }
        for (const auto& block : blocks)
            if (block.raw_size == 0 || block.raw_size > (1ull << 30) || block.packed_size > block.raw_size)
                nnz::fuzz::violation("block sizes out of range accepted");
        (void)packed;
    } catch (const nnz::Error&) {
        // Refused with a message: what a damaged archive should get.
    }
    return 0;
}
