// Sessions, item references, analysis access and custody event building.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <vector>

#include "evidence/case_key.h"
#include "evidence/custody.h"
#include "evidence/multi_hash.h"
#include "evidence/pipeline.h"
#include "evidence/source_fd.h"
#include "evidence/vault.h"
#include "report/json_writer.h"

namespace shodo::evidence {

Status open_session(const cases::CaseDir& dir, cases::CaseStore& store, const std::string& actor,
                    const std::string& tool, const Passphrase& pass, Session& out) {
  out.dir = dir;
  out.store = &store;
  out.actor = actor;
  out.tool = tool;
  cases::CaseFields f;
  if (Status st = store.fields(f); !st) return st;
  out.zone = f.time_zone;
  if (Status st = load_case_key(dir, pass, out.key); !st) return st;
  out.key_loaded = true;
  return {};
}

Status resolve_item(cases::CaseStore& store, const std::string& ref, cases::Item& out) {
  std::string r = ref.size() > 1 && ref[0] == '#' ? ref.substr(1) : ref;
  const bool digits = !r.empty() && r.size() < 8 && std::all_of(r.begin(), r.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  if (digits) return store.item(std::stoll(r), out);
  std::vector<cases::Item> all;
  if (Status st = store.items(all); !st) return st;
  std::vector<const cases::Item*> hits;
  for (const cases::Item& it : all)
    if (r.size() >= 8 && it.hashes.sha256.compare(0, r.size(), r) == 0) hits.push_back(&it);
  if (hits.empty()) return Status::fail("no item '" + ref + "' (give #ID or a SHA-256 prefix)");
  // Items with the same content: any one names that content; the first is the original.
  out = *hits.front();
  return {};
}

cases::CustodyEvent make_event(const Session& s, std::string action, int64_t item_id,
                               std::string purpose) {
  cases::CustodyEvent e;
  e.item_id = item_id;
  e.action = std::move(action);
  e.actor = s.actor;
  const cases::Stamp st = cases::stamp_now(s.zone);
  e.time_utc = st.utc;
  e.time_local = st.local;
  e.zone = st.zone;
  e.purpose = std::move(purpose);
  e.tool = s.tool;
  e.host = cases::host_name();
  return e;
}

std::string hashes_json(const Hashes& h) {
  std::string out;
  report::JsonObject o(out);
  o.text("sha256", h.sha256);
  o.text("sha1", h.sha1);
  o.text("md5", h.md5);
  o.close();
  return out;
}

std::string hash_mismatch(const Hashes& expected, const Hashes& found) {
  std::string out;
  auto check = [&](const char* name, const std::string& e, const std::string& f) {
    if (!e.empty() && e != f) {
      if (!out.empty()) out += "; ";
      out += std::string(name) + " expected " + e + ", found " + (f.empty() ? "(none)" : f);
    }
  };
  check("SHA-256", expected.sha256, found.sha256);
  check("SHA-1", expected.sha1, found.sha1);
  check("MD5", expected.md5, found.md5);
  return out;
}

std::unique_ptr<fsview::Reader> open_item(const Session& s, const cases::Item& item,
                                          std::string& error) {
  if (item.disposition != "held") {
    error = item.label() + " was " + item.disposition;
    return nullptr;
  }
  return open_blob(s, item.hashes.sha256, error);
}

Status record_access(Session& s, const cases::Item& item, const std::string& purpose) {
  return record_accesses(s, {item.id}, purpose, {});
}

Status record_accesses(Session& s, const std::vector<int64_t>& item_ids, const std::string& purpose,
                       const std::vector<std::string>& details) {
  std::vector<cases::CustodyEvent> ev;
  ev.reserve(item_ids.size());
  for (size_t i = 0; i < item_ids.size(); ++i) {
    ev.push_back(make_event(s, "accessed", item_ids[i], purpose));
    if (i < details.size()) ev.back().details = details[i];
  }
  return s.store->append_events(ev);
}

Status hash_path(const std::string& path, Hashes& out, uint64_t& size) {
  int fd = open_source_fd(path);
  if (fd < 0) return Status::fail(path + ": " + std::strerror(errno));
  auto r = reader_for_fd(fd);
  return hash_stream(*r, out, size);
}

Status sha256_path(const std::string& path, std::string& sha256, uint64_t& size) {
  int fd = open_source_fd(path);
  if (fd < 0) return Status::fail(path + ": " + std::strerror(errno));
  auto r = reader_for_fd(fd);
  Digest d(EVP_sha256());
  std::vector<char> buf(kChunkSize);
  size = 0;
  while (size_t n = r->read(buf.data(), buf.size())) {
    d.update(reinterpret_cast<const unsigned char*>(buf.data()), n);
    size += n;
  }
  if (!r->error().empty()) return Status::fail(path + ": " + r->error());
  sha256 = d.hex();
  return {};
}

}  // namespace shodo::evidence
