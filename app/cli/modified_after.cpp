#include "modified_after.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <string>

#include "error.hpp"

namespace nnz::cli {
namespace {

[[noreturn]] void not_a_date(std::string_view text)
{
    throw Error(ErrorCode::Usage, "--newer-mtime takes a date (2026-12-01, '2026-12-01 14:30', @SECONDS) or a file whose "
                                  "name starts with / or ., not '" + std::string(text) + "'");
}

// Reads the digits of text[at, at + count) into value.
bool digits(std::string_view text, size_t at, size_t count, int& value)
{
    if (at + count > text.size()) return false;
    const char* first = text.data() + at;
    const auto [end, error] = std::from_chars(first, first + count, value);
    return error == std::errc() && end == first + count;
}

}  // namespace

ModificationTime parse_modified_after(std::string_view text)
{
    if (text.starts_with('/') || text.starts_with('.')) {
        struct stat st {};
        if (::stat(std::string(text).c_str(), &st) != 0)
            throw Error(ErrorCode::Io, "cannot read " + std::string(text) + " (--newer-mtime's file): " + std::strerror(errno));
        return {static_cast<int64_t>(st.st_mtim.tv_sec), static_cast<uint32_t>(st.st_mtim.tv_nsec)};
    }
    if (text.starts_with('@')) {
        int64_t seconds = 0;
        const auto [end, error] = std::from_chars(text.data() + 1, text.data() + text.size(), seconds);
        if (error != std::errc() || end != text.data() + text.size() || text.size() == 1) not_a_date(text);
        return {seconds, 0};
    }
    // YYYY-MM-DD, then optionally ' ' or 'T' and HH:MM, then optionally :SS.
    std::tm when{};
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, month) || text[7] != '-' ||
        !digits(text, 8, 2, day))
        not_a_date(text);
    if (text.size() > 10) {
        if ((text[10] != ' ' && text[10] != 'T') || !digits(text, 11, 2, hour) || text.size() < 16 || text[13] != ':' ||
            !digits(text, 14, 2, minute))
            not_a_date(text);
        if (text.size() > 16 && (text.size() != 19 || text[16] != ':' || !digits(text, 17, 2, second))) not_a_date(text);
    }
    when.tm_year = year - 1900;
    when.tm_mon = month - 1;
    when.tm_mday = day;
    when.tm_hour = hour;
    when.tm_min = minute;
    when.tm_sec = second;
    when.tm_isdst = -1;
    std::tm normalised = when;
    const std::time_t seconds = std::mktime(&normalised);
    // mktime moves 2026-02-30 to March: a date that does not exist comes back changed.
    if (seconds == -1 || normalised.tm_mday != day || normalised.tm_mon != month - 1 || normalised.tm_year != year - 1900 ||
        hour > 23 || minute > 59 || second > 59)
        not_a_date(text);
    return {static_cast<int64_t>(seconds), 0};
}

}  // namespace nnz::cli
