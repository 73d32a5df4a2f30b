// Internal: successful fetches of files whose names say dump, backup,
// archive, export, log or configuration.
#pragma once

#include <string_view>

#include "leak/earliest.h"
#include "leak/leak.h"

namespace shodo::leak {

// The kind of file `path` (?`query`) names, or empty when it names none.
std::string_view download_kind(std::string_view path, std::string_view query);

class DownloadTracker {
 public:
  // `path` and `query`: the target split at '?', the path URL-decoded.
  void observe(const WebRequest& r, std::string_view path, std::string_view query,
               const Config& config);
  void merge(DownloadTracker&& other, const Config& config);
  std::vector<Download> finish(const Config& config, uint64_t& dropped) &&;

 private:
  EarliestRecords<Download> records_;
};

}  // namespace shodo::leak
