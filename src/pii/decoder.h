// Japanese text arrives in UTF-8, Shift_JIS (CP932) or EUC-JP: the encoding
// is told from the first bytes that are not ASCII (valid UTF-8 first, then
// byte-pair statistics) and the stream is converted to UTF-8 with iconv,
// chunk by chunk, a character split between chunks carried over.
#pragma once

#include <iconv.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/read/stream.h"

namespace shodo::pii {

enum class Encoding : uint8_t { ascii, utf8, shift_jis, euc_jp, unknown };
std::string_view encoding_name(Encoding encoding);

// The encoding of a sample holding non-ASCII bytes (a sequence cut at its
// end does not count against UTF-8). unknown when none fits (binary data).
Encoding detect_encoding(std::string_view sample);

class Decoder {
 public:
  explicit Decoder(ingest::ByteStream& in) : in_(in) {}
  ~Decoder();
  Decoder(const Decoder&) = delete;
  Decoder& operator=(const Decoder&) = delete;

  // Up to n (at least 16) bytes of UTF-8 text; 0 at the end.
  size_t read(char* out, size_t n);
  // ascii until the first non-ASCII byte.
  Encoding encoding() const { return encoding_; }
  // Bytes that were not valid in the detected encoding (each became U+FFFD).
  uint64_t invalid_bytes() const { return invalid_; }

 private:
  bool decided() const { return encoding_ != Encoding::ascii; }
  bool start_conversion();
  size_t convert(char* out, size_t n);

  ingest::ByteStream& in_;
  Encoding encoding_ = Encoding::ascii;
  iconv_t cd_ = reinterpret_cast<iconv_t>(-1);
  std::string raw_;  // bytes waiting for conversion: raw_[raw_pos_...]
  size_t raw_pos_ = 0;
  bool eof_ = false;
  uint64_t invalid_ = 0;
};

}  // namespace shodo::pii
