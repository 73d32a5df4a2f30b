#include <array>

#include "leak/sql_tokens.h"
#include "util/escape.h"
#include "util/hex.h"

namespace shodo::leak::sql {

namespace {

constexpr int kFoldPasses = 4;       // CONCAT(CHAR(..),CHAR(..)) needs two; nesting deeper is noise
constexpr size_t kMaxJoined = 4096;  // 'a'+'b'+... chains copy the text joined so far

constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  t['_'] = t['$'] = true;
  for (int c = 0x80; c < 0x100; ++c) t[c] = true;
  return t;
}();

bool word_byte(char c) {
  return kWordByte[static_cast<unsigned char>(c)];
}

bool space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '\0';
}

// Text a hex literal spells, when it spells text (printable ASCII or valid
// UTF-8); names hidden as 0x637573746f6d657273 are what matters here.
bool hex_text(std::string_view digits, std::string& out) {
  if (digits.empty() || digits.size() % 2 != 0) return false;
  out.clear();
  for (size_t i = 0; i < digits.size(); i += 2) {
    out += static_cast<char>(util::hex_value(digits[i]) * 16 + util::hex_value(digits[i + 1]));
  }
  return util::is_text(out);
}

// X'...' at `from` (after the quote): hex digits up to a closing quote,
// spelling text.
bool hex_quoted(std::string_view s, size_t from, std::string& out) {
  const size_t end = s.find('\'', from);
  if (end == std::string_view::npos) return false;
  for (size_t k = from; k < end; ++k) {
    if (util::hex_value(s[k]) < 0) return false;
  }
  return hex_text(s.substr(from, end - from), out);
}

size_t skip_to_newline(std::string_view s, size_t i) {
  const size_t nl = s.find('\n', i);
  return nl == std::string_view::npos ? s.size() : nl + 1;
}

}  // namespace

void Tokens::add(Tok kind, std::string_view text) {
  if (list_.size() >= kMaxTokens) {
    truncated_ = true;
    return;
  }
  list_.push_back({kind, static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(text.size())});
  text_.append(text);
}

void Tokens::tokenize(std::string_view s) {
  text_.clear();
  list_.clear();
  truncated_ = s.size() > kMaxInput;
  if (truncated_) s = s.substr(0, kMaxInput);
  std::string scratch;
  bool quote_seen = false, space_seen = false;
  int versioned = 0;  // open /*! ... */ comments, whose content runs
  size_t i = 0;
  while (i < s.size() && list_.size() < kMaxTokens) {
    const char c = s[i];
    const char next = i + 1 < s.size() ? s[i + 1] : '\0';
    if (space(c)) {
      space_seen = true;
      ++i;
    } else if (c == '/' && next == '*') {
      space_seen = true;
      if (i + 2 < s.size() && s[i + 2] == '!') {
        ++versioned;
        i += 3;
        while (i < s.size() && is_digit(s[i])) ++i;
      } else {
        const size_t end = s.find("*/", i + 2);
        i = end == std::string_view::npos ? s.size() : end + 2;
      }
    } else if (c == '*' && next == '/' && versioned > 0) {
      --versioned;
      i += 2;
    } else if ((c == '-' && next == '-') || c == '#') {
      space_seen = true;
      i = skip_to_newline(s, i);
    } else if (c == '\'' || c == '"') {
      if (!quote_seen && !space_seen) {
        quote_seen = true;
        add(Tok::closure, s.substr(i, 1));
        ++i;
        continue;
      }
      quote_seen = true;
      scratch.clear();
      size_t j = i + 1;
      for (; j < s.size(); ++j) {
        if (s[j] == '\\' && j + 1 < s.size()) {
          scratch += s[++j];
        } else if (s[j] == c && j + 1 < s.size() && s[j + 1] == c) {
          scratch += c;
          ++j;
        } else if (s[j] == c) {
          break;
        } else {
          scratch += s[j];
        }
      }
      add(Tok::string, scratch);
      i = j + 1;
    } else if (c == '`') {
      const size_t end = s.find('`', i + 1);
      const size_t stop = end == std::string_view::npos ? s.size() : end;
      add(Tok::word, s.substr(i + 1, stop - i - 1));
      i = stop + 1;
    } else if (c == '0' && (next == 'x' || next == 'X')) {
      size_t j = i + 2;
      while (j < s.size() && util::hex_value(s[j]) >= 0) ++j;
      if (hex_text(s.substr(i + 2, j - i - 2), scratch)) {
        add(Tok::string, scratch);
      } else {
        add(Tok::number, s.substr(i, j - i));
      }
      i = j;
    } else if ((c == 'x' || c == 'X') && next == '\'' && hex_quoted(s, i + 2, scratch)) {
      // X'6375': a hex string (else x' is a value closed by its quote).
      add(Tok::string, scratch);
      i = s.find('\'', i + 2) + 1;
    } else if (is_digit(c) || (c == '.' && is_digit(next))) {
      size_t j = i;
      while (j < s.size() && (is_digit(s[j]) || s[j] == '.')) ++j;
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && is_digit(s[k])) {
          j = k;
          while (j < s.size() && is_digit(s[j])) ++j;
        }
      }
      add(Tok::number, s.substr(i, j - i));
      i = j;
    } else if (word_byte(c)) {
      size_t j = i;
      while (j < s.size() && word_byte(s[j])) ++j;
      add(Tok::word, s.substr(i, j - i));
      i = j;
    } else {
      static constexpr std::string_view kPairs[] = {"<=", ">=", "<>", "!=", "||", "&&", ":="};
      size_t n = 1;
      for (std::string_view p : kPairs) {
        if (c == p[0] && next == p[1]) n = 2;
      }
      add(Tok::op, s.substr(i, n));
      i += n;
    }
  }
  if (i < s.size()) truncated_ = true;
  fold_constants();
}

