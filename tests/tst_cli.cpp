#include <QRegularExpression>
#include <QtTest>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "container/archive_file.hpp"
#include "container/archive_reader.hpp"
#include "interop/opened_archive.hpp"
#include "checksum.hpp"
#include "extended_attributes.hpp"
#include "give_away.hpp"
#include "raw_archives.hpp"
#include "remove_by_bytes.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(NNZ_CORPUS_DIR) / "cantrbry";

struct Run {
    int status = -1;
    QString out;
    QString err;
    QByteArray bytes;  // standard output as it came (an archive written there)
};

// Waits for the process and collects its status and output (status -1 when it did not end normally).
Run finished(QProcess& process)
{
    Run run;
    if (!process.waitForFinished(600'000) || process.exitStatus() != QProcess::NormalExit) return run;
    run.status = process.exitCode();
    run.bytes = process.readAllStandardOutput();
    run.out = QString::fromUtf8(run.bytes);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// nnzip asks for a password on the terminal (/dev/tty) by itself; a test run from one must not
// be asked: the child gets a session of its own, without a controlling terminal.
void without_terminal(QProcess& process)
{
    process.setChildProcessModifier([] { ::setsid(); });
}

Run nnzip(const QStringList& args, const QString& cwd = {}, const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    without_terminal(process);
    process.setProgram(QStringLiteral(NNZ_CLI_PATH));
    process.setArguments(args);
    process.setProcessEnvironment(environment);
    if (!cwd.isEmpty()) process.setWorkingDirectory(cwd);
    process.start();
    return finished(process);
}

// With `input` on standard input (a password for -p: without a terminal nnzip reads it there).
Run nnzip_reading(const QStringList& args, const QByteArray& input,
                  const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    without_terminal(process);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(NNZ_CLI_PATH), args);
    process.write(input);
    process.closeWriteChannel();
    return finished(process);
}

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

// nnzip on a terminal of its own (a pseudo-terminal, its controlling one): each question it asks
// (a line ending "[q]uit: ", or "Please answer ...: ") gets the next of `answers`, or Ctrl-D when
// none is left. `out` holds all it wrote there (standard output and error both), with the
// answers echoed; `questions` how many it asked.
struct TerminalRun {
    int status = -1;
    QString out;
    int questions = 0;
};

TerminalRun nnzip_on_terminal(const QStringList& args, const fs::path& cwd, const QStringList& answers)
{
    std::vector<std::string> words{NNZ_CLI_PATH};
    for (const QString& arg : args) words.push_back(arg.toStdString());
    std::vector<char*> argv;
    for (auto& word : words) argv.push_back(word.data());
    argv.push_back(nullptr);
    const std::string folder = cwd.string();
    int master = -1;
    const pid_t child = ::forkpty(&master, nullptr, nullptr, nullptr);
    if (child == 0) {
        if (::chdir(folder.c_str()) == 0) ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    TerminalRun run;
    if (child < 0) return run;
    std::string out;
    qsizetype answered = 0;
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        pollfd ready{master, POLLIN, 0};
        if (::poll(&ready, 1, 100) > 0) {
            char buffer[4096];
            const ssize_t n = ::read(master, buffer, sizeof buffer);
            if (n <= 0) break;  // EIO: the child closed its side
            out.append(buffer, static_cast<size_t>(n));
        }
        int asked = 0;
        for (const char* question : {"[q]uit: ", "Please answer y, n, r, A, N, R or q: "})
            for (size_t at = out.find(question); at != std::string::npos; at = out.find(question, at + 1)) ++asked;
        if (asked > answered) {
            const std::string answer = answered < answers.size() ? answers[answered].toStdString() + "\n" : std::string("\x04");
            (void)!::write(master, answer.data(), answer.size());
            ++answered;
        }
        if (clock.elapsed() > 60'000) {
            ::kill(child, SIGKILL);
            break;
        }
    }
    ::close(master);
    int status = 0;
    ::waitpid(child, &status, 0);
    run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = QString::fromStdString(out);
    run.questions = static_cast<int>(answered);
    return run;
}


std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const fs::path& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary);
    out << content;
}

void set_time(const fs::path& path, int64_t sec, long nsec)
{
    const timespec times[2] = {{static_cast<time_t>(sec), nsec}, {static_cast<time_t>(sec), nsec}};
    ::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW);
}

std::vector<std::string> relative_names(const fs::path& root)
{
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(root)) names.push_back(e.path().lexically_relative(root).string());
    std::sort(names.begin(), names.end());
    return names;
}

// Empty when the trees match: same names, types, contents, link targets, and with metadata also
// the permission bits and modification times (to the nanosecond).
QString tree_difference(const fs::path& expected, const fs::path& actual, bool metadata)
{
    const auto names = relative_names(expected);
    if (names != relative_names(actual)) return "the trees hold different names";
    std::vector<std::string> all{""};
    all.insert(all.end(), names.begin(), names.end());
    for (const auto& name : all) {
        const fs::path a = expected / name, b = actual / name;
        struct stat sa{}, sb{};
        if (::lstat(a.c_str(), &sa) != 0 || ::lstat(b.c_str(), &sb) != 0) return "cannot stat " + q(name);
        if ((sa.st_mode & S_IFMT) != (sb.st_mode & S_IFMT)) return "type differs: " + q(name);
        if (S_ISREG(sa.st_mode) && read_file(a) != read_file(b)) return "content differs: " + q(name);
        if (S_ISLNK(sa.st_mode) && fs::read_symlink(a) != fs::read_symlink(b)) return "link differs: " + q(name);
        if (!metadata) continue;
        if (!S_ISLNK(sa.st_mode) && (sa.st_mode & 07777) != (sb.st_mode & 07777))
            return QString("mode differs: %1 %2 vs %3").arg(q(name)).arg(sa.st_mode & 07777, 0, 8).arg(sb.st_mode & 07777, 0, 8);
        if (sa.st_mtim.tv_sec != sb.st_mtim.tv_sec || sa.st_mtim.tv_nsec != sb.st_mtim.tv_nsec)
            return "mtime differs: " + q(name);
    }
    return {};
}

// Builds <root>/in holding one kind of tricky entry, then gives every path its own old mtime.
void build_fixture(const fs::path& root, const QString& kind)
{
    const fs::path in = root / "in";
    fs::create_directories(in);
    if (kind == "empty file") {
        write_file(in / "empty.txt", "");
    } else if (kind == "empty dir") {
        fs::create_directories(in / "nothing");
    } else if (kind == "one byte") {
        write_file(in / "one", "x");
    } else if (kind == "unicode name") {
        write_file(in / "Grüße – 日本語 ✓.txt", "unicode");
        fs::create_directories(in / "Ордер");
        write_file(in / "Ордер" / "ñ", "n");
    } else if (kind == "space name") {
        fs::create_directories(in / "dir with space");
        write_file(in / "dir with space" / " leading and trailing ", "spaces");
    } else if (kind == "symlink") {
        write_file(in / "target.txt", "target");
        fs::create_directories(in / "sub");
        fs::create_symlink("target.txt", in / "link");
        fs::create_symlink("no/such/file", in / "dangling");
        fs::create_directory_symlink("sub", in / "dirlink");
        fs::create_symlink("../../outside", in / "sub/up");
    } else if (kind == "nested dirs") {
        fs::create_directories(in / "a/b/c/d/e");
        write_file(in / "a/b/c/d/e/deep.txt", "deep");
        write_file(in / "a/b/side.txt", "side");
        fs::create_directories(in / "a/x");
    } else if (kind == "modes") {
        write_file(in / "ro.txt", "ro");
        write_file(in / "exec.sh", "#!/bin/sh\n");
        write_file(in / "private", "p");
        fs::create_directories(in / "locked");
        write_file(in / "locked/f", "f");
        ::chmod((in / "ro.txt").c_str(), 0444);
        ::chmod((in / "exec.sh").c_str(), 0755);
        ::chmod((in / "private").c_str(), 0600);
        ::chmod((in / "locked").c_str(), 0500);
        ::chmod(in.c_str(), 0710);
    }
    int64_t i = 0;
    for (const auto& name : relative_names(in)) {
        ++i;
        set_time(in / name, 1'000'000'000 + 1000 * i, 7919 * i + 1);
    }
    set_time(in, 900'000'000, 123'456'789);
}

// Undo read-only folders so QTemporaryDir can clean up when not running as root.
void make_writable(const fs::path& root)
{
    ::chmod(root.c_str(), 0755);
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_directory() && !e.is_symlink()) ::chmod(e.path().c_str(), 0755);
}

bool has_temp_files(const fs::path& root)
{
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.path().filename().string().find(".nnztmp-") != std::string::npos) return true;
    return false;
}

