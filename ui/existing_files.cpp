#include "existing_files.hpp"

#include <QCoreApplication>

namespace nnz::ui {

std::optional<nnz::ExistingFiles> askAboutExistingFiles(QWidget* parent, const QString& text, const ChoiceHandler& handler)
{
    const QString title = QCoreApplication::translate("ExistingFiles", "Replace Files?");
    const QStringList choices{QCoreApplication::translate("ExistingFiles", "Replace"),
                              QCoreApplication::translate("ExistingFiles", "Keep Existing")};
    const int chosen = askChoice(parent, title, text, choices, handler);  // keeping, which loses nothing, last
    if (chosen == 0) return nnz::ExistingFiles::Replace;
    if (chosen == 1) return nnz::ExistingFiles::Skip;
    return std::nullopt;
}

nnz::ExistingFiles existingFilesFor(AppSettings::Overwrite setting)
{
    switch (setting) {
    case AppSettings::Overwrite::Always: return nnz::ExistingFiles::Replace;
    case AppSettings::Overwrite::Skip: return nnz::ExistingFiles::Skip;
    case AppSettings::Overwrite::Ask:
    case AppSettings::Overwrite::Never: break;
    }
    return nnz::ExistingFiles::Refuse;
}

void reportKeptFiles(const nnz::ExtractSummary& summary, nnz::JobControl& control)
{
    const auto& kept = summary.skipped_existing;
    if (kept.empty()) return;
    const QString first = QString::fromStdString(kept.front());
    const QString text = kept.size() == 1
                             ? QCoreApplication::translate("ExistingFiles", "%1 already existed and was kept as it was").arg(first)
                             : QCoreApplication::translate("ExistingFiles", "%n existing files were kept as they were (%1, ...)",
                                                           nullptr, int(kept.size()))
                                   .arg(first);
    control.add_warning(text.toStdString());
}

}  // namespace nnz::ui
