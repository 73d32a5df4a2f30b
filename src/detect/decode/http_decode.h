// Normalizes request text (URL, query, Referer, User-Agent, ...) the way a
// server, a browser or an application may decode it, so that rules can be
// written for the decoded form of an attack whatever encoding hid it.
#pragma once

#include <string>
#include <string_view>

namespace shodo::detect::decode {

// Fills `out` with the normalized form of `in` and returns true; returns
// false when normalization changes nothing (then `out` is unspecified and
// was not touched, so the common case costs one scan and no allocation).
//
// Normalization, repeated up to 3 passes until the text is stable:
//   - percent-decoding `%HH` (an invalid `%zz` stays as written; `%00`
//     becomes a NUL byte), IIS `%uHHHH` to UTF-8;
//   - `+` to space (first pass only: a `+` that came from `%2B` is a plus);
//   - overlong UTF-8 forms of ASCII (`\xc0\xaf`, `%c0%af`, `%e0%80%af`, and
//     4-byte forms) to the ASCII character;
//   - fullwidth forms of ASCII (U+FF01..U+FF5E, `＇` `＜` `％`), raw, as
//     `%EF%BC%87` or as `%uFF07`, to the ASCII character, as NFKC and
//     best-fit mappings turn them;
//   - HTML character references: `&lt;` `&gt;` `&quot;` `&apos;` `&amp;`
//     (also without `;` unless followed by `=` or an alphanumeric, as
//     browsers do in attributes), `&#60;` `&#x3c;` with or without `;` and
//     with any leading zeros;
//   - backslash escapes as JavaScript and JSON write them: `\xHH`, `\uHHHH`
//     (surrogate pairs joined), `\/`.
// Every rule shortens its input, so `out` is never longer than `in`.
// Thread-safe: no shared state.
bool decode_request(std::string_view in, std::string& out);

}  // namespace shodo::detect::decode
