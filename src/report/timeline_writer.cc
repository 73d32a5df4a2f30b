// Each row is formatted as a CSV line and a JSONL line when added; the pair
// is what gets sorted, so finish() only copies.
#include "report/timeline_writer.h"

#include <fmt/format.h>

#include <array>
#include <climits>
#include <fstream>

#include "ingest/event_json.h"
#include "report/investigation_json.h"
#include "report/json_writer.h"
#include "util/escape.h"

namespace shodo::report {
namespace {

using fsview::FileInfo;
using fsview::TimeNs;

constexpr const char* kCsvHeader =
    "datetime,timestamp,timestamp_desc,message,source,file,line,offset,client_ip,user,path,status,"
    "finding_id,level,tag,timezone\n";

// "UTC+09:00": a bare "+09:00" would read as a formula to a spreadsheet
// (and be neutralised as one in the CSV).
std::string zone(int32_t utc_offset_s) {
  return "UTC" + ingest::format_offset(utc_offset_s);
}

// Neither line holds a NUL: both formats escape control characters.
constexpr char kLineSeparator = '\0';

// Appends the row as a CSV line, a separator and a JSON line: one string
// per row, built in place (the timeline of a large log has millions).
void append_row(std::string& out, const TimelineEvent& e) {
  const bool timed = e.time != investigate::kNoTime;
  const bool cited = e.cite.line > 0;
  const std::string datetime = timed ? utc_micros_time(e.time) : "";
  const std::string timestamp = timed ? std::to_string(e.time) : "";
  const std::string line = cited ? std::to_string(e.cite.line) : "";
  const std::string offset = cited ? std::to_string(e.cite.offset) : "";
  const std::string status = e.status >= 0 ? std::to_string(e.status) : "";
  const std::string timezone = zone(e.utc_offset_s);
  for (std::string_view cell :
       {std::string_view(datetime), std::string_view(timestamp), std::string_view(e.timestamp_desc),
        std::string_view(e.message), std::string_view(e.source), std::string_view(e.cite.file),
        std::string_view(line), std::string_view(offset), std::string_view(e.client_ip),
        std::string_view(e.user), std::string_view(e.path), std::string_view(status),
        std::string_view(e.finding_id), std::string_view(e.level), std::string_view(e.tag),
        std::string_view(timezone)}) {
    util::append_csv_cell(out, cell);
    out += ',';
  }
  out.back() = '\n';
  out += kLineSeparator;

  // The same columns; empty ones left out, as in `shodo events`.
  JsonObject o(out);
  if (timed) {
    o.text("datetime", datetime);
    o.number("timestamp", int64_t{e.time});
  }
  o.text("timestamp_desc", e.timestamp_desc);
  o.text("message", e.message);
  o.text("source", e.source);
  o.text("file", e.cite.file);
  if (cited) {
    o.number("line", e.cite.line);
    o.number("offset", e.cite.offset);
  }
  o.text("client_ip", e.client_ip);
  o.text("user", e.user);
  o.text("path", e.path);
  if (e.status >= 0) o.number("status", int64_t{e.status});
  o.text("finding_id", e.finding_id);
  o.text("level", e.level);
  o.text("tag", e.tag);
  o.text("timezone", timezone);
  o.close();
  out += '\n';
}

// Floor division, so times before 1970 round down too.
int64_t floor_div(int64_t t, int64_t unit) {
  return t / unit - (t % unit < 0 ? 1 : 0);
}

// ls -l style ("-rw-r--r--", "drwxr-xr-x", with s/S/t/T). A local twin of
// disk::mode_string, which report cannot use.
std::string mode_string(const FileInfo& f) {
  static constexpr std::string_view kTypes = "-dlpscb?";  // in fsview::FileType order
  std::string s(10, '-');
  s[0] = kTypes[static_cast<size_t>(f.type)];
  for (int i = 0; i < 9; ++i)
    if (f.mode & (0400u >> i)) s[1 + i] = "rwxrwxrwx"[i];
  const auto special = [&](uint32_t bit, size_t pos, char with_x, char without_x) {
    if (f.mode & bit) s[pos] = s[pos] == 'x' ? with_x : without_x;
  };
  special(04000, 3, 's', 'S');
  special(02000, 6, 's', 'S');
  special(01000, 9, 't', 'T');
  return s;
}

// TSK body format 3, as `fls -m` writes it: the name (with " -> target"
// and " (deleted)" as fls adds them) escaped for a terminal, '|' (the
// separator) as \x7c; mode as "r/rrw-r--r--"; times in seconds.
std::string body_line(const std::string& name, const FileInfo& f, const std::string& md5) {
  std::string shown;
  for (char c : util::escape_terminal(name)) {
    if (c == '|') {
      shown += "\\x7c";
    } else {
      shown += c;
    }
  }
  std::string mode = mode_string(f);
  const char type = mode[0] == '-' ? 'r' : mode[0];
  mode[0] = type;
  const auto seconds = [](TimeNs t) {
    return t == fsview::kNoTime ? 0 : floor_div(t, 1'000'000'000);
  };
  return fmt::format("{}|{}|{}|{}/{}|{}|{}|{}|{}|{}|{}|{}\n", md5.empty() ? "0" : md5, shown,
                     f.inode, type, mode, f.uid, f.gid, f.size, seconds(f.atime), seconds(f.mtime),
                     seconds(f.ctime), seconds(f.btime));
}

struct Stamp {
  TimeNs FileInfo::*time;
  const char* desc;
};
constexpr std::array<Stamp, 4> kStamps = {Stamp{&FileInfo::mtime, "Content Modification Time"},
                                          Stamp{&FileInfo::atime, "Last Access Time"},
                                          Stamp{&FileInfo::ctime, "Metadata Modification Time"},
                                          Stamp{&FileInfo::btime, "Creation Time"}};

// One output; writes nothing when its path is empty.
class OutputFile {
 public:
  explicit OutputFile(const std::string& path) : path_(path) {
    if (!path.empty()) out_.open(path, std::ios::binary | std::ios::trunc);
  }
  void write(std::string_view text) {
    if (out_.is_open()) out_ << text;
  }
  // false, with the reason in `error` when none is there yet, when the file
  // could not be written in full.
  bool close(std::string& error) {
    if (path_.empty()) return true;
    out_.close();
    if (out_) return true;
    if (error.empty()) error = "cannot write " + path_;
    return false;
  }

 private:
  std::string path_;
  std::ofstream out_;
};

}  // namespace

TimelineWriter::TimelineWriter(size_t memory_bytes)
    : rows_by_time_(memory_bytes - memory_bytes / 4), body_lines_(memory_bytes / 4) {}

void TimelineWriter::add(const TimelineEvent& e) {
  // Rows without a time go last.
  const int64_t key = e.time == investigate::kNoTime ? INT64_MAX : e.time;
  std::string row;
  row.reserve(2 * (e.message.size() + e.cite.file.size() + e.path.size()) + 400);
  append_row(row, e);
  if (!rows_by_time_.add(key, std::move(row)) && error_.empty()) error_ = rows_by_time_.error();
  ++rows_;
}

void TimelineWriter::add_file(const std::string& view, const FileInfo& file,
                              const std::string& md5) {
  const std::string name = view.empty() ? file.path : view + ":" + file.path;
  std::string message = name;
  if (file.type == fsview::FileType::symlink) message += " -> " + file.link_target;
  if (file.deleted) message += " (deleted)";
  for (size_t i = 0; i < kStamps.size(); ++i) {
    const TimeNs t = file.*kStamps[i].time;
    bool seen_before = t == fsview::kNoTime;
    for (size_t j = 0; j < i; ++j) seen_before = seen_before || file.*kStamps[j].time == t;
    if (seen_before) continue;
    TimelineEvent e;
    e.time = floor_div(t, 1000);
    for (size_t j = i; j < kStamps.size(); ++j) {
      if (file.*kStamps[j].time != t) continue;
      if (!e.timestamp_desc.empty()) e.timestamp_desc += "; ";
      e.timestamp_desc += kStamps[j].desc;
    }
    e.source = "fs";
    e.message = message;
    e.cite = {name, 0, 0, file.inode};
    e.path = file.path;
    add(e);
  }
  // Key 0 for all: body lines stay in the order added.
  if (!body_lines_.add(0, body_line(message, file, md5)) && error_.empty())
    error_ = body_lines_.error();
}

bool TimelineWriter::finish(const std::string& csv_path, const std::string& jsonl_path,
                            const std::string& body_path, std::string& error) {
  if (!error_.empty()) {
    error = error_;
    return false;
  }
  OutputFile csv(csv_path), jsonl(jsonl_path), body(body_path);
  csv.write(kCsvHeader);
  const bool sorted = rows_by_time_.finish([&](std::string_view row) {
    const size_t split = row.find(kLineSeparator);
    csv.write(row.substr(0, split));
    jsonl.write(row.substr(split + 1));
  });
  const bool listed = body_lines_.finish([&](std::string_view line) { body.write(line); });
  error = !sorted ? rows_by_time_.error() : !listed ? body_lines_.error() : "";
  // Non-short-circuit &: every file is closed whatever fails.
  // Each closed whatever the others did.
  const bool csv_closed = csv.close(error), jsonl_closed = jsonl.close(error),
             body_closed = body.close(error);
  const bool written = csv_closed && jsonl_closed && body_closed;
  return sorted && listed && written;
}

}  // namespace shodo::report
