// Translations: the German and French catalogues load for their locales and translate the window;
// English gets proper plurals; every catalogue is complete (nothing unfinished or empty, the
// placeholders and accelerators kept) and covers every string in the sources (checked with lupdate).
#include <QAction>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <optional>

#include "main_window.hpp"
#include "progress_panel.hpp"
#include "translations.hpp"

namespace {

struct Message {
    QString context;
    QString source;
    bool numerus = false;
    QStringList forms;  // the translation, or its numerus forms
    QString type;       // "", "unfinished", "obsolete", "vanished"
};

// Reads a Qt Linguist .ts file.
std::optional<QList<Message>> readTs(const QString& path, QString* language = nullptr)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
    QXmlStreamReader xml(&file);
    QList<Message> messages;
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS") && language) *language = xml.attributes().value(QLatin1String("language")).toString();
        if (name == QLatin1String("name")) context = xml.readElementText();
        if (name == QLatin1String("message")) {
            current = Message{context, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), {}, {}};
        }
        if (name == QLatin1String("source")) current.source = xml.readElementText();
        if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (current.numerus) {
                while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) current.forms << xml.readElementText();
                }
            } else {
                current.forms << xml.readElementText();
            }
            messages << current;
        }
    }
    if (xml.hasError()) return std::nullopt;
    return messages;
}

QStringList placeholders(const QString& text)
{
    QStringList found;
    static const QRegularExpression pattern(QStringLiteral("%(n|[1-9])"));
    for (auto it = pattern.globalMatch(text); it.hasNext();) found << it.next().captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

// An accelerator: "&" before a character other than "&" (which escapes it).
bool hasAccelerator(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("&[^&\\s]"));
    return text.contains(pattern) && !text.contains(QLatin1String("&lt;")) && !text.contains(QLatin1String("&amp;"));
}

QString tsPath(const QString& language)
{
    return QStringLiteral(NNZ_SOURCE_DIR "/translations/nnzip_%1.ts").arg(language);
}

QString translate(const char* context, const char* source, int n = -1)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void cleanup();
    void germanCatalogueLoadsAndTranslates();
    void frenchCatalogueLoadsAndTranslates();
    void englishHasPluralForms();
    void otherLanguagesFallBackToEnglish();
    void cataloguesAreComplete_data();
    void cataloguesAreComplete();
    void cataloguesCoverEverySourceString();
};

void TestTranslations::cleanup() { nnz::ui::removeTranslations(*QCoreApplication::instance()); }

void TestTranslations::germanCatalogueLoadsAndTranslates()
{
    const QStringList installed = nnz::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany));
    QVERIFY2(installed.contains(QStringLiteral("nnzip_de.qm")), qPrintable(installed.join(", ")));
    QCOMPARE(installed.last(), QStringLiteral("nnzip_de.qm"));  // searched first
    QCOMPARE(translate("nnz::ui::MainWindow", "&Open…"), QStringLiteral("Ö&ffnen…"));
    QCOMPARE(translate("nnz::ui::JobMessages", "Test passed"), QStringLiteral("Test bestanden"));
    QCOMPARE(translate("QObject", "%n byte(s)", 1), QStringLiteral("1 Byte"));
    QCOMPARE(translate("QObject", "%n byte(s)", 5), QStringLiteral("5 Bytes"));
    // The window itself comes up in German.
    nnz::ui::MainWindow window;
    QCOMPARE(window.findChild<QAction*>(QStringLiteral("extractAction"))->text(), QStringLiteral("&Entpacken"));
    QCOMPARE(window.findChild<QAction*>(QStringLiteral("propertiesAction"))->text(), QStringLiteral("&Eigenschaften"));
    QCOMPARE(nnz::ui::formatBytes(3), QStringLiteral("3 Bytes"));
}

void TestTranslations::frenchCatalogueLoadsAndTranslates()
{
    const QStringList installed = nnz::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::French, QLocale::France));
    QVERIFY2(installed.contains(QStringLiteral("nnzip_fr.qm")), qPrintable(installed.join(", ")));
    QCOMPARE(translate("nnz::ui::MainWindow", "&Open…"), QStringLiteral("&Ouvrir…"));
    QCOMPARE(translate("nnz::ui::ProgressPanel", "&Cancel"), QStringLiteral("&Annuler"));
    QCOMPARE(translate("QObject", "%n byte(s)", 1), QStringLiteral("1 octet"));
    QCOMPARE(translate("QObject", "%n byte(s)", 2), QStringLiteral("2 octets"));
    nnz::ui::MainWindow window;
    QCOMPARE(window.findChild<QAction*>(QStringLiteral("extractAction"))->text(), QStringLiteral("&Extraire"));
    QCOMPARE(nnz::ui::formatBytes(2500), QStringLiteral("2.5 Ko"));
}

