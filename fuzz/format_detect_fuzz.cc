// Format detection on a file's first lines, then the chosen parser on all
// of them. The first byte picks the file name (shell histories are known by
// name); the rest is the file.
#include "fuzz/support.h"
#include "fuzz/targets.h"
#include "ingest/formats/registry.h"

namespace shodo::fuzz {

int format_detect(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kPaths[] = {
      "access.log", "home/u/.bash_history", "home/u/.zsh_history",
      "home/u/.local/share/fish/fish_history", "auth.log"};
  ingest::FileContext file;
  file.path = kPaths[data[0] % std::size(kPaths)];
  file.mtime_s = 1710000000;
  file.zone = fuzz_zone();
  const auto lines = split_lines(as_text(data + 1, size - 1));
  // The pipeline samples a bounded number of lines; so does this.
  const std::vector<std::string_view> sample(lines.begin(),
                                             lines.begin() + std::min<size_t>(lines.size(), 64));
  ingest::Detection d = ingest::detect_format(sample, file);
  if (d.choice.parser) parse_lines(*d.choice.parser, d.choice.kind, lines, file);
  return 0;
}

}  // namespace shodo::fuzz
