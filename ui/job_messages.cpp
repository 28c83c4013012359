#include "job_messages.hpp"

#include <QDir>

namespace nnz::ui {

JobMessage JobMessages::failure(const Job& job, const QString& name)
{
    const QString why = job.errorMessage();
    switch (job.kind()) {
    case Job::Kind::Create:
        return {tr("Cannot Create Archive"), tr("Could not create %1:\n%2\n\nNo archive was written.").arg(name, why)};
    case Job::Kind::Add:
        return {tr("Cannot Add Files"), tr("Could not add to %1:\n%2\n\nThe archive was not changed.").arg(name, why)};
    case Job::Kind::Delete:
        return {tr("Cannot Delete"), tr("Could not delete from %1:\n%2\n\nThe archive was not changed.").arg(name, why)};
    case Job::Kind::Rename:
        return {tr("Cannot Rename"), tr("Could not rename in %1:\n%2\n\nThe archive was not changed.").arg(name, why)};
    case Job::Kind::Password:
        return {tr("Cannot Set Password"),
                tr("Could not change the password of %1:\n%2\n\nThe archive was not changed.").arg(name, why)};
    case Job::Kind::Recovery:
        return {tr("Cannot Change Recovery Record"),
                tr("Could not change the recovery record of %1:\n%2\n\nThe archive was not changed.").arg(name, why)};
    case Job::Kind::Extract:
        if (job.errorCode() == nnz::ErrorCode::Exists || job.errorCode() == nnz::ErrorCode::Usage)
            return {tr("Cannot Extract"), tr("Could not extract from %1:\n%2\n\nNothing was written.").arg(name, why)};
        if (job.control().done_input.load() == 0)  // failed before any content was decoded
            return {tr("Cannot Extract"), tr("Could not extract from %1:\n%2\n\nNo file was extracted.").arg(name, why)};
        if (job.errorCode() == nnz::ErrorCode::Data)  // damage: extraction went on past it
            return {tr("Cannot Extract"),
                    tr("Could not extract all of %1:\n%2\n\nEvery file that could be read was extracted and verified; "
                       "no partial file was left.")
                        .arg(name, why)};
        return {tr("Cannot Extract"),
                tr("Could not extract from %1:\n%2\n\nFiles extracted before the error were verified and kept; "
                   "no partial file was left.")
                    .arg(name, why)};
    case Job::Kind::Export:
        return {tr("Cannot Export"), tr("Could not export %1:\n%2\n\nNo file was written.").arg(name, why)};
    case Job::Kind::Test:
        if (job.errorCode() == nnz::ErrorCode::Data)
            return {tr("Test Failed"), tr("%1 is damaged:\n%2\n\nThe archive was not changed.").arg(name, why)};
        return {tr("Test Failed"), tr("Could not test %1:\n%2\n\nThe archive was not changed.").arg(name, why)};
    case Job::Kind::Compare:
        return {tr("Cannot Compare"),
                tr("Could not compare %1 with the files on disk:\n%2\n\nNothing was changed.").arg(name, why)};
    case Job::Kind::Other: break;
    }
    return {tr("Job Failed"), tr("%1 failed:\n%2\n\nNothing was changed.").arg(job.title(), why)};
}

JobMessage JobMessages::success(const Job& job, const QString& name)
{
    switch (job.kind()) {
    case Job::Kind::Create: return {tr("Archive created"), tr("%1 is ready.").arg(name)};
    case Job::Kind::Add: return {tr("Files added"), tr("%1 is ready.").arg(name)};
    case Job::Kind::Delete: return {tr("Entries deleted"), tr("%1 is ready.").arg(name)};
    case Job::Kind::Rename: return {tr("Entry renamed"), tr("%1 is ready.").arg(name)};
    case Job::Kind::Password: return {tr("Password set"), tr("%1 is ready.").arg(name)};
    case Job::Kind::Recovery: return {tr("Recovery record changed"), tr("%1 is ready.").arg(name)};
    case Job::Kind::Extract:
        return {tr("Extraction finished"),
                tr("%1 was extracted to %2.").arg(name, QDir::toNativeSeparators(job.resultFolder()))};
    case Job::Kind::Export: return {tr("Archive exported"), tr("%1 was written.").arg(name)};
    case Job::Kind::Test:
        if (job.property("testedSelection").toBool())
            return {tr("Test passed"), tr("%1: the selected entries decoded and their checksums matched.").arg(name)};
        if (job.property("recoveryRecordChecked").toBool())
            return {tr("Test passed"),
                    tr("%1: every entry decoded and every checksum matched; its recovery record is intact.").arg(name)};
        return {tr("Test passed"), tr("%1: every entry decoded and every checksum matched.").arg(name)};
    case Job::Kind::Compare: {
        const int differing = job.property("differences").toStringList().size();
        const QString folder = QDir::toNativeSeparators(job.property("comparedFolder").toString());
        if (differing == 0)
            return {tr("Files match"), tr("The files in %1 are as %2 holds them.").arg(folder, name)};
        return {tr("Files differ"), tr("%n entries of %1 differ from the files in %2.", nullptr, differing).arg(name, folder)};
    }
    case Job::Kind::Other: break;
    }
    return {tr("Done"), job.title()};
}

JobMessage JobMessages::cannotOpen(const QString& archivePath, nnz::ErrorCode code, const QString& why)
{
    const QString hint = code == nnz::ErrorCode::Data ? tr("The file is damaged or is not an nnzip archive. File ▸ Repair "
                                                           "Archive… recovers what a damaged one still holds.")
                         : code == nnz::ErrorCode::Io ? tr("The file could not be read.")
                                                      : QString();
    QString text = tr("Could not open %1:\n%2").arg(QDir::toNativeSeparators(archivePath), why);
    if (!hint.isEmpty()) text += QStringLiteral("\n\n") + hint;
    text += QStringLiteral("\n\n") + tr("The file was not changed.");
    return {tr("Cannot Open Archive"), text};
}

}  // namespace nnz::ui
