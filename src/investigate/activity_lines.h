// The lines the attacker pass needs, picked without parsing: in web access
// logs, those holding an attacker's address or a watched file's name (one
// literal search over each block) and those the findings cite; every line
// of the other logs. A picked line may still be someone else's (10.0.0.1 is
// inside 10.0.0.12): the pass checks the parsed event.
#pragma once

#include <hs/hs.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace shodo::investigate {

class ActivityLines final : public ingest::LineSelector {
 public:
  ActivityLines(const std::vector<std::string>& needles,
                const std::set<std::pair<uint32_t, uint64_t>>& cited);
  ~ActivityLines() override;
  ActivityLines(const ActivityLines&) = delete;
  ActivityLines& operator=(const ActivityLines&) = delete;

  // False when the search could not be built: read every line then.
  bool usable() const { return usable_; }
  bool select(uint32_t file_index, ingest::LogKind kind, uint64_t first_line,
              std::string_view block, std::vector<uint32_t>& marks) const override;

 private:
  void mark_cited(uint32_t file_index, uint64_t first_line, std::string_view block,
                  std::vector<uint32_t>& marks) const;

  hs_database_t* db_ = nullptr;  // null when there are no needles
  bool usable_ = true;
  std::map<uint32_t, std::vector<uint64_t>> cited_;  // file -> cited lines, ascending
};

}  // namespace shodo::investigate
