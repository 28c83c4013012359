#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include "error.hpp"
#include "fs/disk_extractor.hpp"
#include "fs/disk_walker.hpp"
#include "remove_by_bytes.hpp"
#include "extended_attributes.hpp"

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& content)
{
    std::ofstream out(path, std::ios::binary);
    out << content;
}

std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Runs f and returns the code of the nnz::Error it threw, or nothing.
template <class F>
std::optional<nnz::ErrorCode> error_of(F&& f)
{
    try {
        f();
    } catch (const nnz::Error& e) {
        return e.code();
    }
    return std::nullopt;
}

std::vector<std::string> names_of(const std::vector<nnz::InputItem>& items)
{
    std::vector<std::string> names;
    for (const auto& item : items) names.push_back(item.info.path);
    return names;
}

std::vector<std::string> to_strings(const QStringList& list)
{
    std::vector<std::string> strings;
    for (const QString& text : list) strings.push_back(text.toStdString());
    return strings;
}

std::vector<std::string> listing(const fs::path& folder)
{
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(folder)) names.push_back(e.path().lexically_relative(folder).string());
    std::sort(names.begin(), names.end());
    return names;
}

nnz::EntryInfo file_entry(const std::string& path, const std::string& content)
{
    nnz::EntryInfo e;
    e.path = path;
    e.type = nnz::EntryType::File;
    e.mode = 0640;
    e.mtime_sec = 1'600'000'000;
    e.mtime_nsec = 123'000'000;
    e.size = content.size();
    return e;
}

void extract_file(nnz::DiskExtractor& out, const nnz::EntryInfo& e, const std::string& content)
{
    out.begin(e);
    out.data(std::span(reinterpret_cast<const uint8_t*>(content.data()), content.size()));
    out.end(e);
}

}  // namespace

class TestDisk : public QObject {
    Q_OBJECT
private slots:
    void walkerReadsAttributesAsAsked_data()
    {
        QTest::addColumn<bool>("attributes");  // RecordedMetadata
        QTest::addColumn<bool>("lists");
        QTest::newRow("both") << true << true;
        QTest::newRow("attributes") << true << false;
        QTest::newRow("lists") << false << true;
        QTest::newRow("neither") << false << false;
    }
    void walkerReadsAttributesAsAsked()
    {
        QFETCH(bool, attributes);
        QFETCH(bool, lists);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        if (!attributesSupported(root)) QSKIP("this file system keeps no user attributes or access control lists");
        fs::create_directories(root / "in" / "dir");
        write_file(root / "in" / "a.txt", "a");
        write_file(root / "in" / "plain.txt", "p");
        QVERIFY(setAttribute(root / "in" / "a.txt", "user.z", "last"));
        QVERIFY(setAttribute(root / "in" / "a.txt", "user.a", std::string("\0first", 6)));
        QVERIFY(setAttribute(root / "in" / "a.txt", "user.\xff", "a name not UTF-8"));
        QVERIFY(setAttribute(root / "in" / "a.txt", "system.posix_acl_access",
                             kernelAcl({{1, 6}, {2, 4, 4242}, {4, 4}, {0x10, 4}, {0x20, 4}})));
        QVERIFY(setAttribute(root / "in" / "dir", "system.posix_acl_default",
                             kernelAcl({{1, 7}, {4, 5}, {8, 5, 4343}, {0x10, 5}, {0x20, 5}})));
        std::vector<std::string> warnings;
        const auto items = nnz::walk_inputs(std::vector<fs::path>{root / "in"}, warnings,
                                            nnz::WalkOptions{false, {}, nnz::RecordedMetadata{true, attributes, lists}});
        std::map<std::string, nnz::EntryInfo> by_name;
        for (const auto& item : items) by_name[item.info.path] = item.info;
        const auto& a = by_name.at("in/a.txt");
        if (attributes) {
            // Sorted by name; the one an archive cannot name left out, with a warning; no system.*.
            QCOMPARE(a.xattrs.size(), size_t(2));
            QCOMPARE(a.xattrs[0].name, std::string("user.a"));
            QCOMPARE(a.xattrs[0].value, std::string("\0first", 6));
            QCOMPARE(a.xattrs[1].name, std::string("user.z"));
            QCOMPARE(warnings.size(), size_t(1));
            QVERIFY2(warnings[0].find("user.\\xFF") != std::string::npos, warnings[0].c_str());
        } else {
            QVERIFY(a.xattrs.empty());
            QVERIFY(warnings.empty());
        }
        QCOMPARE(a.acl, lists ? std::string("user::rw-,group::r--,other::r--,user:4242:r--,mask::r--") : std::string());
        QCOMPARE(by_name.at("in/dir").acl.find("default:group:4343:r-x") != std::string::npos, lists);
        QVERIFY(by_name.at("in/plain.txt").xattrs.empty() && by_name.at("in/plain.txt").acl.empty());
    }

