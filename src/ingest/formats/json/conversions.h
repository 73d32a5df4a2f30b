// Text-to-value conversions for formats that name their fields (W3C, JSON
// lines, field maps, load balancers): counts, epoch times in any unit,
// durations, bare dates and clock times. No allocation, no exceptions.
#pragma once

#include <cstdint>
#include <string_view>

#include "ingest/event.h"
#include "ingest/time/civil.h"

namespace shodo::ingest::mapping {

enum class Unit : uint8_t { s, ms, us, ns };

// A non-negative decimal integer filling all of `s`, at most `max`.
bool parse_count(std::string_view s, int64_t max, int64_t& out);

// Epoch time in `unit` with an optional fraction ("1700000000.123"): UTC
// microseconds.
bool parse_epoch_in(std::string_view s, Unit unit, TimeUs& out);
// Epoch time whose unit its magnitude tells: seconds below 1e11 (until the
// year 5138), then milliseconds, microseconds, nanoseconds.
bool parse_epoch_auto(std::string_view s, TimeUs& out);

// A duration in `unit` ("0.25" with seconds): microseconds.
bool parse_duration_in(std::string_view s, Unit unit, int64_t& out_us);
// A duration with a unit suffix ("250ms", "1.5s", "30us", "12ns"). A bare
// number is seconds when it has a fraction and milliseconds when whole: what
// access logs write (Nginx request_time, CloudFront time-taken vs IIS).
bool parse_duration_auto(std::string_view s, int64_t& out_us);

// 2024-01-02 (date fields set, the rest left alone).
bool parse_ymd(std::string_view s, CivilTime& out);
// 3:04:05 or 03:04:05.123 (time fields set, the rest left alone).
bool parse_clock(std::string_view s, CivilTime& out);

}  // namespace shodo::ingest::mapping
