// Japanese addresses and postal codes: a prefecture name (all 47) followed
// within a short span by a municipality suffix (市, 区, 町, 村); postal codes
// NNN-NNNN.
#pragma once

#include <cstddef>
#include <string_view>

namespace shodo::pii {

// Bytes of the prefecture name that ends exactly at text[end] (exclusive),
// 0 when none does.
size_t prefecture_ending_at(std::string_view text, size_t end);
// Bytes of the prefecture name that starts at text[begin], 0 when none does.
size_t prefecture_starting_at(std::string_view text, size_t begin);
// True when a municipality suffix follows `text[from]` within 10 characters.
bool municipality_follows(std::string_view text, size_t from);
// The address starting at text[begin] with its prefecture: up to a
// delimiter (quote, comma, space, tab, line end, '<') or 150 bytes.
size_t address_length(std::string_view text, size_t begin);

// "NNN-NNNN" or "NNNNNNN", optionally after "〒" (and spaces): the 7
// digits in `digits`.
bool parse_postal_code(std::string_view text, char (&digits)[7]);

}  // namespace shodo::pii
