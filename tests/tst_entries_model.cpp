// EntriesModel against real archives written by the core (store codec: fast and exact sizes).
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "entries_model.hpp"
#include "translations.hpp"
#include "error.hpp"
#include "container/archive_writer.hpp"
#include "fs/disk_walker.hpp"
#include "jobs/compress_job.hpp"
#include "tree_paths.hpp"
#include "zip_maker.hpp"

namespace fs = std::filesystem;
using nnz::ui::EntriesModel;

namespace {

void writeFile(const fs::path& path, size_t size, char fill)
{
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    const std::string bytes(size, fill);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

}  // namespace

class TestEntriesModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void listsEveryEntry_data();
    void listsEveryEntry();
    void headersAndColumns();
    void packedSizesAddUp();
    void foldersHoldTheirEntries();
    void foldersSumWhatIsInThem();
    void impliedFolders_data();
    void impliedFolders();
    void damagedArchiveLeavesModelUnchanged_data();
    void damagedArchiveLeavesModelUnchanged();
    void clearEmptiesTheModel();
    void duplicateNamesItsOriginal();
    void permissionsAndOwners_data();
    void permissionsAndOwners();
    void listsAndAttributesShown();

private:
    QTemporaryDir temp_;
    fs::path archive_;
};

void TestEntriesModel::initTestCase()
{
    QVERIFY(temp_.isValid());
    nnz::ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English));  // plural forms
    const fs::path root = fs::path(temp_.path().toStdString()) / "tree";
    writeFile(root / "big.bin", 300000, 'b');
    writeFile(root / "small.txt", 12, 's');
    writeFile(root / "medium.dat", 4000, 'm');
    writeFile(root / "sub" / "nested.txt", 900, 'n');
    writeFile(root / "empty.txt", 0, 'e');
    fs::create_symlink("small.txt", root / "link");
    archive_ = fs::path(temp_.path().toStdString()) / "model.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    const std::vector<fs::path> inputs{root};
    nnz::compress_paths(archive_, inputs, options, control);
}

void TestEntriesModel::listsEveryEntry_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qulonglong>("size");
    QTest::addColumn<QString>("displayName");
    // A folder's size is everything in it.
    QTest::newRow("root folder") << "tree" << 304912ull << "tree";
    QTest::newRow("large file") << "tree/big.bin" << 300000ull << "big.bin";
    QTest::newRow("tiny file") << "tree/small.txt" << 12ull << "small.txt";
    QTest::newRow("empty file") << "tree/empty.txt" << 0ull << "empty.txt";
    QTest::newRow("nested file") << "tree/sub/nested.txt" << 900ull << "nested.txt";
    QTest::newRow("sub folder") << "tree/sub" << 900ull << "sub";
    QTest::newRow("symlink") << "tree/link" << 0ull << "link → small.txt";
}

void TestEntriesModel::listsEveryEntry()
{
    QFETCH(QString, path);
    QFETCH(qulonglong, size);
    QFETCH(QString, displayName);
    EntriesModel model;
    model.load(archive_);
    QCOMPARE(model.entryCount(), 8);
    QCOMPARE(treePaths(model).size(), 8);  // every entry once, nothing made up
    const QModelIndex item = model.indexOfPath(path);
    QVERIFY2(item.isValid(), qPrintable(path));
    QCOMPARE(item.data().toString(), displayName);
    QCOMPARE(item.siblingAtColumn(EntriesModel::Size).data(EntriesModel::SortRole).toULongLong(), size);
    const int entry = model.entryIndexOf(item);
    QVERIFY(entry >= 0);
    const nnz::EntryInfo& e = model.entry(entry);
    QCOMPARE(QString::fromStdString(e.path), path);
    QCOMPARE(model.isFolder(item), e.type == nnz::EntryType::Directory);
    const QString checksum = item.siblingAtColumn(EntriesModel::Checksum).data().toString();
    if (e.type == nnz::EntryType::File) {
        QCOMPARE(checksum.size(), 16);
        QCOMPARE(checksum, QStringLiteral("%1").arg(e.content_hash, 16, 16, QChar('0')));
    } else {
        QVERIFY(checksum.isEmpty());
    }
    QCOMPARE(item.siblingAtColumn(EntriesModel::Size).data().toString().isEmpty(), e.type == nnz::EntryType::Symlink);
    // Stored content costs 8 bits per byte; items without content show no bpb.
    const QString bpb = item.siblingAtColumn(EntriesModel::Bpb).data().toString();
    if (size > 0) QCOMPARE(bpb, QStringLiteral("8.000"));
    else QVERIFY(bpb.isEmpty());
    QVERIFY(!item.siblingAtColumn(EntriesModel::Modified).data().toString().isEmpty());
}

