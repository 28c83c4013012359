// Hostile entry names and links (docs/RELIABILITY.md, "Path safety"): every row is a crafted
// archive with correct checksums, extracted three ways — the core call the GUI and the CLI share
// (nnz::extract_archive), the `nnzip x` command, and the GUI's own MainWindow (extract job and the
// synchronous drag-out extraction). Each must either refuse with nothing written (exit 2 for the
// CLI) or keep everything inside the destination; nothing may appear next to it.
// tst_cli covers "..", absolute and climbing names through the CLI; tst_container the reader's
// name rules; tst_disk the extractor's write-through protection.
#include <QtTest>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "crafted_archive.hpp"
#include "error.hpp"
#include "job_runner.hpp"
#include "jobs/extract_job.hpp"
#include "main_window.hpp"

namespace fs = std::filesystem;
using nnz::EntryType;
using nnz::test::CraftedEntry;

namespace {

enum class Outcome { Refused, Inside };

struct Case {
    std::vector<CraftedEntry> entries;
    Outcome outcome = Outcome::Refused;
    std::vector<std::string> expected;  // Inside: every name under the destination afterwards
    bool pre_existing_link = false;     // dest/pre -> the outside folder exists before extraction
    // Refused only for links leading outside: with them left out (OutsideLinks::Skip) every name
    // under the destination afterwards.
    std::optional<std::vector<std::string>> expected_without_links;
};

CraftedEntry fileEntry(std::string path, std::string content = "x") { return {std::move(path), EntryType::File, std::move(content), {}, 0644}; }
CraftedEntry folderEntry(std::string path) { return {std::move(path), EntryType::Directory, {}, {}, 0755}; }
CraftedEntry linkEntry(std::string path, std::string target) { return {std::move(path), EntryType::Symlink, {}, std::move(target), 0777}; }

Case refused(std::vector<CraftedEntry> entries, bool pre_existing_link = false)
{
    Case c;
    c.entries = std::move(entries);
    c.pre_existing_link = pre_existing_link;
    return c;
}

Case linksOut(std::vector<CraftedEntry> entries, std::vector<std::string> expected_without_links)
{
    Case c = refused(std::move(entries));
    c.expected_without_links = std::move(expected_without_links);
    return c;
}

Case inside(std::vector<CraftedEntry> entries, std::vector<std::string> expected)
{
    Case c;
    c.entries = std::move(entries);
    c.outcome = Outcome::Inside;
    c.expected = std::move(expected);
    return c;
}

std::string longName(size_t bytes) { return std::string(bytes, 'n'); }

// 20 folders of 250 bytes: a path of more than 5000 bytes, every component creatable.
std::string longPath()
{
    std::string p;
    for (int i = 0; i < 20; ++i) p += longName(250) + "/";
    return p + "f";
}

std::map<QString, Case> cases()
{
    std::map<QString, Case> c;
    c["absolute name"] = refused({fileEntry("/tmp/nnzip-path-safety-evil")});
    c["dotdot name"] = refused({fileEntry("../evil")});
    c["inner dotdot"] = refused({folderEntry("a"), fileEntry("a/../../evil")});
    c["backslash name"] = refused({fileEntry("..\\evil")});
    c["NUL in name"] = refused({fileEntry(std::string("a\0b", 3))});
    c["control character"] = refused({fileEntry("a\x1b[2Jb")});
    c["duplicate entries"] = refused({fileEntry("same", "first"), fileEntry("same", "second")});
    c["drive letter folder"] = inside({folderEntry("C:"), fileEntry("C:/Windows/evil")}, {"C:", "C:/Windows", "C:/Windows/evil"});
    c["drive letter relative"] = inside({fileEntry("C:evil")}, {"C:evil"});
    c["component of 255 bytes"] = inside({fileEntry(longName(255))}, {longName(255)});
    c["component of 256 bytes"] = refused({fileEntry("ok"), fileEntry(longName(256))});
    c["path over 4095 bytes"] = refused({fileEntry("ok"), fileEntry(longPath())});
    c["symlink to absolute path"] = linksOut({linkEntry("etc", "/etc"), fileEntry("kept")}, {"kept"});
    c["symlink climbing out"] = linksOut({folderEntry("sub"), linkEntry("sub/up", "../../outside")}, {"sub"});
    c["symlink chain out"] = linksOut({linkEntry("x", "d/.."), linkEntry("d", ".")}, {"d"});
    c["symlink loop"] = linksOut({linkEntry("a", "b"), linkEntry("b", "a/x")}, {});
    c["symlink inside"] = inside({fileEntry("target", "t"), folderEntry("sub"), linkEntry("sub/up", "../target"),
                                  linkEntry("self", ".")},
                                 {"self", "sub", "sub/up", "target"});
    c["write through archive symlink"] = refused({linkEntry("l", "sub"), folderEntry("sub"), fileEntry("l/evil")});
    c["write through absolute symlink"] = refused({linkEntry("l", "/tmp"), fileEntry("l/nnzip-path-safety-evil")});
    c["entry under a file"] = refused({fileEntry("f"), fileEntry("f/g")});
    c["write through existing symlink"] = refused({fileEntry("pre/evil")}, true);
    return c;
}

std::vector<std::string> namesUnder(const fs::path& root)
{
    std::vector<std::string> names;
    if (!fs::exists(root)) return names;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it)
        names.push_back(it->path().lexically_relative(root).string());
    std::sort(names.begin(), names.end());
    return names;
}

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

