// Archives must not depend on the CPU kernels, the BLAS code path or the thread count: forcing
// another ATen kernel family or OpenBLAS core type changes float results on this very machine
// (DESIGN.md section 2), so here they must change nothing at all.
#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

namespace {

struct Run {
    int exit_code;
    QByteArray output;
};

Run run_cli(const QStringList& args, const QStringList& env_overrides)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& kv : env_overrides) env.insert(kv.section('=', 0, 0), kv.section('=', 1));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(NNZ_CLI_PATH), args);
    if (!process.waitForFinished(600000)) return {-1, "timeout"};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAll()};
}

QByteArray read_all(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

}  // namespace

class TestPortability : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString input_;
    QString reference_archive_;

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        input_ = dir_.filePath("in");
        QVERIFY(QDir().mkpath(input_));
        QFile source(QStringLiteral(NNZ_CORPUS_DIR "/enwik_1MB"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QFile text(input_ + "/text.xml");
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(source.read(12000));
        text.close();
        QFile bin(input_ + "/table.bin");
        QVERIFY(bin.open(QIODevice::WriteOnly));
        for (int i = 0; i < 4000; ++i) bin.putChar(char((i * i) >> 3));
        bin.close();
        reference_archive_ = dir_.filePath("reference.nnz");
        // The max preset's byte-predicting LSTM with 8 lanes (7 for this 16 KB block): more than
        // the scalar backend takes, so LibTorch, its kernels and its BLAS compute the LSTM here.
        const Run r = run_cli({"a", reference_archive_, input_, "--preset", "max", "--lanes", "8", "--threads", "1"},
                              {"OMP_NUM_THREADS=1"});
        QVERIFY2(r.exit_code == 0, r.output.constData());
    }

    void sameArchiveAndBytesUnderOtherKernels_data()
    {
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("threads");
        QTest::newRow("2 threads") << QStringList{"OMP_NUM_THREADS=2"} << "2";
        QTest::newRow("ATen default kernels") << QStringList{"ATEN_CPU_CAPABILITY=default"} << "1";
        QTest::newRow("ATen avx2 kernels") << QStringList{"ATEN_CPU_CAPABILITY=avx2"} << "1";
        QTest::newRow("OpenBLAS Sandybridge") << QStringList{"OPENBLAS_CORETYPE=Sandybridge"} << "1";
        QTest::newRow("OpenBLAS Nehalem, ATen default, 2 threads")
            << QStringList{"OPENBLAS_CORETYPE=Nehalem", "ATEN_CPU_CAPABILITY=default", "OMP_NUM_THREADS=2"} << "2";
    }
    void sameArchiveAndBytesUnderOtherKernels()
    {
        QFETCH(QStringList, env);
        QFETCH(QString, threads);
        const QString tag = QString::fromUtf8(QTest::currentDataTag()).replace(' ', '_').replace(',', '_');
        // Decoding the reference archive under the other kernels reproduces the input exactly.
        const QString out = dir_.filePath("out-" + tag);
        Run r = run_cli({"x", reference_archive_, "-o", out}, env);
        QVERIFY2(r.exit_code == 0, r.output.constData());
        for (const char* name : {"text.xml", "table.bin"})
            QVERIFY2(read_all(out + "/in/" + name) == read_all(input_ + "/" + name), name);
        // Encoding under them writes the very same archive, byte for byte.
        const QString again = dir_.filePath("again-" + tag + ".nnz");
        r = run_cli({"a", again, input_, "--preset", "max", "--lanes", "8", "--threads", threads}, env);
        QVERIFY2(r.exit_code == 0, r.output.constData());
        QCOMPARE(read_all(again), read_all(reference_archive_));
    }
};

QTEST_GUILESS_MAIN(TestPortability)
#include "tst_portability.moc"
