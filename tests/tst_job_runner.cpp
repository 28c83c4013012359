// JobRunner and ProgressPanel: jobs run on a worker thread one after another, progress is polled,
// the GUI thread's event loop keeps running, pause and cancel work, failures carry the core error.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "bpb_chart.hpp"
#include "error.hpp"
#include "job_runner.hpp"
#include "container/archive_reader.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/extract_job.hpp"
#include "progress_panel.hpp"

namespace fs = std::filesystem;
using nnz::ui::Job;
using nnz::ui::JobRunner;
using nnz::ui::ProgressPanel;

namespace {

// Files with the same size and seed have the same content (which an archive stores once).
void writeFile(const fs::path& path, size_t size, size_t seed = 0)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    std::string bytes(size, '\0');
    for (size_t i = 0; i < size; ++i) bytes[i] = char('a' + (i * 7 + i / 13 + seed) % 26);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

// A job that advances in steps with checkpoints, so pause/cancel/ticking can be observed.
Job::Work steppedWork(int steps, std::chrono::milliseconds stepTime, uint64_t bytesPerStep = 1000)
{
    return [=](nnz::JobControl& control) {
        control.total_input = uint64_t(steps) * bytesPerStep;
        for (int i = 0; i < steps; ++i) {
            control.checkpoint();
            std::this_thread::sleep_for(stepTime);
            control.done_input += bytesPerStep;
            control.done_output_bits += bytesPerStep * 3;  // 3 bits per byte
        }
    };
}

bool waitFinished(Job* job, int timeoutMs = 20000)
{
    QElapsedTimer clock;
    clock.start();
    while (!job->finished() && clock.elapsed() < timeoutMs) QTest::qWait(10);
    return job->finished();
}

}  // namespace

class TestJobRunner : public QObject {
    Q_OBJECT
private slots:
    void compressJobReportsMonotoneProgressAndFinalBpb();
    void eventLoopKeepsRunningDuringJob();
    void jobsRunOneAfterAnother();
    void failureCarriesTheCoreError_data();
    void failureCarriesTheCoreError();
    void cancelLeavesNoArchive();
    void cancelQueuedJobNeverRuns();
    void pauseStopsProgressUntilResumed();
    void panelShowsLiveBpbAndChart();
    void extractAndTestPanelsShowPackedBpb_data();
    void extractAndTestPanelsShowPackedBpb();
    void panelSaysWhenOldBlocksAreDecoded();
};

void TestJobRunner::compressJobReportsMonotoneProgressAndFinalBpb()
{
    QTemporaryDir temp;
    const fs::path root = fs::path(temp.path().toStdString());
    for (int i = 0; i < 8; ++i) writeFile(root / "in" / QStringLiteral("f%1").arg(i).toStdString(), 400000, size_t(i));
    const fs::path archive = root / "out.nnz";

    JobRunner runner;
    nnz::CompressOptions options;
    options.codec = "store";
    options.block_size = 256 * 1024;  // many blocks: many progress steps
    const std::vector<fs::path> inputs{root / "in"};
    Job* job = runner.enqueue(Job::Kind::Create, QStringLiteral("compress"), [=](nnz::JobControl& control) {
        nnz::compress_paths(archive, inputs, options, control);
    });
    ProgressPanel panel(job);
    QSignalSpy finished(&runner, &JobRunner::jobFinished);

    std::vector<uint64_t> seen;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] { seen.push_back(job->control().done_input.load()); });
    sampler.start(1);
    QVERIFY(waitFinished(job));
    sampler.stop();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job->state(), Job::State::Succeeded);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QCOMPARE(job->control().done_input.load(), uint64_t(8 * 400000));
    QCOMPARE(job->control().total_input.load(), uint64_t(8 * 400000));
    QVERIFY(fs::exists(archive));
    // Final state of the panel: 100 %, "Done", overall bpb of stored data.
    QCOMPARE(panel.percent(), 100);
    QCOMPARE(panel.statusText(), QStringLiteral("Done"));
    QVERIFY2(panel.bpbText().startsWith(QStringLiteral("8.000 bpb overall")), qPrintable(panel.bpbText()));
}

