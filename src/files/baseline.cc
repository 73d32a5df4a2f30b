// Integrity: a manifest of a known-good tree, and what changed since.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "files/content.h"
#include "files/files.h"
#include "files/unified_diff.h"
#include "fsview/accounts.h"
#include "util/escape.h"
#include "util/hex.h"

namespace shodo::files {
namespace {

std::string relative_to(const std::string& root, const std::string& path) {
  if (root == "/" || root.empty()) return path;
  return path.size() > root.size() ? path.substr(root.size()) : "/";
}

// Every regular file under root with its hash (content not kept).
template <typename Fn>
void each_file(const fsview::View& view, const std::string& root,
               std::vector<fsview::Problem>& problems, Fn fn) {
  view.walk(
      root, {},
      [&](const fsview::FileInfo& f) {
        if (f.type == fsview::FileType::regular) fn(f);
        return fsview::Visit::descend;
      },
      [&](const fsview::Problem& p) { problems.push_back(p); });
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = util::utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string from_hex(std::string_view h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2)
    out += static_cast<char>(util::hex_value(h[i]) * 16 + util::hex_value(h[i + 1]));
  return out;
}

std::string read_text(const fsview::View& view, const fsview::FileInfo& f, uint64_t max, bool& ok) {
  Content c = read_content(view, f, max);
  ok = c.error.empty() && !c.truncated && c.data.find('\0') == std::string::npos;
  return c.data;
}

}  // namespace

std::vector<ManifestEntry> make_baseline(const fsview::View& view, const std::string& root,
                                         std::vector<fsview::Problem>& problems) {
  const fsview::UserNames users(view);
  std::vector<ManifestEntry> out;
  each_file(view, root, problems, [&](const fsview::FileInfo& f) {
    Content c = read_content(view, f, 0);
    if (!c.error.empty()) problems.push_back({f.path, "cannot read: " + c.error});
    out.push_back(
        {relative_to(root, f.path), f.size, f.mode, users.name(f.uid), c.sha256(), f.mtime});
  });
  return out;
}

std::string manifest_to_jsonl(const std::vector<ManifestEntry>& entries) {
  std::string out;
  for (const ManifestEntry& e : entries) {
    nlohmann::json j;
    // Names are bytes; JSON strings are UTF-8: other names travel as hex.
    if (valid_utf8(e.path))
      j["path"] = e.path;
    else
      j["path_hex"] =
          util::to_hex(reinterpret_cast<const unsigned char*>(e.path.data()), e.path.size());
    j["size"] = e.size;
    j["mode"] = e.mode;
    j["owner"] = valid_utf8(e.owner) ? e.owner : std::string("?");
    j["sha256"] = e.sha256;
    if (e.mtime != fsview::kNoTime) j["mtime_ns"] = e.mtime;
    out += j.dump() + "\n";
  }
  return out;
}

bool parse_manifest(const std::string& text, std::vector<ManifestEntry>& out, std::string& error) {
  size_t line_no = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    start = end + 1;
    ++line_no;
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !(j.contains("path") || j.contains("path_hex")) ||
        !j.contains("sha256")) {
      error = "line " + std::to_string(line_no) + ": not a manifest entry";
      return false;
    }
    ManifestEntry e;
    e.path = j.contains("path") ? j["path"].get<std::string>()
                                : from_hex(j["path_hex"].get<std::string>());
    e.size = j.value("size", uint64_t{0});
    e.mode = j.value("mode", uint32_t{0});
    e.owner = j.value("owner", std::string());
    e.sha256 = j["sha256"].get<std::string>();
    e.mtime = j.value("mtime_ns", fsview::kNoTime);
    out.push_back(std::move(e));
  }
  return true;
}

DiffResult diff(const std::vector<ManifestEntry>& baseline, const fsview::View& view,
                const DiffOptions& o) {
  DiffResult r;
  std::map<std::string, const ManifestEntry*> before;
  for (const ManifestEntry& e : baseline) before[e.path] = &e;
  const std::set<std::string> good_hashes(o.known_good_hashes.begin(), o.known_good_hashes.end());
  std::set<std::string> seen;
  const std::vector<ManifestEntry> now = make_baseline(view, o.root, r.problems);
  for (const ManifestEntry& e : now) {
    ++r.files_compared;
    seen.insert(e.path);
    auto it = before.find(e.path);
    if (it != before.end() && it->second->sha256 == e.sha256) continue;
    // Identical to the pristine release: not the attacker's.
    fsview::FileInfo good;
    std::string error;
    bool in_good_tree = o.known_good && o.known_good->stat(e.path, good, error) &&
                        good.type == fsview::FileType::regular;
    if (good_hashes.count(e.sha256) ||
        (in_good_tree && read_content(*o.known_good, good, 0).sha256() == e.sha256)) {
      ++r.skipped_known_good;
      continue;
    }
    Change c;
    c.kind = it == before.end() ? Change::Kind::added : Change::Kind::changed;
    if (it != before.end()) c.before = *it->second;
    c.after = e;
    // The text before the change comes from the pristine copy, when given.
    if (in_good_tree && e.size <= o.max_diff_bytes && good.size <= o.max_diff_bytes) {
      fsview::FileInfo cur;
      std::string root = o.root == "/" ? "" : o.root;
      bool ok_old = false, ok_new = false;
      std::string old_text = read_text(*o.known_good, good, o.max_diff_bytes, ok_old);
      std::string new_text;
      if (view.stat(root + e.path, cur, error))
        new_text = read_text(view, cur, o.max_diff_bytes, ok_new);
      if (ok_old && ok_new)
        c.unified_diff = unified_diff(old_text, new_text, e.path, o.max_diff_lines, c.note);
      else
        c.note = "binary or unreadable: no text diff";
    }
    r.changes.push_back(std::move(c));
  }
  for (const ManifestEntry& e : baseline)
    if (!seen.count(e.path)) {
      Change c;
      c.kind = Change::Kind::removed;
      c.before = e;
      r.changes.push_back(std::move(c));
    }
  std::sort(r.changes.begin(), r.changes.end(), [](const Change& a, const Change& b) {
    const std::string& pa = a.after.path.empty() ? a.before.path : a.after.path;
    const std::string& pb = b.after.path.empty() ? b.before.path : b.after.path;
    return pa < pb;
  });
  return r;
}

}  // namespace shodo::files
