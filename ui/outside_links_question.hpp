#pragma once
// The question asked when an extraction holds symlinks that lead outside its destination: the
// core refuses them unless told to create them as they are or to leave them out.
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <span>

#include "fs/disk_extractor.hpp"

class QWidget;

namespace nnz::ui {

// Answers instead of a dialog (tests): the index of the chosen choice, -1 for cancel.
using ChoiceHandler = std::function<int(const QString& title, const QString& text, const QStringList& choices)>;

// Asks whether to create the links (OutsideLinks::Create) or leave them out (Skip); nothing when
// the user cancels. links must not be empty.
std::optional<nnz::OutsideLinks> askAboutOutsideLinks(QWidget* parent, std::span<const nnz::OutsideLink> links,
                                                      const QString& archiveName, const QString& destination,
                                                      const ChoiceHandler& handler);

}  // namespace nnz::ui
