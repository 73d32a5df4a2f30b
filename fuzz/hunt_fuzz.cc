// The whole hunt on a small Combined Log Format file: the shipped rules,
// correlations, detectors and outcomes, with the client limit low so that
// refusals happen. Read in tiny blocks on one thread and in larger ones on
// two, it must find the same, field by field, and say the same limits:
// findings depend neither on threads nor on where batches end (the
// detectors look ahead within a batch). A difference aborts.
#include <cstdio>
#include <cstdlib>

#include "detect/detect.h"
#include "fuzz/support.h"
#include "fuzz/targets.h"
#include "ingest/ingest.h"
#include "report/finding_fields.h"

namespace shodo::fuzz {

namespace {

std::string hunt_once(const ingest::InputSet& inputs, unsigned threads, size_t block_bytes) {
  static const detect::RuleSet rules{detect::RuleSetOptions{}};
  static const std::shared_ptr<const ingest::Zone> zone = ingest::Zone::system();
  ingest::IngestOptions options;
  options.log_format = "combined";
  options.zone = zone;
  options.threads = threads;
  options.block_bytes = block_bytes;
  options.max_line_bytes = 200;
  detect::HuntOptions hunting;
  hunting.threads = threads;
  hunting.max_clients = 20;
  detect::Hunt hunt(rules, hunting);
  ingest::ingest(inputs, options, hunt);
  std::string out;
  for (const detect::Finding& f : hunt.finish()) {
    for (const report::FindingField& field : report::finding_fields(f, inputs)) {
      out.append(field.key).append("=").append(field.text);
      for (const std::string& item : field.list) out.append(",").append(item);
      out += '\n';
    }
    out += '\n';
  }
  for (const std::string& limit : hunt.limits()) out.append(limit).append("\n");
  return out;
}

}  // namespace

int hunt(const uint8_t* data, size_t size) {
  ingest::InputSet inputs;
  inputs.files.push_back({memory_file(as_text(data, size)), size, 1710000000});
  const std::string small_blocks = hunt_once(inputs, 1, 256);
  const std::string large_blocks = hunt_once(inputs, 2, 4096);
  if (small_blocks != large_blocks) {
    std::fprintf(stderr, "one thread, 256-byte blocks:\n%s\ntwo threads, 4 KiB blocks:\n%s\n",
                 small_blocks.c_str(), large_blocks.c_str());
    std::abort();
  }
  return 0;
}

}  // namespace shodo::fuzz
