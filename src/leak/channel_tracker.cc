// The tracker routes each event to the channels it can belong to; the common
// web request (no SQL byte, not a webshell, no download name) costs a byte
// scan and a look at its extension.
#include "detect/decode/http_decode.h"
#include "leak/downloads.h"
#include "leak/leak.h"
#include "leak/mail_activity.h"
#include "leak/sql_injections.h"
#include "leak/webshell_commands.h"

namespace shodo::leak {

struct ChannelTracker::State {
  explicit State(Config c) : config(std::move(c)), webshells(config.webshell_urls) {}
  Config config;
  InjectionTracker injections;
  DownloadTracker downloads;
  WebshellTracker webshells;
  MailTracker mail;
  std::string decoded_path;  // reused: most paths need no decoding
};

ChannelTracker::ChannelTracker(Config config)
    : state_(std::make_unique<State>(std::move(config))) {}
ChannelTracker::~ChannelTracker() = default;
ChannelTracker::ChannelTracker(ChannelTracker&&) noexcept = default;
ChannelTracker& ChannelTracker::operator=(ChannelTracker&&) noexcept = default;

void ChannelTracker::observe(const WebRequest& r) {
  State& s = *state_;
  const size_t q = r.target.find('?');
  std::string_view path = r.target.substr(0, q);
  const std::string_view query = q == std::string_view::npos ? "" : r.target.substr(q + 1);
  if (may_hold_sql(r.target)) s.injections.observe(r, path, s.config);
  if (path.find('%') != std::string_view::npos &&
      detect::decode::decode_request(path, s.decoded_path))
    path = s.decoded_path;
  if (const std::string_view shell = s.webshells.webshell_of(path); !shell.empty()) {
    s.webshells.observe(r, shell, query, s.config);
    return;
  }
  s.downloads.observe(r, path, query, s.config);
}

void ChannelTracker::observe(const MailEvent& e) {
  state_->mail.observe(e, state_->config);
}

void ChannelTracker::merge(ChannelTracker&& other) {
  State& s = *state_;
  State& o = *other.state_;
  s.injections.merge(std::move(o.injections), s.config);
  s.downloads.merge(std::move(o.downloads), s.config);
  s.webshells.merge(std::move(o.webshells), s.config);
  s.mail.merge(std::move(o.mail), s.config);
}

Channels ChannelTracker::finish() && {
  State& s = *state_;
  Channels c;
  c.sql_injection = std::move(s.injections).finish();
  c.downloads = std::move(s.downloads).finish(s.config, c.downloads_dropped);
  c.webshell_commands = std::move(s.webshells).finish(s.config, c.webshell_commands_dropped);
  c.mail = std::move(s.mail).finish(s.config);
  return c;
}

}  // namespace shodo::leak
