#pragma once
// Loading the user-interface catalogues: nnzip's own (translations/nnzip_<lang>.ts, compiled by
// lrelease and embedded under :/i18n) and Qt's (qtbase_<lang>.qm, where the system has them).
#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace nnz::ui {

// Installs the catalogues that match `locale` (QLocale::system() at startup) on app, parented
// to it. English plural forms ("1 file", "2 files") are installed for every locale, beneath the
// locale's own catalogue. Returns the file names of the catalogues installed, most specific
// last, e.g. {"nnzip_en.qm", "qtbase_de.qm", "nnzip_de.qm"}.
QStringList installTranslations(QCoreApplication& app, const QLocale& locale);

// Removes every translator installTranslations() put on app.
void removeTranslations(QCoreApplication& app);

}  // namespace nnz::ui
