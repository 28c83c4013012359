#pragma once
// Archive encryption (format 4.0, docs/FORMAT.md "Encryption"). A passphrase becomes a 256-bit key
// with Argon2id (a fresh random salt per archive, its costs stored beside it); everything after
// the file header (blocks, their per-file headers, the index, the trailer) is stored as chunks
// of 64 KiB sealed with XChaCha20-Poly1305, each under its own random nonce and authenticated
// with its position, so names are hidden, and a changed, moved, dropped or truncated chunk is
// found before a byte of it is used. libsodium does the cryptography; this is the only file
// that includes it.
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nnz {

// Whether this build can encrypt and decrypt (it was built with libsodium).
bool encryption_available();

// A passphrase as the user typed it (any bytes; UTF-8 from the front ends). Its bytes are wiped
// when it is dropped. Empty means none.
class Passphrase {
public:
    Passphrase() = default;
    explicit Passphrase(std::string text) : text_(std::move(text)) {}
    Passphrase(const Passphrase& other) : text_(other.text_) {}
    Passphrase& operator=(const Passphrase& other);
    ~Passphrase();

    bool empty() const { return text_.empty(); }
    std::string_view text() const { return text_; }

private:
    std::string text_;
};

// How the key was derived: Argon2id's costs and salt, stored in the archive.
struct KeyDerivation {
    uint32_t passes = 0;          // Argon2id time cost
    uint64_t memory_bytes = 0;    // Argon2id memory cost
    std::array<uint8_t, 16> salt{};
    bool operator==(const KeyDerivation&) const = default;
};

// What a new archive gets: 3 passes over 64 MiB, about 0.2 s here (docs/FORMAT.md).
inline constexpr uint32_t kDefaultKeyPasses = 3;
inline constexpr uint64_t kDefaultKeyMemory = 64ull << 20;
// What a reader accepts (a crafted archive must not make it allocate gigabytes or spin for hours).
inline constexpr uint32_t kMaxKeyPasses = 64;
inline constexpr uint64_t kMinKeyMemory = 8ull << 10;
inline constexpr uint64_t kMaxKeyMemory = 1ull << 30;

inline constexpr size_t kKeyCheckBytes = 32;
// Plaintext bytes per sealed chunk (the last chunk may be shorter, never empty); a sealed chunk
// adds its nonce and tag.
inline constexpr uint64_t kSealedChunkBytes = 64 * 1024;
inline constexpr uint64_t kSealOverhead = 24 + 16;
inline constexpr uint64_t kSealedChunkStride = kSealedChunkBytes + kSealOverhead;  // a whole chunk in the file

class ArchiveKey {
public:
    // The key for a new archive: a fresh random salt, the default costs. Throws Error(Usage) for an
    // empty passphrase or a build without encryption.
    static std::shared_ptr<const ArchiveKey> create(const Passphrase& passphrase,
                                                    uint32_t passes = kDefaultKeyPasses,
                                                    uint64_t memory_bytes = kDefaultKeyMemory);
    // The key of an existing archive (named in the messages). Throws Error(Password) when the
    // passphrase is empty ("ARCHIVE is encrypted: give its password") or does not give the stored
    // key check ("ARCHIVE: wrong password"), Error(Data) for costs outside the limits above.
    static std::shared_ptr<const ArchiveKey> derive(const Passphrase& passphrase, const KeyDerivation& derivation,
                                                    std::span<const uint8_t> key_check, const std::string& archive);

    ArchiveKey(const ArchiveKey&) = delete;
    ArchiveKey& operator=(const ArchiveKey&) = delete;
    ~ArchiveKey();

    const KeyDerivation& derivation() const { return derivation_; }
    // A value derived from the key (a keyed hash), stored so that a wrong passphrase is told apart
    // from a damaged archive; it says nothing of the key itself.
    std::array<uint8_t, kKeyCheckBytes> key_check() const;

    // Chunk `index` of an archive's body: nonce, ciphertext, tag (plain.size() + kSealOverhead
    // bytes). `last` is sealed in, so a reader knows where the body really ends.
    std::vector<uint8_t> seal(uint64_t index, bool last, std::span<const uint8_t> plain) const;
    // The plaintext of a sealed chunk; false when it is not what this key sealed as chunk `index`
    // (with that `last`): damaged, moved, or from another archive; `plain` is then zeroed.
    bool open(uint64_t index, bool last, std::span<const uint8_t> sealed, std::span<uint8_t> plain) const;

private:
    explicit ArchiveKey(const KeyDerivation& derivation) : derivation_(derivation) {}
    static std::shared_ptr<ArchiveKey> from_passphrase(const Passphrase& passphrase, const KeyDerivation& derivation);
    KeyDerivation derivation_;
    std::array<uint8_t, 32> key_{};
};

}  // namespace nnz
