#include "detect/stateful/web_paths.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
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

// Every extension word the lists below hold, with what it means, in a
// small open-addressing table: a path's extension is one multiply and
// mostly one probe from its answer.
struct ExtensionSlot {
  uint64_t word = 0;  // 0: empty
  bool script = false;
  bool archive_last = false;  // the last component of an archive extension (".gz" of ".sql.gz")
};
constexpr size_t kExtensionSlots = 128;
constexpr size_t extension_slot(uint64_t w) {
  return static_cast<size_t>((w * 0x9e3779b97f4a7c15ull) >> 57);
}
constexpr auto kExtensionTable = [] {
  std::array<ExtensionSlot, kExtensionSlots> t{};
  auto at = [&](uint64_t w) -> ExtensionSlot& {
    size_t i = extension_slot(w);
    while (t[i].word != 0 && t[i].word != w) i = (i + 1) % kExtensionSlots;
    t[i].word = w;
    return t[i];
  };
  for (std::string_view e : kScriptExtensions) at(extension_word(e)).script = true;
  for (const ArchiveKind& k : kArchives)
    at(extension_word(k.extension.substr(k.extension.rfind('.')))).archive_last = true;
  return t;
}();
static_assert(kScriptExtensions.size() + kArchives.size() < kExtensionSlots / 2);

// The table's slot for `w`, or an empty one.
const ExtensionSlot& extension_meaning(uint64_t w) {
  size_t i = extension_slot(w);
  while (kExtensionTable[i].word != 0 && kExtensionTable[i].word != w)
    i = (i + 1) % kExtensionSlots;
  return kExtensionTable[i];
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
  return path_traits(path).script;
}

namespace {

// The number of the archive kind `path` ends with (1 + its index in
// kArchives), or 0, given the path's extension.
// Only for an extension some archive ends in: most paths have none at all,
// and most others end in one no archive ends in (.css, .js...).
uint8_t archive_number(std::string_view path, std::string_view ext) {
  for (size_t i = 0; i < kArchives.size(); ++i) {
    const std::string_view e = kArchives[i].extension;
    if (e.size() >= ext.size() && iequals(ext, e.substr(e.size() - ext.size())) &&
        iends_with(path, e))
      return static_cast<uint8_t>(i + 1);
  }
  return 0;
}

}  // namespace

PathTraits path_traits(std::string_view path) {
  const std::string_view ext = extension_of(path);
  const uint64_t w = extension_word(ext);
  if (w == 0) return {};
  const ExtensionSlot& meaning = extension_meaning(w);
  return {meaning.script, meaning.archive_last ? archive_number(path, ext) : uint8_t{0}};
}

ArchiveKind archive_by_number(uint8_t number) {
  return number == 0 || number > kArchives.size() ? ArchiveKind{} : kArchives[number - 1];
}

ArchiveKind archive_kind(std::string_view path) {
  return archive_by_number(path_traits(path).archive);
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// A bit 7 set in each byte of the 8 at `p` that is a digit, and maybe in
// bytes above such a one (a borrow may run up): only the lowest is exact.
uint64_t digits8(const char* p) {
  constexpr uint64_t ones = 0x0101010101010101ull;
  uint64_t word;
  std::memcpy(&word, p, 8);
  const uint64_t offset = word ^ (ones * '0');  // digits become 0..9, nothing else does
  return (offset - ones * 10) & ~offset & (ones * 0x80);
}

size_t lowest_byte(uint64_t mask) {
  return static_cast<size_t>(std::countr_zero(mask)) / 8;
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
  if (std::endian::native == std::endian::little && path.size() - i >= 8) {
    // Most paths are short: 8 bytes at a time, the last 8 overlapping
    // bytes searched already (the lowest byte found is always a digit). With
    // SSE2, fewer than 16 bytes are left here.
    for (; path.size() - i > 8; i += 8)
      if (const uint64_t mask = digits8(path.data() + i)) return i + lowest_byte(mask);
    i = path.size() - 8;
    const uint64_t mask = digits8(path.data() + i);
    return mask ? i + lowest_byte(mask) : path.size();
  }
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

std::string_view baseline_key_of(std::string_view path, std::string& scratch) {
  if (next_digit(path, 0) == path.size()) return path;
  baseline_key(path, scratch);
  return scratch;
}

}  // namespace shodo::detect
