// `disk info`: what the image is, how it is partitioned, which file systems
// it holds and which system each one is (os-release, hostname).
#include <fmt/format.h>

#include "disk/disk.h"
#include "disk/entry_format.h"
#include "fsview/accounts.h"
#include "fsview/path.h"
#include "report/json_writer.h"
#include "util/escape.h"

namespace shodo::disk {
namespace {

struct SystemFacts {
  std::string os, hostname;
};

// A small file of the image, following symlinks inside the view (Debian's
// /etc/os-release links to ../usr/lib/os-release); never the host's.
std::string read_view_file(const fsview::View& view, std::string path) {
  for (int hops = 0; hops < 8; ++hops) {
    fsview::FileInfo f;
    std::string error, content;
    if (!view.stat(path, f, error)) return "";
    if (f.type != fsview::FileType::symlink) {
      return fsview::read_small_file(view, path, 64u << 10, content, error) ? content : "";
    }
    const std::string dir = path.substr(0, path.rfind('/') + 1);
    path = fsview::normalize_view_path(f.link_target.starts_with("/") ? f.link_target
                                                                      : dir + f.link_target);
  }
  return "";
}

SystemFacts system_facts(const fsview::View& view) {
  SystemFacts facts;
  const std::string release = read_view_file(view, "/etc/os-release");
  for (size_t start = 0; start < release.size();) {
    size_t end = release.find('\n', start);
    if (end == std::string::npos) end = release.size();
    std::string_view line(release.data() + start, end - start);
    start = end + 1;
    if (!line.starts_with("PRETTY_NAME=")) continue;
    line.remove_prefix(12);
    if (line.size() >= 2 && (line.front() == '"' || line.front() == '\'') &&
        line.back() == line.front())
      line = line.substr(1, line.size() - 2);
    facts.os = std::string(line);
  }
  facts.hostname = read_view_file(view, "/etc/hostname");
  while (!facts.hostname.empty() && (facts.hostname.back() == '\n' || facts.hostname.back() == ' '))
    facts.hostname.pop_back();
  return facts;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void text(const fsview::Source& source, const Sink& out) {
  using util::escape_terminal;
  const fsview::ImageInfo& image = source.image;
  std::string s = fmt::format("Image: {}\n  format: {}, {} bytes", escape_terminal(source.path),
                              image.format.empty() ? "-" : image.format, image.size);
  if (image.files.size() > 1) s += fmt::format(" in {} segment files", image.files.size());
  s += '\n';
  for (const auto& [name, value] : image.stored_hashes)
    s += fmt::format("  stored {}: {}\n", name, value);
  if (image.volume_system.empty()) {
    s += "Volume system: none (a file system from byte 0)\n";
  } else {
    s += fmt::format("Volume system: {}\n  {:>4}  {:>14}  {:>14}  description\n",
                     image.volume_system, "#", "start (byte)", "length (bytes)");
    for (const fsview::Partition& p : image.partitions)
      s += fmt::format("  {:>4}  {:>14}  {:>14}  {}\n", p.index, p.offset, p.length,
                       escape_terminal(p.description));
  }
  s += "File systems:\n";
  if (source.views.empty()) s += "  (none readable)\n";
  for (const auto& view : source.views) {
    const fsview::Volume* v = view->volume();
    s += fmt::format("  {}: {}", escape_terminal(view->description()), view->fs_type());
    if (v) {
      if (!v->label.empty()) s += fmt::format(", label \"{}\"", escape_terminal(v->label));
      s += fmt::format(", {} blocks of {} bytes ({} bytes)", v->block_count, v->block_size,
                       v->block_count * v->block_size);
    }
    s += '\n';
    SystemFacts facts = system_facts(*view);
    if (!facts.os.empty()) s += fmt::format("    OS: {}\n", escape_terminal(facts.os));
    if (!facts.hostname.empty())
      s += fmt::format("    hostname: {}\n", escape_terminal(facts.hostname));
  }
  if (!source.problems.empty()) s += "Not readable:\n";
  for (const fsview::Problem& p : source.problems)
    s += fmt::format("  {}: {}\n", escape_terminal(p.path), escape_terminal(p.reason));
  fsview::Support support = fsview::image_support();
  s += fmt::format(
      "This build's libtsk reads:\n  image formats: {}\n  volume systems: {}\n  file systems: "
      "{}\n",
      joined(support.image_formats), joined(support.volume_systems), joined(support.file_systems));
  out(s);
}

void json(const fsview::Source& source, const Sink& out) {
  const fsview::ImageInfo& image = source.image;
  std::string s;
  report::JsonObject top(s);
  {
    report::JsonObject img(top.member("image"));
    img.text("path", source.path);
    img.text("format", image.format);
    img.texts("files", image.files);
    img.number("size", image.size);
    report::JsonObject hashes(img.member("stored_hashes"));
    for (const auto& [name, value] : image.stored_hashes) hashes.text(name, value);
    hashes.close();
    img.close();
  }
  top.text("volume_system", image.volume_system);
  report::append_json_array(top.member("partitions"), image.partitions,
                            [](std::string& o, const fsview::Partition& p) {
                              report::JsonObject j(o);
                              j.number("index", static_cast<int64_t>(p.index));
                              j.number("offset", p.offset);
                              j.number("length", p.length);
                              j.text("description", p.description);
                              j.close();
                            });
  std::string& fss = top.member("file_systems");
  fss += '[';
  for (size_t i = 0; i < source.views.size(); ++i) {
    const fsview::View& view = *source.views[i];
    const fsview::Volume* v = view.volume();
    if (i) fss += ',';
    report::JsonObject j(fss);
    j.text("description", view.description());
    j.text("partition", view_tag(view));
    j.text("type", view.fs_type());
    if (v) {
      j.number("offset", v->offset);
      j.text("label", v->label);
      j.number("block_size", static_cast<uint64_t>(v->block_size));
      j.number("block_count", v->block_count);
      j.number("size", v->block_count * v->block_size);
    }
    SystemFacts facts = system_facts(view);
    j.text("os", facts.os);
    j.text("hostname", facts.hostname);
    j.close();
  }
  fss += ']';
  report::append_json_array(top.member("problems"), source.problems,
                            [](std::string& o, const fsview::Problem& p) {
                              report::JsonObject j(o);
                              j.text("where", p.path);
                              j.text("reason", p.reason);
                              j.close();
                            });
  fsview::Support support = fsview::image_support();
  report::JsonObject sup(top.member("supported"));
  sup.texts("image_formats", support.image_formats);
  sup.texts("volume_systems", support.volume_systems);
  sup.texts("file_systems", support.file_systems);
  sup.close();
  top.close();
  s += '\n';
  out(s);
}

}  // namespace

void info(const fsview::Source& source, const std::string& format, const Sink& out) {
  if (format == "json") {
    json(source, out);
  } else {
    text(source, out);
  }
}

}  // namespace shodo::disk
