// SQL dumps, streamed: statements are told by their first words; INSERT
// rows are tokenized in place (a field is a position and a length in the
// input window, never a copy) and handed to the file's scan one by one.
#include <fmt/format.h>

#include <map>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "pii/parsers.h"
#include "pii/text_util.h"

namespace shodo::pii {
namespace {

constexpr size_t kMaxColumns = 4096;
constexpr size_t kMaxTables = 10000;

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
}
// The next byte from `from` that ends an unquoted value or nests in one
// (a function call's parentheses and quoted arguments): ( ) , ' ; or a
// newline. `to` when there is none.
size_t find_value_stop(const char* data, size_t from, size_t to) {
  size_t i = from;
#ifdef __SSE2__
  const auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  for (; i + 16 <= to; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    const __m128i m =
        _mm_or_si128(_mm_or_si128(_mm_or_si128(eq(v, '('), eq(v, ')')), eq(v, ',')),
                     _mm_or_si128(_mm_or_si128(eq(v, '\''), eq(v, ';')), eq(v, '\n')));
    if (const int mask = _mm_movemask_epi8(m))
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < to; ++i) {
    const char c = data[i];
    if (c == '(' || c == ')' || c == ',' || c == '\'' || c == ';' || c == '\n') return i;
  }
  return to;
}

bool is_word_char(char c) {
  return is_alnum(c) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

// Whether `s` starts with `word` (upper-case ASCII), ignoring case.
bool starts_word(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if ((s[i] & ~0x20) != word[i]) return false;
  return s.size() == word.size() || !is_word_char(s[word.size()]);
}

// Identifiers of a statement head: bare, `back-quoted`, "double-quoted" or
// [bracketed]; other characters one at a time.
struct Token {
  std::string_view text;
  bool identifier = false;
};

Token next_token(std::string_view s, size_t& i) {
  while (i < s.size() && is_space(s[i])) ++i;
  if (i >= s.size()) return {};
  const char c = s[i];
  if (c == '`' || c == '"' || c == '[') {
    const char close = c == '[' ? ']' : c;
    const size_t end = s.find(close, i + 1);
    const size_t stop = end == s.npos ? s.size() : end;
    Token t{s.substr(i + 1, stop - i - 1), true};
    i = end == s.npos ? s.size() : end + 1;
    return t;
  }
  if (is_word_char(c)) {
    const size_t b = i;
    while (i < s.size() && is_word_char(s[i])) ++i;
    return {s.substr(b, i - b), true};
  }
  return {s.substr(i++, 1), false};
}

// A possibly schema-qualified name: its last part.
std::string_view qualified_name(std::string_view s, size_t& i, Token first) {
  std::string_view name = first.text;
  for (;;) {
    size_t j = i;
    const Token dot = next_token(s, j);
    if (dot.identifier || dot.text != ".") return name;
    const Token part = next_token(s, j);
    if (!part.identifier) return name;
    name = part.text;
    i = j;
  }
}

// "(a, b, c)" at s[i]: the names; false when there is no list.
bool column_list(std::string_view s, size_t& i, std::vector<std::string>& out) {
  size_t j = i;
  if (next_token(s, j).text != "(") return false;
  out.clear();
  for (;;) {
    const Token t = next_token(s, j);
    if (t.text.empty()) return false;
    if (t.text == ")") break;
    if (t.text == ",") continue;
    if (t.identifier && out.size() < kMaxColumns) out.emplace_back(t.text);
  }
  i = j;
  return true;
}

class SqlParser {
 public:
  SqlParser(Input& in, FileScan& scan) : in_(in), scan_(scan) {}
  void run();

 private:
  enum class Status { ok, end, resync };

  const char* w() const { return in_.data(); }
  size_t size() const { return in_.size(); }
  // At least n bytes from p_ in the window (fewer at the end): how many.
  size_t avail(size_t n);
  // Skips spaces and comments; false at the end. Most calls stand on a
  // value or a delimiter already: that is checked inline.
  bool skip_blank() {
    if (p_ < size()) {
      const char c = w()[p_];
      if (!is_space(c) && c != '-' && c != '#' && c != '/') return true;
    }
    return skip_blank_slow();
  }
  bool skip_blank_slow();
  void statement();
  void skip_statement();
  void skip_line();
  // The statement head up to `stop_word` or `stop_char` or ';' (outside
  // quotes), within max_token: its length in `len`.
  bool head(std::string_view stop_word, char stop_char, size_t& len);
  void insert();
  void create_table();
  void copy();
  Status rows(const std::string& table);
  Status value(size_t column);
  Status quoted(char q, size_t column, bool number);
  Status skip_rest_of_string(char q);

  Input& in_;
  FileScan& scan_;
  size_t p_ = 0;
  bool eof_ = false;
  bool backslash_escapes_ = true;  // MySQL; PostgreSQL's standard strings have none
  std::map<std::string, std::vector<std::string>> created_;
  std::vector<std::string> columns_;
};

size_t SqlParser::avail(size_t n) {
  while (size() - p_ < n && !eof_) {
    eof_ = !in_.more(p_);
    p_ = 0;
  }
  return size() - p_;
}

bool SqlParser::skip_blank_slow() {
  for (;;) {
    if (avail(2) == 0) return false;
    const char c = w()[p_];
    if (is_space(c)) {
      ++p_;
      continue;
    }
    const std::string_view two(w() + p_, std::min<size_t>(2, size() - p_));
    if (two == "--" || c == '#') {
      if (avail(64) &&
          std::string_view(w() + p_, size() - p_).substr(0, 64).find("PostgreSQL database dump") !=
              std::string_view::npos)
        backslash_escapes_ = false;
      skip_line();
      continue;
    }
    if (two == "/*") {
      // A comment, or MySQL's versioned /*!40101 ... */: no data either way.
      p_ += 2;
      for (;;) {
        const size_t end = std::string_view(w(), size()).find("*/", p_);
        if (end != std::string_view::npos) {
          p_ = end + 2;
          break;
        }
        p_ = size() > p_ ? size() - 1 : p_;
        if (avail(2) < 2) {
          p_ = size();
          return false;
        }
      }
      continue;
    }
    return true;
  }
}

void SqlParser::skip_line() {
  for (;;) {
    const void* nl = std::memchr(w() + p_, '\n', size() - p_);
    if (nl) {
      p_ = static_cast<size_t>(static_cast<const char*>(nl) - w()) + 1;
      return;
    }
    p_ = size();
    if (avail(1) == 0) return;
  }
}

void SqlParser::run() {
  while (skip_blank()) statement();
}

void SqlParser::statement() {
  avail(64);
  const std::string_view s(w() + p_, size() - p_);
  if (s[0] == ';') {
    ++p_;
  } else if (starts_word(s, "INSERT") || starts_word(s, "REPLACE")) {
    insert();
  } else if (starts_word(s, "CREATE")) {
    size_t i = 0;
    next_token(s, i);
    Token t = next_token(s, i);
    while (t.identifier && !starts_word(t.text, "TABLE") &&
           (starts_word(t.text, "TEMPORARY") || starts_word(t.text, "UNLOGGED") ||
            starts_word(t.text, "GLOBAL") || starts_word(t.text, "LOCAL") ||
            starts_word(t.text, "OR") || starts_word(t.text, "REPLACE")))
      t = next_token(s, i);
    if (t.identifier && starts_word(t.text, "TABLE")) {
      create_table();
    } else {
      skip_statement();
    }
  } else if (starts_word(s, "COPY")) {
    copy();
  } else {
    if (starts_word(s, "SET")) {
      const std::string_view line = s.substr(0, s.find('\n'));
      if (line.find("standard_conforming_strings") != line.npos)
        backslash_escapes_ = line.find("off") != line.npos;
    }
    skip_statement();
  }
}

void SqlParser::skip_statement() {
  // To the next ';' outside quotes, streaming.
  char quote = 0;
  for (;;) {
    while (p_ < size()) {
      const char c = w()[p_];
      if (quote) {
        if (c == '\\' && backslash_escapes_ && quote == '\'') {
          if (p_ + 1 >= size() && avail(2) < 2) return;
          p_ += 2;
          continue;
        }
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == ';') {
        ++p_;
        return;
      }
      ++p_;
    }
    if (avail(1) == 0) return;
  }
}

bool SqlParser::head(std::string_view stop_word, char stop_char, size_t& len) {
  // Searched again from the start after each refill: heads are short.
  for (;;) {
    const std::string_view s(w() + p_, size() - p_);
    char quote = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        quote = c;
      } else if (c == stop_char || c == ';') {
        len = i;
        return true;
      } else if (!stop_word.empty() && (c & ~0x20) == stop_word[0] && i > 0 &&
                 !is_word_char(s[i - 1]) && starts_word(s.substr(i), stop_word)) {
        len = i;
        return true;
      }
    }
    if (s.size() > in_.max_token()) {
      scan_.truncated(p_, "SQL statement head");
      skip_statement();
      return false;
    }
    if (eof_) {
      scan_.problem(p_, "the dump ends inside a statement head (truncated file?)");
      p_ = size();
      return false;
    }
    avail(s.size() + 4096);
  }
}