size_t Tokens::close_of(size_t open) const {
  int depth = 0;
  for (size_t i = open; i < list_.size(); ++i) {
    if (op(i, "(")) ++depth;
    if (op(i, ")") && --depth == 0) return i;
  }
  return list_.size();
}

// CHAR(99,117), CHR(99), NCHAR(99), UNHEX('6375'), CONCAT('cu','st'),
// CONCAT_WS('',...) of constants at list_[i]: appends the string to `out`
// and returns the index past the call; 0 when there is none to fold.
size_t Tokens::fold_call(size_t i, std::vector<Token>& out) {
  const std::string_view name = text(i);
  const bool codes = iequals(name, "char") || iequals(name, "chr") || iequals(name, "nchar");
  const bool concat = iequals(name, "concat") || iequals(name, "concat_ws");
  if (kind(i) != Tok::word || (!codes && !concat) || !op(i + 1, "(")) return 0;
  std::string value;
  size_t j = i + 2;
  bool first = true;
  std::string separator;
  for (;; first = false) {
    if (codes && kind(j) == Tok::number) {
      const std::string_view n = text(j);
      unsigned v = 0;
      for (char d : n) {
        if (!is_digit(d) || v > 255) return 0;
        v = v * 10 + static_cast<unsigned>(d - '0');
      }
      if (v > 255) return 0;
      value += static_cast<char>(v);
    } else if (concat && (kind(j) == Tok::string || kind(j) == Tok::number)) {
      if (iequals(name, "concat_ws") && first) {
        separator = text(j);
      } else {
        if (!value.empty() && !separator.empty()) value += separator;
        value += text(j);
      }
    } else {
      return 0;
    }
    ++j;
    if (codes && word(j, "using") && kind(j + 1) == Tok::word) j += 2;
    if (op(j, ")")) break;
    if (!op(j, ",")) return 0;
    ++j;
  }
  out.push_back(
      {Tok::string, static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(value.size())});
  text_ += value;
  return j + 1;
}

void Tokens::fold_constants() {
  std::vector<Token> out;
  for (int pass = 0; pass < kFoldPasses; ++pass) {
    out.clear();
    bool changed = false;
    for (size_t i = 0; i < list_.size();) {
      if (const size_t end = fold_call(i, out); end != 0) {
        i = end;
        changed = true;
      } else if (!out.empty() && out.back().kind == Tok::string && (op(i, "+") || op(i, "||")) &&
                 kind(i + 1) == Tok::string && out.back().size + text(i + 1).size() <= kMaxJoined) {
        // 'cu'+'st' (SQL Server), 'cu'||'st' (PostgreSQL, Oracle).
        const std::string joined =
            std::string(std::string_view(text_).substr(out.back().offset, out.back().size)) +
            std::string(text(i + 1));
        out.back() = {Tok::string, static_cast<uint32_t>(text_.size()),
                      static_cast<uint32_t>(joined.size())};
        text_ += joined;
        i += 2;
        changed = true;
      } else {
        out.push_back(list_[i]);
        ++i;
      }
    }
    list_.swap(out);
    if (!changed) break;
  }
}

std::string Tokens::joined(size_t max) const {
  std::string s;
  for (size_t i = 0; i < list_.size() && s.size() < max; ++i) {
    if (!s.empty()) s += ' ';
    if (list_[i].kind == Tok::string) {
      s += '\'';
      s += text(i);
      s += '\'';
    } else {
      s += text(i);
    }
  }
  if (s.size() > max) s.resize(max);
  return s;
}

}  // namespace shodo::leak::sql
