#pragma once
// Names in foreign archives that are not UTF-8 (libarchive hands their bytes over unconverted,
// and they would be refused as unsafe names).
// - Zips without the UTF-8 flag: PKWARE's APPNOTE gives their names in IBM code page 437, and
//   Windows' own zip folders, older WinZip and many tools still write them so; 7-Zip, unzip -O
//   CP437 and file managers read them as code page 437, and so does nnzip.
// - Any other set, for any format (a Japanese zip in CP932, a tar of Latin-1 names), when the
//   user names it: nnzip --name-charset, as 7-Zip's -mcp and unzip -O.
#include <optional>
#include <string>
#include <string_view>

namespace nnz {

// The name read as code page 437 (ASCII below 0x80), in UTF-8.
std::string utf8_from_cp437(std::string_view bytes);

// The character set (iconv's names: CP932, CP866, ISO-8859-1...) in which every foreign
// archive's names that are not UTF-8 are read from now on. For the whole process, as the locale
// is (thread-safe; an archive already open keeps the names it was read with). Empty (the default): code page 437 in zips, refused
// elsewhere. Throws Error(Usage) for a set iconv does not know.
void set_name_charset(const std::string& charset);

// bytes (a name that is not UTF-8) in UTF-8: by the set chosen, else as code page 437 for a zip;
// nullopt where neither applies or the bytes do not convert.
std::optional<std::string> utf8_name_from(std::string_view bytes, bool in_zip);

}  // namespace nnz
