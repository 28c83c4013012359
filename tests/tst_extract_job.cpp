// extract_archive: a destination folder that the job created is not left behind empty when the
// job fails or is cancelled; one that existed before is never removed.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "container/archive_reader.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/extract_job.hpp"

namespace fs = std::filesystem;

class TestExtractJob : public QObject {
    Q_OBJECT
private slots:
    void failedJobLeavesNoEmptyNewFolder_data();
    void failedJobLeavesNoEmptyNewFolder();
};

void TestExtractJob::failedJobLeavesNoEmptyNewFolder_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<bool>("destExisted");
    QTest::newRow("damaged, new folder") << "damaged" << false;
    QTest::newRow("damaged, existing folder") << "damaged" << true;
    QTest::newRow("cancelled, new folder") << "cancelled" << false;
}

void TestExtractJob::failedJobLeavesNoEmptyNewFolder()
{
    QFETCH(QString, failure);
    QFETCH(bool, destExisted);
    QTemporaryDir temp;
    const fs::path root(temp.path().toStdString());
    std::ofstream(root / "only.txt") << std::string(2000, 'o');
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl making;
    const std::vector<fs::path> inputs{root / "only.txt"};
    const fs::path archive = root / "a.nnz";
    nnz::compress_paths(archive, inputs, options, making);
    if (failure == "damaged") {
        nnz::ArchiveReader reader(archive);
        std::fstream io(archive, std::ios::in | std::ios::out | std::ios::binary);
        io.seekp(std::streamoff(reader.blocks().front().file_offset + reader.blocks().front().packed_size));
        io.put('!');  // in the block's last bytes: the packed checksum fails
    }
    const fs::path dest = root / "deep" / "out";
    if (destExisted) fs::create_directories(dest);
    nnz::JobControl control;
    if (failure == "cancelled") control.request_cancel();
    nnz::ErrorCode code = nnz::ErrorCode::Internal;
    try {
        nnz::extract_archive(archive, dest, {}, false, control);
        QFAIL("no error");
    } catch (const nnz::Error& e) {
        code = e.code();
    }
    QCOMPARE(code, failure == "damaged" ? nnz::ErrorCode::Data : nnz::ErrorCode::Cancelled);
    QCOMPARE(fs::exists(dest), destExisted);
    if (destExisted) QVERIFY(fs::is_empty(dest));
}

QTEST_GUILESS_MAIN(TestExtractJob)
#include "tst_extract_job.moc"
