// extract_archive: a destination folder that the job created is not left behind empty when the
// job fails or is cancelled; one that existed before is never removed.
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include <sys/stat.h>
#include <unistd.h>

#include "container/archive_reader.hpp"
#include "damage_at_text.hpp"
#include "files_by_inode.hpp"
#include "give_away.hpp"
#include "extended_attributes.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/extract_job.hpp"

namespace fs = std::filesystem;

namespace {

// An archive of the inputs with the store codec (instant).
void store(const fs::path& archive, const std::vector<fs::path>& inputs)
{
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::compress_paths(archive, inputs, options, control);
}

}  // namespace

class TestExtractJob : public QObject {
    Q_OBJECT
private slots:
    void testEntriesChecksOnlyTheSelection_data();
    void testEntriesChecksOnlyTheSelection();
    void keepBothNumbersPastWhatIsTaken_data();
    void keepBothNumbersPastWhatIsTaken();
    void failedJobLeavesNoEmptyNewFolder_data();
    void failedJobLeavesNoEmptyNewFolder();
    void skipExistingLeavesThemAsTheyAre_data();
    void skipExistingLeavesThemAsTheyAre();
    void stripComponents_data();
    void stripComponents();
    void damagedBlockLosesOnlyItsFiles_data();
    void damagedBlockLosesOnlyItsFiles();
    void hardLinksComeBack_data();
    void hardLinksComeBack();
    void ownersAsChosen_data();
    void ownersAsChosen();
    void holesStayHoles();
    void attributesAndListsAsChosen_data();
    void attributesAndListsAsChosen();
    void capabilitiesSurviveTheOwner();
    void attributesRefusedAreNamed();
};

void TestExtractJob::stripComponents_data()
{
    QTest::addColumn<int>("strip");
    QTest::addColumn<QStringList>("chosen");    // entry names to extract (empty: all)
    QTest::addColumn<QStringList>("written");   // what out/ then holds: "name/" a folder, "name@" a symlink
    QTest::addColumn<QString>("refusal");       // the error's words, or empty
    // The archive: t/, t/a.txt, t/dup.txt (the content of t/a.txt), t/link -> a.txt, t/sub/,
    // t/sub/c.txt, t/sub/up -> ../a.txt; u/, u/a.txt, u/x.txt.
    QTest::newRow("one folder off") << 1 << QStringList{"t"}
                                    << QStringList{"a.txt", "dup.txt", "link@", "sub/", "sub/c.txt", "sub/up@"} << QString();
    QTest::newRow("from inside the folder") << 1 << QStringList{"t/sub"} << QStringList{"sub/", "sub/c.txt", "sub/up@"} << QString();
    QTest::newRow("a duplicate without its original") << 1 << QStringList{"t/dup.txt"} << QStringList{"dup.txt"} << QString();
    QTest::newRow("two folders off") << 2 << QStringList{"t/sub/c.txt"} << QStringList{"c.txt"} << QString();
    QTest::newRow("folders merge") << 1 << QStringList{"u/x.txt", "t/sub"} << QStringList{"sub/", "sub/c.txt", "sub/up@", "x.txt"}
                                   << QString();
    QTest::newRow("two files would get one name") << 1 << QStringList{} << QStringList{}
                                                  << QString("\"t/a.txt\" and \"u/a.txt\" would both be extracted as \"a.txt\"");
    QTest::newRow("nothing left") << 3 << QStringList{"t"} << QStringList{} << QString("nothing is left to extract");
    QTest::newRow("a link that now leads out") << 2 << QStringList{"t/sub"} << QStringList{} << QString("outside");
}

void TestExtractJob::stripComponents()
{
    QFETCH(int, strip);
    QFETCH(QStringList, chosen);
    QFETCH(QStringList, written);
    QFETCH(QString, refusal);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    fs::create_directories(root / "t" / "sub");
    fs::create_directories(root / "u");
    std::ofstream(root / "t" / "a.txt") << "archived a";
    std::ofstream(root / "t" / "dup.txt") << "archived a";
    std::ofstream(root / "t" / "sub" / "c.txt") << "archived c";
    fs::create_symlink("a.txt", root / "t" / "link");
    fs::create_symlink("../a.txt", root / "t" / "sub" / "up");
    std::ofstream(root / "u" / "a.txt") << "another a";
    std::ofstream(root / "u" / "x.txt") << "archived x";
    const fs::path archive = root / "tu.nnz";
    store(archive, {root / "t", root / "u"});
    nnz::JobControl control;

    const fs::path out = root / "out";
    std::vector<std::string> names;
    for (const QString& name : chosen) names.push_back(name.toStdString());
    try {
        nnz::extract_archive(archive, out, names, nnz::ExistingFiles::Refuse, control, nnz::OutsideLinks::Refuse, {},
                             unsigned(strip));
        QVERIFY2(refusal.isEmpty(), "extracted");
    } catch (const nnz::Error& e) {
        QVERIFY2(!refusal.isEmpty() && QString::fromStdString(e.what()).contains(refusal), e.what());
        QVERIFY(!fs::exists(out));  // refused before anything was written
        return;
    }
    QStringList found;
    for (auto it = fs::recursive_directory_iterator(out); it != fs::recursive_directory_iterator(); ++it) {
        const QString name = QString::fromStdString(it->path().lexically_relative(out).string());
        found << (it->is_symlink() ? name + "@" : it->is_directory() ? name + "/" : name);
    }
    found.sort();
    QCOMPARE(found, written);
    if (written.contains("dup.txt")) {
        std::ifstream in(out / "dup.txt");
        QCOMPARE(std::string(std::istreambuf_iterator<char>(in), {}), std::string("archived a"));
    }
    if (written.contains("link@")) QCOMPARE(fs::read_symlink(out / "link"), fs::path("a.txt"));
}