// The scene: root/{archive.nnz, outside/, dest/}; outside/ must stay empty.
struct Scene {
    QTemporaryDir tmp;
    fs::path root{tmp.path().toStdString()};
    fs::path archive{root / "archive.nnz"};
    fs::path outside{root / "outside"};
    fs::path dest{root / "dest"};

    explicit Scene(const Case& c)
    {
        fs::create_directories(outside);
        fs::create_directories(dest);
        nnz::test::save_bytes(archive, nnz::test::craft_archive(c.entries));
        if (c.pre_existing_link) fs::create_directory_symlink(outside, dest / "pre");
    }

    // Checks the outcome after one extraction; `failed` says whether it reported an error.
    void verify(const Case& c, bool failed, const QString& how) const
    {
        QVERIFY2(namesUnder(outside).empty(), qPrintable(how + ": something was written outside"));
        std::vector<std::string> top;
        for (const auto& e : fs::directory_iterator(root)) top.push_back(e.path().filename().string());
        std::sort(top.begin(), top.end());
        QVERIFY2(top == (std::vector<std::string>{"archive.nnz", "dest", "outside"}), qPrintable(how + ": stray files"));
        QVERIFY(!fs::exists("/tmp/nnzip-path-safety-evil"));
        const auto names = namesUnder(dest);
        if (c.outcome == Outcome::Refused) {
            QVERIFY2(failed, qPrintable(how + ": not refused"));
            const std::vector<std::string> before = c.pre_existing_link ? std::vector<std::string>{"pre"}
                                                                        : std::vector<std::string>{};
            QVERIFY2(names == before, qPrintable(how + ": wrote something before refusing"));
        } else {
            QVERIFY2(!failed, qPrintable(how + ": refused a harmless archive"));
            QVERIFY2(names == c.expected, qPrintable(how + ": unexpected names"));
            for (const auto& name : names) {
                std::error_code ec;
                const fs::path resolved = fs::weakly_canonical(dest / name, ec);
                const auto rel = resolved.lexically_relative(fs::canonical(dest));
                QVERIFY2(!ec && (rel == "." || (!rel.empty() && *rel.begin() != "..")),
                         qPrintable(how + ": " + QString::fromStdString(name) + " leads outside"));
            }
        }
    }

    // After an extraction that left the outside links out.
    void verifyWithoutLinks(const Case& c, bool failed, const QString& how) const
    {
        Case skipped = inside(c.entries, *c.expected_without_links);
        skipped.pre_existing_link = c.pre_existing_link;
        verify(skipped, failed, how);
    }

