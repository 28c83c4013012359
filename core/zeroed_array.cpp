#include "zeroed_array.hpp"

#include <cstdlib>
#include <cstring>

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#define NNZ_HAVE_MMAP 1
#endif

namespace nnz::detail {
namespace {

constexpr size_t kSmallAlignment = 128;
constexpr size_t kHugePage = size_t{2} << 20;

#if NNZ_HAVE_MMAP
size_t whole_pages(size_t bytes)
{
    static const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    return (bytes + page - 1) / page * page;
}

// Anonymous mappings come zeroed and page aligned; for huge pages the mapping is over-sized by
// one huge page and trimmed so that the array starts on a 2 MiB boundary. The trimmed ends must
// be whole pages (munmap refuses the rest), so the array keeps its size rounded up to pages.
void* map_zeroed(size_t requested, bool huge_pages)
{
    const size_t bytes = whole_pages(requested);
    const size_t length = huge_pages ? bytes + kHugePage : bytes;
    void* mapping = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapping == MAP_FAILED) throw std::bad_alloc();
    if (!huge_pages) return mapping;
    auto* start = static_cast<unsigned char*>(mapping);
    const auto address = reinterpret_cast<uintptr_t>(start);
    const size_t lead = (kHugePage - address % kHugePage) % kHugePage;
    if (lead > 0) munmap(start, lead);
    const size_t tail = kHugePage - lead;
    if (tail > 0) munmap(start + lead + bytes, tail);
#ifdef MADV_HUGEPAGE
    madvise(start + lead, bytes, MADV_HUGEPAGE);  // advice only: without it the table still works
#endif
    return start + lead;
}
#endif

}  // namespace

void* allocate_zeroed(size_t bytes, bool huge_pages)
{
#if NNZ_HAVE_MMAP
    return map_zeroed(bytes, huge_pages);
#else
    // calloc's own lazily zeroed pages, with room to align the start by hand; the offset is kept
    // in the bytes just before the aligned start.
    (void)huge_pages;
    auto* raw = static_cast<unsigned char*>(std::calloc(bytes + kSmallAlignment + sizeof(size_t), 1));
    if (!raw) throw std::bad_alloc();
    const auto address = reinterpret_cast<uintptr_t>(raw + sizeof(size_t));
    const size_t offset = sizeof(size_t) + (kSmallAlignment - address % kSmallAlignment) % kSmallAlignment;
    std::memcpy(raw + offset - sizeof(size_t), &offset, sizeof(size_t));
    return raw + offset;
#endif
}

void release_zeroed(void* data, size_t bytes, bool huge_pages) noexcept
{
    if (!data) return;
#if NNZ_HAVE_MMAP
    (void)huge_pages;
    munmap(data, whole_pages(bytes));
#else
    (void)bytes;
    (void)huge_pages;
    auto* aligned = static_cast<unsigned char*>(data);
    size_t offset = 0;
    std::memcpy(&offset, aligned - sizeof(size_t), sizeof(size_t));
    std::free(aligned - offset);
#endif
}

}  // namespace nnz::detail
