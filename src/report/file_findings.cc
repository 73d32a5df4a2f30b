#include "report/file_findings.h"

#include <fmt/format.h>

#include "report/json_writer.h"
#include "report/text_format.h"
#include "util/escape.h"

namespace shodo::report {
namespace {

using detect::FileFinding;

// Floored to microseconds, the precision of the rest of shodo's output.
ingest::TimeUs to_us(fsview::TimeNs t) {
  if (t == fsview::kNoTime) return ingest::kNoTime;
  return t / 1000 - ((t % 1000 < 0) ? 1 : 0);
}

std::string time_text(fsview::TimeNs t) {
  return utc_or_empty(to_us(t));
}

std::string mode_text(uint32_t mode) {
  return fmt::format("{:04o}", mode);
}

// The columns of csv and the keys of json/jsonl, in one place.
struct Column {
  const char* key;
  std::string (*value)(const FileFinding&);
};
const Column kColumns[] = {
    {"rule.id", [](const FileFinding& f) { return f.rule_id; }},
    {"rule.title", [](const FileFinding& f) { return f.title; }},
    {"rule.level", [](const FileFinding& f) { return std::string(detect::level_name(f.level)); }},
    {"shodo.score", [](const FileFinding& f) { return std::to_string(f.score); }},
    {"shodo.reason", [](const FileFinding& f) { return f.reason; }},
    {"file.source", [](const FileFinding& f) { return f.source; }},
    {"file.path", [](const FileFinding& f) { return f.file.path; }},
    {"file.type",
     [](const FileFinding& f) { return std::string(fsview::file_type_name(f.file.type)); }},
    {"file.inode", [](const FileFinding& f) { return std::to_string(f.file.inode); }},
    {"file.size", [](const FileFinding& f) { return std::to_string(f.file.size); }},
    {"file.mode", [](const FileFinding& f) { return mode_text(f.file.mode); }},
    {"file.uid", [](const FileFinding& f) { return std::to_string(f.file.uid); }},
    {"file.owner", [](const FileFinding& f) { return f.owner; }},
    {"file.hash.sha256", [](const FileFinding& f) { return f.sha256; }},
    {"file.mtime", [](const FileFinding& f) { return time_text(f.file.mtime); }},
    {"file.accessed", [](const FileFinding& f) { return time_text(f.file.atime); }},
    {"file.ctime", [](const FileFinding& f) { return time_text(f.file.ctime); }},
    {"file.created", [](const FileFinding& f) { return time_text(f.file.btime); }},
    {"file.deleted",
     [](const FileFinding& f) { return std::string(f.file.deleted ? "true" : ""); }},
    {"shodo.line", [](const FileFinding& f) { return f.line ? std::to_string(f.line) : ""; }},
    {"shodo.offset",
     [](const FileFinding& f) { return f.line || f.offset ? std::to_string(f.offset) : ""; }},
    {"shodo.excerpt", [](const FileFinding& f) { return f.excerpt; }},
    {"url.path", [](const FileFinding& f) { return f.url_path; }},
};

// Numbers and booleans are JSON values, not strings.
bool is_numeric(const char* key) {
  std::string_view k = key;
  return k == "shodo.score" || k == "file.inode" || k == "file.size" || k == "file.uid" ||
         k == "shodo.line" || k == "shodo.offset";
}

void append_json_finding(std::string& out, const FileFinding& f) {
  JsonObject o(out);
  for (const Column& c : kColumns) {
    std::string v = c.value(f);
    if (v.empty()) continue;
    if (std::string_view(c.key) == "file.deleted") {
      o.member(c.key) += "true";
    } else if (is_numeric(c.key)) {
      o.member(c.key) += v;
    } else {
      o.text(c.key, v);
    }
  }
  o.texts("threat.technique.id", f.techniques);
  o.close();
}

std::string render_jsonl(const FileFindingsReport& r) {
  std::string out;
  for (const FileFinding& f : *r.findings) {
    append_json_finding(out, f);
    out += '\n';
  }
  return out;
}

std::string render_json(const FileFindingsReport& r) {
  std::string out;
  JsonObject top(out);
  top.number("files_examined", r.files_examined);
  if (!r.notes.empty()) top.texts("notes", r.notes);
  append_json_array(top.member("findings"), *r.findings, append_json_finding);
  std::vector<fsview::Problem> none;
  append_json_array(top.member("problems"), r.problems ? *r.problems : none,
                    [](std::string& o, const fsview::Problem& p) {
                      JsonObject po(o);
                      po.text("path", p.path);
                      po.text("reason", p.reason);
                      po.close();
                    });
  top.close();
  out += '\n';
  return out;
}

std::string render_csv(const FileFindingsReport& r) {
  std::string out;
  for (const Column& c : kColumns) out += std::string(c.key) + ',';
  out += "threat.technique.id\n";
  for (const FileFinding& f : *r.findings) {
    for (const Column& c : kColumns) {
      util::append_csv_cell(out, c.value(f));
      out += ',';
    }
    std::string joined;
    for (const auto& t : f.techniques) joined += (joined.empty() ? "" : " ") + t;
    util::append_csv_cell(out, joined);
    out += '\n';
  }
  return out;
}

std::string render_text(const FileFindingsReport& r) {
  bool ja = r.lang == "ja";
  std::string out;
  if (!r.title.empty()) out += escape_truncated(r.title, 200) + "\n";
  out += fmt::format(fmt::runtime(ja ? "調査したファイル: {}、検出: {}件\n"
                                     : "Files examined: {}, findings: {}\n"),
                     grouped(r.files_examined), grouped(r.findings->size()));
  const auto& notes = ja && r.notes_ja.size() == r.notes.size() ? r.notes_ja : r.notes;
  for (const std::string& note : notes) out += escape_truncated(note, 300) + "\n";
  for (const FileFinding& f : *r.findings) {
    const std::string& title = ja && !f.title_ja.empty() ? f.title_ja : f.title;
    const std::string& reason = ja && !f.reason_ja.empty() ? f.reason_ja : f.reason;
    out += fmt::format("\n[{}] {} ({}, score {})\n", detect::level_name(f.level),
                       escape_truncated(title, 120), f.rule_id, f.score);
    out += "  " + escape_truncated(f.file.path, 300);
    if (f.line) out += fmt::format(":{}", f.line);
    out += fmt::format("  inode {}  {}  {} bytes  owner {}", f.file.inode, mode_text(f.file.mode),
                       f.file.size, escape_truncated(f.owner, 40));
    if (f.file.deleted) out += ja ? "  (削除済み)" : "  (deleted)";
    out += '\n';
    out += fmt::format("  m {}  a {}  c {}  b {}\n", utc_seconds_or_dash(to_us(f.file.mtime)),
                       utc_seconds_or_dash(to_us(f.file.atime)),
                       utc_seconds_or_dash(to_us(f.file.ctime)),
                       utc_seconds_or_dash(to_us(f.file.btime)));
    if (!f.sha256.empty()) out += "  sha256 " + f.sha256 + "\n";
    out += (ja ? "  理由: " : "  why: ") + escape_truncated(reason, 400) + "\n";
    if (!f.excerpt.empty()) out += "  | " + escape_truncated(f.excerpt, 160) + "\n";
    if (!f.url_path.empty()) out += "  url " + escape_truncated(f.url_path, 300) + "\n";
  }
  if (r.problems && !r.problems->empty()) {
    out += fmt::format(fmt::runtime(ja ? "\n読めなかったもの: {}件\n" : "\nNot read: {}\n"),
                       r.problems->size());
    for (const auto& p : *r.problems)
      out += "  " + escape_truncated(p.path, 300) + ": " + escape_truncated(p.reason, 300) + "\n";
  }
  return out;
}

}  // namespace

std::string render_file_findings(const FileFindingsReport& r, std::string_view format) {
  if (format == "json") return render_json(r);
  if (format == "jsonl") return render_jsonl(r);
  if (format == "csv") return render_csv(r);
  return render_text(r);
}

}  // namespace shodo::report
