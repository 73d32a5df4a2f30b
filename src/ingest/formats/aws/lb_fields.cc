#include "ingest/formats/aws/lb_fields.h"

namespace shodo::ingest::aws {
namespace {

std::string_view unescape(std::string_view body, Arena& arena) {
  char* out = arena.reserve(body.size());
  size_t n = 0;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\\' && i + 1 < body.size() && (body[i + 1] == '"' || body[i + 1] == '\\')) ++i;
    out[n++] = body[i];
  }
  return arena.commit(n);
}

}  // namespace

bool split_fields(std::string_view line, size_t max, Arena& arena,
                  std::vector<std::string_view>& out, std::string_view& error) {
  out.clear();
  size_t p = 0;
  while (out.size() < max) {
    if (p < line.size() && line[p] == '"') {
      const size_t start = p + 1;
      size_t q = start;
      bool escaped = false;
      while (true) {
        if (q >= line.size()) {
          error = "unterminated quote";
          return false;
        }
        if (line[q] == '\\') {
          escaped = true;
          q += 2;
        } else if (line[q] == '"' && (q + 1 == line.size() || line[q + 1] == ' ')) {
          break;
        } else {
          ++q;
        }
      }
      const std::string_view body = line.substr(start, q - start);
      out.push_back(escaped ? unescape(body, arena) : body);
      p = q + 1;
    } else {
      const size_t end = line.find(' ', p);
      out.push_back(line.substr(p, end == std::string_view::npos ? end : end - p));
      p = end;
    }
    if (p >= line.size()) return true;
    ++p;  // the space after the field
  }
  return true;
}

}  // namespace shodo::ingest::aws
