// shodo obligations: what Japan's APPI and the card brands ask of the
// company, from an investigated case's leak assessment (with the case's
// current knowledge date), or from facts given as flags ("what if 1,200
// persons?"). Guidance for counsel, not legal advice.
#include <fmt/format.h>

#include "cli/case_options.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/findings_input.h"
#include "investigate/leak_assessment.h"
#include "report/investigation_json.h"
#include "util/escape.h"

namespace shodo::cli {
namespace {

struct ObligationsArgs {
  CommonOptions common;
  CaseOptions c;
  std::string from;
  std::string knowledge_date;
  std::string verdict;
  std::string persons;  // N or MIN-MAX
  bool card = false, credentials = false, sensitive = false, attack = false, skimming = false;
  bool public_body = false, encrypted = false;
};

bool parse_persons(const std::string& s, obligations::Facts& f) {
  const size_t dash = s.find('-');
  try {
    size_t used = 0;
    f.persons_min = std::stoull(s.substr(0, dash), &used);
    if (used != (dash == std::string::npos ? s.size() : dash)) return false;
    f.persons_max = f.persons_min;
    if (dash != std::string::npos) {
      f.persons_max = std::stoull(s.substr(dash + 1), &used);
      if (used != s.size() - dash - 1) return false;
    }
  } catch (const std::exception&) {
    return false;
  }
  return f.persons_min <= f.persons_max && s[0] != '-' && s[0] != '+';
}

void add_statements(std::string& s, const char* heading,
                    const std::vector<obligations::Statement>& list, const std::string& lang) {
  if (list.empty()) return;
  s += fmt::format("\n{}\n", heading);
  for (const obligations::Statement& st : list) {
    s += "  - ";
    util::append_escaped_terminal(s, st.text.in(lang));
    s += "\n    [";
    util::append_escaped_terminal(s, st.rule.in(lang));
    s += "]\n";
  }
}

std::string as_text(const obligations::Assessment& a, const std::string& lang) {
  const bool ja = lang == "ja";
  std::string s;
  util::append_escaped_terminal(s, a.summary.in(lang));
  if (!a.summary_rule.empty()) s += " [" + util::escape_terminal(a.summary_rule.in(lang)) + "]";
  s += "\n";
  if (!a.categories.empty()) {
    s += ja ? "\n該当する類型（施行規則第7条）\n" : "\nCategories (Enforcement Rules art. 7)\n";
    for (const obligations::Category& c : a.categories) {
      s += fmt::format("  {}. ", c.number);
      util::append_escaped_terminal(s, c.name.in(lang));
      s += c.status == "applies" ? (ja ? "：該当\n" : ": applies\n")
                                 : (ja ? "：該当の可能性\n" : ": may apply\n");
      s += "     ";
      util::append_escaped_terminal(s, c.reason.in(lang));
      s += "\n     [" + util::escape_terminal(c.rule.in(lang)) + "]\n";
    }
  }
  add_statements(s, ja ? "個人情報保護委員会への報告" : "Reports to the PPC", a.deadlines, lang);
  add_statements(s, ja ? "本人への通知" : "Notice to the persons", a.notification, lang);
  add_statements(s, ja ? "カード情報" : "Card data", a.card_steps, lang);
  add_statements(s, ja ? "補足" : "Notes", a.notes, lang);
  s += "\n" + a.disclaimer.in(lang) + "\n";
  return s;
}

int run(const ObligationsArgs& a) {
  obligations::Facts f;
  const bool hypothetical = !a.persons.empty() || !a.verdict.empty();
  if (!hypothetical) {
    investigate::Investigation inv;
    std::string case_date;
    if (!load_findings(a.c, a.from, "obligations", inv, &case_date)) return kExitInput;
    const std::string& date = !a.knowledge_date.empty() ? a.knowledge_date
                              : !case_date.empty()      ? case_date
                                                        : inv.case_info.knowledge_date;
    f = investigate::appi_facts(inv.leak, date, a.public_body || inv.leak.public_body);
  } else {
    f.leak_verdict = a.verdict.empty() ? "confirmed" : a.verdict;
    f.knowledge_date = a.knowledge_date;
    f.public_body = a.public_body;
    f.unauthorized_access = a.attack;
    if (!a.persons.empty() && !parse_persons(a.persons, f)) {
      std::fprintf(stderr, "shodo obligations: --persons: N or MIN-MAX, e.g. 250 or 900-1500\n");
      return kExitUsage;
    }
  }
  // Flags add facts to what the case established.
  f.card_data = f.card_data || a.card;
  f.payment_credentials = f.payment_credentials || a.credentials;
  f.sensitive_data = f.sensitive_data || a.sensitive;
  f.unauthorized_access = f.unauthorized_access || a.attack;
  f.skimming = f.skimming || a.skimming;
  f.strongly_encrypted = a.encrypted;
  if (!f.knowledge_date.empty() && obligations::add_days(f.knowledge_date, 0).empty()) {
    std::fprintf(stderr, "shodo obligations: --knowledge-date: not a date (YYYY-MM-DD): %s\n",
                 util::escape_terminal(f.knowledge_date).c_str());
    return kExitUsage;
  }
  const obligations::Assessment assessment = obligations::assess(f);
  Output out(a.common.out);
  if (!out.ok()) return kExitInternal;
  out.write(a.common.format == "json" ? report::appi_json(assessment)
                                      : as_text(assessment, a.common.lang));
  if (!out.finish()) return kExitInternal;
  return assessment.reportable || !assessment.categories.empty() ? kExitFindings : kExitClean;
}

}  // namespace

void add_obligations_command(CLI::App& app, int& exit_code) {
  auto a = std::make_shared<ObligationsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "obligations",
      "What Japan's APPI and the card brands require next (PPC report categories, due dates, "
      "notice to the persons), from the case's leak assessment or from facts given as flags");
  add_case_options(*cmd, a->c, false);
  add_common_options(*cmd, a->common, {"text", "json"});
  cmd->add_option("--from", a->from, "The findings.json to start from (default: the case's)");
  cmd->add_option("--knowledge-date", a->knowledge_date,
                  "The day the company learned of the incident (知った日, YYYY-MM-DD); default "
                  "the case's");
  cmd->add_option("--verdict", a->verdict, "Assess these facts instead of a case: the leak verdict")
      ->check(CLI::IsMember({"confirmed", "likely", "possible", "not-supported"}));
  cmd->add_option("--persons", a->persons,
                  "Assess these facts instead of a case: persons affected, N or MIN-MAX");
  cmd->add_flag("--card", a->card, "Full payment card numbers were exposed");
  cmd->add_flag("--credentials", a->credentials, "Credentials usable to pay were exposed");
  cmd->add_flag("--sensitive", a->sensitive,
                "Special care-required personal information (要配慮個人情報) was exposed");
  cmd->add_flag("--attack", a->attack, "The leak was caused by an attack (unauthorized purpose)");
  cmd->add_flag("--skimming", a->skimming, "Payment-form input was captured by a skimmer");
  cmd->add_flag("--public-body", a->public_body,
                "The organisation is a public body (行政機関等): threshold 100 persons");
  cmd->add_flag("--encrypted", a->encrypted,
                "The data was strongly encrypted and the key did not leak (exempt)");
  cmd->footer(
      "Guidance for the company's counsel, not legal advice; every statement names its rule.\n"
      "Examples:\n"
      "  shodo obligations --case IR-2024-001 --lang ja\n"
      "  shodo obligations --persons 900-1500 --attack --knowledge-date 2024-03-11\n"
      "Exit code 1 when the incident is (or may be) reportable.");
  cmd->final_callback([a, &exit_code] { exit_code = run(*a); });
}

}  // namespace shodo::cli
