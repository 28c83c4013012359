#include "outside_links_question.hpp"

#include <QCoreApplication>
#include <QDir>

namespace nnz::ui {
namespace {

struct OutsideLinksQuestion {
    Q_DECLARE_TR_FUNCTIONS(OutsideLinksQuestion)
};

}  // namespace

std::optional<nnz::OutsideLinks> askAboutOutsideLinks(QWidget* parent, std::span<const nnz::OutsideLink> links,
                                                      const QString& archiveName, const QString& destination,
                                                      const ChoiceHandler& handler)
{
    const nnz::OutsideLink& first = links.front();
    const QString title = OutsideLinksQuestion::tr("Links Outside the Folder");
    QString text = OutsideLinksQuestion::tr("%1 holds symbolic links that point outside %2, such as %3 → %4.")
                       .arg(archiveName, QDir::toNativeSeparators(destination), QString::fromStdString(first.path),
                            QString::fromStdString(first.target));
    if (links.size() > 1) text += QLatin1Char(' ') + OutsideLinksQuestion::tr("There are %1 of them.").arg(links.size());
    text += QStringLiteral("\n\n") +
            OutsideLinksQuestion::tr("Create them as they are, or extract everything else without them? Nothing is ever written "
               "through a link.");
    const QStringList choices{OutsideLinksQuestion::tr("Create Links"), OutsideLinksQuestion::tr("Leave Them Out")};
    const int chosen = askChoice(parent, title, text, choices, handler);  // leaving them out, the safer one, last
    if (chosen == 0) return nnz::OutsideLinks::Create;
    if (chosen == 1) return nnz::OutsideLinks::Skip;
    return std::nullopt;
}

}  // namespace nnz::ui