void TestTranslations::englishHasPluralForms()
{
    // Without a catalogue "%n byte(s)" would read "2 byte(s)".
    QCOMPARE(translate("QObject", "%n byte(s)", 2), QStringLiteral("2 byte(s)"));
    const QStringList installed = nnz::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedKingdom));
    QCOMPARE(installed, QStringList{QStringLiteral("nnzip_en.qm")});
    QCOMPARE(translate("QObject", "%n byte(s)", 1), QStringLiteral("1 byte"));
    QCOMPARE(translate("QObject", "%n byte(s)", 2), QStringLiteral("2 bytes"));
    QCOMPARE(translate("nnz::ui::MainWindow", "&Open…"), QStringLiteral("&Open…"));
}

void TestTranslations::otherLanguagesFallBackToEnglish()
{
    const QStringList installed = nnz::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::Japanese, QLocale::Japan));
    QVERIFY2(installed.contains(QStringLiteral("nnzip_en.qm")), qPrintable(installed.join(", ")));
    QVERIFY(!installed.contains(QStringLiteral("nnzip_de.qm")));
    QCOMPARE(translate("nnz::ui::MainWindow", "&Extract"), QStringLiteral("&Extract"));
    QCOMPARE(translate("QObject", "%n thread(s)", 4), QStringLiteral("4 threads"));
}

void TestTranslations::cataloguesAreComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << "de";
    QTest::newRow("fr") << "fr";
    QTest::newRow("en") << "en";
}

void TestTranslations::cataloguesAreComplete()
{
    QFETCH(QString, language);
    QString declared;
    const auto messages = readTs(tsPath(language), &declared);
    QVERIFY2(messages, qPrintable(tsPath(language)));
    QVERIFY(declared.startsWith(language));
    QVERIFY(messages->size() > 150);
    for (const Message& m : *messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(m.type.isEmpty(), qPrintable(m.type + QStringLiteral(" translation for ") + where));
        QCOMPARE(m.forms.size(), m.numerus ? 2 : 1);
        for (const QString& form : m.forms) {
            QVERIFY2(!form.trimmed().isEmpty(), qPrintable(QStringLiteral("empty translation for ") + where));
            QVERIFY2(placeholders(form) == placeholders(m.source), qPrintable(QStringLiteral("placeholders differ: ") + where + QStringLiteral(" -> ") + form));
            QVERIFY2(hasAccelerator(form) == hasAccelerator(m.source), qPrintable(QStringLiteral("accelerator differs: ") + where + QStringLiteral(" -> ") + form));
        }
    }
}

void TestTranslations::cataloguesCoverEverySourceString()
{
#ifndef NNZ_LUPDATE_PATH
    QSKIP("lupdate is not available in this build");
#else
    // What lupdate finds in the sources now, against what the catalogues translate.
    QTemporaryDir temp;
    QStringList arguments{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-silent")};
    const QDir ui(QStringLiteral(NNZ_SOURCE_DIR "/ui"));
    for (const QString& name : ui.entryList({QStringLiteral("*.cpp"), QStringLiteral("*.hpp")}, QDir::Files)) arguments << ui.filePath(name);
    arguments << QStringLiteral(NNZ_SOURCE_DIR "/app/gui/main.cpp") << QStringLiteral("-ts") << temp.filePath(QStringLiteral("now_de.ts"));
    QProcess lupdate;
    lupdate.start(QStringLiteral(NNZ_LUPDATE_PATH), arguments);
    QVERIFY(lupdate.waitForFinished(60000));
    QCOMPARE(lupdate.exitCode(), 0);
    const auto now = readTs(temp.filePath(QStringLiteral("now_de.ts")));
    QVERIFY(now);
    QSet<QString> wanted;
    for (const Message& m : *now) wanted.insert(m.context + QLatin1Char('|') + m.source);
    for (const QString& language : {QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("en")}) {
        const auto catalogue = readTs(tsPath(language));
        QVERIFY(catalogue);
        QSet<QString> have;
        for (const Message& m : *catalogue) have.insert(m.context + QLatin1Char('|') + m.source);
        const QSet<QString> untranslated = wanted - have;
        const QSet<QString> stale = have - wanted;
        QVERIFY2(untranslated.isEmpty(), qPrintable(language + QStringLiteral(" lacks: ") + QStringList(untranslated.values()).join(QStringLiteral(" ; "))));
        QVERIFY2(stale.isEmpty(), qPrintable(language + QStringLiteral(" has stale: ") + QStringList(stale.values()).join(QStringLiteral(" ; "))));
    }
#endif
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
