#include "detect/stateful/evidence.h"
#include "leak/leak.h"

namespace shodo::leak {

std::optional<WebRequest> web_request(const ingest::Event& ev) {
  if (ev.kind != ingest::LogKind::web_access) return std::nullopt;
  WebRequest r;
  r.time = ev.time;
  r.ip = ev.client_ip;
  r.method = ev.method;
  r.target = ev.request_target.empty() ? ev.path : ev.request_target;
  r.status = ev.status;
  r.bytes = ev.bytes_sent;
  r.duration_us = ev.duration_us;
  r.cite = detect::citation_of(ev);
  return r;
}

std::optional<MailEvent> mail_event(const ingest::Event& ev) {
  if (ev.kind != ingest::LogKind::mail) return std::nullopt;
  MailEvent m;
  m.time = ev.time;
  m.queue_id = ev.mail_id;
  m.action = ev.action;
  m.process = ev.process;
  m.from = ev.mail_from;
  m.to = ev.mail_to;
  m.client = ev.client_ip;
  for (const auto& [name, value] : ev.extra) {
    if (name == "mail.uid") m.uid = value;
    if (name == "mail.relay") m.relay = value;
  }
  m.cite = detect::citation_of(ev);
  return m;
}

}  // namespace shodo::leak
