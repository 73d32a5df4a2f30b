// The fuzz targets: one function per parser or decoder family, each taking
// arbitrary bytes. A libFuzzer binary wraps one (entry.cc); the test suite
// replays the seed corpora and the crashes found so far through the same
// functions (tests/fuzz/replay_test.cc), so a fixed crash stays fixed in the
// normal and the sanitizer builds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace shodo::fuzz {

using Target = int (*)(const uint8_t* data, size_t size);

struct NamedTarget {
  const char* name;  // also the folder of its corpus: fuzz/corpus/<name>/
  Target run;
};

int format_detect(const uint8_t* data, size_t size);
int log_line(const uint8_t* data, size_t size);
int log_template(const uint8_t* data, size_t size);
int fixed_layout(const uint8_t* data, size_t size);
int pipeline(const uint8_t* data, size_t size);
int sigma_rule(const uint8_t* data, size_t size);
int sigma_condition(const uint8_t* data, size_t size);
int http_decode(const uint8_t* data, size_t size);
int rule_match(const uint8_t* data, size_t size);
int rule_blocks(const uint8_t* data, size_t size);
int archive_entries(const uint8_t* data, size_t size);
int disk_image(const uint8_t* data, size_t size);
int findings_json(const uint8_t* data, size_t size);
int sql_payload(const uint8_t* data, size_t size);
int pii_scan(const uint8_t* data, size_t size);
int hunt(const uint8_t* data, size_t size);

std::span<const NamedTarget> all_targets();

// fixed_layout's comparison, which the tests also run on generated lines:
// how the straight reader of a fixed layout (Combined Log Format when
// `combined`, else Common) and the interpreted template differ on `line`;
// empty when they agree on the result, the error and every field.
std::string fixed_layout_disagreement(bool combined, std::string_view line);

}  // namespace shodo::fuzz