void TestJobRunner::eventLoopKeepsRunningDuringJob()
{
    JobRunner runner;
    Job* job = runner.enqueue(Job::Kind::Other, QStringLiteral("slow"), steppedWork(30, std::chrono::milliseconds(20)));
    int ticks = 0;
    int ticksWhileRunning = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        ++ticks;
        if (job->state() == Job::State::Running) ++ticksWhileRunning;
    });
    ticker.start(10);
    QVERIFY(waitFinished(job));
    QCOMPARE(job->state(), Job::State::Succeeded);
    // ~600 ms of work: a blocked GUI thread would get no ticks at all in that time.
    QVERIFY2(ticksWhileRunning >= 15, qPrintable(QString::number(ticksWhileRunning)));
    QVERIFY(job->elapsedSeconds() >= 0.5);
}

void TestJobRunner::jobsRunOneAfterAnother()
{
    JobRunner runner;
    std::mutex mutex;
    std::vector<int> events;  // +n started, -n ended
    auto work = [&](int id) {
        return [&, id](nnz::JobControl&) {
            { std::lock_guard lock(mutex); events.push_back(id); }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            { std::lock_guard lock(mutex); events.push_back(-id); }
        };
    };
    QSignalSpy allDone(&runner, &JobRunner::allFinished);
    Job* first = runner.enqueue(Job::Kind::Other, QStringLiteral("1"), work(1));
    Job* second = runner.enqueue(Job::Kind::Other, QStringLiteral("2"), work(2));
    Job* third = runner.enqueue(Job::Kind::Other, QStringLiteral("3"), work(3));
    QVERIFY(runner.busy());
    QVERIFY(waitFinished(third));
    QVERIFY(first->finished() && second->finished());
    QTRY_COMPARE(allDone.count(), 1);
    QCOMPARE(events, (std::vector<int>{1, -1, 2, -2, 3, -3}));
    QVERIFY(!runner.busy());
}

void TestJobRunner::failureCarriesTheCoreError_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("codec");
    QTest::addColumn<int>("code");
    QTest::newRow("missing input") << "does-not-exist" << "store" << int(nnz::ErrorCode::Io);
    QTest::newRow("unknown codec") << "in" << "lzma" << int(nnz::ErrorCode::Usage);
}

void TestJobRunner::failureCarriesTheCoreError()
{
    QFETCH(QString, input);
    QFETCH(QString, codec);
    QFETCH(int, code);
    QTemporaryDir temp;
    const fs::path root = fs::path(temp.path().toStdString());
    writeFile(root / "in" / "a", 100);
    JobRunner runner;
    nnz::CompressOptions options;
    options.codec = codec.toStdString();
    const std::vector<fs::path> inputs{root / input.toStdString()};
    const fs::path archive = root / "out.nnz";
    Job* job = runner.enqueue(Job::Kind::Create, QStringLiteral("failing"), [=](nnz::JobControl& control) {
        nnz::compress_paths(archive, inputs, options, control);
    });
    ProgressPanel panel(job);
    QVERIFY(waitFinished(job));
    QCOMPARE(job->state(), Job::State::Failed);
    QCOMPARE(int(job->errorCode()), code);
    QVERIFY(!job->errorMessage().isEmpty());
    QCOMPARE(panel.statusText(), QStringLiteral("Failed"));
    QVERIFY(!fs::exists(archive));
}

