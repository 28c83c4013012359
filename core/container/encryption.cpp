#include "encryption.hpp"

#include <cstring>

#include "../error.hpp"

#if NNZIP_HAVE_SODIUM
#include <sodium.h>
#endif

namespace nnz {
namespace {

[[noreturn]] void unavailable()
{
    throw Error(ErrorCode::Usage, "this nnzip was built without encryption (libsodium); it cannot make or read "
                                  "encrypted archives");
}

#if NNZIP_HAVE_SODIUM
static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES ==
              kSealOverhead);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);

void wipe(void* bytes, size_t size) { sodium_memzero(bytes, size); }

bool ready()
{
    static const bool initialised = sodium_init() >= 0;
    return initialised;
}

// What a sealed chunk is bound to besides its key: where it lies and whether the body ends with it.
std::array<uint8_t, 13> chunk_label(uint64_t index, bool last)
{
    std::array<uint8_t, 13> label{'N', 'N', 'Z', 'C'};
    for (int i = 0; i < 8; ++i) label[4 + i] = static_cast<uint8_t>(index >> (8 * i));
    label[12] = last ? 1 : 0;
    return label;
}
#else
void wipe(void* bytes, size_t size)
{
    volatile auto* p = static_cast<volatile uint8_t*>(bytes);
    for (size_t i = 0; i < size; ++i) p[i] = 0;
}
#endif

}  // namespace

bool encryption_available()
{
#if NNZIP_HAVE_SODIUM
    return ready();
#else
    return false;
#endif
}

Passphrase& Passphrase::operator=(const Passphrase& other)
{
    if (this != &other) {
        wipe(text_.data(), text_.size());
        text_ = other.text_;
    }
    return *this;
}

Passphrase::~Passphrase() { wipe(text_.data(), text_.size()); }

ArchiveKey::~ArchiveKey() { wipe(key_.data(), key_.size()); }

#if NNZIP_HAVE_SODIUM

std::shared_ptr<ArchiveKey> ArchiveKey::from_passphrase(const Passphrase& passphrase, const KeyDerivation& derivation)
{
    std::shared_ptr<ArchiveKey> key(new ArchiveKey(derivation));
    const auto text = passphrase.text();
    if (crypto_pwhash(key->key_.data(), key->key_.size(), text.data(), text.size(), derivation.salt.data(),
                      derivation.passes, derivation.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw Error(ErrorCode::Io, "not enough memory to derive the key (" +
                                       std::to_string(derivation.memory_bytes >> 20) + " MiB)");
    return key;
}

std::shared_ptr<const ArchiveKey> ArchiveKey::create(const Passphrase& passphrase, uint32_t passes,
                                                     uint64_t memory_bytes)
{
    if (!ready()) unavailable();
    if (passphrase.empty()) throw Error(ErrorCode::Usage, "the password is empty");
    KeyDerivation derivation{passes, memory_bytes, {}};
    randombytes_buf(derivation.salt.data(), derivation.salt.size());
    return from_passphrase(passphrase, derivation);
}

std::shared_ptr<const ArchiveKey> ArchiveKey::derive(const Passphrase& passphrase, const KeyDerivation& derivation,
                                                     std::span<const uint8_t> key_check, const std::string& archive)
{
    if (!ready()) unavailable();
    if (derivation.passes < 1 || derivation.passes > kMaxKeyPasses || derivation.memory_bytes < kMinKeyMemory ||
        derivation.memory_bytes > kMaxKeyMemory)
        throw Error(ErrorCode::Data, archive + ": the key derivation costs are out of range (" +
                                         std::to_string(derivation.passes) + " passes, " +
                                         std::to_string(derivation.memory_bytes) + " bytes)");
    if (passphrase.empty()) throw Error(ErrorCode::Password, archive + " is encrypted: give its password");
    auto key = from_passphrase(passphrase, derivation);
    const auto check = key->key_check();
    if (key_check.size() != check.size() || sodium_memcmp(check.data(), key_check.data(), check.size()) != 0)
        throw Error(ErrorCode::Password, archive + ": wrong password");
    return key;
}

std::array<uint8_t, kKeyCheckBytes> ArchiveKey::key_check() const
{
    static constexpr std::string_view kWhat = "nnzip key check";
    std::array<uint8_t, kKeyCheckBytes> check{};
    crypto_generichash(check.data(), check.size(), reinterpret_cast<const uint8_t*>(kWhat.data()), kWhat.size(),
                       key_.data(), key_.size());
    return check;
}

std::vector<uint8_t> ArchiveKey::seal(uint64_t index, bool last, std::span<const uint8_t> plain) const
{
    constexpr size_t nonce_size = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    std::vector<uint8_t> sealed(plain.size() + kSealOverhead);
    randombytes_buf(sealed.data(), nonce_size);
    const auto label = chunk_label(index, last);
    unsigned long long size = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data() + nonce_size, &size, plain.data(), plain.size(),
                                               label.data(), label.size(), nullptr, sealed.data(), key_.data());
    return sealed;
}

bool ArchiveKey::open(uint64_t index, bool last, std::span<const uint8_t> sealed, std::span<uint8_t> plain) const
{
    constexpr size_t nonce_size = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (sealed.size() < kSealOverhead || plain.size() != sealed.size() - kSealOverhead) return false;
    const auto label = chunk_label(index, last);
    unsigned long long size = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &size, nullptr, sealed.data() + nonce_size,
                                                      sealed.size() - nonce_size, label.data(), label.size(),
                                                      sealed.data(), key_.data()) == 0;
}

#else

std::shared_ptr<const ArchiveKey> ArchiveKey::create(const Passphrase&, uint32_t, uint64_t) { unavailable(); }
std::shared_ptr<const ArchiveKey> ArchiveKey::derive(const Passphrase&, const KeyDerivation&, std::span<const uint8_t>,
                                                     const std::string&)
{
    unavailable();
}
std::array<uint8_t, kKeyCheckBytes> ArchiveKey::key_check() const { unavailable(); }
std::vector<uint8_t> ArchiveKey::seal(uint64_t, bool, std::span<const uint8_t>) const { unavailable(); }
bool ArchiveKey::open(uint64_t, bool, std::span<const uint8_t>, std::span<uint8_t>) const { unavailable(); }

#endif

}  // namespace nnz