void TestExtractJob::skipExistingLeavesThemAsTheyAre_data()
{
    QTest::addColumn<QStringList>("existing");  // made under out/ first: "name" a file, "name/" a folder, "name@" a symlink
    QTest::addColumn<QStringList>("chosen");    // entry names to extract (empty: all)
    QTest::addColumn<QStringList>("skipped");
    // The archive: t/, t/a.txt, t/b.txt, t/sub/, t/sub/c.txt, t/link -> a.txt
    QTest::newRow("nothing exists") << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("two files exist") << QStringList{"t/", "t/a.txt", "t/sub/", "t/sub/c.txt"} << QStringList{}
                                     << QStringList{"t/a.txt", "t/sub/c.txt"};
    QTest::newRow("a symlink in a file's place") << QStringList{"t/", "t/b.txt@"} << QStringList{} << QStringList{"t/b.txt"};
    QTest::newRow("a folder in a file's place") << QStringList{"t/", "t/b.txt/"} << QStringList{} << QStringList{"t/b.txt"};
    QTest::newRow("the link exists") << QStringList{"t/", "t/link"} << QStringList{} << QStringList{"t/link"};
    QTest::newRow("everything chosen exists") << QStringList{"t/", "t/a.txt"} << QStringList{"t/a.txt"} << QStringList{"t/a.txt"};
    QTest::newRow("only folders exist") << QStringList{"t/", "t/sub/"} << QStringList{} << QStringList{};
}

