#pragma once
// What a window tells people when a job ends: for a failure, what failed and what was kept;
// for a success, a short notification. Shared by the archive window and the command-line modes.
#include <QCoreApplication>
#include <QString>

#include "job_runner.hpp"

namespace nnz::ui {

struct JobMessage {
    QString title;
    QString text;
};

class JobMessages {
    Q_DECLARE_TR_FUNCTIONS(nnz::ui::JobMessages)
public:
    // archiveName: the file name of the archive the job worked on.
    static JobMessage failure(const Job& job, const QString& archiveName);
    static JobMessage success(const Job& job, const QString& archiveName);
    // For an archive that cannot be opened (listing it failed with this error).
    static JobMessage cannotOpen(const QString& archivePath, nnz::ErrorCode code, const QString& why);
};

}  // namespace nnz::ui
