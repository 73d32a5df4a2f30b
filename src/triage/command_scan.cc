#include "triage/command_scan.h"

#include <re2/re2.h>

#include "detect/detect.h"
#include "ingest/formats/registry.h"

namespace shodo::triage {

CommandScanner::CommandScanner(const detect::RuleSet* rules) : rules_(rules) {
  std::string error;
  utc_ = ingest::Zone::locate("UTC", error);
  auto marker = [&](std::string name, std::string title, std::string title_ja,
                    std::string technique, std::string_view pattern) {
    markers_.push_back({std::move(name), std::move(title), std::move(title_ja),
                        std::move(technique), std::make_unique<re2::RE2>(pattern)});
  };
  marker("base64_decode", "Scheduled command decodes base64", "定期実行のコマンドが base64 を復号",
         "T1140", R"(\bbase64\s+(?:-\w*d|--decode)\b)");
  marker("temp_path", "Scheduled command uses a temporary folder",
         "定期実行のコマンドが一時フォルダを使用", "T1105",
         R"((?:^|[\s'"=;&|<>(])/(?:tmp|var/tmp|dev/shm)/)");
}

CommandScanner::~CommandScanner() = default;

std::vector<CommandHit> CommandScanner::scan_history(std::string_view path, std::string_view format,
                                                     const std::vector<CommandLine>& lines) const {
  std::vector<CommandHit> hits;
  std::string error;
  ingest::ParserChoice choice = ingest::parser_for_spec(format, error);
  if (!rules_ || !choice.parser) return hits;
  const ingest::FileContext file{path, 0, utc_.get()};
  ingest::Arena arena;
  ingest::ParseContext parse;
  parse.file = &file;
  parse.arena = &arena;
  parse.zone.set_zone(utc_.get());
  ingest::Batch batch;
  for (const CommandLine& l : lines) {
    ingest::Event ev;
    ev.line = l.line;
    ev.offset = l.offset;
    ev.raw = l.text;
    ev.kind = choice.kind;
    if (choice.parser->parse(l.text, ev, parse) == ingest::LineResult::event)
      batch.events.push_back(std::move(ev));
  }
  detect::HuntOptions options;
  options.detectors = false;
  detect::Hunt hunt(*rules_, options);
  hunt.process(batch, 0);
  hunt.ordered(batch);
  for (detect::Finding& f : hunt.finish()) {
    if (f.source != detect::Finding::Source::sigma) continue;
    hits.push_back({f.rule_id, std::move(f.title), std::move(f.title_ja), f.level,
                    std::move(f.techniques), f.cite.line, f.cite.offset, std::move(f.value)});
  }
  return hits;
}

std::vector<CommandHit> CommandScanner::scan_commands(std::string_view path,
                                                      const std::vector<CommandLine>& lines) const {
  std::vector<CommandHit> hits = scan_history(path, "bash_history", lines);
  for (const CommandLine& l : lines)
    for (const Marker& m : markers_)
      if (re2::RE2::PartialMatch(l.text, *m.re))
        hits.push_back({"marker." + m.name,
                        m.title,
                        m.title_ja,
                        detect::Level::medium,
                        {m.technique},
                        l.line,
                        l.offset,
                        std::string(l.text.substr(0, 1024))});
  return hits;
}

}  // namespace shodo::triage
