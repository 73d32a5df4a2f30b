// CSV and TSV exports, streamed field by field: a quoted cell may hold the
// delimiter, doubled quotes and newlines; the first record names columns.
#include <fmt/format.h>

#include <algorithm>

#include "pii/parsers.h"

namespace shodo::pii {
namespace {

constexpr size_t kMaxColumns = 4096;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

class DelimitedParser {
 public:
  DelimitedParser(Input& in, FileScan& scan, char delimiter)
      : in_(in), scan_(scan), delimiter_(delimiter) {}
  void run();

 private:
  // One field at p_: its position and length, and what ended it: the
  // delimiter, '\n', or 0 at the end of the text.
  char field(size_t& pos, size_t& len);
  char after_quote();
  // A cell longer than max_token at window position `pos`: its first
  // max_token bytes are searched, the rest skipped.
  void cut(size_t pos);
  bool refill(size_t& keep);

  Input& in_;
  FileScan& scan_;
  char delimiter_;
  bool header_ = true;
  size_t column_ = 0;  // of the cell being read
  size_t p_ = 0;
  bool eof_ = false;
};

bool DelimitedParser::refill(size_t& keep) {
  if (eof_) return false;
  const size_t shift = keep;
  eof_ = !in_.more(keep);
  p_ -= shift;
  keep = 0;
  return !eof_;
}

char DelimitedParser::field(size_t& pos, size_t& len) {
  if (p_ == in_.size() && !refill(p_)) return 0;
  if (in_.data()[p_] != '"') {
    size_t start = p_;
    for (;;) {
      const size_t j = find_either(in_.data(), p_, in_.size(), delimiter_, '\n');
      if (j < in_.size()) {
        pos = start;
        len = j - start;
        if (len && in_.data()[j - 1] == '\r') --len;
        p_ = j + 1;
        return in_.data()[j];
      }
      p_ = j;
      if (p_ - start > in_.max_token()) {
        cut(start);
        pos = start;
        len = 0;
        // Skip to the end of the cell.
        for (;;) {
          const size_t k = find_either(in_.data(), p_, in_.size(), delimiter_, '\n');
          if (k < in_.size()) {
            p_ = k + 1;
            len = 0;
            return in_.data()[k];
          }
          p_ = in_.size();
          size_t keep = p_;
          if (!refill(keep)) return 0;
        }
      }
      if (!refill(start)) {
        pos = start;
        len = in_.size() - start;
        p_ = in_.size();
        return 0;
      }
    }
  }
  // Quoted: to a quote not followed by another.
  size_t start = p_;
  size_t j = p_ + 1;
  for (;;) {
    j = find_either(in_.data(), j, in_.size(), '"', '"');
    if (j + 1 < in_.size()) {
      if (in_.data()[j + 1] == '"') {
        j += 2;
        continue;
      }
      pos = start + 1;
      len = j - start - 1;
      p_ = j + 1;
      return after_quote();
    }
    if (j - start > in_.max_token()) {
      cut(start + 1);
      pos = start + 1;
      len = 0;
      // Skip to the closing quote without keeping anything.
      p_ = j;
      for (;;) {
        const size_t k = find_either(in_.data(), p_, in_.size(), '"', '"');
        if (k + 1 < in_.size()) {
          if (in_.data()[k + 1] == '"') {
            p_ = k + 2;
            continue;
          }
          p_ = k + 1;
          return after_quote();
        }
        p_ = k;
        size_t keep = p_;
        if (!refill(keep)) {
          scan_.problem(p_,
                        "the file ends inside a quoted CSV cell (truncated file or broken "
                        "quoting)");
          p_ = in_.size();
          return 0;
        }
      }
    }
    const size_t offset = j - start;
    const bool more = refill(start);
    j = start + offset;
    if (!more) {
      if (j < in_.size()) {  // the closing quote is the last byte
        pos = start + 1;
        len = j - start - 1;
        p_ = in_.size();
        return 0;
      }
      scan_.problem(start,
                    "the file ends inside a quoted CSV cell (truncated file or broken "
                    "quoting)");
      pos = start + 1;
      len = in_.size() - start - 1;
      p_ = in_.size();
      return 0;
    }
  }
}

void DelimitedParser::cut(size_t pos) {
  scan_.truncated(pos, "CSV cell");
  if (!header_) scan_.field(column_, pos, in_.max_token(), false);
}

char DelimitedParser::after_quote() {
  // Only the delimiter or a line end may follow a closing quote.
  bool junk = false;
  for (;;) {
    while (p_ < in_.size()) {
      const char c = in_.data()[p_++];
      if (c == delimiter_ || c == '\n') {
        if (junk) scan_.problem(p_ - 1, "text after a closing quote in a CSV cell: ignored");
        return c;
      }
      junk |= c != '\r' && c != ' ';
    }
    size_t keep = p_;
    if (!refill(keep)) return 0;
  }
}

void DelimitedParser::run() {
  eof_ = !in_.more(0);
  if (in_.window().substr(0, kBom.size()) == kBom) p_ = kBom.size();
  std::vector<std::string> headers;
  // The header record.
  for (;;) {
    size_t pos = 0, len = 0;
    const char end = field(pos, len);
    if (headers.size() < kMaxColumns)
      headers.emplace_back(in_.window().substr(pos, std::min(len, in_.max_token())));
    if (end != delimiter_) break;
  }
  scan_.begin_unit("", headers);
  header_ = false;
  for (;;) {
    if (p_ == in_.size() && !refill(p_)) break;
    size_t column = 0;
    scan_.begin_row();
    char end;
    bool empty = true;
    do {
      size_t pos = 0, len = 0;
      column_ = column;
      end = field(pos, len);
      if (len > in_.max_token()) {
        cut(pos);
        len = 0;
      }
      if (len) {
        scan_.field(column, pos, len, false);
        empty = false;
      }
      ++column;
    } while (end == delimiter_);
    if (!empty || column > 1) scan_.end_row();
    if (end == 0) break;
  }
}

}  // namespace

void parse_delimited(Input& in, FileScan& scan, char delimiter) {
  DelimitedParser(in, scan, delimiter).run();
}

}  // namespace shodo::pii
