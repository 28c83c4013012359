#pragma once
// Names in zips without the UTF-8 flag: PKWARE's APPNOTE gives them in IBM code page 437, and
// Windows' own zip folders, older WinZip and many tools still write them so. libarchive hands
// such bytes over unconverted, where they are not UTF-8 and were refused as unsafe names; 7-Zip,
// unzip -O CP437 and file managers read them as code page 437, and so does nnzip.
#include <string>
#include <string_view>

namespace nnz {

// The name read as code page 437 (ASCII below 0x80), in UTF-8.
std::string utf8_from_cp437(std::string_view bytes);

}  // namespace nnz
