#include <cstring>

#include "pii/parsers.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace shodo::pii {

size_t find_either(const char* data, size_t from, size_t to, char a, char b) {
  size_t i = from;
#ifdef __SSE2__
  // 16 bytes a step: the tokenizers spend most of their time here.
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
  for (; i + 16 <= to; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    const int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
    if (mask) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < to; ++i)
    if (data[i] == a || data[i] == b) return i;
  return to;
}

}  // namespace shodo::pii
