#include "investigate/evidence_records.h"

#include <map>

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

bool check_after(evidence::Session& s, Acquired& acquired, std::vector<std::string>& problems) {
  // A source file is hashed once, however many items came from it.
  std::map<std::string, std::pair<bool, std::string>> measured;  // path -> readable, sha256
  bool all_same = true;
  std::vector<int64_t> ids;
  std::vector<std::string> details;
  for (size_t i = 0; i < acquired.items.size(); ++i) {
    const cases::Item& item = acquired.items[i];
    EvidenceRecord& rec = acquired.records[i];
    auto it = measured.find(item.source);
    if (it == measured.end()) {
      cases::Hashes h;
      uint64_t size = 0;
      cases::Status st = evidence::hash_path(item.source, h, size);
      if (!st) problems.push_back(item.source + ": not hashed after the analysis: " + st.error);
      it = measured.emplace(item.source, std::make_pair(bool(st), h.sha256)).first;
    }
    const bool whole_file =
        item.entry_path.empty() && item.kind != "e01-segment" && item.kind != "split-raw";
    if (whole_file) {
      rec.sha256_after = it->second.second;
      rec.unchanged = it->second.first && rec.sha256_after == rec.sha256;
    } else {
      // An entry of an archive: its container must be as it was.
      rec.unchanged = it->second.first;
      for (size_t j = 0; j < acquired.items.size(); ++j)
        if (acquired.items[j].id == item.parent_id)
          rec.unchanged = rec.unchanged && acquired.records[j].unchanged;
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