void TestEntriesModel::headersAndColumns()
{
    EntriesModel model;
    QCOMPARE(model.columnCount(), int(EntriesModel::ColumnCount));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isOpen());
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    QCOMPARE(model.headerData(EntriesModel::Bpb, Qt::Horizontal).toString(), QStringLiteral("Bits/byte"));
}

void TestEntriesModel::packedSizesAddUp()
{
    EntriesModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.load(archive_);
    QCOMPARE(reset.count(), 1);
    QVERIFY(model.isOpen());
    QCOMPARE(model.totalSize(), quint64(300000 + 12 + 4000 + 900));
    QVERIFY(qAbs(model.totalPacked() - double(model.totalSize())) < 1.0);
    QVERIFY(model.blockCount() >= 1);
    QCOMPARE(model.codecNames(), QStringList{QStringLiteral("store")});
}

void TestEntriesModel::foldersHoldTheirEntries()
{
    EntriesModel model;
    model.load(archive_);
    QCOMPARE(model.rowCount(), 1);  // "tree" alone at the top
    const QModelIndex tree = model.index(0, 0);
    QCOMPARE(tree.data(EntriesModel::PathRole).toString(), QStringLiteral("tree"));
    QVERIFY(!model.parent(tree).isValid());
    QCOMPARE(model.rowCount(tree), 6);  // big.bin, small.txt, medium.dat, empty.txt, link, sub
    const QModelIndex sub = model.indexOfPath(QStringLiteral("tree/sub"));
    const QModelIndex nested = model.indexOfPath(QStringLiteral("tree/sub/nested.txt"));
    QCOMPARE(model.parent(sub), tree);
    QCOMPARE(model.parent(nested), sub);
    QCOMPARE(model.rowCount(sub), 1);
    QCOMPARE(model.index(0, 0, sub), nested);
    QCOMPARE(model.rowCount(nested), 0);
    QVERIFY(model.isFolder(sub) && !model.isFolder(nested));
    QCOMPARE(model.parent(nested.siblingAtColumn(EntriesModel::Size)), sub);  // any column has the same parent
    QVERIFY(!model.indexOfPath(QStringLiteral("tree/none")).isValid());
}

void TestEntriesModel::foldersSumWhatIsInThem()
{
    EntriesModel model;
    model.load(archive_);
    const EntriesModel::FolderContents tree = model.folderContents(model.indexOfPath(QStringLiteral("tree")));
    QCOMPARE(tree.files, 6);  // five files and the link
    QCOMPARE(tree.folders, 1);
    QCOMPARE(tree.size, model.totalSize());
    QVERIFY(qAbs(tree.packed - model.totalPacked()) < 1e-6);
    const EntriesModel::FolderContents all = model.folderContents(QModelIndex());  // the whole archive
    QCOMPARE(all.files, 6);
    QCOMPARE(all.folders, 2);
    const EntriesModel::FolderContents file = model.folderContents(model.indexOfPath(QStringLiteral("tree/big.bin")));
    QCOMPARE(file.files, 0);  // not a folder
    QCOMPARE(model.indexOfPath(QStringLiteral("tree")).data(Qt::ToolTipRole).toString(), QStringLiteral("tree: 6 files in 1 folder"));
}

