#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/commands.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  using namespace shodo::cli;
  CLI::App app{
      "shodo (初動): first response to website breaches — logs, webroots and disk images "
      "into cited findings"};
  app.set_version_flag("--version", "shodo " SHODO_VERSION);
  app.require_subcommand(1);
  app.footer("Run `shodo COMMAND --help` for a command's flags and examples.");
  int exit_code = kExitClean;
  add_investigate_command(app, exit_code);
  add_pivot_command(app, exit_code);
  add_pii_command(app, exit_code);
  add_obligations_command(app, exit_code);
  add_hunt_command(app, exit_code);
  add_events_command(app, exit_code);
  add_formats_command(app, exit_code);
  add_rules_command(app, exit_code);
  add_triage_command(app, exit_code);
  add_scan_command(app, exit_code);
  add_baseline_command(app, exit_code);
  add_diff_command(app, exit_code);
  add_disk_command(app, exit_code);
  add_case_command(app, exit_code);
  add_acquire_command(app, exit_code);
  add_custody_command(app, exit_code);
  add_verify_command(app, exit_code);
  add_export_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "shodo: internal error: %s\n", e.what());
    return kExitInternal;
  }
  return exit_code;
}
