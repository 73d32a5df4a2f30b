#include "pii/zeroed_array.h"

#include <sys/mman.h>

#include <cstdlib>
#include <new>

namespace shodo::pii {
namespace {

// From this size on, tables are mapped with their pages filled at once: a
// hash table is written all over as soon as it holds a few keys, and one
// call that fills every page costs far less than a fault per 4 KiB page.
constexpr size_t kMapThreshold = size_t{1} << 20;

}  // namespace

void* zeroed_alloc(size_t bytes) {
  if (bytes >= kMapThreshold) {
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return p;
  }
  void* p = std::calloc(1, bytes ? bytes : 1);
  if (!p) throw std::bad_alloc();
  return p;
}

void zeroed_free(void* p, size_t bytes) {
  if (bytes >= kMapThreshold) {
    munmap(p, bytes);
  } else {
    std::free(p);
  }
}

}  // namespace shodo::pii
