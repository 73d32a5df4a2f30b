// Writing JSON by hand where evidence text goes in: every string through
// util::append_json_string, so output is valid UTF-8 and invalid evidence
// bytes stay recoverable (\udcNN). Keys are written in call order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shodo::report {

// "s", escaped.
void append_json_quoted(std::string& out, std::string_view s);

// [item,item...]: append_item(out, item) writes each one.
template <class T, class F>
void append_json_array(std::string& out, const std::vector<T>& items, F&& append_item) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    append_item(out, items[i]);
  }
  out += ']';
}

class JsonObject {
 public:
  explicit JsonObject(std::string& out) : out_(out) { out_ += '{'; }
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;

  // Empty strings are left out: an absent field, as in `shodo events`.
  void text(std::string_view key, std::string_view value);
  void number(std::string_view key, int64_t value);
  void number(std::string_view key, uint64_t value);
  void texts(std::string_view key, const std::vector<std::string>& values);  // always written
  // Starts a member whose value the caller appends to out() next.
  std::string& member(std::string_view key);
  void close() { out_ += '}'; }

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace shodo::report
