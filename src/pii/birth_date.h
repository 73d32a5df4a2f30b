// Dates as birth dates are written: 1990-01-02, 1990/1/2, 1990.01.02,
// 19900102, 1990年1月2日 (a time may follow). Years 1900 to 2099.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace shodo::pii {

// Parses the date at the start of `text`: its bytes (0 when none) and the
// date as YYYYMMDD in `ymd`.
size_t parse_date(std::string_view text, uint32_t& ymd);

// A word saying that a date nearby is a birth date (生年月日, 誕生日, birth,
// dob) ends within the 48 bytes before text[at].
bool birth_word_before(std::string_view text, size_t at);

}  // namespace shodo::pii
