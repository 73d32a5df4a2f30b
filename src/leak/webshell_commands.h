// Internal: the commands sent to known webshells, one per non-empty request
// parameter, decoded (URL, then base64 when the value is base64 of text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "leak/earliest.h"
#include "leak/leak.h"

namespace shodo::leak {

class WebshellTracker {
 public:
  explicit WebshellTracker(const std::vector<std::string>& urls);
  // The webshell's URL `path` is, or empty.
  std::string_view webshell_of(std::string_view path) const;
  void observe(const WebRequest& r, std::string_view webshell, std::string_view query,
               const Config& config);
  void merge(WebshellTracker&& other, const Config& config);
  std::vector<WebshellCommand> finish(const Config& config, uint64_t& dropped) &&;

 private:
  std::vector<std::string> urls_;
  EarliestRecords<WebshellCommand> records_;
};

}  // namespace shodo::leak
