#include "pii/text_util.h"

namespace shodo::pii {

bool contains_ascii_word(std::string_view text, std::string_view word) {
  if (word.empty() || text.size() < word.size()) return word.empty();
  for (size_t i = 0; i + word.size() <= text.size(); ++i)
    if (equals_ascii_lower(text.substr(i, word.size()), word)) return true;
  return false;
}

bool equals_ascii_lower(std::string_view text, std::string_view word) {
  if (text.size() != word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i)
    if (ascii_lower(text[i]) != word[i]) return false;
  return true;
}

}  // namespace shodo::pii
