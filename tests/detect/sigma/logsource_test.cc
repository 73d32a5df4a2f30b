// Sigma log sources onto the kinds of logs shodo reads.
#include "detect/sigma/logsource.h"

#include <gtest/gtest.h>

namespace shodo::detect::sigma {
namespace {

using ingest::LogKind;

std::string describe_filter(const std::optional<SourceFilter>& f) {
  if (!f) return "none";
  std::string out;
  for (LogKind k : f->kinds)
    out += (out.empty() ? "" : ",") + std::string(ingest::log_kind_name(k));
  for (const std::string& p : f->processes) out += " " + p;
  return out;
}

TEST(SigmaLogSource, MapsSourcesShodoReads) {
  const struct {
    LogSource source;  // category, product, service
    const char* expected;
  } cases[] = {
      {{"webserver", "", ""}, "web-access"},
      {{"webserver", "apache", ""}, "web-access"},
      {{"proxy", "", ""}, "web-access"},
      {{"", "nginx", ""}, "web-access"},
      {{"", "apache", "error"}, "web-error"},
      {{"", "iis", "error"}, "web-error"},
      {{"webserver_error", "", ""}, "web-error"},
      {{"", "linux", "auth"}, "auth"},
      {{"", "linux", "sshd"}, "auth sshd"},
      {{"", "linux", "sudo"}, "auth sudo"},
      {{"", "linux", "cron"}, "syslog,auth CRON cron crond CROND crontab"},
      {{"", "linux", "syslog"}, "syslog,auth,mail"},
      {{"", "linux", ""}, "syslog,auth,mail"},
      {{"", "linux", "mail"}, "mail"},
      {{"mail", "", ""}, "mail"},
      {{"shell_history", "linux", ""}, "shell-history"},
      {{"", "", "shell_history"}, "shell-history"},
      {{"process_creation", "windows", ""}, "none"},
      {{"process_creation", "linux", ""}, "none"},
      {{"", "linux", "auditd"}, "none"},
      {{"", "aws", "cloudtrail"}, "none"},
      {{"", "windows", "mail"}, "none"},
      {{"", "", ""}, "none"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(describe_filter(source_filter(c.source)), c.expected) << describe(c.source);
}

}  // namespace
}  // namespace shodo::detect::sigma
