// Corruption sweep (docs/RELIABILITY.md): a small store archive, a tiny neural archive and an
// encrypted store archive are damaged at every byte in turn (two different bit flips per byte) and cut at every length; each
// variant is opened and fully extracted in-process, exactly as `nnzip x` does. Every variant
// must fail with nnz::Error(Data) — the format has no unused padding, so no change may go
// unnoticed — within a few seconds, leaving only complete, verified files inside the destination
// and nothing next to it. A sample of the variants also goes through the CLI (exit 2, a message).
// With a recovery record, every such damage is refused by `t` and undone by repair.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <map>

#include "container/archive_repair.hpp"
#include "container/encryption.hpp"
#include "container/recovery_record.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/extract_job.hpp"

namespace fs = std::filesystem;

namespace {

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeFile(const fs::path& path, const std::string& bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
}

// What a correct extraction must produce: name -> content ("->target" for symlinks, "/" for folders).
using Tree = std::map<std::string, std::string>;

Tree treeOf(const fs::path& root)
{
    Tree tree;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
        const std::string name = it->path().lexically_relative(root).string();
        if (it->is_symlink()) tree[name] = "->" + fs::read_symlink(it->path()).string();
        else if (it->is_directory()) tree[name] = "/";
        else tree[name] = readFile(it->path());
    }
    return tree;
}

// A small tree with every kind of entry, spread over several blocks by a small block size.
fs::path makeSource(const fs::path& root, bool neural)
{
    const fs::path src = root / "src";
    if (neural) {
        writeFile(src / "fox.txt", "The quick brown fox jumps over the lazy dog. The quick brown fox jumps again.\n");
        writeFile(src / "sub/b.txt", "abcabcabcabcabc\n");
        return src;
    }
    writeFile(src / "a.txt", "alpha alpha alpha alpha\n");
    static constexpr char binary[] = "\x00\x01\x02\xff\xfe binary \x7f";
    writeFile(src / "sub/b.bin", std::string(binary, sizeof binary - 1));
    writeFile(src / "sub/deeper/c.txt", std::string(150, 'c'));
    writeFile(src / "empty", "");
    fs::create_directories(src / "empty dir");
    fs::create_symlink("a.txt", src / "link");
    return src;
}

struct Variant {
    QString name;
    std::string bytes;
};

std::vector<Variant> variantsOf(const std::string& archive)
{
    std::vector<Variant> v;
    for (size_t i = 0; i < archive.size(); ++i)
        for (const uint8_t mask : {uint8_t(0x01), uint8_t(0xa5)}) {
            std::string bytes = archive;
            bytes[i] = char(uint8_t(bytes[i]) ^ mask);
            v.push_back({QString("byte %1 ^ 0x%2").arg(i).arg(mask, 2, 16, QChar('0')), std::move(bytes)});
        }
    for (size_t n = 0; n < archive.size(); ++n) v.push_back({QString("cut to %1 bytes").arg(n), archive.substr(0, n)});
    v.push_back({"one byte appended", archive + '\0'});
    return v;
}

}  // namespace

