// The shipped rules on a block of Combined Log Format lines at once (the
// keyword search over the whole block, or only over the lines holding a byte
// every keyword needs; the new values of a window scanned joined) find what
// they find on each line alone. The input is the block; a difference aborts.
#include <cstdio>
#include <cstdlib>

#include "detect/detect.h"
#include "detect/engine/matcher.h"
#include "fuzz/support.h"
#include "fuzz/targets.h"
#include "ingest/formats/template/template.h"

namespace shodo::fuzz {

int rule_blocks(const uint8_t* data, size_t size) {
  static const detect::RuleSet rules{detect::RuleSetOptions{}};
  static const auto in_block = rules.matcher().make_scratch();
  static const auto one_by_one = rules.matcher().make_scratch();
  static const std::unique_ptr<ingest::LineParser> parser = [] {
    std::string error;
    const auto t = ingest::tpl::compile_apache(
        R"(%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i")", error);
    if (!t) std::abort();
    return ingest::tpl::make_template_parser(t, true);
  }();
  static const ingest::FileContext file = [] {
    ingest::FileContext f;
    f.path = "access.log";
    f.zone = fuzz_zone();
    return f;
  }();
  const std::string_view text = as_text(data, size);
  ingest::Arena arena;
  ingest::ParseContext ctx;
  ctx.file = &file;
  ctx.arena = &arena;
  ctx.zone.set_zone(file.zone);
  std::vector<ingest::Event> events;
  for (std::string_view line : split_lines(text)) {
    ingest::Event& ev = events.emplace_back();
    ev.raw = line;
    ev.kind = ingest::LogKind::web_access;
    if (parser->parse(line, ev, ctx) != ingest::LineResult::event) events.pop_back();
  }
  if (events.empty()) return 0;
  const detect::engine::Matcher& matcher = rules.matcher();
  matcher.scan_events(events, text, *in_block);
  std::vector<uint32_t> together, alone;
  for (const ingest::Event& ev : events) {
    together.clear();
    alone.clear();
    matcher.match(ev, *in_block, together);
    matcher.match(ev, *one_by_one, alone);
    if (together != alone) {
      std::fprintf(stderr, "line %.*s: %zu rules in the block, %zu alone\n",
                   static_cast<int>(ev.raw.size()), ev.raw.data(), together.size(), alone.size());
      std::abort();
    }
  }
  return 0;
}

}  // namespace shodo::fuzz
