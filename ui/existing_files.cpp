#include "existing_files.hpp"

#include <QCoreApplication>
#include <QFileInfo>

#include "container/archive_file.hpp"

namespace nnz::ui {

std::optional<nnz::ExistingFiles> askAboutExistingFiles(QWidget* parent, const QString& text, const ChoiceHandler& handler)
{
    const QString title = QCoreApplication::translate("ExistingFiles", "Replace Files?");
    const QStringList choices{QCoreApplication::translate("ExistingFiles", "Replace"),
                              QCoreApplication::translate("ExistingFiles", "Keep Existing"),
                              QCoreApplication::translate("ExistingFiles", "Keep Both")};
    const int chosen = askChoice(parent, title, text, choices, handler);  // keeping all, which loses nothing, last
    if (chosen == 0) return nnz::ExistingFiles::Replace;
    if (chosen == 1) return nnz::ExistingFiles::Skip;
    if (chosen == 2) return nnz::ExistingFiles::Rename;
    return std::nullopt;
}

nnz::ExistingFiles existingFilesFor(AppSettings::Overwrite setting)
{
    switch (setting) {
    case AppSettings::Overwrite::Always: return nnz::ExistingFiles::Replace;
    case AppSettings::Overwrite::Skip: return nnz::ExistingFiles::Skip;
    case AppSettings::Overwrite::KeepNewer: return nnz::ExistingFiles::KeepNewer;
    case AppSettings::Overwrite::KeepBoth: return nnz::ExistingFiles::Rename;
    case AppSettings::Overwrite::Ask:
    case AppSettings::Overwrite::Never: break;
    }
    return nnz::ExistingFiles::Refuse;
}

std::optional<NewArchivePlace> placeForNewArchive(const QString& archive, quint64 volumeSize, AppSettings::Overwrite setting,
                                                  const std::function<bool(const QString& existing)>& askReplace)
{
    const auto firstFile = [volumeSize](const QString& name) {
        return QFileInfo(QString::fromStdString(nnz::first_file_of(name.toStdString(), volumeSize).string()));
    };
    const auto taken = [](const QFileInfo& file) { return file.exists() || file.isSymLink(); };
    NewArchivePlace place{archive, false};
    if (!taken(firstFile(archive))) return place;
    switch (setting) {
    case AppSettings::Overwrite::KeepBoth:
        for (unsigned n = 2; taken(firstFile(place.path)); ++n)
            place.path = QString::fromStdString(nnz::numbered_name(archive.toStdString(), n));
        break;
    case AppSettings::Overwrite::Always: place.overwrite = true; break;
    case AppSettings::Overwrite::Ask:
        if (!askReplace(firstFile(archive).filePath())) return std::nullopt;
        place.overwrite = true;
        break;
    case AppSettings::Overwrite::Never:
    case AppSettings::Overwrite::Skip:
    case AppSettings::Overwrite::KeepNewer: break;
    }
    return place;
}

void reportExtractionWarnings(const nnz::ExtractSummary& summary, nnz::JobControl& control)
{
    if (const auto& kept = summary.skipped_existing; !kept.empty()) {
        const QString first = QString::fromStdString(kept.front());
        const QString text =
            kept.size() == 1
                ? QCoreApplication::translate("ExistingFiles", "%1 already existed and was kept as it was").arg(first)
                : QCoreApplication::translate("ExistingFiles", "%n existing files were kept as they were (%1, ...)", nullptr,
                                              int(kept.size()))
                      .arg(first);
        control.add_warning(text.toStdString());
    }
    if (const auto& renamed = summary.renamed_existing; !renamed.empty()) {
        const QString from = QString::fromStdString(renamed.front().first);
        const QString to = QString::fromStdString(renamed.front().second);
        const QString text =
            renamed.size() == 1
                ? QCoreApplication::translate("ExistingFiles", "%1 already existed: the archive's was extracted as %2").arg(from, to)
                : QCoreApplication::translate("ExistingFiles",
                                              "%n files already existed: the archive's were extracted under new names (%1 as "
                                              "%2, ...)",
                                              nullptr, int(renamed.size()))
                      .arg(from, to);
        control.add_warning(text.toStdString());
    }
    if (const auto& failures = summary.metadata_failures; !failures.empty()) {
        // As `nnzip x` says it: the first reason (it names the file), and how many there were.
        const QString first = QString::fromStdString(failures.front());
        const QString text =
            failures.size() == 1
                ? QCoreApplication::translate("ExistingFiles",
                                              "could not give one entry all of its recorded owner, extended attributes and "
                                              "access control list: %1")
                      .arg(first)
                : QCoreApplication::translate("ExistingFiles",
                                              "could not give %n entries all of their recorded owner, extended attributes "
                                              "and access control list: %1, ...",
                                              nullptr, int(failures.size()))
                      .arg(first);
        control.add_warning(text.toStdString());
    }
}

}  // namespace nnz::ui
