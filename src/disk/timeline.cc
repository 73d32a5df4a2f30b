// `disk timeline`: every file's MAC(B) times, allocated and deleted, from a
// streamed walk. Body output goes out as the walk goes (mactime sorts it);
// CSV and JSONL are sorted by time through report::SortedRuns, in bounded memory.
#include <fmt/format.h>

#include <array>

#include "disk/disk.h"
#include "disk/entry_format.h"
#include "report/timeline_writer.h"
#include "report/json_writer.h"
#include "util/escape.h"

namespace shodo::disk {
namespace {

using fsview::FileInfo;
using fsview::kNoTime;
using fsview::TimeNs;

bool in_range(TimeNs t, const TimelineOptions& o) {
  return t != kNoTime && (o.since == kNoTime || t >= o.since) &&
         (o.until == kNoTime || t < o.until);
}

// The name as shown: escaped for a terminal, '|' escaped too (the body
// format's separator), " (deleted)" as fls writes it.
std::string display_name(const fsview::View& view, const FileInfo& f) {
  std::string name = util::escape_terminal(tagged_path(view, f.path));
  std::string out;
  for (char c : name) {
    if (c == '|') {
      out += "\\x7c";
    } else {
      out += c;
    }
  }
  if (f.deleted) out += " (deleted)";
  return out;
}

int64_t body_seconds(TimeNs t) {
  if (t == kNoTime) return 0;
  return t >= 0 ? t / 1000000000 : -((-t + 999999999) / 1000000000);
}

// TSK body format 3: MD5|name|inode|mode|UID|GID|size|atime|mtime|ctime|crtime.
std::string body_line(const fsview::View& view, const FileInfo& f) {
  std::string mode = mode_string(f);
  const char type = mode[0] == '-' ? 'r' : mode[0];
  mode[0] = type;
  return fmt::format("0|{}|{}|{}/{}|{}|{}|{}|{}|{}|{}|{}\n", display_name(view, f), f.inode, type,
                     mode, f.uid, f.gid, f.size, body_seconds(f.atime), body_seconds(f.mtime),
                     body_seconds(f.ctime), body_seconds(f.btime));
}

struct Stamp {
  char letter;
  TimeNs FileInfo::*time;
  const char* desc;
};

// One row per distinct time of a file; kinds sharing it are joined, as
// mactime does ("m.c." and "Content Modification Time; ...").
void add_rows(const fsview::View& view, const FileInfo& f, const TimelineOptions& o,
              report::SortedRuns& sorter, bool& ok) {
  const bool ntfs = view.fs_type() == "ntfs";
  const std::array<Stamp, 4> stamps = {
      Stamp{'m', &FileInfo::mtime, "Content Modification Time"},
      Stamp{'a', &FileInfo::atime, "Last Access Time"},
      Stamp{'c', &FileInfo::ctime,
            ntfs ? "MFT Entry Modification Time" : "Metadata Modification Time"},
      Stamp{'b', &FileInfo::btime, "Creation Time"}};
  const std::string message = display_name(view, f);
  for (size_t i = 0; i < stamps.size(); ++i) {
    const TimeNs t = f.*stamps[i].time;
    if (!in_range(t, o)) continue;
    bool seen_before = false;
    for (size_t j = 0; j < i; ++j) seen_before = seen_before || f.*stamps[j].time == t;
    if (seen_before) continue;
    std::string macb = "....", desc;
    for (size_t j = i; j < stamps.size(); ++j) {
      if (f.*stamps[j].time != t) continue;
      macb[j] = stamps[j].letter;
      if (!desc.empty()) desc += "; ";
      desc += stamps[j].desc;
    }
    const std::string datetime = iso_time(t);
    const int64_t micros = t / 1000;
    std::string row;
    if (o.format == "csv") {
      for (const std::string& cell :
           {datetime, std::to_string(micros), desc, message, macb, view_tag(view),
            std::to_string(f.inode), std::to_string(f.size), mode_octal(f), std::to_string(f.uid),
            std::to_string(f.gid), std::string(fsview::file_type_name(f.type)),
            std::string(f.deleted ? "true" : "false")}) {
        util::append_csv_cell(row, cell);
        row += ',';
      }
      row.back() = '\n';
    } else {
      report::JsonObject j(row);
      j.text("datetime", datetime);
      j.number("timestamp", micros);
      j.text("timestamp_desc", desc);
      j.text("message", message);
      j.text("macb", macb);
      j.text("partition", view_tag(view));
      j.text("path", f.path);
      j.number("inode", f.inode);
      j.number("size", f.size);
      j.text("mode", mode_octal(f));
      j.number("uid", static_cast<uint64_t>(f.uid));
      j.number("gid", static_cast<uint64_t>(f.gid));
      j.text("type", fsview::file_type_name(f.type));
      j.member("deleted") += f.deleted ? "true" : "false";
      j.close();
      row += '\n';
    }
    ok = ok && sorter.add(t, std::move(row));
  }
}

}  // namespace

Outcome timeline(const fsview::Source& source, const TimelineOptions& options, const Sink& out) {
  Outcome outcome;
  std::string error;
  auto views = select_views(source, -1, error);
  outcome.problems = source.problems;  // a timeline missing a partition says so
  if (views.empty()) outcome.problems.push_back({source.path, error});
  const bool body = options.format == "body";
  report::SortedRuns sorter(options.sort_memory);
  bool ok = true;
  if (options.format == "csv")
    out("datetime,timestamp,timestamp_desc,message,macb,partition,inode,size,mode,uid,gid,type,"
        "deleted\n");
  for (const fsview::View* view : views) {
    fsview::WalkOptions walk;
    walk.include_deleted = true;
    view->walk(
        "/", walk,
        [&](const FileInfo& f) {
          if (f.path == "/") return fsview::Visit::descend;  // fls leaves the root out
          if (!ok) return fsview::Visit::skip;
          if (!body) {
            add_rows(*view, f, options, sorter, ok);
          } else if ((options.since == kNoTime && options.until == kNoTime) ||
                     in_range(f.mtime, options) || in_range(f.atime, options) ||
                     in_range(f.ctime, options) || in_range(f.btime, options)) {
            out(body_line(*view, f));
          }
          ++outcome.entries;
          return fsview::Visit::descend;
        },
        [&](const fsview::Problem& p) {
          outcome.problems.push_back({tagged_path(*view, p.path), p.reason});
        });
  }
  if (!body && ok) ok = sorter.finish(out);
  if (!ok) outcome.problems.push_back({source.path, sorter.error()});
  return outcome;
}

}  // namespace shodo::disk
