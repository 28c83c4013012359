#pragma once
// The Existing files setting, as extraction jobs run it, the question its Ask asks, and what the
// job's panel says of what an extraction left undone.
#include <QString>

#include <optional>

#include "jobs/extract_job.hpp"
#include "choice_question.hpp"
#include "settings_dialog.hpp"

class QWidget;

namespace nnz::ui {

// Asks, with `text` saying what exists, whether to replace the existing files (Replace), keep
// them and extract the rest (Skip), or keep both, the archive's under new names (Rename);
// nothing when the user cancels.
std::optional<nnz::ExistingFiles> askAboutExistingFiles(QWidget* parent, const QString& text, const ChoiceHandler& handler);

// The core's policy for the setting (Ask and Never: refuse, unless the question was answered).
nnz::ExistingFiles existingFilesFor(AppSettings::Overwrite setting);

// Tells the job's panel (its warnings) what an extraction did not do as asked: the existing files
// it left as they were, the entries it wrote under new names beside existing files, and the
// entries whose recorded owner, attributes or list it could not set.
void reportExtractionWarnings(const nnz::ExtractSummary& summary, nnz::JobControl& control);

}  // namespace nnz::ui
