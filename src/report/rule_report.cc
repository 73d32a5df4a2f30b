#include "report/rule_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "detect/engine/matcher.h"
#include "util/escape.h"

namespace shodo::report {
namespace {

using detect::sigma::Problem;

std::string_view kind_name(Problem::Kind k) {
  switch (k) {
    case Problem::Kind::error: return "error";
    case Problem::Kind::unsupported: return "unsupported";
    case Problem::Kind::other_source: return "other-log-source";
  }
  return "error";
}

std::string where(const std::string& file, int line) {
  return line > 0 ? fmt::format("{}:{}", file, line) : file;
}

std::string logsource_text(const detect::sigma::LogSource& ls) {
  std::string out;
  for (auto [k, v] : {std::pair{"category", &ls.category}, std::pair{"product", &ls.product},
                      std::pair{"service", &ls.service}})
    if (!v->empty()) out += (out.empty() ? "" : " ") + std::string(k) + "=" + *v;
  return out;
}

}  // namespace

std::string render_rule_lint(const detect::RuleSet& rules, std::string_view format) {
  size_t errors = 0, unsupported = 0, other = 0;
  for (const Problem& p : rules.problems()) {
    if (p.kind == Problem::Kind::error) ++errors;
    if (p.kind == Problem::Kind::unsupported) ++unsupported;
    if (p.kind == Problem::Kind::other_source) ++other;
  }
  if (format == "json") {
    nlohmann::ordered_json j;
    j["files"] = rules.files();
    j["rules"] = rules.rules().size();
    j["correlations"] = rules.correlations().size();
    j["running"] = rules.running_rules();
    auto& probs = j["not_run"] = nlohmann::ordered_json::array();
    for (const Problem& p : rules.problems())
      probs.push_back({{"file", p.file},
                       {"line", p.line},
                       {"rule", p.rule},
                       {"kind", kind_name(p.kind)},
                       {"reason", p.reason}});
    auto& notes = j["notes"] = nlohmann::ordered_json::array();
    for (const auto& n : rules.notes()) {
      if (n.unsupported) continue;
      const auto& m = rules.rules()[n.rule].meta;
      notes.push_back(
          {{"file", m.file}, {"line", m.line}, {"rule", detect::rule_key(m)}, {"note", n.text}});
    }
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  std::string out = fmt::format(
      "{} rule files: {} rules ({} run), {} correlations; not run: {} errors, {} unsupported, "
      "{} for log sources shodo does not read\n",
      rules.files(), rules.rules().size(), rules.running_rules(), rules.correlations().size(),
      errors, unsupported, other);
  for (const Problem& p : rules.problems())
    out +=
        fmt::format("{}: {}: {}{}\n", util::escape_terminal(where(p.file, p.line)),
                    kind_name(p.kind), p.rule.empty() ? "" : util::escape_terminal(p.rule) + ": ",
                    util::escape_terminal(p.reason));
  for (const auto& n : rules.notes()) {
    if (n.unsupported) continue;
    const auto& m = rules.rules()[n.rule].meta;
    out += fmt::format("{}: note: {}: {}\n", util::escape_terminal(where(m.file, m.line)),
                       util::escape_terminal(detect::rule_key(m)), util::escape_terminal(n.text));
  }
  return out;
}

std::string render_rule_test(const detect::ExampleReport& r, std::string_view format) {
  if (format == "json") {
    nlohmann::ordered_json j;
    j["rules_with_examples"] = r.rules_with_examples;
    j["rules_without_examples"] = r.rules_without_examples;
    j["examples"] = r.examples;
    auto& f = j["failures"] = nlohmann::ordered_json::array();
    for (const auto& x : r.failures)
      f.push_back({{"rule", x.rule},
                   {"file", x.file},
                   {"line", x.line},
                   {"expected", x.expected_match ? "match" : "no match"},
                   {"example", x.example},
                   {"reason", x.reason}});
    j["untested"] = r.untested;
    auto& n = j["not_loaded"] = nlohmann::ordered_json::array();
    for (const Problem& p : r.not_loaded)
      n.push_back({{"file", p.file}, {"line", p.line}, {"rule", p.rule}, {"reason", p.reason}});
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  std::string out;
  for (const auto& x : r.failures)
    out += fmt::format("FAIL {} ({}): expected {}, got: {}\n  {}\n", util::escape_terminal(x.rule),
                       util::escape_terminal(where(x.file, x.line)),
                       x.expected_match ? "a match" : "no match", util::escape_terminal(x.reason),
                       util::escape_terminal(x.example));
  for (const auto& u : r.untested) out += fmt::format("untested: {}\n", util::escape_terminal(u));
  for (const Problem& p : r.not_loaded)
    out += fmt::format("NOT LOADED {}: {}\n", util::escape_terminal(where(p.file, p.line)),
                       util::escape_terminal(p.reason));
  out += fmt::format("{} examples of {} rules: {} passed, {} failed; {} rules have no examples\n",
                     r.examples, r.rules_with_examples, r.examples - r.failures.size(),
                     r.failures.size(), r.rules_without_examples);
  if (!r.not_loaded.empty())
    out += fmt::format(
        "{} rules or files did not load, and their examples did not run "
        "(see shodo rules lint)\n",
        r.not_loaded.size());
  return out;
}

std::string render_rule_list(const detect::RuleSet& rules, std::string_view format) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  std::string text;
  if (format == "csv") text = "level,id,title,logsource,tags,file\n";
  for (uint32_t i = 0; i < rules.rules().size(); ++i) {
    if (!rules.matcher().runs(i)) continue;
    const auto& r = rules.rules()[i];
    std::string tags;
    for (const auto& t : r.meta.tags) tags += (tags.empty() ? "" : " ") + t;
    const std::string level(detect::level_name(r.meta.level));
    if (format == "json") {
      arr.push_back({{"id", detect::rule_key(r.meta)},
                     {"title", r.meta.title},
                     {"level", level},
                     {"logsource", logsource_text(r.logsource)},
                     {"tags", r.meta.tags},
                     {"file", r.meta.file}});
    } else if (format == "csv") {
      for (const std::string& cell :
           {level, detect::rule_key(r.meta), r.meta.title, logsource_text(r.logsource), tags})
        util::append_csv_cell(text, cell), text += ',';
      util::append_csv_cell(text, r.meta.file);
      text += '\n';
    } else {
      text += fmt::format(
          "{:<13} {:<36} {}  [{}] {}\n", level, util::escape_terminal(detect::rule_key(r.meta)),
          util::escape_terminal(r.meta.title), util::escape_terminal(logsource_text(r.logsource)),
          util::escape_terminal(tags));
    }
  }
  if (format == "json")
    return arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return text;
}

}  // namespace shodo::report
