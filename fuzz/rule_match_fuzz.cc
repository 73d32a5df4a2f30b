// The compiled shipped rules on an event made from the input: the first byte
// picks the log kind, the second the status, then one line per text field in
// the order below. Every rule that matches is also explained.
#include "detect/detect.h"
#include "detect/engine/matcher.h"
#include "fuzz/support.h"
#include "fuzz/targets.h"

namespace shodo::fuzz {

int rule_match(const uint8_t* data, size_t size) {
  static const detect::RuleSet rules{detect::RuleSetOptions{}};
  static const auto scratch = rules.matcher().make_scratch();
  if (size < 2) return 0;
  ingest::Event ev;
  ev.kind = static_cast<ingest::LogKind>(data[0] % 7);
  ev.status = 100 + data[1] * 2;
  const std::string_view text = as_text(data + 2, size - 2);
  ev.raw = text;
  std::string_view* const fields[] = {
      &ev.path,      &ev.query,      &ev.user_agent, &ev.referer,        &ev.method,
      &ev.client_ip, &ev.user,       &ev.command,    &ev.message,        &ev.process,
      &ev.action,    &ev.outcome,    &ev.vhost,      &ev.request_target, &ev.forwarded_for,
      &ev.mail_from, &ev.target_user};
  const auto lines = split_lines(text);
  for (size_t i = 0; i < lines.size() && i < std::size(fields); ++i) *fields[i] = lines[i];
  if (lines.size() > std::size(fields)) ev.extra.emplace_back("cookie", lines[std::size(fields)]);
  std::vector<uint32_t> matched;
  rules.matcher().match(ev, *scratch, matched);
  for (uint32_t rule : matched) rules.matcher().explain(ev, rule, *scratch);
  return 0;
}

}  // namespace shodo::fuzz
