// The Common and Combined Log Formats are read by a straight reader where a
// line has their plain shape, and by the interpreted template otherwise:
// both must make the same of any line. The first byte picks the layout, the
// rest is lines; a disagreement aborts.
#include <cstdio>
#include <cstdlib>

#include "fuzz/support.h"
#include "fuzz/targets.h"
#include "ingest/event_json.h"
#include "ingest/formats/template/template.h"

namespace shodo::fuzz {
namespace {

// One parser's reading of a line: its result, error and event.
struct Reading {
  std::unique_ptr<ingest::LineParser> parser;
  ingest::Arena arena;
  ingest::ParseContext ctx;
  ingest::Event ev;

  std::string read(std::string_view line, const ingest::FileContext& file) {
    arena.reset();
    ctx.file = &file;
    ctx.arena = &arena;
    ctx.zone.set_zone(file.zone);
    ctx.error = {};
    ev.clear();
    ev.line = 7;
    ev.offset = 70;
    ev.raw = line;
    ev.kind = ingest::LogKind::web_access;
    const ingest::LineResult result = parser->parse(line, ev, ctx);
    std::string out = std::to_string(static_cast<int>(result)) + " " + std::string(ctx.error);
    if (result == ingest::LineResult::event) ingest::append_event_json(out += " ", ev, file.path);
    return out;
  }
};

struct Layout {
  Reading fixed, interpreted;
};

Layout make_layout(std::string_view format) {
  std::string error;
  const auto t = ingest::tpl::compile_apache(format, error);
  if (!t) std::abort();
  Layout l;
  l.fixed.parser = ingest::tpl::make_template_parser(t, true);
  l.interpreted.parser = ingest::tpl::make_template_parser(t, false);
  return l;
}

}  // namespace

std::string fixed_layout_disagreement(bool combined, std::string_view line) {
  // Kept from call to call, as a file's parser is from line to line: the
  // time caches then hold what earlier lines left in them.
  static Layout common = make_layout(R"(%h %l %u %t "%r" %>s %b)");
  static Layout full = make_layout(R"(%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i")");
  static const ingest::FileContext file = [] {
    ingest::FileContext f;
    f.path = "access.log";
    f.zone = fuzz_zone();
    return f;
  }();
  Layout& l = combined ? full : common;
  std::string a = l.fixed.read(line, file), b = l.interpreted.read(line, file);
  if (a == b) return {};
  return "fixed layout:  " + a + "\ninterpreted:   " + b;
}

int fixed_layout(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  for (std::string_view line : split_lines(as_text(data + 1, size - 1))) {
    const std::string diff = fixed_layout_disagreement(data[0] % 2 == 1, line);
    if (!diff.empty()) {
      std::fprintf(stderr, "%s\n", diff.c_str());
      std::abort();
    }
  }
  return 0;
}

}  // namespace shodo::fuzz