    void walkerNamesRelativeToParent_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("plain") << "";
        QTest::newRow("trailing slash") << "/";
        QTest::newRow("dot component") << "/.";
    }
    void walkerNamesRelativeToParent()
    {
        QFETCH(QString, suffix);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "in/sub");
        fs::create_directories(root / "in/empty");
        write_file(root / "in/a.txt", "hello");
        write_file(root / "in/sub/b.txt", "");
        fs::create_symlink("a.txt", root / "in/link");
        ::chmod((root / "in/a.txt").c_str(), 0604);

        const std::vector<fs::path> inputs{(root / "in").string() + suffix.toStdString()};
        const auto items = nnz::walk_inputs(inputs);
        const std::vector<std::string> expected{"in", "in/a.txt", "in/empty", "in/link", "in/sub", "in/sub/b.txt"};
        QCOMPARE(names_of(items), expected);
        QCOMPARE(items[0].info.type, nnz::EntryType::Directory);
        QCOMPARE(items[1].info.type, nnz::EntryType::File);
        QCOMPARE(items[1].info.size, uint64_t(5));
        QCOMPARE(items[1].info.mode, uint32_t(0604));
        QCOMPARE(fs::path(items[1].source).lexically_normal(), root / "in/a.txt");
        QCOMPARE(items[3].info.type, nnz::EntryType::Symlink);
        QCOMPARE(items[3].info.link_target, std::string("a.txt"));
        struct stat st{};
        QCOMPARE(::stat((root / "in/a.txt").c_str(), &st), 0);
        QCOMPARE(items[1].info.mtime_sec, int64_t(st.st_mtim.tv_sec));
        QCOMPARE(items[1].info.mtime_nsec, uint32_t(st.st_mtim.tv_nsec));
    }
    // Names matching an exclusion are left out, a folder with everything in it; include patterns
    // keep only the files and links they match, with the folders that lead to them, and
    // exclusions still win.
    void walkerChoosesByPatterns_data()
    {
        QTest::addColumn<QStringList>("excluded");
        QTest::addColumn<QStringList>("included");
        QTest::addColumn<QStringList>("expected");
        const QStringList all{"p", "p/.git", "p/.git/HEAD", "p/a.c", "p/a.o", "p/b", "p/b/c.o", "p/b/d.txt", "p/b/e", "p/b/e/deep.txt",
                              "p/empty", "p/link"};
        auto allBut = [&](const QStringList& left) {
            QStringList rest = all;
            for (const QString& name : left) rest.removeOne(name);
            return rest;
        };
        const QStringList none;
        QTest::newRow("nothing excluded") << none << none << all;
        QTest::newRow("excluded: a suffix") << QStringList{"*.o"} << none << allBut({"p/a.o", "p/b/c.o"});
        QTest::newRow("excluded: a folder's name") << QStringList{".git"} << none << allBut({"p/.git", "p/.git/HEAD"});
        QTest::newRow("excluded: a path from the top") << QStringList{"p/b"} << none
                                                       << allBut({"p/b", "p/b/c.o", "p/b/d.txt", "p/b/e", "p/b/e/deep.txt"});
        QTest::newRow("excluded: several") << QStringList{"*.o", ".git", "*.txt"} << none
                                           << QStringList{"p", "p/a.c", "p/b", "p/b/e", "p/empty", "p/link"};
        QTest::newRow("excluded: the input itself") << QStringList{"p"} << none << QStringList{};
        QTest::newRow("included: a suffix") << none << QStringList{"*.c"} << QStringList{"p", "p/a.c"};
        QTest::newRow("included: two, one deeper") << none << QStringList{"*.c", "*.txt"}
                                                   << QStringList{"p", "p/a.c", "p/b", "p/b/d.txt", "p/b/e", "p/b/e/deep.txt"};
        QTest::newRow("included: a folder with everything in it") << none << QStringList{"e"}
                                                                  << QStringList{"p", "p/b", "p/b/e", "p/b/e/deep.txt"};
        QTest::newRow("included: an empty folder") << none << QStringList{"empty"} << QStringList{"p", "p/empty"};
        QTest::newRow("included: a path from the top") << none << QStringList{"p/b/*.o"} << QStringList{"p", "p/b", "p/b/c.o"};
        QTest::newRow("included: a link") << none << QStringList{"link"} << QStringList{"p", "p/link"};
        QTest::newRow("included and excluded") << QStringList{"e"} << QStringList{"*.txt"} << QStringList{"p", "p/b", "p/b/d.txt"};
        QTest::newRow("included: nothing matches") << none << QStringList{"*.rs"} << QStringList{};
    }
    void walkerChoosesByPatterns()
    {
        QFETCH(QStringList, excluded);
        QFETCH(QStringList, included);
        QFETCH(QStringList, expected);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        for (const char* folder : {"p/.git", "p/b/e", "p/empty"}) fs::create_directories(root / folder);
        for (const char* name : {"p/.git/HEAD", "p/a.c", "p/a.o", "p/b/c.o", "p/b/d.txt", "p/b/e/deep.txt"}) write_file(root / name, "x");
        fs::create_symlink("a.c", root / "p/link");
        nnz::WalkOptions options;
        options.excluded = nnz::EntryPatterns(to_strings(excluded));
        options.included = nnz::EntryPatterns(to_strings(included));
        std::vector<std::string> warnings;
        const std::vector<fs::path> inputs{root / "p"};
        QCOMPARE(names_of(nnz::walk_inputs(inputs, warnings, options)), to_strings(expected));
        QVERIFY(warnings.empty());
    }
    // What is not included is not looked at further: a fifo left out by -i is not warned about.
    void walkerDoesNotLookAtWhatIsNotIncluded()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "p");
        write_file(root / "p/a.c", "x");
        QCOMPARE(::mkfifo((root / "p/pipe").c_str(), 0644), 0);
        nnz::WalkOptions options;
        options.included = nnz::EntryPatterns({"*.c"});
        std::vector<std::string> warnings;
        const std::vector<fs::path> inputs{root / "p"};
        QCOMPARE(names_of(nnz::walk_inputs(inputs, warnings, options)), (std::vector<std::string>{"p", "p/a.c"}));
        QVERIFY(warnings.empty());
        options.included = {};
        QCOMPARE(names_of(nnz::walk_inputs(inputs, warnings, options)), (std::vector<std::string>{"p", "p/a.c"}));
        QCOMPARE(warnings.size(), size_t(1));  // "skipped .../pipe: not a regular file, ..."
    }
    // A name an archive cannot hold (not UTF-8): the walk stops with Error(Io) naming it
    // readably, or leaves it out (a folder with everything in it) with a warning.
    void walkerNamesAnArchiveCannotHold_data()
    {
        QTest::addColumn<bool>("skip");
        QTest::addColumn<bool>("folder");
        QTest::newRow("file, stop") << false << false;
        QTest::newRow("file, skip") << true << false;
        QTest::newRow("folder, stop") << false << true;
        QTest::newRow("folder, skip") << true << true;
    }
    void walkerNamesAnArchiveCannotHold()
    {
        QFETCH(bool, skip);
        QFETCH(bool, folder);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const RemoveByBytes removed{root};
        fs::create_directories(root / "in");
        write_file(root / "in/ok.txt", "ok");
        const fs::path latin1 = root / "in" / "caf\xe9";  // Latin-1 e-acute: not UTF-8
        if (folder) {
            fs::create_directories(latin1);
            write_file(latin1 / "inside.txt", "x");
        } else {
            write_file(latin1, "x");
        }
        std::vector<std::string> warnings;
        const std::vector<fs::path> inputs{root / "in"};
        try {
            const auto names = names_of(nnz::walk_inputs(inputs, warnings, nnz::WalkOptions{skip}));
            QVERIFY(skip);
            QCOMPARE(names, (std::vector<std::string>{"in", "in/ok.txt"}));
            QCOMPARE(warnings.size(), size_t(1));
            QVERIFY2(warnings[0].find("skipped") == 0 && warnings[0].find("caf\\xE9") != std::string::npos, warnings[0].c_str());
        } catch (const nnz::Error& e) {
            QVERIFY(!skip);
            QCOMPARE(e.code(), nnz::ErrorCode::Io);
            QVERIFY2(std::string(e.what()).find("caf\\xE9") != std::string::npos, e.what());
        }
    }
    void walkerSingleFileAndRelativeInput()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        write_file(root / "file.txt", "x");
        const QString previous = QDir::currentPath();
        QDir::setCurrent(tmp.path());
        const std::vector<fs::path> inputs{"file.txt"};
        const auto items = nnz::walk_inputs(inputs);
        QDir::setCurrent(previous);
        QCOMPARE(names_of(items), std::vector<std::string>{"file.txt"});
    }
    void walkerStoresSymlinkToFolderWithoutFollowing()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "in/real");
        write_file(root / "in/real/x", "x");
        fs::create_directory_symlink("real", root / "in/alias");
        const std::vector<fs::path> inputs{root / "in"};
        const auto items = nnz::walk_inputs(inputs);
        QCOMPARE(names_of(items), (std::vector<std::string>{"in", "in/alias", "in/real", "in/real/x"}));
        QCOMPARE(items[1].info.type, nnz::EntryType::Symlink);
    }
    // --dereference: links are stored as what they point to, under their own names (a file's
    // content and attributes, a folder with all it holds, the input itself when it is a link);
    // a dangling link and one that leads back up (a loop) stay links. Without it, all are links.
    void walkerFollowsSymlinksWhenAsked_data()
    {
        QTest::addColumn<bool>("follow");
        QTest::newRow("links kept") << false;
        QTest::newRow("links followed") << true;
    }
    void walkerFollowsSymlinksWhenAsked()
    {
        QFETCH(bool, follow);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "elsewhere" / "data");
        write_file(root / "elsewhere" / "data" / "table.csv", "1,2,3\n");
        write_file(root / "elsewhere" / "notes.txt", "notes");
        const bool attributes = attributesSupported(root) && setAttribute(root / "elsewhere" / "notes.txt", "user.origin", "outside");
        fs::create_directories(root / "in" / "sub");
        fs::create_symlink("../elsewhere/notes.txt", root / "in" / "notes");
        fs::create_directory_symlink("../elsewhere/data", root / "in" / "data");
        fs::create_symlink("missing", root / "in" / "dangling");
        fs::create_directory_symlink("..", root / "in" / "sub" / "up");
        fs::create_directory_symlink("in", root / "alias");
        std::vector<std::string> warnings;
        const std::vector<fs::path> inputs{root / "alias"};
        const auto items = nnz::walk_inputs(inputs, warnings, nnz::WalkOptions{false, {}, {}, follow});
        QVERIFY2(warnings.empty(), warnings.empty() ? "" : warnings.front().c_str());
        std::map<std::string, nnz::EntryType> types;
        for (const auto& item : items) types[item.info.path] = item.info.type;
        using T = nnz::EntryType;
        const std::map<std::string, nnz::EntryType> expected =
            follow ? std::map<std::string, T>{{"alias", T::Directory},           {"alias/data", T::Directory},
                                              {"alias/data/table.csv", T::File}, {"alias/dangling", T::Symlink},
                                              {"alias/notes", T::File},          {"alias/sub", T::Directory},
                                              {"alias/sub/up", T::Symlink}}
                   : std::map<std::string, T>{{"alias", T::Symlink}};
        QVERIFY(types == expected);
        if (!follow) return;
        for (const auto& item : items) {
            if (item.info.path == "alias/notes") {
                QCOMPARE(item.info.size, uint64_t(5));
                if (attributes) {
                    QCOMPARE(item.info.xattrs.size(), size_t(1));
                    QCOMPARE(item.info.xattrs[0].value, std::string("outside"));
                }
            }
            if (item.info.path == "alias/sub/up") QCOMPARE(item.info.link_target, std::string(".."));
        }
    }
    // exclude_caches: a folder tagged with a CACHEDIR.TAG of the right signature keeps the tag
    // and nothing else (not entered); a tag with another first line is an ordinary file.
    void walkerLeavesOutWhatCachesHold_data()
    {
        QTest::addColumn<bool>("exclude");
        QTest::addColumn<QString>("signature");
        QTest::addColumn<bool>("cacheKept");
        QTest::newRow("tagged, left out") << true << "Signature: 8a477f597d28d172789f06886806bc55" << false;
        QTest::newRow("another signature") << true << "Signature: 0000000000000000000000000000000" << true;
        QTest::newRow("not asked") << false << "Signature: 8a477f597d28d172789f06886806bc55" << true;
    }
    void walkerLeavesOutWhatCachesHold()
    {
        QFETCH(bool, exclude);
        QFETCH(QString, signature);
        QFETCH(bool, cacheKept);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "p" / "cache" / "deep");
        write_file(root / "p" / "cache" / "CACHEDIR.TAG", signature.toStdString() + "\n# made by a test\n");
        write_file(root / "p" / "cache" / "blob", "cached");
        write_file(root / "p" / "cache" / "deep" / "more", "cached too");
        write_file(root / "p" / "kept.txt", "kept");
        std::vector<std::string> warnings;
        nnz::WalkOptions options;
        options.exclude_caches = exclude;
        const std::vector<fs::path> inputs{root / "p"};
        const auto names = names_of(nnz::walk_inputs(inputs, warnings, options));
        std::vector<std::string> expected{"p", "p/cache", "p/cache/CACHEDIR.TAG"};
        if (cacheKept) expected.insert(expected.end(), {"p/cache/blob", "p/cache/deep", "p/cache/deep/more"});
        expected.push_back("p/kept.txt");
        std::sort(expected.begin(), expected.end());
        QCOMPARE(names, expected);
    }
    void walkerRefusesDuplicateNames()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "x");
        fs::create_directories(root / "y");
        write_file(root / "x/same", "1");
        write_file(root / "y/same", "2");
        const std::vector<fs::path> inputs{root / "x/same", root / "y/same"};
        QCOMPARE(error_of([&] { nnz::walk_inputs(inputs); }), nnz::ErrorCode::Usage);
    }
    void walkerMissingInput()
    {
        QTemporaryDir tmp;
        const std::vector<fs::path> inputs{fs::path(tmp.path().toStdString()) / "nope"};
        try {
            nnz::walk_inputs(inputs);
            QFAIL("no error");
        } catch (const nnz::Error& e) {
            QCOMPARE(e.code(), nnz::ErrorCode::Io);
            QVERIFY(std::string(e.what()).find("cannot read") != std::string::npos);
        }
    }
    void walkerSkipsFifoWithWarning()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "in");
        QCOMPARE(::mkfifo((root / "in/pipe").c_str(), 0600), 0);
        std::vector<std::string> warnings;
        const std::vector<fs::path> inputs{root / "in"};
        const auto items = nnz::walk_inputs(inputs, warnings);
        QCOMPARE(names_of(items), std::vector<std::string>{"in"});
        QCOMPARE(warnings.size(), size_t(1));
        QVERIFY(warnings[0].find("pipe") != std::string::npos);
    }

    void extractorRefusesUnsafeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("parent") << "../evil";
        QTest::newRow("absolute") << "/abs";
        QTest::newRow("climbs out") << "a/../../b";
        QTest::newRow("dotdot only") << "..";
        QTest::newRow("empty") << "";
    }
    void extractorRefusesUnsafeNames()
    {
        QFETCH(QString, name);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        nnz::DiskExtractor out(root / "dest", false);
        const auto e = file_entry(name.toStdString(), "evil");
        QCOMPARE(error_of([&] { extract_file(out, e, "evil"); }), nnz::ErrorCode::Unsafe);
        QCOMPARE(error_of([&] { out.check_targets(std::span(&e, 1)); }), nnz::ErrorCode::Unsafe);
        out.finish();
        QCOMPARE(listing(root), std::vector<std::string>{"dest"});
        QVERIFY(!fs::exists("/abs"));
    }
    void extractorRenamesOnlyAtEnd()
    {
        QTemporaryDir tmp;
        const fs::path dest = fs::path(tmp.path().toStdString()) / "dest";
        nnz::DiskExtractor out(dest, false);
        const std::string content = "some content";
        const auto e = file_entry("d/f.txt", content);
        out.begin(e);
        out.data(std::span(reinterpret_cast<const uint8_t*>(content.data()), content.size()));
        QVERIFY(!fs::exists(dest / "d/f.txt"));
        const auto during = listing(dest / "d");
        QCOMPARE(during.size(), size_t(1));
        QVERIFY(during[0].find(".nnztmp-") != std::string::npos);
        out.end(e);
        out.finish();
        QCOMPARE(listing(dest / "d"), std::vector<std::string>{"f.txt"});
        QCOMPARE(read_file(dest / "d/f.txt"), content);
        struct stat st{};
        QCOMPARE(::lstat((dest / "d/f.txt").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
        QCOMPARE(int64_t(st.st_mtim.tv_sec), e.mtime_sec);
        QCOMPARE(uint32_t(st.st_mtim.tv_nsec), e.mtime_nsec);
    }
    void extractorLinksOnlyTheFileItWrote_data()
    {
        QTest::addColumn<bool>("right_after");   // link_previous(), or link_earlier() with a file between
        QTest::addColumn<QString>("meanwhile");  // what happens to the first file before the second name
        QTest::addColumn<bool>("linked");
        for (const bool after : {true, false}) {
            const char* how = after ? "previous: " : "earlier: ";
            QTest::addRow("%snothing", how) << after << "" << true;
            QTest::addRow("%sreplaced by a symlink", how) << after << "symlink" << false;
            QTest::addRow("%sreplaced by another file", how) << after << "file" << false;
        }
    }
    void extractorLinksOnlyTheFileItWrote()
    {
        QFETCH(bool, right_after);
        QFETCH(QString, meanwhile);
        QFETCH(bool, linked);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString(), dest = root / "dest";
        std::ofstream(root / "secret") << "not for the archive";
        nnz::DiskExtractor out(dest, false);
        const std::string content = "one file, two names";
        const auto a = file_entry("a", content);
        out.note_link_target(a, right_after);
        extract_file(out, a, content);
        if (!right_after) extract_file(out, file_entry("between", "x"), "x");
        if (meanwhile == "symlink") {
            fs::remove(dest / "a");
            fs::create_symlink(root / "secret", dest / "a");
        } else if (meanwhile == "file") {
            fs::remove(dest / "a");
            std::ofstream(dest / "a") << content;
        }
        auto b = file_entry("b", content);
        b.duplicate = b.hard_link = true;
        out.begin(b);
        QCOMPARE(right_after ? out.link_previous(b) : out.link_earlier(b, a), linked);
        if (linked) out.end(b);
        else out.abort(b);
        out.finish();
        QCOMPARE(fs::exists(fs::symlink_status(dest / "b")), linked);
        if (linked) QVERIFY(fs::equivalent(dest / "a", dest / "b"));
        QCOMPARE(fs::hard_link_count(root / "secret"), uintmax_t(1));
        QCOMPARE(listing(dest).size(), size_t((linked ? 2 : 1) + (right_after ? 0 : 1)));  // no temporary file left either way
    }
    void extractorAbortRemovesTemp()
    {
        QTemporaryDir tmp;
        const fs::path dest = tmp.path().toStdString();
        nnz::DiskExtractor out(dest, false);
        const std::string content = "partial";
        const auto e = file_entry("f", content);
        out.begin(e);
        out.data(std::span(reinterpret_cast<const uint8_t*>(content.data()), 3));
        out.abort(e);
        out.finish();
        QCOMPARE(listing(dest), std::vector<std::string>{});
    }
    void extractorExistingFile_data()
    {
        QTest::addColumn<bool>("overwrite");
        QTest::newRow("refused") << false;
        QTest::newRow("overwritten") << true;
    }
    void extractorExistingFile()
    {
        QFETCH(bool, overwrite);
        QTemporaryDir tmp;
        const fs::path dest = tmp.path().toStdString();
        write_file(dest / "f", "old");
        fs::create_symlink("f", dest / "l");
        nnz::DiskExtractor out(dest, overwrite);
        const auto e = file_entry("f", "new");
        nnz::EntryInfo link;
        link.path = "l";
        link.type = nnz::EntryType::Symlink;
        link.link_target = "elsewhere";
        const std::vector<nnz::EntryInfo> both{e, link};
        const auto checked = error_of([&] { out.check_targets(both); });
        const auto written = error_of([&] { extract_file(out, e, "new"); });
        const auto linked = error_of([&] { out.begin(link); out.end(link); });
        out.finish();
        if (overwrite) {
            QCOMPARE(checked, std::nullopt);
            QCOMPARE(written, std::nullopt);
            QCOMPARE(linked, std::nullopt);
            QCOMPARE(read_file(dest / "f"), std::string("new"));
            QCOMPARE(fs::read_symlink(dest / "l"), fs::path("elsewhere"));
        } else {
            QCOMPARE(checked, nnz::ErrorCode::Exists);
            QCOMPARE(written, nnz::ErrorCode::Exists);
            QCOMPARE(linked, nnz::ErrorCode::Exists);
            QCOMPARE(read_file(dest / "f"), std::string("old"));
            QCOMPARE(fs::read_symlink(dest / "l"), fs::path("f"));
        }
        QCOMPARE(listing(dest), (std::vector<std::string>{"f", "l"}));
    }
    void extractorFolderModeAndTimeAtFinish()
    {
        QTemporaryDir tmp;
        const fs::path dest = tmp.path().toStdString();
        nnz::DiskExtractor out(dest, false);
        nnz::EntryInfo outer;
        outer.path = "outer";
        outer.type = nnz::EntryType::Directory;
        outer.mode = 0750;
        outer.mtime_sec = 1'500'000'000;
        nnz::EntryInfo inner = outer;
        inner.path = "outer/inner";
        inner.mode = 0555;
        inner.mtime_sec = 1'400'000'000;
        inner.mtime_nsec = 5;
        out.begin(outer);
        out.end(outer);
        out.begin(inner);
        out.end(inner);
        extract_file(out, file_entry("outer/inner/f", "x"), "x");
        out.finish();
        struct stat st{};
        QCOMPARE(::lstat((dest / "outer/inner").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0555));
        QCOMPARE(int64_t(st.st_mtim.tv_sec), inner.mtime_sec);
        QCOMPARE(uint32_t(st.st_mtim.tv_nsec), inner.mtime_nsec);
        QCOMPARE(::lstat((dest / "outer").c_str(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0750));
        QCOMPARE(int64_t(st.st_mtim.tv_sec), outer.mtime_sec);
        ::chmod((dest / "outer/inner").c_str(), 0755);  // let QTemporaryDir clean up as non-root
    }
    void extractorRefusesWritingThroughSymlink()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "outside");
        nnz::DiskExtractor out(root / "dest", true);
        out.set_outside_links(nnz::OutsideLinks::Create);  // the link itself is allowed; writing through it never is
        nnz::EntryInfo link;
        link.path = "link";
        link.type = nnz::EntryType::Symlink;
        link.link_target = (root / "outside").string();
        out.begin(link);
        out.end(link);
        QVERIFY(fs::is_symlink(root / "dest/link"));
        const auto error = error_of([&] { extract_file(out, file_entry("link/evil", "x"), "x"); });
        QCOMPARE(error, nnz::ErrorCode::Unsafe);
        out.finish();
        QCOMPARE(listing(root / "outside"), std::vector<std::string>{});
    }
    // Links leading outside: refused before anything is written, left out with the rest
    // extracted, or created as they are; and the GUI's up-front question finds the same links.
    void extractorOutsideLinks_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<bool>("refused");
        QTest::addColumn<QStringList>("created");
        QTest::addColumn<int>("skipped");
        QTest::newRow("refuse") << int(nnz::OutsideLinks::Refuse) << true << QStringList{} << 0;
        QTest::newRow("skip") << int(nnz::OutsideLinks::Skip) << false << QStringList{"file", "inside"} << 3;
        QTest::newRow("create") << int(nnz::OutsideLinks::Create) << false
                                << QStringList{"abs", "climb", "file", "inside", "via"} << 0;
    }
    void extractorOutsideLinks()
    {
        QFETCH(int, policy);
        QFETCH(bool, refused);
        QFETCH(QStringList, created);
        QFETCH(int, skipped);
        QTemporaryDir tmp;
        const fs::path dest = fs::path(tmp.path().toStdString()) / "dest";
        auto link = [](std::string path, std::string target) {
            nnz::EntryInfo e;
            e.path = std::move(path);
            e.type = nnz::EntryType::Symlink;
            e.link_target = std::move(target);
            return e;
        };
        // "via" is relative but climbs out through "climb"; "inside" stays in.
        const std::vector<nnz::EntryInfo> entries{link("abs", "/etc"), link("climb", ".."), link("via", "climb/x"),
                                                  link("inside", "file"), file_entry("file", "x")};
        const auto found = nnz::links_leading_outside(entries, dest);
        QCOMPARE(found.size(), size_t(3));
        QCOMPARE(found[0].path, std::string("abs"));
        QCOMPARE(found[0].why, std::string("its target is an absolute path"));
        QCOMPARE(found[2].path, std::string("via"));
        QVERIFY(!fs::exists(dest));  // asking creates nothing

        nnz::DiskExtractor out(dest, false);
        out.set_outside_links(nnz::OutsideLinks(policy));
        try {
            out.check_targets(entries);
            QVERIFY(!refused);
        } catch (const nnz::LinkRefused& e) {
            QVERIFY(refused);
            QCOMPARE(e.code(), nnz::ErrorCode::Unsafe);
            QCOMPARE(e.links().size(), size_t(3));
            QVERIFY2(std::string(e.what()).find("and 2 more symlinks") != std::string::npos, e.what());
            QCOMPARE(listing(dest), std::vector<std::string>{});
            return;
        }
        for (const auto& e : entries) {
            if (e.type == nnz::EntryType::File) {
                extract_file(out, e, "x");
            } else {
                out.begin(e);
                out.end(e);
            }
        }
        out.finish();
        std::vector<std::string> expected;
        for (const QString& name : created) expected.push_back(name.toStdString());
        QCOMPARE(listing(dest), expected);
        QCOMPARE(out.skipped_links().size(), size_t(skipped));
    }
    void extractorDestinationBehindSymlink()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "real");
        fs::create_directory_symlink("real", root / "alias");
        nnz::DiskExtractor out(root / "alias/new", false);
        QCOMPARE(out.destination(), fs::canonical(root / "real/new"));
        extract_file(out, file_entry("f", "x"), "x");
        out.finish();
        QCOMPARE(read_file(root / "real/new/f"), std::string("x"));
    }
};

QTEST_GUILESS_MAIN(TestDisk)
#include "tst_disk.moc"
