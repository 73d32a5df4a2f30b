#include "fuzz/targets.h"

namespace shodo::fuzz {

std::span<const NamedTarget> all_targets() {
  static constexpr NamedTarget kTargets[] = {
      {"format_detect", format_detect},     {"log_line", log_line},
      {"log_template", log_template},       {"pipeline", pipeline},
      {"sigma_rule", sigma_rule},           {"sigma_condition", sigma_condition},
      {"http_decode", http_decode},         {"rule_match", rule_match},
      {"archive_entries", archive_entries}, {"disk_image", disk_image},
      {"findings_json", findings_json},     {"pii_scan", pii_scan},
      {"sql_payload", sql_payload},         {"fixed_layout", fixed_layout},
      {"rule_blocks", rule_blocks},         {"hunt", hunt},
  };
  return kTargets;
}

}  // namespace shodo::fuzz
