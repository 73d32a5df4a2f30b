#include "detect/engine/required_bytes.h"

#include <array>
#include <cstddef>

#include "util/hex.h"

namespace shodo::detect::engine {

namespace {

bool is_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(unsigned char c) {
  return c >= '0' && c <= '9';
}

ByteSet range(unsigned char lo, unsigned char hi) {
  ByteSet s;
  for (unsigned c = lo; c <= hi; ++c) s.set(c);
  return s;
}

// Hyperscan's (PCRE's) \s, \d and \w without UTF-8 mode.
ByteSet space_class() {
  ByteSet s;
  for (unsigned char c : {' ', '\t', '\n', '\v', '\f', '\r'}) s.set(c);
  return s;
}
ByteSet digit_class() {
  return range('0', '9');
}
ByteSet word_class() {
  ByteSet s = range('0', '9') | range('a', 'z') | range('A', 'Z');
  s.set('_');
  return s;
}

// A recursive-descent reading of the regex that answers, for each part,
// "does every match of it contain a byte of the set?". Anything it does not
// know sets `failed`, and the whole answer becomes "cannot tell".
class Reader {
 public:
  Reader(std::string_view re, bool caseless, const ByteSet& bytes)
      : re_(re), caseless_(caseless), bytes_(bytes) {}

  bool read() {
    const bool all = alternation();
    return !failed_ && i_ == re_.size() && all;
  }

 private:
  bool done() const { return i_ >= re_.size(); }

  // Every branch must need a byte of the set.
  bool alternation() {
    bool all = sequence();
    while (!failed_ && !done() && re_[i_] == '|') {
      ++i_;
      all = sequence() && all;
    }
    return all;
  }

  // One item that must occur (its quantifier's minimum is not 0) and needs a
  // byte of the set is enough.
  bool sequence() {
    bool any = false;
    while (!failed_ && !done() && re_[i_] != '|' && re_[i_] != ')') {
      const bool needs = item();
      const size_t min = quantifier();
      any = any || (needs && min > 0);
    }
    return any;
  }

  // The minimum count of the quantifier at i_ (1 when there is none).
  size_t quantifier() {
    if (done()) return 1;
    size_t min = 1;
    const char q = re_[i_];
    if (q == '*' || q == '?') {
      min = 0;
      ++i_;
    } else if (q == '+') {
      ++i_;
    } else if (q == '{') {
      size_t j = i_ + 1, n = 0, digits = 0;
      while (j < re_.size() && is_digit(static_cast<unsigned char>(re_[j])) && digits < 6) {
        n = n * 10 + static_cast<size_t>(re_[j] - '0');
        ++j;
        ++digits;
      }
      if (digits == 0) {
        failed_ = true;  // "{" as a literal, or {,n}: not worth telling apart
        return 1;
      }
      if (j < re_.size() && re_[j] == ',') {
        ++j;
        while (j < re_.size() && is_digit(static_cast<unsigned char>(re_[j]))) ++j;
      }
      if (j >= re_.size() || re_[j] != '}') {
        failed_ = true;
        return 1;
      }
      i_ = j + 1;
      min = n;
    } else {
      return 1;
    }
    if (!done() && (re_[i_] == '?' || re_[i_] == '+')) ++i_;  // lazy, possessive
    return min;
  }

  bool item() {
    const auto c = static_cast<unsigned char>(re_[i_]);
    switch (c) {
      case '(': return group();
      case '[': return char_class();
      case '\\': return escape();
      case '.':
      case '^':
      case '$': ++i_; return false;  // any byte, or no byte at all
      case '*':
      case '+':
      case '?':
      case '{': failed_ = true; return false;
      default: ++i_; return literal(c);
    }
  }

  bool literal(unsigned char c) const { return every_byte_in_set(case_folded(ByteSet{}.set(c))); }

  // Both cases of every letter in `s`, when the regex ignores case.
  ByteSet case_folded(ByteSet s) const {
    if (caseless_) {
      for (unsigned c = 'a'; c <= 'z'; ++c) {
        const unsigned up = c - 'a' + 'A';
        if (s[c] || s[up]) s.set(c).set(up);
      }
    }
    return s;
  }

  bool every_byte_in_set(const ByteSet& s) const { return s.any() && (s & ~bytes_).none(); }

  bool group() {
    ++i_;  // '('
    // Rules are not evidence, but a regex nested deeper than any real one
    // must not exhaust the stack.
    if (++depth_ > kMaxDepth) {
      failed_ = true;
      return false;
    }
    const bool outer_caseless = caseless_;
    if (!done() && re_[i_] == '?') {
      ++i_;
      // Only option settings, alone or over a group: (?:...), (?i), (?i-s:...).
      bool on = true;
      while (!done() && re_[i_] != ':' && re_[i_] != ')') {
        const char f = re_[i_++];
        if (f == '-') {
          on = false;
        } else if (f == 'i') {
          caseless_ = on;
        } else if (f != 's' && f != 'm') {
          failed_ = true;  // look-around, names, comments, extended mode...
          return false;
        }
      }
      if (done()) {
        failed_ = true;
        return false;
      }
      if (re_[i_++] == ')') {
        --depth_;
        return false;  // options for the rest of the enclosing group
      }
    }
    const bool needs = alternation();
    if (done() || re_[i_] != ')') {
      failed_ = true;
      return false;
    }
    ++i_;
    caseless_ = outer_caseless;
    --depth_;
    return needs;
  }

