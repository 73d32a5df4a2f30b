// shodo rules lint|test|list: what the loaded rules are, how they run, and
// whether their own examples hold.
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "detect/detect.h"
#include "report/rule_report.h"

namespace shodo::cli {
namespace {

struct RulesArgs {
  std::vector<std::string> dirs;
  bool no_default = false;
  std::string format = "text";
  std::string out;
};

void add_rule_source_options(CLI::App& cmd, RulesArgs& a) {
  cmd.add_option("--rules", a.dirs,
                 "Also load the Sigma rules in this folder or file (repeatable), e.g. a SigmaHQ "
                 "checkout")
      ->allow_extra_args(false);
  cmd.add_flag("--no-default-rules", a.no_default, "Do not load the rules shipped with shodo");
  cmd.add_option("-o,--out", a.out, "Write to this file instead of standard output");
}

detect::RuleSetOptions rule_set_options(const RulesArgs& a) {
  detect::RuleSetOptions o;
  o.dirs = a.dirs;
  o.shipped = !a.no_default;
  return o;
}

int write_out(const RulesArgs& a, const std::string& text) {
  Output out(a.out);
  if (!out.ok()) {
    std::fprintf(stderr, "shodo rules: cannot write %s\n", a.out.c_str());
    return kExitInternal;
  }
  out.write(text);
  return out.finish() ? kExitClean : kExitInternal;
}

}  // namespace

void add_rules_command(CLI::App& app, int& exit_code) {
  CLI::App* rules = app.add_subcommand("rules", "Check, test and list the detection rules");
  rules->require_subcommand(1);

  auto lint = std::make_shared<RulesArgs>();
  CLI::App* lint_cmd = rules->add_subcommand(
      "lint",
      "Load every rule and list those that cannot run, with the reason, and how the "
      "others run (exit 1 when a rule file is malformed)");
  add_rule_source_options(*lint_cmd, *lint);
  lint_cmd->add_option("--format", lint->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  lint_cmd->footer("Examples:\n  shodo rules lint\n  shodo rules lint --rules ~/sigma/rules/web");
  lint_cmd->final_callback([lint, &exit_code] {
    const detect::RuleSet set(rule_set_options(*lint));
    exit_code = write_out(*lint, report::render_rule_lint(set, lint->format));
    const bool malformed =
        std::any_of(set.problems().begin(), set.problems().end(),
                    [](const auto& p) { return p.kind == detect::sigma::Problem::Kind::error; });
    if (exit_code == kExitClean && malformed) exit_code = kExitFindings;
  });

  auto test = std::make_shared<RulesArgs>();
  CLI::App* test_cmd = rules->add_subcommand(
      "test",
      "Run the matching and non-matching examples every rule carries (exit 1 on a "
      "failure or a rule that does not load)");
  add_rule_source_options(*test_cmd, *test);
  test_cmd->footer(
      "Examples:\n  shodo rules test\n  shodo rules test --no-default-rules --rules my-rules/");
  test_cmd->add_option("--format", test->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  test_cmd->final_callback([test, &exit_code] {
    const detect::RuleSet set(rule_set_options(*test));
    const detect::ExampleReport report = detect::test_examples(set);
    exit_code = write_out(*test, report::render_rule_test(report, test->format));
    if (exit_code == kExitClean && (!report.failures.empty() || !report.not_loaded.empty()))
      exit_code = kExitFindings;
  });

  auto list = std::make_shared<RulesArgs>();
  CLI::App* list_cmd = rules->add_subcommand("list", "List the rules that run");
  add_rule_source_options(*list_cmd, *list);
  list_cmd->footer("Examples:\n  shodo rules list\n  shodo rules list --format csv -o rules.csv");
  list_cmd->add_option("--format", list->format, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  list_cmd->final_callback([list, &exit_code] {
    const detect::RuleSet set(rule_set_options(*list));
    exit_code = write_out(*list, report::render_rule_list(set, list->format));
  });
}

}  // namespace shodo::cli
