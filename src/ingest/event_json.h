// The JSON form of an event: flat ECS keys, as `shodo events` writes them
// and the ingest test cases expect them.
#pragma once

#include <string>
#include <string_view>

#include "ingest/event.h"

namespace shodo::ingest {

// "2024-01-02T03:04:05Z", with ".123" or ".123456" when there is a fraction.
std::string format_utc(TimeUs t);
// "+09:00"
std::string format_offset(int32_t offset_s);

// Appends one JSON object (no newline). `file_path` is the event's source.
void append_event_json(std::string& out, const Event& ev, std::string_view file_path);

}  // namespace shodo::ingest
