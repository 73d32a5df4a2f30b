// Measures of how unreadable code is: a packed payload is one long line of
// near-random bytes, symbol-only code ($_=[]...) is mostly punctuation. Alone
// these are weak (minifiers exist); they raise the score of other signals.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "files/heuristics/heuristics.h"

namespace shodo::files {
namespace {

constexpr size_t kMeasuredBytes = 4u << 20;  // enough to judge; bounds the time
constexpr size_t kBlobChars = 2000;          // an encoded string this long is a payload

double entropy(std::string_view s) {
  std::array<size_t, 256> counts{};
  for (unsigned char ch : s) ++counts[ch];
  double h = 0;
  for (size_t n : counts) {
    if (n == 0) continue;
    double p = static_cast<double>(n) / static_cast<double>(s.size());
    h -= p * std::log2(p);
  }
  return h;
}

// Base64 characters, as isalnum() in the "C" locale plus '+' and '/'.
bool is_base64(char ch) {
  return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
         ch == '+' || ch == '/';
}

struct SymbolCount {
  size_t counted = 0, symbols = 0;  // bytes not white space; ASCII punctuation among them
};

// 16 bytes a step (GCC and Clang vector types): this reads every byte of every
// server-side script.
SymbolCount count_symbols(std::string_view text) {
  using Bytes = uint8_t __attribute__((vector_size(16)));
  constexpr size_t kStep = sizeof(Bytes);
  SymbolCount n;
  Bytes counted{}, symbols{};  // per lane; a lane holds up to 255
  int steps = 0;
  auto flush = [&] {
    for (size_t lane = 0; lane < kStep; ++lane) {
      n.counted += counted[lane];
      n.symbols += symbols[lane];
    }
    counted = symbols = Bytes{};
    steps = 0;
  };
  auto add = [&](Bytes c) {
    const Bytes space = (Bytes)((c == ' ') | (c == '\t') | (c == '\n') | (c == '\r'));
    const Bytes alnum = (Bytes)(((Bytes)(c - '0') < 10) | ((Bytes)((c | 0x20) - 'a') < 26));
    const Bytes ascii = (Bytes)(c < 0x80);
    counted -= ~space;  // lanes are 0xff (-1) where true
    symbols -= ascii & ~alnum & ~space;
    if (++steps == 255) flush();
  };
  size_t i = 0;
  for (; i + kStep <= text.size(); i += kStep) {
    Bytes c;
    std::memcpy(&c, text.data() + i, kStep);
    add(c);
  }
  Bytes last = Bytes{} + ' ';  // padded with blanks, which count as nothing
  if (i < text.size()) std::memcpy(&last, text.data() + i, text.size() - i);
  add(last);
  flush();
  return n;
}

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

void check_obfuscation(const FileContext& c, std::vector<Signal>& out) {
  const bool server_code =
      c.lang == Language::php || c.lang == Language::asp || c.lang == Language::jsp;
  if (c.binary || !(server_code || c.lang == Language::js || c.lang == Language::html)) return;
  std::string_view text = c.data.substr(0, kMeasuredBytes);
  size_t longest = 0, longest_at = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > longest) {
      longest = end - start;
      longest_at = start;
    }
    start = end + 1;
  }
  const SymbolCount n = server_code ? count_symbols(text) : SymbolCount{};
  auto make = [&](std::string id, int points, std::string title, std::string title_ja,
                  std::string reason, std::string reason_ja, size_t at) {
    Signal s;
    s.id = std::move(id);
    s.points = points;
    s.title = std::move(title);
    s.title_ja = std::move(title_ja);
    s.reason = std::move(reason);
    s.reason_ja = std::move(reason_ja);
    s.offset = at;
    s.techniques = {"T1027"};
    out.push_back(std::move(s));
  };
  if (longest >= 5000) {
    double h = entropy(text.substr(longest_at, longest));
    // Minified JS sits near 5.0 bits per byte; base64 and packed data near 6.
    const double bar = server_code ? 5.2 : 5.6;
    if (h >= bar)
      make("packed_line", server_code ? 25 : 15, "Long high-entropy line (packed code)",
           "長く乱雑な行（圧縮・暗号化されたコード）",
           "a line of " + std::to_string(longest) + " bytes with entropy " + fixed1(h) +
               " bits/byte",
           std::to_string(longest) + "バイトの行、エントロピー " + fixed1(h) + " ビット/バイト",
           longest_at);
  }
  if (server_code && n.counted >= 400 && n.symbols * 100 >= n.counted * 45)
    make("symbol_code", 30, "Code made mostly of symbols", "記号ばかりのコード",
         std::to_string(n.symbols * 100 / n.counted) + "% of the code is punctuation",
         "コードの" + std::to_string(n.symbols * 100 / n.counted) + "%が記号", 0);
  // A run of base64 holds no newline: only a file with a long line can have one.
  if (server_code && longest >= kBlobChars) {
    size_t run = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      const char ch = text[i];
      if (is_base64(ch)) {
        ++run;
        continue;
      }
      if (run >= kBlobChars && (ch == '\'' || ch == '"' || ch == '=')) {
        make("encoded_blob", 20, "Large encoded string in code", "コード内の大きな符号化文字列",
             "a base64-like string of " + std::to_string(run) + " characters",
             std::to_string(run) + "文字の base64 風の文字列", i - run);
        break;
      }
      run = 0;
    }
  }
}

}  // namespace shodo::files
