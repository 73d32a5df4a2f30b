// Fixed-size arrays of trivially copyable slots, zero at the start, for the
// hash tables that count distinct values and persons. Large tables are
// mapped with all their pages at once (zeroed by the kernel, not written a
// second time, and without a page fault per 4 KiB as the table fills).
#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

namespace shodo::pii {

// `bytes` of zeroed memory (throws std::bad_alloc); give it back with the
// same size.
void* zeroed_alloc(size_t bytes);
void zeroed_free(void* p, size_t bytes);

template <class T>
class ZeroedArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  ZeroedArray() = default;
  explicit ZeroedArray(size_t n) : data_(static_cast<T*>(zeroed_alloc(n * sizeof(T)))), size_(n) {}
  ~ZeroedArray() {
    if (data_) zeroed_free(data_, size_ * sizeof(T));
  }
  ZeroedArray(ZeroedArray&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)) {}
  ZeroedArray& operator=(ZeroedArray&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    return *this;
  }
  ZeroedArray(const ZeroedArray&) = delete;
  ZeroedArray& operator=(const ZeroedArray&) = delete;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

 private:
  T* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace shodo::pii
