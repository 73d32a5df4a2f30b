// shodo formats: the log formats shodo reads, by preset name.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "ingest/formats/registry.h"

namespace shodo::cli {

void add_formats_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd =
      app.add_subcommand("formats", "List the log formats shodo reads (names for --log-format)");
  cmd->footer(
      "Besides these presets, --log-format takes apache:'LogFormat string',\n"
      "nginx:'log_format string' and map:FILE (a JSON/CSV field map, see share/field-maps/).\n"
      "Example:\n  shodo formats");
  cmd->final_callback([&exit_code] {
    for (const auto& f : ingest::FormatRegistry::instance().formats()) {
      fmt::print("{:<20} {:<14} {}{}\n", f.name, ingest::log_kind_name(f.kind), f.description,
                 f.detect ? "" : " (chosen by file name or --log-format)");
    }
    exit_code = kExitClean;
  });
}

}  // namespace shodo::cli