void TestJobRunner::cancelLeavesNoArchive()
{
    QTemporaryDir temp;
    const fs::path root = fs::path(temp.path().toStdString());
    for (int i = 0; i < 4; ++i) writeFile(root / "in" / QStringLiteral("f%1").arg(i).toStdString(), 200000, size_t(i));
    const fs::path archive = root / "out.nnz";
    JobRunner runner;
    nnz::CompressOptions options;
    options.codec = "store";
    options.block_size = 64 * 1024;
    const std::vector<fs::path> inputs{root / "in"};
    Job* job = runner.enqueue(Job::Kind::Create, QStringLiteral("cancelled"), [=](nnz::JobControl& control) {
        nnz::compress_paths(archive, inputs, options, control);
    });
    ProgressPanel panel(job);
    // Paused before it starts: the worker blocks at its first checkpoint, so the cancel lands
    // in the middle of the job however fast the machine is.
    job->setPaused(true);
    QTRY_COMPARE(job->state(), Job::State::Running);
    QTest::qWait(100);
    QVERIFY(!job->finished());
    job->cancel();
    QVERIFY(waitFinished(job));
    QCOMPARE(job->state(), Job::State::Cancelled);
    QCOMPARE(panel.statusText(), QStringLiteral("Cancelled"));
    QVERIFY(!fs::exists(archive));
    for (const auto& entry : fs::directory_iterator(root))
        QVERIFY2(entry.path().filename() == "in", entry.path().c_str());  // no temporary file left
}

void TestJobRunner::cancelQueuedJobNeverRuns()
{
    JobRunner runner;
    std::atomic<bool> secondRan{false};
    Job* first = runner.enqueue(Job::Kind::Other, QStringLiteral("1"), steppedWork(10, std::chrono::milliseconds(10)));
    Job* second = runner.enqueue(Job::Kind::Other, QStringLiteral("2"), [&](nnz::JobControl&) { secondRan = true; });
    second->cancel();
    QCOMPARE(second->state(), Job::State::Cancelled);
    QVERIFY(waitFinished(first));
    QTRY_VERIFY(!runner.busy());
    QCOMPARE(first->state(), Job::State::Succeeded);
    QVERIFY(!secondRan);
}

void TestJobRunner::pauseStopsProgressUntilResumed()
{
    JobRunner runner;
    Job* job = runner.enqueue(Job::Kind::Other, QStringLiteral("pausable"), steppedWork(40, std::chrono::milliseconds(10)));
    QTRY_VERIFY(job->control().done_input.load() > 0);
    QSignalSpy pausedSpy(job, &Job::pausedChanged);
    job->setPaused(true);
    QVERIFY(job->paused());
    QTest::qWait(60);  // let the step in flight finish
    const uint64_t atPause = job->control().done_input.load();
    QTest::qWait(200);
    QCOMPARE(job->control().done_input.load(), atPause);
    QVERIFY(!job->finished());
    job->setPaused(false);
    QCOMPARE(pausedSpy.count(), 2);
    QVERIFY(waitFinished(job));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QCOMPARE(job->control().done_input.load(), uint64_t(40 * 1000));
}

void TestJobRunner::panelShowsLiveBpbAndChart()
{
    JobRunner runner;
    Job* job = runner.enqueue(Job::Kind::Create, QStringLiteral("bpb"), steppedWork(40, std::chrono::milliseconds(15)));
    ProgressPanel panel(job);
    QVERIFY(waitFinished(job));
    // Polled every 200 ms over ~600 ms, plus the final poll: several chart points, all 3 bpb.
    QVERIFY2(panel.chart()->pointCount() >= 2, qPrintable(QString::number(panel.chart()->pointCount())));
    for (const QPointF& p : panel.chart()->points()) QCOMPARE(p.y(), 3.0);
    QVERIFY2(panel.bpbText().startsWith(QStringLiteral("3.000 bpb overall")), qPrintable(panel.bpbText()));
    QCOMPARE(panel.percent(), 100);
    // A new phase (fewer bytes done than before) restarts the chart.
    panel.chart()->addSample(10, 20, 100);
    QCOMPARE(panel.chart()->pointCount(), 1);
}

void TestJobRunner::extractAndTestPanelsShowPackedBpb_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("extract") << int(Job::Kind::Extract);
    QTest::newRow("test") << int(Job::Kind::Test);
}

