// `disk ls`: one folder (or a tree with --recursive) of one or every file
// system, streamed as the walk goes.
#include <fmt/format.h>

#include "disk/disk.h"
#include "disk/entry_format.h"
#include "fsview/accounts.h"
#include "util/escape.h"

namespace shodo::disk {
namespace {

std::string text_time(fsview::TimeNs t) {
  std::string iso = iso_time(t);
  return iso.empty() ? "-" : iso.substr(0, 10) + " " + iso.substr(11, 8);
}

void write_entry(const ListOptions& options, const fsview::View& view, const fsview::FileInfo& f,
                 const std::string& owner, bool& first, const Sink& out) {
  std::string line;
  if (options.format == "text") {
    line = fmt::format("{:>8} {} {:<8} {:>10} {} {} {} {} ", f.inode, mode_string(f),
                       util::escape_terminal(owner), f.size, text_time(f.mtime), text_time(f.atime),
                       text_time(f.ctime), text_time(f.btime));
    util::append_escaped_terminal(line, f.path);
    if (f.type == fsview::FileType::symlink) {
      line += " -> ";
      util::append_escaped_terminal(line, f.link_target);
    }
    if (f.deleted) line += " (deleted)";
    line += '\n';
  } else if (options.format == "csv") {
    for (const std::string& cell :
         {view_tag(view), f.path, std::string(fsview::file_type_name(f.type)),
          std::to_string(f.inode), mode_octal(f), std::to_string(f.uid), std::to_string(f.gid),
          owner, std::to_string(f.size), iso_time(f.mtime), iso_time(f.atime), iso_time(f.ctime),
          iso_time(f.btime), std::string(f.deleted ? "true" : "false"), f.link_target}) {
      util::append_csv_cell(line, cell);
      line += ',';
    }
    line.back() = '\n';
  } else {
    if (options.format == "json") line += first ? "[\n" : ",\n";
    append_entry_json(line, view, f, owner);
    if (options.format == "jsonl") line += '\n';
  }
  first = false;
  out(line);
}

}  // namespace

std::vector<const fsview::View*> select_views(const fsview::Source& source, int partition,
                                              std::string& error) {
  std::vector<const fsview::View*> views;
  for (const auto& view : source.views) {
    const fsview::Volume* v = view->volume();
    if (partition < 0 || (v && v->partition == partition)) views.push_back(view.get());
  }
  if (views.empty())
    error = partition < 0 ? "no file system could be read"
                          : fmt::format(
                                "no readable file system in partition {} (see `shodo "
                                "disk info`)",
                                partition);
  return views;
}

Outcome list(const fsview::Source& source, const ListOptions& options, const Sink& out) {
  Outcome outcome;
  std::string error;
  auto views = select_views(source, options.partition, error);
  // Partitions that could not be read are part of "every file system".
  if (options.partition < 0) outcome.problems = source.problems;
  if (views.empty()) outcome.problems.push_back({source.path, error});
  bool first = true;
  if (options.format == "csv")
    out("partition,path,type,inode,mode,uid,gid,owner,size,mtime,atime,ctime,btime,deleted,"
        "link_target\n");
  for (const fsview::View* view : views) {
    if (options.format == "text" && views.size() > 1)
      out(fmt::format("== {} ==\n", util::escape_terminal(view->description())));
    fsview::UserNames users(*view);
    fsview::WalkOptions walk;
    walk.include_deleted = options.deleted;
    bool root_seen = false;
    view->walk(
        options.path, walk,
        [&](const fsview::FileInfo& f) {
          // A folder lists its content, not itself (as ls does).
          if (!root_seen) {
            root_seen = true;
            if (f.type == fsview::FileType::directory) return fsview::Visit::descend;
          }
          write_entry(options, *view, f, users.name(f.uid), first, out);
          ++outcome.entries;
          return options.recursive ? fsview::Visit::descend : fsview::Visit::skip;
        },
        [&](const fsview::Problem& p) {
          outcome.problems.push_back({tagged_path(*view, p.path), p.reason});
        });
  }
  if (options.format == "json") out(first ? "[]\n" : "\n]\n");
  return outcome;
}

}  // namespace shodo::disk
