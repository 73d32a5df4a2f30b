#include "report/json_writer.h"

#include "util/escape.h"

namespace shodo::report {

void append_json_quoted(std::string& out, std::string_view s) {
  out += '"';
  util::append_json_string(out, s);
  out += '"';
}

std::string& JsonObject::member(std::string_view key) {
  if (!first_) out_ += ',';
  first_ = false;
  append_json_quoted(out_, key);
  out_ += ':';
  return out_;
}

void JsonObject::text(std::string_view key, std::string_view value) {
  if (!value.empty()) append_json_quoted(member(key), value);
}

void JsonObject::number(std::string_view key, int64_t value) {
  member(key) += std::to_string(value);
}

void JsonObject::number(std::string_view key, uint64_t value) {
  member(key) += std::to_string(value);
}

void JsonObject::texts(std::string_view key, const std::vector<std::string>& values) {
  append_json_array(member(key), values,
                    [](std::string& out, const std::string& v) { append_json_quoted(out, v); });
}

}  // namespace shodo::report