void SqlParser::insert() {
  size_t len = 0;
  if (!head("VALUES", ';', len)) return;
  if (w()[p_ + len] == ';') {  // INSERT ... SELECT: no rows written out
    p_ += len + 1;
    return;
  }
  const std::string_view s(w() + p_, len);
  size_t i = 0;
  Token t = next_token(s, i);  // INSERT or REPLACE
  do t = next_token(s, i);
  while (t.identifier && (starts_word(t.text, "INTO") || starts_word(t.text, "IGNORE") ||
                          starts_word(t.text, "LOW_PRIORITY") || starts_word(t.text, "DELAYED") ||
                          starts_word(t.text, "HIGH_PRIORITY")));
  if (!t.identifier) {
    scan_.problem(p_, "INSERT without a table name: statement skipped");
    skip_statement();
    return;
  }
  const std::string table(qualified_name(s, i, t));
  if (!column_list(s, i, columns_)) {
    auto it = created_.find(table);
    columns_ = it == created_.end() ? std::vector<std::string>{} : it->second;
  }
  scan_.begin_unit(table, columns_);
  // Past VALUES (or VALUE).
  p_ += len;
  while (p_ < size() && is_word_char(w()[p_])) ++p_;
  if (rows(table) == Status::resync) return;
}

SqlParser::Status SqlParser::rows(const std::string& table) {
  for (;;) {
    if (!skip_blank()) {
      scan_.problem(p_,
                    fmt::format("the dump ends inside an INSERT into {} (truncated file?)", table));
      return Status::end;
    }
    if (w()[p_] != '(') {
      scan_.problem(p_, fmt::format("INSERT into {}: expected '(' of a row: rest of the line "
                                    "skipped",
                                    table));
      skip_line();
      return Status::resync;
    }
    ++p_;
    scan_.begin_row();
    for (size_t column = 0;; ++column) {
      if (!skip_blank()) {
        scan_.end_row();
        scan_.problem(p_, fmt::format("the dump ends inside a row of {} (truncated file?)", table));
        return Status::end;
      }
      if (column == 0 && w()[p_] == ')') break;  // ()
      const Status st = value(column);
      if (st != Status::ok) {
        scan_.end_row();
        return st;
      }
      if (!skip_blank()) {
        scan_.end_row();
        scan_.problem(p_, fmt::format("the dump ends inside a row of {} (truncated file?)", table));
        return Status::end;
      }
      const char c = w()[p_];
      if (c == ',') {
        ++p_;
        continue;
      }
      if (c == ')') break;
      scan_.end_row();
      scan_.problem(p_, fmt::format("INSERT into {}: a value is followed by '{}', not ',' or "
                                    "')' (broken quoting?): rest of the line skipped",
                                    table, c));
      skip_line();
      return Status::resync;
    }
    ++p_;
    scan_.end_row();
    if (!skip_blank()) {
      scan_.problem(p_,
                    fmt::format("the dump ends inside an INSERT into {} (truncated file?)", table));
      return Status::end;
    }
    const char c = w()[p_];
    if (c == ',') {
      ++p_;
      continue;
    }
    if (c == ';') {
      ++p_;
      return Status::ok;
    }
    // ON DUPLICATE KEY UPDATE ..., RETURNING ...: no more rows.
    if (is_word_char(c)) {
      skip_statement();
      return Status::ok;
    }
    scan_.problem(p_, fmt::format("INSERT into {}: a row is followed by '{}': rest of the line "
                                  "skipped",
                                  table, c));
    skip_line();
    return Status::resync;
  }
}

