// Encrypted archives (format 4.0): exact round trips through sealed chunks, names and contents
// hidden on disk, a wrong or missing password told apart from damage, every kind of tampering
// refused, and edits that keep the archive encrypted under its own key.
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "archive_contents.hpp"
#include "container/archive_output.hpp"
#include "container/archive_reader.hpp"
#include "container/encryption.hpp"
#include "container/format.hpp"
#include "error.hpp"
#include "jobs/compress_job.hpp"
#include "jobs/edit_job.hpp"

namespace fs = std::filesystem;
using nnz::ErrorCode;

namespace {

const nnz::Passphrase kPassword("correct horse battery staple");

std::string noise(size_t size, unsigned seed)
{
    std::mt19937 random(seed);
    std::string out(size, '\0');
    for (auto& c : out) c = static_cast<char>(random());
    return out;
}

// Text that compresses (so the neural codec has something to do).
std::string prose(size_t size, unsigned seed)
{
    static const char* const kWords[] = {"sealed ", "chunks ", "of ", "the ", "archive ", "body, ", "names\n", "hidden "};
    std::string out;
    while (out.size() < size) {
        seed = seed * 1103515245u + 12345u;
        out += kWords[(seed >> 16) % 8];
    }
    out.resize(size);
    return out;
}

// The error code a reader gives for this archive with this passphrase, or -1 when it reads whole.
int outcome(const fs::path& archive, const nnz::Passphrase& passphrase)
{
    try {
        (void)contents_of(archive, passphrase);
        return -1;
    } catch (const nnz::Error& e) {
        return static_cast<int>(e.code());
    }
}

nnz::CompressOptions options_with(const QString& codec, uint64_t block_size)
{
    nnz::CompressOptions options;
    options.codec = codec.toStdString();
    options.preset = "fast";
    options.block_size = block_size;
    options.threads = 2;
    return options;
}

}  // namespace

class TestEncryption : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> temp_;
    fs::path dir() const { return temp_->path().toStdString(); }

    // A folder of files: name -> content.
    fs::path makeTree(const std::map<std::string, std::string>& files)
    {
        const fs::path root = dir() / "tree";
        fs::remove_all(root);
        fs::create_directories(root);
        for (const auto& [name, content] : files) write_file(root / name, content);
        return root;
    }

    // The files, stored (no model: instant) and encrypted with kPassword.
    fs::path makeSealedArchive(const std::map<std::string, std::string>& files)
    {
        auto options = options_with("store", 8ull << 20);
        options.passphrase = kPassword;
        return makeArchive(makeTree(files), options);
    }

    fs::path makeArchive(const fs::path& tree, const nnz::CompressOptions& options)
    {
        const fs::path archive = dir() / "a.nnz";
        fs::remove(archive);
        nnz::JobControl control;
        nnz::compress_paths(archive, std::vector<fs::path>{tree}, options, control);
        return archive;
    }