uint64_t file_hash(const fs::path& p)
{
    const std::string s = read_file(p);
    return nnz::xxh64(std::span(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
}

void put(std::string& out, uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i) out += static_cast<char>(value >> (8 * i));
}

// An archive with no content, only one entry in the index (docs/FORMAT.md), named as given. The
// writer refuses unsafe names, so an attacker's archive has to be made by hand.
std::string crafted_archive(const std::string& entry_name)
{
    auto hash = [](const std::string& s) { return nnz::xxh64(std::span(reinterpret_cast<const uint8_t*>(s.data()), s.size())); };
    std::string file("NNZIP\x1a\r\n", 8);
    put(file, 1, 2);
    put(file, 0, 2);
    put(file, 0, 4);
    const std::string creator = "tst_cli";
    put(file, creator.size(), 4);
    file += creator;
    put(file, hash(file), 8);

    std::string record;
    put(record, entry_name.size(), 4);
    record += entry_name;
    put(record, 0, 1);              // file
    put(record, 0644, 4);
    put(record, 1'000'000'000, 8);
    put(record, 0, 4);
    put(record, 0, 8);              // size
    put(record, 0, 4);              // no link
    put(record, hash(""), 8);
    put(record, 0, 4);              // block
    put(record, 0, 8);              // offset
    std::string index = "NIDX";
    put(index, 0, 8);               // blocks
    put(index, 1, 8);               // entries
    put(index, record.size(), 4);
    index += record;

    const uint64_t index_offset = file.size();
    file += index;
    put(file, index_offset, 8);
    put(file, index.size(), 8);
    put(file, hash(index), 8);
    file += std::string("NNZEND\0\0", 8);
    return file;
}

}  // namespace

// A project to leave things out of: src/a.c, src/a.o and build/out in folder.
void write_source_tree(const fs::path& folder)
{
    fs::create_directories(folder / "src");
    fs::create_directories(folder / "build");
    write_file(folder / "src" / "a.c", "int a;\n");
    write_file(folder / "src" / "a.o", "object\n");
    write_file(folder / "build" / "out", "built\n");
}

// A folder d (a.txt, s/b.txt: 4 entries) under root, and an environment whose TMPDIR is root/tmp
// (empty), for the commands that spool an archive there.
QProcessEnvironment small_tree_and_own_tmpdir(const fs::path& root)
{
    fs::create_directories(root / "d" / "s");
    write_file(root / "d" / "a.txt", read_file(kCorpus / "alice29.txt").substr(0, 30'000));
    write_file(root / "d" / "s" / "b.txt", "bee\n");
    fs::create_directories(root / "tmp");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("TMPDIR", QString::fromStdString((root / "tmp").string()));
    return environment;
}

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void roundTripCorpus_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("store") << QStringList{"--codec", "store"};
        QTest::newRow("store small blocks") << QStringList{"--codec", "store", "--block-size", "100K"};
        QTest::newRow("room for one block at a time") << QStringList{"--codec", "store", "--block-size", "100K", "--memory", "250K"};
    }
    void roundTripCorpus()
    {
        QFETCH(QStringList, options);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path archive = root / "c.nnz";
        Run run = nnzip(QStringList{"a", q(archive), q(kCorpus)} + options);
        QCOMPARE(run.status, 0);
        QVERIFY(fs::exists(archive));
        run = nnzip({"t", q(archive)});
        QCOMPARE(run.status, 0);
        QVERIFY(run.out.contains("OK"));
        run = nnzip({"x", q(archive), "-o", q(root / "out")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QString difference = tree_difference(kCorpus, root / "out/cantrbry", true);
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
        QVERIFY(!has_temp_files(root / "out"));
        make_writable(root / "out");
    }
    void listShowsEveryEntry()
    {
        QTemporaryDir tmp;
        const fs::path archive = fs::path(tmp.path().toStdString()) / "c.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(kCorpus), "--codec", "store"}).status, 0);
        const Run run = nnzip({"l", q(archive)});
        QCOMPARE(run.status, 0);
        for (const auto& e : fs::directory_iterator(kCorpus)) {
            const QString name = "cantrbry/" + QString::fromStdString(e.path().filename().string());
            QVERIFY2(run.out.contains(name), qPrintable(name));
            QVERIFY(run.out.contains(QString::number(fs::file_size(e.path()))));
        }
        QVERIFY(run.out.contains("11 files"));
    }
    // l ARCHIVE NAME...: only those entries (names, folders and patterns as for x), their totals.
    void listSelection_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("totals");  // the totals line's counts
        QTest::newRow("one file") << QStringList{"cantrbry/sum"} << 0 << "1 file, 0 folders, 0 symlinks in 1 block";
        QTest::newRow("a pattern") << QStringList{"*.txt"} << 0 << "4 files, 0 folders, 0 symlinks in ";
        QTest::newRow("the folder") << QStringList{"cantrbry"} << 0 << "11 files, 1 folder, 0 symlinks in ";
        QTest::newRow("nothing matches") << QStringList{"cantrbry/nope"} << 1 << "";
    }
    void listSelection()
    {
        QFETCH(QStringList, names);
        QFETCH(int, status);
        QFETCH(QString, totals);
        QTemporaryDir tmp;
        const fs::path archive = fs::path(tmp.path().toStdString()) / "c.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(kCorpus), "--codec", "store"}).status, 0);
        const Run run = nnzip(QStringList{"l", q(archive)} + names);
        QCOMPARE(run.status, status);
        if (status != 0) return;
        const QString last = run.out.trimmed().split('\n').last();
        QVERIFY2(last.contains(totals), qPrintable(run.out));
        if (names.first() == "cantrbry") QCOMPARE(last, nnzip({"l", q(archive)}).out.trimmed().split('\n').last());
        if (names.first() == "cantrbry/sum") {
            QVERIFY(!run.out.contains("alice29"));
            QVERIFY(run.out.contains(QString::number(fs::file_size(kCorpus / "sum"))));
        }
    }

    void listJson()
    {
        QTemporaryDir tmp;
        const fs::path archive = fs::path(tmp.path().toStdString()) / "c.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(kCorpus), "--codec", "store"}).status, 0);
        const Run run = nnzip({"l", q(archive), "--json"});
        QCOMPARE(run.status, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QVERIFY(doc.isArray());
        std::map<QString, QJsonObject> by_name;
        for (const auto& value : doc.array()) by_name[value.toObject()["name"].toString()] = value.toObject();
        QCOMPARE(by_name.size(), size_t(12));
        QCOMPARE(by_name["cantrbry"]["type"].toString(), QString("directory"));
        for (const auto& e : fs::directory_iterator(kCorpus)) {
            const QString name = "cantrbry/" + QString::fromStdString(e.path().filename().string());
            QVERIFY2(by_name.count(name), qPrintable(name));
            const QJsonObject o = by_name[name];
            QCOMPARE(o["type"].toString(), QString("file"));
            QCOMPARE(o["size"].toInteger(), qint64(fs::file_size(e.path())));
            QCOMPARE(o["packed_size"].toInteger(), qint64(fs::file_size(e.path())));  // store
            QCOMPARE(o["checksum"].toString(), QString("%1").arg(file_hash(e.path()), 16, 16, QChar('0')));
            QVERIFY(o.contains("mode") && o.contains("modified") && o.contains("block") && o.contains("offset"));
        }
    }
    void roundTripSpecialEntries_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char* kind : {"empty file", "empty dir", "one byte", "unicode name", "space name", "symlink",
                                 "nested dirs", "modes"})
            QTest::newRow(kind) << QString(kind);
    }
    void roundTripSpecialEntries()
    {
        QFETCH(QString, kind);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        build_fixture(root / "src", kind);
        const fs::path archive = root / "special.nnz";
        Run run = nnzip({"a", q(archive), q(root / "src/in"), "--codec", "store"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(nnzip({"t", q(archive)}).status, 0);
        run = nnzip({"x", q(archive), "-o", q(root / "out")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QString difference = tree_difference(root / "src/in", root / "out/in", true);
        make_writable(root / "src");
        make_writable(root / "out");
        QVERIFY2(difference.isEmpty(), qPrintable(difference));
    }
    void extractDefaultsToCurrentFolder()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_file(root / "file.txt", "here");
        QCOMPARE(nnzip({"a", "f.nnz", "file.txt", "--codec", "store"}, tmp.path()).status, 0);
        fs::create_directories(root / "cwd");
        QCOMPARE(nnzip({"x", q(root / "f.nnz")}, q(root / "cwd")).status, 0);
        QCOMPARE(read_file(root / "cwd/file.txt"), std::string("here"));
    }
    // u adds to an archive (creating it when missing) and d deletes from it; refusals leave it as it was.
    void updateDeleteAndRename_data()
    {
        QTest::addColumn<QString>("before");  // none, first (one entry), both (first and second), text (not an archive)
        QTest::addColumn<QStringList>("args");  // ARCH stands for the archive
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("after");  // entries, when it succeeded
        QTest::newRow("u creates a missing archive") << "none" << QStringList{"u", "ARCH", "first"} << 0 << QStringList{"first"};
        QTest::newRow("u adds") << "first" << QStringList{"u", "ARCH", "second"} << 0 << QStringList{"first", "second"};
        QTest::newRow("update replaces") << "both" << QStringList{"update", "ARCH", "first"} << 0 << QStringList{"first", "second"};
        QTest::newRow("d deletes") << "both" << QStringList{"d", "ARCH", "first"} << 0 << QStringList{"second"};
        QTest::newRow("delete everything") << "both" << QStringList{"delete", "ARCH", "second", "first"} << 0 << QStringList{};
        QTest::newRow("d of a missing entry") << "both" << QStringList{"d", "ARCH", "nope"} << 1 << QStringList{};
        QTest::newRow("d without a name") << "both" << QStringList{"d", "ARCH"} << 1 << QStringList{};
        QTest::newRow("u with -f") << "first" << QStringList{"u", "ARCH", "second", "-f"} << 1 << QStringList{};
        QTest::newRow("u to a file that is no archive") << "text" << QStringList{"u", "ARCH", "second"} << 2 << QStringList{};
        QTest::newRow("d of a missing archive") << "none" << QStringList{"d", "ARCH", "first"} << 3 << QStringList{};
        QTest::newRow("u into a folder") << "both" << QStringList{"u", "ARCH", "first", "--into", "docs/2024"} << 0
                                         << QStringList{"docs/2024/first", "first", "second"};
        QTest::newRow("u creating an archive, into a folder") << "none" << QStringList{"u", "ARCH", "first", "--into=in"} << 0
                                                              << QStringList{"in/first"};
        QTest::newRow("a into a folder") << "none" << QStringList{"a", "ARCH", "first", "second", "--into", "./x/"} << 0
                                         << QStringList{"x/first", "x/second"};
        QTest::newRow("u into a file") << "both" << QStringList{"u", "ARCH", "second", "--into", "first"} << 1 << QStringList{};
        QTest::newRow("u into a folder out of the archive") << "both" << QStringList{"u", "ARCH", "second", "--into", "../up"} << 1
                                                            << QStringList{};
        QTest::newRow("d with --into") << "both" << QStringList{"d", "ARCH", "first", "--into", "x"} << 1 << QStringList{};
        QTest::newRow("rn renames") << "both" << QStringList{"rn", "ARCH", "first", "third"} << 0 << QStringList{"second", "third"};
        QTest::newRow("rename onto an existing name") << "both" << QStringList{"rename", "ARCH", "first", "second"} << 3 << QStringList{};
        QTest::newRow("rn with one name") << "both" << QStringList{"rn", "ARCH", "first"} << 1 << QStringList{};
        QTest::newRow("rn out of the archive") << "both" << QStringList{"rn", "ARCH", "first", "../first"} << 1 << QStringList{};
        QTest::newRow("rn with a compression option") << "both" << QStringList{"rn", "ARCH", "first", "third", "--preset", "max"} << 1 << QStringList{};
        QTest::newRow("rn in a file that is no archive") << "text" << QStringList{"rn", "ARCH", "first", "third"} << 2 << QStringList{};
    }
    void updateDeleteAndRename()
    {
        QFETCH(QString, before);
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QStringList, after);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_file(root / "first", "1");
        write_file(root / "second", "2");
        const fs::path archive = root / "a.nnz";
        if (before == "first" || before == "both") {
            QStringList create{"a", q(archive), "first", "--codec", "store"};
            if (before == "both") create << "second";
            QCOMPARE(nnzip(create, tmp.path()).status, 0);
        }
        if (before == "text") write_file(archive, "not an archive");
        const std::string bytes = fs::exists(archive) ? read_file(archive) : std::string();
        args.replaceInStrings(QStringLiteral("ARCH"), q(archive));
        if (!args.first().startsWith("r")) args << "--codec" << "store";  // rn compresses nothing
        const Run run = nnzip(args, tmp.path());
        QCOMPARE(run.status, status);
        if (status != 0) {
            QVERIFY(!run.err.isEmpty());
            QCOMPARE(fs::exists(archive), before != "none");
            if (before != "none") QVERIFY(read_file(archive) == bytes);
            return;
        }
        const Run listed = nnzip({"l", q(archive), "--json"});
        QCOMPARE(listed.status, 0);
        QStringList names;
        for (const auto& entry : QJsonDocument::fromJson(listed.out.toUtf8()).array()) names << entry.toObject()["name"].toString();
        names.sort();
        QCOMPARE(names, after);
        QCOMPARE(nnzip({"t", q(archive)}).status, 0);
    }
    void listingThroughTheRecord_data()
    {
        QTest::addColumn<int>("recovery");  // percent, 0: none
        QTest::addColumn<int>("status");
        QTest::newRow("a record") << 10 << 0;
        QTest::newRow("no record") << 0 << 2;
    }
    void listingThroughTheRecord()
    {
        // A damaged index: l reads a copy its record rebuilds (in TMPDIR, gone afterwards) and
        // says so; without a record it is an error, as before.
        QFETCH(int, recovery);
        QFETCH(int, status);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "in");
        std::ofstream(root / "in" / "a.txt") << std::string(20'000, 'a');
        std::ofstream(root / "in" / "b.txt") << std::string(30'000, 'b');
        const fs::path archive = root / "r.nnz";
        QStringList args{"a", q(archive), q(root / "in"), "--codec", "store"};
        if (recovery > 0) args << "--recovery" << QString::number(recovery);
        QCOMPARE(nnzip(args).status, 0);
        std::string bytes = read_file(archive);
        const size_t index = bytes.rfind("NIDX");
        QVERIFY(index != std::string::npos);
        for (size_t k = index; k < index + 40; ++k) bytes[k] = char(bytes[k] ^ 0x5a);
        std::ofstream(archive, std::ios::binary | std::ios::trunc) << bytes;
        const fs::path temp = root / "tmp";
        fs::create_directories(temp);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("TMPDIR", QString::fromStdString(temp.string()));
        const Run listed = nnzip({"l", q(archive)}, {}, environment);
        QCOMPARE(listed.status, status);
        QCOMPARE(listed.out.contains("in/b.txt"), status == 0);
        QCOMPARE(listed.err.contains("rebuilt from its recovery record for this listing"), status == 0);
        QVERIFY(fs::is_empty(temp));
        QVERIFY(read_file(archive) == bytes);  // the archive is left as it is
    }

    void ownersAndHardLinks_data()
    {
        QTest::addColumn<QStringList>("options");  // for x
        QTest::addColumn<QString>("theirs");       // owner of theirs.txt afterwards ("me": the extracting user)
        QTest::newRow("default") << QStringList{} << (canGiveFilesAway() ? "4242" : "me");
        QTest::newRow("--no-same-owner") << QStringList{"--no-same-owner"} << "me";
        QTest::newRow("--same-owner --numeric-owner") << QStringList{"--same-owner", "--numeric-owner"} << "4242";
    }
    void ownersAndHardLinks()
    {
        // l --json says who owned what and which names were one file; x makes them one file again.
        QFETCH(QStringList, options);
        QFETCH(QString, theirs);
        if (theirs == "4242" && !canGiveFilesAway()) QSKIP("giving files to other users takes root (with those ids mapped)");
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "in");
        std::ofstream(root / "in" / "a.txt") << "one file, two names";
        fs::create_hard_link(root / "in" / "a.txt", root / "in" / "b.txt");
        std::ofstream(root / "in" / "theirs.txt") << "not mine";
        const bool givenAway = canGiveFilesAway();
        if (givenAway) QCOMPARE(::chown((root / "in" / "theirs.txt").c_str(), 4242, 4343), 0);
        const fs::path archive = root / "o.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(root / "in"), "--codec", "store"}).status, 0);
        const Run listed = nnzip({"l", q(archive), "--json"});
        QCOMPARE(listed.status, 0);
        QMap<QString, QJsonObject> entries;
        for (const auto& entry : QJsonDocument::fromJson(listed.out.toUtf8()).array())
            entries[entry.toObject()["name"].toString()] = entry.toObject();
        QCOMPARE(entries["in/b.txt"]["hard_link_to"].toString(), QString("in/a.txt"));
        QVERIFY(!entries["in/a.txt"].contains("hard_link_to"));
        QCOMPARE(entries["in/a.txt"]["uid"].toInteger(), qint64(::geteuid()));
        QCOMPARE(entries["in/theirs.txt"]["uid"].toInteger(), qint64(givenAway ? 4242 : ::geteuid()));
        QVERIFY(nnzip({"l", q(archive)}).out.contains("in/b.txt  [hard link to in/a.txt]"));
        // --no-owners: none recorded, and the archive does not depend on who made it.
        const fs::path anonymous = root / "anonymous.nnz";
        QCOMPARE(nnzip({"a", q(anonymous), q(root / "in"), "--codec", "store", "--no-owners"}).status, 0);
        for (const auto& entry : QJsonDocument::fromJson(nnzip({"l", q(anonymous), "--json"}).out.toUtf8()).array())
            QVERIFY(!entry.toObject().contains("uid") && !entry.toObject().contains("user"));

        QStringList args{"x", q(archive), "-o", q(root / "out")};
        const Run extracted = nnzip(args + options);
        QCOMPARE(extracted.status, 0);
        QVERIFY2(extracted.err.isEmpty(), qPrintable(extracted.err));
        QCOMPARE(fs::hard_link_count(root / "out" / "in" / "a.txt"), uintmax_t(2));
        QVERIFY(fs::equivalent(root / "out" / "in" / "a.txt", root / "out" / "in" / "b.txt"));
        struct stat st {};
        QCOMPARE(::stat((root / "out" / "in" / "theirs.txt").c_str(), &st), 0);
        QCOMPARE(st.st_uid == ::geteuid() ? QString("me") : QString::number(st.st_uid), theirs);
    }

    void attributesAndLists_data()
    {
        QTest::addColumn<QStringList>("addOptions");
        QTest::addColumn<QStringList>("extractOptions");
        QTest::addColumn<bool>("attributesBack");  // user.comment on the extracted file
        QTest::addColumn<bool>("listBack");        // its access control list
        const bool root = ::geteuid() == 0;
        QTest::newRow("default") << QStringList{} << QStringList{} << root << root;
        QTest::newRow("--xattrs --acls") << QStringList{} << QStringList{"--xattrs", "--acls"} << true << true;
        QTest::newRow("--no-xattrs") << QStringList{} << QStringList{"--no-xattrs", "--acls"} << false << true;
        QTest::newRow("--no-acls") << QStringList{} << QStringList{"--xattrs", "--no-acls"} << true << false;
        QTest::newRow("a --no-xattrs --no-acls") << QStringList{"--no-xattrs", "--no-acls"} << QStringList{"--xattrs", "--acls"} << false << false;
    }
    void attributesAndLists()
    {
        // l --json shows what was recorded (values in base64); x gives back what it is told to.
        QFETCH(QStringList, addOptions);
        QFETCH(QStringList, extractOptions);
        QFETCH(bool, attributesBack);
        QFETCH(bool, listBack);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        if (!attributesSupported(root)) QSKIP("this file system keeps no user attributes or access control lists");
        fs::create_directories(root / "in");
        std::ofstream(root / "in" / "a.txt") << "with attributes";
        QVERIFY(setAttribute(root / "in" / "a.txt", "user.comment", "hi\n"));
        const std::string list = kernelAcl({{1, 6}, {2, 4, 4242}, {4, 4}, {0x10, 4}, {0x20, 4}});
        QVERIFY(setAttribute(root / "in" / "a.txt", "system.posix_acl_access", list));
        const fs::path archive = root / "o.nnz";
        QCOMPARE(nnzip(QStringList{"a", q(archive), q(root / "in"), "--codec", "store"} + addOptions).status, 0);
        const Run listed = nnzip({"l", q(archive), "--json"});
        QCOMPARE(listed.status, 0);
        QJsonObject a;
        for (const auto& entry : QJsonDocument::fromJson(listed.out.toUtf8()).array())
            if (entry.toObject()["name"].toString() == "in/a.txt") a = entry.toObject();
        const bool recorded = addOptions.isEmpty();
        QCOMPARE(a["xattrs"].toObject()["user.comment"].toString(), recorded ? QString("aGkK") : QString());  // "hi\n"
        QCOMPARE(a["acl"].toString().contains("user::rw-,") && a["acl"].toString().contains(",user:4242:r--,"), recorded);

        const Run extracted = nnzip(QStringList{"x", q(archive), "-o", q(root / "out")} + extractOptions);
        QCOMPARE(extracted.status, 0);
        QVERIFY2(extracted.err.isEmpty(), qPrintable(extracted.err));
        const auto got = attributesOf(root / "out" / "in" / "a.txt");
        QCOMPARE(got.count("user.comment") ? QString::fromStdString(got.at("user.comment")) : QString(), attributesBack ? "hi\n" : "");
        QCOMPARE(got.count("system.posix_acl_access") ? got.at("system.posix_acl_access") == list : false, listBack);
    }

    void diffAgainstTheDisk()
    {
        // diff: nothing printed and 0 when the files are as archived; a line per entry and 6 when
        // not (1 stays a usage error); -C names the folder the archive was made in.
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "src" / "in");
        std::ofstream(root / "src" / "in" / "a.txt") << "as archived";
        const fs::path archive = root / "in.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(root / "src" / "in"), "--codec", "store"}).status, 0);
        const Run same = nnzip({"diff", q(archive), "-C", q(root / "src")});
        QCOMPARE(same.status, 0);
        QVERIFY2(same.out.isEmpty() && same.err.isEmpty(), qPrintable(same.err));
        std::ofstream(root / "src" / "in" / "a.txt", std::ios::app) << ", then changed";
        const Run changed = nnzip({"diff", q(archive), "--directory=" + q(root / "src")});
        QCOMPARE(changed.status, 6);
        QCOMPARE(changed.out, QByteArray("in/a.txt: size 11 -> 25, modified\n"));
        QCOMPARE(nnzip({"diff", q(archive), "-C", q(root / "src"), "-x", "*.txt"}).status, 0);  // left out
        const Run elsewhere = nnzip({"compare", q(archive), "in/a.txt"});  // run in the test's folder: nothing there
        QCOMPARE(elsewhere.status, 6);
        QCOMPARE(elsewhere.out, QByteArray("in/a.txt: missing on disk\n"));
    }

    void longListing_data()
    {
        QTest::addColumn<QString>("format");  // of the archive listed
        QTest::newRow("nnz") << "nnz";
        QTest::newRow("tar") << "tar";
    }
    void longListing()
    {
        // l --long: permissions as ls -l writes them and the owner, before the usual columns.
        QFETCH(QString, format);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "in" / "tmp");
        std::ofstream(root / "in" / "run.sh") << "#!/bin/sh\n";
        std::ofstream(root / "in" / "secret") << "x";
        fs::create_symlink("run.sh", root / "in" / "link");
        QCOMPARE(::chmod((root / "in" / "run.sh").c_str(), 04755), 0);
        QCOMPARE(::chmod((root / "in" / "secret").c_str(), 0600), 0);
        QCOMPARE(::chmod((root / "in" / "tmp").c_str(), 01777), 0);
        const fs::path archive = root / ("in." + format.toStdString());
        if (format == "nnz") {
            QCOMPARE(nnzip({"a", q(archive), q(root / "in"), "--codec", "store"}).status, 0);
        } else {
            QProcess tar;
            tar.start("tar", {"-cf", q(archive), "-C", q(root), "in"});
            QVERIFY(tar.waitForFinished(60'000) && tar.exitCode() == 0);
        }
        const Run listed = nnzip({"l", q(archive), "--long"});
        QCOMPARE(listed.status, 0);
        const passwd* user = ::getpwuid(::geteuid());
        const group* userGroup = ::getgrgid(::getegid());
        QVERIFY(user && userGroup);
        const QString owner = QString("%1:%2").arg(user->pw_name, userGroup->gr_name);
        const QStringList lines = listed.out.split('\n');
        QVERIFY2(lines.value(0).startsWith("Permissions Owner"), qPrintable(lines.value(0)));
        const auto line = [&](const QString& name) {
            for (const QString& l : lines)
                if (l.endsWith("  " + name)) return l.simplified();
            return QString();
        };
        QVERIFY2(line("in/run.sh").startsWith("-rwsr-xr-x " + owner + " "), qPrintable(line("in/run.sh")));
        QVERIFY2(line("in/secret").startsWith("-rw------- " + owner + " 1 "), qPrintable(line("in/secret")));
        QVERIFY2(line("in/tmp/").startsWith("drwxrwxrwt " + owner + " 0 "), qPrintable(line("in/tmp/")));
        QVERIFY2(line("in/link -> run.sh").startsWith("lrwxrwxrwx " + owner + " "), qPrintable(line("in/link -> run.sh")));
        // Without --long the table is as before; with --json it is refused.
        QVERIFY(nnzip({"l", q(archive)}).out.startsWith("        Size"));
        QCOMPARE(nnzip({"l", q(archive), "--long", "--json"}).status, 1);
    }

    void filesFrom_data()
    {
        QTest::addColumn<QStringList>("args");  // ARCH: the archive (made of "first" and "second" for x and d), LIST: the list file, DIR: the folder
        QTest::addColumn<QByteArray>("list");   // the list's content, DIR standing for the folder
        QTest::addColumn<QByteArray>("input");  // standard input
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("after");  // a, u, d: the entries; x: the files extracted into DIR/out
        QTest::newRow("a, a list of lines") << QStringList{"a", "ARCH", "--files-from", "LIST"} << QByteArray("DIR/first\nDIR/second\n")
                                            << QByteArray() << 0 << QStringList{"first", "second"};
        QTest::newRow("a, lines ending in CR LF, blank lines") << QStringList{"a", "ARCH", "-T", "LIST"} << QByteArray("DIR/first\r\n\r\n")
                                                               << QByteArray() << 0 << QStringList{"first"};
        QTest::newRow("a, the list and the command line") << QStringList{"a", "ARCH", "DIR/second", "--files-from=LIST"}
                                                          << QByteArray("DIR/first") << QByteArray() << 0 << QStringList{"first", "second"};
        QTest::newRow("a, NUL-separated on standard input") << QStringList{"a", "ARCH", "--files-from", "-", "--null"} << QByteArray()
                                                            << QByteArray("DIR/first\0DIR/odd name\0", 23) << 0
                                                            << QStringList{"first", "odd name"};
        QTest::newRow("u, from a list") << QStringList{"u", "ARCH", "-T", "LIST"} << QByteArray("DIR/second\n") << QByteArray() << 0
                                        << QStringList{"first", "second"};
        QTest::newRow("x, entry names from a list") << QStringList{"x", "ARCH", "-T", "LIST", "-o", "DIR/out"} << QByteArray("second\n")
                                                    << QByteArray() << 0 << QStringList{"second"};
        QTest::newRow("d, entry names from a list") << QStringList{"d", "ARCH", "-T", "LIST"} << QByteArray("first\n") << QByteArray()
                                                    << 0 << QStringList{"second"};
        QTest::newRow("an empty list") << QStringList{"a", "ARCH", "-T", "LIST"} << QByteArray("\n\n") << QByteArray() << 1 << QStringList{};
        QTest::newRow("a list that is missing") << QStringList{"a", "ARCH", "-T", "DIR/none"} << QByteArray() << QByteArray() << 3
                                                << QStringList{};
        QTest::newRow("a list naming standard input") << QStringList{"a", "ARCH", "-T", "LIST"} << QByteArray("-\n") << QByteArray() << 1
                                                      << QStringList{};
        QTest::newRow("standard input twice") << QStringList{"a", "ARCH", "-", "-T", "-"} << QByteArray() << QByteArray("DIR/first\n")
                                              << 1 << QStringList{};
        QTest::newRow("--null alone") << QStringList{"a", "ARCH", "DIR/first", "--null"} << QByteArray() << QByteArray() << 1
                                      << QStringList{};
        QTest::newRow("x, a listed name not in the archive") << QStringList{"x", "ARCH", "-T", "LIST", "-o", "DIR/out"}
                                                             << QByteArray("nope\n") << QByteArray() << 1 << QStringList{};
    }
    void filesFrom()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, list);
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(QStringList, after);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_file(root / "first", "1");
        write_file(root / "second", "2");
        write_file(root / "odd name", "3");
        const fs::path archive = root / "a.nnz";
        const QString command = args.first();
        if (command != "a") {  // u adds to "first"; x and d take from "first" and "second"
            QStringList create{"a", q(archive), q(root / "first"), "--codec", "store"};
            if (command != "u") create << q(root / "second");
            QCOMPARE(nnzip(create).status, 0);
        }
        const QByteArray folder = QFile::encodeName(tmp.path());
        write_file(root / "list", list.replace("DIR", folder).toStdString());
        args.replaceInStrings(QStringLiteral("ARCH"), q(archive));
        args.replaceInStrings(QStringLiteral("LIST"), q(root / "list"));
        args.replaceInStrings(QStringLiteral("DIR"), tmp.path());
        if (command == "a" || command == "u" || command == "d") args << "--codec" << "store";
        const std::string before = fs::exists(archive) ? read_file(archive) : std::string();
        const Run run = nnzip_reading(args, input.replace("DIR", folder));
        QVERIFY2(run.status == status, qPrintable(run.err));
        if (status != 0) {
            QVERIFY(!run.err.isEmpty());
            QCOMPARE(fs::exists(archive) ? read_file(archive) : std::string(), before);
            QVERIFY(!fs::exists(root / "out"));
            return;
        }
        QStringList names;
        if (command == "x") {
            for (const auto& e : fs::directory_iterator(root / "out")) names << QString::fromStdString(e.path().filename().string());
        } else {
            const Run listed = nnzip({"l", q(archive), "--json"});
            for (const auto& entry : QJsonDocument::fromJson(listed.out.toUtf8()).array()) names << entry.toObject()["name"].toString();
        }
        names.sort();
        QCOMPARE(names, after);
    }
    void addExistingArchive_data()
    {
        QTest::addColumn<bool>("force");
        QTest::newRow("refused") << false;
        QTest::newRow("replaced with -f") << true;
    }
    void addExistingArchive()
    {
        QFETCH(bool, force);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_file(root / "first", "1");
        write_file(root / "second", "2");
        const fs::path archive = root / "a.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(root / "first"), "--codec", "store"}).status, 0);
        const std::string before = read_file(archive);
        QStringList args{"a", q(archive), q(root / "second"), "--codec", "store"};
        if (force) args << "-f";
        const Run run = nnzip(args);
        if (force) {
            QCOMPARE(run.status, 0);
            const Run listed = nnzip({"l", q(archive)});
            QVERIFY(listed.out.contains("second") && !listed.out.contains("first"));
        } else {
            QCOMPARE(run.status, 3);
            QVERIFY2(run.err.contains(q(archive) + " already exists (-f replaces it; nnzip u " + q(archive) + " PATH... adds to it)"),
                     qPrintable(run.err));  // zip's and 7z's a adds
            // A zip written by `a` is made whole, so only -f is offered; so with convert.
            const Run zip = nnzip({"a", q(root / "z.zip"), q(root / "first")});
            QCOMPARE(zip.status, 0);
            Run again = nnzip({"a", q(root / "z.zip"), q(root / "second")});
            QCOMPARE(again.status, 3);
            QVERIFY2(again.err.contains("z.zip already exists (-f replaces it)\n"), qPrintable(again.err));
            again = nnzip({"convert", q(root / "z.zip"), q(archive)});
            QCOMPARE(again.status, 3);
            QVERIFY2(again.err.contains("a.nnz already exists (-f replaces it)\n"), qPrintable(again.err));
            fs::remove(root / "z.zip");
            QCOMPARE(read_file(archive), before);
        }
        QCOMPARE(relative_names(root), (std::vector<std::string>{"a.nnz", "first", "second"}));
    }
    void extractExistingFile_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("refused") << "";
        QTest::newRow("overwritten with -f") << "-f";
        QTest::newRow("left as it is with -n") << "-n";
        QTest::newRow("left as it is with --skip-existing") << "--skip-existing";
        QTest::newRow("-n and -f") << "-n -f";
    }
    void extractExistingFile()
    {
        QFETCH(QString, option);
        const bool force = option == "-f";
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "src/d");
        write_file(root / "src/d/f", "archived");
        write_file(root / "src/d/g", "also archived");
        const fs::path archive = root / "a.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(root / "src/d"), "--codec", "store"}).status, 0);
        fs::create_directories(root / "out/d");
        write_file(root / "out/d/g", "mine");
        QStringList args{"x", q(archive), "-o", q(root / "out")};
        args << option.split(' ', Qt::SkipEmptyParts);
        const Run run = nnzip(args);
        if (option == "-n -f") {
            QCOMPARE(run.status, 1);
            QVERIFY2(run.err.contains("exclude each other"), qPrintable(run.err));
        } else if (!option.isEmpty() && !force) {
            QCOMPARE(run.status, 0);
            QCOMPARE(read_file(root / "out/d/g"), std::string("mine"));
            QCOMPARE(read_file(root / "out/d/f"), std::string("archived"));
            QVERIFY2(run.err.contains("warning: left 1 existing file as it was (--skip-existing): d/g"), qPrintable(run.err));
        } else if (force) {
            QCOMPARE(run.status, 0);
            QCOMPARE(read_file(root / "out/d/g"), std::string("also archived"));
            QCOMPARE(read_file(root / "out/d/f"), std::string("archived"));
        } else {
            QCOMPARE(run.status, 3);
            QVERIFY2(run.err.contains("exists") && run.err.contains("-f") && run.err.contains("-n leaves"), qPrintable(run.err));
            QCOMPARE(read_file(root / "out/d/g"), std::string("mine"));
            QVERIFY2(!fs::exists(root / "out/d/f"), "nothing is written when a target is refused");
        }
    }
    // A name that is not UTF-8 stops `a` (exit 3, no archive) unless --skip-unreadable leaves it out.
    void unstorableName()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const RemoveByBytes removed{root};
        fs::create_directories(root / "in");
        write_file(root / "in" / "ok.txt", "ok");
        write_file(root / "in" / "caf\xe9.txt", "latin-1");
        const fs::path archive = root / "c.nnz";
        const Run stopped = nnzip({"a", q(archive), q(root / "in"), "--codec", "store"});
        QCOMPARE(stopped.status, 3);
        QVERIFY2(stopped.err.contains("caf\\xE9.txt") && !stopped.err.contains("--help"), qPrintable(stopped.err));
        QVERIFY(!fs::exists(archive));
        const Run skipped = nnzip({"a", q(archive), q(root / "in"), "--codec", "store", "--skip-unreadable"});
        QCOMPARE(skipped.status, 0);
        QVERIFY2(skipped.err.contains("warning: skipped") && skipped.err.contains("caf\\xE9.txt"), qPrintable(skipped.err));
        QVERIFY(nnzip({"l", q(archive)}).out.contains("in/ok.txt"));
    }

    // a, u and d end with one line: entries, sizes, change, bpb, time.
    // Files with equal content are stored once; every way out gives each its bytes.
    void duplicateFiles_data()
    {
        QTest::addColumn<QString>("way");
        for (const char* way : {"l", "l --json", "x", "x --stdout", "x --to-tar", "t"}) QTest::newRow(way) << QString(way);
    }
    void duplicateFiles()
    {
        QFETCH(QString, way);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d");
        const std::string same = read_file(kCorpus / "alice29.txt").substr(0, 30'000);
        for (const char* name : {"a.txt", "b.txt", "c.txt"}) write_file(root / "d" / name, same);
        write_file(root / "d" / "other.txt", same.substr(1));
        const fs::path archive = root / "d.nnz";
        // Blocks of 8 KiB: the content lies in four of them, so the duplicates cannot come from memory.
        const Run made = nnzip({"a", q(archive), q(root / "d"), "--codec", "store", "--block-size", "8K"});
        QCOMPARE(made.status, 0);
        QVERIFY2(made.out.contains("5 entries, 120.0 KB \u2192 60."), qPrintable(made.out));
        const fs::path out = root / "out";
        if (way == "l") {
            const Run run = nnzip({"l", q(archive)});
            QCOMPARE(run.status, 0);
            QCOMPARE(run.out.count("[same as d/a.txt]"), 2);
            QVERIFY2(run.out.contains(QRegularExpression("30000 +0 +0.000 .* d/b.txt  \\[same as d/a.txt\\]")), qPrintable(run.out));
        } else if (way == "l --json") {
            const Run run = nnzip({"l", q(archive), "--json"});
            QCOMPARE(run.status, 0);
            const QJsonArray entries = QJsonDocument::fromJson(run.out.toUtf8()).array();
            QStringList duplicates;
            for (const auto& value : entries)
                if (value.toObject().contains("duplicate_of"))
                    duplicates << value.toObject()["name"].toString() + "=" + value.toObject()["duplicate_of"].toString();
            QCOMPARE(duplicates, (QStringList{"d/b.txt=d/a.txt", "d/c.txt=d/a.txt"}));
        } else if (way == "x") {
            QCOMPARE(nnzip({"x", q(archive), "-o", q(out)}).status, 0);
            QCOMPARE(tree_difference(root / "d", out / "d", true), QString());
            fs::remove_all(out);
            QCOMPARE(nnzip({"x", q(archive), "-o", q(out), "d/c.txt"}).status, 0);  // a duplicate alone
            QCOMPARE(relative_names(out), (std::vector<std::string>{"d", "d/c.txt"}));
            QVERIFY(read_file(out / "d" / "c.txt") == same);
        } else if (way == "x --stdout") {
            QProcess process;
            process.start(QStringLiteral(NNZ_CLI_PATH), {"x", q(archive), "--stdout", "d/b.txt", "d/c.txt"});
            QVERIFY(process.waitForFinished(60'000));
            QCOMPARE(process.exitCode(), 0);
            QVERIFY(process.readAllStandardOutput().toStdString() == same + same);
        } else if (way == "x --to-tar") {
            const fs::path tar = root / "d.tar";
            QCOMPARE(nnzip({"x", q(archive), "--to-tar", q(tar)}).status, 0);
            fs::create_directories(out);
            QCOMPARE(QProcess::execute("tar", {"-xf", q(tar), "-C", q(out)}), 0);
            QCOMPARE(tree_difference(root / "d", out / "d", false), QString());
        } else {
            const Run run = nnzip({"t", q(archive)});
            QCOMPARE(run.status, 0);
            QVERIFY2(run.out.contains("OK (5 entries, 119999 bytes verified)"), qPrintable(run.out));
        }
    }

    void encryptedArchive_data()
    {
        QTest::addColumn<QString>("way");
        for (const char* way : {"l without a password", "wrong password", "x", "x --stdout and --to-tar", "-p reads stdin",
                                "empty password", "u d rn keep it encrypted", "password for a plain archive", "passwd"})
            QTest::newRow(way) << way;
    }
    void encryptedArchive()
    {
        QFETCH(QString, way);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d");
        write_file(root / "d" / "secret-plans.txt", read_file(kCorpus / "alice29.txt").substr(0, 20'000));
        write_file(root / "d" / "note.txt", "meet at noon\n");
        write_file(root / "pw", "open sesame\n");
        write_file(root / "wrong", "open sesame!\n");
        const fs::path archive = root / "d.nnz";
        const QStringList password{"--password-file", q(root / "pw")};
        if (way != "-p reads stdin" && way != "empty password" && way != "password for a plain archive") {
            const Run made = nnzip(QStringList{"a", q(archive), q(root / "d"), "--codec", "store"} + password);
            QCOMPARE(made.status, 0);
            QVERIFY(made.out.contains("3 entries"));
            QVERIFY(read_file(archive).find("secret-plans") == std::string::npos);
        }
        const fs::path out = root / "out";
        if (way == "l without a password") {
            for (const char* command : {"l", "t", "x"}) {
                QStringList args{command, q(archive)};
                if (QString(command) == "x") args << "-o" << q(out);
                const Run listed = nnzip_reading(args, {});
                QCOMPARE(listed.status, 2);
                QVERIFY2(listed.err.contains("d.nnz is encrypted: give its password (-p asks for it, --password-file FILE reads it)"),
                         qPrintable(listed.err));
                QVERIFY(!listed.out.contains("secret-plans"));
            }
            QVERIFY(!fs::exists(out / "d"));
        } else if (way == "wrong password") {
            const Run run = nnzip({"x", q(archive), "-o", q(out), "--password-file", q(root / "wrong")});
            QCOMPARE(run.status, 2);
            QVERIFY2(run.err.contains("d.nnz: wrong password\n"), qPrintable(run.err));
            QVERIFY(!fs::exists(out / "d"));
        } else if (way == "x") {
            QCOMPARE(nnzip(QStringList{"x", q(archive), "-o", q(out)} + password).status, 0);
            QCOMPARE(tree_difference(root / "d", out / "d", true), QString());
            const Run listed = nnzip(QStringList{"l", q(archive)} + password);
            QCOMPARE(listed.status, 0);
            QVERIFY(listed.out.contains("d/secret-plans.txt"));
            QVERIFY2(listed.out.contains("2 files, 1 folder, 0 symlinks in 1 block, encrypted\n"), qPrintable(listed.out));
            QCOMPARE(nnzip(QStringList{"t", q(archive)} + password).status, 0);
        } else if (way == "x --stdout and --to-tar") {
            const Run printed = nnzip(QStringList{"x", q(archive), "--stdout", "d/note.txt"} + password);
            QCOMPARE(printed.status, 0);
            QCOMPARE(printed.out, QString("meet at noon\n"));
            QCOMPARE(nnzip(QStringList{"x", q(archive), "--to-tar", q(root / "d.tar")} + password).status, 0);
            fs::create_directories(out);
            QCOMPARE(QProcess::execute("tar", {"-xf", q(root / "d.tar"), "-C", q(out)}), 0);
            QCOMPARE(tree_difference(root / "d", out / "d", false), QString());
        } else if (way == "-p reads stdin") {
            // Without a terminal the password is one line of standard input, asked for once.
            QCOMPARE(nnzip_reading({"a", q(archive), q(root / "d"), "--codec", "store", "-p"}, "piped secret\n").status, 0);
            QCOMPARE(nnzip_reading({"t", q(archive), "-p"}, "piped secret\n").status, 0);
            QCOMPARE(nnzip_reading({"t", q(archive), "--password"}, "piped secret\n").status, 0);
            const Run wrong = nnzip_reading({"t", q(archive), "-p"}, "piped secre\n");
            QCOMPARE(wrong.status, 2);
            QVERIFY(wrong.err.contains("wrong password"));
        } else if (way == "empty password") {
            const Run run = nnzip_reading({"a", q(archive), q(root / "d"), "-p"}, "\n");
            QCOMPARE(run.status, 1);
            QVERIFY2(run.err.contains("the password is empty"), qPrintable(run.err));
            QVERIFY(!fs::exists(archive));
            write_file(root / "empty", "\n");
            QCOMPARE(nnzip({"a", q(archive), q(root / "d"), "--password-file", q(root / "empty")}).status, 1);
            QVERIFY(!fs::exists(archive));
            QCOMPARE(nnzip({"a", q(archive), q(root / "d"), "-p", "--password-file", q(root / "pw")}).status, 1);
            QCOMPARE(nnzip({"a", q(archive), q(root / "d"), "--password-file", q(root / "missing")}).status, 3);
            QVERIFY(!fs::exists(archive));
        } else if (way == "u d rn keep it encrypted") {
            write_file(root / "added.txt", "added later\n");
            QCOMPARE(nnzip(QStringList{"u", q(archive), q(root / "added.txt")} + password).status, 0);
            QCOMPARE(nnzip(QStringList{"d", q(archive), "d/note.txt"} + password).status, 0);
            QCOMPARE(nnzip(QStringList{"rn", q(archive), "added.txt", "later.txt"} + password).status, 0);
            const std::string bytes = read_file(archive);
            QVERIFY(bytes.find("later") == std::string::npos && bytes.find("secret-plans") == std::string::npos);
            QCOMPARE(nnzip_reading({"l", q(archive)}, {}).status, 2);
            const Run listed = nnzip(QStringList{"l", q(archive)} + password);
            QCOMPARE(listed.status, 0);
            QVERIFY(listed.out.contains("later.txt") && !listed.out.contains("note.txt"));
            QCOMPARE(nnzip(QStringList{"t", q(archive)} + password).status, 0);
            // Without the password an edit is refused and changes nothing.
            const Run refused = nnzip_reading({"d", q(archive), "later.txt"}, {});
            QCOMPARE(refused.status, 2);
            QVERIFY(read_file(archive) == bytes);
        } else if (way == "passwd") {
            write_file(root / "new", "new sesame\n");
            const std::string made = read_file(archive);
            // Without the current password, or with a wrong one: nothing changes.
            QCOMPARE(nnzip_reading({"passwd", q(archive), "--new-password-file", q(root / "new")}, {}).status, 2);
            QCOMPARE(nnzip({"passwd", q(archive), "--password-file", q(root / "wrong"), "--new-password-file", q(root / "new")}).status, 2);
            QVERIFY(read_file(archive) == made);
            Run run = nnzip(QStringList{"passwd", q(archive), "--new-password-file", q(root / "new")} + password);
            QVERIFY2(run.status == 0 && run.out.contains("d.nnz: encrypted with the new password"), qPrintable(run.out + run.err));
            QCOMPARE(nnzip(QStringList{"t", q(archive)} + password).status, 2);
            QCOMPARE(nnzip({"t", q(archive), "--password-file", q(root / "new")}).status, 0);
            // Removed (the current one from stdin), then set again from stdin.
            run = nnzip_reading({"passwd", q(archive), "-p", "--remove-password"}, "new sesame\n");
            QVERIFY2(run.status == 0 && run.out.contains("no longer encrypted"), qPrintable(run.out + run.err));
            QCOMPARE(nnzip_reading({"t", q(archive)}, {}).status, 0);
            QCOMPARE(nnzip({"passwd", q(archive), "--remove-password"}).status, 1);
            QCOMPARE(nnzip_reading({"passwd", q(archive)}, "from stdin\n").status, 0);
            QCOMPARE(nnzip_reading({"t", q(archive), "-p"}, "from stdin\n").status, 0);
        } else if (way == "password for a plain archive") {
            QCOMPARE(nnzip({"a", q(archive), q(root / "d"), "--codec", "store"}).status, 0);
            const std::string bytes = read_file(archive);
            // Reading ignores it (as 7-Zip does); changing refuses it: the archive would not get encrypted.
            QCOMPARE(nnzip(QStringList{"t", q(archive)} + password).status, 0);
            write_file(root / "added.txt", "added later\n");
            const Run run = nnzip(QStringList{"u", q(archive), q(root / "added.txt")} + password);
            QCOMPARE(run.status, 1);
            QVERIFY2(run.err.contains("is not encrypted"), qPrintable(run.err));
            QVERIFY(read_file(archive) == bytes);
        }
    }

    void repairCutArchive()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path archive = root / "c.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(kCorpus), "--codec", "store", "--block-size", "256K"}).status, 0);
        // An interrupted download: the first 1.5 MB of 2.8.
        const std::string whole = read_file(archive);
        write_file(root / "cut.nnz", whole.substr(0, 1'500'000));
        const Run listed = nnzip({"l", q(root / "cut.nnz")});
        QCOMPARE(listed.status, 2);
        QVERIFY2(listed.err.contains("\n(nnzip repair cut.nnz OUT.nnz recovers what is still intact)"), qPrintable(listed.err));
        Run run = nnzip({"repair", q(root / "cut.nnz"), q(root / "fixed.nnz")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("recovered from") && run.out.contains("(index damaged or missing)") &&
                     run.out.contains("\nlost: cantrbry/"),
                 qPrintable(run.out));
        QCOMPARE(nnzip({"t", q(root / "fixed.nnz")}).status, 0);
        // --test decodes what was written before it is kept.
        run = nnzip({"repair", q(root / "cut.nnz"), q(root / "tested.nnz"), "--test"});
        QVERIFY2(run.status == 0 && read_file(root / "tested.nnz") == read_file(root / "fixed.nnz"), qPrintable(run.err));
        // Again: the output exists (exit 3 without -f); an undamaged archive comes out the same.
        QCOMPARE(nnzip({"repair", q(root / "cut.nnz"), q(root / "fixed.nnz")}).status, 3);
        run = nnzip({"repair", q(archive), q(root / "fixed.nnz"), "-f"});
        QVERIFY2(run.status == 0 && run.out.contains("(nothing was damaged)"), qPrintable(run.out));
        QVERIFY(read_file(root / "fixed.nnz") == whole);
        QCOMPARE(nnzip({"repair", q(archive)}).status, 1);
    }

    void standardInput()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        QByteArray data;
        for (int i = 0; i < 4000; ++i) data += QByteArray("INSERT INTO t VALUES (") + QByteArray::number(i * 7919 % 10007) + ");\n";
        // Named after the archive, compressed with the model, given back by --stdout.
        Run run = nnzip_reading({"a", q(root / "db.nnz"), "-", "--preset", "fast"}, data);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip({"l", q(root / "db.nnz"), "--json"});
        QVERIFY2(run.out.contains("\"name\": \"db\", \"type\": \"file\", \"size\": " + QString::number(data.size())), qPrintable(run.out));
        QProcess extract;
        without_terminal(extract);
        extract.start(QStringLiteral(NNZ_CLI_PATH), {"x", q(root / "db.nnz"), "--stdout"});
        QVERIFY(extract.waitForFinished(60'000));
        QVERIFY(extract.readAllStandardOutput() == data);

        // With other inputs and a name of its own; u replaces it; an empty stream is an empty file.
        write_file(root / "notes.txt", "notes\n");
        run = nnzip_reading({"a", q(root / "t.nnz"), q(root / "notes.txt"), "-", "--stdin-name", "dump.sql", "--codec", "store"},
                            "first\n");
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip_reading({"u", q(root / "t.nnz"), "-", "--stdin-name=dump.sql", "--codec", "store"}, "second\n");
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip_reading({"u", q(root / "t.nnz"), "-", "--stdin-name", "empty", "--codec", "store"}, "");
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(nnzip({"x", q(root / "t.nnz"), "-o", q(root / "out")}).status, 0);
        QCOMPARE(read_file(root / "out" / "dump.sql"), std::string("second\n"));
        QCOMPARE(read_file(root / "out" / "notes.txt"), std::string("notes\n"));
        QVERIFY(fs::exists(root / "out" / "empty") && fs::file_size(root / "out" / "empty") == 0);
        // The stream's copy did not outlive the job.
        for (const auto& e : fs::directory_iterator(root))
            QVERIFY2(e.path().filename().string().find(".nnztmp-") == std::string::npos, qPrintable(q(e.path())));

        // Refused before anything is read or written.
        for (const QStringList& args : {QStringList{"a", q(root / "n.nnz"), "-", "-"},
                                        QStringList{"a", q(root / "n.nnz"), "-", "--stdin-name", "a/b"},
                                        QStringList{"a", q(root / "n.nnz"), q(root / "notes.txt"), "--stdin-name", "x"},
                                        QStringList{"a", q(root / "n.nnz"), "-", "-p"},
                                        QStringList{"x", q(root / "t.nnz"), "--stdin-name", "x"}}) {
            run = nnzip_reading(args, "data\n");
            QVERIFY2(run.status == 1, qPrintable(args.join(' ') + ": " + run.err));
        }
        QVERIFY(!fs::exists(root / "n.nnz"));
    }

    // `cat x.nnz | nnzip x -` (tar -f -): the archive read from standard input into a temporary
    // folder under TMPDIR first, gone afterwards; named "standard input" in output and messages.
    void archiveFromStandardInput()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const QProcessEnvironment environment = small_tree_and_own_tmpdir(root);
        for (const char* name : {"d.nnz", "d.zip"}) {
            QStringList make{"a", q(root / name), q(root / "d")};
            if (std::string_view(name).ends_with(".nnz")) make << "--preset" << "fast";
            QCOMPARE(nnzip(make).status, 0);
            const QByteArray bytes = QByteArray::fromStdString(read_file(root / name));
            Run run = nnzip_reading({"t", "-"}, bytes, environment);
            QVERIFY2(run.status == 0 && run.out.startsWith("standard input: OK (4 entries"), qPrintable(run.out + run.err));
            run = nnzip_reading({"l", "-"}, bytes, environment);
            QVERIFY2(run.status == 0 && run.out.contains("d/s/b.txt"), qPrintable(run.out + run.err));
            const fs::path out = root / (std::string("out-") + name);
            run = nnzip_reading({"x", "-", "-o", q(out)}, bytes, environment);
            QVERIFY2(run.status == 0, qPrintable(run.err));
            QCOMPARE(read_file(out / "d" / "a.txt"), read_file(root / "d" / "a.txt"));
            QVERIFY(fs::is_empty(root / "tmp"));  // the copy is gone
        }
        // Not an archive: said of standard input; nothing left behind either.
        Run run = nnzip_reading({"l", "-"}, "no archive here", environment);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains("nnzip: error: standard input: not an nnzip archive"), qPrintable(run.err));
        QVERIFY(fs::is_empty(root / "tmp"));
        // One archive only, and only for commands that read one.
        run = nnzip_reading({"t", "-", "-"}, "", environment);
        QVERIFY2(run.status == 1 && run.err.contains("standard input ('-') holds one archive"), qPrintable(run.err));
        run = nnzip_reading({"u", "-", q(root / "d")}, "", environment);
        QVERIFY2(run.status == 1 && run.err.contains("'-' is for an archive to read from standard input"), qPrintable(run.err));
        run = nnzip_reading({"x", "-", "-T", "-"}, "", environment);
        QVERIFY2(run.status == 1 && run.err.contains("both the archive and the name list"), qPrintable(run.err));
        QVERIFY(!fs::exists("-"));
    }

    // `nnzip a - PATH | ssh ...` (tar -cf -): written into TMPDIR, then sent to standard output
    // whole; the summary on standard error; nothing left in TMPDIR.
    void archiveToStandardOutput()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const QProcessEnvironment environment = small_tree_and_own_tmpdir(root);
        Run run = nnzip({"a", "-", q(root / "d"), "--preset", "fast", "--test"}, {}, environment);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.err.startsWith("standard output: 4 entries, "), qPrintable(run.err));
        write_file(root / "piped.nnz", run.bytes.toStdString());
        QCOMPARE(nnzip({"t", q(root / "piped.nnz")}).status, 0);
        QVERIFY(fs::is_empty(root / "tmp"));
        // Standard input in, standard output out: the stream's default name is "stdin".
        run = nnzip_reading({"a", "-", "-", "--codec", "store"}, "streamed\n", environment);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        write_file(root / "stream.nnz", run.bytes.toStdString());
        QVERIFY2(nnzip({"l", q(root / "stream.nnz")}).out.contains(" stdin\n"), "named stdin");
        // What needs the archive on disk is refused.
        for (const QStringList& extra : {QStringList{"--remove-files"}, QStringList{"-v", "64K"}}) {
            run = nnzip(QStringList{"a", "-", q(root / "d")} + extra, {}, environment);
            QCOMPARE(run.status, 1);
            QVERIFY(run.out.isEmpty());
        }
        QVERIFY(fs::exists(root / "d" / "a.txt"));
        QVERIFY(fs::is_empty(root / "tmp"));
    }

    // --one-file-system (tar's): a folder with another file system mounted on it is stored, but
    // not what it holds; without it, all of it. A tmpfs in a mount namespace of the child's own.
    void oneFileSystemStopsAtMountPoints()
    {
        if (::geteuid() != 0 || QStandardPaths::findExecutable("unshare").isEmpty())
            QSKIP("a private tmpfs needs root and unshare(1)");
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d" / "mnt");
        write_file(root / "d" / "out.txt", "outside\n");
        QProcess sh;
        sh.start("unshare", QStringList{"--mount", "--propagation", "private", "sh", "-c",
                                        "mount -t tmpfs nnzip-test \"$0/d/mnt\" || exit 99; echo in > \"$0/d/mnt/in.txt\"; "
                                        "\"$1\" a \"$0/all.nnz\" \"$0/d\" --codec store && "
                                        "\"$1\" a \"$0/one.nnz\" \"$0/d\" --codec store --one-file-system",
                                        q(root), QStringLiteral(NNZ_CLI_PATH)});
        QVERIFY(sh.waitForFinished(60'000));
        if (sh.exitCode() == 99) QSKIP("cannot mount a tmpfs here");
        QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
        const Run all = nnzip({"l", q(root / "all.nnz")});
        QVERIFY2(all.out.contains("d/mnt/in.txt") && all.out.contains("d/out.txt"), qPrintable(all.out));
        const Run one = nnzip({"l", q(root / "one.nnz")});
        QVERIFY2(one.out.contains("d/mnt/") && !one.out.contains("d/mnt/in.txt") && one.out.contains("d/out.txt"),
                 qPrintable(one.out));
    }

    // -X/--exclude-from FILE (tar -X): each line of FILE a pattern, as with -x; for a, u, convert
    // and diff; a file that cannot be read is an error, standard input is refused.
    void excludeFromReadsPatternFiles()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_source_tree(root / "p");
        write_file(root / "patterns", "*.o\n\nbuild\r\n");
        Run run = nnzip({"a", q(root / "x.nnz"), q(root / "p"), "--codec", "store", "-X", q(root / "patterns")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QString listed = nnzip({"l", q(root / "x.nnz")}).out;
        QVERIFY2(listed.contains("p/src/a.c") && !listed.contains("a.o") && !listed.contains("build"), qPrintable(listed));
        // diff leaves out the same, so what the archive left out is no difference.
        run = nnzip({"diff", q(root / "x.nnz"), "-C", q(root), "--exclude-from=" + q(root / "patterns")});
        QVERIFY2(run.status == 0, qPrintable(run.out + run.err));
        QCOMPARE(nnzip({"diff", q(root / "x.nnz"), "-C", q(root)}).status, 6);  // without: a.o and build differ
        run = nnzip({"a", q(root / "y.nnz"), q(root / "p"), "-X", q(root / "missing")});
        QVERIFY2(run.status == 3 && run.err.contains("cannot read the pattern file"), qPrintable(run.err));
        QCOMPARE(nnzip({"a", q(root / "y.nnz"), q(root / "p"), "-X", "-"}).status, 1);
        QVERIFY(!fs::exists(root / "y.nnz"));
    }

    // --exclude-tag NAME (tar's; borg's --exclude-if-present): a folder holding NAME keeps only
    // that file, nothing below it is even entered; repeatable; a path is refused.
    void excludeTagKeepsOnlyTheTag()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d" / "keep");
        fs::create_directories(root / "d" / "skip" / "inner");
        fs::create_directories(root / "d" / "other");
        write_file(root / "d" / "keep" / "data.txt", "kept\n");
        write_file(root / "d" / "skip" / ".nobackup", "");
        write_file(root / "d" / "skip" / "big.bin", "big\n");
        write_file(root / "d" / "skip" / "inner" / "x.txt", "deep\n");
        write_file(root / "d" / "other" / "IGNORE", "");
        write_file(root / "d" / "other" / "y.txt", "y\n");
        Run run = nnzip({"a", q(root / "x.nnz"), q(root / "d"), "--codec", "store", "--exclude-tag", ".nobackup",
                         "--exclude-tag=IGNORE"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QString listed = nnzip({"l", q(root / "x.nnz")}).out;
        for (const char* kept : {"d/keep/data.txt", "d/skip/\n", "d/skip/.nobackup", "d/other/IGNORE"})
            QVERIFY2(listed.contains(kept), qPrintable(QString(kept) + " missing from\n" + listed));
        for (const char* left : {"big.bin", "inner", "y.txt"}) QVERIFY2(!listed.contains(left), qPrintable(listed));
        QCOMPARE(nnzip({"a", q(root / "y.nnz"), q(root / "d"), "--exclude-tag", "skip/.nobackup"}).status, 1);
        QVERIFY(!fs::exists(root / "y.nnz"));
    }

    // x ends with a line, as a, t and convert do: entries and bytes written, and where to; not
    // with --stdout, whose output is the files' bytes.
    void extractSaysWhatItExtracted()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d" / "s");
        fs::create_directories(root / "here");
        write_file(root / "d" / "a.txt", "12345");
        write_file(root / "d" / "s" / "b.txt", "123");
        QCOMPARE(nnzip({"a", q(root / "x.nnz"), q(root / "d"), "--codec", "store"}).status, 0);
        Run run = nnzip({"x", q(root / "x.nnz"), "-o", q(root / "out")});
        static const QRegularExpression line(QStringLiteral("^x\\.nnz: 4 entries, 8 B extracted to (.*), \\d+\\.\\d s\n$"));
        const auto match = line.match(run.out);
        QVERIFY2(run.status == 0 && match.hasMatch(), qPrintable(run.out + run.err));
        QCOMPARE(match.captured(1), q(root / "out"));
        run = nnzip({"x", q(root / "x.nnz"), "-o", q(root / "out"), "-n", "d/a.txt"});  // exists: left as it is
        QVERIFY2(run.status == 0 && run.out.startsWith("x.nnz: 0 entries, 0 B extracted"), qPrintable(run.out + run.err));
        run = nnzip({"x", q(root / "x.nnz"), "--stdout", "d/a.txt"});
        QCOMPARE(run.out, QStringLiteral("12345"));
        run = nnzip({"x", q(root / "x.nnz"), "d/s"}, q(root / "here"));
        QVERIFY2(run.out.startsWith("x.nnz: 2 entries, 3 B extracted to ."), qPrintable(run.out + run.err));
    }

    // -i/--include PATTERN (zip -i, 7-Zip's -i!): only the files that match, with the folders that
    // lead to them; -x still wins; an empty pattern is a usage error, as is -i where nothing is walked.
    void includeKeepsOnlyWhatMatches()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_source_tree(root / "p");
        write_file(root / "p" / "src" / "b.h", "header\n");
        Run run = nnzip({"a", q(root / "x.nnz"), q(root / "p"), "--codec", "store", "-i", "*.c", "--include=*.h"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QString listed = nnzip({"l", q(root / "x.nnz")}).out;
        for (const char* kept : {"p/\n", "p/src/\n", "p/src/a.c", "p/src/b.h"})
            QVERIFY2(listed.contains(kept), qPrintable(QString(kept) + " missing from\n" + listed));
        for (const char* left : {"a.o", "build"}) QVERIFY2(!listed.contains(left), qPrintable(listed));
        run = nnzip({"a", q(root / "y.nnz"), q(root / "p"), "--codec", "store", "-i", "*.c", "-i", "*.h", "-x", "b.h"});
        listed = nnzip({"l", q(root / "y.nnz")}).out;
        QVERIFY2(run.status == 0 && listed.contains("p/src/a.c") && !listed.contains("b.h"), qPrintable(run.err + listed));
        // Patterns that match nothing make an empty archive, as tar does, and say so.
        run = nnzip({"a", q(root / "w.nnz"), q(root / "p"), "--codec", "store", "-i", "*.rs"});
        QVERIFY2(run.status == 0 && run.err.contains("nothing to archive: the options left out everything"), qPrintable(run.err));
        QVERIFY(nnzip({"l", q(root / "w.nnz")}).out.contains("0 files, 0 folders"));
        QCOMPARE(nnzip({"a", q(root / "z.nnz"), q(root / "p"), "-i", ""}).status, 1);
        QCOMPARE(nnzip({"x", q(root / "x.nnz"), "-i", "*.c", "-o", q(root / "out")}).status, 1);
        QVERIFY(!fs::exists(root / "z.nnz") && !fs::exists(root / "out"));
    }

    // u with -i or -N adds and replaces only what they choose: what the archive holds of the
    // files they leave out stays as stored (they are on disk, only not chosen), with its folder;
    // a file gone from disk still leaves the archive.
    void updateKeepsWhatItDidNotChoose_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("-i") << QStringList{"-i", "*.c"};
        QTest::newRow("-N") << QStringList{"-N", "@1700000000"};
    }
    void updateKeepsWhatItDidNotChoose()
    {
        QFETCH(QStringList, options);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_source_tree(root / "p");  // p/src/a.c, p/src/a.o, p/build/out
        write_file(root / "p" / "build" / "log", "log\n");
        for (const char* name : {"p/src/a.c", "p/src/a.o", "p/build/out", "p/build/log"}) set_time(root / name, 1'600'000'000, 0);
        Run run = nnzip({"a", q(root / "x.nnz"), q(root / "p"), "--codec", "store"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        write_file(root / "p" / "src" / "a.c", "int a = 2;\n");  // chosen by both: new time, *.c
        write_file(root / "p" / "src" / "a.o", "object 2\n");    // chosen by neither: old time, not *.c
        set_time(root / "p" / "src" / "a.o", 1'600'000'000, 0);
        fs::remove(root / "p" / "build" / "log");
        run = nnzip(QStringList{"u", q(root / "x.nnz"), q(root / "p"), "--codec", "store"} + options);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        auto content = [&](const char* name) { return nnzip({"x", q(root / "x.nnz"), "--stdout", name}).out; };
        QCOMPARE(content("p/src/a.c"), QStringLiteral("int a = 2;\n"));
        QCOMPARE(content("p/src/a.o"), QStringLiteral("object\n"));  // as stored
        QCOMPARE(content("p/build/out"), QStringLiteral("built\n"));
        const QString listed = nnzip({"l", q(root / "x.nnz")}).out;
        QVERIFY2(listed.contains("p/build/\n") && !listed.contains("p/build/log"), qPrintable(listed));
        QCOMPARE(nnzip({"t", q(root / "x.nnz")}).status, 0);
        // Without them, u makes the archive what the disk holds.
        run = nnzip({"u", q(root / "x.nnz"), q(root / "p"), "--codec", "store"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(content("p/src/a.o"), QStringLiteral("object 2\n"));
    }

    // --name-charset: a tar of Latin-1 names is refused as it is, read with the set named; a set
    // iconv does not know is a usage error.
    void nameCharsetOnTheCommandLine()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        std::ofstream(root / "latin.tar", std::ios::binary) << tar_with_raw_name("caf\xe9.txt", "coffee\n");
        QCOMPARE(nnzip({"x", q(root / "latin.tar"), "-o", q(root / "refused")}).status, 2);
        Run run = nnzip({"l", q(root / "latin.tar"), "--name-charset", "ISO-8859-1"});
        QVERIFY2(run.status == 0 && run.out.contains(QString::fromUtf8(" café.txt\n")), qPrintable(run.out + run.err));
        run = nnzip({"x", q(root / "latin.tar"), "-o", q(root / "out"), "--name-charset=latin1"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(read_file(root / "out" / "caf\xc3\xa9.txt"), std::string("coffee\n"));
        run = nnzip({"convert", q(root / "latin.tar"), q(root / "c.nnz"), "--name-charset", "ISO-8859-1", "--codec", "store"});
        QVERIFY2(run.status == 0 && nnzip({"l", q(root / "c.nnz")}).out.contains(QString::fromUtf8("café.txt")), qPrintable(run.err));
        run = nnzip({"l", q(root / "latin.tar"), "--name-charset", "NO-SUCH-SET"});
        QVERIFY2(run.status == 1 && run.err.contains("unknown character set 'NO-SUCH-SET'"), qPrintable(run.err));
        QCOMPARE(nnzip({"a", q(root / "a.nnz"), q(root / "out"), "--name-charset", "latin1"}).status, 1);  // not for a
    }

    // -N/--newer-mtime DATE (tar's): files and links not modified after DATE stay out, folders
    // stay in; DATE is a local date, a time since 1970, or a file's modification time.
    void newerMtimeLeavesOutOlderFiles_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("status");  // 0: old.txt left out, new.txt archived
        QTest::newRow("a day") << QStringList{"--newer-mtime", "2024-01-01"} << 0;
        QTest::newRow("a day and a time") << QStringList{"-N", "2024-01-01 10:30"} << 0;
        QTest::newRow("with T and seconds") << QStringList{"--newer-mtime=2024-01-01T10:30:15"} << 0;
        QTest::newRow("seconds since 1970") << QStringList{"-N", "@1704067200"} << 0;
        QTest::newRow("a file's time") << QStringList{"-N", "./ref"} << 0;
        QTest::newRow("not a date") << QStringList{"-N", "yesterday"} << 1;
        QTest::newRow("a month that is not") << QStringList{"-N", "2024-13-01"} << 1;
        QTest::newRow("a day that is not") << QStringList{"-N", "2023-02-29"} << 1;
        QTest::newRow("an hour that is not") << QStringList{"-N", "2024-01-01 24:00"} << 1;
        QTest::newRow("a missing file") << QStringList{"-N", "./missing"} << 3;
    }
    void newerMtimeLeavesOutOlderFiles()
    {
        QFETCH(QStringList, options);
        QFETCH(int, status);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d" / "old");
        write_file(root / "d" / "old" / "old.txt", "old\n");
        write_file(root / "d" / "new.txt", "new\n");
        write_file(root / "ref", "");
        set_time(root / "d" / "old" / "old.txt", 1'577'836'800, 0);  // 2020-01-01
        set_time(root / "ref", 1'640'995'200, 0);                     // 2022-01-01
        set_time(root / "d" / "new.txt", 1'748'736'000, 5);          // 2025-06-01
        set_time(root / "d" / "old", 1'577'836'800, 0);              // an old folder stays
        const Run run = nnzip(QStringList{"a", "x.nnz", "d", "--codec", "store"} + options, tmp.path());
        QVERIFY2(run.status == status, qPrintable(run.err));
        if (status != 0) {
            QVERIFY(!fs::exists(root / "x.nnz"));
            return;
        }
        const QString listed = nnzip({"l", q(root / "x.nnz")}).out;
        QVERIFY2(listed.contains("d/new.txt") && listed.contains("d/old/") && !listed.contains("old.txt"), qPrintable(listed));
    }

    // -0 ... -9 as zip's levels: store, then the presets in thirds; the last choice counts.
    void levelsChooseCodecAndPreset_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("codec");  // as info names the block's codec
        QTest::newRow("-0") << QStringList{"-0"} << "store";
        QTest::newRow("-1") << QStringList{"-1"} << "neural, fast preset";
        QTest::newRow("-3") << QStringList{"-3"} << "neural, fast preset";
        QTest::newRow("-4") << QStringList{"-4"} << "neural, default preset";
        QTest::newRow("-6") << QStringList{"-6"} << "neural, default preset";
        QTest::newRow("-7") << QStringList{"-7"} << "neural, max preset";
        QTest::newRow("-9") << QStringList{"-9"} << "neural, max preset";
        QTest::newRow("-9, then --preset") << QStringList{"-9", "--preset", "fast"} << "neural, fast preset";
        QTest::newRow("--codec, then -2") << QStringList{"--codec", "store", "-2"} << "neural, fast preset";
        QTest::newRow("-5, then --codec") << QStringList{"-5", "--codec", "store"} << "store";
        QTest::newRow("-0, then --preset") << QStringList{"-0", "--preset", "max"} << "store";  // a preset is not a codec
    }
    void levelsChooseCodecAndPreset()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, codec);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_file(root / "a.txt", read_file(kCorpus / "alice29.txt").substr(0, 400));
        const Run run = nnzip(QStringList{"a", q(root / "a.nnz"), q(root / "a.txt")} + options);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QString info = nnzip({"info", q(root / "a.nnz")}).out;
        QVERIFY2(info.contains(QRegularExpression("\\n +0 +400 +\\d+ +[0-9.]+ +" + QRegularExpression::escape(codec) + "\\n")),
                 qPrintable(info));
    }

    // -x and -X choose what x (to a folder, to a tar, to standard output), l and convert into a
    // standard archive leave out of an archive's entries, as tar --exclude and 7z -x! do.
    void exclusionsOnReading_data()
    {
        QTest::addColumn<QStringList>("command");  // ARCHIVE, OUT and PATTERNS stand for paths
        QTest::addColumn<QString>("kept");         // what the result holds, space-separated
        QTest::addColumn<QString>("left");         // what it must not hold
        QTest::newRow("x, a suffix") << QStringList{"x", "ARCHIVE", "-o", "OUT", "-x", "*.o"} << "p/src/a.c p/build/out"
                                     << "p/src/a.o";
        QTest::newRow("x, a folder") << QStringList{"x", "ARCHIVE", "-o", "OUT", "--exclude=build"} << "p/src/a.c p/src/a.o"
                                     << "p/build";
        QTest::newRow("x, named then excluded") << QStringList{"x", "ARCHIVE", "p/src", "-o", "OUT", "-x", "*.c"}
                                                << "p/src/a.o" << "p/src/a.c p/build";
        QTest::newRow("x, a pattern file") << QStringList{"x", "ARCHIVE", "-o", "OUT", "-X", "PATTERNS"} << "p/src/a.c"
                                           << "p/src/a.o p/build";
        QTest::newRow("x --to-tar") << QStringList{"x", "ARCHIVE", "--to-tar", "OUT", "-x", "*.o"} << "p/src/a.c p/build/out"
                                    << "p/src/a.o";
        QTest::newRow("convert into a zip") << QStringList{"convert", "ARCHIVE", "OUT", "-X", "PATTERNS"} << "p/src/a.c"
                                            << "p/src/a.o p/build";
        QTest::newRow("l") << QStringList{"l", "ARCHIVE", "-x", "src"} << "p/build/out" << "p/src";
        QTest::newRow("x --stdout") << QStringList{"x", "ARCHIVE", "--stdout", "-x", "a.o", "-x", "out"} << "int a;"
                                    << "object built";
    }
    void exclusionsOnReading()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, kept);
        QFETCH(QString, left);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_source_tree(root / "p");
        write_file(root / "patterns", "*.o\nbuild\n");
        QCOMPARE(nnzip({"a", q(root / "x.nnz"), q(root / "p"), "--codec", "store"}).status, 0);
        const bool converting = command.front() == "convert";
        const fs::path out = root / (converting ? "out.zip" : command.contains("--to-tar") ? "out.tar" : "out");
        command.replaceInStrings(QRegularExpression("^ARCHIVE$"), q(root / "x.nnz"));
        command.replaceInStrings(QRegularExpression("^OUT$"), q(out));
        command.replaceInStrings(QRegularExpression("^PATTERNS$"), q(root / "patterns"));
        const Run run = nnzip(command);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        // What came out: the listing of a written archive, the files of a folder, or the output.
        QString result = run.out;
        if (command.front() == "x" && !command.contains("--stdout")) {
            if (fs::is_directory(out)) {
                for (const auto& e : fs::recursive_directory_iterator(out))
                    result += QString::fromStdString(fs::relative(e.path(), out).string()) + '\n';
            } else {
                result = nnzip({"l", q(out)}).out;
            }
        } else if (converting) {
            result = nnzip({"l", q(out)}).out;
        }
        for (const QString& name : kept.split(' ')) QVERIFY2(result.contains(name), qPrintable(name + " missing from\n" + result));
        for (const QString& name : left.split(' ')) QVERIFY2(!result.contains(name), qPrintable(name + " in\n" + result));
        // Excluding everything is an error, not "everything" (an empty choice).
        const Run all = nnzip({"x", q(root / "x.nnz"), "-o", q(root / "all"), "-x", "p"});
        QVERIFY2(all.status == 1 && all.err.contains("leave nothing"), qPrintable(all.err));
        QVERIFY(!fs::exists(root / "all"));
    }

    void splitArchive()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path archive = root / "c.nnz";
        Run run = nnzip({"a", q(archive), q(kCorpus), "--codec", "store", "-v", "1M"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(" in 3 volumes, "), qPrintable(run.out));  // 2.8 MB in 1 MiB volumes
        QVERIFY(!fs::exists(archive) && fs::exists(root / "c.nnz.001") && fs::exists(root / "c.nnz.003"));
        // Read by either name; the listing and the test see one archive.
        for (const QString& name : {q(archive), q(root / "c.nnz.001")}) {
            run = nnzip({"t", name});
            QVERIFY2(run.status == 0 && run.out.contains("OK (12 entries"), qPrintable(run.out + run.err));
        }
        run = nnzip({"l", q(archive)});
        QVERIFY2(run.out.contains(" in 3 blocks, split into 3 volumes\n"), qPrintable(run.out));
        QCOMPARE(nnzip({"x", q(root / "c.nnz.001"), "-o", q(root / "out")}).status, 0);
        QCOMPARE(read_file(root / "out" / "cantrbry" / "alice29.txt"), read_file(kCorpus / "alice29.txt"));
        run = nnzip({"t", q(root / "c.nnz.002")});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("c.nnz.002 is a later volume of a split archive: open "), qPrintable(run.err));
        // Changed by u (not made anew beside its volumes), d and rn as one archive, into volumes
        // of the same size; not by the name of a later volume.
        write_file(root / "new.txt", "new\n");
        for (const QStringList& args : {QStringList{"u", q(archive), q(root / "new.txt"), "--codec", "store"},
                                        QStringList{"d", q(archive), "cantrbry/ptt5"},
                                        QStringList{"rn", q(root / "c.nnz.001"), "cantrbry", "x"}}) {
            run = nnzip(args);
            QVERIFY2(run.status == 0 && (args[0] == "rn" || run.out.contains(" volumes, ")),
                     qPrintable(args.join(' ') + ": " + run.out + run.err));
        }
        run = nnzip({"rn", q(root / "c.nnz.002"), "x", "y"});
        QVERIFY2(run.status == 1 && run.err.contains("is a later volume of a split archive"), qPrintable(run.err));
        QVERIFY(!fs::exists(archive));
        QCOMPARE(fs::file_size(root / "c.nnz.001"), uintmax_t(1) << 20);
        run = nnzip({"l", q(archive)});
        QVERIFY2(run.out.contains("x/alice29.txt") && run.out.contains("new.txt") && !run.out.contains("ptt5"), qPrintable(run.out));
        uintmax_t total = 0;
        for (const auto& volume : nnz::volumes_of(archive)) total += fs::file_size(volume);
        QVERIFY2(total < 2'400'000 && fs::file_size(root / "c.nnz.002") == uintmax_t(1) << 20, "ptt5 (513 KB) is gone");
        QCOMPARE(nnzip({"t", q(archive)}).status, 0);
        // An existing set is not replaced without -f; the volume size has a floor.
        QCOMPARE(nnzip({"a", q(archive), q(kCorpus), "--codec", "store", "-v", "1M"}).status, 3);
        QCOMPARE(nnzip({"a", q(root / "n.nnz"), q(root / "new.txt"), "-v", "1K"}).status, 1);
        QCOMPARE(nnzip({"x", q(archive), "-v", "1M"}).status, 1);
    }

    void recoveryRecord()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path archive = root / "c.nnz";
        Run run = nnzip({"a", q(archive), q(kCorpus), "--codec", "store", "--recovery", "5%"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip({"l", q(archive)});
        QVERIFY2(run.out.contains(", recovery record 5%\n"), qPrintable(run.out));
        run = nnzip({"t", q(archive)});
        QVERIFY2(run.status == 0 && run.out.contains("bytes verified, recovery record intact)"), qPrintable(run.out));
        const std::string whole = read_file(archive);

        // 40 KB gone in the middle and a damaged file header: t points to repair, which gives
        // back the archive as it was made; l lists it from a rebuilt copy, and says so.
        std::string damaged = whole;
        for (size_t i = 1'000'000; i < 1'040'000; ++i) damaged[i] = char(damaged[i] ^ 0x55);
        damaged[9] = char(damaged[9] ^ 1);
        write_file(root / "d.nnz", damaged);
        run = nnzip({"t", q(root / "d.nnz")});
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains("\n(d.nnz has a recovery record: nnzip repair d.nnz OUT.nnz rebuilds it)"), qPrintable(run.err));
        run = nnzip({"l", q(root / "d.nnz")});
        QVERIFY2(run.status == 0 && run.out.contains("cantrbry/kennedy.xls"), qPrintable(run.err));
        QVERIFY2(run.err.contains(" bytes were rebuilt from its recovery record for this listing"), qPrintable(run.err));
        // x extracts every file all the same, from a rebuilt copy, and says so.
        run = nnzip({"x", q(root / "d.nnz"), "-o", q(root / "out")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("nnzip: warning: d.nnz is damaged: ") &&
                     run.err.contains(" bytes were rebuilt from its recovery record for this extraction"),
                 qPrintable(run.err));
        QCOMPARE(read_file(root / "out" / "cantrbry" / "kennedy.xls"), read_file(kCorpus / "kennedy.xls"));
        QVERIFY(read_file(root / "d.nnz") == damaged);  // left as it was
        run = nnzip({"repair", q(root / "d.nnz"), q(root / "r.nnz")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("restored from its recovery record (") && run.out.contains(" damaged bytes rebuilt)"),
                 qPrintable(run.out));
        QVERIFY(read_file(root / "r.nnz") == whole);
        run = nnzip({"repair", q(root / "d.nnz"), q(root / "r.nnz"), "-f", "--test"});
        QVERIFY2(run.status == 0 && read_file(root / "r.nnz") == whole, qPrintable(run.err));

        // rr changes it (nothing compressed: the store blocks are copied), or removes it.
        run = nnzip({"rr", q(archive), "10"});
        QVERIFY2(run.status == 0 && run.out.contains("c.nnz: recovery record of 10%"), qPrintable(run.out + run.err));
        QVERIFY(read_file(archive).size() > whole.size());
        run = nnzip({"rr", q(archive), "0"});
        QVERIFY2(run.status == 0 && run.out.contains("c.nnz: recovery record removed"), qPrintable(run.out + run.err));
        QVERIFY(!nnzip({"l", q(archive)}).out.contains("recovery record"));
        run = nnzip({"rr", q(archive), "0"});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("has no recovery record to remove"), qPrintable(run.err));
        // u keeps what the archive has; --recovery changes it.
        QCOMPARE(nnzip({"rr", q(archive), "3"}).status, 0);
        write_file(root / "new.txt", "new\n");
        QCOMPARE(nnzip({"u", q(archive), q(root / "new.txt"), "--codec", "store"}).status, 0);
        QVERIFY(nnzip({"l", q(archive)}).out.contains(", recovery record 3%\n"));
        QCOMPARE(nnzip({"d", q(archive), "new.txt", "--recovery", "off"}).status, 0);
        QVERIFY(!nnzip({"l", q(archive)}).out.contains("recovery record"));

        // Usage errors, before anything is written.
        for (const QStringList& args : {QStringList{"a", q(root / "n.nnz"), q(root / "new.txt"), "--recovery", "51"},
                                        QStringList{"a", q(root / "n.nnz"), q(root / "new.txt"), "--recovery", "five"},
                                        QStringList{"rr", q(archive)}, QStringList{"rr", q(archive), "-1"},
                                        QStringList{"x", q(archive), "--recovery", "5"}}) {
            run = nnzip(args);
            QVERIFY2(run.status == 1, qPrintable(args.join(' ') + ": " + run.err));
        }
        QVERIFY(!fs::exists(root / "n.nnz"));
    }

    void writingPrintsASummary()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path archive = root / "c.nnz";
        const QRegularExpression line(QStringLiteral(
            "^c\\.nnz: (\\d+) entries, [0-9.]+ [KM]?B \u2192 [0-9.]+ [KM]?B, (\\+|\u2212)\\d+%, \\d\\.\\d{3} bpb, \\d+\\.\\d s\n$"));
        const Run made = nnzip({"a", q(archive), q(kCorpus), "--codec", "store"});
        QCOMPARE(made.status, 0);
        auto match = line.match(made.out);
        QVERIFY2(match.hasMatch(), qPrintable(made.out));
        QCOMPARE(match.captured(1), QStringLiteral("12"));  // the folder and its 11 files
        QCOMPARE(match.captured(2), QStringLiteral("+"));    // stored: a little larger
        const Run deleted = nnzip({"d", q(archive), "cantrbry/ptt5"});
        QCOMPARE(deleted.status, 0);
        match = line.match(deleted.out);
        QVERIFY2(match.hasMatch(), qPrintable(deleted.out));
        QCOMPARE(match.captured(1), QStringLiteral("11"));
    }

    // a -x leaves names out; u -x too, for the new inputs.
    void addLeavesOutExcludedNames()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path archive = root / "c.nnz";
        const Run made = nnzip({"a", q(archive), q(kCorpus), "--codec", "store", "-x", "*.txt", "--exclude=cantrbry/ptt5"});
        QCOMPARE(made.status, 0);
        const Run listed = nnzip({"l", q(archive)});
        QVERIFY(!listed.out.contains(".txt"));
        QVERIFY(!listed.out.contains("ptt5"));
        QVERIFY(listed.out.contains("cantrbry/sum"));
        fs::create_directories(root / "more");
        write_file(root / "more" / "keep.c", "int x;\n");
        write_file(root / "more" / "drop.o", "obj");
        QCOMPARE(nnzip({"u", q(archive), q(root / "more"), "--codec", "store", "-x", "*.o"}).status, 0);
        const Run again = nnzip({"l", q(archive)});
        QVERIFY(again.out.contains("more/keep.c"));
        QVERIFY(!again.out.contains("drop.o"));
    }
    void selectiveExtraction_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("one file") << QStringList{"cantrbry/alice29.txt"} << 0 << QStringList{"cantrbry", "cantrbry/alice29.txt"};
        QTest::newRow("two files") << QStringList{"cantrbry/sum", "cantrbry/ptt5"} << 0
                                   << QStringList{"cantrbry", "cantrbry/ptt5", "cantrbry/sum"};
        QTest::newRow("folder") << QStringList{"cantrbry/"} << 0 << QStringList{};
        QTest::newRow("unknown name") << QStringList{"cantrbry/nope"} << 1 << QStringList{};
        QTest::newRow("prefix is not a folder") << QStringList{"cantrbry/alice"} << 1 << QStringList{};
        QTest::newRow("pattern") << QStringList{"*.txt"} << 0
                                 << QStringList{"cantrbry", "cantrbry/alice29.txt", "cantrbry/asyoulik.txt", "cantrbry/lcet10.txt",
                                                "cantrbry/plrabn12.txt"};
        QTest::newRow("pattern with a path") << QStringList{"cantrbry/?um"} << 0 << QStringList{"cantrbry", "cantrbry/sum"};
        QTest::newRow("pattern matching nothing") << QStringList{"*.zip"} << 1 << QStringList{};
    }
    void selectiveExtraction()
    {
        QFETCH(QStringList, names);
        QFETCH(int, status);
        QFETCH(QStringList, expected);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path archive = root / "c.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(kCorpus), "--codec", "store", "--block-size", "64K"}).status, 0);
        const Run run = nnzip(QStringList{"x", q(archive), "-o", q(root / "out")} + names);
        QCOMPARE(run.status, status);
        if (status != 0) return;
        if (expected.isEmpty()) {
            QCOMPARE(tree_difference(kCorpus, root / "out/cantrbry", true), QString());
        } else {
            std::vector<std::string> want;
            for (const auto& name : expected) want.push_back(name.toStdString());
            QCOMPARE(relative_names(root / "out"), want);
            for (const auto& name : want)
                if (fs::is_regular_file(root / "out" / name))
                    QCOMPARE(read_file(root / "out" / name), read_file(kCorpus.parent_path() / name));
        }
        make_writable(root / "out");
    }
    // The manual pages list every option the programs' --help lists (troff writes '-' as "\-").
    void manPageCoversEveryOption_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("page");
        QTest::newRow("nnzip") << QStringLiteral(NNZ_CLI_PATH) << "nnzip.1";
#ifdef NNZ_GUI_PATH
        QTest::newRow("nnzip-gui") << QStringLiteral(NNZ_GUI_PATH) << "nnzip-gui.1";
#endif
    }
    void manPageCoversEveryOption()
    {
        QFETCH(QString, program);
        QFETCH(QString, page);
        QProcess help;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("QT_QPA_PLATFORM", "offscreen");
        help.setProcessEnvironment(environment);
        help.start(program, {"--help"});
        QVERIFY(help.waitForFinished(30'000));
        const QString usage = QString::fromUtf8(help.readAllStandardOutput());
        QFile file(QStringLiteral(NNZ_SOURCE_DIR "/packaging/linux/") + page);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString manual = QString::fromUtf8(file.readAll()).replace(QStringLiteral("\\-"), QStringLiteral("-"));
        static const QRegularExpression option(QStringLiteral("(?<![\\w-])(--?[a-zA-Z][a-z0-9-]*)"));
        QStringList options;
        for (auto it = option.globalMatch(usage); it.hasNext();) {
            const QString name = it.next().captured(1);
            if (name != "--help-all" || page == "nnzip-gui.1") options << name;
        }
        options.removeDuplicates();
        QVERIFY2(options.size() >= (page == "nnzip.1" ? 35 : 7), qPrintable(options.join(' ')));
        for (const QString& name : options) {
            static const QRegularExpression word(QStringLiteral("[\\w-]"));
            bool found = false;
            for (qsizetype at = manual.indexOf(name); at >= 0 && !found; at = manual.indexOf(name, at + 1)) {
                const qsizetype end = at + name.size();
                found = (at == 0 || !word.match(manual.mid(at - 1, 1)).hasMatch()) && (end == manual.size() || !word.match(manual.mid(end, 1)).hasMatch());
            }
            QVERIFY2(found, qPrintable(page + " lacks " + name));
        }
    }
    // Every option the bash completion offers a command is one that command accepts, and
    // completion works where it is typed.
    void bashCompletionOffersWhatIsAccepted()
    {
        const QString script = QStringLiteral(NNZ_SOURCE_DIR "/packaging/linux/nnzip.bash-completion");
        QTemporaryDir tmp;
        const auto complete = [&](const QStringList& words) {
            QProcess bash;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();  // nnzip on PATH, for entry names
            environment.insert("PATH", QFileInfo(QStringLiteral(NNZ_CLI_PATH)).absolutePath() + ":" + environment.value("PATH"));
            bash.setProcessEnvironment(environment);
            bash.setWorkingDirectory(tmp.path());
            QStringList quoted;
            for (const QString& w : words) quoted << "'" + w + "'";
            bash.start("bash", {"-c", "source '" + script + "' && COMP_WORDS=(" + quoted.join(' ') + ") && COMP_CWORD=" +
                                           QString::number(words.size() - 1) + " && _nnzip && printf '%s\\n' \"${COMPREPLY[@]}\""});
            bash.waitForFinished(30'000);
            QStringList offered = QString::fromUtf8(bash.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
            offered.sort();
            return offered;
        };
        QCOMPARE(complete({"nnzip", "rep"}), QStringList{"repair"});
        QCOMPARE(complete({"nnzip", "x", "a.nnz", "--str"}), QStringList{"--strip-components"});
        QCOMPARE(complete({"nnzip", "a", "out.nnz", "--preset", "m"}), QStringList{"max"});
        QCOMPARE(complete({"nnzip", "a", "out.nnz", "--devi"}), QStringList{"--device"});
        // Entry names of the archive named, for x, l, d and rn's first name; none from an
        // encrypted one (nnzip runs without a terminal: no question in the middle of a line).
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "docs");
        write_file(root / "docs" / "readme.txt", "r");
        write_file(root / "docs" / "notes.md", "n");
        write_file(root / "pw", "secret\n");
        QCOMPARE(nnzip({"a", q(root / "e.nnz"), q(root / "docs"), "--codec", "store"}).status, 0);
        QCOMPARE(nnzip({"a", q(root / "s.nnz"), q(root / "docs"), "--codec", "store", "--password-file", q(root / "pw")}).status, 0);
        QCOMPARE(complete({"nnzip", "x", "e.nnz", "docs/r"}), QStringList{"docs/readme.txt"});
        QCOMPARE(complete({"nnzip", "l", "e.nnz", "-o", "out", "docs/"}), (QStringList{"docs/notes.md", "docs/readme.txt"}));
        QCOMPARE(complete({"nnzip", "rn", "e.nnz", "docs/n"}), QStringList{"docs/notes.md"});
        QCOMPARE(complete({"nnzip", "diff", "e.nnz", "-C", "docs", "docs/n"}), QStringList{"docs/notes.md"});
        QCOMPARE(complete({"nnzip", "dif"}), QStringList{"diff"});
        QCOMPARE(complete({"nnzip", "rn", "e.nnz", "docs/notes.md", "docs/n"}), QStringList{});
        QCOMPARE(complete({"nnzip", "x", "s.nnz", "docs/r"}), QStringList{});
        for (const char* word : {"a", "u", "d", "rn", "passwd", "x", "l", "t", "info", "diff", "convert", "repair", "rr"}) {
            const QString command = QString::fromLatin1(word);
            const QStringList options = complete({"nnzip", command, "-"});
            QVERIFY2(options.size() >= 3, qPrintable(command));
            for (const QString& name : options) {
                // A value after it, whether it takes one or not: only "unknown option" matters here.
                const Run run = nnzip_reading({command, name, "1", "/nonexistent/a.nnz", "x", "y"}, "");  // -p reads stdin
                QVERIFY2(!run.err.contains("unknown option"), qPrintable(command + " " + name + ": " + run.err));
            }
        }
    }
    // zsh and fish complete what bash does (whose options nnzip accepts, above): the commands,
    // each command's options, the values of --preset, an archive's entry names (none from an
    // encrypted one), nothing more after rn's first name. Run in the real shells: zsh through a
    // pseudo-terminal (tests/zsh_complete.zsh), fish with `complete -C`.
    void otherShellsCompleteAsBashDoes_data()
    {
        QTest::addColumn<QString>("shell");
        QTest::newRow("zsh") << "zsh";
        QTest::newRow("fish") << "fish";
    }
    void otherShellsCompleteAsBashDoes()
    {
        QFETCH(QString, shell);
        if (QStandardPaths::findExecutable(shell).isEmpty()) QSKIP("this shell is not installed");
        QTemporaryDir tmp;
        const auto run_in = [&](const QString& program, const QStringList& arguments) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();  // nnzip on PATH, for entry names
            environment.insert("PATH", QFileInfo(QStringLiteral(NNZ_CLI_PATH)).absolutePath() + ":" + environment.value("PATH"));
            process.setProcessEnvironment(environment);
            process.setWorkingDirectory(tmp.path());
            process.start(program, arguments);
            process.closeWriteChannel();
            process.waitForFinished(30'000);
            QStringList offered = QString::fromUtf8(process.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
            for (QString& word : offered) word = word.section('\t', 0, 0);  // fish: the description after a tab
            offered.sort();
            offered.removeDuplicates();
            return offered;
        };
        const auto complete = [&](const QString& line) {
            if (shell == "zsh")
                return run_in("zsh", {QStringLiteral(NNZ_SOURCE_DIR "/tests/zsh_complete.zsh"),
                                      QStringLiteral(NNZ_SOURCE_DIR "/packaging/linux"), line});
            return run_in("fish", {"--no-config", "-c",
                                   "source '" NNZ_SOURCE_DIR "/packaging/linux/nnzip.fish'; complete -C'" + line + "'"});
        };
        const auto bash_options = [&](const QString& command) {
            return run_in("bash", {"-c", "source '" NNZ_SOURCE_DIR "/packaging/linux/nnzip.bash-completion' && COMP_WORDS=(nnzip " +
                                             command + " -) && COMP_CWORD=2 && _nnzip && printf '%s\\n' \"${COMPREPLY[@]}\""});
        };
        QCOMPARE(complete("nnzip "), (QStringList{"a", "convert", "d", "diff", "help", "info", "l", "passwd", "repair", "rn", "rr", "t", "u", "x"}));
        QCOMPARE(complete("nnzip rep"), QStringList{"repair"});
        QCOMPARE(complete("nnzip a out.nnz --preset "), (QStringList{"default", "fast", "gpu", "max"}));
        for (const char* word : {"a", "u", "d", "rn", "passwd", "x", "l", "t", "info", "diff", "convert", "repair", "rr"}) {
            const QString command = QString::fromLatin1(word);
            const QStringList expected = bash_options(command);
            QVERIFY2(expected.size() >= 3, qPrintable(command));
            QCOMPARE(complete("nnzip " + command + " a.nnz -"), expected);
        }
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "docs");
        write_file(root / "docs" / "readme.txt", "r");
        write_file(root / "docs" / "notes.md", "n");
        write_file(root / "pw", "secret\n");
        QCOMPARE(nnzip({"a", q(root / "e.nnz"), q(root / "docs"), "--codec", "store"}).status, 0);
        QCOMPARE(nnzip({"a", q(root / "s.nnz"), q(root / "docs"), "--codec", "store", "--password-file", q(root / "pw")}).status, 0);
        QCOMPARE(complete("nnzip x e.nnz docs/r"), QStringList{"docs/readme.txt"});
        QCOMPARE(complete("nnzip l --password-file pw e.nnz docs/n"), QStringList{"docs/notes.md"});
        QCOMPARE(complete("nnzip diff e.nnz -C docs docs/n"), QStringList{"docs/notes.md"});
        QCOMPARE(complete("nnzip rn e.nnz docs/n"), QStringList{"docs/notes.md"});
        QCOMPARE(complete("nnzip rn e.nnz docs/notes.md docs/n"), QStringList{});
        QCOMPARE(complete("nnzip x s.nnz docs/r"), QStringList{});
    }
    // `a x.zip` (7z, tar...) writes that format straight from the files, as 7z a does: other
    // tools read it, nnzip reads it back the same; hard links stay links in a tar; what only an
    // .nnz has is refused, and so is changing such an archive afterwards.
    void addWritesAStandardFormatByItsName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("check");  // a command that lists it, from another tool
        QTest::newRow("zip") << "out.zip" << "unzip -l";
        QTest::newRow("7z") << "out.7z" << "";
        QTest::newRow("tar.xz") << "out.tar.xz" << "tar tf";
        QTest::newRow("tar") << "out.tar" << "tar tf";
    }
    void addWritesAStandardFormatByItsName()
    {
        QFETCH(QString, name);
        QFETCH(QString, check);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d" / "s");
        write_file(root / "d" / "a.txt", "first file\n");
        write_file(root / "d" / "s" / "b.txt", "second file\n");
        fs::create_hard_link(root / "d" / "a.txt", root / "d" / "again.txt");
        fs::create_symlink("a.txt", root / "d" / "link");
        const fs::path archive = root / name.toStdString();
        Run run = nnzip({"a", q(archive), q(root / "d")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(name + ": 6 entries"), qPrintable(run.out));
        QVERIFY(!nnz::has_nnz_magic(archive));
        if (!check.isEmpty() && !QStandardPaths::findExecutable(check.section(' ', 0, 0)).isEmpty()) {
            QProcess other;
            other.start(check.section(' ', 0, 0), {check.section(' ', 1), q(archive)});
            QVERIFY(other.waitForFinished(30'000));
            QCOMPARE(other.exitCode(), 0);
            QVERIFY(QString::fromUtf8(other.readAllStandardOutput()).contains("d/s/b.txt"));
        }
        run = nnzip({"x", q(archive), "-o", q(root / "out")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(read_file(root / "out" / "d" / "again.txt"), std::string("first file\n"));
        QCOMPARE(read_file(root / "out" / "d" / "s" / "b.txt"), std::string("second file\n"));
        QVERIFY(fs::is_symlink(root / "out" / "d" / "link"));
        if (name.contains("tar")) QVERIFY(nnzip({"l", q(archive)}).out.contains("[hard link to d/a.txt]"));
        // --remove-files moves a tree into it: every file read back and matched first.
        fs::copy(root / "d", root / "moved", fs::copy_options::recursive | fs::copy_options::copy_symlinks);
        const fs::path moved = root / ("moved-" + name.toStdString());
        run = nnzip({"a", q(moved), q(root / "moved"), "--remove-files"});
        QVERIFY2(run.status == 0 && run.out.contains("removed "), qPrintable(run.out + run.err));
        QVERIFY(!fs::exists(root / "moved"));
        QVERIFY2(nnzip({"l", q(moved)}).out.contains("moved/s/b.txt"), "moved in");
        QCOMPARE(nnzip({"t", q(moved)}).status, 0);
        // Only an .nnz has these; and nnzip changes only its own archives.
        for (const QStringList& extra : {QStringList{"--preset", "max"}, QStringList{"-v", "1M"}}) {
            run = nnzip(QStringList{"a", q(root / ("other-" + name.toStdString())), q(root / "d")} + extra);
            QCOMPARE(run.status, 1);
            QVERIFY(!fs::exists(root / ("other-" + name.toStdString())));
        }
        run = nnzip({"u", q(archive), q(root / "d")});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("is not an .nnz: nnzip changes only its own archives"), qPrintable(run.err));
        QCOMPARE(nnzip({"a", q(archive), q(root / "d")}).status, 3);  // exists: -f replaces it
        QCOMPARE(nnzip({"a", q(archive), q(root / "d"), "-f"}).status, 0);
    }
    // An .nnz is never written under another format's name that nnzip cannot write (other
    // programs would take it for that format and fail); any other name is fine.
    void foreignNamesForAnNnzAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");  // OUT is the output's path
        QTest::addColumn<int>("status");
        QTest::newRow("a notes.gz") << QStringList{"a", "OUT:notes.gz", "IN"} << 1;
        QTest::newRow("a NOTES.RAR") << QStringList{"a", "OUT:NOTES.RAR", "IN"} << 1;
        QTest::newRow("a x.tar.lz") << QStringList{"a", "OUT:x.tar.lz", "IN"} << 1;
        QTest::newRow("u making y.iso") << QStringList{"u", "OUT:y.iso", "IN"} << 1;
        QTest::newRow("convert to z.xz") << QStringList{"convert", "ZIP", "OUT:z.xz"} << 1;
        QTest::newRow("a my.backup") << QStringList{"a", "OUT:my.backup", "IN"} << 0;
        QTest::newRow("a car.parts") << QStringList{"a", "OUT:car.parts", "IN"} << 0;
    }
    void foreignNamesForAnNnzAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_file(root / "in.txt", "in");
        QCOMPARE(nnzip({"a", q(root / "in.zip"), q(root / "in.txt")}).status, 0);
        fs::path out;
        for (QString& arg : args) {
            if (arg == "IN") arg = q(root / "in.txt");
            if (arg == "ZIP") arg = q(root / "in.zip");
            if (arg.startsWith("OUT:")) arg = q(out = root / arg.mid(4).toStdString());
        }
        const Run run = nnzip(args);
        QCOMPARE(run.status, status);
        QCOMPARE(fs::exists(out), status == 0);
        if (status != 0) QVERIFY2(run.err.contains("would be an .nnz named like a"), qPrintable(run.err));
        else QVERIFY(nnz::has_nnz_magic(out));
    }
    void convertToAStandardFormat()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path archive = root / "c.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(kCorpus), "--codec", "store", "--block-size", "64K"}).status, 0);
        // For someone without nnzip: the same files in a zip (a 7z, a tar.xz...), read back by nnzip too.
        Run run = nnzip({"convert", q(archive), q(root / "c.zip")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("c.zip: nnz") && run.out.contains("→ zip"), qPrintable(run.out));
        QCOMPARE(nnzip({"x", q(root / "c.zip"), "-o", q(root / "out")}).status, 0);
        QCOMPARE(tree_difference(kCorpus, root / "out/cantrbry", false), QString());
        // A split archive reads as one: the same line, sizes of all its volumes.
        QCOMPARE(nnzip({"a", q(root / "s.nnz"), q(kCorpus), "--codec", "store", "--block-size", "64K", "-v", "1M"}).status, 0);
        const Run split = nnzip({"convert", q(root / "s.nnz.001"), q(root / "s.zip")});
        QVERIFY2(split.status == 0, qPrintable(split.err));
        QCOMPARE(split.out.mid(split.out.indexOf(':')), run.out.mid(run.out.indexOf(':')));
        // A foreign archive converts as well (zip to tar.xz).
        run = nnzip({"convert", q(root / "c.zip"), q(root / "c.tar.xz")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY(fs::file_size(root / "c.tar.xz") < fs::file_size(root / "c.zip"));
        // Refused: an existing output, compression options that mean nothing there.
        QCOMPARE(nnzip({"convert", q(archive), q(root / "c.zip")}).status, 3);
        run = nnzip({"convert", q(archive), q(root / "d.zip"), "--preset", "max"});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("compression options are for an .nnz"), qPrintable(run.err));
        QVERIFY(!fs::exists(root / "d.zip"));
        make_writable(root / "out");
    }
    // a --remove-files moves a tree into the archive; u --remove-files takes what it compresses
    // and what it keeps as stored alike; what was left out stays, and so does its folder.
    void removeFilesAfterArchiving()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "logs" / "old");
        write_file(root / "logs" / "app.log", "started\nstopped\n");
        write_file(root / "logs" / "old" / "app.1.log", "older\n");
        write_file(root / "logs" / "core.dump", "left out");
        const fs::path archive = root / "logs.nnz";
        Run run = nnzip({"a", q(archive), q(root / "logs"), "--remove-files", "-x", "*.dump", "--codec", "store"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("logs.nnz: removed 2 files and 1 folder it holds"), qPrintable(run.out));
        QVERIFY(run.err.isEmpty());
        QVERIFY(!fs::exists(root / "logs" / "app.log") && !fs::exists(root / "logs" / "old"));
        QVERIFY(fs::exists(root / "logs" / "core.dump"));  // and so its folder
        run = nnzip({"x", q(archive), "-o", q(root / "back")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(read_file(root / "back" / "logs" / "app.log"), std::string("started\nstopped\n"));
        QCOMPARE(read_file(root / "back" / "logs" / "old" / "app.1.log"), std::string("older\n"));

        // u: back/logs holds app.log as stored (kept, not compressed) and a new file.
        write_file(root / "back" / "logs" / "new.log", "new\n");
        run = nnzip({"u", q(archive), q(root / "back" / "logs"), "--remove-files"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("logs.nnz: removed 3 files and 2 folders it holds"), qPrintable(run.out));
        QVERIFY(!fs::exists(root / "back" / "logs"));
        run = nnzip({"l", q(archive)});
        QVERIFY(run.out.contains("logs/new.log") && run.out.contains("logs/old/app.1.log"));
        QCOMPARE(nnzip({"t", q(archive)}).status, 0);

        // Only for what writes an archive from files.
        for (const char* command : {"d", "x", "convert"}) {
            run = nnzip({command, q(archive), q(root / "other.nnz"), "--remove-files"});
            QCOMPARE(run.status, 1);
            QVERIFY2(run.err.contains("unknown option '--remove-files'"), qPrintable(run.err));
        }
    }
    // -L stores what a link points to under the link's name; with --remove-files it is refused
    // before anything is written (it would remove the targets).
    void dereferenceStoresWhatLinksPointTo()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "shared" / "lib");
        fs::create_directories(root / "project");
        write_file(root / "shared" / "lib" / "util.c", "int util;\n");
        fs::create_directory_symlink("../shared/lib", root / "project" / "lib");
        Run run = nnzip({"a", q(root / "p.nnz"), q(root / "project"), "--codec", "store", "--dereference"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip({"x", q(root / "p.nnz"), "-o", q(root / "out")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY(!fs::is_symlink(root / "out" / "project" / "lib"));
        QCOMPARE(read_file(root / "out" / "project" / "lib" / "util.c"), std::string("int util;\n"));
        // Without it, the link.
        QCOMPARE(nnzip({"a", q(root / "l.nnz"), q(root / "project"), "--codec", "store"}).status, 0);
        QVERIFY(nnzip({"l", q(root / "l.nnz")}).out.contains("project/lib -> ../shared/lib"));
        run = nnzip({"a", q(root / "r.nnz"), q(root / "project"), "-L", "--remove-files"});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("--remove-files and --dereference exclude each other"), qPrintable(run.err));
        QVERIFY(!fs::exists(root / "r.nnz"));
        QVERIFY(fs::exists(root / "shared" / "lib" / "util.c"));
    }
    // --exclude-vcs leaves out version control's names anywhere; --exclude-caches what a tagged
    // cache folder holds but its tag; u takes them too.
    void excludeVersionControlAndCaches()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "p" / ".git" / "objects");
        fs::create_directories(root / "p" / "lib" / ".svn");
        fs::create_directories(root / "p" / "build" / "cache");
        write_file(root / "p" / ".git" / "HEAD", "ref");
        write_file(root / "p" / ".gitignore", "build/");
        write_file(root / "p" / "lib" / "CVS", "a file of that name goes too, as in tar");
        write_file(root / "p" / "lib" / "util.c", "int util;");
        write_file(root / "p" / "build" / "cache" / "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n");
        write_file(root / "p" / "build" / "cache" / "object.o", "cached");
        Run run = nnzip({"a", q(root / "p.nnz"), q(root / "p"), "--codec", "store", "--exclude-vcs", "--exclude-caches"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip({"l", q(root / "p.nnz"), "--json"});
        QStringList names;
        for (const QString& line : run.out.split('\n'))
            if (line.startsWith("  {\"name\": \"")) names << line.section('"', 3, 3);
        names.sort();
        QCOMPARE(names, (QStringList{"p", "p/build", "p/build/cache", "p/build/cache/CACHEDIR.TAG", "p/lib", "p/lib/util.c"}));
        write_file(root / "p" / "lib" / "new.c", "int added;");
        run = nnzip({"u", q(root / "p.nnz"), q(root / "p"), "--codec", "store", "--exclude-vcs", "--exclude-caches"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip({"l", q(root / "p.nnz")});
        QVERIFY(run.out.contains("p/lib/new.c") && !run.out.contains(".git") && !run.out.contains("object.o"));
    }
    // Replacing an archive that lies in the folder being archived (-f): the old archive is left
    // out with a warning, never stored inside the new one; a file of its size is stored.
    void archiveInsideItsInputsIsLeftOut()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d");
        write_file(root / "d" / "a.txt", "some text");
        const fs::path archive = root / "d" / "self.nnz";
        Run run = nnzip({"a", q(archive), q(root / "d"), "--codec", "store"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        write_file(root / "d" / "twin.bin", read_file(archive));  // the same size (and bytes), another file
        run = nnzip({"a", q(archive), q(root / "d"), "--codec", "store", "-f"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("skipped " + q(archive) + ": it is the archive being written"), qPrintable(run.err));
        run = nnzip({"l", q(archive)});
        QVERIFY2(run.out.contains("d/twin.bin") && !run.out.contains("d/self.nnz"), qPrintable(run.out));
    }
    // info: the archive as a whole, each block with its size and codec (the preset read back from
    // its header), and the same as JSON.
    void infoDescribesTheArchive_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("options");  // for a
        QTest::addColumn<QStringList>("lines");    // in info's text
        QTest::addColumn<QString>("codec");        // of every block
        QTest::newRow("stored") << "s.nnz" << QStringList{"--codec", "store"}
                                << QStringList{"Type:             nnzip archive, format ", "Entries:          2 files, 1 folder, 0 symlinks",
                                               "Content:          100100 bytes (100.1 KB)", "Encryption:       none",
                                               "Recovery record:  none"}
                                << "store";
        QTest::newRow("fast preset") << "f.nnz" << QStringList{"--preset", "fast"} << QStringList{"bits per byte"}
                                     << "neural, fast preset";
        QTest::newRow("lanes of its own") << "l.nnz" << QStringList{"--preset", "fast", "--lanes", "2"} << QStringList{}
                                          << "neural, fast preset, 2 lanes";
        QTest::newRow("encrypted, with a record, split")
            << "e.nnz" << QStringList{"--codec", "store", "--password-file", "PW", "--recovery", "5", "-v", "64K"}
            << QStringList{"Encryption:       XChaCha20-Poly1305", "Recovery record:  5% of the archive", " in 2 volumes"} << "store";
        QTest::newRow("zip") << "z.zip" << QStringList{} << QStringList{"Type:             zip archive", "Entries:          2 files, 1 folder"}
                             << "";
    }
    void infoDescribesTheArchive()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, options);
        QFETCH(QStringList, lines);
        QFETCH(QString, codec);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d");
        write_file(root / "d" / "alice.txt", read_file(kCorpus / "alice29.txt").substr(0, 100'000));
        write_file(root / "d" / "small.txt", std::string(100, 'x'));
        write_file(root / "PW", "a password\n");
        options.replaceInStrings(QRegularExpression("^PW$"), q(root / "PW"));
        const fs::path archive = root / name.toStdString();
        Run run = nnzip(QStringList{"a", q(archive), q(root / "d")} + options);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QStringList password = options.contains("--password-file") ? QStringList{"--password-file", q(root / "PW")} : QStringList{};
        const QString opened = name.endsWith(".zip") || !options.contains("-v") ? q(archive) : q(archive) + ".001";
        run = nnzip(QStringList{"info", opened} + password);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        for (const QString& line : lines) QVERIFY2(run.out.contains(line), qPrintable(run.out));
        const QString text = run.out;
        run = nnzip(QStringList{"info", opened, "--json"} + password);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QJsonParseError error;
        const QJsonObject info = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(run.out));
        QCOMPARE(info["files"].toInt(), 2);
        QCOMPARE(info["folders"].toInt(), 1);
        QCOMPARE(info["content_size"].toInteger(), qint64(100'100));
        if (codec.isEmpty()) {
            QCOMPARE(info["format"].toString(), QStringLiteral("zip"));
            QCOMPARE(info["size"].toInteger(), qint64(fs::file_size(archive)));
            return;
        }
        QCOMPARE(info["format"].toString(), QStringLiteral("nnz"));
        QCOMPARE(info["encrypted"].toBool(), options.contains("--password-file"));
        QVERIFY2(text.contains("Memory:           ") && text.contains(" to decode its largest block"), qPrintable(text));
        uint64_t on_disk = 0;
        for (const auto& file : fs::directory_iterator(root))
            if (file.path().filename().string().starts_with(name.toStdString())) on_disk += file.file_size();
        QCOMPARE(uint64_t(info["size"].toInteger()), on_disk);
        const QJsonArray blocks = info["blocks"].toArray();
        QVERIFY(!blocks.isEmpty());
        qint64 raw = 0;
        qint64 packed = 0;
        for (const auto& block : blocks) {
            QCOMPARE(block.toObject()["codec"].toString(), codec);
            QVERIFY2(run.out.contains(codec), qPrintable(run.out));
            QVERIFY(block.toObject()["memory"].toInteger() >= block.toObject()["size"].toInteger());  // at least the block
            raw += block.toObject()["size"].toInteger();
            packed += block.toObject()["packed_size"].toInteger();
        }
        QCOMPARE(raw, qint64(100'100));
        QCOMPARE(info["packed_size"].toInteger(), packed);
        if (codec == "store") QCOMPARE(packed, raw);
        else QVERIFY(packed < raw / 2);
    }
    // --test for a, u, d, rn, passwd, rr and convert, and with volumes: the archive is made, kept
    // and whole (a failing test is tst_container's verifyComesBeforeTheArchiveIsKept); not for
    // other formats.
    void testBeforeKeeping()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d");
        write_file(root / "d" / "a.txt", read_file(kCorpus / "alice29.txt").substr(0, 20'000));
        write_file(root / "d" / "b.txt", "bee");
        write_file(root / "PW", "a password\n");
        const QStringList password{"--password-file", q(root / "PW")};
        const fs::path archive = root / "d.nnz";
        Run run = nnzip(QStringList{"a", q(archive), q(root / "d"), "--preset", "fast", "--test"} + password);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        write_file(root / "c.txt", "sea");
        run = nnzip(QStringList{"u", q(archive), q(root / "c.txt"), "--preset", "fast", "--test"} + password);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip(QStringList{"d", q(archive), "d/b.txt", "--test"} + password);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip(QStringList{"t", q(archive)} + password);
        QVERIFY2(run.status == 0 && run.out.contains("OK (3 entries"), qPrintable(run.out + run.err));
        QCOMPARE(nnzip({"a", q(root / "z.zip"), q(root / "d")}).status, 0);
        run = nnzip({"convert", q(root / "z.zip"), q(root / "z.nnz"), "--codec", "store", "--test"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        std::vector<std::string> names;
        for (const auto& f : fs::directory_iterator(root)) names.push_back(f.path().filename().string());
        std::sort(names.begin(), names.end());
        QCOMPARE(names, (std::vector<std::string>{"PW", "c.txt", "d", "d.nnz", "z.nnz", "z.zip"}));  // no temporary file
        // rn, passwd and rr copy every block; with --test the result is decoded before it is kept.
        run = nnzip(QStringList{"rn", q(archive), "d/a.txt", "d/renamed.txt", "--test"} + password);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        write_file(root / "PW2", "another password\n");
        run = nnzip(QStringList{"passwd", q(archive), "--new-password-file", q(root / "PW2"), "--test"} + password);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QStringList newPassword{"--password-file", q(root / "PW2")};
        run = nnzip(QStringList{"rr", q(archive), "4", "--test"} + newPassword);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip(QStringList{"t", q(archive)} + newPassword);
        QVERIFY2(run.status == 0 && run.out.contains("recovery record intact"), qPrintable(run.out + run.err));
        QVERIFY2(nnzip(QStringList{"l", q(archive)} + newPassword).out.contains("d/renamed.txt"), "renamed");
        // Split into volumes, they are tested together under their temporary names, then renamed.
        std::string big(200'000, '\0');
        for (size_t i = 0; i < big.size(); ++i) big[i] = char((i * 2654435761u) >> 13);  // no runs to squeeze
        write_file(root / "d" / "big.bin", big);
        run = nnzip({"a", q(root / "v.nnz"), q(root / "d"), "--codec", "store", "--test", "-v", "64K"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY(fs::exists(root / "v.nnz.004") && !fs::exists(root / "v.nnz.005"));
        QCOMPARE(nnzip({"t", q(root / "v.nnz.001")}).status, 0);
        // A zip written by a is tested against the files it was made of, one written by convert
        // against the bytes written into it.
        run = nnzip({"a", q(root / "x.zip"), q(root / "d"), "--test"});
        QVERIFY2(run.status == 0 && fs::exists(root / "x.zip"), qPrintable(run.err));
        run = nnzip(QStringList{"convert", q(archive), q(root / "y.zip"), "--test"} + newPassword);
        QVERIFY2(run.status == 0 && run.out.contains("encrypted with the same password"), qPrintable(run.err));
        QCOMPARE(nnzip(QStringList{"t", q(root / "y.zip")} + newPassword).status, 0);
        QCOMPARE(nnzip(QStringList{"x", q(archive), "--test"} + password).status, 1);  // not an extraction option
    }
    // info of an archive with a damaged block header: the rest described, that block shown so,
    // exit 2 with a pointer to t and repair.
    void infoShowsADamagedBlockHeader()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d");
        write_file(root / "d" / "a.txt", read_file(kCorpus / "alice29.txt").substr(0, 200'000));
        const fs::path archive = root / "d.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(root / "d"), "--codec", "store", "--block-size", "64K"}).status, 0);
        uint64_t second_header = 0;
        {
            nnz::ArchiveReader reader(archive);
            QVERIFY(reader.blocks().size() >= 3);
            second_header = reader.blocks()[1].file_offset;
        }
        {
            std::fstream damaged(archive, std::ios::in | std::ios::out | std::ios::binary);
            damaged.seekg(static_cast<std::streamoff>(second_header + 1));
            const char was = static_cast<char>(damaged.get());
            damaged.seekp(static_cast<std::streamoff>(second_header + 1));
            damaged.put(static_cast<char>(was ^ 0x55));
        }
        Run run = nnzip({"info", q(archive)});
        QCOMPARE(run.status, 2);
        QVERIFY2(run.out.contains("(its header is damaged)") && run.out.count("  store") >= 2, qPrintable(run.out));
        QVERIFY2(run.err.contains("d.nnz: 1 block header is damaged (nnzip t d.nnz names what is lost"), qPrintable(run.err));
        run = nnzip({"info", q(archive), "--json"});
        QCOMPARE(run.status, 2);
        const QJsonArray blocks = QJsonDocument::fromJson(run.out.toUtf8()).object()["blocks"].toArray();
        QVERIFY(blocks.size() >= 3);
        QVERIFY(blocks[1].toObject()["codec"].isNull());
        QCOMPARE(blocks[0].toObject()["codec"].toString(), QStringLiteral("store"));
    }
    // t and info of several archives: each in turn, the others after one that fails, the first
    // failure's exit status, a count of the failures; info --json an array of what it read.
    void severalArchivesOneAfterAnother()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d");
        write_file(root / "d" / "a.txt", read_file(kCorpus / "alice29.txt").substr(0, 50'000));
        QCOMPARE(nnzip({"a", q(root / "good.nnz"), q(root / "d"), "--codec", "store"}).status, 0);
        QCOMPARE(nnzip({"a", q(root / "other.zip"), q(root / "d")}).status, 0);
        fs::copy_file(root / "good.nnz", root / "bad.nnz");
        {
            std::fstream damaged(root / "bad.nnz", std::ios::in | std::ios::out | std::ios::binary);
            damaged.seekp(20'000);
            damaged.put('!');
        }
        Run run = nnzip({"t", q(root / "good.nnz"), q(root / "bad.nnz"), q(root / "missing.nnz"), q(root / "other.zip")});
        QCOMPARE(run.status, 2);  // the damaged one's; the missing one's would be 3
        QVERIFY2(run.out.contains("good.nnz: OK (2 entries") && run.out.contains("other.zip: OK (2 entries"), qPrintable(run.out));
        QVERIFY2(run.err.contains("bad.nnz") && run.err.contains("missing.nnz"), qPrintable(run.err));
        QVERIFY2(run.err.contains("nnzip: 2 of 4 archives failed the test"), qPrintable(run.err));
        run = nnzip({"t", q(root / "good.nnz"), q(root / "other.zip")});
        QVERIFY2(run.status == 0 && run.err.isEmpty(), qPrintable(run.err));

        run = nnzip({"info", q(root / "missing.nnz"), q(root / "good.nnz"), q(root / "bad.nnz"), q(root / "other.zip"), "--json"});
        QCOMPARE(run.status, 3);  // the missing one's: the damaged one's headers are intact
        QJsonParseError error;
        const QJsonArray described = QJsonDocument::fromJson(run.out.toUtf8(), &error).array();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(run.out));
        QStringList formats;
        for (const auto& archive : described) formats << archive.toObject()["format"].toString();
        QCOMPARE(formats, (QStringList{"nnz", "nnz", "zip"}));
        QVERIFY2(run.err.contains("nnzip: 1 of 4 archives could not be read"), qPrintable(run.err));
        run = nnzip({"info", q(root / "good.nnz"), "--json"});  // one archive: its object alone
        QVERIFY(QJsonDocument::fromJson(run.out.toUtf8()).isObject());
        run = nnzip({"info", q(root / "good.nnz"), q(root / "other.zip")});
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out.count("Archive:"), 2);
        QVERIFY2(run.out.contains("\n\nArchive:"), qPrintable(run.out));
    }
    // On a terminal, without -f, -n or --keep-newer-files, x asks about each existing file (as
    // unzip does) before it writes anything; without one it refuses (the other tests).
    void extractAsksOnATerminal_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<int>("questions");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("files");  // under out/d afterwards, NAME=CONTENT (a.txt and b.txt were there)
        QTest::newRow("yes, then no") << QStringList{} << QStringList{"y", "n"} << 2 << 0
                                      << QStringList{"a.txt=archive a", "b.txt=mine", "c.txt=archive c"};
        QTest::newRow("all") << QStringList{} << QStringList{"A"} << 1 << 0
                             << QStringList{"a.txt=archive a", "b.txt=archive b", "c.txt=archive c"};
        QTest::newRow("none") << QStringList{} << QStringList{"N"} << 1 << 0 << QStringList{"a.txt=mine", "b.txt=mine", "c.txt=archive c"};
        QTest::newRow("rename, then no") << QStringList{} << QStringList{"r", "n"} << 2 << 0
                                         << QStringList{"a (2).txt=archive a", "a.txt=mine", "b.txt=mine", "c.txt=archive c"};
        QTest::newRow("rename all") << QStringList{} << QStringList{"R"} << 1 << 0
                                    << QStringList{"a (2).txt=archive a", "a.txt=mine", "b (2).txt=archive b", "b.txt=mine",
                                                   "c.txt=archive c"};
        QTest::newRow("an unclear answer") << QStringList{} << QStringList{"maybe", "n", "yes"} << 3 << 0
                                           << QStringList{"a.txt=mine", "b.txt=archive b", "c.txt=archive c"};
        QTest::newRow("quit") << QStringList{} << QStringList{"y", "q"} << 2 << 130 << QStringList{"a.txt=mine", "b.txt=mine"};
        QTest::newRow("end of input") << QStringList{} << QStringList{} << 1 << 130 << QStringList{"a.txt=mine", "b.txt=mine"};
        QTest::newRow("-n does not ask") << QStringList{"-n"} << QStringList{} << 0 << 0
                                         << QStringList{"a.txt=mine", "b.txt=mine", "c.txt=archive c"};
        QTest::newRow("-f does not ask") << QStringList{"-f"} << QStringList{} << 0 << 0
                                         << QStringList{"a.txt=archive a", "b.txt=archive b", "c.txt=archive c"};
        QTest::newRow("--keep-both does not ask") << QStringList{"--keep-both"} << QStringList{} << 0 << 0
                                                  << QStringList{"a (2).txt=archive a", "a.txt=mine", "b (2).txt=archive b",
                                                                 "b.txt=mine", "c.txt=archive c"};
    }
    void extractAsksOnATerminal()
    {
        QFETCH(QStringList, options);
        QFETCH(QStringList, answers);
        QFETCH(int, questions);
        QFETCH(int, status);
        QFETCH(QStringList, files);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d");
        for (const char* name : {"a", "b", "c"}) write_file(root / "d" / (name + std::string(".txt")), "archive " + std::string(name));
        QCOMPARE(nnzip({"a", q(root / "d.nnz"), q(root / "d"), "--codec", "store"}).status, 0);
        fs::create_directories(root / "out" / "d");
        write_file(root / "out" / "d" / "a.txt", "mine");
        write_file(root / "out" / "d" / "b.txt", "mine");
        const TerminalRun run = nnzip_on_terminal(QStringList{"x", q(root / "d.nnz")} + options, root / "out", answers);
        QVERIFY2(run.status == status, qPrintable(run.out));
        QCOMPARE(run.questions, questions);
        if (questions > 0) {
            QVERIFY2(run.out.contains("replace d/a.txt (4 bytes, modified "), qPrintable(run.out));
            QVERIFY2(run.out.contains("with the archive's (9 bytes, modified "), qPrintable(run.out));
        }
        if (status == 130) QVERIFY2(run.out.contains("nothing was extracted"), qPrintable(run.out));
        if (files.contains("a (2).txt=archive a"))
            QVERIFY2(run.out.contains("under new names, the names being taken: \"d/a.txt\" as \"d/a (2).txt\""), qPrintable(run.out));
        QStringList found;
        for (const auto& file : fs::directory_iterator(root / "out" / "d"))
            found << QString::fromStdString(file.path().filename().string() + "=" + read_file(file.path()));
        found.sort();
        QCOMPARE(found, files);
    }
    // A link target may hold any bytes: the question shows its control characters escaped, so
    // that an archive cannot drive the terminal through it.
    void questionEscapesControlCharacters()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d");
        fs::create_symlink("x\x1b[2Jy", root / "d" / "link");
        QCOMPARE(nnzip({"a", q(root / "d.nnz"), q(root / "d"), "--codec", "store"}).status, 0);
        fs::create_directories(root / "out" / "d");
        fs::create_symlink("elsewhere", root / "out" / "d" / "link");
        const TerminalRun run = nnzip_on_terminal({"x", q(root / "d.nnz")}, root / "out", {"n"});
        QVERIFY2(run.status == 0, qPrintable(run.out));
        QVERIFY2(run.out.contains("a symbolic link to x\\x1B[2Jy") && !run.out.contains("\x1b[2J"), qPrintable(run.out));
        QCOMPARE(fs::read_symlink(root / "out" / "d" / "link"), fs::path("elsewhere"));
        // So do errors and warnings: a link leading outside is named in the refusal.
        fs::create_directories(root / "e");
        fs::create_symlink("/tmp/\x1b[2J", root / "e" / "away");
        QCOMPARE(nnzip({"a", q(root / "e.nnz"), q(root / "e"), "--codec", "store"}).status, 0);
        Run refused = nnzip({"x", q(root / "e.nnz"), "-o", q(root / "fresh")});
        QCOMPARE(refused.status, 2);
        QVERIFY2(refused.err.contains("\"e/away\" -> \"/tmp/") && !refused.err.contains("\x1b"), qPrintable(refused.err));
        refused = nnzip({"x", q(root / "e.nnz"), "-o", q(root / "fresh"), "--skip-outside-links"});
        QCOMPARE(refused.status, 0);
        QVERIFY2(refused.err.contains("e/away -> /tmp/") && !refused.err.contains("\x1b"), qPrintable(refused.err));
    }
    // --keep-newer-files: existing files older than (or as old as) the archive's copy are
    // replaced, newer ones kept with one warning; it excludes -f and -n.
    void keepNewerFiles()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "d");
        write_file(root / "d" / "old.txt", "from the archive");
        write_file(root / "d" / "new.txt", "from the archive");
        write_file(root / "d" / "same.txt", "from the archive");
        set_time(root / "d" / "old.txt", 1'700'000'000, 0);
        set_time(root / "d" / "new.txt", 1'700'000'000, 0);
        set_time(root / "d" / "same.txt", 1'700'000'000, 500);
        QCOMPARE(nnzip({"a", q(root / "d.nnz"), q(root / "d"), "--codec", "store"}).status, 0);
        fs::create_directories(root / "out" / "d");
        write_file(root / "out" / "d" / "old.txt", "older work");
        write_file(root / "out" / "d" / "new.txt", "newer work");
        write_file(root / "out" / "d" / "same.txt", "as old");
        set_time(root / "out" / "d" / "old.txt", 1'600'000'000, 0);
        set_time(root / "out" / "d" / "new.txt", 1'700'000'000, 1);  // a nanosecond later
        set_time(root / "out" / "d" / "same.txt", 1'700'000'000, 500);
        Run run = nnzip({"x", q(root / "d.nnz"), "-o", q(root / "out"), "--keep-newer-files"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("left 1 existing file as it was (newer than in the archive, --keep-newer-files): d/new.txt"),
                 qPrintable(run.err));
        QCOMPARE(read_file(root / "out" / "d" / "old.txt"), std::string("from the archive"));
        QCOMPARE(read_file(root / "out" / "d" / "same.txt"), std::string("from the archive"));
        QCOMPARE(read_file(root / "out" / "d" / "new.txt"), std::string("newer work"));
        for (const char* other : {"-f", "-n"}) {
            run = nnzip({"x", q(root / "d.nnz"), "-o", q(root / "out"), "--keep-newer-files", other});
            QCOMPARE(run.status, 1);
        }
        QCOMPARE(nnzip({"x", q(root / "d.nnz"), "--stdout", "--keep-newer-files"}).status, 1);
    }
    void stripComponents()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path archive = root / "c.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(kCorpus), "--codec", "store", "--block-size", "64K"}).status, 0);
        // The corpus's files straight into out/, without the folder they were archived in.
        Run run = nnzip({"x", q(archive), "--strip-components", "1", "-o", q(root / "out")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(tree_difference(kCorpus, root / "out", false), QString());  // out/ itself is no entry: its mode is its own
        run = nnzip({"x", q(archive), "--strip-components=2", "-o", q(root / "none")});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("nothing is left to extract"), qPrintable(run.err));
        QVERIFY(!fs::exists(root / "none"));
        make_writable(root / "out");
    }
    void corruptArchive_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("flipped byte in the middle") << "flip";
        QTest::newRow("truncated to half") << "half";
        QTest::newRow("truncated by one byte") << "minus one";
        QTest::newRow("not an archive") << "text";
    }
    void corruptArchive()
    {
        QFETCH(QString, damage);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path archive = root / "c.nnz";
        QCOMPARE(nnzip({"a", q(archive), q(kCorpus), "--codec", "store", "--block-size", "256K"}).status, 0);
        std::string bytes = read_file(archive);
        if (damage == "flip") bytes[bytes.size() / 2] ^= 0x55;
        else if (damage == "half") bytes.resize(bytes.size() / 2);
        else if (damage == "minus one") bytes.pop_back();
        else bytes = "just some text, long enough to look like something else entirely ......\n";
        write_file(archive, bytes);

        const QRegularExpression problem("checksum|corrupt|damaged|truncated|mismatch|not an nnzip",
                                         QRegularExpression::CaseInsensitiveOption);
        Run run = nnzip({"t", q(archive)});
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.startsWith("nnzip: error:") && run.err.contains(problem), qPrintable(run.err));
        run = nnzip({"x", q(archive), "-o", q(root / "out")});
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(problem), qPrintable(run.err));
        // Whatever was written must be complete and verified; nothing half-written may remain.
        if (fs::exists(root / "out")) {
            QVERIFY(!has_temp_files(root / "out"));
            for (const auto& e : fs::recursive_directory_iterator(root / "out"))
                if (e.is_regular_file())
                    QVERIFY2(read_file(e.path()) == read_file(kCorpus.parent_path() / e.path().lexically_relative(root / "out")),
                             qPrintable(q(e.path())));
            make_writable(root / "out");
        }
    }
    void unsafeEntryName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("status");
        QTest::newRow("safe control") << "good" << 0;
        QTest::newRow("parent") << "../evil" << 2;
        QTest::newRow("absolute") << "/tmp/evil" << 2;
        QTest::newRow("climbs out") << "a/../../evil" << 2;
    }
    void unsafeEntryName()
    {
        QFETCH(QString, name);
        QFETCH(int, status);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_file(root / "crafted.nnz", crafted_archive(name.toStdString()));
        fs::create_directories(root / "deep/out");
        const Run run = nnzip({"x", q(root / "crafted.nnz"), "-o", q(root / "deep/out")});
        QVERIFY2(run.status == status, qPrintable(run.err));
        if (status == 0) {
            QCOMPARE(relative_names(root / "deep"), (std::vector<std::string>{"out", "out/good"}));
        } else {
            QVERIFY2(run.err.contains("nnzip: error:"), qPrintable(run.err));
            QCOMPARE(relative_names(root), (std::vector<std::string>{"crafted.nnz", "deep", "deep/out"}));
            QVERIFY(!fs::exists("/tmp/evil"));
        }
    }
    void missingInput()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_file(root / "real", "r");
        const Run run = nnzip({"a", q(root / "a.nnz"), q(root / "real"), q(root / "nope"), "--codec", "store"});
        QCOMPARE(run.status, 3);
        QVERIFY2(run.err.contains("nope"), qPrintable(run.err));
        QCOMPARE(relative_names(root), std::vector<std::string>{"real"});
    }
    void missingArchive_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("t") << "t";
        QTest::newRow("x") << "x";
        QTest::newRow("l") << "l";
    }
    void missingArchive()
    {
        QFETCH(QString, command);
        QTemporaryDir tmp;
        QStringList args{command, tmp.path() + "/none.nnz"};
        if (command == "x") args << "-o" << tmp.path() + "/out";
        const Run run = nnzip(args);
        QCOMPARE(run.status, 3);
        QVERIFY(run.err.startsWith("nnzip: error:"));
        QVERIFY(!QFileInfo::exists(tmp.path() + "/out"));
    }
    // The LibTorch glue is a module loaded on demand (core/neural/torch_module.hpp): without it
    // the presets that never need tensors work as before, and a model that does is refused with
    // a message naming the module, exit status 1, and no archive left behind.
    void withoutTensorBackend_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("status");
        QTest::newRow("default preset") << QStringList{} << 0;
        QTest::newRow("fast preset") << QStringList{"--preset", "fast"} << 0;
        QTest::newRow("max preset, 8 lanes (tensors)") << QStringList{"--preset", "max", "--lanes", "8"} << 1;
    }
    void withoutTensorBackend()
    {
        QFETCH(QStringList, options);
        QFETCH(int, status);
        QTemporaryDir tmp;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("NNZIP_TORCH_MODULE", tmp.path() + "/missing/libnnzip_torch.so");
        const QString archive = tmp.path() + "/a.nnz";
        const Run run = nnzip(QStringList{"a", archive, q(kCorpus / "fields.c")} + options, {}, environment);
        QCOMPARE(run.status, status);
        if (status == 0) {
            QCOMPARE(nnzip({"t", archive}, {}, environment).status, 0);
        } else {
            QVERIFY2(run.err.contains("LibTorch backend (libnnzip_torch.so)") && run.err.contains("not found"), qPrintable(run.err));
            QVERIFY(!QFileInfo::exists(archive));
        }
    }

    // The gpu preset runs anywhere; on the CPU (no CUDA device, or --device cpu) it says that it
    // is the slow choice there, and the archive is as good as any.
    void gpuPresetOnTheCpu_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<bool>("warns");
        QTest::newRow("gpu preset, cpu device") << QStringList{"--preset", "gpu", "--device", "cpu"} << true;
        QTest::newRow("max preset, cpu device") << QStringList{"--preset", "max", "--device", "cpu"} << false;
    }
    void gpuPresetOnTheCpu()
    {
        QFETCH(QStringList, options);
        QFETCH(bool, warns);
        QTemporaryDir tmp;
        const QString archive = tmp.path() + "/g.nnz";
        const Run run = nnzip(QStringList{"a", archive, q(kCorpus / "fields.c")} + options);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.err.contains("nnzip: warning: the gpu preset is meant for an NVIDIA GPU"), warns);
        const Run test = nnzip({"t", archive});
        QVERIFY2(test.status == 0 && test.out.contains("OK"), qPrintable(test.err));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("nothing") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"z", "a.nnz"};
        QTest::newRow("strip no folder") << QStringList{"x", "a.nnz", "--strip-components", "0"};
        QTest::newRow("strip for stdout") << QStringList{"x", "a.nnz", "--strip-components", "1", "--stdout"};
        QTest::newRow("strip for a") << QStringList{"a", "a.nnz", ".", "--strip-components", "1"};
        QTest::newRow("files-from without a name") << QStringList{"a", "a.nnz", "--files-from="};
        QTest::newRow("a without inputs") << QStringList{"a", "a.nnz"};
        QTest::newRow("unknown codec") << QStringList{"a", "a.nnz", ".", "--codec", "zip"};
        QTest::newRow("unknown preset") << QStringList{"a", "a.nnz", ".", "--preset", "huge"};
        QTest::newRow("unknown device") << QStringList{"a", "a.nnz", ".", "--device", "tpu"};
        QTest::newRow("bad lanes") << QStringList{"a", "a.nnz", ".", "--lanes", "many"};
        QTest::newRow("zero block size") << QStringList{"a", "a.nnz", ".", "--block-size", "0"};
        QTest::newRow("bad block size unit") << QStringList{"a", "a.nnz", ".", "--block-size", "3X"};
        QTest::newRow("zero memory") << QStringList{"a", "a.nnz", ".", "--memory", "0"};
        QTest::newRow("empty exclusion") << QStringList{"a", "a.nnz", ".", "-x", ""};
        QTest::newRow("exclusion without pattern") << QStringList{"a", "a.nnz", ".", "--exclude"};
        QTest::newRow("exclusion for t") << QStringList{"t", "a.nnz", "-x", "*.o"};
        QTest::newRow("a level for x") << QStringList{"x", "a.nnz", "-9"};
        QTest::newRow("a level with a value") << QStringList{"a", "a.nnz", ".", "-95"};
        QTest::newRow("empty exclusion for x") << QStringList{"x", "a.nnz", "-x", ""};
        QTest::newRow("empty exclusion for l") << QStringList{"l", "a.nnz", "--exclude="};
        QTest::newRow("missing option value") << QStringList{"a", "a.nnz", ".", "--codec"};
        QTest::newRow("unknown option") << QStringList{"l", "a.nnz", "--bogus"};
        QTest::newRow("option of another command") << QStringList{"x", "a.nnz", "--json"};
        QTest::newRow("l without archive") << QStringList{"l"};
        QTest::newRow("info with --long") << QStringList{"info", "a.nnz", "--long"};
        QTest::newRow("same owner and not") << QStringList{"x", "a.nnz", "--same-owner", "--no-same-owner"};
        QTest::newRow("owners for stdout") << QStringList{"x", "a.nnz", "--numeric-owner", "--stdout"};
        QTest::newRow("owners for a") << QStringList{"a", "a.nnz", ".", "--same-owner"};
        QTest::newRow("attributes and not") << QStringList{"x", "a.nnz", "--xattrs", "--no-xattrs"};
        QTest::newRow("lists and not") << QStringList{"x", "a.nnz", "--no-acls", "--acls"};
        QTest::newRow("attributes for a tar") << QStringList{"x", "a.nnz", "--xattrs", "--to-tar", "o.tar"};
        QTest::newRow("giving lists back for a") << QStringList{"a", "a.nnz", ".", "--acls"};
        QTest::newRow("not recording for x") << QStringList{"x", "a.nnz", "--no-owners"};
        QTest::newRow("a folder for x's -C") << QStringList{"x", "a.nnz", "-C", "dir"};
        QTest::newRow("diff without a folder") << QStringList{"diff", "a.nnz", "-C"};
        QTest::newRow("diff leaving out nothing") << QStringList{"diff", "a.nnz", "-x", ""};
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        QTemporaryDir tmp;
        const Run run = nnzip(args, tmp.path());
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.startsWith("nnzip: error:"), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(tmp.path() + "/a.nnz"));
    }
    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("--help") << QStringList{"--help"} << "Usage";
        QTest::newRow("help") << QStringList{"help"} << "Usage";
        QTest::newRow("-h") << QStringList{"-h"} << "Usage";
        QTest::newRow("a --help") << QStringList{"a", "--help"} << "Usage";
        QTest::newRow("--version") << QStringList{"--version"} << "nnzip " NNZIP_VERSION;
    }
    void help()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Run run = nnzip(args);
        QCOMPARE(run.status, 0);
        QVERIFY(run.out.contains(expected));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