  // \xHH or \x{H..}: the byte; -1 when it is not one.
  int hex_escape() {
    const auto hex = util::hex_value;
    int v = 0;
    if (!done() && re_[i_] == '{') {
      size_t j = i_ + 1, digits = 0;
      while (j < re_.size() && hex(re_[j]) >= 0 && digits < 3) v = v * 16 + hex(re_[j++]), ++digits;
      if (digits == 0 || j >= re_.size() || re_[j] != '}' || v > 0xff) return -1;
      i_ = j + 1;
      return v;
    }
    for (int k = 0; k < 2; ++k) {
      if (done() || hex(re_[i_]) < 0) return -1;
      v = v * 16 + hex(re_[i_++]);
    }
    return v;
  }

  // The set an escape stands for (after the backslash), in or out of a
  // class; `in_class` reads \b as a backspace. Empty on failure.
  ByteSet escape_set(bool in_class, bool& zero_width) {
    zero_width = false;
    if (done()) return {};
    const auto e = static_cast<unsigned char>(re_[i_++]);
    ByteSet one;
    switch (e) {
      case 'd': return digit_class();
      case 'w': return word_class();
      case 's': return space_class();
      case 'D': return ~digit_class();
      case 'W': return ~word_class();
      case 'S': return ~space_class();
      case 'n': return one.set('\n');
      case 'r': return one.set('\r');
      case 't': return one.set('\t');
      case 'f': return one.set('\f');
      case 'e': return one.set(0x1b);
      case 'a': return one.set(0x07);
      case 'x': {
        const int v = hex_escape();
        return v < 0 ? ByteSet{} : one.set(static_cast<size_t>(v));
      }
      case 'b':
        if (in_class) return one.set(0x08);
        zero_width = true;
        return {};
      case 'B':
      case 'A':
      case 'z':
      case 'Z':
      case 'G': zero_width = !in_class; return {};
      default:
        // Escaped punctuation stands for itself; a letter or digit names
        // something this reader does not follow (\p, \h, \1, \Q...).
        if (!is_alpha(e) && !is_digit(e)) return one.set(e);
        return {};
    }
  }

  bool escape() {
    ++i_;  // '\'
    bool zero_width = false;
    const ByteSet s = escape_set(false, zero_width);
    if (zero_width) return false;
    if (s.none()) {
      failed_ = true;
      return false;
    }
    return every_byte_in_set(case_folded(s));
  }

  // One member of a class (a byte, an escape's set, or a range); false on
  // failure.
  bool class_member(ByteSet& set) {
    auto single = [&](int& byte) -> bool {
      if (re_[i_] == '\\') {
        ++i_;
        bool zero_width = false;
        const ByteSet s = escape_set(true, zero_width);
        if (s.count() != 1) {
          if (s.none()) return false;
          set |= s;  // \d, \s...: no range from it
          byte = -1;
          return true;
        }
        for (size_t c = 0; c < 256; ++c)
          if (s[c]) byte = static_cast<int>(c);
        return true;
      }
      if (re_[i_] == '[' && i_ + 1 < re_.size() &&
          (re_[i_ + 1] == ':' || re_[i_ + 1] == '.' || re_[i_ + 1] == '='))
        return false;  // POSIX classes
      byte = static_cast<unsigned char>(re_[i_++]);
      return true;
    };
    int lo = -1;
    if (!single(lo)) return false;
    if (lo < 0) return true;
    if (i_ + 1 < re_.size() && re_[i_] == '-' && re_[i_ + 1] != ']') {
      ++i_;
      int hi = -1;
      if (!single(hi) || hi < lo) return false;
      set |= range(static_cast<unsigned char>(lo), static_cast<unsigned char>(hi));
      return true;
    }
    set.set(static_cast<size_t>(lo));
    return true;
  }

  bool char_class() {
    ++i_;  // '['
    bool negate = false;
    if (!done() && re_[i_] == '^') {
      negate = true;
      ++i_;
    }
    ByteSet set;
    bool first = true;
    for (;;) {
      if (done()) {
        failed_ = true;
        return false;
      }
      if (re_[i_] == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (!class_member(set)) {
        failed_ = true;
        return false;
      }
    }
    set = case_folded(set);  // before negating: [^a] leaves out "A" too
    return every_byte_in_set(negate ? ~set : set);
  }

  static constexpr int kMaxDepth = 200;
  std::string_view re_;
  size_t i_ = 0;
  int depth_ = 0;
  bool caseless_;
  const ByteSet& bytes_;
  bool failed_ = false;
};

}  // namespace

bool every_match_contains(std::string_view regex, bool caseless, const ByteSet& bytes) {
  // Hyperscan reads a pattern up to its first NUL: past it, the text here
  // is not the regex that runs.
  if (regex.find('\0') != std::string_view::npos) return false;
  return Reader(regex, caseless, bytes).read();
}

bool has_unusual_target_byte(std::string_view text) {
  // A plain table: this runs on every value not seen recently.
  static const std::array<bool, 256> unusual = [] {
    std::array<bool, 256> t{};
    for (size_t c = 0; c < 256; ++c) t[c] = unusual_target_bytes()[c];
    return t;
  }();
  for (char c : text)
    if (unusual[static_cast<unsigned char>(c)]) return true;
  return false;
}

const ByteSet& unusual_target_bytes() {
  static const ByteSet bytes = [] {
    ByteSet ordinary = range('0', '9') | range('a', 'z') | range('A', 'Z');
    for (unsigned char c : {'/', '.', '_', '-', '?', '=', '&', '+', '%', ',', ':', '~'})
      ordinary.set(c);
    return ~ordinary;
  }();
  return bytes;
}

}  // namespace shodo::detect::engine
