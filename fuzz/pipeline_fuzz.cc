// The whole read path on a small file: compression sniffing and decoding,
// block and line cutting (tiny blocks and a short line limit so boundaries
// are hit), detection, parsing, bad-line examples and the events' JSON.
#include "fuzz/support.h"
#include "fuzz/targets.h"
#include "ingest/event_json.h"
#include "ingest/ingest.h"
#include "util/escape.h"

namespace shodo::fuzz {
namespace {

class JsonConsumer : public ingest::EventConsumer {
 public:
  void ordered(const ingest::Batch& batch) override {
    for (const ingest::Event& ev : batch.events) {
      json_.clear();
      ingest::append_event_json(json_, ev, "access.log");
    }
  }
  void file_done(uint32_t, const ingest::FileReport& report) override {
    for (const ingest::BadLine& bad : report.bad_examples) util::escape_terminal(bad.excerpt);
  }

 private:
  std::string json_;
};

}  // namespace

int pipeline(const uint8_t* data, size_t size) {
  ingest::InputSet inputs;
  inputs.files.push_back({memory_file(as_text(data, size)), size, 1710000000});
  ingest::IngestOptions options;
  static const std::shared_ptr<const ingest::Zone> zone = ingest::Zone::system();
  options.zone = zone;
  options.block_bytes = 256;
  options.max_line_bytes = 200;
  JsonConsumer consumer;
  ingest::ingest(inputs, options, consumer);
  return 0;
}

}  // namespace shodo::fuzz
