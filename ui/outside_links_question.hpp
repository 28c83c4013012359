#pragma once
// The question asked when an extraction holds symlinks that lead outside its destination: the
// core refuses them unless told to create them as they are or to leave them out.
#include <QString>

#include <optional>
#include <span>

#include "choice_question.hpp"
#include "fs/disk_extractor.hpp"

namespace nnz::ui {

// Asks whether to create the links (OutsideLinks::Create) or leave them out (Skip); nothing when
// the user cancels. links must not be empty.
std::optional<nnz::OutsideLinks> askAboutOutsideLinks(QWidget* parent, std::span<const nnz::OutsideLink> links,
                                                      const QString& archiveName, const QString& destination,
                                                      const ChoiceHandler& handler);

}  // namespace nnz::ui
