#pragma once
// A fixed-size array of zero-initialised integers from anonymous memory. Large model tables are
// sized for the biggest block but most of a small block's table is never touched: fresh
// anonymous pages are mapped (and zeroed) by the kernel on first write, so a table costs memory
// and clearing time only where it is used; std::vector<T>(n) would write every byte up front.
// The start is aligned to kAlignment so that the two-slot buckets of the context tables never
// straddle a cache line more than they must. With `huge_pages`, the array asks for transparent
// huge pages: a table read at random on every bit then needs far fewer TLB misses (for tables
// that a block touches all over anyway; a tiny block would pay 2 MiB per touched row).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <type_traits>

namespace nnz {

namespace detail {
// Zeroed memory of `bytes` bytes aligned to 2 MiB when huge pages are asked for, else to 128
// bytes; throws std::bad_alloc. release_zeroed() takes back exactly what this returned.
void* allocate_zeroed(size_t bytes, bool huge_pages);
void release_zeroed(void* data, size_t bytes, bool huge_pages) noexcept;
}  // namespace detail

template <typename T>
class ZeroedArray {
    static_assert(std::is_integral_v<T>, "zero bytes must be a valid T");

public:
    ZeroedArray() = default;
    explicit ZeroedArray(size_t count, bool huge_pages = false)
        : data_(static_cast<T*>(detail::allocate_zeroed(bytes_for(count), huge_pages)), Release{bytes_for(count), huge_pages}),
          size_(count)
    {}

    T* data() { return data_.get(); }
    const T* data() const { return data_.get(); }
    size_t size() const { return size_; }
    T& operator[](size_t i) { return data_[i]; }
    const T& operator[](size_t i) const { return data_[i]; }
    std::span<T> span() { return {data_.get(), size_}; }

private:
    static size_t bytes_for(size_t count)
    {
        if (count > (size_t{1} << 48) / sizeof(T)) throw std::bad_alloc();  // no machine has it; keeps the sums below exact
        return (count == 0 ? 1 : count) * sizeof(T);
    }
    struct Release {
        size_t bytes = 0;
        bool huge_pages = false;
        void operator()(T* p) const { detail::release_zeroed(p, bytes, huge_pages); }
    };
    std::unique_ptr<T[], Release> data_;
    size_t size_ = 0;
};

}  // namespace nnz
