// findings.json: the Investigation serialized, and read back. The layout is
// documented in docs/findings-json.md and docs/findings.schema.json; every
// other output of `shodo investigate` can be rebuilt from this file alone.
#pragma once

#include <string>
#include <string_view>

#include "investigate/investigation.h"

namespace shodo::report {

// Deterministic (same model, same bytes), 2-space indented, keys in the
// documented order. Times are ISO 8601 UTC strings ("2024-03-09T16:12:03Z",
// a fraction only when there is one), null when unknown. Evidence strings
// keep invalid UTF-8 bytes recoverable as \udcNN escapes.
std::string findings_json(const investigate::Investigation& inv);

// The `leak.appi` member alone, laid out as in findings.json (for
// `shodo obligations --format json`).
std::string appi_json(const obligations::Assessment& appi);

// Reads findings_json() output back, \udcNN escapes to the raw bytes:
// parse(findings_json(x)) equals x member by member. Unknown keys are
// ignored, absent ones keep their defaults; a schema_version other than
// kFindingsSchemaVersion, malformed JSON or a member of the wrong type is an
// error (message in `error`, `out` then unspecified).
bool parse_findings_json(std::string_view text, investigate::Investigation& out,
                         std::string& error);

// ---- Time text shared by the investigate outputs

// A time as findings.json writes it (or any ISO 8601 time with Z or an
// offset) to UTC microseconds; false when it is not one.
bool parse_findings_time(std::string_view text, investigate::TimeUs& out);

// "2024-03-09T16:12:03.000000+00:00": fixed width, as Timesketch and MISP
// show times.
std::string utc_micros_time(investigate::TimeUs t);

}  // namespace shodo::report
