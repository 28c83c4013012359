// Fault tolerance of the `nnzip` CLI as a child process (docs/RELIABILITY.md):
// - SIGKILL in the middle of `a` or `x` leaves no partial archive and no half-written file under
//   its final name; what may remain is named recognisably (".NAME.nnztmp-...").
// - A full disk (a small tmpfs in a private mount namespace when this runs as root, and always a
//   file size limit, RLIMIT_FSIZE) gives a clear error and removes the temporary file.
// - Unreadable input files stop `a` with exit 3 naming the file, or are left out with a warning
//   under --skip-unreadable; never dropped silently. As root, the child loses CAP_DAC_OVERRIDE and
//   CAP_DAC_READ_SEARCH (from its bounding set, before exec) so that permissions apply to it.
#include <QtTest>

#include <linux/capability.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace {

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

void writeFile(const fs::path& path, const std::string& bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
}

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::string textBytes(size_t n)
{
    const std::string corpus = readFile(fs::path(NNZ_CORPUS_DIR) / "cantrbry" / "alice29.txt");
    return corpus.substr(0, n);
}

std::string randomBytes(size_t n, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(rng());
    return s;
}

std::vector<std::string> namesIn(const fs::path& folder)
{
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(folder)) names.push_back(e.path().lexically_relative(folder).string());
    std::sort(names.begin(), names.end());
    return names;
}

bool isOurTemp(const std::string& name) { return name.find(".nnztmp-") != std::string::npos; }

struct Run {
    int status = -1;
    QString err;
    QString out;
};

Run runCli(const QStringList& args, const std::function<void()>& inChild = {})
{
    QProcess cli;
    if (inChild) cli.setChildProcessModifier(inChild);
    cli.start(QStringLiteral(NNZ_CLI_PATH), args);
    Run run;
    if (!cli.waitForFinished(300'000) || cli.exitStatus() != QProcess::NormalExit) return run;
    run.status = cli.exitCode();
    run.err = QString::fromUtf8(cli.readAllStandardError());
    run.out = QString::fromUtf8(cli.readAllStandardOutput());
    return run;
}

// Starts the CLI, waits until `ready` holds (polled every 5 ms), then kills it with SIGKILL.
// Returns false when the job ended before it could be killed.
bool killWhen(const QStringList& args, const std::function<bool()>& ready)
{
    QProcess cli;
    cli.start(QStringLiteral(NNZ_CLI_PATH), args);
    if (!cli.waitForStarted()) return false;
    QElapsedTimer clock;
    clock.start();
    while (!ready()) {
        if (cli.state() == QProcess::NotRunning || clock.elapsed() > 120'000) return false;
        QThread::msleep(5);
    }
    ::kill(static_cast<pid_t>(cli.processId()), SIGKILL);
    cli.waitForFinished();
    return cli.exitStatus() == QProcess::CrashExit;
}

// The file whose name contains `part`, or nothing.
std::optional<fs::path> findFile(const fs::path& folder, const std::string& part)
{
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->path().filename().string().find(part) != std::string::npos) return it->path();
    return std::nullopt;
}

// For the child, between fork and exec: no CAP_DAC_* after exec, so file permissions apply even
// to root. Only async-signal-safe calls here.
void dropFileCapabilities()
{
    ::prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0);
    ::prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0);
}

// Writes beyond 64 KiB fail with EFBIG instead of raising SIGXFSZ.
void limitFileSize()
{
    ::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{64 << 10, 64 << 10};
    ::setrlimit(RLIMIT_FSIZE, &limit);
}

}  // namespace

