// Internals of the leak assessment shared by its files: the channels before
// the PII scan has said what they carried.
#pragma once

#include <string>
#include <vector>

#include "investigate/correlate.h"
#include "investigate/investigation.h"
#include "investigate/sources.h"
#include "leak/leak.h"
#include "pii/pii.h"

namespace shodo::investigate {

struct ChannelDraft {
  LeakChannel channel;
  // Webroot files that went out through the channel (URL paths), scanned
  // for personal data.
  std::vector<std::string> file_urls;
  // SQL injection: the data tables read.
  std::vector<leak::TableExposure> tables;
};

// A channel status as a rank: confirmed 0, likely 1, possible 2.
inline int certainty(const std::string& status) {
  return status == "confirmed" ? 0 : status == "likely" ? 1 : 2;
}

// Every channel the evidence shows, most certain first.
std::vector<ChannelDraft> draft_channels(const CorrelationInput& in, const leak::Channels& channels,
                                         const Investigation& inv);

// A webroot file by URL path; false when no webroot serves it.
struct WebrootFile {
  const WebrootRef* root = nullptr;
  std::string path;  // view path
  fsview::FileInfo info;
};
bool webroot_file(const Sources& sources, std::string_view url_path, WebrootFile& out);

}  // namespace shodo::investigate