void TestExtractJob::skipExistingLeavesThemAsTheyAre()
{
    QFETCH(QStringList, existing);
    QFETCH(QStringList, chosen);
    QFETCH(QStringList, skipped);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    fs::create_directories(root / "t" / "sub");
    std::ofstream(root / "t" / "a.txt") << "archived a";
    std::ofstream(root / "t" / "b.txt") << "archived b";
    std::ofstream(root / "t" / "sub" / "c.txt") << "archived c";
    fs::create_symlink("a.txt", root / "t" / "link");
    const fs::path archive = root / "t.nnz";
    store(archive, {root / "t"});
    nnz::JobControl control;

    const auto make_existing = [&](const fs::path& out) {
        fs::create_directories(out);
        for (const QString& name : existing) {
            const std::string path = name.toStdString();
            if (name.endsWith('/')) fs::create_directories(out / path.substr(0, path.size() - 1));
            else if (name.endsWith('@')) fs::create_symlink("elsewhere", out / path.substr(0, path.size() - 1));
            else std::ofstream(out / path) << "mine";
        }
    };
    const fs::path out = root / "out";
    make_existing(out);
    std::vector<std::string> names;
    for (const QString& name : chosen) names.push_back(name.toStdString());
    const auto summary = nnz::extract_archive(archive, out, names, nnz::ExistingFiles::Skip, control);
    QStringList gotSkipped;
    for (const auto& name : summary.skipped_existing) gotSkipped << QString::fromStdString(name);
    QCOMPARE(gotSkipped, skipped);
    // What existed is as it was; everything else chosen is extracted.
    auto content = [&](const char* name) {
        if (!fs::is_regular_file(fs::symlink_status(out / name))) return std::string("(not a file)");
        std::ifstream in(out / name);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    for (const char* name : {"t/a.txt", "t/b.txt", "t/sub/c.txt"}) {
        const bool wanted = chosen.isEmpty() || chosen.contains(name);
        if (skipped.contains(name)) {
            QCOMPARE(content(name), existing.contains(name) ? std::string("mine") : std::string("(not a file)"));
        } else if (wanted) {
            QCOMPARE(content(name), "archived " + std::string(1, fs::path(name).stem().string()[0]));
        } else {
            QVERIFY(!fs::exists(fs::symlink_status(out / name)));
        }
    }
    if (existing.contains("t/b.txt@")) QCOMPARE(fs::read_symlink(out / "t" / "b.txt"), fs::path("elsewhere"));
    if (existing.contains("t/link")) QVERIFY(fs::is_regular_file(fs::symlink_status(out / "t" / "link")));
    else if (chosen.isEmpty()) QCOMPARE(fs::read_symlink(out / "t" / "link"), fs::path("a.txt"));
    // Ask puts the same names to its question, each with its target, in archive order; kept, they
    // are left out as Skip leaves them; replaced, they are the archive's.
    QStringList asked;
    QStringList otherTargets;
    const fs::path askedOut = root / "asked-out";
    make_existing(askedOut);
    const auto keep = [&](const nnz::EntryInfo& entry, const fs::path& target) {
        asked << QString::fromStdString(entry.path);
        if (target != askedOut / entry.path) otherTargets << QString::fromStdString(target.string());
        return nnz::ExistingChoice::Keep;
    };
    const auto kept = nnz::extract_archive(archive, askedOut, names, nnz::ExistingFiles::Ask, control, nnz::OutsideLinks::Refuse,
                                           {}, 0, nnz::default_restored(), keep);
    QCOMPARE(asked, skipped);
    QCOMPARE(otherTargets, QStringList());
    QCOMPARE(kept.skipped_existing, summary.skipped_existing);
    const fs::path replacedOut = root / "replaced-out";
    make_existing(replacedOut);
    if (!existing.contains("t/b.txt/")) {  // a folder is not replaced by a file, as with Replace
        const auto replaced =
            nnz::extract_archive(archive, replacedOut, names, nnz::ExistingFiles::Ask, control, nnz::OutsideLinks::Refuse, {}, 0,
                                 nnz::default_restored(), [](const nnz::EntryInfo&, const fs::path&) { return nnz::ExistingChoice::Replace; });
        QVERIFY(replaced.skipped_existing.empty());
        for (const char* name : {"t/a.txt", "t/b.txt", "t/sub/c.txt"}) {
            if (!chosen.isEmpty() && !chosen.contains(name)) continue;
            std::ifstream in(replacedOut / name);
            QCOMPARE(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()),
                     "archived " + std::string(1, fs::path(name).stem().string()[0]));
        }
    }
    // Rename writes the same entries under new names beside what exists, which stays as it was.
    const fs::path renamedOut = root / "renamed-out";
    make_existing(renamedOut);
    const auto renamed = nnz::extract_archive(archive, renamedOut, names, nnz::ExistingFiles::Rename, control);
    QStringList renamedFrom;
    for (const auto& [from, to] : renamed.renamed_existing) {
        renamedFrom << QString::fromStdString(from);
        const fs::path written = renamedOut / to;
        const QString name = QString::fromStdString(from);
        QCOMPARE(QString::fromStdString(to), name.endsWith(".txt") ? name.chopped(4) + " (2).txt" : name + " (2)");
        if (from == "t/link") {
            QCOMPARE(fs::read_symlink(written), fs::path("a.txt"));
        } else {
            std::ifstream in(written);
            QCOMPARE(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()),
                     "archived " + std::string(1, fs::path(from).stem().string()[0]));
        }
    }
    QCOMPARE(renamedFrom, skipped);
    QVERIFY(renamed.skipped_existing.empty());
    for (const QString& name : existing) {
        const std::string path = name.toStdString();
        if (name.endsWith('/')) QVERIFY(fs::is_directory(renamedOut / path.substr(0, path.size() - 1)));
        else if (name.endsWith('@')) QCOMPARE(fs::read_symlink(renamedOut / path.substr(0, path.size() - 1)), fs::path("elsewhere"));
        else {
            std::ifstream in(renamedOut / path);
            QCOMPARE(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), std::string("mine"));
        }
    }
    // Without Skip, the same existing files refuse the whole extraction.
    if (!skipped.isEmpty()) {
        try {
            nnz::extract_archive(archive, out, names, nnz::ExistingFiles::Refuse, control);
            QFAIL("accepted");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), nnz::ErrorCode::Exists);
        }
    }
}

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

void TestExtractJob::damagedBlockLosesOnlyItsFiles_data()
{
    QTest::addColumn<int>("block");         // the block damaged
    QTest::addColumn<QStringList>("lost");  // the files that cannot be extracted
    QTest::addColumn<bool>("test");         // test_archive instead of extract_archive
    // Blocks of 4 KiB: a.txt (3000 B) in block 0, long.bin (9000 B) across blocks 1 to 3, b.txt
    // (3000 B) in block 4 and its copy (a duplicate of it, stored once); c.md in block 5.
    QTest::newRow("first block") << 0 << QStringList{"t/a.txt"} << false;
    QTest::newRow("inside a file across blocks") << 2 << QStringList{"t/long.bin"} << false;
    QTest::newRow("a file and its duplicate") << 4 << QStringList{"t/b.txt", "t/b-copy.txt"} << false;
    QTest::newRow("last block") << 5 << QStringList{"t/c.md"} << false;
    QTest::newRow("test reports them all") << 4 << QStringList{"t/b.txt", "t/b-copy.txt"} << true;
}

