#include "ingest/formats/json/csv_line.h"

namespace shodo::ingest::json {

bool split_delimited(std::string_view line, char separator, bool quoting, Arena& arena,
                     std::vector<std::string_view>& cells, std::string_view& error) {
  cells.clear();
  size_t p = 0;
  while (true) {
    if (!quoting || p >= line.size() || line[p] != '"') {
      const size_t end = line.find(separator, p);
      cells.push_back(line.substr(p, end == std::string_view::npos ? end : end - p));
      if (end == std::string_view::npos) return true;
      p = end + 1;
      continue;
    }
    // Quoted cell: find the closing quote, counting doubled quotes as text.
    const size_t start = ++p;
    size_t doubled = 0;
    while (true) {
      const size_t q = line.find('"', p);
      if (q == std::string_view::npos) {
        error = "unterminated quote (a quoted line break cannot be read line by line)";
        return false;
      }
      if (q + 1 < line.size() && line[q + 1] == '"') {
        ++doubled;
        p = q + 2;
        continue;
      }
      p = q;
      break;
    }
    const std::string_view body = line.substr(start, p - start);
    if (doubled == 0) {
      cells.push_back(body);
    } else {
      char* out = arena.reserve(body.size() - doubled);
      size_t n = 0;
      for (size_t i = 0; i < body.size(); ++i) {
        out[n++] = body[i];
        if (body[i] == '"') ++i;  // the second of a doubled pair
      }
      cells.push_back(arena.commit(n));
    }
    ++p;  // past the closing quote
    if (p == line.size()) return true;
    if (line[p] != separator) {
      error = "text after a closing quote";
      return false;
    }
    ++p;
  }
}

}  // namespace shodo::ingest::json
