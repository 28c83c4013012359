#pragma once
// This process's memory as Linux reports it, for tests that bound or watch it.
#include <fstream>
#include <string>
#include <string_view>

// A field of /proc/self/status in KiB ("VmRSS", "VmHWM", "VmSize"); -1 where /proc does not
// offer it.
inline long process_status_kib(std::string_view field)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.size() > field.size() && line.starts_with(field) && line[field.size()] == ':') return std::stol(line.substr(field.size() + 1));
    return -1;
}