void TestExtractJob::damagedBlockLosesOnlyItsFiles()
{
    QFETCH(int, block);
    QFETCH(QStringList, lost);
    QFETCH(bool, test);
    QTemporaryDir temp;
    const fs::path root(temp.path().toStdString());
    const std::map<std::string, std::string> files{{"t/a.txt", std::string(3000, 'a')},
                                                   {"t/long.bin", std::string(9000, 'l')},
                                                   {"t/b.txt", std::string(3000, 'b')},
                                                   {"t/b-copy.txt", std::string(3000, 'b')},
                                                   {"t/c.md", std::string(300, 'c')}};
    for (const auto& [name, content] : files) {
        fs::create_directories((root / name).parent_path());
        std::ofstream(root / name) << content;
    }
    nnz::CompressOptions options;
    options.codec = "store";
    options.block_size = 4096;
    options.threads = 1;
    nnz::JobControl making;
    const fs::path archive = root / "a.nnz";
    nnz::WriteOptions write = nnz::write_options_for(options, {});
    write.group_by_type = false;  // the order above, as listed here
    std::vector<nnz::InputItem> items;
    {
        const std::vector<fs::path> inputs{root / "t"};
        items = nnz::gather_inputs(archive, inputs, options);
        // The walk sorts by name: put the files in the order the rows describe.
        const std::vector<std::string> order{"t", "t/a.txt", "t/long.bin", "t/b.txt", "t/b-copy.txt", "t/c.md"};
        std::sort(items.begin(), items.end(), [&](const nnz::InputItem& x, const nnz::InputItem& y) {
            return std::find(order.begin(), order.end(), x.info.path) < std::find(order.begin(), order.end(), y.info.path);
        });
    }
    nnz::write_archive(archive, items, write, making);
    {
        nnz::ArchiveReader reader(archive);
        QCOMPARE(reader.blocks().size(), size_t(6));
        std::map<std::string, uint32_t> first_block;
        for (const auto& e : reader.entries()) first_block[e.path] = e.block;
        QCOMPARE(first_block["t/long.bin"], 1u);
        QCOMPARE(first_block["t/b.txt"], 4u);
        QVERIFY(std::any_of(reader.entries().begin(), reader.entries().end(), [](const nnz::EntryInfo& e) { return e.duplicate; }));
        const auto& damaged = reader.blocks()[size_t(block)];
        std::fstream io(archive, std::ios::in | std::ios::out | std::ios::binary);
        io.seekp(std::streamoff(damaged.file_offset + damaged.packed_size));  // in its packed bytes
        io.put('!');
    }
    const fs::path out = root / "out";
    nnz::JobControl control;
    QString message;
    try {
        if (test) nnz::test_archive(archive, control);
        else nnz::extract_archive(archive, out, {}, false, control);
        QFAIL("the damage went unnoticed");
    } catch (const nnz::Error& e) {
        QCOMPARE(e.code(), nnz::ErrorCode::Data);
        message = QString::fromStdString(e.what());
    }
    QVERIFY2(message.contains(QStringLiteral("%1 %2 lost to damage in the archive")
                                  .arg(lost.size())
                                  .arg(lost.size() == 1 ? "file" : "files")),
             qPrintable(message));
    QVERIFY2(message.contains("The first: \"" + lost.first() + "\""), qPrintable(message));
    if (test) return;
    // Every other file is there and whole; the lost ones are not there at all, nor any temporary file.
    for (const auto& [name, content] : files) {
        const fs::path path = out / name;
        if (lost.contains(QString::fromStdString(name))) {
            QVERIFY2(!fs::exists(path), name.c_str());
            continue;
        }
        std::ifstream in(path, std::ios::binary);
        QVERIFY2(std::string(std::istreambuf_iterator<char>(in), {}) == content, name.c_str());
    }
    for (const auto& e : fs::recursive_directory_iterator(out))
        QVERIFY2(e.path().filename().string().find(".nnztmp-") == std::string::npos, e.path().c_str());
}

void TestExtractJob::hardLinksComeBack_data()
{
    QTest::addColumn<int>("strip");
    QTest::addColumn<QStringList>("chosen");  // entry names to extract (empty: all)
    QTest::addColumn<QStringList>("files");   // every file written, the names of one file on disk together
    // On disk: h/a.txt, h/b.txt and h/sub/e.txt one file; h/c.txt (the same bytes) and h/sub/d.txt
    // another. Archive order: a, b, sub/e (hard links), c (a duplicate), sub/d (a hard link of c).
    QTest::newRow("all") << 0 << QStringList{} << QStringList{"h/a.txt h/b.txt h/sub/e.txt", "h/c.txt h/sub/d.txt"};
    QTest::newRow("one name alone") << 0 << QStringList{"h/b.txt"} << QStringList{"h/b.txt"};
    QTest::newRow("two names of one file") << 0 << QStringList{"h/a.txt", "h/sub/e.txt"} << QStringList{"h/a.txt h/sub/e.txt"};
    QTest::newRow("without the first name") << 0 << QStringList{"h/b.txt", "h/sub/e.txt"} << QStringList{"h/b.txt h/sub/e.txt"};
    QTest::newRow("names of two files") << 0 << QStringList{"h/b.txt", "h/sub/d.txt"} << QStringList{"h/b.txt", "h/sub/d.txt"};
    QTest::newRow("the other file's first name left out") << 0 << QStringList{"h/sub"} << QStringList{"h/sub/d.txt", "h/sub/e.txt"};
    QTest::newRow("stripped") << 1 << QStringList{} << QStringList{"a.txt b.txt sub/e.txt", "c.txt sub/d.txt"};
}