SqlParser::Status SqlParser::value(size_t column) {
  avail(80);
  char c = w()[p_];
  if (c == '\'' || c == '"') return quoted(c, column, false);
  // Prefixed strings: hex or bit literals (X'..', b'..'), PostgreSQL E'..',
  // charset introducers (_binary '..', _utf8mb4'..').
  if (is_word_char(c) && !is_digit(c)) {
    size_t j = p_;
    while (j < size() && is_word_char(w()[j]) && j - p_ < 64) ++j;
    const std::string_view word(w() + p_, j - p_);
    size_t k = j;
    while (k < size() && k - j < 4 && is_space(w()[k])) ++k;
    if (k < size() && w()[k] == '\'') {
      const bool binary = word.size() == 1 &&
                          (word[0] == 'X' || word[0] == 'x' || word[0] == 'B' || word[0] == 'b');
      p_ = k;
      return quoted('\'', column, binary);
    }
  }
  // A number, NULL, a keyword or a function call, to ',' or ')' at depth 0.
  const size_t start = p_;
  int depth = 0;
  for (;;) {
    while (p_ < size()) {
      p_ = find_value_stop(w(), p_, size());
      if (p_ == size()) break;
      c = w()[p_];
      if (c == '(') {
        ++depth;
      } else if (c == ')' || c == ',') {
        if (depth == 0) break;
        if (c == ')') --depth;
      } else if (c == '\'' && depth > 0) {
        const Status st = quoted('\'', SIZE_MAX, true);
        if (st != Status::ok) return st;
        continue;
      } else if (c == ';' || c == '\n') {
        break;
      }
      ++p_;
    }
    if (p_ < size() || eof_) break;
    if (p_ - start > in_.max_token()) {
      scan_.truncated(start, "SQL value");
      return Status::resync;
    }
    const size_t offset = p_ - start;
    p_ = start;
    avail(offset + 4096);
    p_ += offset;
  }
  size_t end = p_;
  while (end > start && is_space(w()[end - 1])) --end;
  const std::string_view v(w() + start, end - start);
  if (!v.empty() && !starts_word(v, "NULL") && depth == 0)
    scan_.field(column, start, end - start, true);
  return Status::ok;
}

