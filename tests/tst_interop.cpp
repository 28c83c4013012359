// Interop with other archive formats through libarchive (docs/CLI.md: convert, --to-tar, and
// l/x/t on foreign archives). Every foreign archive is built here with libarchive itself and read
// back with libarchive independently of nnzip's own reading code; the CLI runs as a separate
// process (NNZ_CLI_PATH), as a user would run it.
#include <QtTest>

#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <langinfo.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <clocale>
#include <functional>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>

#include "checksum.hpp"
#include "container/archive_reader.hpp"
#include "damage_at_text.hpp"
#include "raw_archives.hpp"
#include "give_away.hpp"
#include "extended_attributes.hpp"
#include "error.hpp"
#include "interop/convert.hpp"
#include "interop/opened_archive.hpp"
#include "interop/archive_export.hpp"
#include "interop/foreign_names.hpp"
#include "jobs/content_check.hpp"
#include "jobs/extract_job.hpp"

namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;
    QByteArray out;
    QString err;
};

Run nnzip(const QStringList& args)
{
    QProcess process;
    // nnzip asks for a password on the terminal by itself: a test run from one must not be asked.
    process.setChildProcessModifier([] { ::setsid(); });
    process.setProgram(QStringLiteral(NNZ_CLI_PATH));
    process.setArguments(args);
    process.start();
    Run run;
    if (!process.waitForFinished(300'000) || process.exitStatus() != QProcess::NormalExit) return run;
    run.status = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

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

std::vector<std::string> names_in(const fs::path& root)
{
    std::vector<std::string> names;
    if (!fs::exists(root)) return names;
    for (const auto& e : fs::recursive_directory_iterator(root)) names.push_back(e.path().lexically_relative(root).string());
    std::sort(names.begin(), names.end());
    return names;
}

// ---- what an archive holds, independent of how it is stored ----

enum class Kind { File, Dir, Symlink, Hardlink };

struct Member {
    std::string name;       // as written into the archive (may be unsafe on purpose)
    Kind kind = Kind::File;
    std::string data;       // content, or link target for links
    unsigned perm = 0644;
    int64_t mtime = 1'600'000'000;
    long nsec = 0;
    int64_t uid = -1;  // -1: not set
    int64_t gid = -1;
    std::string user{}, group{};  // empty: not set
};

// Normalised view of one entry for comparisons.
struct Seen {
    char type = '?';  // f, d, l
    unsigned perm = 0;
    int64_t mtime = 0;
    long nsec = 0;
    std::string content;  // files: content; symlinks: target
    bool operator==(const Seen&) const = default;
};
using Listing = std::map<std::string, Seen>;

QString describe(const Listing& listing)
{
    QString s;
    for (const auto& [name, e] : listing)
        s += QString("%1 %2 %3 %4.%5 (%6 bytes)\n").arg(q(name)).arg(e.type).arg(e.perm, 0, 8).arg(e.mtime).arg(e.nsec).arg(e.content.size());
    return s;
}

std::string random_bytes(size_t n, unsigned seed)
{
    std::mt19937 random(seed);
    std::string s(n, '\0');
    for (auto& c : s) c = static_cast<char>(random());
    return s;
}

std::vector<Member> sample_members(bool with_hardlink)
{
    std::vector<Member> m = {
        {"docs/", Kind::Dir, "", 0750, 1'600'000'100, 0},
        {"docs/readme.txt", Kind::File, "read me, twice: read me\n", 0640, 1'600'000'200, 0},
        {"Grüße – 日本語.txt", Kind::File, "unicode names survive", 0600, 1'600'000'300, 0},
        {"empty", Kind::File, "", 0644, 1'600'000'400, 0},
        {"bin/tool", Kind::File, random_bytes(70'000, 7), 0755, 1'600'000'500, 0},
        {"implicit/parents/only.txt", Kind::File, std::string(5000, 'z'), 0644, 1'600'000'600, 0},
        {"link", Kind::Symlink, "docs/readme.txt", 0777, 1'600'000'700, 0},
    };
    if (with_hardlink) m.push_back({"hard", Kind::Hardlink, "docs/readme.txt", 0640, 1'600'000'200, 0});
    return m;
}

using ArchivePtr = std::unique_ptr<archive, int (*)(archive*)>;

// Builds an archive with libarchive's writer. format: zip, 7z, cpio, tar.gz, tar.xz, ...
void build_archive(const fs::path& path, const QString& format, const std::vector<Member>& members,
                   const char* options = nullptr, const char* passphrase = nullptr)
{
    ArchivePtr a(archive_write_new(), archive_write_free);
    if (format == "zip") archive_write_set_format_zip(a.get());
    else if (format == "7z") archive_write_set_format_7zip(a.get());
    else if (format == "cpio") archive_write_set_format_cpio_newc(a.get());
    else {
        archive_write_set_format_pax(a.get());
        if (format == "tar.gz") archive_write_add_filter_gzip(a.get());
        else if (format == "tar.bz2") archive_write_add_filter_bzip2(a.get());
        else if (format == "tar.xz") archive_write_add_filter_xz(a.get());
        else if (format == "tar.zst") archive_write_add_filter_zstd(a.get());
        else QVERIFY2(format == "tar", qPrintable(format));
    }
    if (options) QCOMPARE(archive_write_set_options(a.get(), options), ARCHIVE_OK);
    if (passphrase) QCOMPARE(archive_write_set_passphrase(a.get(), passphrase), ARCHIVE_OK);
    QCOMPARE(archive_write_open_filename(a.get(), path.c_str()), ARCHIVE_OK);
    for (const auto& m : members) {
        std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname_utf8(e.get(), m.name.c_str());
        archive_entry_set_mtime(e.get(), m.mtime, m.nsec);
        archive_entry_set_perm(e.get(), m.perm);
        archive_entry_set_size(e.get(), 0);
        if (m.uid >= 0) {
            archive_entry_set_uid(e.get(), m.uid);
            archive_entry_set_gid(e.get(), m.gid);
            if (!m.user.empty()) archive_entry_set_uname_utf8(e.get(), m.user.c_str());
            if (!m.group.empty()) archive_entry_set_gname_utf8(e.get(), m.group.c_str());
        }
        switch (m.kind) {
        case Kind::File:
            archive_entry_set_filetype(e.get(), AE_IFREG);
            archive_entry_set_size(e.get(), static_cast<la_int64_t>(m.data.size()));
            break;
        case Kind::Dir: archive_entry_set_filetype(e.get(), AE_IFDIR); break;
        case Kind::Symlink:
            archive_entry_set_filetype(e.get(), AE_IFLNK);
            archive_entry_set_symlink_utf8(e.get(), m.data.c_str());
            break;
        case Kind::Hardlink:
            archive_entry_set_filetype(e.get(), AE_IFREG);
            archive_entry_set_hardlink_utf8(e.get(), m.data.c_str());
            break;
        }
        QVERIFY2(archive_write_header(a.get(), e.get()) >= ARCHIVE_WARN, archive_error_string(a.get()));
        if (m.kind == Kind::File && !m.data.empty())
            QCOMPARE(archive_write_data(a.get(), m.data.data(), m.data.size()), static_cast<la_ssize_t>(m.data.size()));
    }
    QCOMPARE(archive_write_close(a.get()), ARCHIVE_OK);
}

std::string without_slashes(const char* raw)
{
    std::string name = raw ? raw : "(no name)";
    while (name.size() > 1 && name.back() == '/') name.pop_back();
    return name;
}

// Reads any archive with libarchive alone (hard links resolved to their target's content).
Listing read_with_libarchive(const fs::path& path, QString* format = nullptr, const char* passphrase = nullptr)
{
    Listing listing;
    ArchivePtr a(archive_read_new(), archive_read_free);
    archive_read_support_format_all(a.get());
    archive_read_support_filter_all(a.get());
    if (passphrase) archive_read_add_passphrase(a.get(), passphrase);
    if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK) return listing;
    archive_entry* e = nullptr;
    while (archive_read_next_header(a.get(), &e) == ARCHIVE_OK) {
        const std::string name = without_slashes(archive_entry_pathname_utf8(e));
        Seen seen;
        seen.perm = archive_entry_perm(e);
        seen.mtime = archive_entry_mtime(e);
        seen.nsec = archive_entry_mtime_nsec(e);
        if (archive_entry_hardlink(e) && archive_entry_size(e) == 0) {
            const Seen own = seen;
            seen = listing.at(without_slashes(archive_entry_hardlink_utf8(e)));
            seen.perm = own.perm;
            seen.mtime = own.mtime;
            seen.nsec = own.nsec;
        } else if (archive_entry_filetype(e) == AE_IFDIR) {
            seen.type = 'd';
        } else if (archive_entry_filetype(e) == AE_IFLNK) {
            seen.type = 'l';
            const char* target = archive_entry_symlink_utf8(e);
            seen.content = target ? target : "(no target)";
        } else {
            seen.type = 'f';
            char buffer[8192];
            la_ssize_t n = 0;
            while ((n = archive_read_data(a.get(), buffer, sizeof buffer)) > 0) seen.content.append(buffer, n);
            if (n < 0) seen.content = "(unreadable)";
        }
        listing[name] = seen;
    }
    if (format) *format = archive_format_name(a.get());
    return listing;
}

// Collects the decoded content of an .nnz in memory.
class Collect : public nnz::EntrySink {
public:
    Listing listing;
    void begin(const nnz::EntryInfo& e) override
    {
        Seen& s = listing[e.path];
        s.type = e.type == nnz::EntryType::File ? 'f' : e.type == nnz::EntryType::Directory ? 'd' : 'l';
        s.perm = e.mode;
        s.mtime = e.mtime_sec;
        s.nsec = e.mtime_nsec;
        if (e.type == nnz::EntryType::Symlink) s.content = e.link_target;
        current_ = &s;
    }
    void data(std::span<const uint8_t> bytes) override { current_->content.append(reinterpret_cast<const char*>(bytes.data()), bytes.size()); }
    void end(const nnz::EntryInfo&) override {}
    void abort(const nnz::EntryInfo&) override {}

private:
    Seen* current_ = nullptr;
};

Listing read_nnz(const fs::path& path, const nnz::Passphrase& passphrase = {})
{
    nnz::ArchiveReader reader(path, passphrase);
    nnz::JobControl control;
    Collect collect;
    reader.extract({}, collect, control);
    return collect.listing;
}

// What the members mean once stored: folders implied by names are not entries, hard links carry
// their target's content, symlink permissions are not meaningful.
Listing expected_from(const std::vector<Member>& members)
{
    Listing listing;
    for (const auto& m : members) {
        Seen s{m.kind == Kind::Dir ? 'd' : m.kind == Kind::Symlink ? 'l' : 'f', m.perm, m.mtime, m.nsec, m.data};
        if (m.kind == Kind::Hardlink) s.content = listing.at(m.data).content;
        listing[without_slashes(m.name.c_str())] = s;
    }
    return listing;
}

// Drops what a format cannot store: symlink modes everywhere, and sub-second times where the
// foreign format has none (they are compared against libarchive's own reading instead).
Listing comparable(Listing listing)
{
    for (auto& [name, e] : listing)
        if (e.type == 'l') e.perm = 0;
    return listing;
}

// The error a call throws, as the exit status the CLI maps it to (0 when it throws nothing).
int status_of(const std::function<void()>& call)
{
    try {
        call();
        return 0;
    } catch (const nnz::Error& e) {
        return nnz::exit_status_for(e.code());
    }
}

QString message_of(const std::function<void()>& call)
{
    try {
        call();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

nnz::ConversionReport convert(const fs::path& input, const fs::path& output, bool overwrite = false)
{
    nnz::CompressOptions options;
    options.codec = "store";
    options.block_size = 16 << 10;
    options.overwrite = overwrite;
    nnz::JobControl control;
    return nnz::convert_archive(input, output, options, control);
}

void extract(const fs::path& archive, const fs::path& dest, const std::vector<std::string>& names = {},
             bool overwrite = false)
{
    nnz::JobControl control;
    nnz::extract_archive(archive, dest, names, overwrite, control);
}

void export_tar(const fs::path& archive, const fs::path& tar, const std::vector<std::string>& names = {},
                bool overwrite = false)
{
    nnz::JobControl control;
    nnz::export_tar(archive, tar, names, overwrite, control);
}

// Every entry extracted under root matches the listing: content, link target, mode, mtime.
QString tree_difference(const Listing& expected, const fs::path& root)
{
    for (const auto& [name, want] : expected) {
        const fs::path p = root / name;
        struct stat st{};
        if (::lstat(p.c_str(), &st) != 0) return "missing " + q(name);
        if (want.type == 'l') {
            if (!S_ISLNK(st.st_mode) || fs::read_symlink(p).string() != want.content) return "link differs: " + q(name);
            continue;
        }
        if (want.type == 'f' && (!S_ISREG(st.st_mode) || read_file(p) != want.content)) return "content differs: " + q(name);
        if (want.type == 'd' && !S_ISDIR(st.st_mode)) return "not a folder: " + q(name);
        if ((st.st_mode & 07777) != want.perm) return "mode differs: " + q(name);
        if (st.st_mtim.tv_sec != want.mtime || st.st_mtim.tv_nsec != want.nsec) return "mtime differs: " + q(name);
    }
    return {};
}

long peak_child_rss_kib()
{
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss;
}

// The walker's items for root/in and root/in/log.txt (of `size` bytes), as write_standard_archive takes them.
std::vector<nnz::InputItem> folder_and_log_items(const fs::path& root, uint64_t size)
{
    std::vector<nnz::InputItem> items(2);
    items[0].info.path = "in";
    items[0].info.type = nnz::EntryType::Directory;
    items[0].info.mode = 0755;
    items[1].info.path = "in/log.txt";
    items[1].info.type = nnz::EntryType::File;
    items[1].info.mode = 0644;
    items[1].info.size = size;
    items[1].source = root / "in" / "log.txt";
    return items;
}

}  // namespace

class TestInterop : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Names are UTF-8 everywhere here, and libarchive converts them through the locale.
        if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0) std::setlocale(LC_CTYPE, "C.UTF-8");
        QVERIFY(fs::exists(NNZ_CLI_PATH));
    }

    // Every format converted in-process, compared entry by entry with what libarchive reads.
    void convertKeepsEverything_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("zip") << "zip";
        QTest::newRow("tar.gz") << "tar.gz";
        QTest::newRow("tar.xz") << "tar.xz";
        QTest::newRow("tar.bz2") << "tar.bz2";
        QTest::newRow("tar.zst") << "tar.zst";
        QTest::newRow("7z") << "7z";
        QTest::newRow("cpio") << "cpio";
    }
    void convertKeepsEverything()
    {
        QFETCH(QString, format);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        // The name says nothing: formats are recognised by their content.
        const fs::path input = root / "input.archive";
        const bool tar = format.startsWith("tar");
        auto members = sample_members(tar);
        members[1].nsec = 123'456'700;  // sub-second times where the format keeps them
        build_archive(input, format, members);

        const Listing source = read_with_libarchive(input);
        // The fixture: libarchive reads back the contents written (the formats differ in what
        // else they keep: zip and cpio whole seconds, cpio no folders or symlinks here).
        for (const auto& [name, want] : expected_from(members)) {
            if (!source.count(name)) continue;
            QCOMPARE(source.at(name).type, want.type);
            QCOMPARE(source.at(name).content, want.content);
        }
        QVERIFY(source.size() >= 5);

        const fs::path output = root / "out.nnz";
        const auto report = convert(input, output);
        QCOMPARE(QString::fromStdString(report.format), format);
        QCOMPARE(report.output_bytes, uint64_t(fs::file_size(output)));
        QCOMPARE(report.input_bytes, uint64_t(fs::file_size(input)));

        // Entry by entry: what nnzip stored is what libarchive reads from the original.
        const Listing converted = read_nnz(output);
        QVERIFY2(comparable(converted) == comparable(source),
                 qPrintable("converted:\n" + describe(converted) + "source:\n" + describe(source)));
        QCOMPARE(converted.at("bin/tool").perm, 0755u);
        if (tar) QCOMPARE(converted.at("hard").content, converted.at("docs/readme.txt").content);
        // A tar's hard link is stored once, as a duplicate right after its target.
        const nnz::ArchiveReader reader(output);
        for (size_t i = 0; i < reader.entries().size(); ++i) {
            const auto& e = reader.entries()[i];
            QCOMPARE(e.duplicate, tar && e.path == "hard");
            if (e.duplicate) QCOMPARE(reader.entries()[i - 1].path, std::string("docs/readme.txt"));
        }
        QCOMPARE(names_in(root), (std::vector<std::string>{"input.archive", "out.nnz"}));
    }

    // convert -x: the entries that match are left out, the rest converted as they are (a hard
    // link keeps its content when its target is left out).
    void convertLeavesOutExcludedEntries_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QStringList>("leftOut");
        QTest::newRow("zip, folder") << "zip" << "docs" << QStringList{"docs", "docs/readme.txt"};
        QTest::newRow("zip, suffix") << "zip" << "*.txt"
                                     << QStringList{"docs/readme.txt", "Grüße – 日本語.txt", "implicit/parents/only.txt"};
        QTest::newRow("tar.gz, hard link's target") << "tar.gz" << "docs" << QStringList{"docs", "docs/readme.txt"};
    }
    void convertLeavesOutExcludedEntries()
    {
        QFETCH(QString, format);
        QFETCH(QString, pattern);
        QFETCH(QStringList, leftOut);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path input = root / "input.archive";
        build_archive(input, format, sample_members(format.startsWith("tar")));
        Listing expected = read_with_libarchive(input);
        for (const QString& name : leftOut) QCOMPARE(expected.erase(name.toStdString()), size_t(1));

        nnz::CompressOptions options;
        options.codec = "store";
        options.exclude = {pattern.toStdString()};
        nnz::JobControl control;
        const fs::path output = root / "out.nnz";
        const auto report = nnz::convert_archive(input, output, options, control);
        QCOMPARE(report.entries, expected.size());
        const Listing converted = read_nnz(output);
        QVERIFY2(comparable(converted) == comparable(expected),
                 qPrintable("converted:\n" + describe(converted) + "expected:\n" + describe(expected)));
        // A hard link whose target is left out holds the content itself.
        const nnz::ArchiveReader written(output);  // kept: entries() is its own
        for (const auto& e : written.entries()) QVERIFY(!e.duplicate);
    }

    void convertFromTheCommandLine()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path input = root / "photos.zip";
        build_archive(input, "zip", sample_members(false));
        const Run run = nnzip({"convert", q(input), q(root / "photos.nnz"), "--codec", "store", "--block-size", "16K",
                               "--threads", "1"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        // "zip 1.23 MB → nnz 0.81 MB, −34%, 2.412 bpb"
        const QString summary = QString::fromUtf8(run.out).trimmed();
        const QRegularExpression shape(R"(^zip \d+(\.\d+)? (B|KB|MB) → nnz \d+(\.\d+)? (B|KB|MB), [−+]\d+%, \d+\.\d{3} bpb$)");
        QVERIFY2(shape.match(summary).hasMatch(), qPrintable(summary));
        QVERIFY2(comparable(read_nnz(root / "photos.nnz")) == comparable(read_with_libarchive(input)),
                 qPrintable(describe(read_nnz(root / "photos.nnz"))));

        // Refusals: an existing output (exit 3, untouched), an .nnz as input, the input as output.
        write_file(root / "taken.nnz", "precious");
        QCOMPARE(nnzip({"convert", q(input), q(root / "taken.nnz"), "--codec", "store"}).status, 3);
        QCOMPARE(read_file(root / "taken.nnz"), std::string("precious"));
        QCOMPARE(status_of([&] { convert(input, root / "taken.nnz", true); }), 0);
        QCOMPARE(read_nnz(root / "taken.nnz").at("empty").content, std::string());
        QCOMPARE(status_of([&] { convert(root / "taken.nnz", root / "again.nnz"); }), 1);
        QCOMPARE(status_of([&] { convert(input, input, true); }), 1);
        QVERIFY(!read_with_libarchive(input).empty());
        QCOMPARE(names_in(root), (std::vector<std::string>{"photos.nnz", "photos.zip", "taken.nnz"}));
    }

    void describeSizes_data()
    {
        QTest::addColumn<quint64>("in");
        QTest::addColumn<quint64>("out");
        QTest::addColumn<quint64>("content");
        QTest::addColumn<QString>("text");
        QTest::newRow("smaller") << quint64(1'230'000) << quint64(810'000) << quint64(3'000'000)
                                 << "zip 1.23 MB → nnz 0.81 MB, −34%, 2.160 bpb";
        QTest::newRow("larger") << quint64(900) << quint64(1'800) << quint64(100) << "zip 0.9 KB → nnz 1.8 KB, +100%, 144.000 bpb";
        QTest::newRow("far apart") << quint64(3'400) << quint64(3'150'000) << quint64(3'145'740)
                                   << "zip 3.4 KB → nnz 3.15 MB, +92547%, 8.011 bpb";
        QTest::newRow("no content") << quint64(2'000'000'000) << quint64(100) << quint64(0) << "zip 2.00 GB → nnz 100 B, −100%";
    }
    void describeSizes()
    {
        QFETCH(quint64, in);
        QFETCH(quint64, out);
        QFETCH(quint64, content);
        QFETCH(QString, text);
        nnz::ConversionReport report{"zip", in, out, content, 1};
        QCOMPARE(QString::fromStdString(nnz::describe(report)), text);
    }

    // l, t and x straight on foreign archives, whatever their file name says.
    void foreignArchivesDirectly_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("zip") << "zip";
        QTest::newRow("tar.gz") << "tar.gz";
        QTest::newRow("7z") << "7z";
    }
    void foreignArchivesDirectly()
    {
        QFETCH(QString, format);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path input = root / "looks-like.nnz";  // detection is by content
        build_archive(input, format, sample_members(false));
        const Listing source = read_with_libarchive(input);

        const auto opened = nnz::open_archive(input);
        QVERIFY(opened->foreign() && !opened->nnz());
        QCOMPARE(QString::fromStdString(opened->format()), format);
        QCOMPARE(opened->entries().size(), source.size());
        nnz::JobControl control;
        QCOMPARE(nnz::test_archive(input, control).entries, source.size());

        const fs::path out = root / "out";
        extract(input, out);
        QCOMPARE(tree_difference(source, out), QString());

        // The same overwrite rules as for .nnz: nothing replaced without -f, checked up front.
        write_file(out / "docs/readme.txt", "mine");
        fs::remove(out / "empty");
        QCOMPARE(status_of([&] { extract(input, out); }), 3);
        QCOMPARE(read_file(out / "docs/readme.txt"), std::string("mine"));
        QVERIFY(!fs::exists(out / "empty"));
        extract(input, out, {}, true);
        QCOMPARE(tree_difference(source, out), QString());

        // Entry selection.
        extract(input, root / "some", {"docs"});
        QCOMPARE(names_in(root / "some"), (std::vector<std::string>{"docs", "docs/readme.txt"}));
    }

    void foreignFromTheCommandLine()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path input = root / "input.7z.nnz";
        build_archive(input, "7z", sample_members(false));
        const Listing source = read_with_libarchive(input);

        Run run = nnzip({"l", q(input)});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QString table = QString::fromUtf8(run.out);
        QVERIFY2(table.contains("docs/readme.txt") && table.contains("Grüße – 日本語.txt") &&
                     table.contains("link -> docs/readme.txt") && table.contains("in a 7z archive (read-only)"),
                 qPrintable(table));
        run = nnzip({"l", q(input), "--json"});
        QCOMPARE(run.status, 0);
        QJsonParseError error{};
        const auto json = QJsonDocument::fromJson(run.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && json.isArray(), qPrintable(error.errorString()));
        QCOMPARE(size_t(json.array().size()), source.size());
        for (const auto& v : json.array()) {
            const auto entry = v.toObject();
            const std::string name = entry["name"].toString().toStdString();
            QVERIFY2(source.count(name), name.c_str());
            QCOMPARE(entry["mtime"].toInteger(), source.at(name).mtime);
            QCOMPARE(entry["format"].toString(), QString("7z"));
            QVERIFY(entry["packed_size"].isNull());
        }
        run = nnzip({"t", q(input)});
        QVERIFY2(run.status == 0 && QString::fromUtf8(run.out).contains("OK (7 entries"), qPrintable(run.out + run.err));
        run = nnzip({"x", q(input), "-o", q(root / "out")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(tree_difference(source, root / "out"), QString());
    }

    void exportToTar_data()
    {
        QTest::addColumn<QString>("source");  // nnz, or a foreign format
        QTest::newRow("nnz") << "nnz";
        QTest::newRow("zip") << "zip";
    }
    void exportToTar()
    {
        QFETCH(QString, source);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        auto members = sample_members(false);
        members[1].nsec = 987'654'321;
        fs::path archive = root / "a.zip";
        build_archive(archive, "zip", members);
        if (source == "nnz") {
            const fs::path tar_in = root / "members.tar";
            build_archive(tar_in, "tar", members);
            archive = root / "a.nnz";
            convert(tar_in, archive);
            fs::remove(tar_in);
            fs::remove(root / "a.zip");
        }
        const Listing expected = source == "nnz" ? read_nnz(archive) : read_with_libarchive(archive);
        const fs::path tar = root / "out.tar";
        export_tar(archive, tar);
        QString format;
        const Listing exported = read_with_libarchive(tar, &format);
        QVERIFY2(format.contains("pax"), qPrintable(format));
        QVERIFY2(comparable(exported) == comparable(expected),
                 qPrintable("exported:\n" + describe(exported) + "expected:\n" + describe(expected)));
        if (source == "nnz") QCOMPARE(exported.at("docs/readme.txt").nsec, 987'654'321L);
        // Nothing else was written.
        QCOMPARE(names_in(root), (std::vector<std::string>{archive.filename().string(), "out.tar"}));

        // Selection, and the overwrite rule.
        const std::string before = read_file(tar);
        QCOMPARE(status_of([&] { export_tar(archive, tar, {"docs"}); }), 3);
        QCOMPARE(read_file(tar), before);
        export_tar(archive, tar, {"docs"}, true);
        const Listing part = read_with_libarchive(tar);
        QCOMPARE(part.size(), size_t(2));
        QVERIFY(part.count("docs") && part.count("docs/readme.txt"));
    }

    void ownersAndHardLinksAcrossFormats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("owners");     // the format records them (cpio newc: numbers only)
        QTest::addColumn<bool>("hardLinks");
        QTest::newRow("tar") << "tar" << true << true;
        QTest::newRow("cpio") << "cpio" << true << false;  // (libarchive's newc writer links only what its link resolver paired)
        QTest::newRow("zip") << "zip" << false << false;
    }
    void ownersAndHardLinksAcrossFormats()
    {
        // In: a (4242:4343, with names in a tar), b a hard link of a (not in a zip), r (uid 4242
        // named "root"). Converted to .nnz, exported to tar, extracted: owners and links stay.
        QFETCH(QString, format);
        QFETCH(bool, owners);
        QFETCH(bool, hardLinks);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        std::vector<Member> members{{"a", Kind::File, "shared content", 0644}, {"r", Kind::File, "root's", 0600}};
        members[0].uid = members[1].uid = 4242;
        members[0].gid = members[1].gid = 4343;
        members[0].user = "nnzip-test-user";
        members[0].group = "nnzip-test-group";
        members[1].user = members[1].group = "root";
        if (hardLinks) members.push_back({"b", Kind::Hardlink, "a", 0644});
        const fs::path in = root / ("in." + format.toStdString());
        build_archive(in, format, members);
        const fs::path nnz = root / "a.nnz";
        convert(in, nnz);
        {
            const nnz::ArchiveReader reader(nnz);
            std::map<std::string, nnz::EntryInfo> by_name;
            for (const auto& e : reader.entries()) by_name[e.path] = e;
            QCOMPARE(by_name.count("b"), size_t(hardLinks ? 1 : 0));
            if (hardLinks) QVERIFY(by_name.at("b").hard_link && !by_name.at("a").hard_link);
            const auto& a = by_name.at("a").owner;
            QCOMPARE(bool(a), owners);
            if (owners) {
                QCOMPARE(a->uid, 4242u);
                QCOMPARE(a->gid, 4343u);
                QCOMPARE(QString::fromStdString(a->user), format == "tar" ? QString("nnzip-test-user") : QString());
            }
        }

        const fs::path tar = root / "out.tar";
        export_tar(nnz, tar);
        ArchivePtr a(archive_read_new(), archive_read_free);
        archive_read_support_format_all(a.get());
        QCOMPARE(archive_read_open_filename(a.get(), tar.c_str(), 1 << 16), ARCHIVE_OK);
        archive_entry* e = nullptr;
        std::map<std::string, std::string> seen;  // name -> "uid:gid user"
        std::map<std::string, std::string> linked;  // hard link -> its target
        while (archive_read_next_header(a.get(), &e) == ARCHIVE_OK) {
            const char* user = archive_entry_uname(e);
            const char* link = archive_entry_hardlink(e);
            seen[archive_entry_pathname(e)] =
                QString("%1:%2 %3").arg(archive_entry_uid(e)).arg(archive_entry_gid(e)).arg(user && *user ? user : "-").toStdString();
            if (link) linked[archive_entry_pathname(e)] = link;
        }
        const QString me = QString("%1:%2").arg(::getuid()).arg(::getgid());
        const QString expectedA = owners ? QString("4242:4343 %1").arg(format == "tar" ? "nnzip-test-user" : "-") : me + " -";
        QCOMPARE(QString::fromStdString(seen.at("a")), expectedA);
        using Links = std::map<std::string, std::string>;
        if (hardLinks) QVERIFY(linked == (Links{{"b", "a"}}));
        else QVERIFY(linked.empty());

        // Listed as it is: who owns it, which name is a hard link of which.
        const Run listed = nnzip({"l", q(in), "--json"});
        QCOMPARE(listed.status, 0);
        QCOMPARE(listed.out.contains(R"("hard_link_to": "a")"), hardLinks);
        QCOMPARE(listed.out.contains(R"("uid": 4242)"), owners);
        // Extracted as it is: the names of one file are one file again; one alone has the content.
        extract(in, root / "direct");
        QCOMPARE(read_file(root / "direct" / "a"), std::string("shared content"));
        if (hardLinks) QVERIFY(fs::equivalent(root / "direct" / "a", root / "direct" / "b"));
        if (hardLinks) {
            extract(in, root / "alone", {"b"});
            QCOMPARE(read_file(root / "alone" / "b"), std::string("shared content"));
            QCOMPARE(fs::hard_link_count(root / "alone" / "b"), uintmax_t(1));
        }

        if (!canGiveFilesAway() || format != "tar") return;
        // Extracting the tar itself as root: by name "root" is uid 0; by number 4242.
        for (const auto owners_mode : {nnz::Owners::Recorded, nnz::Owners::Numeric}) {
            const fs::path out = root / (owners_mode == nnz::Owners::Recorded ? "by-name" : "by-number");
            nnz::JobControl control;
            nnz::extract_archive(in, out, {}, nnz::ExistingFiles::Refuse, control, nnz::OutsideLinks::Refuse, {}, 0, {owners_mode});
            struct stat st {};
            QCOMPARE(::lstat((out / "r").c_str(), &st), 0);
            QCOMPARE(st.st_uid, owners_mode == nnz::Owners::Recorded ? 0u : 4242u);
            QCOMPARE(::lstat((out / "a").c_str(), &st), 0);
            QCOMPARE(st.st_uid, 4242u);  // no such user here: by number
        }
    }

    void attributesAndListsThroughGnuTar()
    {
        // GNU tar --xattrs --acls (another implementation than libarchive) writes a tree with an
        // attribute, a file's list and a folder's default list; converted to .nnz, extracted,
        // exported to tar and read back by GNU tar, every one of them is still there.
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        if (!attributesSupported(root)) QSKIP("this file system keeps no user attributes or access control lists");
        const fs::path src = root / "src";
        fs::create_directories(src / "t" / "team");
        std::ofstream(src / "t" / "notes.txt") << "notes";
        std::ofstream(src / "t" / "team" / "plan.txt") << "the plan";
        QVERIFY(setAttribute(src / "t" / "notes.txt", "user.comment", "written by hand"));
        QVERIFY(setAttribute(src / "t" / "team" / "plan.txt", "system.posix_acl_access",
                             kernelAcl({{1, 6}, {2, 6, 4242}, {4, 4}, {0x10, 6}, {0x20, 0}})));
        QVERIFY(setAttribute(src / "t" / "team", "system.posix_acl_default",
                             kernelAcl({{1, 7}, {2, 7, 4242}, {4, 5}, {0x10, 7}, {0x20, 0}})));
        const auto gnuTar = [](const QStringList& args) {
            QProcess tar;
            tar.start("tar", args);
            return tar.waitForFinished(60'000) && tar.exitStatus() == QProcess::NormalExit && tar.exitCode() == 0;
        };
        const fs::path in = root / "in.tar";
        if (!gnuTar({"--xattrs", "--acls", "-cf", q(in), "-C", q(src), "t"})) QSKIP("GNU tar with --xattrs and --acls is not here");
        // What each of the three holds on disk, lists (system.posix_acl_*) included.
        const auto metadataUnder = [](const fs::path& top) {
            std::map<std::string, std::map<std::string, std::string>> all;
            for (const char* name : {"t/notes.txt", "t/team", "t/team/plan.txt"}) all[name] = attributesOf(top / name);
            return all;
        };
        const auto expected = metadataUnder(src);
        QCOMPARE(expected.at("t/team/plan.txt").count("system.posix_acl_access"), size_t(1));

        const fs::path nnz = root / "t.nnz";
        convert(in, nnz);
        {
            const nnz::ArchiveReader reader(nnz);
            std::map<std::string, nnz::EntryInfo> by_name;
            for (const auto& e : reader.entries()) by_name[e.path] = e;
            const auto& notes = by_name.at("t/notes.txt").xattrs;
            QCOMPARE(notes.size(), size_t(1));  // GNU tar's copy of the list in the kernel's form is not kept twice
            QCOMPARE(notes[0].name, std::string("user.comment"));
            QVERIFY(by_name.at("t/team/plan.txt").xattrs.empty());
            QVERIFY2(by_name.at("t/team/plan.txt").acl.find(":rw-:4242") != std::string::npos, by_name.at("t/team/plan.txt").acl.c_str());
            QVERIFY(by_name.at("t/team").acl.find("default:user:") != std::string::npos);
        }
        const nnz::RestoredMetadata restored{nnz::Owners::Extractor, true, true};
        nnz::JobControl control;
        nnz::extract_archive(nnz, root / "from-nnz", {}, nnz::ExistingFiles::Refuse, control, nnz::OutsideLinks::Refuse, {}, 0, restored);
        QVERIFY(metadataUnder(root / "from-nnz") == expected);
        nnz::extract_archive(in, root / "from-tar", {}, nnz::ExistingFiles::Refuse, control, nnz::OutsideLinks::Refuse, {}, 0, restored);
        QVERIFY(metadataUnder(root / "from-tar") == expected);

        const fs::path out = root / "out.tar";
        export_tar(nnz, out);
        fs::create_directories(root / "by-gnu-tar");
        QVERIFY(gnuTar({"--xattrs", "--xattrs-include=user.*", "--acls", "-xf", q(out), "-C", q(root / "by-gnu-tar")}));
        QVERIFY(metadataUnder(root / "by-gnu-tar") == expected);
    }

    void exportFormatByName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("format");  // empty: none
        QTest::newRow("zip") << "out.zip" << "zip";
        QTest::newRow("upper case") << "OUT.ZIP" << "zip";
        QTest::newRow("7z") << "a.b.7z" << "7z";
        QTest::newRow("tar") << "x.tar" << "tar";
        QTest::newRow("tar.gz") << "x.tar.gz" << "tar.gz";
        QTest::newRow("tgz") << "x.tgz" << "tar.gz";
        QTest::newRow("tar.bz2") << "x.tar.bz2" << "tar.bz2";
        QTest::newRow("txz") << "x.txz" << "tar.xz";
        QTest::newRow("tar.zst") << "x.tar.zst" << "tar.zst";
        QTest::newRow("nnz") << "x.nnz" << "";
        QTest::newRow("gz alone") << "x.gz" << "";
        QTest::newRow("a name that is only the suffix") << ".zip" << "";
        QTest::newRow("a folder named like one") << "dir.zip/x" << "";
    }
    void exportFormatByName()
    {
        QFETCH(QString, name);
        QFETCH(QString, format);
        const auto found = nnz::export_format_for(name.toStdString());
        QCOMPARE(found ? QString::fromUtf8(nnz::export_format_name(*found).data(), nnz::export_format_name(*found).size()) : QString(),
                 format);
    }

    void exportToEveryFormat_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("reported");  // what libarchive calls the format it reads back
        QTest::newRow("zip") << "out.zip" << "ZIP";
        QTest::newRow("7z") << "out.7z" << "7-Zip";
        QTest::newRow("tar") << "out.tar" << "POSIX pax";
        QTest::newRow("tar.gz") << "out.tar.gz" << "POSIX pax";
        QTest::newRow("tar.bz2") << "out.tbz2" << "POSIX pax";
        QTest::newRow("tar.xz") << "out.tar.xz" << "POSIX pax";
        QTest::newRow("tar.zst") << "out.tar.zst" << "POSIX pax";
    }
    void exportToEveryFormat()
    {
        QFETCH(QString, output);
        QFETCH(QString, reported);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        build_archive(root / "members.tar", "tar", sample_members(false));
        const fs::path archive = root / "a.nnz";
        convert(root / "members.tar", archive);
        const Listing expected = read_nnz(archive);
        const fs::path out = root / output.toStdString();
        nnz::JobControl control;
        const auto report = nnz::export_archive(archive, out, *nnz::export_format_for(out), {}, false, control);
        QVERIFY(!report.encrypted);
        QVERIFY(control.warnings().empty());
        QString format;
        const Listing exported = read_with_libarchive(out, &format);
        QVERIFY2(format.contains(reported), qPrintable(format));
        // Every entry with its type, content or target, permissions and time to the second.
        QCOMPARE(exported.size(), expected.size());
        for (const auto& [name, want] : expected) {
            QVERIFY2(exported.count(name), name.c_str());
            const Seen& got = exported.at(name);
            QCOMPARE(got.type, want.type);
            QCOMPARE(got.content, want.content);
            QCOMPARE(got.mtime, want.mtime);
            if (want.type != 'l') QCOMPARE(got.perm, want.perm);
        }
        // Not over an existing file without being told; nothing left beside it.
        QCOMPARE(status_of([&] { nnz::export_archive(archive, out, *nnz::export_format_for(out), {}, false, control); }), 3);
        QCOMPARE(names_in(root), (std::vector<std::string>{"a.nnz", "members.tar", out.filename().string()}));
    }

    // write_standard_archive (`a x.zip`): a file whose size changed after the walk listed it
    // fails the job (the member's header said its size) and leaves no output; unchanged, the same
    // items make a zip that reads back.
    void standardArchiveRefusesAFileThatChanged_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("unchanged") << "";
        QTest::newRow("grew") << "grow";
        QTest::newRow("shrank") << "shrink";
    }
    void standardArchiveRefusesAFileThatChanged()
    {
        QFETCH(QString, change);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "in");
        std::ofstream(root / "in" / "log.txt") << std::string(5000, 'l');
        const fs::path output = root / "out.zip";
        std::vector<nnz::InputItem> items = folder_and_log_items(root, 5000);
        if (change == "grow") std::ofstream(root / "in" / "log.txt", std::ios::app) << "more";
        if (change == "shrink") fs::resize_file(root / "in" / "log.txt", 10);
        nnz::JobControl control;
        int code = -1;
        try {
            nnz::write_standard_archive(output, nnz::ExportFormat::Zip, items, false, false, control);
        } catch (const nnz::Error& e) {
            code = int(e.code());
        }
        if (!change.isEmpty()) {
            QCOMPARE(code, int(nnz::ErrorCode::Io));
            QVERIFY(!fs::exists(output));
            QCOMPARE(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 1);  // no temporary file either
            return;
        }
        QCOMPARE(code, -1);
        const auto opened = nnz::open_archive(output);
        QCOMPARE(opened->format(), std::string("zip"));
        QCOMPARE(opened->entries().size(), size_t(2));
        QCOMPARE(opened->entries()[1].size, uint64_t(5000));
    }
    // `a x.tar --test`: the archive written is decoded and each file checked against the hash taken
    // as it was written, before it replaces anything; content changed on the way is caught even in
    // a tar, which keeps no checksum of its own.
    void standardArchiveTestedBeforeKeeping_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("damaged");  // a byte of the content changed in the written file
        QTest::newRow("tar") << "out.tar" << false;
        QTest::newRow("tar, damaged") << "out.tar" << true;
        QTest::newRow("zip") << "out.zip" << false;
        QTest::newRow("7z") << "out.7z" << false;
    }
    void standardArchiveTestedBeforeKeeping()
    {
        QFETCH(QString, name);
        QFETCH(bool, damaged);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "in");
        std::ofstream(root / "in" / "log.txt") << "a line of the log, and another line of the log\n";
        std::vector<nnz::InputItem> items = folder_and_log_items(root, fs::file_size(root / "in" / "log.txt"));
        const fs::path output = root / name.toStdString();
        nnz::JobControl control;
        size_t tested = 0;
        const auto verify = [&](const fs::path& written, nnz::JobControl& c) {
            ++tested;
            if (damaged) QVERIFY(damage_at_text(written, "another line", 'A'));
            nnz::test_written_files(written, items, {}, c);
        };
        int code = -1;
        try {
            nnz::write_standard_archive(output, *nnz::export_format_for(output), items, false, false, control, {}, verify);
        } catch (const nnz::Error& e) {
            code = int(e.code());
            QVERIFY2(QString(e.what()).contains("failed its test, so it was not kept"), e.what());
        }
        QCOMPARE(tested, size_t(1));
        QCOMPARE(code, damaged ? int(nnz::ErrorCode::Data) : -1);
        QCOMPARE(fs::exists(output), !damaged);
        QCOMPARE(std::distance(fs::directory_iterator(root), fs::directory_iterator()), damaged ? 1 : 2);  // no temporary file
    }
    // convert IN OUT.zip --test (7z, tar): what is written is decoded and each file checked against
    // the bytes written into it before the archive is kept; names of one file included.
    void exportTestedBeforeKeeping_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("password");
        QTest::newRow("tar") << "out.tar" << "";
        QTest::newRow("tar.xz") << "out.tar.xz" << "";
        QTest::newRow("zip") << "out.zip" << "";
        QTest::newRow("zip, encrypted") << "out.zip" << "open sesame";
        QTest::newRow("7z") << "out.7z" << "";
    }
    void exportTestedBeforeKeeping()
    {
        QFETCH(QString, name);
        QFETCH(QString, password);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        build_archive(root / "members.tar", "tar", sample_members(true));
        nnz::CompressOptions options;
        options.codec = "store";
        options.passphrase = nnz::Passphrase(password.toStdString());
        nnz::JobControl control;
        nnz::convert_archive(root / "members.tar", root / "in.nnz", options, control);
        const fs::path output = root / name.toStdString();
        nnz::export_archive(root / "in.nnz", output, *nnz::export_format_for(output), {}, false, control, options.passphrase, true);
        const auto read = read_with_libarchive(output, nullptr, password.isEmpty() ? nullptr : "open sesame");
        QCOMPARE(read.at("bin/tool").content, random_bytes(70'000, 7));
        QCOMPARE(std::distance(fs::directory_iterator(root), fs::directory_iterator()), 3);  // no temporary file
        // Standard output cannot be tested before it is kept.
        QCOMPARE(status_of([&] { nnz::export_archive(root / "in.nnz", "-", nnz::ExportFormat::Tar, {}, false, control,
                                                     options.passphrase, true); }), 1);
    }
    // What the test finds wrong: content changed after it was written (a tar keeps no checksum to
    // show it), a file that is not there.
    void testOfAWrittenArchiveComparesContents()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        build_archive(root / "members.tar", "tar", sample_members(false));
        const std::string readme = "read me, twice: read me\n";
        const uint64_t hash = nnz::xxh64(std::span(reinterpret_cast<const uint8_t*>(readme.data()), readme.size()));
        nnz::JobControl control;
        nnz::test_written_archive(root / "members.tar", {{"docs/readme.txt", hash}}, {}, control);
        const auto failure = [&](const nnz::ExpectedContents& expected) {
            try {
                nnz::test_written_archive(root / "members.tar", expected, {}, control);
            } catch (const nnz::Error& e) {
                return QString::number(int(e.code())) + " " + e.what();
            }
            return QString("passed");
        };
        QVERIFY(failure({{"docs/missing.txt", hash}}).startsWith(QString::number(int(nnz::ErrorCode::Data)) + " the archive written failed its test"));
        QVERIFY(failure({{"docs/readme.txt", hash ^ 1}}).contains("does not decode to what was read into the archive"));
        QVERIFY(damage_at_text(root / "members.tar", "twice", 'T'));
        QVERIFY(failure({{"docs/readme.txt", hash}}).contains("docs/readme.txt does not decode"));
    }
    void exportOfAnEncryptedArchive()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        build_archive(root / "members.tar", "tar", sample_members(false));
        const fs::path archive = root / "secret.nnz";
        nnz::CompressOptions options;
        options.codec = "store";
        options.passphrase = nnz::Passphrase("open sesame");
        nnz::JobControl control;
        nnz::convert_archive(root / "members.tar", archive, options, control);
        const Listing expected = read_nnz(archive, options.passphrase);
        // A zip keeps the password (WinZip AES-256): unreadable without it, whole with it.
        auto report = nnz::export_archive(archive, root / "secret.zip", nnz::ExportFormat::Zip, {}, false, control, options.passphrase);
        QVERIFY(report.encrypted);
        QVERIFY(control.warnings().empty());
        QCOMPARE(read_with_libarchive(root / "secret.zip", nullptr, "open sesame").at("bin/tool").content,
                 expected.at("bin/tool").content);
        QCOMPARE(read_with_libarchive(root / "secret.zip", nullptr, "wrong").at("bin/tool").content, std::string("(unreadable)"));
        QCOMPARE(read_with_libarchive(root / "secret.zip").at("docs/readme.txt").content, std::string("(unreadable)"));
        // Another format cannot: written in clear, with a warning that says so.
        report = nnz::export_archive(archive, root / "clear.tar.gz", nnz::ExportFormat::TarGz, {}, false, control, options.passphrase);
        QVERIFY(!report.encrypted);
        QCOMPARE(control.warnings().size(), size_t(1));
        QVERIFY2(QString::fromStdString(control.warnings().front()).contains("written in clear"), control.warnings().front().c_str());
        QCOMPARE(read_with_libarchive(root / "clear.tar.gz").at("bin/tool").content, expected.at("bin/tool").content);
        // Without the password nothing is written.
        QCOMPARE(status_of([&] { nnz::export_archive(archive, root / "none.zip", nnz::ExportFormat::Zip, {}, false, control); }), 2);
        QVERIFY(!fs::exists(root / "none.zip"));
    }

    void exportToTarFromTheCommandLine()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        auto members = sample_members(false);
        members[2].nsec = 5;
        build_archive(root / "in.tar", "tar", members);
        convert(root / "in.tar", root / "a.nnz");
        const Listing expected = read_nnz(root / "a.nnz");

        Run run = nnzip({"x", q(root / "a.nnz"), "--to-tar", "-"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        write_file(root / "stdout.tar", run.out.toStdString());
        QCOMPARE(comparable(read_with_libarchive(root / "stdout.tar")), comparable(expected));

        run = nnzip({"x", q(root / "a.nnz"), "--to-tar", q(root / "file.tar"), "bin"});
        QVERIFY2(run.status == 0 && run.out.isEmpty(), qPrintable(run.err));
        const Listing part = read_with_libarchive(root / "file.tar");
        QCOMPARE(part.size(), size_t(1));
        QCOMPARE(part.at("bin/tool").content, expected.at("bin/tool").content);
        QCOMPARE(names_in(root), (std::vector<std::string>{"a.nnz", "file.tar", "in.tar", "stdout.tar"}));
    }

    // Zip names without the UTF-8 flag are code page 437 (7-Zip and unzip -O CP437 read them so):
    // listed, extracted and converted under their UTF-8 names; any other format's names that are
    // not UTF-8 stay refused.
    void zipNamesInCodePage437_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::addColumn<QString>("name");
        QTest::newRow("German") << QByteArray("Gr\x81\xE1" "e.txt") << QString::fromUtf8("Grüße.txt");
        QTest::newRow("Danish, in a folder") << QByteArray("\x92" "ble/s\x91n.txt") << QString::fromUtf8("Æble/sæn.txt");
        QTest::newRow("box drawing and Greek") << QByteArray("\xC9\xCD\xBB \xE0\xE1.txt") << QString::fromUtf8("╔═╗ αß.txt");
        QTest::newRow("ASCII") << QByteArray("plain/name.txt") << QStringLiteral("plain/name.txt");
    }
    void zipNamesInCodePage437()
    {
        QFETCH(QByteArray, stored);
        QFETCH(QString, name);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        std::ofstream(root / "in.zip", std::ios::binary) << zip_with_raw_name(stored.toStdString(), "content\n");
        const auto opened = nnz::open_archive(root / "in.zip");
        QCOMPARE(opened->entries().size(), size_t(1));
        QCOMPARE(QString::fromStdString(opened->entries()[0].path), name);
        QCOMPARE(status_of([&] { extract(root / "in.zip", root / "out"); }), 0);
        std::ifstream written(root / "out" / name.toStdString());
        QCOMPARE(std::string(std::istreambuf_iterator<char>(written), {}), std::string("content\n"));
        QCOMPARE(status_of([&] { convert(root / "in.zip", root / "out.nnz"); }), 0);
        QCOMPARE(QString::fromStdString(read_nnz(root / "out.nnz").begin()->first), name);
        // A tar's bytes are not guessed at.
        if (stored.contains('\x81')) {
            std::ofstream(root / "in.tar", std::ios::binary) << tar_with_raw_name(stored.toStdString(), "x");
            QCOMPARE(nnz::open_archive(root / "in.tar")->foreign()->entries()[0].problem_code, nnz::ErrorCode::Unsafe);
        }
    }

    // --name-charset: names that are not UTF-8 read in the set named, in any format (a zip's
    // instead of code page 437); a set iconv does not know is refused.
    void nameCharsetReadsOtherSets_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("stored");
        QTest::addColumn<QString>("charset");
        QTest::addColumn<QString>("name");
        QTest::newRow("Japanese zip") << "zip" << QByteArray("\x82\xa0\x82\xa2.txt") << "CP932" << QString::fromUtf8("あい.txt");
        QTest::newRow("Cyrillic zip") << "zip" << QByteArray("\x8f\xe0\xa8\xa2\xa5\xe2.txt") << "CP866" << QString::fromUtf8("Привет.txt");
        QTest::newRow("Latin-1 tar") << "tar" << QByteArray("caf\xe9/na\xefve.txt") << "ISO-8859-1" << QString::fromUtf8("café/naïve.txt");
    }
    void nameCharsetReadsOtherSets()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, stored);
        QFETCH(QString, charset);
        QFETCH(QString, name);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path input = root / ("in." + format.toStdString());
        std::ofstream(input, std::ios::binary) << (format == "zip" ? zip_with_raw_name(stored.toStdString(), "content\n")
                                                                   : tar_with_raw_name(stored.toStdString(), "content\n"));
        struct ResetCharset {
            ~ResetCharset() { nnz::set_name_charset({}); }
        } reset;
        nnz::set_name_charset(charset.toStdString());
        const auto opened = nnz::open_archive(input);
        QCOMPARE(QString::fromStdString(opened->entries().back().path), name);
        QCOMPARE(status_of([&] { extract(input, root / "out"); }), 0);
        std::ifstream written(root / "out" / name.toStdString());
        QCOMPARE(std::string(std::istreambuf_iterator<char>(written), {}), std::string("content\n"));
        // Bytes that are not of the set stay bytes, and are refused.
        nnz::set_name_charset("ASCII");
        QCOMPARE(nnz::open_archive(input)->foreign()->entries().back().problem_code, nnz::ErrorCode::Unsafe);
        QCOMPARE(status_of([&] { nnz::set_name_charset("NO-SUCH-SET"); }), 1);
    }

    void unsafeNamesRefused_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("name");
        QTest::newRow("tar parent") << "tar" << "../evil.txt";
        QTest::newRow("tar absolute") << "tar" << "/tmp/evil.txt";
        QTest::newRow("tar.gz climbs out") << "tar.gz" << "a/../../evil.txt";
        QTest::newRow("tar control character") << "tar" << "bad\x1b[2Jname";
        QTest::newRow("zip parent") << "zip" << "../evil.txt";
        QTest::newRow("zip absolute") << "zip" << "/tmp/evil.txt";
        QTest::newRow("7z climbs out") << "7z" << "sub/../../evil.txt";
    }
    void unsafeNamesRefused()
    {
        QFETCH(QString, format);
        QFETCH(QString, name);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "work");
        const fs::path input = root / "work/input";
        // A harmless entry first, so that a refusal must come before anything is written.
        build_archive(input, format, {{"ok.txt", Kind::File, "fine"}, {name.toStdString(), Kind::File, "evil"}});

        // Listed (marked), but neither converted, extracted nor exported: exit 2, nothing written.
        const auto opened = nnz::open_archive(input);
        QCOMPARE(opened->entries().size(), size_t(2));
        QCOMPARE(opened->foreign()->entries()[1].problem_code, nnz::ErrorCode::Unsafe);
        QCOMPARE(status_of([&] { convert(input, root / "work/out.nnz"); }), 2);
        QVERIFY(message_of([&] { convert(input, root / "work/out.nnz"); }).contains("unsafe entry name"));
        QCOMPARE(status_of([&] { extract(input, root / "work/out"); }), 2);
        QCOMPARE(status_of([&] { export_tar(input, root / "work/out.tar"); }), 2);
        QCOMPARE(status_of([&] { extract(input, root / "work/out", {"ok.txt"}); }), 0);  // the safe one alone
        fs::remove_all(root / "work/out");
        QCOMPARE(names_in(root / "work"), std::vector<std::string>{"input"});
        QVERIFY(!fs::exists(root / "evil.txt") && !fs::exists("/tmp/evil.txt"));
    }

    void unsafeNamesFromTheCommandLine()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "work");
        const fs::path input = root / "work/input";
        build_archive(input, "tar", {{"ok.txt", Kind::File, "fine"}, {"../evil.txt", Kind::File, "evil"},
                                     {"/tmp/evil.txt", Kind::File, "evil"}});
        Run run = nnzip({"l", q(input)});
        QVERIFY2(run.status == 0 && QString::fromUtf8(run.out).count("[unsafe name, refused]") == 2, qPrintable(run.out));
        run = nnzip({"convert", q(input), q(root / "work/out.nnz"), "--codec", "store"});
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains("unsafe entry name \"../evil.txt\" refused"), qPrintable(run.err));
        run = nnzip({"x", q(input), "-o", q(root / "work/out")});
        QCOMPARE(run.status, 2);
        QCOMPARE(names_in(root / "work"), std::vector<std::string>{"input"});
        QVERIFY(!fs::exists(root / "evil.txt"));
    }

    void rootEntriesAreSkipped()
    {
        // `tar -C dir .` stores "./" and "./name": that is the archive's root, not a bad name.
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        build_archive(root / "dot.tar", "tar", {{"./", Kind::Dir, "", 0755}, {"./a.txt", Kind::File, "a"}});
        convert(root / "dot.tar", root / "dot.nnz");
        const Listing converted = read_nnz(root / "dot.nnz");
        QCOMPARE(converted.size(), size_t(1));
        QCOMPARE(converted.at("a.txt").content, std::string("a"));
    }

    void repeatedNamesKeepTheLast()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        build_archive(root / "twice.tar", "tar",
                      {{"a.txt", Kind::File, "old"}, {"b.txt", Kind::File, "b"}, {"a.txt", Kind::File, "new"}});
        const nnz::ForeignArchive archive(root / "twice.tar");
        QCOMPARE(archive.warnings().size(), size_t(1));
        convert(root / "twice.tar", root / "twice.nnz");
        const Listing converted = read_nnz(root / "twice.nnz");
        QCOMPARE(converted.size(), size_t(2));
        QCOMPARE(converted.at("a.txt").content, std::string("new"));
    }

    void zipBombInBoundedMemory()
    {
        // 128 MiB of zeros deflate to about 130 KB. Converting must stream it through the
        // writer's block buffers (1 MiB blocks, two in flight), never hold it whole.
        constexpr size_t kBomb = 128u << 20;
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path bomb = root / "bomb.zip";
        {
            ArchivePtr a(archive_write_new(), archive_write_free);
            archive_write_set_format_zip(a.get());
            QCOMPARE(archive_write_open_filename(a.get(), bomb.c_str()), ARCHIVE_OK);
            std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(), archive_entry_free);
            archive_entry_set_pathname(e.get(), "zeros.bin");
            archive_entry_set_filetype(e.get(), AE_IFREG);
            archive_entry_set_perm(e.get(), 0644);
            archive_entry_set_size(e.get(), kBomb);
            QCOMPARE(archive_write_header(a.get(), e.get()), ARCHIVE_OK);
            const std::string zeros(1 << 20, '\0');
            for (size_t done = 0; done < kBomb; done += zeros.size())
                QCOMPARE(archive_write_data(a.get(), zeros.data(), zeros.size()), la_ssize_t(zeros.size()));
            QCOMPARE(archive_write_close(a.get()), ARCHIVE_OK);
        }
        QVERIFY(fs::file_size(bomb) < kBomb / 100);

        // RUSAGE_CHILDREN keeps the largest peak of all children so far: first a small
        // conversion gives the baseline (the program itself, its libraries).
        build_archive(root / "small.zip", "zip", {{"a.txt", Kind::File, "small"}});
        QCOMPARE(nnzip({"convert", q(root / "small.zip"), q(root / "small.nnz"), "--codec", "store"}).status, 0);
        const long baseline_mib = peak_child_rss_kib() / 1024;
        const Run run = nnzip({"convert", q(bomb), q(root / "bomb.nnz"), "--codec", "store", "--block-size", "1M",
                               "--threads", "2"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const long peak_mib = peak_child_rss_kib() / 1024;
        qInfo("peak memory: %ld MiB converting a %zu MiB entry, %ld MiB for a tiny one", peak_mib, kBomb >> 20,
              baseline_mib);
#ifndef __SANITIZE_ADDRESS__  // ASan holds freed memory in quarantine: RSS says nothing there
        QVERIFY2(peak_mib < baseline_mib + 64, qPrintable(QString("%1 MiB").arg(peak_mib)));
#endif

        nnz::ArchiveReader reader(root / "bomb.nnz");
        QCOMPARE(reader.entries().size(), size_t(1));
        QCOMPARE(reader.entries()[0].size, uint64_t(kBomb));
        QCOMPARE(reader.blocks().size(), size_t(kBomb >> 20));
    }

    void damagedArchives_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("damage");
        QTest::newRow("zip, flipped bytes in a member") << "zip" << "flip";
        QTest::newRow("zip, truncated") << "zip" << "half";
        QTest::newRow("tar.gz, truncated") << "tar.gz" << "half";
        QTest::newRow("tar.xz, flipped bytes") << "tar.xz" << "flip";
        QTest::newRow("7z, truncated") << "7z" << "half";
        QTest::newRow("7z, flipped bytes") << "7z" << "flip";
        QTest::newRow("not an archive") << "zip" << "text";
    }
    void damagedArchives()
    {
        QFETCH(QString, format);
        QFETCH(QString, damage);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        fs::create_directories(root / "work");
        const fs::path input = root / "work/input";
        // Text that compresses well but is not trivially repetitive, so that flipped bytes hit
        // real coded data.
        std::string text;
        for (int i = 0; i < 4000; ++i) text += "line " + std::to_string(i * 7919 % 10007) + " of the damaged member\n";
        build_archive(input, format, {{"a.txt", Kind::File, text}, {"b.bin", Kind::File, random_bytes(20'000, 3)}});
        std::string bytes = read_file(input);
        if (damage == "flip") {
            for (size_t i = bytes.size() / 4; i < bytes.size() / 4 + 8; ++i) bytes[i] ^= 0x5a;
        } else if (damage == "half") {
            bytes.resize(bytes.size() / 2);
        } else {
            bytes = "just some text, long enough to look like something else entirely ......\n";
        }
        write_file(input, bytes);

        const QRegularExpression problem("damaged|corrupt|truncated|not an nnzip", QRegularExpression::CaseInsensitiveOption);
        const QString message = message_of([&] { convert(input, root / "work/out.nnz"); });
        QVERIFY2(message.contains(problem), qPrintable(message));
        QCOMPARE(status_of([&] { convert(input, root / "work/out.nnz"); }), 2);
        QCOMPARE(names_in(root / "work"), std::vector<std::string>{"input"});
        nnz::JobControl control;
        QCOMPARE(status_of([&] { nnz::test_archive(input, control); }), 2);
        QCOMPARE(status_of([&] { export_tar(input, root / "work/out.tar"); }), 2);
        QCOMPARE(names_in(root / "work"), std::vector<std::string>{"input"});
        QCOMPARE(status_of([&] { extract(input, root / "out"); }), 2);
        // Whatever was extracted is complete: no temporary files, and the right content.
        for (const auto& name : names_in(root / "out")) {
            QVERIFY2(name.find(".nnztmp-") == std::string::npos, name.c_str());
            if (name == "a.txt") QCOMPARE(read_file(root / "out" / name), text);
        }
    }

    void damagedFromTheCommandLine()
    {
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path input = root / "cut.tar.gz";
        build_archive(input, "tar.gz", {{"b.bin", Kind::File, random_bytes(50'000, 5)}});
        std::string bytes = read_file(input);
        bytes.resize(bytes.size() / 2);
        write_file(input, bytes);
        Run run = nnzip({"convert", q(input), q(root / "out.nnz"), "--codec", "store"});
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.startsWith("nnzip: error:") && run.err.contains("damaged"), qPrintable(run.err));
        QCOMPARE(names_in(root), std::vector<std::string>{"cut.tar.gz"});
    }

    void contentsToStdout_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QStringList>("arguments");  // after "x ARCHIVE"
        QTest::addColumn<QStringList>("printed");    // the files whose bytes come out, in order
        QTest::addColumn<int>("status");
        const QStringList files{"docs/readme.txt", "Grüße – 日本語.txt", "empty", "bin/tool", "implicit/parents/only.txt"};
        QTest::newRow("nnz, one file") << "nnz" << QStringList{"--stdout", "bin/tool"} << QStringList{"bin/tool"} << 0;
        QTest::newRow("nnz, a folder") << "nnz" << QStringList{"docs", "--stdout"} << QStringList{"docs/readme.txt"} << 0;
        QTest::newRow("nnz, everything in archive order") << "nnz" << QStringList{"--stdout"} << files << 0;
        QTest::newRow("nnz, a symlink: nothing") << "nnz" << QStringList{"--stdout", "link"} << QStringList{} << 0;
        QTest::newRow("nnz, no such entry") << "nnz" << QStringList{"--stdout", "nope"} << QStringList{} << 1;
        QTest::newRow("nnz, with -o") << "nnz" << QStringList{"--stdout", "-o", "out"} << QStringList{} << 1;
        // Everything up to the damaged block comes out, nothing of it or after it.
        QTest::newRow("nnz, damaged last block") << "damaged nnz" << QStringList{"--stdout"} << files << 2;
        QTest::newRow("zip, everything") << "zip" << QStringList{"--stdout"} << files << 0;
        QTest::newRow("7z, one file") << "7z" << QStringList{"--stdout", "implicit/parents/only.txt"} << QStringList{"implicit/parents/only.txt"} << 0;
        QTest::newRow("tar.gz, a unicode name") << "tar.gz" << QStringList{"--stdout", "Grüße – 日本語.txt"} << QStringList{"Grüße – 日本語.txt"} << 0;
        // Refused before anything is written.
        QTest::newRow("encrypted zip") << "encrypted zip" << QStringList{"--stdout"} << QStringList{} << 2;
    }
    void contentsToStdout()
    {
        QFETCH(QString, format);
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, printed);
        QFETCH(int, status);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const auto members = sample_members(false);
        fs::path archive = root / "in.zip";
        uint64_t damaged_at = 0;  // where the damaged block starts in the stream of contents
        if (format.endsWith("nnz")) {
            build_archive(root / "in.tar", "tar", members);
            archive = root / "a.nnz";
            // The fast preset, so that neural blocks are decoded on the way.
            const Run made = nnzip({"convert", q(root / "in.tar"), q(archive), "--preset", "fast", "--block-size", "16K"});
            QVERIFY2(made.status == 0, qPrintable(made.err));
            if (format == "damaged nnz") {
                nnz::ArchiveReader reader(archive);
                const auto& last = reader.blocks().back();
                damaged_at = reader.block_starts().back();
                std::fstream io(archive, std::ios::in | std::ios::out | std::ios::binary);
                io.seekp(std::streamoff(last.file_offset + last.packed_size));
                io.put('\x5a');  // the last block's packed bytes, after earlier blocks were fine
            }
        } else if (format == "encrypted zip") {
            build_archive(archive, "zip", {{"plain.txt", Kind::File, "open"}, {"secret.txt", Kind::File, "hidden"}},
                          "zip:encryption=zipcrypt", "password");
        } else {
            archive = root / ("in." + format.toStdString());
            build_archive(archive, format, members);
        }
        std::string expected;
        for (const auto& name : printed)
            for (const auto& m : members)
                if (m.name == name.toStdString()) expected += m.data;

        const Run run = nnzip(QStringList{"x", q(archive)} + arguments);
        QVERIFY2(run.status == status, qPrintable(QString::number(run.status) + ": " + run.err));
        if (format == "damaged nnz") {
            QVERIFY2(uint64_t(run.out.size()) <= damaged_at, qPrintable(QString::number(run.out.size())));
            QVERIFY(run.out.toStdString() == expected.substr(0, size_t(run.out.size())));
        } else {
            QVERIFY(run.out.toStdString() == expected);
        }
        if (status != 0) QVERIFY2(run.err.startsWith("nnzip: error:"), qPrintable(run.err));
        // Nothing is written to disk.
        QVERIFY(!fs::exists(root / "out") && !fs::exists(root / "docs") && !fs::exists(root / "bin"));
    }

    void renameAFolderOnlyImpliedByNames()
    {
        // A converted zip often has no folder entries: "implicit/parents" is then a folder only by
        // the names under it, and rn moves it (and refuses to move it into itself) as a stored one.
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        build_archive(root / "in.zip", "zip", sample_members(false));
        convert(root / "in.zip", root / "a.nnz");
        Run run = nnzip({"rn", q(root / "a.nnz"), "implicit/parents", "implicit/parents/deeper"});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains("into itself"), qPrintable(run.err));
        run = nnzip({"rn", q(root / "a.nnz"), "implicit/parents", "explicit"});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const Listing listed = read_nnz(root / "a.nnz");
        QVERIFY(listed.count("explicit/only.txt") && !listed.count("implicit/parents/only.txt"));
        QCOMPARE(listed.at("explicit/only.txt").content, std::string(5000, 'z'));
    }

    void encryptedEntries_data()
    {
        QTest::addColumn<QString>("encryption");
        QTest::newRow("PKWARE (zipcrypt)") << "zipcrypt";
        QTest::newRow("WinZip AES-256") << "aes256";
    }
    void encryptedEntries()
    {
        QFETCH(QString, encryption);
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path input = root / "secret.zip";
        build_archive(input, "zip", {{"plain.txt", Kind::File, "open"}, {"secret.txt", Kind::File, "hidden"}},
                      ("zip:encryption=" + encryption).toUtf8().constData(), "password");
        write_file(root / "pw", "password\n");
        write_file(root / "wrong", "passwort\n");
        Run run = nnzip({"l", q(input)});
        QVERIFY2(run.status == 0 && QString::fromUtf8(run.out).count("[encrypted]") == 2, qPrintable(run.out));
        // Without the password: refused before anything is written, with what to do.
        run = nnzip({"convert", q(input), q(root / "out.nnz"), "--codec", "store"});
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains("is encrypted: give its password (-p asks for it, --password-file FILE reads it)"),
                 qPrintable(run.err));
        QCOMPARE(status_of([&] { extract(input, root / "out"); }), 2);
        QVERIFY(message_of([&] { extract(input, root / "out"); }).contains("encrypted"));
        QCOMPARE(names_in(root), (std::vector<std::string>{"pw", "secret.zip", "wrong"}));

        // A wrong one: refused when the data is read, as a wrong password (PKWARE's one check byte
        // lets most wrong passwords through to the CRC, which then fails).
        run = nnzip({"t", q(input), "--password-file", q(root / "wrong")});
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains("wrong password"), qPrintable(run.err));

        // The right one: read, extracted, and converted into an .nnz encrypted with it.
        run = nnzip({"t", q(input), "--password-file", q(root / "pw")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        run = nnzip({"x", q(input), "-o", q(root / "out"), "--password-file", q(root / "pw")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(read_file(root / "out" / "secret.txt"), std::string("hidden"));
        run = nnzip({"convert", q(input), q(root / "out.nnz"), "--codec", "store", "--password-file", q(root / "pw")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY(nnz::is_encrypted_nnz(root / "out.nnz"));
        const Listing listed = read_nnz(root / "out.nnz", nnz::Passphrase("password"));
        QCOMPARE(listed.at("secret.txt").content, std::string("hidden"));
        QCOMPARE(listed.at("plain.txt").content, std::string("open"));
    }
};

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
