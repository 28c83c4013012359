#pragma once
// Zips for tests, made by libarchive (no zip program needed): name -> content, a name ending in
// '/' for a folder; with a password, encrypted with WinZip AES-256.
#include <QtTest>

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

void makeZip(const std::filesystem::path& path, const std::vector<std::pair<std::string, std::string>>& members,
             const char* password = nullptr)
{
    std::unique_ptr<archive, int (*)(archive*)> a(archive_write_new(), archive_write_free);
    archive_write_set_format_zip(a.get());
    if (password) {
        QCOMPARE(archive_write_set_options(a.get(), "zip:encryption=aes256"), ARCHIVE_OK);
        QCOMPARE(archive_write_set_passphrase(a.get(), password), ARCHIVE_OK);
    }
    QCOMPARE(archive_write_open_filename(a.get(), path.c_str()), ARCHIVE_OK);
    for (const auto& [name, content] : members) {
        std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname_utf8(e.get(), name.c_str());
        const bool folder = name.back() == '/';
        archive_entry_set_filetype(e.get(), folder ? AE_IFDIR : AE_IFREG);
        archive_entry_set_perm(e.get(), folder ? 0755 : 0644);
        archive_entry_set_size(e.get(), la_int64_t(content.size()));
        archive_entry_set_mtime(e.get(), 1'650'000'000, 0);
        QCOMPARE(archive_write_header(a.get(), e.get()), ARCHIVE_OK);
        if (!content.empty()) archive_write_data(a.get(), content.data(), content.size());
    }
    QCOMPARE(archive_write_close(a.get()), ARCHIVE_OK);
}

}  // namespace