void TestJobRunner::extractAndTestPanelsShowPackedBpb()
{
    // A small neural archive (made once: the neural codec is slow): decoding shows the bits per
    // byte that were stored for what it decodes, block by block.
    QFETCH(int, kind);
    static QTemporaryDir temp;
    const fs::path root = fs::path(temp.path().toStdString());
    const fs::path archive = root / "n.nnz";
    if (!fs::exists(archive)) {
        writeFile(root / "in" / "a.txt", 400);
        writeFile(root / "in" / "b.txt", 300);
        nnz::CompressOptions options;
        options.preset = "fast";
        nnz::JobControl control;
        const std::vector<fs::path> inputs{root / "in"};
        nnz::compress_paths(archive, inputs, options, control);
    }
    nnz::ArchiveReader reader(archive);
    double packed = 0, raw = 0;
    for (const auto& b : reader.blocks()) {
        packed += double(b.packed_size);
        raw += double(b.raw_size);
    }
    const double bpb = 8 * packed / raw;
    QVERIFY(bpb < 8);

    JobRunner runner;
    const fs::path dest = root / QTest::currentDataTag();
    Job* job = runner.enqueue(Job::Kind(kind), QStringLiteral("decode"), [=](nnz::JobControl& c) {
        if (Job::Kind(kind) == Job::Kind::Extract) nnz::extract_archive(archive, dest, {}, false, c);
        else nnz::test_archive(archive, c);
    });
    ProgressPanel panel(job);
    QVERIFY(waitFinished(job));
    QCOMPARE(job->state(), Job::State::Succeeded);
    QVERIFY(!panel.chart()->isHidden());
    QVERIFY(panel.chart()->pointCount() >= 1);
    for (const QPointF& p : panel.chart()->points()) QVERIFY2(p.y() > 0 && p.y() < 8, qPrintable(QString::number(p.y())));
    const QString expected = QString::number(bpb, 'f', 3) + QStringLiteral(" bpb overall");
    QVERIFY2(panel.bpbText().startsWith(expected), qPrintable(panel.bpbText() + " / " + expected));
    QCOMPARE(panel.currentText(), QStringLiteral("in/b.txt"));  // the last entry the decoder reached
}

void TestJobRunner::panelSaysWhenOldBlocksAreDecoded()
{
    // An edit decoding old blocks, or a job verifying what it wrote before it deletes the files,
    // moves no counter; the panel's status says what it is doing.
    std::atomic<int> step{0};
    auto waitFor = [&](int s, nnz::JobControl& control) {
        while (step.load() < s) {
            control.checkpoint();
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    };
    JobRunner runner;
    Job* job = runner.enqueue(Job::Kind::Delete, QStringLiteral("delete"), [&](nnz::JobControl& control) {
        control.set_old_block_decoding({2, 3, 40});
        waitFor(1, control);
        control.set_old_block_decoding({});
        waitFor(2, control);
        control.verifying_percent = 35;  // a --remove-files job checking what it wrote
        waitFor(3, control);
        control.verifying_percent = -1;
        waitFor(4, control);
    });
    ProgressPanel panel(job);
    QTRY_COMPARE(panel.statusText(), QStringLiteral("Decoding old block 2 of 3: 40%"));
    job->setPaused(true);
    panel.poll();
    QCOMPARE(panel.statusText(), QStringLiteral("Paused"));
    job->setPaused(false);
    step = 1;
    QTRY_COMPARE(panel.statusText(), QStringLiteral("Running"));
    step = 2;
    QTRY_COMPARE(panel.statusText(), QStringLiteral("Verifying before deleting the files: 35%"));
    step = 3;
    QTRY_COMPARE(panel.statusText(), QStringLiteral("Running"));
    step = 4;
    QVERIFY(waitFinished(job));
    QCOMPARE(panel.statusText(), QStringLiteral("Done"));
}

QTEST_MAIN(TestJobRunner)
#include "tst_job_runner.moc"
