#pragma once
// Maps the pages of tables that a block will touch all over anyway ahead of the coder, on a
// thread of its own. The kernel clears every fresh page on first write; for a block of text the
// context tables' clearing took a tenth of the coder's time on this VM (perf: clear_page_erms
// under the coder's writes). Done ahead, it runs on a core that would otherwise wait; when every
// core is coding it costs what it cost before. Nothing is written: the tables stay zero, and a
// page the coder reaches first is simply already there for the other thread.
#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace nnz {

class BackgroundPageFaults {
public:
    BackgroundPageFaults();
    // Regions must start on a page boundary (ZeroedArray's do). Where the kernel cannot map
    // pages ahead (before Linux 5.14, other systems) or no thread can be started, nothing runs.
    explicit BackgroundPageFaults(std::vector<std::span<std::byte>> regions);
    // Stops between slices of 16 MiB and joins: destroy this before the memory it maps.
    ~BackgroundPageFaults();
    BackgroundPageFaults(BackgroundPageFaults&&) noexcept;
    BackgroundPageFaults& operator=(BackgroundPageFaults&&) noexcept;

private:
    class Worker;
    std::unique_ptr<Worker> worker_;
};

}  // namespace nnz
