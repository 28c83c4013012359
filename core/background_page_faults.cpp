#include "background_page_faults.hpp"

#include <algorithm>
#include <atomic>
#include <system_error>
#include <thread>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace nnz {

class BackgroundPageFaults::Worker {
public:
    explicit Worker(std::vector<std::span<std::byte>> regions)
        : regions_(std::move(regions)), thread_([this] { map_all(); })
    {}
    ~Worker()
    {
        stop_.store(true, std::memory_order_relaxed);
        thread_.join();
    }

private:
    void map_all()
    {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
        constexpr size_t kSlice = size_t{16} << 20;
        for (const std::span<std::byte> region : regions_)
            for (size_t at = 0; at < region.size(); at += kSlice) {
                if (stop_.load(std::memory_order_relaxed)) return;
                // Refused by a kernel that lacks it: the coder's writes map the pages as before.
                if (madvise(region.data() + at, std::min(kSlice, region.size() - at), MADV_POPULATE_WRITE) != 0) return;
            }
#endif
    }

    std::vector<std::span<std::byte>> regions_;
    std::atomic<bool> stop_{false};
    std::thread thread_;  // last: runs once the members above exist
};

BackgroundPageFaults::BackgroundPageFaults(std::vector<std::span<std::byte>> regions)
{
    if (regions.empty()) return;
    try {
        worker_ = std::make_unique<Worker>(std::move(regions));
    } catch (const std::system_error&) {
        // No thread to spare: the coder's own writes map the pages.
    }
}

BackgroundPageFaults::BackgroundPageFaults() = default;
BackgroundPageFaults::~BackgroundPageFaults() = default;
BackgroundPageFaults::BackgroundPageFaults(BackgroundPageFaults&&) noexcept = default;
BackgroundPageFaults& BackgroundPageFaults::operator=(BackgroundPageFaults&&) noexcept = default;

}  // namespace nnz
