#include "translations.hpp"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace nnz::ui {
namespace {

const char* const kTranslatorName = "nnzipTranslator";

bool install(QCoreApplication& app, const QLocale& locale, const QString& name, const QString& folder,
             QStringList& installed)
{
    auto* translator = new QTranslator(&app);
    translator->setObjectName(QLatin1String(kTranslatorName));
    // Tries name_de_DE, name_de, ... for each of the locale's UI languages.
    if (!translator->load(locale, name, QStringLiteral("_"), folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed << QFileInfo(translator->filePath()).fileName();
    return true;
}

}  // namespace

QStringList installTranslations(QCoreApplication& app, const QLocale& locale)
{
    QStringList installed;
    install(app, QLocale(QLocale::English), QStringLiteral("nnzip"), QStringLiteral(":/i18n"), installed);
    if (locale.language() != QLocale::English && locale.language() != QLocale::C) {
        install(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath), installed);
        install(app, locale, QStringLiteral("nnzip"), QStringLiteral(":/i18n"), installed);
    }
    return installed;
}

void removeTranslations(QCoreApplication& app)
{
    for (QTranslator* translator : app.findChildren<QTranslator*>(QLatin1String(kTranslatorName), Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

}  // namespace nnz::ui
