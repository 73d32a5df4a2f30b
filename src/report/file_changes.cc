#include "report/file_changes.h"

#include <fmt/format.h>

#include "report/json_writer.h"
#include "report/text_format.h"

namespace shodo::report {
namespace {

const char* kind_name(files::Change::Kind k) {
  switch (k) {
    case files::Change::Kind::added: return "added";
    case files::Change::Kind::changed: return "changed";
    case files::Change::Kind::removed: return "removed";
  }
  return "";
}

const files::ManifestEntry& current(const files::Change& c) {
  return c.kind == files::Change::Kind::removed ? c.before : c.after;
}

}  // namespace

std::string render_file_changes(const files::DiffResult& r, std::string_view format) {
  std::string out;
  if (format == "jsonl") {
    for (const files::Change& c : r.changes) {
      JsonObject o(out);
      o.text("change", kind_name(c.kind));
      o.text("file.path", current(c).path);
      if (!c.before.sha256.empty()) o.text("before.sha256", c.before.sha256);
      if (!c.after.sha256.empty()) o.text("after.sha256", c.after.sha256);
      o.number("file.size", current(c).size);
      if (!c.unified_diff.empty()) o.text("diff", c.unified_diff);
      if (!c.note.empty()) o.text("note", c.note);
      o.close();
      out += '\n';
    }
    return out;
  }
  out += fmt::format("Files compared: {}, identical to the known-good release: {}, changes: {}\n",
                     grouped(r.files_compared), grouped(r.skipped_known_good),
                     grouped(r.changes.size()));
  for (const files::Change& c : r.changes) {
    out += fmt::format("\n[{}] {}  {} bytes  sha256 {}\n", kind_name(c.kind),
                       escape_truncated(current(c).path, 300), current(c).size,
                       current(c).sha256.empty() ? "-" : current(c).sha256);
    if (!c.note.empty()) out += "  note: " + c.note + "\n";
    // Each line escaped on its own so the diff keeps its shape.
    for (size_t start = 0; start < c.unified_diff.size();) {
      size_t end = c.unified_diff.find('\n', start);
      if (end == std::string::npos) end = c.unified_diff.size();
      out += "  " +
             escape_truncated(std::string_view(c.unified_diff).substr(start, end - start), 400) +
             "\n";
      start = end + 1;
    }
  }
  if (!r.problems.empty()) {
    out += fmt::format("\nNot read: {}\n", r.problems.size());
    for (const auto& p : r.problems)
      out += "  " + escape_truncated(p.path, 300) + ": " + escape_truncated(p.reason, 300) + "\n";
  }
  return out;
}

}  // namespace shodo::report
