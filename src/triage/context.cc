#include "triage/context.h"

#include <fmt/format.h>

#include <ctime>
#include <set>

namespace shodo::triage {
namespace {

constexpr fsview::TimeNs kSecond = 1'000'000'000;

std::vector<PasswdEntry> read_passwd(const fsview::View& view) {
  std::string text, error;
  if (!fsview::read_small_file(view, "/etc/passwd", 4u << 20, text, error)) return {};
  return parse_passwd(text);
}

}  // namespace

Context::Context(const fsview::View& v, const TriageOptions& o, TriageResult& r)
    : view(v), options(o), result(r), users(v), passwd(read_passwd(v)) {}

detect::FileFinding& Context::add(const fsview::FileInfo& file, std::string_view check,
                                  detect::Level level, int score,
                                  std::vector<std::string> techniques) {
  detect::FileFinding& f = result.findings.emplace_back();
  f.rule_id = "shodo.triage." + std::string(check);
  f.level = level;
  f.score = score;
  f.techniques = std::move(techniques);
  f.source = view.description();
  f.file = file;
  f.owner = users.name(file.uid);
  return f;
}

void Context::problem(std::string path, std::string reason) {
  result.problems.push_back({std::move(path), std::move(reason)});
}

bool Context::has_window() const {
  return options.since != fsview::kNoTime || options.until != fsview::kNoTime;
}

bool Context::in_window(fsview::TimeNs t) const {
  if (t == fsview::kNoTime || !has_window()) return false;
  return (options.since == fsview::kNoTime || t >= options.since) &&
         (options.until == fsview::kNoTime || t < options.until);
}

bool Context::changed_in_window(const fsview::FileInfo& f) const {
  return in_window(f.mtime) || in_window(f.ctime) || in_window(f.btime);
}

bool Context::stat(std::string_view path, fsview::FileInfo& out) const {
  std::string error;
  // A symlinked folder on the way could lead anywhere, even out of a live
  // directory view: only real folders are passed through.
  for (size_t slash = path.find('/', 1); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    fsview::FileInfo dir;
    if (!view.stat(path.substr(0, slash), dir, error) || dir.type != fsview::FileType::directory)
      return false;
  }
  return view.stat(path, out, error);
}

bool Context::read_text(const fsview::FileInfo& file, std::string& out, size_t max_bytes) {
  std::string error;
  if (fsview::read_small_file(view, file.path, max_bytes, out, error)) return true;
  problem(file.path, "not judged: " + error);
  return false;
}

void Context::walk(std::string_view root,
                   const std::function<void(const fsview::FileInfo&)>& on_entry) {
  fsview::FileInfo top;
  if (!stat(root, top) || top.type != fsview::FileType::directory) return;
  view.walk(
      root, {},
      [&](const fsview::FileInfo& f) {
        if (f.path != top.path) on_entry(f);
        return fsview::Visit::descend;
      },
      [&](const fsview::Problem& p) { problem(p.path, p.reason); });
}

std::vector<fsview::FileInfo> Context::entries_in(std::string_view dir) {
  std::vector<fsview::FileInfo> entries;
  fsview::FileInfo top;
  if (!stat(dir, top) || top.type != fsview::FileType::directory) return entries;
  view.walk(
      dir, {},
      [&](const fsview::FileInfo& f) {
        if (f.path == top.path) return fsview::Visit::descend;
        entries.push_back(f);
        return fsview::Visit::skip;
      },
      [&](const fsview::Problem& p) { problem(p.path, p.reason); });
  return entries;
}

std::vector<Home> Context::homes() {
  std::vector<Home> out;
  std::set<std::string> seen;
  auto add_home = [&](Home h) {
    if (h.path.empty() || h.path == "/" || !seen.insert(h.path).second) return;
    out.push_back(std::move(h));
  };
  for (const PasswdEntry& e : passwd) add_home({e.name, e.uid, true, e.home});
  add_home({"root", 0, true, "/root"});
  for (const fsview::FileInfo& f : entries_in("/home"))
    if (f.type == fsview::FileType::directory)
      add_home({std::string(f.name()), f.uid, false, f.path});
  return out;
}

void for_each_line(std::string_view text,
                   const std::function<void(std::string_view, uint64_t, uint64_t)>& fn) {
  uint64_t number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    fn(line, ++number, start);
    start = end + 1;
  }
}

std::string time_text(fsview::TimeNs t) {
  if (t == fsview::kNoTime) return "-";
  std::time_t s = static_cast<std::time_t>(t / kSecond - (t % kSecond < 0 ? 1 : 0));
  std::tm tm{};
  if (!gmtime_r(&s, &tm)) return "-";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

std::string duration_text(fsview::TimeNs d) {
  const double hours = static_cast<double>(d) / (3600.0 * kSecond);
  if (hours >= 48) return fmt::format("{:.1f} days", hours / 24);
  return fmt::format("{:.1f} hours", hours);
}

std::string duration_text_ja(fsview::TimeNs d) {
  const double hours = static_cast<double>(d) / (3600.0 * kSecond);
  if (hours >= 48) return fmt::format("{:.1f}日", hours / 24);
  return fmt::format("{:.1f}時間", hours);
}

}  // namespace shodo::triage
