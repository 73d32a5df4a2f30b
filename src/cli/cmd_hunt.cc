// shodo hunt PATHS...: read logs and say what they hold. Detection rules
// plug in here as consumers of the event stream.
#include <chrono>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "report/ingest_summary.h"
#include "util/progress.h"

namespace shodo::cli {
namespace {

struct HuntArgs {
  CommonOptions common;
  std::vector<std::string> paths;
};

int run_hunt(const HuntArgs& a) {
  ingest::IngestOptions opt;
  std::string error;
  if (!make_ingest_options(a.common, opt, error)) {
    std::fprintf(stderr, "shodo hunt: %s\n", error.c_str());
    return kExitUsage;
  }
  const ingest::InputSet inputs = ingest::expand_inputs(a.paths);
  util::Progress progress("reading", !a.common.quiet);
  opt.progress = [&](uint64_t done, uint64_t total) { progress.update(done, total); };

  ingest::EventConsumer nothing_yet;
  const auto start = std::chrono::steady_clock::now();
  const ingest::IngestResult result = ingest::ingest(inputs, opt, nothing_yet);
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.finish();
  if (!result.error.empty()) {
    std::fprintf(stderr, "shodo hunt: %s\n", result.error.c_str());
    return kExitUsage;
  }

  Output out(a.common.out);
  if (!out.ok()) {
    std::fprintf(stderr, "shodo hunt: cannot write %s\n", a.common.out.c_str());
    return kExitInternal;
  }
  report::IngestSummary summary{&inputs, &result, secs, a.common.verbose, a.common.lang};
  out.write(report::render_ingest_summary(summary, a.common.format));
  if (!out.finish()) {
    std::fprintf(stderr, "shodo hunt: could not write the output (disk full?)\n");
    return kExitInternal;
  }

  return input_exit_code(inputs, result);
}

}  // namespace

void add_hunt_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<HuntArgs>();
  CLI::App* cmd = app.add_subcommand(
      "hunt", "Read logs (files, folders, globs; plain or compressed) and report what they hold");
  cmd->add_option("paths", args->paths, "Log files, folders or glob patterns")->required();
  add_common_options(*cmd, args->common, {"text", "json", "jsonl", "csv"});
  add_log_options(*cmd, args->common);
  cmd->footer(
      "Examples:\n"
      "  shodo hunt /var/log/nginx/\n"
      "  shodo hunt 'evidence/logs/access.log*' --tz Asia/Tokyo --format json -o hunt.json\n"
      "  shodo hunt app.log --log-format nginx:'$remote_addr [$time_local] \"$request\" $status'");
  cmd->final_callback([args, &exit_code] { exit_code = run_hunt(*args); });
}

}  // namespace shodo::cli
