#include "pii/email.h"

#include "pii/text_util.h"

namespace shodo::pii {
namespace {

bool is_local_char(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_char(char c) {
  return is_alnum(c) || c == '-' || c == '.';
}

}  // namespace

bool email_around(std::string_view text, size_t at, size_t& begin, size_t& end) {
  size_t b = at;
  while (b > 0 && at - b < 64 && is_local_char(text[b - 1])) --b;
  while (b < at && text[b] == '.') ++b;
  if (b == at) return false;
  size_t e = at + 1;
  while (e < text.size() && e - at <= 253 && is_domain_char(text[e])) ++e;
  while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
  // The last label: letters only, 2 or more; at least one dot before it.
  size_t tld = e;
  while (tld > at + 1 && is_alpha(text[tld - 1])) --tld;
  if (e - tld < 2 || tld <= at + 2 || text[tld - 1] != '.' || text[at + 1] == '.') return false;
  begin = b;
  end = e;
  return true;
}

std::string_view lower_email(std::string_view address, char (&buf)[kMaxEmail]) {
  const size_t n = address.size() < kMaxEmail ? address.size() : kMaxEmail;
  for (size_t k = 0; k < n; ++k) buf[k] = ascii_lower(address[k]);
  return {buf, n};
}

}  // namespace shodo::pii