void TestExtractJob::hardLinksComeBack()
{
    QFETCH(int, strip);
    QFETCH(QStringList, chosen);
    QFETCH(QStringList, files);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    fs::create_directories(root / "h" / "sub");
    std::ofstream(root / "h" / "a.txt") << "one content, five names";
    std::ofstream(root / "h" / "c.txt") << "one content, five names";
    fs::create_hard_link(root / "h" / "a.txt", root / "h" / "b.txt");
    fs::create_hard_link(root / "h" / "a.txt", root / "h" / "sub" / "e.txt");
    fs::create_hard_link(root / "h" / "c.txt", root / "h" / "sub" / "d.txt");
    const fs::path archive = root / "h.nnz";
    store(archive, {root / "h"});
    nnz::JobControl control;

    const fs::path out = root / "out";
    std::vector<std::string> names;
    for (const QString& name : chosen) names.push_back(name.toStdString());
    nnz::extract_archive(archive, out, names, nnz::ExistingFiles::Refuse, control, nnz::OutsideLinks::Refuse, {}, unsigned(strip));
    QCOMPARE(filesByInode(out), files);
    for (auto it = fs::recursive_directory_iterator(out); it != fs::recursive_directory_iterator(); ++it) {
        if (!it->is_regular_file()) continue;
        std::ifstream in(it->path());
        QCOMPARE(std::string(std::istreambuf_iterator<char>(in), {}), std::string("one content, five names"));
    }
}

void TestExtractJob::ownersAsChosen_data()
{
    QTest::addColumn<int>("owners");  // nnz::Owners
    QTest::addColumn<QString>("theirs");  // uid:gid of theirs.txt and sub/ after extraction ("me": the extracting user)
    QTest::newRow("recorded") << int(nnz::Owners::Recorded) << "4242:4343";
    QTest::newRow("by number") << int(nnz::Owners::Numeric) << "4242:4343";
    QTest::newRow("the extracting user") << int(nnz::Owners::Extractor) << "me";
}

void TestExtractJob::ownersAsChosen()
{
    QFETCH(int, owners);
    QFETCH(QString, theirs);
    if (!canGiveFilesAway()) QSKIP("giving files to other users takes root (with those ids mapped)");
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    fs::create_directories(root / "o" / "sub");
    std::ofstream(root / "o" / "mine.txt") << "mine";
    std::ofstream(root / "o" / "theirs.txt") << "theirs";
    std::ofstream(root / "o" / "sub" / "in.txt") << "in";
    QCOMPARE(::chown((root / "o" / "theirs.txt").c_str(), 4242, 4343), 0);
    QCOMPARE(::chown((root / "o" / "sub").c_str(), 4242, 4343), 0);
    const fs::path archive = root / "o.nnz";
    store(archive, {root / "o"});
    nnz::JobControl control;
    const nnz::ArchiveReader reader(archive);
    for (const auto& e : reader.entries()) {
        QVERIFY2(e.owner, e.path.c_str());
        const bool given = e.path == "o/theirs.txt" || e.path == "o/sub";
        QCOMPARE(e.owner->uid, given ? 4242u : ::geteuid());
    }

    const fs::path out = root / "out";
    const auto summary = nnz::extract_archive(archive, out, {}, nnz::ExistingFiles::Refuse, control, nnz::OutsideLinks::Refuse, {},
                                              0, nnz::RestoredMetadata{nnz::Owners(owners)});
    QVERIFY(summary.metadata_failures.empty());
    auto ownerOf = [](const fs::path& path) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) != 0) return QString("missing");
        if (st.st_uid == ::geteuid() && st.st_gid == ::getegid()) return QString("me");
        return QString("%1:%2").arg(st.st_uid).arg(st.st_gid);
    };
    QCOMPARE(ownerOf(out / "o" / "theirs.txt"), theirs);
    QCOMPARE(ownerOf(out / "o" / "sub"), theirs);
    QCOMPARE(ownerOf(out / "o" / "mine.txt"), QString("me"));
    QCOMPARE(ownerOf(out / "o" / "sub" / "in.txt"), QString("me"));
}

