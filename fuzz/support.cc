#include "fuzz/support.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdlib>

#include "ingest/event_json.h"

namespace shodo::fuzz {

std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

const ingest::Zone* fuzz_zone() {
  static const std::shared_ptr<const ingest::Zone> zone = [] {
    std::string error;
    auto z = ingest::Zone::locate("America/New_York", error);
    if (!z) std::abort();  // no tz database: nothing would be tested
    return z;
  }();
  return zone.get();
}

void parse_lines(ingest::LineParser& parser, ingest::LogKind kind,
                 const std::vector<std::string_view>& lines, const ingest::FileContext& file) {
  ingest::Arena arena;
  ingest::ParseContext ctx;
  ctx.file = &file;
  ctx.arena = &arena;
  ctx.zone.set_zone(file.zone);
  ingest::Event ev;
  std::string json;
  uint64_t number = 0, offset = 0;
  for (std::string_view line : lines) {
    ev.clear();
    ev.line = ++number;
    ev.offset = offset;
    offset += line.size() + 1;
    ev.raw = line;
    ev.kind = kind;
    ctx.error = {};
    if (parser.parse(line, ev, ctx) == ingest::LineResult::event) {
      json.clear();
      ingest::append_event_json(json, ev, file.path);
    }
  }
}

std::string memory_file(std::string_view bytes) {
  static const int fd = memfd_create("shodo-fuzz", MFD_CLOEXEC);
  if (fd < 0 || ftruncate(fd, 0) != 0 ||
      pwrite(fd, bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size()))
    std::abort();  // the harness itself failed, not the code under test
  return "/proc/self/fd/" + std::to_string(fd);
}

void read_whole_view(const fsview::View& view, bool include_deleted) {
  fsview::WalkOptions options;
  options.include_deleted = include_deleted;
  std::vector<fsview::FileInfo> files;
  view.walk(
      "/", options,
      [&](const fsview::FileInfo& f) {
        if (f.type == fsview::FileType::regular) files.push_back(f);
        return fsview::Visit::descend;
      },
      [](const fsview::Problem&) {});
  char buf[1 << 14];
  for (const fsview::FileInfo& f : files) {
    fsview::FileInfo again;
    std::string error;
    view.stat(f.path, again, error);
    if (auto reader = view.open(f, error))
      while (reader->read(buf, sizeof buf) > 0) {
      }
  }
}

}  // namespace shodo::fuzz
