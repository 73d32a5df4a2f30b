// The custody log's hash chain: each event's hash covers its fields and the
// previous event's hash, so editing, deleting, inserting or reordering any
// recorded event breaks a link that `custody verify` names.
#include <openssl/evp.h>

#include <string>

#include "case/case.h"
#include "util/escape.h"
#include "util/hex.h"

namespace shodo::cases {
namespace {

void field(std::string& out, std::string_view key, std::string_view value) {
  if (out.size() > 1) out += ',';
  out += '"';
  out += key;
  out += "\":\"";
  util::append_json_string(out, value);
  out += '"';
}

std::string sha256_hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  return util::to_hex(md, len);
}

}  // namespace

// A JSON object with a fixed key order and fixed escaping: the same event
// always gives the same bytes. Versioned so the layout can change later.
std::string custody_canonical(const CustodyEvent& e) {
  std::string out = "{";
  field(out, "v", "shodo-custody-1");
  field(out, "seq", std::to_string(e.seq));
  field(out, "item", std::to_string(e.item_id));
  field(out, "action", e.action);
  field(out, "actor", e.actor);
  field(out, "time_utc", e.time_utc);
  field(out, "time_local", e.time_local);
  field(out, "zone", e.zone);
  field(out, "purpose", e.purpose);
  field(out, "hashes", e.hashes_json);
  field(out, "matched", e.matched);
  field(out, "tool", e.tool);
  field(out, "host", e.host);
  field(out, "details", e.details);
  field(out, "prev", e.prev_hash);
  out += '}';
  return out;
}

std::string custody_event_hash(const CustodyEvent& e) {
  return sha256_hex(custody_canonical(e));
}

ChainCheck verify_custody_chain(const std::vector<CustodyEvent>& events, int64_t head_seq,
                                const std::string& head_hash) {
  ChainCheck c;
  c.events = events.size();
  auto broken = [&c](int64_t seq, std::string reason) {
    c.ok = false;
    c.first_bad_seq = seq;
    c.reason = std::move(reason);
    return c;
  };
  std::string prev;
  int64_t expected_seq = 1;
  for (const CustodyEvent& e : events) {
    const std::string n = "event " + std::to_string(e.seq);
    if (e.seq != expected_seq)
      return broken(expected_seq, e.seq > expected_seq ? "event " + std::to_string(expected_seq) +
                                                             " is missing (deleted)"
                                                       : n + " is out of order");
    if (custody_event_hash(e) != e.event_hash)
      return broken(e.seq, n + " was altered: its content no longer matches its hash");
    if (e.prev_hash != prev)
      return broken(e.seq, n + " does not follow the event before it (inserted, deleted or "
                               "reordered events)");
    prev = e.event_hash;
    ++expected_seq;
  }
  if (head_seq != expected_seq - 1 || head_hash != prev)
    return broken(expected_seq,
                  "the log ends at event " + std::to_string(expected_seq - 1) +
                      " but the case recorded event " + std::to_string(head_seq) +
                      " as the last (events deleted from the end, or the head altered)");
  return c;
}

}  // namespace shodo::cases
