#include "ingest/formats/registry.h"

#include <algorithm>

namespace shodo::ingest {

const FormatRegistry& FormatRegistry::instance() {
  static const FormatRegistry registry = [] {
    FormatRegistry r;
    register_template_formats(r);
    register_w3c_formats(r);
    register_json_formats(r);
    register_aws_formats(r);
    register_syslog_formats(r);
    register_error_log_formats(r);
    register_shell_history_formats(r);
    return r;
  }();
  return registry;
}

void FormatRegistry::add(std::string name, LogKind kind, std::string description,
                         std::function<std::unique_ptr<LineParser>()> make, int specificity) {
  FormatInfo f;
  f.name = std::move(name);
  f.kind = kind;
  f.description = std::move(description);
  f.make = std::move(make);
  f.specificity = specificity;
  add(std::move(f));
}

const FormatInfo* FormatRegistry::find(std::string_view name) const {
  for (const auto& f : formats_)
    if (f.name == name) return &f;
  return nullptr;
}

ParserChoice parser_for_spec(std::string_view spec, std::string& error) {
  ParserChoice out;
  auto with_prefix = [&](std::string_view prefix) {
    if (!spec.starts_with(prefix)) return false;
    spec.remove_prefix(prefix.size());
    return true;
  };
  if (with_prefix("apache:")) {
    out.parser = make_apache_format_parser(spec, error);
    out.name = "apache custom";
    out.kind = LogKind::web_access;
  } else if (with_prefix("nginx:")) {
    out.parser = make_nginx_format_parser(spec, error);
    out.name = "nginx custom";
    out.kind = LogKind::web_access;
  } else if (with_prefix("map:")) {
    out.parser = make_field_map_parser(spec, error);
    out.name = "field map " + std::string(spec);
    out.kind = LogKind::web_access;
  } else if (const FormatInfo* f = FormatRegistry::instance().find(spec)) {
    out.parser = f->make();
    out.name = f->name;
    out.kind = f->kind;
  } else {
    error = "unknown log format '" + std::string(spec) +
            "': give a preset name (see `shodo formats`), apache:'LogFormat string', "
            "nginx:'log_format string' or map:FILE";
  }
  return out;
}

Detection detect_format(const std::vector<std::string_view>& sample, const FileContext& file) {
  Detection best;
  const FormatRegistry& reg = FormatRegistry::instance();

  for (const auto& f : reg.formats()) {
    if (f.name_says && f.name_says(file.path)) {
      best.choice = {f.make(), f.name, f.kind};
      best.lines_tried = best.lines_parsed = sample.size();
      return best;
    }
  }

  Arena arena;
  ParseContext ctx;
  ctx.file = &file;
  ctx.arena = &arena;
  ctx.zone.set_zone(file.zone);
  Event ev;
  const FormatInfo* winner = nullptr;
  size_t winner_parsed = 0, winner_events = 0;
  const size_t tried = static_cast<size_t>(
      std::count_if(sample.begin(), sample.end(), [](std::string_view l) { return !l.empty(); }));

  for (const auto& f : reg.formats()) {
    if (!f.detect) continue;
    auto parser = f.make();
    size_t events = 0, meta = 0;
    for (std::string_view line : sample) {
      if (line.empty()) continue;
      ev.clear();
      ev.raw = line;
      ev.kind = f.kind;
      switch (parser->parse(line, ev, ctx)) {
        case LineResult::event: ++events; break;
        case LineResult::meta: ++meta; break;
        case LineResult::bad: break;
      }
      arena.reset();
    }
    if (events == 0) continue;
    const size_t parsed = events + meta;
    const bool better =
        !winner || parsed > winner_parsed ||
        (parsed == winner_parsed && f.specificity > winner->specificity) ||
        (parsed == winner_parsed && f.specificity == winner->specificity && events > winner_events);
    if (better) {
      winner = &f;
      winner_parsed = parsed;
      winner_events = events;
    }
  }
  best.lines_tried = tried;
  if (winner && winner_parsed * 2 >= tried) {
    best.choice = {winner->make(), winner->name, winner->kind};
    best.lines_parsed = winner_parsed;
  }
  return best;
}

}  // namespace shodo::ingest