void TestExtractJob::attributesAndListsAsChosen_data()
{
    QTest::addColumn<bool>("recordAttributes");  // a: not --no-xattrs
    QTest::addColumn<bool>("recordLists");       // a: not --no-acls
    QTest::addColumn<bool>("restoreAttributes");  // x: --xattrs
    QTest::addColumn<bool>("restoreLists");       // x: --acls
    QTest::newRow("all of it") << true << true << true << true;
    QTest::newRow("attributes only") << true << true << true << false;
    QTest::newRow("lists only") << true << true << false << true;
    QTest::newRow("neither given back") << true << true << false << false;
    QTest::newRow("attributes not recorded") << false << true << true << true;
    QTest::newRow("nothing recorded") << false << false << true << true;
}

void TestExtractJob::attributesAndListsAsChosen()
{
    QFETCH(bool, recordAttributes);
    QFETCH(bool, recordLists);
    QFETCH(bool, restoreAttributes);
    QFETCH(bool, restoreLists);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    if (!attributesSupported(root)) QSKIP("this file system keeps no user attributes or access control lists");
    fs::create_directories(root / "a" / "shared");
    std::ofstream(root / "a" / "notes.txt") << "notes";
    std::ofstream(root / "a" / "plain.txt") << "plain";
    std::ofstream(root / "a" / "shared" / "team.txt") << "for the team";
    fs::create_symlink("notes.txt", root / "a" / "link");
    QVERIFY(setAttribute(root / "a" / "notes.txt", "user.comment", "written by hand"));
    QVERIFY(setAttribute(root / "a" / "notes.txt", "user.binary", std::string("\0\x01\xff", 3)));
    if (::geteuid() == 0) QVERIFY(setAttribute(root / "a" / "notes.txt", "trusted.for-root", "only root sets this"));
    // Owner rw, user 4242 rw, group r, nobody else (the mode says rw for the group: the mask);
    // new files in shared/ get user 4242 rw.
    QVERIFY(setAttribute(root / "a" / "shared" / "team.txt", "system.posix_acl_access",
                         kernelAcl({{1, 6}, {2, 6, 4242}, {4, 4}, {0x10, 6}, {0x20, 0}})));
    QVERIFY(setAttribute(root / "a" / "shared", "system.posix_acl_default",
                         kernelAcl({{1, 7}, {2, 6, 4242}, {4, 5}, {0x10, 7}, {0x20, 5}})));
    QVERIFY(setAttribute(root / "a" / "shared", "user.purpose", "team work"));
    const fs::path archive = root / "a.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    options.recorded.xattrs = recordAttributes;
    options.recorded.acls = recordLists;
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{root / "a"}, options, control);
    {
        const nnz::ArchiveReader reader(archive);
        for (const auto& e : reader.entries()) {
            const bool hasAttributes = recordAttributes && (e.path == "a/notes.txt" || e.path == "a/shared");
            const bool hasList = recordLists && (e.path == "a/shared/team.txt" || e.path == "a/shared");
            QVERIFY2(e.xattrs.empty() != hasAttributes, e.path.c_str());
            QVERIFY2(e.acl.empty() != hasList, e.path.c_str());
        }
    }

    const fs::path out = root / "out";
    const nnz::RestoredMetadata restored{nnz::Owners::Extractor, restoreAttributes, restoreLists};
    const auto summary =
        nnz::extract_archive(archive, out, {}, nnz::ExistingFiles::Refuse, control, nnz::OutsideLinks::Refuse, {}, 0, restored);
    QVERIFY2(summary.metadata_failures.empty(), summary.metadata_failures.empty() ? "" : summary.metadata_failures.front().c_str());
    // What each name holds on disk now: attributes, and lists (system.posix_acl_*), as expected.
    for (const char* name : {"notes.txt", "plain.txt", "shared", "shared/team.txt"}) {
        auto before = attributesOf(root / "a" / name);
        const auto after = attributesOf(out / "a" / name);
        std::map<std::string, std::string> expected;
        for (const auto& [key, value] : before) {
            const bool list = key.rfind("system.posix_acl_", 0) == 0;
            if (list ? recordLists && restoreLists : recordAttributes && restoreAttributes) expected[key] = value;
        }
        QVERIFY2(after == expected, name);
        struct stat original {}, extracted {};
        QCOMPARE(::stat((root / "a" / name).c_str(), &original), 0);
        QCOMPARE(::stat((out / "a" / name).c_str(), &extracted), 0);
        // With its list, the mode's group bits are the mask; a list recorded but not given back
        // leaves the owning group's entry there (team.txt: r, not the mask's rw), as bsdtar records
        // the mode. Not recorded at all, the mode is what stat says (as tar --no-acls).
        const bool narrowed = std::string(name) == "shared/team.txt" && recordLists && !restoreLists;
        QCOMPARE(extracted.st_mode, narrowed ? (original.st_mode & ~mode_t(020)) : original.st_mode);
    }
    QVERIFY(fs::is_symlink(out / "a" / "link"));
}