class TestFaults : public QObject {
    Q_OBJECT
private slots:
    void killDuringCreate()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        writeFile(root / "in" / "text.txt", textBytes(16 << 10));
        const fs::path out = root / "out";
        fs::create_directories(out);
        // Neural, four blocks one after the other: killed once the first block is on disk.
        const bool killed = killWhen({"a", q(out / "a.nnz"), q(root / "in"), "--preset", "fast", "--threads", "1",
                                      "--block-size", "4K"},
                                     [&] {
                                         const auto temp = findFile(out, ".nnztmp-");
                                         std::error_code ec;
                                         return temp && fs::file_size(*temp, ec) > 1000;
                                     });
        QVERIFY2(killed, "the job ended before it could be killed");
        const auto left = namesIn(out);
        QVERIFY(!fs::exists(out / "a.nnz"));
        QCOMPARE(left.size(), size_t(1));
        QVERIFY2(left[0].starts_with(".a.nnz.nnztmp-"), left[0].c_str());
    }

    void killDuringExtract()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const std::string text = textBytes(16 << 10);
        writeFile(root / "in" / "first.txt", "complete before the kill\n");
        writeFile(root / "in" / "text.txt", text);
        QCOMPARE(runCli({"a", q(root / "a.nnz"), q(root / "in"), "--preset", "fast", "--threads", "1", "--block-size",
                         "4K"})
                     .status,
                 0);
        const fs::path dest = root / "dest";
        // Killed while text.txt, spread over four blocks, is being written.
        const bool killed = killWhen({"x", q(root / "a.nnz"), "-o", q(dest)}, [&] {
            const auto temp = findFile(dest, "text.txt.nnztmp-");
            std::error_code ec;
            return temp && fs::file_size(*temp, ec) > 0;
        });
        QVERIFY2(killed, "the job ended before it could be killed");
        QVERIFY(!fs::exists(dest / "in" / "text.txt"));
        for (const auto& name : namesIn(dest)) {
            const fs::path path = dest / name;
            if (!fs::is_regular_file(path)) continue;
            // Anything under a final name is complete; everything else is recognisably temporary.
            if (isOurTemp(name)) continue;
            QCOMPARE(QString::fromStdString(name), QString("in/first.txt"));
            QCOMPARE(readFile(path), std::string("complete before the kill\n"));
        }
        QVERIFY(findFile(dest, "text.txt.nnztmp-").has_value());

        // A second extraction completes and the leftover does not get in its way.
        QCOMPARE(runCli({"x", q(root / "a.nnz"), "-o", q(dest), "-f"}).status, 0);
        QCOMPARE(readFile(dest / "in" / "text.txt"), text);
    }

    void diskFull_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<bool>("create");
        QTest::newRow("file size limit, create") << "rlimit" << true;
        QTest::newRow("file size limit, extract") << "rlimit" << false;
        QTest::newRow("full tmpfs, create") << "tmpfs" << true;
        QTest::newRow("full tmpfs, extract") << "tmpfs" << false;
    }
    void diskFull()
    {
        QFETCH(QString, how);
        QFETCH(bool, create);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        writeFile(root / "in" / "small.txt", "small\n");
        writeFile(root / "in" / "big.bin", randomBytes(1 << 20, 5));
        const fs::path archive = root / "a.nnz";
        if (!create) QCOMPARE(runCli({"a", q(archive), q(root / "in"), "--codec", "store"}).status, 0);
        const fs::path target = root / "target";  // where the archive or the extracted files go
        fs::create_directories(target);
        const QStringList job = create ? QStringList{"a", q(target / "a.nnz"), q(root / "in"), "--codec", "store"}
                                       : QStringList{"x", q(archive), "-o", q(target)};
        Run run;
        std::vector<std::string> left;
        if (how == "rlimit") {
            run = runCli(job, limitFileSize);
            left = namesIn(target);
        } else {
            // A 256 KiB tmpfs over `target`, in a mount namespace of the child's own, so nothing
            // stays mounted whatever happens; the child lists what is left before the mount goes.
            if (::geteuid() != 0 || QStandardPaths::findExecutable("unshare").isEmpty())
                QSKIP("a private tmpfs needs root and unshare(1)");
            QProcess sh;
            sh.start("unshare", QStringList{"--mount", "--propagation", "private", "sh", "-c",
                                            "mount -t tmpfs -o size=256k nnzip-test \"$0\" || exit 99; "
                                            "\"$@\"; rc=$?; echo; echo LEFT; find \"$0\" -mindepth 1 -printf '%P\\n'; exit $rc",
                                            q(target), QStringLiteral(NNZ_CLI_PATH)} + job);
            QVERIFY(sh.waitForFinished(120'000));
            if (sh.exitCode() == 99) QSKIP("cannot mount a tmpfs here");
            run.status = sh.exitCode();
            run.err = QString::fromUtf8(sh.readAllStandardError());
            const QString out = QString::fromUtf8(sh.readAllStandardOutput());
            for (const QString& name : out.section("LEFT\n", 1).split('\n', Qt::SkipEmptyParts)) left.push_back(name.toStdString());
        }
        QVERIFY2(run.status == 3, qPrintable(QString::number(run.status) + ": " + run.err));
        QVERIFY2(run.err.startsWith("nnzip: error: cannot ") &&
                     (run.err.contains("File too large") || run.err.contains("No space left on device")),
                 qPrintable(run.err));
        for (const auto& name : left) QVERIFY2(!isOurTemp(name), name.c_str());
        if (create) {
            QVERIFY(left.empty());
        } else {
            // Files that fit were completed and verified; the one that did not is nowhere.
            for (const auto& name : left) QVERIFY2(name.find("big.bin") == std::string::npos, name.c_str());
            if (how == "rlimit" && fs::exists(target / "in" / "small.txt"))
                QCOMPARE(readFile(target / "in" / "small.txt"), std::string("small\n"));
        }
    }

    void unreadableInput_data()
    {
        QTest::addColumn<bool>("skip");
        QTest::newRow("default: stop") << false;
        QTest::newRow("--skip-unreadable") << true;
    }
    void unreadableInput()
    {
        QFETCH(bool, skip);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        writeFile(root / "in" / "a.txt", "readable\n");
        writeFile(root / "in" / "secret.txt", "nobody may read this\n");
        writeFile(root / "in" / "z.txt", "readable too\n");
        ::chmod((root / "in" / "secret.txt").c_str(), 0);
        std::function<void()> inChild;
        if (::geteuid() == 0) {
            // Check that dropping the capabilities works here before relying on it.
            QProcess cat;
            cat.setChildProcessModifier(dropFileCapabilities);
            cat.start("cat", {q(root / "in" / "secret.txt")});
            QVERIFY(cat.waitForFinished());
            if (cat.exitCode() == 0) QSKIP("running as root and cannot drop CAP_DAC_OVERRIDE here");
            inChild = dropFileCapabilities;
        }
        QStringList args{"a", q(root / "a.nnz"), q(root / "in"), "--codec", "store"};
        if (skip) args << "--skip-unreadable";
        const Run run = runCli(args, inChild);
        if (!skip) {
            QVERIFY2(run.status == 3, qPrintable(run.err));
            QVERIFY2(run.err.contains("cannot read") && run.err.contains("secret.txt") && run.err.contains("Permission denied"),
                     qPrintable(run.err));
            QVERIFY(!fs::exists(root / "a.nnz"));
            QVERIFY(!findFile(root, ".nnztmp-"));
        } else {
            QVERIFY2(run.status == 0, qPrintable(run.err));
            QVERIFY2(run.err.contains("warning: skipped") && run.err.contains("secret.txt"), qPrintable(run.err));
            const Run list = runCli({"l", q(root / "a.nnz")});
            QCOMPARE(list.status, 0);
            QVERIFY(list.out.contains("a.txt") && list.out.contains("z.txt"));
            QVERIFY(!list.out.contains("secret.txt"));
        }
        ::chmod((root / "in" / "secret.txt").c_str(), 0644);
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
