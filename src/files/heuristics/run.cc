#include "files/heuristics/heuristics.h"

namespace shodo::files {

std::vector<Signal> run_heuristics(const FileContext& c) {
  std::vector<Signal> out;
  if (c.has_content) {
    check_input_to_sink(c, out);
    check_decoding(c, out);
    check_obfuscation(c, out);
    check_polyglot(c, out);
    check_htaccess(c, out);
    check_skimmer(c, out);
    check_seo_spam(c, out);
  }
  check_placement(c, out);
  check_time(c, out);
  return out;
}

}  // namespace shodo::files
