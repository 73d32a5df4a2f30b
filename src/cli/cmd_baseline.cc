// shodo baseline WEBROOT --out FILE: a manifest of a known-good web tree.
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "files/files.h"

namespace shodo::cli {
namespace {

struct BaselineArgs {
  std::string path, root = "/", out;
};

int run_baseline(const BaselineArgs& a) {
  fsview::Source source = fsview::open_source(a.path);
  std::vector<fsview::Problem> problems = source.problems;
  if (source.views.empty()) {
    for (const auto& p : problems)
      std::fprintf(stderr, "shodo baseline: %s: %s\n", p.path.c_str(), p.reason.c_str());
    return kExitInput;
  }
  const auto entries = files::make_baseline(*source.views[0], a.root, problems);
  Output out(a.out);
  if (!out.ok()) {
    std::fprintf(stderr, "shodo baseline: cannot write %s\n", a.out.c_str());
    return kExitInternal;
  }
  out.write(files::manifest_to_jsonl(entries));
  if (!out.finish()) return kExitInternal;
  std::fprintf(stderr, "shodo baseline: %zu files\n", entries.size());
  return problems.empty() ? kExitClean : kExitInput;
}

}  // namespace

void add_baseline_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<BaselineArgs>();
  CLI::App* cmd = app.add_subcommand(
      "baseline",
      "Write a manifest (path, size, mode, owner, SHA-256, mtime) of a known-good web tree");
  cmd->add_option("path", args->path, "Folder or disk image")->required();
  cmd->add_option("--webroot", args->root, "Folder of the view to record (default: all)");
  cmd->add_option("-o,--out", args->out, "Manifest file (JSON lines; default: standard output)");
  cmd->footer("Examples:\n  shodo baseline /var/www/html --out site.manifest");
  cmd->final_callback([args, &exit_code] { exit_code = run_baseline(*args); });
}

}  // namespace shodo::cli
