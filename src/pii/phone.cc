#include "pii/phone.h"

#include <array>

namespace shodo::pii {
namespace {

// Byte by byte: the prefixes are 3 or 4 bytes, a library call costs more.
bool starts(std::string_view s, std::string_view p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i)
    if (s[i] != p[i]) return false;
  return true;
}

}  // namespace

std::string_view phone_kind_name(PhoneKind kind) {
  static constexpr std::array<std::string_view, kPhoneKinds> kNames = {"mobile", "ip", "landline"};
  return kNames[static_cast<size_t>(kind)];
}

bool parse_jp_phone(std::string_view text, NationalNumber& out, PhoneKind& kind) {
  out.size = 0;
  bool international = false;
  if (starts(text, "+81")) {
    international = true;
    text.remove_prefix(3);
    if (!text.empty() && (text[0] == ' ' || text[0] == '-')) text.remove_prefix(1);
    out.digits[out.size++] = '0';
  }
  size_t groups = 0, group = 0;
  char separator = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      if (out.size == sizeof(out.digits)) return false;
      out.digits[out.size++] = c;
      ++group;
      continue;
    }
    if ((c != ' ' && c != '-') || group == 0 || (separator && separator != c)) return false;
    separator = c;
    ++groups;
    group = 0;
  }
  if (group == 0) return false;
  ++groups;
  if (groups > 3 || (groups > 1 && group != 4)) return false;
  const std::string_view n = out.view();
  if (n.size() < 10 || n[0] != '0' || (international && n[1] == '0')) return false;
  if (n.size() == 11) {
    if (starts(n, "0800")) return false;
    if (starts(n, "070") || starts(n, "080") || starts(n, "090")) {
      kind = PhoneKind::mobile;
      return true;
    }
    if (starts(n, "050")) {
      kind = PhoneKind::ip;
      return true;
    }
    return false;
  }
  // 10 digits: geographic numbers have a non-zero second digit, and 0X0
  // prefixes (020, 050, 070, 080, 090) take 11 digits.
  if (n[1] == '0' || n[2] == '0' || starts(n, "0120") || starts(n, "0570") || starts(n, "0990"))
    return false;
  kind = PhoneKind::landline;
  return true;
}

}  // namespace shodo::pii
