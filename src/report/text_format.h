// Small formatting helpers shared by the renderers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/event.h"

namespace shodo::report {

// 12345678 -> "12,345,678"
std::string grouped(uint64_t n);

// format_utc(t), or "" for no time (absent in JSON, an empty CSV cell).
std::string utc_or_empty(ingest::TimeUs t);

// UTC to the whole second ("2024-03-09T18:00:02Z"), "-" for no time: tables
// are for reading; JSON and CSV keep the fraction.
std::string utc_seconds_or_dash(ingest::TimeUs t);

// ISO-8601 in the event's own offset ("2024-03-10T03:00:02+09:00", with the
// fraction when there is one), "-" for no time.
std::string local_time_or_dash(ingest::TimeUs t, int32_t utc_offset_s);

// Escaped for a terminal, cut to at most `max_chars` characters (an invalid
// byte counts as one) with "..." appended when cut. Never splits a UTF-8
// sequence or an escape.
std::string escape_truncated(std::string_view s, size_t max_chars);

// Columns a terminal gives valid UTF-8 text (East Asian wide characters
// take two), and `s` padded with spaces to `width` columns, on the right
// (pad_right: text left-aligned) or on the left (pad_left: numbers).
size_t display_width(std::string_view s);
std::string pad_right(std::string_view s, size_t width);
std::string pad_left(std::string_view s, size_t width);

}  // namespace shodo::report
