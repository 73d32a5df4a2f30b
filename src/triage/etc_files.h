// Internal to triage: the account files of /etc as the evidence has them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shodo::triage {

struct PasswdEntry {
  std::string name, password, home, shell;
  uint32_t uid = 0, gid = 0;
  uint64_t line = 0, offset = 0;
  std::string text;  // the line as written
};
// Lines that do not have the seven fields are left out.
std::vector<PasswdEntry> parse_passwd(std::string_view text);

struct ShadowEntry {
  std::string name, hash;
  int64_t last_change_day = -1;  // days since 1970-01-01; -1 when empty
  uint64_t line = 0, offset = 0;
  std::string text;
};
std::vector<ShadowEntry> parse_shadow(std::string_view text);

// A shell that lets the account log in (not nologin, false, sync...).
bool is_login_shell(std::string_view shell);

}  // namespace shodo::triage
