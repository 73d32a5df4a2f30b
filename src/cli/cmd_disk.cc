// shodo disk info|ls|timeline|extract IMAGE: a disk image read directly
// (raw, split raw, E01...) through libtsk, never mounted or modified.
#include <cstdio>
#include <limits>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "disk/disk.h"
#include "util/escape.h"

namespace shodo::cli {
namespace {

struct DiskArgs {
  std::string image, out, format, tz, since, until, to;
  std::string path = "/";
  std::vector<std::string> paths;
  int partition = -1;
  bool deleted = false, recursive = false;
};

// Problems go to stderr, escaped, with their count; they make the exit code 3.
int report_problems(const char* command, const std::vector<fsview::Problem>& problems) {
  constexpr size_t kShown = 20;
  for (size_t i = 0; i < problems.size() && i < kShown; ++i)
    std::fprintf(stderr, "shodo disk %s: %s: %s\n", command,
                 util::escape_terminal(problems[i].path).c_str(),
                 util::escape_terminal(problems[i].reason).c_str());
  if (problems.size() > kShown)
    std::fprintf(stderr, "shodo disk %s: ... %zu problems in all\n", command, problems.size());
  return problems.empty() ? kExitClean : kExitInput;
}

// Opens the image; false (with the message written) when nothing in it can be read.
bool open_image(const char* command, const DiskArgs& a, fsview::Source& source) {
  source = fsview::open_source(a.image);
  if (!source.views.empty()) return true;
  report_problems(command, source.problems);
  std::fprintf(stderr, "shodo disk %s: no file system in %s can be read\n", command,
               util::escape_terminal(a.image).c_str());
  return false;
}

// Runs `body` with output going to --out or stdout.
template <class Body>
int with_output(const char* command, const DiskArgs& a, Body body) {
  Output out(a.out);
  if (!out.ok()) {
    std::fprintf(stderr, "shodo disk %s: cannot write %s\n", command, a.out.c_str());
    return kExitInternal;
  }
  disk::Outcome outcome = body([&](std::string_view s) { out.write(s); });
  if (!out.finish()) {
    std::fprintf(stderr, "shodo disk %s: could not write the output (disk full?)\n", command);
    return kExitInternal;
  }
  return report_problems(command, outcome.problems);
}

int run_info(const DiskArgs& a) {
  fsview::Source source = fsview::open_source(a.image);
  const int rc = with_output("info", a, [&](const disk::Sink& sink) {
    disk::info(source, a.format, sink);
    return disk::Outcome{};
  });
  return rc != kExitClean ? rc : source.views.empty() ? kExitInput : kExitClean;
}

int run_ls(const DiskArgs& a) {
  fsview::Source source;
  if (!open_image("ls", a, source)) return kExitInput;
  disk::ListOptions o;
  o.path = a.path;
  o.partition = a.partition;
  o.deleted = a.deleted;
  o.recursive = a.recursive;
  o.format = a.format;
  return with_output("ls", a, [&](const disk::Sink& sink) { return disk::list(source, o, sink); });
}

// Microseconds to nanoseconds, saturated: nanoseconds end in 2262.
fsview::TimeNs to_ns(ingest::TimeUs us) {
  constexpr int64_t kLimit = std::numeric_limits<int64_t>::max() / 1000;
  return us > kLimit    ? std::numeric_limits<int64_t>::max()
         : us < -kLimit ? std::numeric_limits<int64_t>::min() + 1
                        : us * 1000;
}

int run_timeline(const DiskArgs& a) {
  disk::TimelineOptions o;
  o.format = a.format;
  CommonOptions common;
  common.tz = a.tz;
  common.since = a.since;
  common.until = a.until;
  ingest::IngestOptions times;
  std::string error;
  if (!make_ingest_options(common, times, error)) {
    std::fprintf(stderr, "shodo disk timeline: %s\n", error.c_str());
    return kExitUsage;
  }
  if (times.since != ingest::kNoTime) o.since = to_ns(times.since);
  if (times.until != ingest::kNoTime) o.until = to_ns(times.until);
  fsview::Source source;
  if (!open_image("timeline", a, source)) return kExitInput;
  return with_output("timeline", a,
                     [&](const disk::Sink& sink) { return disk::timeline(source, o, sink); });
}

int run_extract(const DiskArgs& a) {
  fsview::Source source;
  if (!open_image("extract", a, source)) return kExitInput;
  disk::ExtractOptions o;
  o.paths = a.paths;
  o.to = a.to;
  o.partition = a.partition;
  disk::Outcome outcome = disk::extract(source, o);
  std::fprintf(stderr, "shodo disk extract: %llu files written to %s (see manifest.json)\n",
               static_cast<unsigned long long>(outcome.entries),
               util::escape_terminal(a.to).c_str());
  return report_problems("extract", outcome.problems);
}

CLI::App* add_image(CLI::App* parent, const char* name, const char* help,
                    const std::shared_ptr<DiskArgs>& args) {
  CLI::App* cmd = parent->add_subcommand(name, help);
  cmd->add_option("image", args->image,
                  "Disk image: raw (.dd, .img, first split segment .001), E01, or another "
                  "format libtsk reads (see `shodo disk info`)")
      ->required();
  return cmd;
}

void add_out(CLI::App* cmd, DiskArgs& a, const std::vector<std::string>& formats) {
  cmd->add_option("--out,-o", a.out, "Write the output to this file instead of standard output");
  a.format = formats.front();
  cmd->add_option("--format", a.format, "Output format")
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
}

}  // namespace

void add_disk_command(CLI::App& app, int& exit_code) {
  CLI::App* disk = app.add_subcommand(
      "disk",
      "Read a disk image directly (raw, split raw, E01; MBR, GPT or no partition table): "
      "partitions, listings, a file-system timeline, extraction");
  disk->require_subcommand(1);
  disk->footer(
      "Examples:\n"
      "  shodo disk info server.E01\n"
      "  shodo disk ls server.E01 /var/www --recursive --deleted\n"
      "  shodo disk timeline server.E01 --format body | mactime -b - -d\n"
      "  shodo disk timeline server.E01 --format csv --since 2024-03-01 -o timeline.csv\n"
      "  shodo disk extract server.E01 /var/www/html /etc/passwd --to out/\n"
      "Logs inside an image: shodo hunt server.E01");

  auto info = std::make_shared<DiskArgs>();
  CLI::App* cmd = add_image(disk, "info",
                            "The image (format, size, stored hashes), its partitions and file "
                            "systems, the OS and hostname of each, what libtsk reads",
                            info);
  add_out(cmd, *info, {"text", "json"});
  cmd->final_callback([info, &exit_code] { exit_code = run_info(*info); });

  auto ls = std::make_shared<DiskArgs>();
  cmd = add_image(disk, "ls",
                  "List a folder: inode, mode, owner, size, the four times, deleted entries "
                  "marked",
                  ls);
  cmd->add_option("path", ls->path, "Folder or file inside the image")->capture_default_str();
  cmd->add_option("--partition", ls->partition,
                  "Only this partition (its number in `shodo disk info`); default: all");
  cmd->add_flag("--deleted", ls->deleted, "Include deleted entries");
  cmd->add_flag("--recursive,-r", ls->recursive, "List the whole tree below the folder");
  add_out(cmd, *ls, {"text", "json", "jsonl", "csv"});
  cmd->final_callback([ls, &exit_code] { exit_code = run_ls(*ls); });

  auto tl = std::make_shared<DiskArgs>();
  cmd = add_image(disk, "timeline",
                  "MAC(B) timeline of every file, allocated and deleted: TSK body file (for "
                  "mactime), or CSV/JSONL sorted by time with Timesketch's fields",
                  tl);
  add_out(cmd, *tl, {"body", "csv", "jsonl"});
  cmd->add_option("--since", tl->since, "Only times at or after this (2024-01-02[T03:04:05])");
  cmd->add_option("--until", tl->until, "Only times before this");
  cmd->add_option("--tz", tl->tz,
                  "Zone of --since/--until without an offset (default: this machine's); output "
                  "times are UTC");
  cmd->final_callback([tl, &exit_code] { exit_code = run_timeline(*tl); });

  auto ex = std::make_shared<DiskArgs>();
  cmd = add_image(disk, "extract",
                  "Copy files or trees out (deleted content recovered where the file system "
                  "still holds it) with manifest.json: paths, sizes, SHA-256, times",
                  ex);
  cmd->add_option("paths", ex->paths, "Files or folders inside the image")->required();
  cmd->add_option("--to", ex->to, "Output folder (new or empty)")->required();
  cmd->add_option("--partition", ex->partition,
                  "Only this partition; default: the first that has the path");
  cmd->final_callback([ex, &exit_code] { exit_code = run_extract(*ex); });
}

}  // namespace shodo::cli
