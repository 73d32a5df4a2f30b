// shodo diff BASELINE PATH|IMAGE: what was added, changed or removed since a
// baseline, with the unified diff of changed text (defacement evidence).
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "files/files.h"
#include "report/file_changes.h"

namespace shodo::cli {
namespace {

struct DiffArgs {
  std::string baseline, path, root = "/", known_good, known_good_hashes, out, format = "text";
};

bool read_host_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

int run_diff(const DiffArgs& a) {
  std::string text, error;
  std::vector<files::ManifestEntry> baseline;
  if (!read_host_file(a.baseline, text) || !files::parse_manifest(text, baseline, error)) {
    std::fprintf(stderr, "shodo diff: %s: %s\n", a.baseline.c_str(),
                 error.empty() ? "cannot read" : error.c_str());
    return kExitInput;
  }
  files::DiffOptions o;
  o.root = a.root;
  std::unique_ptr<fsview::View> good;
  if (!a.known_good.empty()) {
    good = fsview::open_directory(a.known_good, error);
    if (!good) {
      std::fprintf(stderr, "shodo diff: --known-good %s: %s\n", a.known_good.c_str(),
                   error.c_str());
      return kExitInput;
    }
    o.known_good = good.get();
  }
  if (!a.known_good_hashes.empty()) {
    if (!read_host_file(a.known_good_hashes, text)) {
      std::fprintf(stderr, "shodo diff: cannot read %s\n", a.known_good_hashes.c_str());
      return kExitInput;
    }
    // sha256sum output or one hash a line: the first word of each line.
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
      if (line.size() >= 64) o.known_good_hashes.push_back(line.substr(0, 64));
  }
  fsview::Source source = fsview::open_source(a.path);
  if (source.views.empty()) {
    for (const auto& p : source.problems)
      std::fprintf(stderr, "shodo diff: %s: %s\n", p.path.c_str(), p.reason.c_str());
    return kExitInput;
  }
  const files::DiffResult r = files::diff(baseline, *source.views[0], o);
  Output out(a.out);
  if (!out.ok()) return kExitInternal;
  out.write(report::render_file_changes(r, a.format));
  if (!out.finish()) return kExitInternal;
  if (!r.problems.empty()) return kExitInput;
  return r.changes.empty() ? kExitClean : kExitFindings;
}

}  // namespace

void add_diff_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* cmd = app.add_subcommand(
      "diff",
      "Compare a web tree with a baseline manifest: added, changed and removed files, with "
      "the unified diff of changed text when the known-good copy is given");
  cmd->add_option("baseline", args->baseline, "Manifest written by shodo baseline")->required();
  cmd->add_option("path", args->path, "Folder or disk image")->required();
  cmd->add_option("--webroot", args->root, "Folder of the view that the baseline recorded");
  cmd->add_option("--known-good", args->known_good,
                  "Pristine copy of the application release: identical files are skipped, "
                  "changed text is diffed against it");
  cmd->add_option("--known-good-hashes", args->known_good_hashes,
                  "File of SHA-256 hashes (sha256sum output) of known-good files to skip");
  cmd->add_option("-o,--out", args->out, "Write to this file instead of standard output");
  cmd->add_option("--format", args->format, "text or jsonl")
      ->check(CLI::IsMember({"text", "jsonl"}));
  cmd->footer(
      "Examples:\n  shodo diff site.manifest /var/www/html\n"
      "  shodo diff site.manifest server.E01 --webroot /var/www/html --known-good wordpress-6.4/");
  cmd->final_callback([args, &exit_code] { exit_code = run_diff(*args); });
}

}  // namespace shodo::cli
