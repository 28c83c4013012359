// Split archives (`nnzip a -v SIZE`): volumes NAME.001, NAME.002, ... whose concatenation is the
// archive, byte for byte the one written unsplit; read as one by their first volume's name or by
// NAME; a later volume, a missing one, an existing set and every edit handled as the docs say
// (an edit writes a new set of volumes of the same size);
// repair reads them too.
#include <QtTest>

#include <filesystem>
#include <map>
#include <random>

#include "archive_contents.hpp"
#include "container/archive_file.hpp"
#include "container/archive_reader.hpp"
#include "container/archive_repair.hpp"
#include "container/split_temp_file.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/edit_job.hpp"

namespace fs = std::filesystem;
using nnz::ErrorCode;

namespace {

std::string random_text(size_t size, uint32_t seed)
{
    std::mt19937 rng(seed);
    std::string out(size, '\0');
    for (auto& c : out) c = static_cast<char>(rng());
    return out;
}

std::string concatenation(const fs::path& archive)
{
    std::string all;
    for (const auto& volume : nnz::volumes_of(archive)) all += read_file(volume);
    return all;
}

}  // namespace

class TestSplitArchive : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> temp_;
    fs::path dir() const { return temp_->path().toStdString(); }
    const std::map<std::string, std::string> files_{{"t/a.bin", random_text(200'000, 1)},
                                                   {"t/b.txt", std::string(90'000, 'b')},
                                                   {"t/c.md", "small"}};

    fs::path write(const std::string& name, uint64_t volume_size, unsigned recovery = 0, const std::string& password = {},
                   bool overwrite = false)
    {
        // Written once: a second archive of the same files must see the same times.
        for (const auto& [path, content] : files_)
            if (!fs::exists(dir() / path)) write_file(dir() / path, content);
        nnz::CompressOptions options;
        options.codec = "store";
        options.threads = 1;
        options.block_size = 64 << 10;
        options.volume_size = volume_size;
        options.recovery_percent = recovery;
        options.passphrase = nnz::Passphrase(password);
        options.overwrite = overwrite;
        const fs::path archive = dir() / name;
        nnz::JobControl control;
        nnz::compress_paths(archive, std::vector<fs::path>{dir() / "t"}, options, control);
        return archive;
    }

private slots:
    void init()
    {
        temp_ = std::make_unique<QTemporaryDir>();
        QVERIFY(temp_->isValid());
    }

    void volumesAreTheArchiveCut_data()
    {
        QTest::addColumn<qulonglong>("volumeSize");
        QTest::addColumn<int>("recovery");
        QTest::addColumn<QString>("password");
        QTest::newRow("64 KiB volumes") << qulonglong(64 << 10) << 0 << "";
        QTest::newRow("100,000-byte volumes, recovery record") << qulonglong(100'000) << 5 << "";
        QTest::newRow("64 KiB volumes, encrypted") << qulonglong(64 << 10) << 0 << "pw";
        QTest::newRow("one volume (larger than the archive)") << qulonglong(1 << 20) << 0 << "";
    }

    void volumesAreTheArchiveCut()
    {
        QFETCH(qulonglong, volumeSize);
        QFETCH(int, recovery);
        QFETCH(QString, password);
        const nnz::Passphrase passphrase(password.toStdString());
        const fs::path split = write("s.nnz", volumeSize, unsigned(recovery), password.toStdString());
        QVERIFY(!fs::exists(split));
        const auto volumes = nnz::volumes_of(split);
        QVERIFY(!volumes.empty());
        QCOMPARE(volumes.front(), fs::path(split.string() + ".001"));
        for (size_t i = 0; i + 1 < volumes.size(); ++i) QCOMPARE(fs::file_size(volumes[i]), uint64_t(volumeSize));
        QVERIFY(fs::file_size(volumes.back()) <= volumeSize);
        QVERIFY(!fs::exists(nnz::volume_path(split, volumes.size())));
        // Read by NAME and by the first volume's name, as one file.
        for (const fs::path& name : {split, volumes.front()}) {
            QVERIFY(contents_of(name, passphrase) == files_);
            nnz::ArchiveReader reader(name, passphrase);
            QCOMPARE(reader.recovery_percent(), unsigned(recovery));
            QCOMPARE(nnz::ArchiveFile(name).volume_count(), volumes.size());
        }
        QVERIFY(contents_of(split, passphrase) == files_);
        if (password.isEmpty()) {
            // Byte for byte the archive written as one file.
            const fs::path whole = write("w.nnz", 0, unsigned(recovery));
            QVERIFY(concatenation(split) == read_file(whole));
        }
        // No temporary file left.
        for (const auto& e : fs::directory_iterator(dir()))
            QVERIFY2(e.path().filename().string().find(".nnztmp-") == std::string::npos, e.path().c_str());
    }

    void laterOrMissingVolumes()
    {
        const fs::path split = write("s.nnz", 64 << 10);
        QVERIFY(nnz::volumes_of(split).size() >= 4);
        try {
            (void)nnz::ArchiveReader(nnz::volume_path(split, 1));
            QFAIL("opened a later volume");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Usage);
            QVERIFY2(QString(e.what()).contains("is a later volume of a split archive: open ") &&
                         QString(e.what()).contains("s.nnz.001"),
                     e.what());
        }
        // A volume missing in the middle: the set ends before it, so the archive is cut off.
        fs::rename(nnz::volume_path(split, 2), dir() / "elsewhere");
        try {
            (void)nnz::ArchiveReader(split);
            QFAIL("opened without a volume");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Data);
            QVERIFY2(QString(e.what()).contains("s.nnz.003 is missing (a later volume of the split archive is there)"), e.what());
        }
    }

    void existingVolumesAndOverwrite()
    {
        const fs::path first = write("s.nnz", 64 << 10);
        const auto volumes = nnz::volumes_of(first).size();
        const std::string before = concatenation(first);
        // Without overwrite: refused, nothing renamed.
        QVERIFY_THROWS_EXCEPTION(nnz::Error, write("s.nnz", 64 << 10));
        QVERIFY(concatenation(first) == before);
        // Overwritten with fewer, larger volumes: the older set's extra volumes go.
        (void)write("s.nnz", 200'000, 0, {}, true);
        const auto now = nnz::volumes_of(first);
        QVERIFY(now.size() < volumes);
        QVERIFY(!fs::exists(nnz::volume_path(first, now.size())));
        QVERIFY(contents_of(first) == files_);
        QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::SplitTempFile(dir() / "x.nnz", 1000));  // below 64 KiB
    }

    // Every edit writes a new set of volumes of the first one's size under the same name, renamed
    // over the old ones once complete; volumes left over from a longer set go. A set of one
    // volume stays one volume by its name (NAME.001), edited by either name.
    void editsKeepTheVolumes_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<qulonglong>("volumeSize");
        QTest::addColumn<bool>("byFirstVolume");  // the edit names NAME.001 rather than NAME
        for (const char* edit : {"add", "delete", "delete most", "rename", "password", "recovery record"})
            QTest::newRow(edit) << edit << qulonglong(64 << 10) << false;
        QTest::newRow("rename, by the first volume") << "rename" << qulonglong(64 << 10) << true;
        QTest::newRow("add, one volume") << "add" << qulonglong(4 << 20) << false;
        QTest::newRow("delete, one volume, by the first volume") << "delete" << qulonglong(4 << 20) << true;
    }

    void editsKeepTheVolumes()
    {
        QFETCH(QString, edit);
        QFETCH(qulonglong, volumeSize);
        QFETCH(bool, byFirstVolume);
        const fs::path split = write("s.nnz", volumeSize);
        const size_t volumesBefore = nnz::volumes_of(split).size();
        const fs::path named = byFirstVolume ? nnz::volume_path(split, 0) : split;
        write_file(dir() / "new.bin", random_text(150'000, 7));
        nnz::JobControl control;
        nnz::CompressOptions options;
        options.codec = "store";
        options.block_size = 64 << 10;
        auto expected = files_;
        nnz::Passphrase passphrase;
        if (edit == "add") {
            nnz::add_paths(named, std::vector<fs::path>{dir() / "new.bin"}, options, control);
            expected["new.bin"] = read_file(dir() / "new.bin");
        }
        if (edit == "delete") {
            nnz::delete_entries(named, std::vector<std::string>{"t/c.md"}, options, control);
            expected.erase("t/c.md");
        }
        if (edit == "delete most") {
            nnz::delete_entries(named, std::vector<std::string>{"t/a.bin"}, options, control);
            expected.erase("t/a.bin");
        }
        if (edit == "rename") {
            nnz::rename_entry(named, "t/c.md", "t/d.md", control);
            expected["t/d.md"] = expected["t/c.md"];
            expected.erase("t/c.md");
        }
        if (edit == "password") {
            passphrase = nnz::Passphrase("pw");
            nnz::change_password(named, {}, passphrase, control);
        }
        if (edit == "recovery record") nnz::set_recovery_record(named, 5, control);
        QVERIFY(!fs::exists(split));  // no one-file archive beside the volumes
        const auto volumes = nnz::volumes_of(split);
        for (size_t i = 0; i + 1 < volumes.size(); ++i) QCOMPARE(fs::file_size(volumes[i]), uint64_t(volumeSize));
        QVERIFY(fs::file_size(volumes.back()) <= volumeSize);
        QVERIFY(!fs::exists(nnz::volume_path(split, volumes.size())));
        if (volumeSize > (1 << 20)) QCOMPARE(volumes.size(), size_t(1));
        if (edit == "add" && volumeSize < (1 << 20)) QVERIFY(volumes.size() > volumesBefore);
        if (edit == "delete most") QVERIFY(volumes.size() < volumesBefore);
        QVERIFY(contents_of(split, passphrase) == expected);
        QCOMPARE(nnz::ArchiveReader(split, passphrase).recovery_percent(), edit == "recovery record" ? 5u : 0u);
        for (const auto& e : fs::directory_iterator(dir()))
            QVERIFY2(e.path().filename().string().find(".nnztmp-") == std::string::npos, e.path().c_str());
    }

    // A later volume is not an archive to change: the error names the first.
    void editOfALaterVolumeIsRefused()
    {
        const fs::path split = write("s.nnz", 64 << 10);
        const std::string before = concatenation(split);
        nnz::JobControl control;
        try {
            nnz::rename_entry(nnz::volume_path(split, 1), "t/c.md", "t/d.md", control);
            QFAIL("a later volume was edited");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), ErrorCode::Usage);
            QVERIFY2(QString(e.what()).contains("is a later volume of a split archive: open"), e.what());
        }
        QVERIFY(concatenation(split) == before);
    }

    void repairReadsTheVolumes()
    {
        // Damage in the second volume of an archive with a recovery record: restored, as one file.
        const fs::path split = write("s.nnz", 64 << 10, 10);
        const std::string whole = concatenation(split);
        const fs::path second = nnz::volume_path(split, 1);
        std::string bytes = read_file(second);
        for (size_t i = 100; i < 3000; ++i) bytes[i] = char(bytes[i] ^ 0x5A);
        write_file(second, bytes);
        QVERIFY_THROWS_EXCEPTION(nnz::Error, contents_of(split));
        nnz::JobControl control;
        const auto report = nnz::repair_archive(nnz::volume_path(split, 0), dir() / "fixed.nnz", false, control);
        QVERIFY(report.restored);
        QVERIFY(read_file(dir() / "fixed.nnz") == whole);
    }

    // A volume missing in the middle: with a recovery record at least its share, repair rebuilds
    // it; without one, the blocks after it are still kept.
    void missingVolume_data()
    {
        QTest::addColumn<int>("recovery");
        QTest::newRow("recovery record of 40%") << 40;
        QTest::newRow("no recovery record") << 0;
    }

    void missingVolume()
    {
        QFETCH(int, recovery);
        const fs::path split = write("s.nnz", 64 << 10, unsigned(recovery));
        const std::string whole = concatenation(split);
        QVERIFY(nnz::volumes_of(split).size() >= 5);
        // The fourth: bytes 192 to 256 KiB, inside a.bin (text first: b.txt and c.md fill the
        // first 90 KB, a.bin the 200 KB after them).
        fs::rename(nnz::volume_path(split, 3), dir() / "lost");
        nnz::JobControl control;
        const auto report = nnz::repair_archive(split, dir() / "fixed.nnz", false, control);
        QCOMPARE(report.missing_volumes, std::vector<std::string>{"s.nnz.004"});
        if (recovery > 0) {
            QVERIFY(report.restored);
            QVERIFY(read_file(dir() / "fixed.nnz") == whole);
            return;
        }
        QVERIFY(!report.restored);
        const auto contents = contents_of(dir() / "fixed.nnz");
        QVERIFY(contents.contains("t/b.txt") && contents.at("t/b.txt") == files_.at("t/b.txt"));
        QVERIFY(contents.contains("t/c.md") && contents.at("t/c.md") == files_.at("t/c.md"));
        QVERIFY(!contents.contains("t/a.bin"));
        QCOMPARE(report.entries_lost, std::vector<std::string>{"t/a.bin"});  // named from the index in the last volume
    }
};

QTEST_GUILESS_MAIN(TestSplitArchive)
#include "tst_split_archive.moc"
