// Each subcommand adds itself to the application; its handler stores the
// exit code. One file per subcommand.
#pragma once

#include <CLI/CLI.hpp>

namespace shodo::cli {

void add_hunt_command(CLI::App& app, int& exit_code);
void add_events_command(CLI::App& app, int& exit_code);
void add_formats_command(CLI::App& app, int& exit_code);
void add_rules_command(CLI::App& app, int& exit_code);

}  // namespace shodo::cli