SqlParser::Status SqlParser::quoted(char q, size_t column, bool number) {
  // p_ at the opening quote; positions below are relative to it.
  const bool backslash = backslash_escapes_;
  size_t i = 1;
  for (;;) {
    const size_t end = size();
    size_t j = p_ + i;
    bool need_more = false;
    while (true) {
      j = backslash ? find_either(w(), j, end, q, '\\') : find_either(w(), j, end, q, q);
      if (j >= end) break;
      if (w()[j] == '\\') {
        if (j + 1 >= end) {
          need_more = true;
          break;
        }
        j += 2;
        continue;
      }
      // A doubled quote is one quote character.
      if (j + 1 >= end && !eof_) {
        need_more = true;
        break;
      }
      if (j + 1 < end && w()[j + 1] == q) {
        j += 2;
        continue;
      }
      size_t len = j - p_ - 1;
      if (len > in_.max_token()) {
        scan_.truncated(p_, "SQL string value");
        len = in_.max_token();
      }
      if (column != SIZE_MAX && !number) scan_.field(column, p_ + 1, len, false);
      p_ = j + 1;
      return Status::ok;
    }
    (void)need_more;
    i = std::min(j, end) - p_;
    if (eof_) {
      if (column != SIZE_MAX && !number) scan_.field(column, p_ + 1, end - p_ - 1, false);
      scan_.problem(p_, "the dump ends inside a quoted string (truncated file or broken quoting)");
      p_ = end;
      return Status::end;
    }
    if (i > in_.max_token()) {
      scan_.truncated(p_, "SQL string value");
      if (column != SIZE_MAX && !number) scan_.field(column, p_ + 1, in_.max_token(), false);
      p_ += i;
      return skip_rest_of_string(q);
    }
    avail(i + 65536);
  }
}

SqlParser::Status SqlParser::skip_rest_of_string(char q) {
  // Beyond max_token nothing is kept; a statement at the start of a line
  // means the quote was never closed: parsing resumes there.
  for (;;) {
    while (p_ < size()) {
      const char c = w()[p_];
      if (c == '\\' && backslash_escapes_) {
        if (p_ + 1 >= size() && avail(2) < 2) {
          p_ = size();
          break;
        }
        p_ += 2;
        continue;
      }
      if (c == q) {
        if (p_ + 1 < size() && w()[p_ + 1] == q) {
          p_ += 2;
          continue;
        }
        ++p_;
        return Status::ok;
      }
      if (c == '\n') {
        avail(32);
        const std::string_view next(w() + p_ + 1, size() - p_ - 1);
        if (starts_word(next, "INSERT") || starts_word(next, "CREATE") ||
            starts_word(next, "COPY")) {
          scan_.problem(p_,
                        "a quoted string is not closed before the next statement "
                        "(broken quoting): parsing resumes there");
          ++p_;
          return Status::resync;
        }
      }
      ++p_;
    }
    if (avail(1) == 0) {
      scan_.problem(p_, "the dump ends inside a quoted string (truncated file or broken quoting)");
      return Status::end;
    }
  }
}

