// ExtractDialog: the folder above a selection, and the folders taken off when it is not kept.
#include <QCheckBox>
#include <QComboBox>
#include <QTemporaryDir>
#include <QPushButton>
#include <QtTest>

#include "extract_dialog.hpp"
#include "accessible_names.hpp"
#include "label_buddies.hpp"

using nnz::ui::AppSettings;
using nnz::ui::ExtractDialog;

class TestExtractDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(config_.isValid());
        qputenv("XDG_CONFIG_HOME", config_.path().toUtf8());  // private settings
        QCoreApplication::setOrganizationName(QStringLiteral("nnzip-tests"));
    }
    // Extract To… offers the folders chosen there before, most recent first, at most ten; the
    // folder proposed stays the text until one is chosen.
    void recentFoldersAreOffered()
    {
        for (const QString& folder : {"/srv/a", "/srv/b", "/srv/a"}) AppSettings::noteRecentExtractFolder(folder);
        QCOMPARE(AppSettings::recentExtractFolders(), (QStringList{"/srv/a", "/srv/b"}));
        ExtractDialog dialog(QStringLiteral("/tmp/out"), {}, AppSettings::Overwrite::Ask);
        QCOMPARE(dialog.folder(), QStringLiteral("/tmp/out"));
        auto* history = dialog.findChild<QComboBox*>(QStringLiteral("folderHistory"));
        QVERIFY(history);
        QCOMPARE(history->count(), 2);
        QCOMPARE(history->itemText(0), QStringLiteral("/srv/a"));
        history->setCurrentIndex(1);
        QCOMPARE(dialog.folder(), QStringLiteral("/srv/b"));
        dialog.setFolder(QStringLiteral("/elsewhere"));  // typed: the text, the list as it was
        QCOMPARE(dialog.folder(), QStringLiteral("/elsewhere"));
        QCOMPARE(history->count(), 2);
        for (int i = 0; i < 12; ++i) AppSettings::noteRecentExtractFolder(QStringLiteral("/srv/%1").arg(i));
        QCOMPARE(AppSettings::recentExtractFolders().size(), 10);
        QCOMPARE(AppSettings::recentExtractFolders().first(), QStringLiteral("/srv/11"));
    }
    void commonFolder_data()
    {
        QTest::addColumn<QStringList>("selection");
        QTest::addColumn<QString>("folder");
        QTest::addColumn<int>("strip");  // with the folders not kept
        QTest::newRow("everything") << QStringList{} << "" << 0;
        QTest::newRow("a top-level folder") << QStringList{"docs"} << "" << 0;
        QTest::newRow("a file in a folder") << QStringList{"docs/a.txt"} << "docs" << 1;
        QTest::newRow("deeper") << QStringList{"a/b/c/d.txt"} << "a/b/c" << 3;
        QTest::newRow("a folder and a file beside it") << QStringList{"a/b/sub", "a/b/x.txt"} << "a/b" << 2;
        QTest::newRow("different depths") << QStringList{"a/b/c/d.txt", "a/e.txt"} << "a" << 1;
        QTest::newRow("a name that only starts alike") << QStringList{"ab/x", "abc/y"} << "" << 0;
        QTest::newRow("a folder and what is inside it") << QStringList{"a/b", "a/b/c.txt"} << "a" << 1;
    }
    void commonFolder()
    {
        QFETCH(QStringList, selection);
        QFETCH(QString, folder);
        QFETCH(int, strip);
        QCOMPARE(ExtractDialog::commonFolder(selection), folder);
        ExtractDialog dialog(QStringLiteral("/tmp/out"), selection, AppSettings::Overwrite::Never);
        QCOMPARE(dialog.findChild<QCheckBox*>(QStringLiteral("keepFolders"))->isVisibleTo(&dialog), strip > 0);
        QCOMPARE(dialog.stripComponents(), 0);  // kept unless unticked
        dialog.setKeepFolders(false);
        QCOMPARE(dialog.stripComponents(), strip);
        QCOMPARE(dialog.keepsFolders(), strip == 0);
    }
    void fieldsRoundTrip()
    {
        ExtractDialog dialog(QStringLiteral("/tmp/out"), {}, AppSettings::Overwrite::Skip);
        QCOMPARE(dialog.folder(), QStringLiteral("/tmp/out"));
        QCOMPARE(dialog.overwrite(), AppSettings::Overwrite::Skip);
        dialog.setOverwrite(AppSettings::Overwrite::Always);
        QCOMPARE(dialog.overwrite(), AppSettings::Overwrite::Always);
        // No folder, no extraction.
        QPushButton* extract = nullptr;
        for (QPushButton* button : dialog.findChildren<QPushButton*>())
            if (button->text().remove(QLatin1Char('&')) == QStringLiteral("Extract")) extract = button;
        QVERIFY(extract && extract->isEnabled());
        dialog.setFolder(QStringLiteral("  "));
        QVERIFY(!extract->isEnabled());
    }
    void mnemonicsLeadToTheirFields()
    {
        ExtractDialog dialog(QStringLiteral("/tmp/out"), {QStringLiteral("docs/a.txt")}, AppSettings::Overwrite::Ask);
        QCOMPARE(labelsWithoutBuddy(dialog), QStringList());
        QCOMPARE(unnamedFields(dialog), QStringList());
    }

private:
    QTemporaryDir config_;
};

QTEST_MAIN(TestExtractDialog)
#include "tst_extract_dialog.moc"
