// Syslog files (RFC 3164 / high-precision / RFC 5424) and Exim's main log.
// The line grammar lives in syslog/; program messages (sshd, sudo, Postfix...)
// are read in syslog/auth_messages.cc and syslog/mail_messages.cc.
#include "ingest/formats/registry.h"
#include "ingest/formats/syslog/syslog.h"

namespace shodo::ingest {
namespace {

class SyslogParser final : public LineParser {
 public:
  explicit SyslogParser(bool only_5424) : only_5424_(only_5424) {}
  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override {
    if (syslog::looks_5424(line)) return syslog::parse_5424(line, ev, ctx);
    if (only_5424_) {
      ctx.error = "not an RFC 5424 line";
      return LineResult::bad;
    }
    return syslog::parse_bsd(line, ev, ctx);
  }
  std::unique_ptr<LineParser> clone() const override {
    return std::make_unique<SyslogParser>(only_5424_);
  }

 private:
  bool only_5424_;
};

class EximParser final : public LineParser {
 public:
  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override {
    return syslog::parse_exim(line, ev, ctx);
  }
  std::unique_ptr<LineParser> clone() const override { return std::make_unique<EximParser>(); }
};

}  // namespace

void register_syslog_formats(FormatRegistry& r) {
  FormatInfo f;
  f.name = "syslog";
  f.kind = LogKind::syslog;
  f.description =
      "syslog files: RFC 3164 (Jan  2 03:04:05 host tag[pid]: msg), rsyslog high precision, "
      "RFC 5424; sign-in, sudo, account, cron and mail messages are read";
  f.make = [] { return std::make_unique<SyslogParser>(false); };
  // "time host free-text" also fits some other logs (classic ELB lines start
  // with an RFC 3339 time and a name): syslog loses such ties.
  f.specificity = -1;
  r.add(f);

  f.name = "syslog5424";
  f.description = "RFC 5424 syslog (<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG)";
  f.make = [] { return std::make_unique<SyslogParser>(true); };
  f.specificity = 5;
  r.add(f);

  f.name = "exim";
  f.kind = LogKind::mail;
  f.description = "Exim main log (2024-01-02 03:04:05 1rAbCd-000123-Ab <= sender ...)";
  f.make = [] { return std::make_unique<EximParser>(); };
  // Lines without a message id are free text after a time: Exim, too, loses ties.
  f.specificity = -1;
  r.add(std::move(f));
}

}  // namespace shodo::ingest
