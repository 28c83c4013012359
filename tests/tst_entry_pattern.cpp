// EntryPatterns: shell patterns over entry names, for `nnzip a -x` and for choosing entries.
#include <QtTest>

#include "container/entry_pattern.hpp"
#include "error.hpp"

class TestEntryPattern : public QObject {
    Q_OBJECT
private slots:
    void matches_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("expected");
        // No '/': any name along the path, and so everything inside a matching folder.
        QTest::newRow("suffix, top") << "*.o" << "main.o" << true;
        QTest::newRow("suffix, deep") << "*.o" << "src/lib/main.o" << true;
        QTest::newRow("suffix, other") << "*.o" << "src/main.c" << false;
        QTest::newRow("suffix, not a prefix") << "*.o" << "src/main.obj" << false;
        QTest::newRow("folder name, itself") << ".git" << "proj/.git" << true;
        QTest::newRow("folder name, inside") << ".git" << "proj/.git/objects/ab" << true;
        QTest::newRow("folder name, similar") << ".git" << "proj/.github/ci.yml" << false;
        QTest::newRow("question mark") << "?.txt" << "docs/a.txt" << true;
        QTest::newRow("question mark, two") << "?.txt" << "docs/ab.txt" << false;
        QTest::newRow("bracket") << "[ab].txt" << "b.txt" << true;
        QTest::newRow("bracket, other") << "[ab].txt" << "c.txt" << false;
        QTest::newRow("star matches a dot file") << "*" << ".hidden" << true;
        // With '/': the path from the top, or a folder above the entry; '*' stays within a name.
        QTest::newRow("path, folder") << "proj/build" << "proj/build" << true;
        QTest::newRow("path, inside the folder") << "proj/build" << "proj/build/out.bin" << true;
        QTest::newRow("path, same name deeper") << "proj/build" << "proj/src/build/out.bin" << false;
        QTest::newRow("path, star within a name") << "proj/*.txt" << "proj/notes.txt" << true;
        QTest::newRow("path, star not across /") << "proj/*.txt" << "proj/doc/readme.txt" << false;
        QTest::newRow("path, star folder") << "*/cache" << "a/cache/x" << true;
        QTest::newRow("path, star folder too deep") << "*/cache" << "a/b/cache/x" << false;
        QTest::newRow("leading ./ ignored") << "./proj/build" << "proj/build/x" << true;
        QTest::newRow("leading / ignored") << "/proj/build" << "proj/build/x" << true;
        QTest::newRow("trailing / ignored") << "build/" << "proj/build/x" << true;
        QTest::newRow("literal name") << "notes.txt" << "proj/notes.txt" << true;
    }
    void matches()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, path);
        QFETCH(bool, expected);
        const nnz::EntryPatterns patterns({pattern.toStdString()});
        QCOMPARE(patterns.matches(path.toStdString()), expected);
    }

    void anyOfSeveral()
    {
        const nnz::EntryPatterns patterns({"*.o", ".git"});
        QVERIFY(patterns.matches("a/b.o"));
        QVERIFY(patterns.matches(".git/HEAD"));
        QVERIFY(!patterns.matches("a/b.c"));
        QVERIFY(nnz::EntryPatterns().empty());
        QVERIFY(!nnz::EntryPatterns().matches("anything"));
    }

    void emptyPatternsAreRefused_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("empty") << "";
        QTest::newRow("slashes only") << "//";
        QTest::newRow("dot slash") << "./";
    }
    void emptyPatternsAreRefused()
    {
        QFETCH(QString, pattern);
        try {
            nnz::EntryPatterns patterns({pattern.toStdString()});
            QFAIL("accepted");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), nnz::ErrorCode::Usage);
        }
    }

    void wildcardsAreRecognised()
    {
        QVERIFY(nnz::has_wildcards("*.txt"));
        QVERIFY(nnz::has_wildcards("a?"));
        QVERIFY(nnz::has_wildcards("[ab]"));
        QVERIFY(!nnz::has_wildcards("docs/readme.txt"));
    }
};

QTEST_GUILESS_MAIN(TestEntryPattern)
#include "tst_entry_pattern.moc"
