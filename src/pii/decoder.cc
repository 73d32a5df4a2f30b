#include "pii/decoder.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "util/escape.h"

namespace shodo::pii {
namespace {

constexpr size_t kRawChunk = 64 << 10;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool in(unsigned char c, unsigned lo, unsigned hi) {
  return c >= lo && c <= hi;
}

struct Score {
  size_t pairs = 0, errors = 0, common = 0;
};

Score score_shift_jis(std::string_view s) {
  Score r;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 || in(c, 0xA1, 0xDF)) continue;  // ASCII, half-width katakana
    if ((in(c, 0x81, 0x9F) || in(c, 0xE0, 0xFC)) && i + 1 < s.size()) {
      const auto t = static_cast<unsigned char>(s[i + 1]);
      if (in(t, 0x40, 0x7E) || in(t, 0x80, 0xFC)) {
        ++r.pairs;
        r.common += c == 0x82 || c == 0x83;  // hiragana, katakana
        ++i;
        continue;
      }
    }
    if (i + 1 < s.size()) ++r.errors;
  }
  return r;
}

Score score_euc_jp(std::string_view s) {
  Score r;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) continue;
    if (i + 1 < s.size()) {
      const auto t = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0x8E && in(t, 0xA1, 0xDF)) || (in(c, 0xA1, 0xFE) && in(t, 0xA1, 0xFE))) {
        ++r.pairs;
        r.common += c == 0xA4 || c == 0xA5;  // hiragana, katakana
        ++i;
        continue;
      }
      if (c == 0x8F && i + 2 < s.size() && in(t, 0xA1, 0xFE) &&
          in(static_cast<unsigned char>(s[i + 2]), 0xA1, 0xFE)) {
        ++r.pairs;
        i += 2;
        continue;
      }
      ++r.errors;
    }
  }
  return r;
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t n = util::utf8_sequence_length(s, i);
    if (n == 0) return s.size() - i < 4 && static_cast<unsigned char>(s[i]) >= 0xC2;
    i += n;
  }
  return true;
}

}  // namespace

std::string_view encoding_name(Encoding encoding) {
  static constexpr std::array<std::string_view, 5> kNames = {"ascii", "utf-8", "shift_jis",
                                                             "euc-jp", "unknown"};
  return kNames[static_cast<size_t>(encoding)];
}

Encoding detect_encoding(std::string_view sample) {
  if (valid_utf8(sample)) return Encoding::utf8;
  const Score sjis = score_shift_jis(sample), euc = score_euc_jp(sample);
  // Binary data fits neither: many bytes that pair in neither encoding.
  const size_t high = static_cast<size_t>(std::count_if(
      sample.begin(), sample.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
  if (std::min(sjis.errors, euc.errors) * 20 > high) return Encoding::unknown;
  if (sjis.errors != euc.errors)
    return sjis.errors < euc.errors ? Encoding::shift_jis : Encoding::euc_jp;
  return sjis.common >= euc.common ? Encoding::shift_jis : Encoding::euc_jp;
}

Decoder::~Decoder() {
  if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
}

bool Decoder::start_conversion() {
  const char* from = encoding_ == Encoding::shift_jis ? "CP932" : "EUC-JP";
  cd_ = iconv_open("UTF-8", from);
  return cd_ != reinterpret_cast<iconv_t>(-1);
}

size_t Decoder::read(char* out, size_t n) {
  if (cd_ != reinterpret_cast<iconv_t>(-1)) return convert(out, n);
  if (decided()) return in_.read(out, n);
  const size_t got = in_.read(out, n);
  const auto* high = std::find_if(out, out + got, [](char c) { return c & 0x80; });
  if (high == out + got) return got;
  const size_t ascii = static_cast<size_t>(high - out);
  encoding_ = detect_encoding(std::string_view(high, got - ascii));
  if (encoding_ == Encoding::utf8 || encoding_ == Encoding::unknown || !start_conversion())
    return got;
  // What follows the ASCII start is converted from now on.
  raw_.assign(high, got - ascii);
  raw_pos_ = 0;
  if (ascii) return ascii;
  return convert(out, n);
}

size_t Decoder::convert(char* out, size_t n) {
  char* o = out;
  size_t left = n;
  while (left >= 16) {
    if (raw_.size() - raw_pos_ < 4 && !eof_) {
      // Keep the (possibly partial) character and read more behind it.
      raw_.erase(0, raw_pos_);
      raw_pos_ = 0;
      const size_t had = raw_.size();
      raw_.resize(had + kRawChunk);
      const size_t got = in_.read(raw_.data() + had, kRawChunk);
      raw_.resize(had + got);
      eof_ = got == 0;
    }
    if (raw_pos_ == raw_.size()) break;
    char* src = raw_.data() + raw_pos_;
    size_t src_left = raw_.size() - raw_pos_;
    const size_t r = iconv(cd_, &src, &src_left, &o, &left);
    raw_pos_ = static_cast<size_t>(src - raw_.data());
    if (r != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) break;
    if (errno == EINVAL && !eof_) {
      if (raw_.size() - raw_pos_ < 4) continue;  // a split character: read more
    }
    // An invalid byte (or a character cut by the end of the file).
    ++invalid_;
    ++raw_pos_;
    std::memcpy(o, kReplacement.data(), kReplacement.size());
    o += kReplacement.size();
    left -= kReplacement.size();
  }
  return static_cast<size_t>(o - out);
}

}  // namespace shodo::pii
