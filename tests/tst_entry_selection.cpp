// select_entries and choose_entries: which entries of an archive x, l, d, convert and the GUI
// work on (names, folders, patterns, then exclusions).
#include <QtTest>

#include <string>
#include <vector>

#include "error.hpp"
#include "jobs/entry_selection.hpp"

namespace {

// 0 docs, 1 docs/a.txt, 2 docs/b.md, 3 notes.txt, 4 star*.txt, 5 src/x.txt
std::vector<nnz::EntryInfo> sample_entries()
{
    std::vector<nnz::EntryInfo> entries(6);
    const char* paths[] = {"docs", "docs/a.txt", "docs/b.md", "notes.txt", "star*.txt", "src/x.txt"};
    for (size_t i = 0; i < entries.size(); ++i) {
        entries[i].path = paths[i];
        entries[i].type = i == 0 ? nnz::EntryType::Directory : nnz::EntryType::File;
    }
    return entries;
}

std::vector<std::string> strings(const QStringList& list)
{
    std::vector<std::string> out;
    for (const QString& text : list) out.push_back(text.toStdString());
    return out;
}

// The indices chosen, or "usage" for Error(Usage).
template <typename Choose>
QString chosen_or_usage(Choose choose)
{
    try {
        QStringList shown;
        for (size_t i : choose()) shown << QString::number(i);
        return shown.join(' ');
    } catch (const nnz::Error& e) {
        if (e.code() != nnz::ErrorCode::Usage) throw;
        return QStringLiteral("usage");
    }
}

}  // namespace

class TestEntrySelection : public QObject {
    Q_OBJECT
private slots:
    void selectionTakesNamesThenPatterns_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<bool>("patterns");
        QTest::addColumn<QString>("selected");  // indices, or "usage" for Error(Usage)
        QTest::newRow("everything") << QStringList{} << true << "";
        QTest::newRow("a file") << QStringList{"notes.txt"} << true << "3";
        QTest::newRow("a folder") << QStringList{"docs"} << true << "0 1 2";
        QTest::newRow("pattern anywhere") << QStringList{"*.txt"} << true << "1 3 4 5";
        QTest::newRow("pattern with a path") << QStringList{"docs/*"} << true << "1 2";
        QTest::newRow("literal name first") << QStringList{"star*.txt"} << true << "4";
        QTest::newRow("name and pattern") << QStringList{"notes.txt", "*.md"} << true << "2 3";
        QTest::newRow("pattern matching nothing") << QStringList{"*.zip"} << true << "usage";
        QTest::newRow("no patterns: taken as is") << QStringList{"*.txt"} << false << "usage";
        QTest::newRow("no patterns, literal") << QStringList{"star*.txt"} << false << "4";
    }
    void selectionTakesNamesThenPatterns()
    {
        QFETCH(QStringList, names);
        QFETCH(bool, patterns);
        QFETCH(QString, selected);
        const auto entries = sample_entries();
        const auto wanted = strings(names);
        QCOMPARE(chosen_or_usage([&] { return nnz::select_entries(entries, wanted, patterns); }), selected);
    }

    void exclusionsLeaveOutOfWhatIsChosen_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("excluded");
        QTest::addColumn<QString>("chosen");  // indices ("" = every entry), or "usage"
        QTest::newRow("nothing excluded: everything") << QStringList{} << QStringList{} << "";
        QTest::newRow("nothing excluded, a folder") << QStringList{"docs"} << QStringList{} << "0 1 2";
        QTest::newRow("a suffix, of everything") << QStringList{} << QStringList{"*.txt"} << "0 2";
        QTest::newRow("a folder with what it holds") << QStringList{} << QStringList{"docs"} << "3 4 5";
        QTest::newRow("a path from the top") << QStringList{} << QStringList{"docs/a.txt"} << "0 2 3 4 5";
        QTest::newRow("of a folder named") << QStringList{"docs"} << QStringList{"*.md"} << "0 1";
        QTest::newRow("of a pattern named") << QStringList{"*.txt"} << QStringList{"src"} << "1 3 4";
        QTest::newRow("matching nothing") << QStringList{"notes.txt"} << QStringList{"*.zip"} << "3";
        // An empty choice means everything: excluding all of it is an error, never that.
        QTest::newRow("everything excluded") << QStringList{} << QStringList{"*"} << "usage";
        QTest::newRow("all of the names excluded") << QStringList{"docs"} << QStringList{"docs"} << "usage";
        QTest::newRow("a name missing stays an error") << QStringList{"none.txt"} << QStringList{"*.md"} << "usage";
    }
    void exclusionsLeaveOutOfWhatIsChosen()
    {
        QFETCH(QStringList, names);
        QFETCH(QStringList, excluded);
        QFETCH(QString, chosen);
        const auto entries = sample_entries();
        const nnz::EntrySelection selection(strings(names), nnz::EntryPatterns(strings(excluded)));
        QCOMPARE(chosen_or_usage([&] { return nnz::choose_entries(entries, selection); }), chosen);
    }

    // Names that sort between a folder and what it holds ('-' and '.' come before '/').
    void aFolderIsNotItsNamesakes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("selected");
        // Entries: 0 docs/b/c, 1 docs-old, 2 docs, 3 docs-old/a, 4 docs.txt, 5 docs/a, 6 doc
        QTest::newRow("folder") << "docs" << "0 2 5";
        QTest::newRow("folder with a slash") << "docs/" << "0 2 5";
        QTest::newRow("inner folder") << "docs/b" << "0";
        QTest::newRow("namesake folder") << "docs-old" << "1 3";
        QTest::newRow("file") << "docs.txt" << "4";
        QTest::newRow("shorter name") << "doc" << "6";
    }
    void aFolderIsNotItsNamesakes()
    {
        QFETCH(QString, name);
        QFETCH(QString, selected);
        std::vector<nnz::EntryInfo> entries(7);
        const char* paths[] = {"docs/b/c", "docs-old", "docs", "docs-old/a", "docs.txt", "docs/a", "doc"};
        for (size_t i = 0; i < entries.size(); ++i) entries[i].path = paths[i];
        const std::vector<std::string> names{name.toStdString()};
        QCOMPARE(chosen_or_usage([&] { return nnz::select_entries(entries, names); }), selected);
    }

    void anEmptyArchiveHasNothingToExclude()
    {
        const std::vector<nnz::EntryInfo> none;
        const nnz::EntrySelection selection({}, nnz::EntryPatterns({"*"}));
        QVERIFY(nnz::choose_entries(none, selection).empty());
    }
};

QTEST_GUILESS_MAIN(TestEntrySelection)
#include "tst_entry_selection.moc"