void SqlParser::create_table() {
  size_t len = 0;
  if (!head("", '(', len)) return;
  if (w()[p_ + len] == ';') {  // CREATE TABLE ... AS SELECT, ... LIKE
    p_ += len + 1;
    return;
  }
  const std::string_view s(w() + p_, len);
  size_t i = 0;
  Token t = next_token(s, i);
  // The name is the last identifier before '(' (after IF NOT EXISTS).
  std::string table;
  while (!t.text.empty()) {
    if (t.identifier) table = std::string(qualified_name(s, i, t));
    t = next_token(s, i);
  }
  p_ += len + 1;
  // Column definitions: the first word of each, at depth 1, unless it
  // starts a key or constraint. Streamed to the closing ')'.
  std::vector<std::string> columns;
  bool at_definition = true;
  int depth = 1;
  char quote = 0;
  for (;;) {
    if (avail(256) == 0) {
      scan_.problem(p_, "the dump ends inside CREATE TABLE (truncated file?)");
      return;
    }
    const char c = w()[p_];
    if (quote) {
      if (c == '\\' && backslash_escapes_ && quote == '\'' && avail(2) >= 2)
        ++p_;
      else if (c == quote)
        quote = 0;
      ++p_;
      continue;
    }
    if (is_space(c)) {
      ++p_;
      continue;
    }
    if (at_definition && depth == 1) {
      at_definition = false;
      const std::string_view rest(w() + p_, std::min<size_t>(size() - p_, 256));
      size_t k = 0;
      const Token name = next_token(rest, k);
      static constexpr std::string_view kNotColumns[] = {
          "PRIMARY", "KEY",     "UNIQUE", "INDEX",   "CONSTRAINT", "FULLTEXT",
          "SPATIAL", "FOREIGN", "CHECK",  "EXCLUDE", "LIKE",       "PERIOD"};
      bool column = name.identifier && rest[0] != '(';
      if (column && rest[0] != '`' && rest[0] != '"')
        for (std::string_view kw : kNotColumns) column &= !starts_word(name.text, kw);
      if (column && columns.size() < kMaxColumns) columns.emplace_back(name.text);
      p_ += k;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) {
        ++p_;
        break;
      }
    } else if (c == ',' && depth == 1) {
      at_definition = true;
    }
    ++p_;
  }
  if (!table.empty() && (created_.size() < kMaxTables || created_.count(table)))
    created_[table] = std::move(columns);
  skip_statement();
}

void SqlParser::copy() {
  size_t len = 0;
  if (!head("", ';', len)) return;
  const std::string_view s(w() + p_, len);
  size_t i = 0;
  next_token(s, i);  // COPY
  const Token t = next_token(s, i);
  std::string table = t.identifier ? std::string(qualified_name(s, i, t)) : std::string();
  if (!column_list(s, i, columns_)) {
    auto it = created_.find(table);
    columns_ = it == created_.end() ? std::vector<std::string>{} : it->second;
  }
  const bool from_stdin = s.find("stdin") != s.npos || s.find("STDIN") != s.npos;
  p_ += len + 1;
  if (!from_stdin) return;
  skip_line();
  scan_.begin_unit(table, columns_);
  // Tab-separated rows, \N for NULL, to a line "\.".
  for (;;) {
    Input::Line line;
    if (!in_.next_line(p_, line)) {
      scan_.problem(
          p_, fmt::format("the dump ends inside COPY {} without \\. (truncated file?)", table));
      return;
    }
    const char* text = w() + p_;
    size_t text_len = line.len;
    if (text_len && text[text_len - 1] == '\r') --text_len;
    if (std::string_view(text, text_len) == "\\.") {
      in_.past_line(p_, line);
      return;
    }
    scan_.begin_row();
    size_t column = 0, f = 0;
    for (size_t k = 0; k <= text_len; ++k) {
      if (k < text_len && text[k] != '\t') continue;
      const std::string_view cell(text + f, k - f);
      if (cell != "\\N" && !cell.empty()) scan_.field(column, p_ + f, k - f, false);
      ++column;
      f = k + 1;
    }
    scan_.end_row();
    if (line.cut) scan_.truncated(p_, "COPY row");
    in_.past_line(p_, line);
  }
}

}  // namespace

void parse_sql_dump(Input& in, FileScan& scan) {
  SqlParser(in, scan).run();
}

}  // namespace shodo::pii