void TestEntriesModel::impliedFolders_data()
{
    QTest::addColumn<QStringList>("members");  // zip members, "name/" for a folder entry
    QTest::addColumn<QStringList>("tree");     // every item's path, depth first in the zip's order
    QTest::addColumn<QStringList>("implied");  // folders without an entry of their own
    QTest::newRow("no folder entries") << QStringList{"a/b/c.txt", "a/d.txt", "e.txt"}
                                       << QStringList{"a", "a/b", "a/b/c.txt", "a/d.txt", "e.txt"} << QStringList{"a", "a/b"};
    QTest::newRow("folder entry after its file") << QStringList{"x/y.txt", "x/"} << QStringList{"x", "x/y.txt"} << QStringList{};
    QTest::newRow("folder entry first") << QStringList{"x/", "x/y.txt"} << QStringList{"x", "x/y.txt"} << QStringList{};
    QTest::newRow("unsafe names stay whole") << QStringList{"../up.txt", "ok/in.txt"}
                                             << QStringList{"../up.txt", "ok", "ok/in.txt"} << QStringList{"ok"};
}

void TestEntriesModel::impliedFolders()
{
    QFETCH(QStringList, members);
    QFETCH(QStringList, tree);
    QFETCH(QStringList, implied);
    const fs::path zip = fs::path(temp_.path().toStdString()) / (QTest::currentDataTag() + std::string(".zip"));
    std::vector<std::pair<std::string, std::string>> contents;
    for (const QString& m : members) contents.emplace_back(m.toStdString(), m.endsWith('/') ? "" : "12345");
    makeZip(zip, contents);
    EntriesModel model;
    model.load(zip);
    QCOMPARE(model.entryCount(), int(members.size()));
    QCOMPARE(treePaths(model), tree);
    for (const QString& path : tree) {
        const QModelIndex item = model.indexOfPath(path);
        QVERIFY2(item.isValid(), qPrintable(path));
        QCOMPARE(model.entryIndexOf(item) < 0, implied.contains(path));
        QCOMPARE(item.data(EntriesModel::EntryIndexRole).toInt() < 0, implied.contains(path));
        if (implied.contains(path)) {
            QVERIFY(model.isFolder(item));
            // Its size and time are those of what it holds.
            QCOMPARE(item.siblingAtColumn(EntriesModel::Size).data(EntriesModel::SortRole).toULongLong(),
                     quint64(5 * model.folderContents(item).files));
            QVERIFY(!item.siblingAtColumn(EntriesModel::Modified).data().toString().isEmpty());
        }
    }
}

void TestEntriesModel::damagedArchiveLeavesModelUnchanged_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("truncated") << "truncate";
    QTest::newRow("flipped index byte") << "flip";
    QTest::newRow("empty file") << "empty";
    QTest::newRow("missing file") << "missing";
}

void TestEntriesModel::damagedArchiveLeavesModelUnchanged()
{
    QFETCH(QString, damage);
    const fs::path broken = fs::path(temp_.path().toStdString()) / ("broken-" + damage.toStdString() + ".nnz");
    if (damage != QLatin1String("missing")) {
        fs::copy_file(archive_, broken, fs::copy_options::overwrite_existing);
        const auto size = fs::file_size(broken);
        if (damage == QLatin1String("truncate")) fs::resize_file(broken, size / 2);
        if (damage == QLatin1String("empty")) fs::resize_file(broken, 0);
        if (damage == QLatin1String("flip")) {
            std::fstream file(broken, std::ios::in | std::ios::out | std::ios::binary);
            file.seekg(std::streamoff(size - 40));
            char byte = 0;
            file.read(&byte, 1);
            byte = char(byte ^ 0x5a);
            file.seekp(std::streamoff(size - 40));
            file.write(&byte, 1);
        }
    }
    EntriesModel model;
    model.load(archive_);
    bool threw = false;
    try {
        model.load(broken);
    } catch (const nnz::Error& e) {
        threw = true;
        QVERIFY(e.code() == nnz::ErrorCode::Data || e.code() == nnz::ErrorCode::Io);
    }
    QVERIFY(threw);
    QCOMPARE(model.entryCount(), 8);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.archive(), archive_);
}

