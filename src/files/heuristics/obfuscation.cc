// Measures of how unreadable code is: a packed payload is one long line of
// near-random bytes, symbol-only code ($_=[]...) is mostly punctuation. Alone
// these are weak (minifiers exist); they raise the score of other signals.
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string>

#include "files/heuristics/heuristics.h"

namespace shodo::files {
namespace {

constexpr size_t kMeasuredBytes = 4u << 20;  // enough to judge; bounds the time

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
  size_t longest = 0, longest_at = 0, symbols = 0, counted = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end - start > longest) {
      longest = end - start;
      longest_at = start;
    }
    start = end + 1;
  }
  for (unsigned char ch : text) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') continue;
    ++counted;
    if (!std::isalnum(ch) && ch < 0x80) ++symbols;
  }
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
  if (server_code && counted >= 400 && symbols * 100 >= counted * 45)
    make("symbol_code", 30, "Code made mostly of symbols", "記号ばかりのコード",
         std::to_string(symbols * 100 / counted) + "% of the code is punctuation",
         "コードの" + std::to_string(symbols * 100 / counted) + "%が記号", 0);
  if (server_code) {
    size_t run = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      unsigned char ch = static_cast<unsigned char>(text[i]);
      if (std::isalnum(ch) || ch == '+' || ch == '/') {
        ++run;
        continue;
      }
      if (run >= 2000 && (ch == '\'' || ch == '"' || ch == '=')) {
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
