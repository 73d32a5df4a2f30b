// Matching a line against a compiled template and filling the event.
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <cstring>

#include "ingest/formats/template/template.h"

namespace shodo::ingest::tpl {
namespace {

constexpr size_t npos = std::string_view::npos;

constexpr std::string_view kCut = "line cut short";
constexpr std::string_view kMismatch = "text does not match the format";
constexpr std::string_view kTrailing = "trailing text";
constexpr std::string_view kBadTime = "bad time";

bool text_at(std::string_view line, size_t at, std::string_view lit) {
  if (at > line.size() || line.size() - at < lit.size()) return false;
  // Literals are a few bytes: a loop beats a call to memcmp.
  for (size_t i = 0; i < lit.size(); ++i)
    if (line[at + i] != lit[i]) return false;
  return true;
}

// Whether the line ends part way into `lit` at `at`: cut short rather
// than different.
bool cut_in(std::string_view line, size_t at, std::string_view lit) {
  const std::string_view rest = line.substr(std::min(at, line.size()));
  return rest.size() < lit.size() && lit.starts_with(rest);
}

// The first `c` (or `stop`, when kStop) in [p, end). Fields are mostly
// short, where a call to memchr costs more than the search: 32 bytes a step
// inline (two 16-byte compares, one test), then 16, the last 16 in one load
// that overlaps bytes already searched (no byte-by-byte tail unless the
// whole range is shorter).
template <bool kStop = false>
[[gnu::always_inline]] inline const char* find_byte(const char* p, const char* end, char c,
                                                    char stop = 0) {
#ifdef __SSE2__
  if (end - p >= 16) {
    const __m128i needle = _mm_set1_epi8(c), stop_needle = _mm_set1_epi8(stop);
    auto hits = [&](const char* at) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
      const __m128i hit = _mm_cmpeq_epi8(v, needle);
      return kStop ? _mm_or_si128(hit, _mm_cmpeq_epi8(v, stop_needle)) : hit;
    };
    auto first_in = [&](const char* at) {
      return static_cast<unsigned>(_mm_movemask_epi8(hits(at)));
    };
    for (; end - p > 32; p += 32) {
      const __m128i low = hits(p), high = hits(p + 16);
      if (_mm_movemask_epi8(_mm_or_si128(low, high)) == 0) continue;
      const auto mask = static_cast<unsigned>(_mm_movemask_epi8(low)) |
                        static_cast<unsigned>(_mm_movemask_epi8(high)) << 16;
      return p + __builtin_ctz(mask);
    }
    for (; end - p > 16; p += 16)
      if (const unsigned mask = first_in(p)) return p + __builtin_ctz(mask);
    p = end - 16;
    const unsigned mask = first_in(p);
    return mask ? p + __builtin_ctz(mask) : nullptr;
  }
#endif
  for (; p < end; ++p)
    if (*p == c || (kStop && *p == stop)) return p;
  return nullptr;
}

// The first occurrence of `lit` from `from`; a list field skips the ", "
// between its members.
size_t find_literal(std::string_view line, size_t from, std::string_view lit, bool list) {
  const char* const base = line.data();
  size_t at = from;
  while (at < line.size()) {
    const char* hit = find_byte(base + at, base + line.size(), lit[0]);
    if (!hit) return npos;
    at = static_cast<size_t>(hit - base);
    if (text_at(line, at, lit) && !(list && at > from && line[at - 1] == ',')) return at;
    ++at;
  }
  return npos;
}

// The closing quote of a quoted field: the first unescaped '"' followed by
// the rest of the literal after the field. `last_quote` is the last
// candidate seen, to tell a line cut short from one that does not match.
size_t find_closing_quote(std::string_view line, size_t from, std::string_view lit, Escape escape,
                          size_t& last_quote) {
  const std::string_view after = lit.substr(1);
  const char* const base = line.data();
  size_t at = from;
  while (at < line.size()) {
    const char* hit = find_byte(base + at, base + line.size(), '"');
    if (!hit) return npos;
    const size_t q = static_cast<size_t>(hit - base);
    at = q + 1;
    if (escape != Escape::none) {
      size_t backslashes = 0;
      while (q - backslashes > from && line[q - backslashes - 1] == '\\') ++backslashes;
      if (backslashes % 2) continue;
    }
    last_quote = q;
    if (text_at(line, q + 1, after)) return q;
  }
  return npos;
}

// Digits only, at most 18 of them.
bool parse_count(std::string_view s, int64_t& out) {
  if (s.empty() || s.size() > 18) return false;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

// A decimal in some unit, as microseconds: `scale` is the number of
// fraction digits down to a microsecond (seconds 6, milliseconds 3).
bool parse_duration(std::string_view s, int scale, int64_t& out) {
  const size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  int64_t v = 0;
  if (whole.size() > 12 || !parse_count(whole, v)) return false;  // keeps v * 10^6 in int64
  int digits = 0;
  if (dot != npos) {
    for (char c : s.substr(dot + 1)) {
      if (c < '0' || c > '9') return false;
      if (digits < scale) {
        v = v * 10 + (c - '0');
        ++digits;
      }
    }
  }
  for (; digits < scale; ++digits) v *= 10;
  out = v;
  return true;
}

// RFC 9110 token characters, the bytes a method is made of.
constexpr auto kTokenChars = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  for (char c : std::string_view("!#$%&'*+-.^_`|~")) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool is_token_char(char c) {
  return kTokenChars[static_cast<unsigned char>(c)];
}

void set_target(std::string_view target, Event& ev) {
  ev.request_target = target;
  const size_t q = target.find('?');
  ev.path = target.substr(0, q);
  if (q != npos) ev.query = target.substr(q + 1);
}

// METHOD SP TARGET SP PROTOCOL; anything else (scanner noise, a TLS
// handshake on a plain port, "-") is kept whole and flagged.
void set_request_line(std::string_view v, Event& ev) {
  // The method's bytes are walked once: the first byte that is not a token
  // character must be the first space.
  size_t sp1 = 0;
  while (sp1 < v.size() && is_token_char(v[sp1])) ++sp1;
  const size_t sp2 = v.rfind(' ');
  const bool ok = sp1 > 0 && sp1 < v.size() && v[sp1] == ' ' && sp2 != npos && sp2 > sp1 + 1 &&
                  v.substr(sp2 + 1).starts_with("HTTP/");
  if (!ok) {
    ev.request_target = v;
    ev.extra.emplace_back("request.malformed", "true");
    return;
  }
  ev.method = v.substr(0, sp1);
  ev.protocol = v.substr(sp2 + 1);
  set_target(v.substr(sp1 + 1, sp2 - sp1 - 1), ev);
}

void set_text(Field slot, std::string_view v, Event& ev) {
  switch (slot) {
    case Field::host: ev.host = v; break;
    case Field::client_ip: ev.client_ip = v; break;
    case Field::forwarded_for: ev.forwarded_for = v; break;
    case Field::server_ip: ev.server_ip = v; break;
    case Field::vhost: ev.vhost = v; break;
    case Field::method: ev.method = v; break;
    case Field::path: ev.path = v; break;
    case Field::protocol: ev.protocol = v; break;
    case Field::referer: ev.referer = v; break;
    case Field::user_agent: ev.user_agent = v; break;
    case Field::user: ev.user = v; break;
    default: break;  // the compilers give text fields only the slots above
  }
}

// Stores a count; the reason when it does not fit the slot.
std::string_view set_number(Field slot, std::string_view v, Event& ev) {
  int64_t n = 0;
  const bool ok = parse_count(v, n);
  switch (slot) {
    case Field::status:
      if (!ok || n > 999) return "bad status";
      ev.status = static_cast<int32_t>(n);
      return {};
    case Field::client_port:
    case Field::server_port:
      if (!ok || n > 65535) return "bad port";
      (slot == Field::client_port ? ev.client_port : ev.server_port) = static_cast<int32_t>(n);
      return {};
    case Field::pid:
      if (!ok) return "bad pid";
      ev.pid = n;
      return {};
    case Field::bytes_sent:
    case Field::bytes_total:
    case Field::bytes_received:
      if (!ok) return "bad size";
      (slot == Field::bytes_sent    ? ev.bytes_sent
       : slot == Field::bytes_total ? ev.bytes_total
                                    : ev.bytes_received) = n;
      return {};
    default: return {};  // the compilers give number fields only the slots above
  }
}

bool counts(Kind k) {
  return k == Kind::number || k == Kind::bytes_clf || k == Kind::duration;
}

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// Two templates that read every line the same way.
bool same_layout(const Template& a, const Template& b) {
  if (a.escape != b.escape || a.lead != b.lead || a.time_items != b.time_items ||
      !a.strftimes.empty() || !b.strftimes.empty() || a.items.size() != b.items.size())
    return false;
  for (size_t i = 0; i < a.items.size(); ++i) {
    const Item &x = a.items[i], &y = b.items[i];
    if (x.kind != y.kind || x.slot != y.slot || x.time != y.time || x.as_extra != y.as_extra ||
        x.quoted != y.quoted || x.list != y.list || x.scale != y.scale ||
        x.strftime != y.strftime || x.name != y.name || x.literal != y.literal)
      return false;
  }
  return true;
}

// The layouts most access logs are written in, which parse_fixed() reads
// without interpreting the template.
enum class Fixed : uint8_t { none, common, combined };

Fixed fixed_layout(const Template& t) {
  static const std::shared_ptr<const Template> common = [] {
    std::string error;
    return compile_apache(R"(%h %l %u %t "%r" %>s %b)", error);
  }();
  static const std::shared_ptr<const Template> combined = [] {
    std::string error;
    return compile_apache(R"(%h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i")", error);
  }();
  if (combined && same_layout(t, *combined)) return Fixed::combined;
  if (common && same_layout(t, *common)) return Fixed::common;
  return Fixed::none;
}

class TemplateParser final : public LineParser {
 public:
  explicit TemplateParser(std::shared_ptr<const Template> t, bool fixed_layouts = true)
      : t_(std::move(t)), fixed_(fixed_layouts ? fixed_layout(*t_) : Fixed::none) {}

  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override {
    if (fixed_ != Fixed::none && parse_fixed(line, ev, ctx)) return LineResult::event;
    const Template& t = *t_;
    if (is_blank(line)) return LineResult::meta;
    // Escapes are rare: one search of the line spares one per field.
    may_escape_ =
        t.escape != Escape::none && find_byte(line.data(), line.data() + line.size(), '\\');
    if (!text_at(line, 0, t.lead)) return fail(ctx, cut_in(line, 0, t.lead) ? kCut : kMismatch);
    if (t.time_items > 1) parts_ = TimeParts{};
    size_t pos = t.lead.size();
    for (const Item& it : t.items) {
      size_t end;
      if (it.kind == Kind::time) {
        if (!read_time_item(it, line, pos, end, ev, ctx)) return fail(ctx, kBadTime);
        if (!text_at(line, end, it.literal))
          return fail(ctx, cut_in(line, end, it.literal) ? kCut : kMismatch);
      } else {
        if (it.literal.empty()) {
          // The last field runs to the end of the line; a count stops at a
          // space so that text after it reads as trailing text.
          end = counts(it.kind) ? std::min(line.find(' ', pos), line.size()) : line.size();
        } else if (it.quoted) {
          size_t last = npos;
          end = find_closing_quote(line, pos, it.literal, t.escape, last);
          if (end == npos)
            return fail(ctx, last == npos || cut_in(line, last + 1, it.literal.substr(1))
                                 ? kCut
                                 : kMismatch);
        } else {
          end = find_literal(line, pos, it.literal, it.list);
          if (end == npos) return fail(ctx, kCut);
        }
        if (std::string_view why = apply(it, line.substr(pos, end - pos), ev, ctx); !why.empty())
          return fail(ctx, why);
      }
      pos = end + it.literal.size();
    }
    if (pos != line.size()) return fail(ctx, kTrailing);
    if (t.time_items > 1 && !finish_time(parts_, ctx.zone, ev)) return fail(ctx, kBadTime);
    return LineResult::event;
  }

  std::unique_ptr<LineParser> clone() const override {
    return std::make_unique<TemplateParser>(t_, fixed_ != Fixed::none);
  }

 private:
  static LineResult fail(ParseContext& ctx, std::string_view why) {
    ctx.error = why;
    return LineResult::bad;
  }

  std::string_view decode(std::string_view v, ParseContext& ctx) const {
    if (!may_escape_ || !ctx.arena || !find_byte(v.data(), v.data() + v.size(), '\\')) return v;
    return unescape(t_->escape, v, *ctx.arena);
  }

  // Reads the time at line[pos], which decides its own end. The only time
  // field of a template goes through a one-entry cache: consecutive lines
  // mostly share their second, and the cache skips both the reading and the
  // conversion to UTC.
  bool read_time_item(const Item& it, std::string_view line, size_t pos, size_t& end, Event& ev,
                      ParseContext& ctx) {
    const std::string_view rest = line.substr(pos);
    const StrftimeFormat* pattern = it.strftime >= 0 ? &t_->strftimes[it.strftime] : nullptr;
    size_t used = 0;
    if (it.as_extra) {
      TimeParts scratch;
      if (!read_time(it.time, pattern, rest, scratch, used)) return false;
      ev.extra.emplace_back(it.name, rest.substr(0, used));
    } else if (t_->time_items > 1) {
      if (!read_time(it.time, pattern, rest, parts_, used)) return false;
    } else if (cache_.hit(rest, ctx.zone.zone())) {
      ev.time = cache_.time;
      ev.utc_offset_s = cache_.offset;
      ev.offset_assumed = cache_.assumed;
      used = cache_.consumed;
    } else {
      TimeParts parts;
      if (!read_time(it.time, pattern, rest, parts, used) || !finish_time(parts, ctx.zone, ev))
        return false;
      cache_.store(rest, used, ctx.zone.zone(), ev);
    }
    end = pos + used;
    return true;
  }

  // A line of a fixed layout in its plain shape, read straight: true when
  // read. Anything else (an escape, a quote inside a field, an ident, "-"
  // for a request, a status not of three digits, a bad number, a line cut
  // short) is left to the template, with the event as it came, so both
  // ways read a line alike. Only the time is written to the event before
  // the whole line is known to be plain.
  bool parse_fixed(std::string_view line, Event& ev, ParseContext& ctx) {
    const char* const begin = line.data();
    const char* const end = begin + line.size();
    // Every search stops at a backslash too, and leaves its line to the
    // template: the searches cover every byte outside the time, whose
    // reader takes no backslash.
    auto find = [&](const char* from, char c) -> const char* {
      const char* at = find_byte<true>(from, end, c, '\\');
      return at && *at == c ? at : nullptr;
    };
    if (line.empty() || line[0] == ' ' || line[0] == '\t') return false;
    // %h, then "-" for %l (an ident is an extra), then %u.
    const char* sp = find(begin, ' ');
    if (!sp || end - sp < 3 || sp[1] != '-' || sp[2] != ' ') return false;
    const std::string_view host(begin, static_cast<size_t>(sp - begin));
    const char* p = sp + 3;
    sp = find(p, ' ');
    if (!sp || host == "-") return false;
    const std::string_view user(p, static_cast<size_t>(sp - p));
    size_t time_end = 0;
    if (!read_time_item(t_->items[3], line, static_cast<size_t>(sp + 1 - begin), time_end, ev, ctx))
      return left_to_template(ev);
    // "%r" %>s
    p = begin + time_end;
    if (end - p < 2 || p[0] != ' ' || p[1] != '"') return left_to_template(ev);
    p += 2;
    const char* quote = find(p, '"');
    if (!quote || end - quote < 6 || quote[1] != ' ') return left_to_template(ev);
    const std::string_view request(p, static_cast<size_t>(quote - p));
    if (request.empty() || request == "-") return left_to_template(ev);
    p = quote + 2;
    const auto digit = [](char c) { return static_cast<unsigned>(c - '0') < 10; };
    if (!digit(p[0]) || !digit(p[1]) || !digit(p[2]) || p[3] != ' ') return left_to_template(ev);
    const int32_t status = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
    // %b: digits or "-", the last field of common.
    p += 4;
    const char* bytes_end = p;
    int64_t bytes_sent = 0;
    if (bytes_end < end && *bytes_end == '-') {
      ++bytes_end;
    } else {
      while (bytes_end < end && digit(*bytes_end)) ++bytes_end;
      if (!parse_count({p, static_cast<size_t>(bytes_end - p)}, bytes_sent))
        return left_to_template(ev);
    }
    std::string_view referer, agent;
    if (fixed_ == Fixed::common) {
      if (bytes_end != end) return left_to_template(ev);
    } else {
      // "%{Referer}i" "%{User-Agent}i": each up to the first quote, which
      // must be the one that ends it.
      if (end - bytes_end < 2 || bytes_end[0] != ' ' || bytes_end[1] != '"')
        return left_to_template(ev);
      p = bytes_end + 2;
      quote = find(p, '"');
      if (!quote || end - quote < 3 || quote[1] != ' ' || quote[2] != '"')
        return left_to_template(ev);
      referer = {p, static_cast<size_t>(quote - p)};
      p = quote + 3;
      quote = find(p, '"');
      if (quote != end - 1) return left_to_template(ev);
      agent = {p, static_cast<size_t>(quote - p)};
    }
    ev.client_ip = host;
    if (user != "-") ev.user = user;
    set_request_line(request, ev);
    ev.status = status;
    ev.bytes_sent = bytes_sent;
    if (referer != "-") ev.referer = referer;
    if (agent != "-") ev.user_agent = agent;
    // The user and a malformed request's mark (an extra) are the only
    // fields after `raw` written here; a malformed request has no method.
    ctx.rest_untouched = user == "-" && !ev.method.empty();
    return true;
  }

  // Undoes what parse_fixed() wrote (the time): the event as parse()
  // received it.
  static bool left_to_template(Event& ev) {
    const Event fresh;
    ev.time = fresh.time;
    ev.utc_offset_s = fresh.utc_offset_s;
    ev.offset_assumed = fresh.offset_assumed;
    return false;
  }

  // Fills the event from one field's text; the reason when the text is bad.
  std::string_view apply(const Item& it, std::string_view v, Event& ev, ParseContext& ctx) {
    if (v.empty() || v == "-") {
      // "-" is how both servers write a missing value; these two still say something.
      if (it.as_extra) return {};
      if (it.kind == Kind::bytes_clf && !v.empty()) ev.bytes_sent = 0;
      if (it.kind == Kind::request_line) set_request_line(v, ev);
      return {};
    }
    if (it.as_extra) {
      ev.extra.emplace_back(it.name, decode(v, ctx));
      return {};
    }
    switch (it.kind) {
      case Kind::text: set_text(it.slot, decode(v, ctx), ev); return {};
      case Kind::number: return set_number(it.slot, v, ev);
      case Kind::bytes_clf: return set_number(Field::bytes_sent, v, ev);
      case Kind::duration:
        if (!parse_duration(v, it.scale, ev.duration_us)) return "bad duration";
        return {};
      case Kind::query:
        v = decode(v, ctx);
        if (v.front() == '?') v.remove_prefix(1);
        ev.query = v;
        return {};
      case Kind::request_line: set_request_line(decode(v, ctx), ev); return {};
      case Kind::request_target: set_target(decode(v, ctx), ev); return {};
      case Kind::extra:
      case Kind::time: break;  // extras are as_extra; times are read by shape
    }
    return {};
  }

  struct TimeCache {
    const Zone* zone = nullptr;
    bool valid = false, key_at_eol = false, assumed = false;
    size_t key_len = 0, consumed = 0;
    char key[48];
    TimeUs time = kNoTime;
    int32_t offset = 0;

    // The key is the time's text plus the bytes a reader may look at past
    // it: the same bytes read the same way.
    bool hit(std::string_view rest, const Zone* z) const {
      return valid && z == zone && rest.size() >= key_len &&
             (!key_at_eol || rest.size() == key_len) && std::memcmp(rest.data(), key, key_len) == 0;
    }
    void store(std::string_view rest, size_t used, const Zone* z, const Event& ev) {
      key_len = std::min(used + kTimeLookahead, rest.size());
      valid = key_len <= sizeof key;
      if (!valid) return;
      std::memcpy(key, rest.data(), key_len);
      key_at_eol = key_len == rest.size();
      consumed = used;
      zone = z;
      time = ev.time;
      offset = ev.utc_offset_s;
      assumed = ev.offset_assumed;
    }
  };

  std::shared_ptr<const Template> t_;
  Fixed fixed_;
  bool may_escape_ = false;  // the line being parsed holds a backslash
  TimeParts parts_;          // for templates whose time spans several fields
  TimeCache cache_;
};

}  // namespace

std::unique_ptr<LineParser> make_template_parser(std::shared_ptr<const Template> t,
                                                 bool fixed_layouts) {
  return std::make_unique<TemplateParser>(std::move(t), fixed_layouts);
}

}  // namespace shodo::ingest::tpl
