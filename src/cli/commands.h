// Each subcommand adds itself to the application; its handler stores the
// exit code. One file per subcommand.
#pragma once

#include <CLI/CLI.hpp>

namespace shodo::cli {

void add_hunt_command(CLI::App& app, int& exit_code);
void add_events_command(CLI::App& app, int& exit_code);
void add_formats_command(CLI::App& app, int& exit_code);
void add_rules_command(CLI::App& app, int& exit_code);
void add_triage_command(CLI::App& app, int& exit_code);
void add_scan_command(CLI::App& app, int& exit_code);
void add_baseline_command(CLI::App& app, int& exit_code);
void add_diff_command(CLI::App& app, int& exit_code);
void add_disk_command(CLI::App& app, int& exit_code);
void add_case_command(CLI::App& app, int& exit_code);
void add_acquire_command(CLI::App& app, int& exit_code);
void add_custody_command(CLI::App& app, int& exit_code);
void add_verify_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_investigate_command(CLI::App& app, int& exit_code);
void add_pivot_command(CLI::App& app, int& exit_code);
void add_pii_command(CLI::App& app, int& exit_code);
void add_obligations_command(CLI::App& app, int& exit_code);

}  // namespace shodo::cli
