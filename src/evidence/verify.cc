// shodo verify: every held item re-hashed from the vault against its
// acquisition hashes, and the custody chain checked.
#include "evidence/custody.h"
#include "evidence/vault.h"

namespace shodo::evidence {

bool VerifyReport::ok() const {
  if (!chain.ok) return false;
  for (const ItemCheck& c : items)
    if (!c.ok) return false;
  return true;
}

Status verify_custody(cases::CaseStore& store, cases::ChainCheck& out) {
  std::vector<cases::CustodyEvent> events;
  if (Status st = store.events(0, events); !st) return st;
  int64_t head_seq = 0;
  std::string head_hash;
  if (Status st = store.custody_head(head_seq, head_hash); !st) return st;
  out = cases::verify_custody_chain(events, head_seq, head_hash);
  return {};
}

Status verify(Session& s, VerifyReport& report) {
  // The chain first: the events this run appends must not hide an earlier break.
  if (Status st = verify_custody(*s.store, report.chain); !st) return st;
  std::vector<cases::Item> items;
  if (Status st = s.store->items(items); !st) return st;
  std::vector<cases::CustodyEvent> events;
  for (const cases::Item& item : items) {
    if (item.disposition != "held") continue;
    ItemCheck c;
    c.item = item;
    std::string error;
    auto reader = open_blob(s, item.hashes.sha256, error);
    if (!reader) {
      c.error = error;
    } else if (Status st = hash_stream(*reader, c.found, c.size); !st) {
      c.error = st.error;
    } else {
      c.error = hash_mismatch(item.hashes, c.found);
      if (c.error.empty() && c.size != item.size)
        c.error =
            "size expected " + std::to_string(item.size) + ", found " + std::to_string(c.size);
    }
    c.ok = c.error.empty();
    cases::CustodyEvent ev =
        make_event(s, "verified", item.id, "integrity check of the vault copy");
    ev.hashes_json = hashes_json(c.found);
    ev.matched = c.ok ? "yes" : "no";
    ev.details = c.ok ? "all hashes match the acquisition" : c.error;
    events.push_back(std::move(ev));
    report.items.push_back(std::move(c));
  }
  cases::CustodyEvent chain = make_event(s, "verified", 0, "custody chain check");
  chain.matched = report.chain.ok ? "yes" : "no";
  chain.details = report.chain.ok ? std::to_string(report.chain.events) + " events, chain intact"
                                  : report.chain.reason;
  events.push_back(std::move(chain));
  return s.store->append_events(events);
}

}  // namespace shodo::evidence
