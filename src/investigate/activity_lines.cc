#include "investigate/activity_lines.h"

#include <algorithm>

#include "ingest/read/block_reader.h"

namespace shodo::investigate {

ActivityLines::ActivityLines(const std::vector<std::string>& needles,
                             const std::set<std::pair<uint32_t, uint64_t>>& cited) {
  for (const auto& [file, line] : cited) cited_[file].push_back(line);  // set order: ascending
  std::vector<const char*> patterns;
  std::vector<size_t> lengths;
  std::vector<unsigned> flags, ids;
  for (const std::string& n : needles) {
    if (n.empty()) continue;
    patterns.push_back(n.data());
    lengths.push_back(n.size());
    flags.push_back(0);
    ids.push_back(static_cast<unsigned>(ids.size()));
  }
  if (patterns.empty()) return;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(patterns.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, &db_,
                           &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    db_ = nullptr;
    usable_ = false;
  }
}

ActivityLines::~ActivityLines() {
  hs_free_database(db_);
}

bool ActivityLines::select(uint32_t file_index, ingest::LogKind kind, uint64_t first_line,
                           std::string_view block, std::vector<uint32_t>& marks) const {
  if (kind != ingest::LogKind::web_access) return false;
  marks.clear();
  if (db_) {
    // Per block, not kept per thread: its cost is nothing beside a block's scan.
    hs_scratch_t* scratch = nullptr;
    if (hs_alloc_scratch(db_, &scratch) != HS_SUCCESS) return false;
    auto on_match = [](unsigned, unsigned long long, unsigned long long to, unsigned,
                       void* ctx) -> int {
      static_cast<std::vector<uint32_t>*>(ctx)->push_back(static_cast<uint32_t>(to - 1));
      return 0;
    };
    const hs_error_t err = hs_scan(db_, block.data(), static_cast<unsigned>(block.size()), 0,
                                   scratch, on_match, &marks);
    hs_free_scratch(scratch);
    if (err != HS_SUCCESS) return false;
  }
  const size_t found = marks.size();
  mark_cited(file_index, first_line, block, marks);
  if (marks.size() != found || !std::is_sorted(marks.begin(), marks.end()))
    std::sort(marks.begin(), marks.end());
  return true;
}

void ActivityLines::mark_cited(uint32_t file_index, uint64_t first_line, std::string_view block,
                               std::vector<uint32_t>& marks) const {
  auto it = cited_.find(file_index);
  if (it == cited_.end()) return;
  const std::vector<uint64_t>& lines = it->second;
  auto next = std::lower_bound(lines.begin(), lines.end(), first_line);
  // Skips the lines up to each cited one; stops at the block's end.
  uint64_t line = first_line;
  size_t at = 0;
  for (; next != lines.end(); ++next) {
    if (line < *next) {
      const size_t skipped = ingest::skip_lines(block.substr(at), *next - line);
      if (skipped == std::string_view::npos) return;
      at += skipped;
      line = *next;
    }
    if (at >= block.size()) return;
    marks.push_back(static_cast<uint32_t>(at));
  }
}

}  // namespace shodo::investigate
