// E-mail addresses found around an '@'.
#pragma once

#include <cstddef>
#include <string_view>

namespace shodo::pii {

// The address around the '@' at text[at]: local part of [A-Za-z0-9._%+-]
// (1 to 64 bytes), domain of dot-separated labels ending in a letters-only
// top-level label of 2 or more. false when there is none.
bool email_around(std::string_view text, size_t at, size_t& begin, size_t& end);

// An address as it is counted: ASCII letters lower-cased, into `buf` (an
// address found by email_around is at most 64 + 1 + 254 bytes).
constexpr size_t kMaxEmail = 320;
std::string_view lower_email(std::string_view address, char (&buf)[kMaxEmail]);

}  // namespace shodo::pii
