#pragma once
// A fixed-size array of zero-initialised integers taken from calloc. Large model tables are sized
// for the biggest block but most of a small block's table is never touched: calloc hands back
// zero pages that the kernel maps on first write, so a table costs memory (and time to clear)
// only where it is used. std::vector<T>(n) would write every byte up front.
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <span>
#include <type_traits>

namespace nnz {

template <typename T>
class ZeroedArray {
    static_assert(std::is_integral_v<T>, "zero bytes must be a valid T");

public:
    ZeroedArray() = default;
    explicit ZeroedArray(size_t count) : data_(static_cast<T*>(std::calloc(count == 0 ? 1 : count, sizeof(T)))), size_(count)
    {
        if (!data_) throw std::bad_alloc();
    }

    T* data() { return data_.get(); }
    const T* data() const { return data_.get(); }
    size_t size() const { return size_; }
    T& operator[](size_t i) { return data_[i]; }
    const T& operator[](size_t i) const { return data_[i]; }
    std::span<T> span() { return {data_.get(), size_}; }

private:
    struct Free {
        void operator()(T* p) const { std::free(p); }
    };
    std::unique_ptr<T[], Free> data_;
    size_t size_ = 0;
};

}  // namespace nnz
