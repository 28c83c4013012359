#pragma once
// The Existing files setting, as extraction jobs run it.
#include "jobs/extract_job.hpp"
#include "settings_dialog.hpp"

namespace nnz::ui {

// The core's policy for the setting once any question is answered (replace: the user chose to
// replace what exists, or the setting says so).
nnz::ExistingFiles existingFilesFor(AppSettings::Overwrite setting, bool replace);

// Tells the job's panel (its warnings) which existing files an extraction left as they were.
void reportKeptFiles(const nnz::ExtractSummary& summary, nnz::JobControl& control);

}  // namespace nnz::ui