void TestExtractJob::capabilitiesSurviveTheOwner()
{
    // Giving a file to its owner clears its capabilities (the kernel does, on chown): they are set
    // after it, as root extracts a program installed with setcap.
    if (!canGiveFilesAway()) QSKIP("giving files to other users takes root (with those ids mapped)");
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    fs::create_directories(root / "bin");
    std::ofstream(root / "bin" / "server") << "a program that binds port 80";
    QCOMPARE(::chown((root / "bin" / "server").c_str(), 4242, 4343), 0);
    // vfs_cap_data, revision 2, effective: cap_net_bind_service (10) permitted.
    const std::string capability("\x01\x00\x00\x02\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 20);
    if (!setAttribute(root / "bin" / "server", "security.capability", capability)) QSKIP("this file system keeps no capabilities");
    const fs::path archive = root / "bin.nnz";
    store(archive, {root / "bin"});
    nnz::JobControl control;
    const fs::path out = root / "out";
    const auto summary = nnz::extract_archive(archive, out, {}, nnz::ExistingFiles::Refuse, control, nnz::OutsideLinks::Refuse,
                                              {}, 0, nnz::RestoredMetadata{nnz::Owners::Numeric, true, true});
    QVERIFY(summary.metadata_failures.empty());
    struct stat st {};
    QCOMPARE(::stat((out / "bin" / "server").c_str(), &st), 0);
    QCOMPARE(st.st_uid, 4242u);
    const auto attributes = attributesOf(out / "bin" / "server");
    QVERIFY(attributes.count("security.capability"));
    QCOMPARE(attributes.at("security.capability"), capability);
}

void TestExtractJob::holesStayHoles()
{
    // A disk image of 64 MiB with a few bytes in it comes out as small on disk as it went in.
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    fs::create_directories(root / "img");
    const fs::path image = root / "img" / "disk.img";
    {
        std::ofstream out(image, std::ios::binary);
        out << "boot sector";
        out.seekp(40'000'000);
        out << "some data in the middle";
    }
    fs::resize_file(image, 64 << 20);
    struct stat st {};
    QCOMPARE(::stat(image.c_str(), &st), 0);
    if (st.st_blocks * 512 > (1 << 20)) QSKIP("this file system does not keep holes");
    const fs::path archive = root / "img.nnz";
    store(archive, {root / "img"});
    nnz::JobControl control;
    const fs::path out = root / "out";
    nnz::extract_archive(archive, out, {}, nnz::ExistingFiles::Refuse, control);
    const fs::path extracted = out / "img" / "disk.img";
    QCOMPARE(::stat(extracted.c_str(), &st), 0);
    QCOMPARE(st.st_size, off_t(64 << 20));
    QVERIFY2(st.st_blocks * 512 <= (1 << 20), qPrintable(QString("%1 bytes on disk").arg(st.st_blocks * 512)));
    std::ifstream a(image, std::ios::binary), b(extracted, std::ios::binary);
    QVERIFY(std::equal(std::istreambuf_iterator<char>(a), {}, std::istreambuf_iterator<char>(b), {}));
}

// An attribute the kernel refuses (a capability that is not one: EINVAL for root, EPERM for
// anyone else) leaves the file extracted and is reported once, under the entry's name.
void TestExtractJob::attributesRefusedAreNamed()
{
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    fs::create_directories(root / "t");
    std::ofstream(root / "t" / "tool") << "a program";
    std::ofstream(root / "t" / "readme.txt") << "nothing special";
    const fs::path archive = root / "t.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    const std::vector<fs::path> inputs{root / "t"};
    std::vector<nnz::InputItem> items = nnz::gather_inputs(archive, inputs, options);
    for (auto& item : items)
        if (item.info.path == "t/tool") item.info.xattrs.push_back({"security.capability", "not a capability"});
    nnz::JobControl control;
    nnz::write_archive(archive, items, nnz::write_options_for(options, items), control);

    const fs::path out = root / "out";
    const auto summary = nnz::extract_archive(archive, out, {}, nnz::ExistingFiles::Refuse, control, nnz::OutsideLinks::Refuse,
                                              {}, 0, nnz::RestoredMetadata{nnz::Owners::Extractor, true, true});
    QCOMPARE(summary.metadata_failures.size(), size_t(1));
    const std::string& failure = summary.metadata_failures.front();
    QVERIFY2(failure.starts_with("\"t/tool\": ") && failure.find("security.capability") != std::string::npos, failure.c_str());
    std::ifstream extracted(out / "t" / "tool");
    QCOMPARE(std::string(std::istreambuf_iterator<char>(extracted), {}), std::string("a program"));
    QVERIFY(!attributesOf(out / "t" / "tool").count("security.capability"));
}

// Test Selected Entries: only what is chosen is decoded, so damage elsewhere does not fail it.
void TestExtractJob::testEntriesChecksOnlyTheSelection_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("entries");  // tested; -1: Error(Data), -2: Error(Usage)
    QTest::newRow("an intact file") << QStringList{"t/a.txt"} << 1;
    QTest::newRow("a folder with what is in it") << QStringList{"t/sub"} << 2;
    QTest::newRow("a pattern") << QStringList{"*.txt"} << 2;
    QTest::newRow("the damaged file") << QStringList{"t/big"} << -1;
    QTest::newRow("a folder holding it") << QStringList{"t"} << -1;
    QTest::newRow("a name that matches nothing") << QStringList{"t/none"} << -2;
}

