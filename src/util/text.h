// Text a person reads, in both of the languages shodo writes: English and
// Japanese are first-class in every report and draft.
#pragma once

#include <string>

namespace shodo::util {

// `ja` empty means "same as en" (a name, a number, a path).
struct Text {
  std::string en, ja;
  const std::string& in(const std::string& lang) const {
    return lang == "ja" && !ja.empty() ? ja : en;
  }
  bool empty() const { return en.empty() && ja.empty(); }
  bool operator==(const Text&) const = default;
};

}  // namespace shodo::util
