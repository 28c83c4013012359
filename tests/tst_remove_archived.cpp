// remove_archived_inputs (a/u --remove-files): what the archive holds as it was read goes, what
// changed since stays with a warning, a folder that still holds something stays, and a stored
// content that does not decode to what was read stops it before anything is removed: in an .nnz
// (its own checksums) and in a zip or tar written by `a x.zip` (a tar keeps no checksum: the
// hashes taken as it was written decide).
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "container/archive_writer.hpp"
#include "damage_at_text.hpp"
#include "error.hpp"
#include "interop/archive_export.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/remove_archived.hpp"

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& content)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

// Everything under root, relative, sorted ("t", "t/a.txt", ...).
QStringList tree(const fs::path& root)
{
    QStringList found;
    if (!fs::exists(root / "t")) return found;
    found << "t";
    for (const auto& e : fs::recursive_directory_iterator(root / "t"))
        found << QString::fromStdString(e.path().lexically_relative(root).string());
    found.sort();
    return found;
}

}  // namespace

class TestRemoveArchived : public QObject {
    Q_OBJECT
private slots:
    void removesWhatTheArchiveHolds_data();
    void removesWhatTheArchiveHolds();
};

void TestRemoveArchived::removesWhatTheArchiveHolds_data()
{
    QTest::addColumn<QString>("change");      // what happens between writing the archive and removing
    QTest::addColumn<QStringList>("left");    // what is on disk afterwards
    QTest::addColumn<QString>("warning");     // in the one line of what stayed, or "" for none
    QTest::addColumn<int>("error");           // nnz::ErrorCode thrown, or -1
    QTest::addColumn<QString>("format");      // the archive written: nnz, zip or tar
    const QStringList everything{"t",         "t/a.txt",     "t/keep",         "t/keep/x.o", "t/link",
                                 "t/sub",     "t/sub/b.txt", "t/sub/deep",     "t/sub/deep/c.txt"};
    for (const char* format : {"nnz", "zip", "tar"}) {
        const bool nnz = QString(format) == "nnz";
        QTest::addRow("%s, nothing: all of it goes", format) << "" << QStringList{} << "" << -1 << format;
        QTest::addRow("%s, left out with -x: kept with its folders", format)
            << "exclude" << QStringList{"t", "t/keep", "t/keep/x.o"} << "" << -1 << format;
        QTest::addRow("%s, a file written since: kept", format)
            << "rewrite b" << QStringList{"t", "t/sub", "t/sub/b.txt"} << "t/sub/b.txt: changed since it was archived" << -1
            << format;
        QTest::addRow("%s, cancelled: nothing removed", format)
            << "cancel" << everything << "" << int(nnz::ErrorCode::Cancelled) << format;
        if (!nnz && QString(format) == "zip") continue;  // its contents are deflated: no text to damage
        QTest::addRow("%s, damaged content: nothing removed", format)
            << "damage" << everything << "" << int(nnz::ErrorCode::Data) << format;
        if (!nnz) continue;
        QTest::addRow("%s, a file replaced by a link: kept", format)
            << "replace a" << QStringList{"t", "t/a.txt"} << "t/a.txt: replaced since it was archived" << -1 << format;
        QTest::addRow("%s, a link pointed elsewhere: kept", format)
            << "retarget link" << QStringList{"t", "t/link"} << "t/link: changed since it was archived" << -1 << format;
        QTest::addRow("%s, a file added to a folder: the folder stays", format)
            << "add new" << QStringList{"t", "t/sub", "t/sub/new.txt"} << "" << -1 << format;
    }
}

void TestRemoveArchived::removesWhatTheArchiveHolds()
{
    QFETCH(QString, change);
    QFETCH(QStringList, left);
    QFETCH(QString, warning);
    QFETCH(int, error);
    QFETCH(QString, format);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    write_file(root / "t" / "a.txt", "first file");
    write_file(root / "t" / "sub" / "b.txt", "the second file, found in the archive by this text");
    write_file(root / "t" / "sub" / "deep" / "c.txt", "third");
    write_file(root / "t" / "keep" / "x.o", "object");
    fs::create_symlink("a.txt", root / "t" / "link");

    const fs::path archive = root / ("t." + format.toStdString());
    nnz::CompressOptions options;
    options.codec = "store";
    if (change == "exclude") options.exclude = {"*.o"};
    const std::vector<fs::path> inputs{root / "t"};
    std::vector<nnz::InputItem> items = nnz::gather_inputs(archive, inputs, options);
    nnz::JobControl control;
    if (format == "nnz") nnz::write_archive(archive, items, nnz::write_options_for(options, items), control);
    else nnz::write_standard_archive(archive, *nnz::export_format_for(archive), items, false, false, control);

    if (change == "rewrite b") {
        write_file(root / "t" / "sub" / "b.txt", "THE SECOND FILE, found in the archive by this text");  // same size
        fs::last_write_time(root / "t" / "sub" / "b.txt", fs::last_write_time(root / "t" / "sub" / "b.txt") + std::chrono::seconds(5));
    } else if (change == "replace a") {
        fs::remove(root / "t" / "a.txt");
        fs::create_symlink("sub/b.txt", root / "t" / "a.txt");
    } else if (change == "retarget link") {
        fs::remove(root / "t" / "link");
        fs::create_symlink("sub/b.txt", root / "t" / "link");
    } else if (change == "add new") {
        write_file(root / "t" / "sub" / "new.txt", "added after the archive was made");
    } else if (change == "damage") {
        QVERIFY(damage_at_text(archive, "the second file", 'T'));
    } else if (change == "cancel") {
        control.request_cancel();
    }

    const qsizetype before = tree(root).size();
    std::vector<std::string> kept;
    int thrown = -1;
    try {
        const nnz::RemovalSummary summary = nnz::remove_archived_inputs(archive, items, {}, control);
        kept = summary.kept;
        QCOMPARE(qsizetype(summary.files + summary.folders), before - left.size());
    } catch (const nnz::Error& e) {
        thrown = int(e.code());
    }
    QCOMPARE(thrown, error);
    QCOMPARE(tree(root), left);
    if (warning.isEmpty()) {
        QVERIFY2(kept.empty(), kept.empty() ? "" : kept.front().c_str());
    } else {
        QCOMPARE(kept.size(), size_t(1));
        QVERIFY2(QString::fromStdString(kept.front()).endsWith(warning), kept.front().c_str());
    }
    QVERIFY(fs::exists(archive));
}

QTEST_GUILESS_MAIN(TestRemoveArchived)
#include "tst_remove_archived.moc"