void TestExtractJob::testEntriesChecksOnlyTheSelection()
{
    QFETCH(QStringList, names);
    QFETCH(int, entries);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    fs::create_directories(root / "t" / "sub");
    std::ofstream(root / "t" / "a.txt") << "first";
    std::ofstream(root / "t" / "sub" / "b.txt") << "second";
    std::ofstream(root / "t" / "big") << "DAMAGED-HERE" + std::string(300000, 'b');  // in its first block, away from the others
    nnz::CompressOptions options;
    options.codec = "store";
    options.block_size = 64 * 1024;  // the damage in a block of its own
    nnz::JobControl control;
    const fs::path archive = root / "t.nnz";
    nnz::compress_paths(archive, std::vector<fs::path>{root / "t"}, options, control);
    QVERIFY(damage_at_text(archive, "DAMAGED-HERE", 'X'));
    std::vector<std::string> chosen;
    for (const QString& name : names) chosen.push_back(name.toStdString());
    try {
        const nnz::TestSummary summary = nnz::test_entries(archive, chosen, control);
        QCOMPARE(int(summary.entries), entries);
        QCOMPARE(summary.format, std::string("nnz"));
    } catch (const nnz::Error& e) {
        QVERIFY2(entries < 0, e.what());
        QCOMPARE(e.code(), entries == -1 ? nnz::ErrorCode::Data : nnz::ErrorCode::Usage);
    }
    QVERIFY_THROWS_EXCEPTION(nnz::Error, nnz::test_archive(archive, control));  // the whole is damaged
}

QTEST_GUILESS_MAIN(TestExtractJob)
void TestExtractJob::keepBothNumbersPastWhatIsTaken_data()
{
    QTest::addColumn<QStringList>("archived");  // files in the archive (under t/)
    QTest::addColumn<QStringList>("existing");  // files already under the destination (under t/)
    QTest::addColumn<QStringList>("renamed");   // "name -> new name", in archive order
    QTest::newRow("before the extension") << QStringList{"a.txt"} << QStringList{"a.txt"} << QStringList{"a.txt -> a (2).txt"};
    QTest::newRow("no extension") << QStringList{"README"} << QStringList{"README"} << QStringList{"README -> README (2)"};
    QTest::newRow("a dot file") << QStringList{".bashrc"} << QStringList{".bashrc"} << QStringList{".bashrc -> .bashrc (2)"};
    QTest::newRow("a compressed tar") << QStringList{"x.tar.gz"} << QStringList{"x.tar.gz"}
                                      << QStringList{"x.tar.gz -> x (2).tar.gz"};
    QTest::newRow("the next name taken on disk") << QStringList{"a.txt"} << QStringList{"a.txt", "a (2).txt"}
                                                 << QStringList{"a.txt -> a (3).txt"};
    QTest::newRow("the next name in the archive") << QStringList{"a (2).txt", "a.txt"} << QStringList{"a.txt"}
                                                  << QStringList{"a.txt -> a (3).txt"};
    QTest::newRow("two taken") << QStringList{"a.txt", "b.txt", "c.txt"} << QStringList{"a.txt", "c.txt"}
                               << QStringList{"a.txt -> a (2).txt", "c.txt -> c (2).txt"};
}

void TestExtractJob::keepBothNumbersPastWhatIsTaken()
{
    QFETCH(QStringList, archived);
    QFETCH(QStringList, existing);
    QFETCH(QStringList, renamed);
    QTemporaryDir temp;
    const fs::path root = temp.path().toStdString();
    fs::create_directories(root / "t");
    for (const QString& name : archived) std::ofstream(root / "t" / name.toStdString()) << "archived " << name.toStdString();
    const fs::path archive = root / "t.nnz";
    store(archive, {root / "t"});
    nnz::JobControl control;
    const fs::path out = root / "out";
    fs::create_directories(out / "t");
    for (const QString& name : existing) std::ofstream(out / "t" / name.toStdString()) << "mine";
    const auto summary = nnz::extract_archive(archive, out, {}, nnz::ExistingFiles::Rename, control);
    QStringList got;
    for (const auto& [from, to] : summary.renamed_existing)
        got << QString::fromStdString(from.substr(2) + " -> " + to.substr(2));  // without "t/"
    QCOMPARE(got, renamed);
    for (const QString& name : existing) {
        std::ifstream in(out / "t" / name.toStdString());
        QCOMPARE(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), std::string("mine"));
    }
    for (const QString& line : renamed) {
        const QStringList names = line.split(" -> ");
        std::ifstream in(out / "t" / names[1].toStdString());
        QCOMPARE(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()),
                 "archived " + names[0].toStdString());
    }
}

#include "tst_extract_job.moc"
