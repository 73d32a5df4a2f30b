// Which bytes every match of a regular expression must contain. Most request
// targets hold only letters, digits and a few URL punctuation marks, while
// most attack patterns need a quote, a parenthesis, a space or a bracket: a
// value without any of those needs no scan against such patterns.
#pragma once

#include <bitset>
#include <string_view>

namespace shodo::detect::engine {

using ByteSet = std::bitset<256>;

// Whether every match of `regex` (Hyperscan's syntax; `caseless` as its
// HS_FLAG_CASELESS) contains at least one byte of `bytes`. False when it
// cannot tell: a construct it does not read is assumed to match anything,
// so a true answer is always right.
bool every_match_contains(std::string_view regex, bool caseless, const ByteSet& bytes);

// Bytes outside ordinary request targets: everything but letters, digits and
// / . _ - ? = & + % , : ~
const ByteSet& unusual_target_bytes();
// Whether `text` holds one of them.
bool has_unusual_target_byte(std::string_view text);

}  // namespace shodo::detect::engine
