// Internal: an injected value read as SQL tokens, with the obfuscation taken
// off: comments dropped (MySQL's /*!50000 ...*/ kept, it runs), 0x hex
// strings, CHAR()/CHR() and CONCAT of constants folded into string literals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "leak/ascii.h"

namespace shodo::leak::sql {

enum class Tok : uint8_t {
  word,     // keyword or identifier (backquoted ones unquoted)
  number,   // decimal or an undecodable 0x literal
  string,   // literal text, decoded
  op,       // punctuation and operators: ( ) , ; = <> <= || ...
  closure,  // the quote that closes the application's string: 105' AND ...
};

struct Token {
  Tok kind;
  uint32_t offset, size;  // in Tokens::text
};

class Tokens {
 public:
  static constexpr size_t kMaxTokens = 4096;
  static constexpr size_t kMaxInput = 64 * 1024;

  // Replaces the contents with the tokens of `value` (URL-decoded already).
  void tokenize(std::string_view value);

  size_t size() const { return list_.size(); }
  Tok kind(size_t i) const { return i < list_.size() ? list_[i].kind : Tok::op; }
  // Empty past the end, so lookahead needs no bounds checks.
  std::string_view text(size_t i) const {
    return i < list_.size() ? std::string_view(text_).substr(list_[i].offset, list_[i].size)
                            : std::string_view();
  }
  bool word(size_t i, std::string_view lower) const {
    return kind(i) == Tok::word && iequals(text(i), lower);
  }
  bool op(size_t i, std::string_view o) const {
    return i < list_.size() && list_[i].kind == Tok::op && text(i) == o;
  }
  // Index of the ')' closing the '(' at `open`, or size() when unclosed.
  size_t close_of(size_t open) const;
  // Tokens joined by single spaces, strings quoted, at most `max` bytes.
  std::string joined(size_t max) const;
  bool truncated() const { return truncated_; }

 private:
  void add(Tok kind, std::string_view text);
  void fold_constants();
  size_t fold_call(size_t i, std::vector<Token>& out);

  std::string text_;
  std::vector<Token> list_;
  bool truncated_ = false;
};

}  // namespace shodo::leak::sql
