#pragma once
// What an extraction would touch on disk, checked before a job is queued so the user can be
// asked once, up front (the core itself refuses to replace anything it was not told to).
#include <QString>
#include <QStringList>

#include <span>

#include "container/entry.hpp"

namespace nnz::ui {

// Whether an entry path is one of the selected names or lies inside one (empty selection = all).
bool isSelected(const QString& entryPath, const QStringList& selection);

// The first selected entry, in archive order, whose target under destination already exists
// (folders do not count: extracting into an existing folder merges); empty when none.
QString firstExistingTarget(std::span<const nnz::EntryInfo> entries, const QString& destination,
                            const QStringList& selection = {});

// wanted itself when nothing is there, else "wanted (2)", "wanted (3)"...
QString unusedPath(const QString& wanted);

}  // namespace nnz::ui
