#include "investigate/evidence_records.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

namespace shodo::investigate {

Acquired acquire_evidence(evidence::Session& s, const std::vector<std::string>& args,
                          const std::vector<std::string>& roles) {
  Acquired out;
  for (size_t i = 0; i < args.size(); ++i) {
    evidence::AcquireReport r;
    evidence::AcquireOptions o;
    o.purpose = "evidence preservation (shodo investigate)";
    cases::Status st = evidence::acquire(s, args[i], o, r);
    if (!st) out.problems.push_back(args[i] + ": not acquired: " + st.error);
    for (const auto& p : r.problems) out.problems.push_back(p.where + ": " + p.reason);
    if (r.malformed_entries)
      out.problems.push_back(args[i] + ": " + std::to_string(r.malformed_entries) +
                             " malformed archive entries");
    for (const auto& e : r.items) {
      EvidenceRecord rec;
      rec.item_id = e.item.id;
      rec.source =
          e.item.entry_path.empty() ? e.item.source : e.item.source + "!" + e.item.entry_path;
      rec.kind = e.item.kind;
      rec.role = i < roles.size() ? roles[i] : "other";
      rec.size = e.item.size;
      rec.sha256 = e.item.hashes.sha256;
      rec.sha1 = e.item.hashes.sha1;
      rec.md5 = e.item.hashes.md5;
      out.items.push_back(e.item);
      out.records.push_back(std::move(rec));
    }
  }
  return out;
}

HashesAfter hash_after(const std::vector<cases::Item>& items, unsigned threads) {
  HashesAfter out;
  for (const cases::Item& item : items) out[item.source];
  std::vector<std::pair<const std::string, HashedAfter>*> todo;
  for (auto& entry : out) todo.push_back(&entry);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < todo.size(); i = next++) {
      auto& [path, m] = *todo[i];
      uint64_t size = 0;
      const cases::Status st = evidence::sha256_path(path, m.sha256, size);
      m.readable = st.ok;
      m.error = st.error;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, threads); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return out;
}

bool record_after(evidence::Session& s, Acquired& acquired, const HashesAfter& measured,
                  std::vector<std::string>& problems) {
  for (const auto& [path, m] : measured)
    if (!m.readable) problems.push_back(path + ": not hashed after the analysis: " + m.error);
  std::map<int64_t, size_t> index_of;  // item id -> position
  for (size_t i = 0; i < acquired.items.size(); ++i) index_of[acquired.items[i].id] = i;
  bool all_same = true;
  std::vector<int64_t> ids;
  std::vector<std::string> details;
  for (size_t i = 0; i < acquired.items.size(); ++i) {
    const cases::Item& item = acquired.items[i];
    EvidenceRecord& rec = acquired.records[i];
    const HashedAfter& m = measured.at(item.source);
    const bool whole_file =
        item.entry_path.empty() && item.kind != "e01-segment" && item.kind != "split-raw";
    if (whole_file) {
      rec.sha256_after = m.sha256;
      rec.unchanged = m.readable && rec.sha256_after == rec.sha256;
    } else {
      // An entry of an archive: its container must be as it was.
      // (A container is recorded before its entries.)
      rec.unchanged = m.readable;
      if (auto parent = index_of.find(item.parent_id); parent != index_of.end())
        rec.unchanged = rec.unchanged && acquired.records[parent->second].unchanged;
      rec.sha256_after = rec.unchanged ? rec.sha256 : "";
    }
    all_same = all_same && rec.unchanged;
    ids.push_back(item.id);
    details.push_back(
        rec.unchanged ? "analysed by shodo investigate; source hash after the analysis matches"
                      : "analysed by shodo investigate; SOURCE HASH AFTER THE ANALYSIS DIFFERS: " +
                            rec.sha256_after);
  }
  if (cases::Status st = evidence::record_accesses(s, ids, "analysis (shodo investigate)", details);
      !st)
    problems.push_back("custody: " + st.error);
  return all_same;
}

}  // namespace shodo::investigate