void TestEntriesModel::clearEmptiesTheModel()
{
    EntriesModel model;
    model.load(archive_);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.entryCount(), 0);
    QVERIFY(!model.indexOfPath(QStringLiteral("tree")).isValid());
    QVERIFY(!model.isOpen());
    QCOMPARE(model.totalSize(), quint64(0));
}

QTEST_MAIN(TestEntriesModel)
void TestEntriesModel::duplicateNamesItsOriginal()
{
    const fs::path root = fs::path(temp_.path().toStdString()) / "twins";
    writeFile(root / "medium.dat", 4000, 'm');
    writeFile(root / "sub" / "copy.dat", 4000, 'm');  // stored once, as a duplicate of medium.dat
    const fs::path archive = fs::path(temp_.path().toStdString()) / "twins.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::compress_paths(archive, std::vector<fs::path>{root}, options, control);
    EntriesModel model;
    model.load(archive);
    QCOMPARE(model.totalSize(), quint64(8000));
    QVERIFY(qAbs(model.totalPacked() - 4000.0) < 1.0);
    const QModelIndex copy = model.indexOfPath("twins/sub/copy.dat"), original = model.indexOfPath("twins/medium.dat");
    QVERIFY(copy.isValid() && original.isValid());
    QVERIFY(model.entry(model.entryIndexOf(copy)).duplicate);
    QCOMPARE(copy.data(Qt::ToolTipRole).toString(), QStringLiteral("twins/sub/copy.dat: the same content as twins/medium.dat, stored once"));
    QCOMPARE(original.data(Qt::ToolTipRole).toString(), QStringLiteral("twins/medium.dat"));
    QCOMPARE(copy.siblingAtColumn(EntriesModel::Bpb).data().toString(), QStringLiteral("0.000"));
    QCOMPARE(copy.siblingAtColumn(EntriesModel::Checksum).data().toString(), original.siblingAtColumn(EntriesModel::Checksum).data().toString());
    // The folder holding only the duplicate costs nothing.
    QCOMPARE(model.indexOfPath("twins/sub").siblingAtColumn(EntriesModel::Bpb).data().toString(), QStringLiteral("0.000"));
}

void TestEntriesModel::permissionsAndOwners_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("permissions");  // as ls -l writes them
    QTest::addColumn<bool>("owned");           // the owner shown is the user who archived it
    QTest::newRow("a folder") << "p" << "drwxr-x---" << true;
    QTest::newRow("a file") << "p/plain.txt" << "-rw-r--r--" << true;
    QTest::newRow("a program") << "p/run.sh" << "-rwxr-xr-x" << true;
    QTest::newRow("setuid and setgid") << "p/suid" << "-rwsr-Sr-x" << true;
    QTest::newRow("sticky") << "p/tmp" << "drwxrwxrwt" << true;
    QTest::newRow("a symlink") << "p/link" << "lrwxrwxrwx" << true;
    QTest::newRow("a zip's folder, implied") << "z" << "" << false;
    QTest::newRow("a zip's file") << "z/a.txt" << "-rw-r--r--" << false;
}

