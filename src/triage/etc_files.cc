#include "triage/etc_files.h"

#include <charconv>

#include "triage/context.h"

namespace shodo::triage {
namespace {

std::vector<std::string_view> split_colons(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t end = line.find(':', start);
    if (end == std::string_view::npos) {
      fields.push_back(line.substr(start));
      return fields;
    }
    fields.push_back(line.substr(start, end - start));
    start = end + 1;
  }
}

template <typename T>
bool parse_number(std::string_view text, T& out) {
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && p == text.data() + text.size();
}

}  // namespace

std::vector<PasswdEntry> parse_passwd(std::string_view text) {
  std::vector<PasswdEntry> out;
  for_each_line(text, [&](std::string_view line, uint64_t n, uint64_t offset) {
    auto f = split_colons(line);
    PasswdEntry e;
    if (f.size() != 7 || f[0].empty() || !parse_number(f[2], e.uid) || !parse_number(f[3], e.gid))
      return;
    e.name = f[0];
    e.password = f[1];
    e.home = f[5];
    e.shell = f[6];
    e.line = n;
    e.offset = offset;
    e.text = line;
    out.push_back(std::move(e));
  });
  return out;
}

std::vector<ShadowEntry> parse_shadow(std::string_view text) {
  std::vector<ShadowEntry> out;
  for_each_line(text, [&](std::string_view line, uint64_t n, uint64_t offset) {
    auto f = split_colons(line);
    if (f.size() < 3 || f[0].empty()) return;
    ShadowEntry e;
    e.name = f[0];
    e.hash = f[1];
    if (!f[2].empty() && !parse_number(f[2], e.last_change_day)) e.last_change_day = -1;
    e.line = n;
    e.offset = offset;
    e.text = line;
    out.push_back(std::move(e));
  });
  return out;
}

bool is_login_shell(std::string_view shell) {
  for (std::string_view no : {"nologin", "false", "sync", "halt", "shutdown"})
    if (shell.ends_with(no)) return false;
  return true;  // an empty shell field means /bin/sh
}

}  // namespace shodo::triage
