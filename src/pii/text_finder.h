// Free-text search: personal data in a line of a log, a text file or a
// cell whose header says nothing. Stricter than column checks, as nothing
// says what the text holds: cards need a brand's IIN and length, postal
// codes a 〒 or an address after them, My Numbers and birth dates a word
// saying so just before; names are never guessed from text.
#pragma once

#include <string_view>
#include <vector>

#include "pii/hit.h"

namespace shodo::pii {

// Appends what `text` holds, in text order.
void find_in_text(std::string_view text, std::vector<Hit>& out);

// The key of a normalized value of `item`.
uint64_t item_key(Item item, std::string_view normalized);

}  // namespace shodo::pii