    void reset()
    {
        fs::remove_all(dest);
        fs::create_directories(dest);
    }
};

}  // namespace

class TestPathSafety : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(config_.isValid());
        // Private GUI settings, whatever the user running the tests has chosen.
        qputenv("XDG_CONFIG_HOME", config_.path().toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("nnzip-tests"));
    }

    void hostileArchive_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto& [name, c] : cases()) QTest::newRow(qPrintable(name)) << name;
    }
    void hostileArchive()
    {
        QFETCH(QString, name);
        const Case c = cases().at(name);
        Scene scene(c);

        // The core call behind `nnzip x` and every GUI extraction.
        {
            nnz::JobControl control;
            bool failed = false;
            try {
                nnz::extract_archive(scene.archive, scene.dest, {}, false, control);
            } catch (const nnz::LinkRefused& e) {
                failed = true;
                QVERIFY2(c.expected_without_links, e.what());  // only where links are the trouble
                QVERIFY(!e.links().empty());
            } catch (const nnz::Error& e) {
                failed = true;
                QVERIFY2(e.code() == nnz::ErrorCode::Data || e.code() == nnz::ErrorCode::Unsafe, e.what());
            }
            scene.verify(c, failed, "extract_archive");
        }
        // The same with outside links left out: only where they were the only trouble does it
        // extract (the rest); nothing is ever written through a link.
        scene.reset();
        if (c.pre_existing_link) fs::create_directory_symlink(scene.outside, scene.dest / "pre");
        {
            nnz::JobControl control;
            bool failed = false;
            nnz::ExtractSummary summary;
            try {
                summary = nnz::extract_archive(scene.archive, scene.dest, {}, false, control, nnz::OutsideLinks::Skip);
            } catch (const nnz::Error& e) {
                failed = true;
                QVERIFY2(e.code() == nnz::ErrorCode::Data || e.code() == nnz::ErrorCode::Unsafe, e.what());
            }
            if (c.expected_without_links) {
                scene.verifyWithoutLinks(c, failed, "extract_archive, links left out");
                QVERIFY(!summary.skipped_links.empty());
            } else {
                scene.verify(c, failed, "extract_archive, links left out");
            }
        }

        // The command line: exit 2 with a message.
        scene.reset();
        if (c.pre_existing_link) fs::create_directory_symlink(scene.outside, scene.dest / "pre");
        {
            QProcess cli;
            cli.start(QStringLiteral(NNZ_CLI_PATH), {"x", q(scene.archive), "-o", q(scene.dest)});
            QVERIFY(cli.waitForFinished(60'000));
            const QString err = QString::fromUtf8(cli.readAllStandardError());
            QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
            QVERIFY2(cli.exitCode() == (c.outcome == Outcome::Refused ? 2 : 0), qPrintable(err));
            if (c.outcome == Outcome::Refused) QVERIFY2(err.startsWith("nnzip: error: "), qPrintable(err));
            // Where links alone are refused, the message says how to go on.
            QCOMPARE(err.contains("--skip-outside-links"), c.expected_without_links.has_value());
            scene.verify(c, cli.exitCode() != 0, "nnzip x");
        }

        // The GUI: an extract job, and the synchronous extraction behind drags out of the window.
        scene.reset();
        if (c.pre_existing_link) fs::create_directory_symlink(scene.outside, scene.dest / "pre");
        {
            nnz::ui::MainWindow window;
            QStringList errors;
            window.setErrorHandler([&](const QString&, const QString& text) { errors << text; });
            int linkQuestions = 0;
            // Asked about outside links: leave them out (the choice that extracts the rest).
            window.setChoiceHandler([&](const QString&, const QString&, const QStringList& choices) {
                ++linkQuestions;
                return int(choices.size()) - 1;
            });
            if (!window.openArchive(q(scene.archive))) {
                // Refused when opened (the reader's checks): nothing can be extracted at all.
                QVERIFY(!errors.isEmpty());
                scene.verify(c, true, "GUI open");
                return;
            }
            auto* job = window.extractEntries(q(scene.dest), {});
            QVERIFY(job);
            QElapsedTimer clock;
            clock.start();
            while (!job->finished() && clock.elapsed() < 60'000) QTest::qWait(20);
            QVERIFY(job->finished());
            if (c.expected_without_links) {
                QCOMPARE(linkQuestions, 1);
                scene.verifyWithoutLinks(c, job->state() == nnz::ui::Job::State::Failed, "GUI extract job");
            } else {
                scene.verify(c, job->state() == nnz::ui::Job::State::Failed, "GUI extract job");
            }
            if (job->state() == nnz::ui::Job::State::Failed)
                QCOMPARE(job->errorCode() == nnz::ErrorCode::Unsafe || job->errorCode() == nnz::ErrorCode::Data, true);

            window.entriesView()->selectAll();
            errors.clear();
            // (Into a fresh temporary folder: the destination's own symlink plays no part there.)
            std::unique_ptr<QMimeData> mime(window.extractSelectionForDrag());
            // (Drags leave outside links out, with no question; with nothing else there is nothing to drag.)
            const bool nothingToDrag = c.expected_without_links && c.expected_without_links->empty();
            const bool refusedByArchive =
                c.outcome == Outcome::Refused && !c.pre_existing_link && (!c.expected_without_links || nothingToDrag);
            QCOMPARE(mime == nullptr, refusedByArchive);
            QCOMPARE(errors.isEmpty(), !refusedByArchive);
        }
    }

    // With --allow-outside-links the link itself is made, and still nothing goes through it.
    void allowOutsideLinks()
    {
        const Case c = refused({linkEntry("etc", "/etc"), linkEntry("up", "../outside")});
        Scene scene(c);
        QProcess cli;
        cli.start(QStringLiteral(NNZ_CLI_PATH), {"x", q(scene.archive), "-o", q(scene.dest), "--allow-outside-links"});
        QVERIFY(cli.waitForFinished(60'000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(fs::read_symlink(scene.dest / "etc"), fs::path("/etc"));
        QCOMPARE(fs::read_symlink(scene.dest / "up"), fs::path("../outside"));
        QVERIFY(namesUnder(scene.outside).empty());

        // A later archive writing through the now existing link is refused, with or without it.
        const fs::path second = scene.root / "second.nnz";
        nnz::test::save_bytes(second, nnz::test::craft_archive({folderEntry("up"), fileEntry("up/evil")}));
        cli.start(QStringLiteral(NNZ_CLI_PATH), {"x", q(second), "-o", q(scene.dest), "-f", "--allow-outside-links"});
        QVERIFY(cli.waitForFinished(60'000));
        QCOMPARE(cli.exitCode(), 2);
        QVERIFY(namesUnder(scene.outside).empty());
        fs::remove(second);
    }

    // With --skip-outside-links the links are left out, each with a warning, and the rest is
    // extracted; the two options exclude each other.
    void skipOutsideLinks()
    {
        const Case c = refused({linkEntry("etc", "/etc"), linkEntry("up", "../outside"), fileEntry("kept", "k")});
        Scene scene(c);
        QProcess cli;
        cli.start(QStringLiteral(NNZ_CLI_PATH), {"x", q(scene.archive), "-o", q(scene.dest), "--skip-outside-links"});
        QVERIFY(cli.waitForFinished(60'000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(err.count("nnzip: warning: left out the symlink"), 2);
        QVERIFY2(err.contains("etc -> /etc: its target is an absolute path"), qPrintable(err));
        QCOMPARE(namesUnder(scene.dest), std::vector<std::string>{"kept"});

        scene.reset();
        cli.start(QStringLiteral(NNZ_CLI_PATH),
                  {"x", q(scene.archive), "-o", q(scene.dest), "--skip-outside-links", "--allow-outside-links"});
        QVERIFY(cli.waitForFinished(60'000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(namesUnder(scene.dest).empty());
    }

private:
    QTemporaryDir config_;
};

QTEST_MAIN(TestPathSafety)
#include "tst_path_safety.moc"