private slots:
    void init()
    {
        if (!nnz::encryption_available()) QSKIP("built without libsodium");
        temp_ = std::make_unique<QTemporaryDir>();
        QVERIFY(temp_->isValid());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("codec");
        QTest::addColumn<qulonglong>("blockSize");
        QTest::addColumn<QStringList>("files");  // "name:kind:size", kind noise|prose|copy (of the file before)
        QTest::newRow("one small file") << "store" << 8ull * 1024 * 1024 << QStringList{"a.txt:prose:10"};
        QTest::newRow("empty files and a folder only") << "store" << 8ull * 1024 * 1024
                                                        << QStringList{"empty:prose:0", "sub/also-empty:prose:0"};
        QTest::newRow("a body of many chunks") << "store" << 8ull * 1024 * 1024
                                               << QStringList{"big.bin:noise:300000", "small.txt:prose:77"};
        // Headers of blocks a file spans are patched once its checksum is known: in sealed chunks.
        QTest::newRow("a file across blocks (patched headers)")
            << "store" << 64ull * 1024 << QStringList{"across.bin:noise:400000", "after.txt:prose:5000"};
        QTest::newRow("neural codec") << "neural" << 8ull * 1024 * 1024
                                      << QStringList{"story.txt:prose:40000", "data.bin:noise:3000"};
        QTest::newRow("a file stored once for two names") << "store" << 8ull * 1024 * 1024
                                                          << QStringList{"a.txt:prose:9000", "b.txt:copy:0"};
    }
    void roundTrip()
    {
        QFETCH(QString, codec);
        QFETCH(qulonglong, blockSize);
        QFETCH(QStringList, files);
        std::map<std::string, std::string> tree;
        unsigned seed = 1;
        std::string previous;
        for (const QString& f : files) {
            const auto parts = f.split(':');
            const size_t size = parts[2].toULongLong();
            previous = parts[1] == "copy" ? previous : parts[1] == "noise" ? noise(size, seed++) : prose(size, seed++);
            tree[parts[0].toStdString()] = previous;
        }
        auto options = options_with(codec, blockSize);
        options.passphrase = kPassword;
        const auto archive = makeArchive(makeTree(tree), options);

        nnz::ArchiveReader reader(archive, kPassword);
        QVERIFY(reader.encrypted());
        const bool copies = files.join(',').contains(":copy:");
        QCOMPARE(std::any_of(reader.entries().begin(), reader.entries().end(),
                             [](const nnz::EntryInfo& e) { return e.duplicate; }),
                 copies);
        const auto got = contents_of(archive, kPassword);
        QCOMPARE(got.size(), tree.size());
        for (const auto& [name, content] : tree) QVERIFY2(got.at("tree/" + name) == content, name.c_str());

        // Version 4, flagged, the encryption header right after the file header.
        const std::string bytes = read_file(archive);
        QCOMPARE(int(uint8_t(bytes[8])), int(nnz::format::kVersionMajorEncrypted));
        QCOMPARE(int(uint8_t(bytes[12])) & 1, 1);
        QVERIFY(bytes.find("NENC") != std::string::npos);
        // Nothing of the plain layout shows: no block or index magic, no trailer.
        QCOMPARE(bytes.find("NBLK"), std::string::npos);
        QCOMPARE(bytes.find("NIDX"), std::string::npos);
        QCOMPARE(bytes.find("NNZEND"), std::string::npos);
    }

    void outputPatchesSealedChunks_data()
    {
        QTest::addColumn<qulonglong>("at");
        QTest::addColumn<qulonglong>("size");
        const qulonglong chunk = nnz::kSealedChunkBytes;
        QTest::newRow("inside the first chunk") << 100ull << 50ull;
        QTest::newRow("across two sealed chunks") << chunk - 10 << 30ull;
        QTest::newRow("across three sealed chunks") << chunk - 5 << chunk + 10;
        QTest::newRow("in the chunk still open") << 3 * chunk + 7 << 20ull;
        QTest::newRow("from sealed into the open chunk") << 3 * chunk - 3 << 9ull;
        QTest::newRow("the last byte") << 3 * chunk + chunk / 2 - 1 << 1ull;
    }
    void outputPatchesSealedChunks()
    {
        // The writer patches checksums into block headers it wrote earlier: bytes that may lie in
        // chunks already sealed, in the one still open, or across both.
        QFETCH(qulonglong, at);
        QFETCH(qulonglong, size);
        const uint64_t chunk = nnz::kSealedChunkBytes;
        const auto key = nnz::ArchiveKey::create(kPassword, 1, nnz::kMinKeyMemory);
        const std::vector<uint8_t> header{'H', 'E', 'A', 'D'};
        std::vector<uint8_t> body(3 * chunk + chunk / 2);
        for (size_t i = 0; i < body.size(); ++i) body[i] = uint8_t(i * 31 + 7);
        const fs::path path = dir() / "out.bin";
        {
            nnz::ArchiveOutput out(path, key);
            out.start(header);
            // In uneven pieces, as blocks come.
            for (size_t done = 0; done < body.size();) {
                const size_t n = std::min<size_t>(body.size() - done, 10'007);
                out.write(std::span(body).subspan(done, n));
                done += n;
            }
            QCOMPARE(out.position(), header.size() + body.size());
            std::vector<uint8_t> patch(size);
            for (size_t i = 0; i < patch.size(); ++i) patch[i] = uint8_t(0xA0 ^ i);
            out.write_at(header.size() + at, patch);
            std::copy(patch.begin(), patch.end(), body.begin() + std::ptrdiff_t(at));
            out.commit(false);
        }
        // Read back by hand: the header, the encryption header, then every chunk opens in place.
        const std::string file = read_file(path);
        QVERIFY(file.compare(0, header.size(), "HEAD") == 0);
        const std::span<const uint8_t> bytes(reinterpret_cast<const uint8_t*>(file.data()), file.size());
        nnz::format::ByteReader in(bytes.subspan(header.size()), "test");
        (void)nnz::format::parse_encryption_header(in);
        uint64_t sealed = header.size() + in.position();
        std::vector<uint8_t> plain;
        for (uint64_t index = 0; sealed < bytes.size(); ++index) {
            const uint64_t n = std::min<uint64_t>(chunk + nnz::kSealOverhead, bytes.size() - sealed);
            std::vector<uint8_t> piece(n - nnz::kSealOverhead);
            const bool last = sealed + n == bytes.size();
            QVERIFY2(key->open(index, last, bytes.subspan(sealed, n), piece), qPrintable(QString::number(index)));
            std::vector<uint8_t> scratch(piece.size());  // (a failed open wipes its output)
            QVERIFY(!key->open(index, !last, bytes.subspan(sealed, n), scratch));  // sealed as last or not, exactly
            plain.insert(plain.end(), piece.begin(), piece.end());
            sealed += n;
        }
        QCOMPARE(plain.size(), body.size());
        const auto differs = std::mismatch(plain.begin(), plain.end(), body.begin());
        QVERIFY2(differs.first == plain.end(), qPrintable(QString("first difference at %1").arg(differs.first - plain.begin())));
    }

    void namesAndContentsAreHidden()
    {
        const std::string secret = "the launch code is 0000 and the name of the file says so";
        const auto tree = makeTree({{"launch-codes.txt", secret}});
        auto options = options_with("store", 8ull << 20);  // stored as it is when not encrypted
        const auto plain = makeArchive(tree, options);
        const std::string plain_bytes = read_file(plain);
        QVERIFY(plain_bytes.find(secret) != std::string::npos);
        QVERIFY(plain_bytes.find("launch-codes") != std::string::npos);

        options.passphrase = kPassword;
        const auto sealed = makeArchive(tree, options);
        const std::string sealed_bytes = read_file(sealed);
        QCOMPARE(sealed_bytes.find(secret), std::string::npos);
        QCOMPARE(sealed_bytes.find("launch-codes"), std::string::npos);
        QCOMPARE(sealed_bytes.find("0000"), std::string::npos);
        // The cost: the encryption header and 40 bytes per 64 KiB chunk.
        QVERIFY(sealed_bytes.size() > plain_bytes.size());
        QVERIFY(sealed_bytes.size() < plain_bytes.size() + nnz::format::kMaxEncryptionHeaderSize + nnz::kSealOverhead);

        // The same input twice gives different bytes (a fresh salt and nonces), both readable.
        const auto first = sealed_bytes;
        const auto again = read_file(makeArchive(tree, options));
        QVERIFY(first != again);
        QCOMPARE(contents_of(sealed, kPassword).at("tree/launch-codes.txt"), secret);
    }

    void passwordMissingOrWrong_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("expected");
        QTest::newRow("none") << "" << int(ErrorCode::Password);
        QTest::newRow("wrong") << "correct horse battery stapler" << int(ErrorCode::Password);
        QTest::newRow("case differs") << "Correct horse battery staple" << int(ErrorCode::Password);
        QTest::newRow("right") << QString::fromStdString(std::string(kPassword.text())) << -1;
    }
    void passwordMissingOrWrong()
    {
        QFETCH(QString, password);
        QFETCH(int, expected);
        const auto archive = makeSealedArchive({{"f.txt", "content"}});
        QCOMPARE(outcome(archive, nnz::Passphrase(password.toStdString())), expected);
    }

    void plainArchivesIgnoreAPassword()
    {
        const auto archive = makeArchive(makeTree({{"f.txt", "content"}}), options_with("store", 8ull << 20));
        nnz::ArchiveReader reader(archive, kPassword);
        QVERIFY(!reader.encrypted());
        QCOMPARE(contents_of(archive, kPassword).at("tree/f.txt"), std::string("content"));
        QCOMPARE(int(uint8_t(read_file(archive)[8])), int(nnz::format::kVersionMajorWithoutDuplicates));
    }

    void tamperingIsRefused_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("flag cleared") << "flag";
        QTest::newRow("salt") << "salt";
        QTest::newRow("key check") << "check";
        QTest::newRow("first chunk's nonce") << "nonce";
        QTest::newRow("first chunk's ciphertext") << "ciphertext";
        QTest::newRow("first chunk's tag") << "tag";
        QTest::newRow("last byte") << "last";
        QTest::newRow("last chunk dropped") << "drop last";
        QTest::newRow("cut one byte short") << "cut";
        QTest::newRow("chunks swapped") << "swap";
        QTest::newRow("bytes appended") << "append";
        QTest::newRow("a chunk from another archive") << "transplant";
    }
    void tamperingIsRefused()
    {
        QFETCH(QString, change);
        const auto other = dir() / "other.nnz";
        fs::copy_file(makeSealedArchive({{"big.bin", noise(200000, 7)}}), other);
        const auto archive = makeSealedArchive({{"big.bin", noise(200000, 7)}});
        std::string bytes = read_file(archive);
        const size_t header = bytes.find("NENC");
        // The encryption header: magic 4, id 1, passes 1, memory 4 (64 MiB), salt 16, chunk size 3,
        // key check 32, checksum 8.
        const size_t salt = header + 4 + 1 + 1 + 4;
        const size_t check = salt + 16 + 3;
        const size_t sealed = check + 32 + 8;
        const size_t stride = nnz::kSealedChunkBytes + nnz::kSealOverhead;
        QVERIFY(bytes.size() > sealed + 3 * stride);  // 200 kB: four chunks
        if (change == "flag") bytes[12] = 0;
        else if (change == "salt") bytes[salt] ^= 1;
        else if (change == "check") bytes[check + 5] ^= 1;
        else if (change == "nonce") bytes[sealed + 3] ^= 1;
        else if (change == "ciphertext") bytes[sealed + 24 + 100] ^= 1;
        else if (change == "tag") bytes[sealed + stride - 1] ^= 1;
        else if (change == "last") bytes.back() ^= 0x80;
        else if (change == "drop last") bytes.resize(sealed + ((bytes.size() - sealed) / stride) * stride);
        else if (change == "cut") bytes.pop_back();
        else if (change == "swap") std::swap_ranges(bytes.begin() + sealed, bytes.begin() + sealed + stride, bytes.begin() + sealed + stride);
        else if (change == "append") bytes += "appended";
        else if (change == "transplant") {
            const std::string donor = read_file(other);
            std::copy_n(donor.begin() + sealed + stride, stride, bytes.begin() + sealed + stride);
        }
        std::ofstream(archive, std::ios::binary | std::ios::trunc) << bytes;
        // Damage, never a wrong password, and never a successful read.
        QCOMPARE(outcome(archive, kPassword), int(ErrorCode::Data));
    }

    void keyDerivationCostsAreBounded_data()
    {
        QTest::addColumn<uint>("passes");
        QTest::addColumn<qulonglong>("memory");
        QTest::addColumn<bool>("otherSalt");
        QTest::addColumn<int>("expected");
        const auto passes = nnz::kDefaultKeyPasses;
        const auto memory = qulonglong(nnz::kDefaultKeyMemory);
        const int damaged = int(ErrorCode::Data);
        QTest::newRow("no pass") << 0u << memory << false << damaged;
        QTest::newRow("too many passes") << nnz::kMaxKeyPasses + 1 << memory << false << damaged;
        QTest::newRow("too little memory") << passes << qulonglong(nnz::kMinKeyMemory - 1) << false << damaged;
        QTest::newRow("too much memory") << passes << qulonglong(nnz::kMaxKeyMemory + 1) << false << damaged;
        // Valid costs that are not the archive's, or another salt: another key, so its check fails.
        QTest::newRow("one pass more") << passes + 1 << memory << false << int(ErrorCode::Password);
        QTest::newRow("another salt") << passes << memory << true << int(ErrorCode::Password);
        QTest::newRow("as written") << passes << memory << false << -1;
    }
    void keyDerivationCostsAreBounded()
    {
        QFETCH(uint, passes);
        QFETCH(qulonglong, memory);
        QFETCH(bool, otherSalt);
        QFETCH(int, expected);
        const auto archive = makeSealedArchive({{"f.txt", "content"}});
        std::string bytes = read_file(archive);
        const size_t at = bytes.find("NENC");
        std::vector<uint8_t> head(bytes.begin() + static_cast<std::ptrdiff_t>(at), bytes.end());
        nnz::format::ByteReader in(head, "test");
        auto header = nnz::format::parse_encryption_header(in);
        const size_t old_size = in.position();
        header.derivation.passes = passes;
        header.derivation.memory_bytes = memory;
        if (otherSalt) header.derivation.salt[0] ^= 1;
        const auto encoded = nnz::format::encode_encryption_header(header);  // a valid checksum
        bytes.replace(at, old_size, std::string(encoded.begin(), encoded.end()));
        std::ofstream(archive, std::ios::binary | std::ios::trunc) << bytes;
        QCOMPARE(outcome(archive, kPassword), expected);
    }

    void editsKeepTheArchiveEncrypted_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::newRow("add a file") << "add";
        QTest::newRow("delete a file (its block compressed again)") << "delete";
        QTest::newRow("rename") << "rename";
    }
    void editsKeepTheArchiveEncrypted()
    {
        QFETCH(QString, edit);
        auto options = options_with("store", 64ull * 1024);
        options.passphrase = kPassword;
        const auto tree = makeTree({{"a.txt", prose(50000, 1)}, {"b.bin", noise(90000, 2)}, {"c.txt", prose(3000, 3)}});
        const auto archive = makeArchive(tree, options);
        const auto before = nnz::ArchiveReader(archive, kPassword).key()->derivation();

        nnz::JobControl control;
        std::map<std::string, std::string> expected = contents_of(archive, kPassword);
        if (edit == "add") {
            write_file(dir() / "new.txt", "a new file");
            nnz::add_paths(archive, std::vector<fs::path>{dir() / "new.txt"}, options, control);
            expected["new.txt"] = "a new file";
        } else if (edit == "delete") {
            nnz::delete_entries(archive, std::vector<std::string>{"tree/c.txt"}, options, control);
            expected.erase("tree/c.txt");
        } else {
            nnz::rename_entry(archive, "tree/a.txt", "tree/renamed.txt", control, kPassword);
            expected["tree/renamed.txt"] = expected["tree/a.txt"];
            expected.erase("tree/a.txt");
        }
        nnz::ArchiveReader reader(archive, kPassword);
        QVERIFY(reader.encrypted());
        QVERIFY(reader.key()->derivation() == before);  // the same salt and costs: the same key
        QVERIFY(contents_of(archive, kPassword) == expected);
        QCOMPARE(outcome(archive, nnz::Passphrase("wrong")), int(ErrorCode::Password));
        const std::string bytes = read_file(archive);
        QCOMPARE(bytes.find("a.txt"), std::string::npos);
        QCOMPARE(bytes.find("renamed"), std::string::npos);

        // Without the password an edit is refused before anything changes.
        options.passphrase = {};
        try {
            nnz::delete_entries(archive, std::vector<std::string>{"tree/b.bin"}, options, control);
            QFAIL("an edit without the password went through");
        } catch (const nnz::Error& e) {
            QCOMPARE(int(e.code()), int(ErrorCode::Password));
        }
        QCOMPARE(read_file(archive), bytes);
    }

    void changePassword_data()
    {
        QTest::addColumn<QString>("from");  // "" = a plain archive
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("to");    // "" = remove the password
        QTest::addColumn<int>("expected");  // error code, -1 for success
        QTest::newRow("encrypt a plain archive") << "" << "" << "new" << -1;
        QTest::newRow("change it") << "old" << "old" << "new" << -1;
        QTest::newRow("remove it") << "old" << "old" << "" << -1;
        QTest::newRow("wrong current password") << "old" << "olb" << "new" << int(ErrorCode::Password);
        QTest::newRow("no current password") << "old" << "" << "new" << int(ErrorCode::Password);
        QTest::newRow("remove what is not there") << "" << "" << "" << int(ErrorCode::Usage);
    }
    void changePassword()
    {
        QFETCH(QString, from);
        QFETCH(QString, given);
        QFETCH(QString, to);
        QFETCH(int, expected);
        // Neural blocks (fast preset): changing the password must not compress anything again.
        auto options = options_with("neural", 16 * 1024);
        options.passphrase = nnz::Passphrase(from.toStdString());
        const std::map<std::string, std::string> files{{"a.txt", prose(30000, 1)}, {"b.bin", noise(5000, 2)}};
        const auto archive = makeArchive(makeTree(files), options);
        const std::string before = read_file(archive);
        const auto contents = contents_of(archive, options.passphrase);

        nnz::JobControl control;
        try {
            nnz::change_password(archive, nnz::Passphrase(given.toStdString()), nnz::Passphrase(to.toStdString()), control);
            QCOMPARE(expected, -1);
        } catch (const nnz::Error& e) {
            QCOMPARE(int(e.code()), expected);
            QVERIFY(read_file(archive) == before);  // refused: not a byte changed
            return;
        }
        QCOMPARE(control.done_input.load(), uint64_t(0));  // nothing was compressed
        const nnz::Passphrase now(to.toStdString());
        QVERIFY(contents_of(archive, now) == contents);
        nnz::ArchiveReader reader(archive, now);
        QCOMPARE(reader.encrypted(), !to.isEmpty());
        if (!from.isEmpty()) QCOMPARE(outcome(archive, nnz::Passphrase(from.toStdString())), to.isEmpty() ? -1 : int(ErrorCode::Password));
        // Back to plain, the archive is the very one it was made as: blocks are copied as stored.
        if (from.isEmpty()) {
            nnz::change_password(archive, now, {}, control);
            QVERIFY(read_file(archive) == before);
        }
    }
};

QTEST_GUILESS_MAIN(TestEncryption)
#include "tst_encryption.moc"