void TestEntriesModel::permissionsAndOwners()
{
    QFETCH(QString, path);
    QFETCH(QString, permissions);
    QFETCH(bool, owned);
    const fs::path root = fs::path(temp_.path().toStdString()) / "modes";
    fs::path archive = root / "modes.nnz";
    if (!fs::exists(archive)) {
        writeFile(root / "p" / "plain.txt", 10, 'a');
        writeFile(root / "p" / "run.sh", 10, 'b');
        writeFile(root / "p" / "suid", 10, 'c');
        fs::create_directories(root / "p" / "tmp");
        fs::create_symlink("plain.txt", root / "p" / "link");
        QCOMPARE(::chmod((root / "p" / "plain.txt").c_str(), 0644), 0);
        QCOMPARE(::chmod((root / "p" / "run.sh").c_str(), 0755), 0);
        QCOMPARE(::chmod((root / "p" / "suid").c_str(), 06745), 0);
        QCOMPARE(::chmod((root / "p" / "tmp").c_str(), 01777), 0);
        QCOMPARE(::chmod((root / "p").c_str(), 0750), 0);
        nnz::CompressOptions options;
        options.codec = "store";
        nnz::JobControl control;
        nnz::compress_paths(archive, std::vector<fs::path>{root / "p"}, options, control);
        makeZip(root / "z.zip", {{"z/a.txt", "zipped"}});
    }
    if (path.startsWith('z')) archive = root / "z.zip";
    EntriesModel model;
    model.load(archive);
    const QModelIndex item = model.indexOfPath(path);
    QVERIFY2(item.isValid(), qPrintable(path));
    QCOMPARE(item.siblingAtColumn(EntriesModel::Permissions).data().toString(), permissions);
    const passwd* user = ::getpwuid(::geteuid());
    const group* userGroup = ::getgrgid(::getegid());
    QVERIFY(user && userGroup);
    const QString owner = owned ? QStringLiteral("%1:%2").arg(user->pw_name, userGroup->gr_name) : QString();
    QCOMPARE(item.siblingAtColumn(EntriesModel::Owner).data().toString(), owner);
    QCOMPARE(item.siblingAtColumn(EntriesModel::Permissions).data(Qt::TextAlignmentRole), QVariant());  // read from the left
}

void TestEntriesModel::listsAndAttributesShown()
{
    // Given to the writer as a file system would give them (no file system needed): the
    // Permissions column marks a list with "+", as ls -l does; lines for the Properties dialog.
    const fs::path root = fs::path(temp_.path().toStdString()) / "acl";
    writeFile(root / "shared.txt", 10, 'a');
    writeFile(root / "plain.txt", 10, 'b');
    auto items = nnz::walk_inputs(std::vector<fs::path>{root});
    for (auto& item : items) {
        if (item.info.path != "acl/shared.txt") continue;
        item.info.mode = 0640;
        item.info.acl = "user::rw-,user:alice:r--:1000,group::r--,mask::r--,other::---";
        item.info.xattrs = {{"user.c-string", std::string("text\0", 5)}, {"user.comment", "hello"},
                            {"user.icon", std::string("\x89PNG\r\n", 6)}, {"user.markup", "<b>bold</b>"}};
    }
    const fs::path archive = root.parent_path() / "acl.nnz";
    nnz::CompressOptions options;
    options.codec = "store";
    nnz::JobControl control;
    nnz::write_archive(archive, items, nnz::write_options_for(options, items), control);
    EntriesModel model;
    model.load(archive);
    QCOMPARE(model.indexOfPath("acl/shared.txt").siblingAtColumn(EntriesModel::Permissions).data().toString(), QString("-rw-r-----+"));
    QVERIFY(!model.indexOfPath("acl/plain.txt").siblingAtColumn(EntriesModel::Permissions).data().toString().endsWith('+'));
    const nnz::EntryInfo* shared = nullptr;
    for (int i = 0; i < model.entryCount(); ++i)
        if (model.entry(i).path == "acl/shared.txt") shared = &model.entry(i);
    QVERIFY(shared);
    QCOMPARE(EntriesModel::aclText(shared->acl),
             QString("user::rw-\nuser:alice:r--:1000\ngroup::r--\nmask::r--\nother::---"));
    QCOMPARE(EntriesModel::attributesText(shared->xattrs),
             QString("user.c-string: text\nuser.comment: hello\nuser.icon: 6 bytes\nuser.markup: <b>bold</b>"));
    QCOMPARE(EntriesModel::attributesText({}), QString());
}

#include "tst_entries_model.moc"
