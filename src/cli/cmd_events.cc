// shodo events PATHS...: the normalized events themselves, for other tools
// (jq, a SIEM, a spreadsheet) or for checking what a parser made of a line.
#include <mutex>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "ingest/event_json.h"
#include "util/escape.h"
#include "util/progress.h"

namespace shodo::cli {
namespace {

struct EventsArgs {
  CommonOptions common;
  std::vector<std::string> paths;
};

// Writes events in input order as JSON lines or CSV.
class EventWriter : public ingest::EventConsumer {
 public:
  EventWriter(Output& out, const ingest::InputSet& inputs, bool csv)
      : out_(out), inputs_(inputs), csv_(csv) {
    if (csv_) {
      std::string head = "file,line";
      for (size_t i = 0; i < ingest::kFieldCount; ++i) {
        head += ',';
        head += ingest::field_name(static_cast<ingest::Field>(i));
      }
      out_.write(head + "\n");
    }
  }

  void ordered(const ingest::Batch& b) override {
    buf_.clear();
    std::string scratch;
    for (const ingest::Event& ev : b.events) {
      const std::string& path = inputs_.files[ev.file_index].path;
      if (!csv_) {
        ingest::append_event_json(buf_, ev, path);
        buf_ += '\n';
        continue;
      }
      util::append_csv_cell(buf_, path);
      buf_ += ',' + std::to_string(ev.line);
      for (size_t i = 0; i < ingest::kFieldCount; ++i) {
        const auto f = static_cast<ingest::Field>(i);
        buf_ += ',';
        if (f == ingest::Field::timestamp) {
          if (ev.has_time()) buf_ += ingest::format_utc(ev.time);
          continue;
        }
        util::append_csv_cell(buf_, ev.text(f, scratch));
      }
      buf_ += '\n';
    }
    out_.write(buf_);
  }

 private:
  Output& out_;
  const ingest::InputSet& inputs_;
  bool csv_;
  std::string buf_;
};

int run_events(const EventsArgs& a) {
  ingest::IngestOptions opt;
  std::string error;
  if (!make_ingest_options(a.common, opt, error)) {
    std::fprintf(stderr, "shodo events: %s\n", error.c_str());
    return kExitUsage;
  }
  const ingest::InputSet inputs = ingest::expand_inputs(a.paths);
  Output out(a.common.out);
  if (!out.ok()) {
    std::fprintf(stderr, "shodo events: cannot write %s\n", a.common.out.c_str());
    return kExitInternal;
  }
  util::Progress progress("reading", !a.common.quiet && !a.common.out.empty());
  opt.progress = [&](uint64_t done, uint64_t total) { progress.update(done, total); };
  EventWriter writer(out, inputs, a.common.format == "csv");
  const ingest::IngestResult result = ingest::ingest(inputs, opt, writer);
  progress.finish();
  if (!result.error.empty()) {
    std::fprintf(stderr, "shodo events: %s\n", result.error.c_str());
    return kExitUsage;
  }
  if (!out.finish()) {
    std::fprintf(stderr, "shodo events: could not write the output (disk full?)\n");
    return kExitInternal;
  }
  // What could not be read goes to stderr so that stdout stays pure data.
  for (const auto& p : inputs.problems)
    std::fprintf(stderr, "shodo events: %s: %s\n", util::escape_terminal(p.path).c_str(),
                 p.reason.c_str());
  for (const auto& f : result.files) {
    if (!f.error.empty())
      std::fprintf(stderr, "shodo events: %s: %s\n", util::escape_terminal(f.path).c_str(),
                   util::escape_terminal(f.error).c_str());
    if (f.bad_lines)
      std::fprintf(stderr, "shodo events: %s: %llu bad lines (see shodo hunt)\n",
                   util::escape_terminal(f.path).c_str(),
                   static_cast<unsigned long long>(f.bad_lines));
  }
  return input_exit_code(inputs, result);
}

}  // namespace

void add_events_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EventsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "events", "Write the normalized events of logs as JSON lines (ECS field names) or CSV");
  cmd->add_option("paths", args->paths, "Log files, folders or glob patterns")->required();
  args->common.format = "jsonl";
  add_common_options(*cmd, args->common, {"jsonl", "csv"});
  add_log_options(*cmd, args->common);
  cmd->footer(
      "Examples:\n"
      "  shodo events access.log | jq 'select(.\"http.response.status_code\" >= 500)'\n"
      "  shodo events /var/log/auth.log* --format csv -o auth.csv");
  cmd->final_callback([args, &exit_code] { exit_code = run_events(*args); });
}

}  // namespace shodo::cli
