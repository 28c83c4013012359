#pragma once
// `nnzip convert`: a foreign archive (zip, tar.*, 7z, ...) into a new .nnz, entry by entry, with
// no unpacking to disk. Contents stream from libarchive straight into the archive writer's
// blocks, so memory stays bounded by the block buffers whatever the entries' sizes.
#include <cstdint>
#include <filesystem>
#include <string>

#include "../job_control.hpp"
#include "../jobs/compress_job.hpp"

namespace nnz {

struct ConversionReport {
    std::string format;          // the input's: "zip", "tar.gz", "7z", ...
    uint64_t input_bytes = 0;    // size of the input archive file
    uint64_t output_bytes = 0;   // size of the .nnz written
    uint64_t content_bytes = 0;  // file content in all
    size_t entries = 0;
};

// Names, types, permission bits and modification times are kept; archive order is kept too.
// Refused before anything is written: an unsafe entry name (Error(Unsafe)), an encrypted entry
// or a broken hard link (Error(Data)), an existing output without options.overwrite
// (Error(Exists)), an input that is already an .nnz or is the output itself (Error(Usage)).
// A damaged input found while converting throws Error(Data); the output is then not created
// (the writer's temporary file + rename). Fifos and devices are skipped through on_warning.
ConversionReport convert_archive(const std::filesystem::path& input, const std::filesystem::path& output,
                                 const CompressOptions& options, JobControl& control);

// "zip 1.23 MB → nnz 0.81 MB, −34%, 2.41 bpb" (bpb: bits of .nnz per byte of content).
std::string describe(const ConversionReport& report);

// bytes in the decimal unit that suits scale: "812 B", "12.3 KB", "0.81 MB", "4.56 GB".
std::string human_size(uint64_t bytes, uint64_t scale);
// bytes shown next to other: in the larger one's unit, so that they compare at a glance, unless
// it is below 1% of the other (it would read "0.00 MB").
std::string human_size_beside(uint64_t bytes, uint64_t other);
// ", −34%, 2.412 bpb": after against before, and bits of after per byte of content (a part is left
// out where its divisor is 0).
std::string change_and_bpb(uint64_t before, uint64_t after, uint64_t content);

}  // namespace nnz