class TestCorruptionSweep : public QObject {
    Q_OBJECT
private slots:
    void sweep_data()
    {
        QTest::addColumn<bool>("neural");
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("store archive, several blocks") << false << false;
        QTest::newRow("neural archive") << true << false;
        QTest::newRow("encrypted store archive, several blocks") << false << true;
    }
    void sweep()
    {
        QFETCH(bool, neural);
        QFETCH(bool, encrypted);
        if (encrypted && !nnz::encryption_available()) QSKIP("built without libsodium");
        // Cheap key costs (1 pass over 8 KiB, which the header records): thousands of variants
        // each derive the key.
        const nnz::Passphrase passphrase(encrypted ? "sweep" : "");
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path src = makeSource(root, neural);
        const Tree expected = treeOf(src);

        nnz::CompressOptions options;
        options.codec = neural ? "neural" : "store";
        options.preset = "fast";
        options.threads = 1;
        options.block_size = neural ? 0 : 64;
        nnz::JobControl control;
        const fs::path original = root / "original.nnz";
        const std::vector<fs::path> inputs{src};
        {
            const auto items = nnz::gather_inputs(original, inputs, options);
            nnz::WriteOptions write = nnz::write_options_for(options, items);
            if (encrypted) write.key = nnz::ArchiveKey::create(passphrase, 1, nnz::kMinKeyMemory);
            nnz::write_archive(original, items, write, control);
        }
        const std::string archive = readFile(original);

        // The undamaged archive extracts to the source tree.
        const fs::path scene = root / "scene";
        const fs::path dest = scene / "dest";
        const fs::path damaged = root / "damaged.nnz";
        {
            nnz::JobControl c;
            nnz::extract_archive(original, dest, {}, false, c, nnz::OutsideLinks::Refuse, passphrase);
            Tree got;
            for (const auto& [name, content] : treeOf(dest / "src")) got[name] = content;
            QCOMPARE(got, expected);
            fs::remove_all(scene);
        }

        const auto variants = variantsOf(archive);
        int refused = 0;
        qint64 slowest = 0;
        QElapsedTimer total;
        total.start();
        for (const auto& variant : variants) {
            writeFile(damaged, variant.bytes);
            QElapsedTimer clock;
            clock.start();
            std::string failure;
            try {
                nnz::JobControl c;
                nnz::extract_archive(damaged, dest, {}, false, c, nnz::OutsideLinks::Refuse, passphrase);
            } catch (const nnz::Error& e) {
                failure = e.what();
                QVERIFY2(e.code() == nnz::ErrorCode::Data,
                         qPrintable(variant.name + ": wrong error code: " + QString::fromStdString(failure)));
                QVERIFY2(!failure.empty(), qPrintable(variant.name));
                ++refused;
            } catch (const std::exception& e) {
                QFAIL(qPrintable(variant.name + ": not an nnz::Error: " + e.what()));
            }
            slowest = std::max(slowest, clock.elapsed());
            QVERIFY2(clock.elapsed() < 10'000, qPrintable(variant.name + ": took too long"));
            QVERIFY2(!failure.empty(), qPrintable(variant.name + ": the damage went unnoticed"));

            // Nothing next to the destination; inside it only complete, verified entries.
            if (!fs::exists(scene)) continue;  // refused before the destination was made
            for (const auto& e : fs::directory_iterator(scene))
                QVERIFY2(e.path() == dest, qPrintable(variant.name + ": wrote " + QString::fromStdString(e.path().string())));
            if (fs::exists(dest / "src")) {
                for (const auto& [name, content] : treeOf(dest / "src")) {
                    const auto want = expected.find(name);
                    QVERIFY2(want != expected.end(), qPrintable(variant.name + ": unexpected " + QString::fromStdString(name)));
                    QVERIFY2(content == want->second, qPrintable(variant.name + ": wrong content in " + QString::fromStdString(name)));
                }
            }
            fs::remove_all(scene);
        }
        QCOMPARE(refused, int(variants.size()));
        qInfo("%zu variants of a %zu-byte archive, all refused in %lld ms; slowest %lld ms", variants.size(),
              archive.size(), static_cast<long long>(total.elapsed()), static_cast<long long>(slowest));

        // The command line: a sample of the same variants gives exit 2 and a message.
        const fs::path password_file = root / "password";
        writeFile(password_file, "sweep\n");
        for (size_t i = variants.size() / 12; i < variants.size(); i += variants.size() / 6) {
            writeFile(damaged, variants[i].bytes);
            QProcess cli;
            QStringList args{"x", QString::fromStdString(damaged.string()), "-o", QString::fromStdString(dest.string())};
            if (encrypted) args << "--password-file" << QString::fromStdString(password_file.string());
            cli.start(QStringLiteral(NNZ_CLI_PATH), args);
            QVERIFY(cli.waitForFinished(60'000));
            const QString err = QString::fromUtf8(cli.readAllStandardError());
            QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
            QVERIFY2(cli.exitCode() == 2 && err.startsWith("nnzip: error: "), qPrintable(variants[i].name + ": " + err));
            fs::remove_all(scene);
        }
    }

    // With a recovery record, every one of those single-byte damages (in the archive's bytes or
    // in the record itself) makes `t` fail and is undone by repair, byte for byte; so is a cut
    // anywhere after the record's header.
    void recoveryRecordUndoesEveryByte_data()
    {
        QTest::addColumn<bool>("encrypted");
        QTest::newRow("store archive, several blocks") << false;
        QTest::newRow("encrypted store archive") << true;
    }
    void recoveryRecordUndoesEveryByte()
    {
        QFETCH(bool, encrypted);
        if (encrypted && !nnz::encryption_available()) QSKIP("built without libsodium");
        const nnz::Passphrase passphrase(encrypted ? "sweep" : "");
        QTemporaryDir tmp;
        const fs::path root = tmp.path().toStdString();
        const fs::path src = makeSource(root, false);
        nnz::CompressOptions options;
        options.codec = "store";
        options.threads = 1;
        options.block_size = 64;
        options.recovery_percent = 10;
        const fs::path original = root / "original.nnz";
        {
            const auto items = nnz::gather_inputs(original, std::vector<fs::path>{src}, options);
            nnz::WriteOptions write = nnz::write_options_for(options, items);
            if (encrypted) write.key = nnz::ArchiveKey::create(passphrase, 1, nnz::kMinKeyMemory);
            nnz::JobControl control;
            nnz::write_archive(original, items, write, control);
        }
        const std::string archive = readFile(original);
        const auto header = nnz::parse_recovery_header(
            std::span(reinterpret_cast<const uint8_t*>(archive.data()), archive.size()).last(nnz::kRecoveryHeaderSize));
        QVERIFY(header);
        const uint64_t record_start = header->layout.protected_size;

        const fs::path damaged = root / "damaged.nnz";
        const fs::path repaired = root / "repaired.nnz";
        size_t checked = 0;
        for (const auto& variant : variantsOf(archive)) {
            const bool cut = variant.bytes.size() < archive.size();
            const bool appended = variant.bytes.size() > archive.size();
            // A cut that leaves no whole checksum table leaves nothing to check the bytes with
            // (repair then goes by the blocks); one flip per byte is enough here.
            const uint64_t tables_end = record_start + nnz::kRecoveryHeaderSize + header->layout.table_size();
            // (Every byte is flipped, the cuts are sampled: each repair syncs its result to disk.)
            if (appended || (cut && (variant.bytes.size() < tables_end || variant.bytes.size() % 8 != 0)) ||
                variant.name.endsWith("^ 0x01"))
                continue;
            writeFile(damaged, variant.bytes);
            if (!cut) {
                try {
                    nnz::JobControl c;
                    (void)nnz::test_archive(damaged, c, passphrase);
                    QFAIL(qPrintable(variant.name + ": t did not notice"));
                } catch (const nnz::Error& e) {
                    QVERIFY2(e.code() == nnz::ErrorCode::Data, qPrintable(variant.name + ": " + e.what()));
                }
            }
            nnz::JobControl c;
            nnz::RepairReport report;
            try {
                report = nnz::repair_archive(damaged, repaired, true, c);
            } catch (const nnz::Error& e) {
                QFAIL(qPrintable(variant.name + ": " + e.what()));
            }
            QVERIFY2(report.restored, qPrintable(variant.name + ": not restored"));
            QVERIFY2(readFile(repaired) == archive, qPrintable(variant.name + ": restored differently"));
            ++checked;
        }
        QVERIFY(checked > archive.size());
        qInfo("%zu variants of a %zu-byte archive (%llu bytes before its record) refused by t and restored", checked,
              archive.size(), static_cast<unsigned long long>(record_start));
    }
};

QTEST_GUILESS_MAIN(TestCorruptionSweep)
#include "tst_corruption_sweep.moc"
