#include "detect/stateful/web_paths.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace shodo::detect {

namespace {

using namespace std::string_view_literals;

// ASCII only, without the locale lookups of std::tolower: paths are bytes.
constexpr char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `b` is lower case.
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != b[i]) return false;
  }
  return true;
}

bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

// From the last '.' of the last segment to the end; empty when it has none.
std::string_view extension_of(std::string_view path) {
  size_t i = path.size();
#ifdef __SSE2__
  // The last 16 bytes at once: most extensions and last segments end there.
  if (i >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(path.data() + i - 16));
    const auto dots =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('.'))));
    const auto slashes =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('/'))));
    if (const unsigned either = dots | slashes) {
      const int last = 31 - __builtin_clz(either);  // the byte nearest the end
      return dots >> last & 1 ? path.substr(i - 16 + static_cast<size_t>(last))
                              : std::string_view();
    }
    i -= 16;
  }
#endif
  for (; i > 0; --i) {
    if (path[i - 1] == '/') return {};
    if (path[i - 1] == '.') return path.substr(i - 1);
  }
  return {};
}

std::string_view last_segment(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

constexpr std::array kLoginSegments = {"wp-login.php"sv,     "xmlrpc.php"sv,   "login"sv,
                                       "log-in"sv,           "signin"sv,       "sign-in"sv,
                                       "sign_in"sv,          "logon"sv,        "login.php"sv,
                                       "login.aspx"sv,       "login.jsp"sv,    "login.do"sv,
                                       "j_security_check"sv, "authenticate"sv, "admin.php"sv};
constexpr std::array kLoginPaths = {"/admin"sv, "/administrator"sv, "/administrator/index.php"sv,
                                    "/user"sv,  "/session"sv,       "/sessions"sv};
constexpr std::array kScriptExtensions = {".php"sv,   ".php3"sv, ".php4"sv, ".php5"sv, ".php7"sv,
                                          ".phtml"sv, ".phar"sv, ".asp"sv,  ".aspx"sv, ".ashx"sv,
                                          ".asmx"sv,  ".jsp"sv,  ".jspx"sv, ".cgi"sv,  ".pl"sv,
                                          ".py"sv,    ".cfm"sv,  ".shtml"sv};

// Longer extensions first: ".sql.gz" must win over ".gz".
constexpr std::array<ArchiveKind, 22> kArchives = {{
    {".sql.gz", true}, {".sql.bz2", true}, {".sql.zip", true}, {".sql.xz", true}, {".sql", true},
    {".dump", true},   {".bak", true},     {".backup", true},  {".old", true},    {".db", true},
    {".sqlite", true}, {".mdb", true},     {".tar.gz", false}, {".tgz", false},   {".tar", false},
    {".zip", false},   {".7z", false},     {".rar", false},    {".gz", false},    {".bz2", false},
    {".xz", false},    {".csv", false},
}};

// An extension of at most 7 bytes, lower-cased, and its length in one word:
// each list below is then searched a word at a time. 0 for an empty or
// longer extension (none in the lists is longer).
constexpr uint64_t extension_word(std::string_view ext) {
  if (ext.empty() || ext.size() > 7) return 0;
  uint64_t w = static_cast<uint64_t>(ext.size()) << 56;
  for (size_t i = 0; i < ext.size(); ++i)
    w |= static_cast<uint64_t>(static_cast<uint8_t>(lower(ext[i]))) << (8 * i);
  return w;
}

constexpr auto kScriptWords = [] {
  std::array<uint64_t, kScriptExtensions.size()> w{};
  for (size_t i = 0; i < w.size(); ++i) w[i] = extension_word(kScriptExtensions[i]);
  return w;
}();

// The last component of each archive extension (".gz" of ".sql.gz"): a path
// whose extension is none of these is no archive.
constexpr auto kArchiveLastWords = [] {
  std::array<uint64_t, kArchives.size()> w{};
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string_view e = kArchives[i].extension;
    w[i] = extension_word(e.substr(e.rfind('.')));
  }
  return w;
}();

bool in(const auto& words, uint64_t w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

}  // namespace

bool is_login_path(std::string_view path) {
  const std::string_view seg = last_segment(path);
  for (std::string_view s : kLoginSegments) {
    if (iequals(seg, s)) return true;
  }
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  for (std::string_view p : kLoginPaths) {
    if (iequals(path, p)) return true;
  }
  return false;
}

bool is_xmlrpc_path(std::string_view path) {
  return iequals(last_segment(path), "xmlrpc.php");
}

bool is_script_path(std::string_view path) {
  const uint64_t w = extension_word(extension_of(path));
  return w != 0 && in(kScriptWords, w);
}

ArchiveKind archive_kind(std::string_view path) {
  // Most paths have no extension at all, and most others end in one no
  // archive ends in (.css, .js...): only then compare whole suffixes.
  const std::string_view ext = extension_of(path);
  const uint64_t w = extension_word(ext);
  if (w == 0 || !in(kArchiveLastWords, w)) return {};
  for (const ArchiveKind& k : kArchives) {
    if (k.extension.size() >= ext.size() &&
        iequals(ext, k.extension.substr(k.extension.size() - ext.size())) &&
        iends_with(path, k.extension))
      return k;
  }
  return {};
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The first digit in path[from, end), or path.size(): paths are scanned on
// every response, 16 bytes at a time.
size_t next_digit(std::string_view path, size_t from) {
  size_t i = from;
#ifdef __SSE2__
  if (path.size() - i >= 16) {
    const __m128i below = _mm_set1_epi8('0' - 1), above = _mm_set1_epi8('9' + 1);
    auto digits_at = [&](size_t at) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(path.data() + at));
      // Signed compares: bytes from 0x80 are negative, never digits.
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, below), _mm_cmplt_epi8(v, above));
      return static_cast<unsigned>(_mm_movemask_epi8(digit));
    };
    for (; path.size() - i > 16; i += 16)
      if (const unsigned mask = digits_at(i)) return i + static_cast<size_t>(__builtin_ctz(mask));
    // The last 16 bytes in one load, overlapping bytes searched above.
    i = path.size() - 16;
    const unsigned mask = digits_at(i);
    return mask ? i + static_cast<size_t>(__builtin_ctz(mask)) : path.size();
  }
#endif
  while (i < path.size() && !is_digit(path[i])) ++i;
  return i;
}

}  // namespace

void baseline_key(std::string_view path, std::string& key) {
  key.clear();
  size_t copied = 0;  // path[copied, i) is still to append
  for (size_t i = next_digit(path, 0); i < path.size(); i = next_digit(path, i)) {
    key.append(path.data() + copied, i - copied);
    key += '#';
    while (i < path.size() && is_digit(path[i])) ++i;
    copied = i;
  }
  key.append(path.data() + copied, path.size() - copied);
}

}  // namespace shodo::detect
