#include "files/heuristics/pattern.h"

namespace shodo::files {
namespace {

re2::RE2::Options options(bool case_insensitive) {
  re2::RE2::Options o;
  o.set_encoding(re2::RE2::Options::EncodingLatin1);
  o.set_case_sensitive(!case_insensitive);
  o.set_log_errors(false);
  o.set_max_mem(32 << 20);
  return o;
}

}  // namespace

Pattern::Pattern(const char* re, bool case_insensitive)
    : re_(std::make_unique<re2::RE2>(re, options(case_insensitive))) {}

void Pattern::each(
    std::string_view text,
    const std::function<bool(std::string_view, const std::vector<std::string_view>&)>& fn) const {
  const int groups = re_->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<size_t>(groups) + 1);
  std::vector<std::string_view> out(static_cast<size_t>(groups));
  const re2::StringPiece all(text.data(), text.size());
  size_t pos = 0;
  while (pos <= text.size() &&
         re_->Match(all, pos, text.size(), re2::RE2::UNANCHORED, sub.data(), groups + 1)) {
    for (int i = 0; i < groups; ++i)
      out[static_cast<size_t>(i)] = std::string_view(sub[i + 1].data(), sub[i + 1].size());
    std::string_view whole(sub[0].data(), sub[0].size());
    if (!fn(whole, out)) return;
    size_t end = static_cast<size_t>(sub[0].data() - text.data()) + sub[0].size();
    pos = end > pos ? end : pos + 1;
  }
}

std::string_view Pattern::find(std::string_view text) const {
  std::string_view found;
  each(text, [&](std::string_view m, const std::vector<std::string_view>&) {
    found = m.data() ? m : std::string_view(text.data(), 0);
    return false;
  });
  return found;
}

size_t Pattern::count(std::string_view text, size_t stop_at) const {
  size_t n = 0;
  each(text, [&](std::string_view, const std::vector<std::string_view>&) { return ++n < stop_at; });
  return n;
}

}  // namespace shodo::files
