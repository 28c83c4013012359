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

// The one name at the top of all the entries' paths ("proj" for proj, proj/a.c, proj/src/b.c),
// and whether it is a folder (an entry of that type, or names inside it); an empty name when
// there are several (or none, or an unsafe one).
struct TopLevel {
    QString name;
    bool isFolder = false;
};
TopLevel topLevelOf(std::span<const nnz::EntryInfo> entries);

// Where Extract Here puts an archive's entries, without a folder in a folder of the same name and
// without touching anything that exists (as Ark and the GNOME and macOS archivers do):
// - everything under one top-level folder: that folder next to the archive, or, when its name is
//   taken, the folder's contents in "name (2)" (the top level stripped);
// - a single file or link: next to the archive when its name is free;
// - anything else, or that single file's name taken: a new folder named after the archive
//   ("archive (2)" when taken).
struct ExtractionPlace {
    QString destination;           // the folder to extract into
    unsigned stripComponents = 0;  // leading folders each name loses (nnz::extract_archive)
    QString resultFolder;          // what to open afterwards: the folder made, or the file's folder
};
ExtractionPlace extractHerePlace(std::span<const nnz::EntryInfo> entries, const QString& folder,
                                    const QString& archiveBaseName);

// Where the archive window's Extract puts the chosen entries (as they will be named) in `folder`
// (Settings' extraction folder, or the archive's): there itself when they have one name at the
// top (a folder brings its own, a single file needs none), else in a folder named after the
// archive there, so that loose files are not scattered and one folder does not end up inside
// another of its name (Ark's automatic subfolder). What exists there is the Existing files
// setting's business, as before.
QString extractFolderFor(std::span<const nnz::EntryInfo> chosen, const QString& folder, const QString& archiveBaseName);

}  // namespace nnz::ui
