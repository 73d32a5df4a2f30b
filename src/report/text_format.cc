#include "report/text_format.h"

#include <algorithm>

#include "ingest/event_json.h"
#include "util/escape.h"

namespace shodo::report {

std::string grouped(uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<size_t>(i), ",");
  return s;
}

std::string utc_or_empty(ingest::TimeUs t) {
  return t == ingest::kNoTime ? std::string() : ingest::format_utc(t);
}

std::string utc_seconds_or_dash(ingest::TimeUs t) {
  return t == ingest::kNoTime ? "-" : ingest::format_utc(t - ((t % 1000000) + 1000000) % 1000000);
}

std::string local_time_or_dash(ingest::TimeUs t, int32_t utc_offset_s) {
  if (t == ingest::kNoTime) return "-";
  std::string s = ingest::format_utc(t + int64_t{utc_offset_s} * 1000000);
  s.pop_back();  // the 'Z'
  return s + ingest::format_offset(utc_offset_s);
}

std::string escape_truncated(std::string_view s, size_t max_chars) {
  size_t end = 0;
  for (size_t chars = 0; end < s.size() && chars < max_chars; ++chars)
    end += std::max<size_t>(1, util::utf8_sequence_length(s, end));
  std::string out = util::escape_terminal(s.substr(0, end));
  if (end < s.size()) out += "...";
  return out;
}

namespace {

// The wide ranges of Unicode's East Asian Width property, plus emoji.
bool is_wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

}  // namespace

size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t n = std::max<size_t>(1, util::utf8_sequence_length(s, i));
    char32_t c = static_cast<unsigned char>(s[i]);
    if (n > 1) {
      c &= 0x7F >> n;
      for (size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    width += is_wide(c) ? 2 : 1;
    i += n;
  }
  return width;
}

std::string pad_right(std::string_view s, size_t width) {
  std::string out(s);
  out.append(width - std::min(width, display_width(s)), ' ');
  return out;
}

std::string pad_left(std::string_view s, size_t width) {
  return std::string(width - std::min(width, display_width(s)), ' ') + std::string(s);
}

}  // namespace shodo::report
