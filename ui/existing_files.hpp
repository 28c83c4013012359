#pragma once
// The Existing files setting, as extraction jobs run it and as new archives meet a name that is
// taken, the question its Ask asks, and what the job's panel says of what an extraction left undone.
#include <QString>

#include <functional>
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

// Where a new archive is written when its name (its first volume's, split into volumes of
// volume_size) is taken, as the setting says: beside it under the first free number with Keep
// both ("docs (2).nnz"), over it with Always or when askReplace(the existing file) says yes with
// Ask; with Never, Skip and Keep newer the job refuses it, so nothing is replaced. Nothing when
// the question is declined. A free name is written as it is.
struct NewArchivePlace {
    QString path;
    bool overwrite = false;
};
std::optional<NewArchivePlace> placeForNewArchive(const QString& archive, quint64 volumeSize, AppSettings::Overwrite setting,
                                                  const std::function<bool(const QString& existing)>& askReplace);

// Tells the job's panel (its warnings) what an extraction did not do as asked: the existing files
// it left as they were, the entries it wrote under new names beside existing files, and the
// entries whose recorded owner, attributes or list it could not set.
void reportExtractionWarnings(const nnz::ExtractSummary& summary, nnz::JobControl& control);

}  // namespace nnz::ui
