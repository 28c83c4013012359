#pragma once
// QTemporaryDir removes its folder through QString names, which cannot hold bytes that are not
// UTF-8 ("caf\xe9.txt"): a test that makes such a name would leave its folder in /tmp on every
// run. This removes the folder by its bytes when it goes out of scope, however the test ends:
// declare it after the QTemporaryDir.
#include <filesystem>
#include <system_error>

struct RemoveByBytes {
    std::filesystem::path folder;
    ~RemoveByBytes()
    {
        std::error_code ignored;  // what is left, QTemporaryDir tries too
        std::filesystem::remove_all(folder, ignored);
    }
};
