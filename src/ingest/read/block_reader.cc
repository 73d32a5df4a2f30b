#include "ingest/read/block_reader.h"

#include <algorithm>
#include <bit>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <cstring>
#include <string>

namespace shodo::ingest {

void Buffer::reserve(size_t n) {
  if (n <= capacity_) return;
  const size_t cap = std::max(n, capacity_ * 2);
  auto bigger = std::make_unique<char[]>(cap);
  if (size_) std::memcpy(bigger.get(), data_.get(), size_);
  data_ = std::move(bigger);
  capacity_ = cap;
}

void Buffer::assign(std::string_view s) {
  reserve(s.size());
  if (!s.empty()) std::memcpy(data_.get(), s.data(), s.size());
  size_ = s.size();
}

size_t count_newlines(std::string_view s) {
  size_t n = 0, i = 0;
#ifdef __SSE2__
  // Compare 16 bytes, subtract the 0xFF of each hit from per-byte counters,
  // and fold the counters into n before any can overflow: 64 bytes a step
  // (at most 4 per counter), then 16.
  const __m128i newline = _mm_set1_epi8('\n');
  const auto hits = [&](size_t at) {
    return _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at)),
                          newline);
  };
  const auto fold = [&](__m128i counts) {
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    n += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
         static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  };
  while (i + 64 <= s.size()) {
    __m128i counts = _mm_setzero_si128();
    const size_t steps = std::min<size_t>((s.size() - i) / 64, 63);
    for (size_t k = 0; k < steps; ++k, i += 64) {
      counts = _mm_sub_epi8(counts, hits(i));
      counts = _mm_sub_epi8(counts, hits(i + 16));
      counts = _mm_sub_epi8(counts, hits(i + 32));
      counts = _mm_sub_epi8(counts, hits(i + 48));
    }
    fold(counts);
  }
  __m128i counts = _mm_setzero_si128();
  for (; i + 16 <= s.size(); i += 16) counts = _mm_sub_epi8(counts, hits(i));
  fold(counts);
#endif
  for (; i < s.size(); ++i) n += s[i] == '\n';
  return n;
}

size_t skip_lines(std::string_view s, uint64_t n) {
  if (n == 0) return 0;
  size_t i = 0;
  // Whole strides are counted (branch-free); the one holding the n-th
  // newline is searched.
  constexpr size_t kStride = 1024;
  for (size_t found; s.size() - i > kStride && (found = count_newlines(s.substr(i, kStride))) < n;
       i += kStride)
    n -= found;
#ifdef __SSE2__
  // 16 bytes a step; most steps of a log hold no newline, and the few that
  // do are walked bit by bit (no popcount: the baseline x86-64 lacks it).
  const __m128i newline = _mm_set1_epi8('\n');
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, newline)));
         mask != 0; mask &= mask - 1)
      if (--n == 0) return i + static_cast<size_t>(std::countr_zero(mask)) + 1;
  }
#endif
  for (; i < s.size(); ++i)
    if (s[i] == '\n' && --n == 0) return i + 1;
  return std::string_view::npos;
}

void BlockReader::fill(Buffer& out, size_t want) {
  while (!eof_ && out.size() < want) {
    const size_t old = out.size();
    out.resize(want);
    const size_t got = stream_.read(out.data() + old, want - old);
    out.resize(old + got);
    if (got == 0) eof_ = true;
  }
}

void BlockReader::skip_long_line(Buffer& out, std::vector<BadLine>& skipped) {
  BadLine bad;
  bad.line = next_line_;
  bad.offset = next_offset_;
  bad.excerpt.assign(out.data(), std::min<size_t>(out.size(), 160));
  uint64_t length = out.size();
  for (;;) {
    // The line is discarded anyway: a hole's zeros need not be read.
    length += stream_.skip_hole();
    out.resize(block_);
    const size_t got = stream_.read(out.data(), block_);
    if (got == 0) {
      eof_ = true;
      out.clear();
      break;
    }
    const char* nl = static_cast<const char*>(std::memchr(out.data(), '\n', got));
    if (nl) {
      const size_t upto = static_cast<size_t>(nl - out.data());
      length += upto;
      carry_.assign(std::string_view(nl + 1, got - upto - 1));
      out.clear();
      next_offset_ += length + 1;
      break;
    }
    length += got;
  }
  if (eof_) next_offset_ += length;
  bad.reason = "line of " + std::to_string(length) + " bytes is longer than the limit of " +
               std::to_string(max_line_) + " bytes: skipped";
  ++next_line_;
  skipped.push_back(std::move(bad));
}

bool BlockReader::next(Buffer& out, uint64_t& first_line, uint64_t& first_offset,
                       std::vector<BadLine>& skipped) {
  out.assign(carry_.view());
  carry_.clear();
  skipped.clear();
  size_t want = std::max(block_, out.size() + 1);
  for (;;) {
    first_line = next_line_;
    first_offset = next_offset_;
    fill(out, want);
    if (out.empty()) return !skipped.empty();
    const void* last = memrchr(out.data(), '\n', out.size());
    if (last) {
      const size_t keep = static_cast<size_t>(static_cast<const char*>(last) - out.data()) + 1;
      carry_.assign(std::string_view(out.data() + keep, out.size() - keep));
      out.resize(keep);
      break;
    }
    if (eof_) break;  // the final line, without a newline
    if (out.size() <= max_line_) {
      want = out.size() + block_;  // a long line that is still allowed
      continue;
    }
    skip_long_line(out, skipped);
    out.assign(carry_.view());
    carry_.clear();
    want = std::max(block_, out.size() + 1);
  }
  size_t newlines = count_newlines(out.view());
  if (newlines > kMaxLinesPerBlock) {
    // Keep the first kMaxLinesPerBlock lines; the rest waits for the next call.
    const size_t keep = skip_lines(out.view(), kMaxLinesPerBlock);
    std::string_view rest(out.data() + keep, out.size() - keep);
    Buffer tail;
    tail.assign(rest);
    tail.reserve(tail.size() + carry_.size());
    if (!carry_.empty()) std::memcpy(tail.data() + tail.size(), carry_.data(), carry_.size());
    tail.resize(rest.size() + carry_.size());
    carry_ = std::move(tail);
    out.resize(keep);
    newlines = kMaxLinesPerBlock;
  }
  const bool unterminated = out.data()[out.size() - 1] != '\n';
  next_line_ += newlines + (unterminated ? 1 : 0);
  next_offset_ += out.size();
  return true;
}

}  // namespace shodo::ingest
