#include "detect/engine/matcher.h"

#include <arpa/inet.h>
#include <hs/hs.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <optional>
#include <unordered_map>

#include "detect/decode/http_decode.h"
#include "detect/engine/fallback_regex.h"
#include "detect/engine/field_ref.h"
#include "detect/engine/hs_database.h"
#include "detect/engine/joined_scan.h"
#include "detect/engine/rare_bytes.h"
#include "detect/engine/required_bytes.h"
#include "detect/engine/value_cache.h"
#include "detect/sigma/logsource.h"

namespace shodo::detect::engine {

using sigma::Atom;
using sigma::Condition;

namespace {

constexpr size_t kKinds = 7;  // ingest::LogKind values

size_t kind_index(ingest::LogKind k) {
  return static_cast<size_t>(k);
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

void to_lower(std::string_view in, std::string& out) {
  out.resize(in.size());
  for (size_t i = 0; i < in.size(); ++i) out[i] = lower(in[i]);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using ExactMap = std::unordered_map<std::string, std::vector<uint32_t>, SvHash, std::equal_to<>>;

// How an atom is decided for an event.
enum class AtomWay : uint8_t {
  indexed,  // by the scan: Hyperscan or the exact tables marked it
  regex,    // fallback regex on the text (raw and decoded)
  empty,    // equals '' : the field is empty or absent
  other,    // number, cidr, exists, null, fieldref
  // An exact value that is no trigger of its rule (a method, a status next
  // to a rarer value): compared only when the rule is evaluated, instead of
  // being marked on most events.
  compared,
};

struct AtomSlot {
  const Atom* atom = nullptr;
  uint32_t rule = 0;
  std::vector<FieldRef> refs;  // refs[0] is the field's own; more when widened
  AtomWay way = AtomWay::indexed;
  std::unique_ptr<FallbackRegex> fallback;
  std::string shown;     // field name findings show (the widest ref's)
  FieldRef other;        // fieldref: the field compared with
  bool trigger = false;  // its hit makes the rule a candidate (Impl::triggers)
};

struct FieldMatchC {
  std::vector<uint32_t> atoms;
  bool all = false;
};

struct RuleC {
  std::vector<std::vector<std::vector<FieldMatchC>>> selections;  // [sel][alt][fm]
  std::vector<std::string> processes;                             // empty: any
  std::array<bool, kKinds> kinds{};
  bool supported = false;
  bool always = false;  // may match with no pattern hit: evaluated on every event
};

// The patterns a value without an unusual byte can match (most request
// targets are such values; most attack patterns need a quote, a bracket or
// a space), in a smaller database: its pattern i is the full list's ids[i].
// No database when no pattern can match such a value.
struct OrdinaryScan {
  std::unique_ptr<HsDatabase> db;
  std::vector<uint32_t> ids;
};

// `runs[i]`: the full database runs pattern i (it was not set aside).
// Nothing when the subset would leave no pattern out, or would miss one the
// full database has.
std::optional<OrdinaryScan> ordinary_scan(const std::vector<HsPattern>& patterns,
                                          const std::vector<bool>& runs) {
  OrdinaryScan out;
  std::vector<HsPattern> subset;
  for (uint32_t i = 0; i < patterns.size(); ++i) {
    const HsPattern& p = patterns[i];
    if (every_match_contains(p.regex, (p.flags & HS_FLAG_CASELESS) != 0, unusual_target_bytes()))
      continue;
    subset.push_back(p);
    out.ids.push_back(i);
  }
  if (subset.size() == patterns.size()) return std::nullopt;
  if (subset.empty()) return out;
  std::vector<HsRejected> rejected;
  out.db = HsDatabase::compile(subset, rejected);
  for (const HsRejected& r : rejected)
    if (runs[out.ids[r.index]]) return std::nullopt;
  if (!out.db && std::any_of(out.ids.begin(), out.ids.end(), [&](uint32_t i) { return runs[i]; }))
    return std::nullopt;
  return out;
}

// A field a log kind's rules read, with its exact values and a database of
// its own patterns: a scan of the field's text alone needs no confirmation.
struct FieldScan {
  FieldRef ref;
  bool decode = false;
  bool used = false;
  ExactMap exact_caseless, exact_cased;
  size_t exact_max_len = 0;
  std::vector<HsPattern> patterns;
  std::vector<std::vector<uint32_t>> pattern_atoms;  // [pattern] -> atoms
  std::unique_ptr<HsDatabase> db;
  std::optional<OrdinaryScan> ordinary;    // request target fields
  std::unique_ptr<JoinedDatabase> joined;  // with db
  // Worth remembering per value: matching the value takes a scan or a decode,
  // not just an exact lookup (a method, a status).
  bool cached() const { return db || decode; }
  // Per pattern: whether `db` runs it (one it rejected runs elsewhere and
  // has no atoms here).
  std::vector<bool> patterns_run() const {
    std::vector<bool> runs(patterns.size());
    for (size_t i = 0; i < runs.size(); ++i) runs[i] = !pattern_atoms[i].empty();
    return runs;
  }

  void add_pattern(HsPattern p, uint32_t atom) {
    size_t i = 0;
    while (i < patterns.size() && !(patterns[i].regex == p.regex && patterns[i].flags == p.flags))
      ++i;
    if (i == patterns.size()) {
      patterns.push_back(std::move(p));
      pattern_atoms.emplace_back();
    }
    pattern_atoms[i].push_back(atom);
  }
};

// The fields of a log kind are matched one by one, and what a field's value
// makes true is remembered per value (ValueCache): most lines repeat values
// seen before. The whole line (keyword searches) differs on every line and is
// scanned each time; its patterns also look at the decoded forms of the
// fields, which are remembered with the field's value.
struct KindPlan {
  std::vector<FieldScan> fields;
  FieldScan line;
  std::vector<uint32_t> always_rules;
  // When every pattern of the line is a plain `contains` literal without a
  // newline: the same patterns reporting every match, for a whole block of
  // lines at once (a match of a literal cannot cross a line), and each one's
  // length, which places a match in its line.
  std::unique_ptr<HsDatabase> block_db;
  std::vector<uint32_t> literal_length;
  // A few bytes rare in logs, one of which each of those literals holds
  // (rare_bytes.h): only the lines with one are searched. Empty: the whole
  // block is.
  std::string literal_bytes;
  // No field's decoded form stands for the line's (none is decoded): the
  // line is decoded itself, line by line.
  bool decode_line = false;
  // url.path is url.original whenever a request has no query, as on most
  // lines whose value is new (a product page): one database of both fields'
  // patterns (first's, then second's) scans that text once instead of twice.
  struct SameText {
    size_t first = 0, second = 0;  // indices into `fields`, first < second
    std::unique_ptr<HsDatabase> db;
    std::optional<OrdinaryScan> ordinary;
    std::unique_ptr<JoinedDatabase> joined;
  };
  std::optional<SameText> same_text;

  FieldScan& scan_for(const FieldRef& ref) {
    FieldScan* scan = nullptr;
    if (!ref.is_extra && ref.field == ingest::Field::raw) {
      scan = &line;
    } else {
      auto it = std::find_if(fields.begin(), fields.end(),
                             [&](const FieldScan& f) { return f.ref == ref; });
      scan = it != fields.end() ? &*it : &fields.emplace_back();
    }
    if (!scan->used) {
      scan->used = true;
      scan->ref = ref;
      scan->decode = scanned_decoded(ref);
    }
    return *scan;
  }
};

// Value cache slots per field and thread: at first, and at most (see
// ValueCache::adapt()).
constexpr size_t kCacheFirstSlots = 1024;
constexpr size_t kCacheMaxSlots = 8192;
// Rare bytes a block's lines are searched for before its literals (one pass
// over the block each).
constexpr size_t kMaxLiteralBytes = 4;

enum class Tri : uint8_t { no, maybe, yes };
Tri tri_and(Tri a, Tri b) {
  return (a == Tri::no || b == Tri::no)     ? Tri::no
         : (a == Tri::yes && b == Tri::yes) ? Tri::yes
                                            : Tri::maybe;
}
Tri tri_or(Tri a, Tri b) {
  return (a == Tri::yes || b == Tri::yes) ? Tri::yes
         : (a == Tri::no && b == Tri::no) ? Tri::no
                                          : Tri::maybe;
}
Tri tri_not(Tri a) {
  return a == Tri::yes ? Tri::no : a == Tri::no ? Tri::yes : Tri::maybe;
}

unsigned hs_flags(const Atom& a) {
  return (a.caseless ? HS_FLAG_CASELESS : 0) | (a.dotall ? HS_FLAG_DOTALL : 0) |
         (a.multiline ? HS_FLAG_MULTILINE : 0);
}

bool starts_anchored(const Atom& a) {
  if (a.literal == Atom::Literal::equals || a.literal == Atom::Literal::startswith) return true;
  std::string_view r = a.regex;
  if (r.starts_with("(?i)")) r.remove_prefix(4);
  return r.starts_with('^') || r.starts_with("\\A");
}

bool parse_ip(std::string_view text, bool& v6, uint8_t out[16]) {
  char buf[64];
  if (text.empty() || text.size() >= sizeof buf) return false;
  text.copy(buf, text.size());
  buf[text.size()] = 0;
  if (inet_pton(AF_INET, buf, out) == 1) {
    v6 = false;
    return true;
  }
  if (inet_pton(AF_INET6, buf, out) == 1) {
    v6 = true;
    return true;
  }
  return false;
}

bool in_network(const Atom& a, std::string_view text) {
  bool v6 = false;
  uint8_t ip[16] = {};
  if (!parse_ip(text, v6, ip) || v6 != a.v6) return false;
  int bits = a.prefix_len;
  for (int i = 0; bits > 0; ++i, bits -= 8) {
    const uint8_t mask = bits >= 8 ? 0xff : static_cast<uint8_t>(0xff << (8 - bits));
    if ((ip[i] & mask) != (a.network[i] & mask)) return false;
  }
  return true;
}

bool compare_number(const Atom& a, std::string_view text) {
  double v = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || p != end) return false;
  switch (a.op) {
    case Atom::Op::eq: return v == a.number;
    case Atom::Op::gt: return v > a.number;
    case Atom::Op::gte: return v >= a.number;
    case Atom::Op::lt: return v < a.number;
    case Atom::Op::lte: return v <= a.number;
  }
  return false;
}

}  // namespace

class Matcher::Scratch {
 public:
  hs_scratch_t* hs = nullptr;
  uint32_t gen = 0;
  std::vector<uint32_t> atom_gen, rule_gen;
  std::vector<uint32_t> hit_atoms, candidates;
  std::string number, number2, decoded, lowered;
  std::vector<uint32_t> hit_patterns, value_atoms, second_atoms;
  // scan_lines(): the line pattern hits of events [lines_from, lines_to), by
  // event in order; match() reads them from `line_next` on.
  struct LineHit {
    const ingest::Event* event;
    uint32_t pattern;
  };
  std::vector<LineHit> line_hits;
  std::vector<uint32_t> literal_lines;  // scan_lines(): lines to search, by index
  const ingest::Event* lines_from = nullptr;
  const ingest::Event* lines_to = nullptr;
  size_t line_next = 0;
  // What the fields of events make true, worked out a window of events of
  // one kind at a time (prepare_window): for events [window_from,
  // window_to), event i's atoms are window_atoms[atoms_at[i], atoms_at[i +
  // 1]). scan_events() lets windows run over its events [values_from,
  // values_to); other events are a window of their own.
  std::vector<uint32_t> window_atoms, atoms_at;
  const ingest::Event* values_from = nullptr;
  const ingest::Event* values_to = nullptr;
  const ingest::Event* window_from = nullptr;
  const ingest::Event* window_to = nullptr;
  // While a window is prepared, by event and field: what is known of the
  // field's value before its atoms are worked out.
  struct Prepared {
    uint64_t hash = 0;        // of the value; 0: no value
    ValueCache::Found found;  // what the field's cache knew of it
    // The joined scan found no pattern of the field's database (the
    // same-text pair's, for its first field) in the value as logged.
    bool clean = false;
    bool same_text = false;  // the pair's first field, holding the second's text
  };
  std::vector<Prepared> prepared;
  // The values each database scans joined ([field], the pair's last), and
  // where each one's Prepared is.
  std::vector<JoinedValues> joined;
  std::vector<std::vector<uint32_t>> joined_owner;
  std::vector<uint8_t> joined_hit;
  // The joined databases `hs` fits (fitting one checks it whole).
  std::vector<const HsDatabase*> joined_fitted;
  std::array<std::vector<ValueCache>, kKinds> caches;  // [kind][field], made on first use
  // The last value of each field matched without a cache (a method: an
  // exact lookup costs more than a compare), and what it made true. Most
  // events repeat the one before. Empty until the first value (empty values
  // are never matched).
  struct LastValue {
    std::string text;
    std::vector<uint32_t> atoms;
  };
  std::array<std::vector<LastValue>, kKinds> last_values;  // [kind][field], as caches
  ~Scratch() { hs_free_scratch(hs); }
};

struct Matcher::Impl {
  const std::vector<sigma::Rule>& rules;
  std::vector<AtomSlot> atoms;
  std::vector<RuleC> compiled;
  std::array<KindPlan, kKinds> plans;

  explicit Impl(const std::vector<sigma::Rule>& r) : rules(r) {}

  // --- scanning ---------------------------------------------------------

  // Each appends to `out` the atoms of `scan` that `text` makes true.
  static void text_atoms(const FieldScan& scan, std::string_view text, Scratch& s,
                         std::vector<uint32_t>& out);
  static void exact_atoms(const FieldScan& scan, std::string_view text, Scratch& s,
                          std::vector<uint32_t>& out);
  static void pattern_atoms(const FieldScan& scan, std::string_view text, Scratch& s,
                            std::vector<uint32_t>& out);
  // What a field's value makes true, as logged and decoded (with the
  // line's patterns on the decoded form), sorted: what its cache keeps.
  // `clean`: the joined scan found no pattern of the field's database in
  // the value as logged.
  static void value_atoms(const KindPlan& plan, const FieldScan& scan, std::string_view text,
                          bool clean, Scratch& s);
  // The same for both fields of plan.same_text at once, when they hold the
  // same text: into s.value_atoms and s.second_atoms.
  static void same_text_atoms(const KindPlan& plan, std::string_view text, bool clean, Scratch& s);
  // Works out what the fields of events [from, to), all of the plan's kind,
  // make true (Scratch::window_atoms). The values the caches do not know
  // are scanned joined first, each database's at once.
  static void prepare_window(const KindPlan& plan, const ingest::Event* from,
                             const ingest::Event* to, std::vector<ValueCache>& caches,
                             std::vector<Scratch::LastValue>& last_values, Scratch& s);
  // prepare_window()'s joined scans: each database's values in s.joined
  // (the same-text pair's last) in one scan, marking those without a hit
  // clean.
  static void scan_joined(const KindPlan& plan, Scratch& s);
  // The keyword patterns over the block of `events`: fills s.line_hits.
  static void scan_lines(const KindPlan& plan, std::span<const ingest::Event> events,
                         std::string_view text, Scratch& s);

  // --- evaluation -------------------------------------------------------

  bool atom_true(uint32_t id, const ingest::Event& ev, Scratch& s) const {
    const AtomSlot& slot = atoms[id];
    if (slot.way == AtomWay::indexed) return s.atom_gen[id] == s.gen;
    const Atom& a = *slot.atom;
    if (slot.way == AtomWay::regex || slot.way == AtomWay::compared) {
      // As the scan would: every field of the name, raw and decoded.
      const auto holds = [&](std::string_view text) {
        if (slot.way == AtomWay::regex) return slot.fallback->search(text);
        return a.caseless ? iequals(text, a.literal_text) : text == a.literal_text;
      };
      for (const FieldRef& ref : slot.refs) {
        const std::string_view text = field_text(ev, ref, s.number);
        if (text.empty()) continue;
        if (holds(text)) return true;
        if (scanned_decoded(ref) && decode::decode_request(text, s.decoded) && holds(s.decoded))
          return true;
      }
      return false;
    }
    std::string_view text = field_text(ev, slot.refs[0], s.number);
    if (slot.way == AtomWay::empty) return text.empty();
    // Values are compared with the first field of a widened name the event has.
    for (size_t i = 1; text.empty() && i < slot.refs.size() && a.kind != Atom::Kind::null &&
                       a.kind != Atom::Kind::exists;
         ++i)
      text = field_text(ev, slot.refs[i], s.number);
    switch (a.kind) {
      case Atom::Kind::number: return compare_number(a, text);
      case Atom::Kind::cidr: return in_network(a, text);
      case Atom::Kind::exists: return text.empty() != a.exists_wanted;
      case Atom::Kind::null: return text.empty();
      case Atom::Kind::fieldref: {
        const std::string_view other = field_text(ev, slot.other, s.number2);
        if (text.empty() || other.empty()) return false;
        return a.fieldref_cased ? text == other : iequals(text, other);
      }
      case Atom::Kind::pattern: break;
    }
    return false;
  }

  bool field_match_true(const FieldMatchC& fm, const ingest::Event& ev, Scratch& s) const {
    if (fm.all) {
      for (uint32_t a : fm.atoms)
        if (!atom_true(a, ev, s)) return false;
      return !fm.atoms.empty();
    }
    for (uint32_t a : fm.atoms)
      if (atom_true(a, ev, s)) return true;
    return false;
  }

  // The index of the first alternative that holds, or -1.
  int selection_true(const RuleC& r, int sel, const ingest::Event& ev, Scratch& s) const {
    const auto& alts = r.selections[static_cast<size_t>(sel)];
    for (size_t i = 0; i < alts.size(); ++i) {
      bool ok = true;
      for (const FieldMatchC& fm : alts[i])
        if (!field_match_true(fm, ev, s)) {
          ok = false;
          break;
        }
      if (ok) return static_cast<int>(i);
    }
    return -1;
  }

  bool condition_true(const RuleC& r, const Condition& c, const ingest::Event& ev,
                      Scratch& s) const {
    switch (c.op) {
      case Condition::Op::selection: return selection_true(r, c.selection, ev, s) >= 0;
      case Condition::Op::not_: return !condition_true(r, c.operands.at(0), ev, s);
      case Condition::Op::all_of:
        for (const Condition& o : c.operands)
          if (!condition_true(r, o, ev, s)) return false;
        return true;
      case Condition::Op::any_of:
        for (const Condition& o : c.operands)
          if (condition_true(r, o, ev, s)) return true;
        return false;
    }
    return false;
  }

  // --- static analysis --------------------------------------------------

  void plan_block_scan(KindPlan& kind) const {
    const FieldScan& line = kind.line;
    // A decoded line (no fields to stand for it) is scanned line by line.
    if (!line.db || (kind.decode_line && line.decode)) return;
    std::vector<uint32_t> lengths;
    std::vector<std::string_view> literals;
    for (const std::vector<uint32_t>& ids : line.pattern_atoms) {
      if (ids.empty()) return;  // rejected: runs elsewhere
      const Atom& a = *atoms[ids[0]].atom;
      if (atoms[ids[0]].way != AtomWay::indexed || a.kind != Atom::Kind::pattern ||
          a.literal != Atom::Literal::contains || a.literal_text.empty() ||
          a.literal_text.find_first_of("\r\n") != std::string::npos)
        return;
      lengths.push_back(static_cast<uint32_t>(a.literal_text.size()));
      literals.push_back(a.literal_text);
    }
    std::vector<HsRejected> rejected;
    auto db = HsDatabase::compile(line.patterns, rejected, true);
    if (!db || !rejected.empty()) return;
    kind.block_db = std::move(db);
    kind.literal_length = std::move(lengths);
    kind.literal_bytes = rare_byte_cover(literals, kMaxLiteralBytes);
  }

  void plan_same_text(KindPlan& kind) const {
    const auto index_of = [&](ingest::Field f) -> std::optional<size_t> {
      for (size_t i = 0; i < kind.fields.size(); ++i)
        if (!kind.fields[i].ref.is_extra && kind.fields[i].ref.field == f) return i;
      return std::nullopt;
    };
    const auto original = index_of(ingest::Field::request_target);
    const auto path = index_of(ingest::Field::path);
    if (!original || !path) return;
    KindPlan::SameText pair;
    pair.first = std::min(*original, *path);
    pair.second = std::max(*original, *path);
    const FieldScan& first = kind.fields[pair.first];
    const FieldScan& second = kind.fields[pair.second];
    if (!first.db || !second.db || first.decode != second.decode) return;
    std::vector<HsPattern> patterns = first.patterns;
    patterns.insert(patterns.end(), second.patterns.begin(), second.patterns.end());
    std::vector<HsRejected> rejected;
    pair.db = HsDatabase::compile(patterns, rejected);
    // Only what the fields' own databases set aside may be missing.
    std::vector<bool> runs = first.patterns_run();
    const std::vector<bool> second_runs = second.patterns_run();
    runs.insert(runs.end(), second_runs.begin(), second_runs.end());
    for (const HsRejected& r : rejected)
      if (runs[r.index]) return;
    if (!pair.db) return;
    pair.ordinary = ordinary_scan(patterns, runs);
    pair.joined = std::make_unique<JoinedDatabase>(std::move(patterns), std::move(runs));
    kind.same_text = std::move(pair);
  }

  // Exact values that trigger nothing leave the scan's tables (the whole
  // line's aside: its decoded form depends on the log kind's fields).
  void compare_exact_non_triggers() {
    for (AtomSlot& slot : atoms) {
      const Atom& a = *slot.atom;
      if (slot.way != AtomWay::indexed || slot.trigger || a.kind != Atom::Kind::pattern ||
          a.literal != Atom::Literal::equals)
        continue;
      const bool on_line = std::any_of(slot.refs.begin(), slot.refs.end(), [](const FieldRef& r) {
        return !r.is_extra && r.field == ingest::Field::raw;
      });
      if (!on_line) slot.way = AtomWay::compared;
    }
    auto prune = [&](ExactMap& map) {
      for (auto it = map.begin(); it != map.end();) {
        std::erase_if(it->second, [&](uint32_t id) { return atoms[id].way != AtomWay::indexed; });
        it = it->second.empty() ? map.erase(it) : std::next(it);
      }
    };
    for (KindPlan& kind : plans)
      for (FieldScan& scan : kind.fields) {
        prune(scan.exact_cased);
        prune(scan.exact_caseless);
        scan.exact_max_len = 0;
        for (const ExactMap* map : {&scan.exact_cased, &scan.exact_caseless})
          for (const auto& [key, ids] : *map)
            scan.exact_max_len = std::max(scan.exact_max_len, key.size());
      }
  }

  Tri atom_without_hits(uint32_t id) const {
    return atoms[id].way == AtomWay::indexed ? Tri::no : Tri::maybe;
  }

  Tri condition_without_hits(const RuleC& r, const Condition& c) const {
    switch (c.op) {
      case Condition::Op::selection: {
        Tri any = Tri::no;
        for (const auto& alt : r.selections[static_cast<size_t>(c.selection)]) {
          Tri all = Tri::yes;
          for (const FieldMatchC& fm : alt) {
            Tri t = fm.all ? Tri::yes : Tri::no;
            for (uint32_t a : fm.atoms)
              t = fm.all ? tri_and(t, atom_without_hits(a)) : tri_or(t, atom_without_hits(a));
            if (fm.atoms.empty()) t = Tri::no;
            all = tri_and(all, t);
          }
          any = tri_or(any, all);
        }
        return any;
      }
      case Condition::Op::not_: return tri_not(condition_without_hits(r, c.operands.at(0)));
      case Condition::Op::all_of: {
        Tri t = Tri::yes;
        for (const Condition& o : c.operands) t = tri_and(t, condition_without_hits(r, o));
        return t;
      }
      case Condition::Op::any_of: {
        Tri t = Tri::no;
        for (const Condition& o : c.operands) t = tri_or(t, condition_without_hits(r, o));
        return t;
      }
    }
    return Tri::maybe;
  }

  // Atoms of which at least one is true whenever the condition holds, the
  // rarest such set: only their hits make the rule worth evaluating (a rule
  // for `url.path|endswith: x.php` and `method: GET` waits for the path, not
  // for every GET). Nothing when the condition can hold without an indexed
  // atom (`not`, numbers...).
  struct TriggerSet {
    std::vector<uint32_t> atoms;
    double cost = 0;  // how often they are expected to be true
  };
  using Triggers = std::optional<TriggerSet>;

  double trigger_cost(uint32_t id) const {
    const Atom& a = *atoms[id].atom;
    // A short exact value (a method, a status) is on most events.
    if (a.literal == Atom::Literal::equals) return a.literal_text.size() <= 4 ? 100 : 0.5;
    return 1;
  }

  static Triggers cheaper(Triggers a, Triggers b) {
    if (!a) return b;
    if (!b) return a;
    return b->cost < a->cost ? b : a;
  }

  static Triggers either(Triggers a, const Triggers& b) {
    if (!a || !b) return std::nullopt;
    a->atoms.insert(a->atoms.end(), b->atoms.begin(), b->atoms.end());
    a->cost += b->cost;
    return a;
  }

  Triggers field_match_triggers(const FieldMatchC& fm) const {
    Triggers out;
    for (size_t i = 0; i < fm.atoms.size(); ++i) {
      const uint32_t a = fm.atoms[i];
      const Triggers one = atoms[a].way == AtomWay::indexed
                               ? Triggers(TriggerSet{{a}, trigger_cost(a)})
                               : std::nullopt;
      // `all`: every atom is true, so any one will do; else any may be the true one.
      out = fm.all ? cheaper(out, one) : i == 0 ? one : either(out, one);
    }
    return out;
  }

  Triggers triggers(const RuleC& r, const Condition& c) const {
    switch (c.op) {
      case Condition::Op::selection: {
        Triggers any;
        const auto& alts = r.selections[static_cast<size_t>(c.selection)];
        for (size_t i = 0; i < alts.size(); ++i) {
          Triggers all;  // every field match holds: the cheapest one's triggers do
          for (const FieldMatchC& fm : alts[i]) all = cheaper(all, field_match_triggers(fm));
          any = i == 0 ? all : either(any, all);
        }
        return any;
      }
      case Condition::Op::not_: return std::nullopt;
      case Condition::Op::all_of: {
        Triggers t;
        for (const Condition& o : c.operands) t = cheaper(t, triggers(r, o));
        return t;
      }
      case Condition::Op::any_of: {
        Triggers t;
        for (size_t i = 0; i < c.operands.size(); ++i)
          t = i == 0 ? triggers(r, c.operands[i]) : either(t, triggers(r, c.operands[i]));
        return t;
      }
    }
    return std::nullopt;
  }

  // --- explanation ------------------------------------------------------

  // The first selection that holds where the condition wants it to.
  int deciding_selection(const RuleC& r, const Condition& c, bool positive, const ingest::Event& ev,
                         Scratch& s) const {
    switch (c.op) {
      case Condition::Op::selection:
        return positive && selection_true(r, c.selection, ev, s) >= 0 ? c.selection : -1;
      case Condition::Op::not_: return deciding_selection(r, c.operands.at(0), !positive, ev, s);
      default:
        for (const Condition& o : c.operands) {
          const int sel = deciding_selection(r, o, positive, ev, s);
          if (sel >= 0) return sel;
        }
        return -1;
    }
  }
};

Matcher::Matcher(const std::vector<sigma::Rule>& rules) : impl_(std::make_unique<Impl>(rules)) {
  Impl& m = *impl_;
  m.compiled.resize(rules.size());
  auto note = [&](uint32_t rule, std::string text, bool unsupported) {
    for (const EngineNote& n : notes_)
      if (n.rule == rule && n.text == text) return;
    notes_.push_back({rule, std::move(text), unsupported});
  };

  // A regex Hyperscan rejects (alone or in a database) runs in a fallback
  // engine, or makes its rule unsupported; lint hears which.
  auto fall_back = [&](uint32_t atom_id, const std::string& why) {
    AtomSlot& slot = m.atoms[atom_id];
    if (slot.way != AtomWay::indexed) return;
    slot.way = AtomWay::regex;
    std::string err;
    slot.fallback = FallbackRegex::compile(*slot.atom, err);
    if (!slot.fallback) {
      note(slot.rule, "regex /" + slot.atom->regex + "/ compiles in no engine (" + err + ")", true);
      m.compiled[slot.rule].supported = false;
    } else {
      note(slot.rule,
           "regex /" + slot.atom->regex + "/ runs in " + std::string(slot.fallback->engine_name()) +
               ", not Hyperscan (" + why + ")",
           false);
    }
  };

  for (uint32_t ri = 0; ri < rules.size(); ++ri) {
    const sigma::Rule& rule = rules[ri];
    RuleC& rc = m.compiled[ri];
    const auto filter = sigma::source_filter(rule.logsource);
    if (!filter) continue;  // the loader reported the log source
    for (ingest::LogKind k : filter->kinds) rc.kinds[kind_index(k)] = true;
    for (const std::string& p : filter->processes) {
      std::string l;
      to_lower(p, l);
      rc.processes.push_back(l);
    }
    rc.supported = true;

    for (const sigma::Selection& sel : rule.selections) {
      auto& alts = rc.selections.emplace_back();
      for (const auto& alt : sel.alternatives) {
        auto& fms = alts.emplace_back();
        for (const sigma::FieldMatch& fm : alt) {
          FieldMatchC& fc = fms.emplace_back();
          fc.all = fm.all;
          for (const Atom& a : fm.atoms) {
            const uint32_t id = static_cast<uint32_t>(m.atoms.size());
            AtomSlot& slot = m.atoms.emplace_back();
            slot.atom = &a;
            slot.rule = ri;
            slot.refs = resolve_field(fm.field);
            slot.shown = display_name(slot.refs.back());
            if (a.kind == Atom::Kind::fieldref) slot.other = resolve_field(a.other_field)[0];
            if (a.kind != Atom::Kind::pattern) {
              slot.way = AtomWay::other;
            } else if (a.literal == Atom::Literal::equals && a.literal_text.empty()) {
              slot.way = AtomWay::empty;
            }
            fc.atoms.push_back(id);
          }
        }
      }
    }
    if (!rc.supported) continue;
    // Register indexed atoms in the scans of every log kind the rule reads.
    for (size_t k = 0; k < kKinds; ++k) {
      if (!rc.kinds[k]) continue;
      for (const auto& alts : rc.selections)
        for (const auto& fms : alts)
          for (const FieldMatchC& fc : fms)
            for (uint32_t id : fc.atoms) {
              AtomSlot& slot = m.atoms[id];
              if (slot.way != AtomWay::indexed) continue;
              const Atom& a = *slot.atom;
              for (size_t ri2 = 0; ri2 < slot.refs.size(); ++ri2) {
                const FieldRef& ref = slot.refs[ri2];
                // A widened query value not anchored at the start is found in
                // url.original whenever it is in url.query: look there only.
                if (slot.refs.size() > 1 && ri2 == 0 && !starts_anchored(a)) continue;
                FieldScan& scan = m.plans[k].scan_for(ref);
                if (a.literal == Atom::Literal::equals) {
                  std::string key = a.literal_text;
                  if (a.caseless) to_lower(a.literal_text, key);
                  (a.caseless ? scan.exact_caseless : scan.exact_cased)[key].push_back(id);
                  scan.exact_max_len = std::max(scan.exact_max_len, key.size());
                  continue;
                }
                scan.add_pattern({a.regex, hs_flags(a)}, id);
              }
            }
    }
  }

  // One database per field of each log kind.
  auto compile = [&](FieldScan& scan) {
    if (scan.patterns.empty()) return;
    std::vector<HsRejected> rejected;
    scan.db = HsDatabase::compile(scan.patterns, rejected);
    for (const HsRejected& r : rejected) {
      for (uint32_t atom : scan.pattern_atoms[r.index]) fall_back(atom, r.error);
      scan.pattern_atoms[r.index].clear();
    }
  };
  for (KindPlan& kind : m.plans) {
    for (FieldScan& scan : kind.fields) compile(scan);
    compile(kind.line);
  }

  for (uint32_t ri = 0; ri < rules.size(); ++ri) {
    RuleC& rc = m.compiled[ri];
    if (!rc.supported) continue;
    rc.always = m.condition_without_hits(rc, rules[ri].condition) != Tri::no;
    if (rc.always)
      note(ri, "evaluated on every event of its log source (no pattern to trigger it)", false);
    if (const Impl::Triggers t = m.triggers(rc, rules[ri].condition)) {
      for (uint32_t a : t->atoms) m.atoms[a].trigger = true;
    } else {
      for (AtomSlot& slot : m.atoms)
        if (slot.rule == ri) slot.trigger = true;
    }
    for (size_t k = 0; k < kKinds; ++k)
      if (rc.kinds[k] && rc.always) m.plans[k].always_rules.push_back(ri);
  }
  m.compare_exact_non_triggers();
  for (KindPlan& kind : m.plans) {
    // A field left with nothing to look up (its exact values are compared
    // when their rules are evaluated: a method, a status) is not read.
    std::erase_if(kind.fields, [](const FieldScan& f) {
      return !f.db && !f.decode && f.exact_cased.empty() && f.exact_caseless.empty();
    });
    kind.decode_line = std::none_of(kind.fields.begin(), kind.fields.end(),
                                    [](const FieldScan& f) { return f.decode; });
    for (FieldScan& f : kind.fields) {
      if (!f.db) continue;
      std::vector<bool> runs = f.patterns_run();
      const ingest::Field field = f.ref.field;
      if (!f.ref.is_extra && (field == ingest::Field::request_target ||
                              field == ingest::Field::path || field == ingest::Field::query))
        f.ordinary = ordinary_scan(f.patterns, runs);
      f.joined = std::make_unique<JoinedDatabase>(f.patterns, std::move(runs));
    }
    m.plan_block_scan(kind);
    m.plan_same_text(kind);
  }
}

Matcher::~Matcher() = default;

bool Matcher::runs(uint32_t rule) const {
  return rule < impl_->compiled.size() && impl_->compiled[rule].supported;
}

size_t Matcher::running_rules() const {
  return static_cast<size_t>(std::count_if(impl_->compiled.begin(), impl_->compiled.end(),
                                           [](const RuleC& r) { return r.supported; }));
}

std::unique_ptr<Matcher::Scratch, void (*)(Matcher::Scratch*)> Matcher::make_scratch() const {
  auto* s = new Scratch;
  s->atom_gen.assign(impl_->atoms.size(), 0);
  s->rule_gen.assign(impl_->compiled.size(), 0);
  for (const KindPlan& kind : impl_->plans) {
    for (const FieldScan& scan : kind.fields) {
      if (scan.db) scan.db->fit_scratch(&s->hs);
      if (scan.ordinary && scan.ordinary->db) scan.ordinary->db->fit_scratch(&s->hs);
    }
    if (kind.line.db) kind.line.db->fit_scratch(&s->hs);
    if (kind.block_db) kind.block_db->fit_scratch(&s->hs);
    if (kind.same_text) {
      kind.same_text->db->fit_scratch(&s->hs);
      if (kind.same_text->ordinary && kind.same_text->ordinary->db)
        kind.same_text->ordinary->db->fit_scratch(&s->hs);
    }
  }
  return {s, [](Scratch* p) { delete p; }};
}

namespace {

int on_match(unsigned id, unsigned long long, unsigned long long, unsigned, void* ctx) {
  static_cast<Matcher::Scratch*>(ctx)->hit_patterns.push_back(id);
  return 0;
}

struct BlockScan {
  Matcher::Scratch& s;
  const std::vector<uint32_t>& literal_length;
  std::span<const ingest::Event> events;
  const char* text;
};

// The event of `events` (lines of one block, in order) whose line holds the
// byte at `p`; nullptr for a byte of a line that is no event (bad, filtered).
const ingest::Event* event_holding(std::span<const ingest::Event> events, const char* p) {
  const std::less<> before;
  auto it = std::upper_bound(
      events.begin(), events.end(), p,
      [&](const char* q, const ingest::Event& ev) { return before(q, ev.raw.data()); });
  if (it == events.begin()) return nullptr;
  const ingest::Event& ev = *(it - 1);
  return before(p, ev.raw.data() + ev.raw.size()) ? &ev : nullptr;
}

// A literal match [to - length, to) of the block belongs to the event whose
// line holds it; a match in a line that is no event (bad, filtered) to none.
int on_block_match(unsigned id, unsigned long long, unsigned long long to, unsigned, void* ctx) {
  auto& b = *static_cast<BlockScan*>(ctx);
  const char* const end = b.text + to;
  const ingest::Event* ev = event_holding(b.events, end - b.literal_length[id]);
  if (!ev || std::less<>()(ev->raw.data() + ev->raw.size(), end)) return 0;
  b.s.line_hits.push_back({ev, id});
  return 0;
}

}  // namespace

void Matcher::Impl::text_atoms(const FieldScan& scan, std::string_view text, Scratch& s,
                               std::vector<uint32_t>& out) {
  exact_atoms(scan, text, s, out);
  pattern_atoms(scan, text, s, out);
}

void Matcher::Impl::exact_atoms(const FieldScan& scan, std::string_view text, Scratch& s,
                                std::vector<uint32_t>& out) {
  auto exact = [&](const ExactMap& map, std::string_view key) {
    auto it = map.find(key);
    if (it != map.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  };
  if (text.size() <= scan.exact_max_len) {
    if (!scan.exact_cased.empty()) exact(scan.exact_cased, text);
    if (!scan.exact_caseless.empty()) {
      to_lower(text, s.lowered);
      exact(scan.exact_caseless, s.lowered);
    }
  }
}

namespace {

// Fills s.hit_patterns with the patterns `text` matches (indices into the
// full list of `db`): with the ordinary subset's database when the text has
// no unusual byte.
void scan_text(const HsDatabase& db, const std::optional<OrdinaryScan>& ordinary,
               std::string_view text, Matcher::Scratch& s) {
  s.hit_patterns.clear();
  if (ordinary && !has_unusual_target_byte(text)) {
    if (!ordinary->db) return;
    hs_scan(ordinary->db->get(), text.data(), static_cast<unsigned>(text.size()), 0, s.hs, on_match,
            &s);
    for (uint32_t& p : s.hit_patterns) p = ordinary->ids[p];
    return;
  }
  hs_scan(db.get(), text.data(), static_cast<unsigned>(text.size()), 0, s.hs, on_match, &s);
}

}  // namespace

void Matcher::Impl::pattern_atoms(const FieldScan& scan, std::string_view text, Scratch& s,
                                  std::vector<uint32_t>& out) {
  if (!scan.db) return;
  scan_text(*scan.db, scan.ordinary, text, s);
  for (uint32_t p : s.hit_patterns)
    out.insert(out.end(), scan.pattern_atoms[p].begin(), scan.pattern_atoms[p].end());
}

namespace {

void sort_unique(std::vector<uint32_t>& atoms) {
  std::sort(atoms.begin(), atoms.end());
  atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
}

}  // namespace

void Matcher::Impl::value_atoms(const KindPlan& plan, const FieldScan& scan, std::string_view text,
                                bool clean, Scratch& s) {
  s.value_atoms.clear();
  exact_atoms(scan, text, s, s.value_atoms);
  if (!clean) pattern_atoms(scan, text, s, s.value_atoms);
  if (scan.decode && decode::decode_request(text, s.decoded)) {
    text_atoms(scan, s.decoded, s, s.value_atoms);
    pattern_atoms(plan.line, s.decoded, s, s.value_atoms);
  }
  sort_unique(s.value_atoms);
}

void Matcher::Impl::same_text_atoms(const KindPlan& plan, std::string_view text, bool clean,
                                    Scratch& s) {
  const KindPlan::SameText& pair = *plan.same_text;
  const FieldScan& first = plan.fields[pair.first];
  const FieldScan& second = plan.fields[pair.second];
  s.value_atoms.clear();
  s.second_atoms.clear();
  // As value_atoms() for each field, the two pattern scans made one.
  auto both = [&](std::string_view t, bool t_clean) {
    exact_atoms(first, t, s, s.value_atoms);
    exact_atoms(second, t, s, s.second_atoms);
    if (t_clean) return;
    scan_text(*pair.db, pair.ordinary, t, s);
    const size_t split = first.patterns.size();
    for (uint32_t p : s.hit_patterns) {
      const auto& atoms = p < split ? first.pattern_atoms[p] : second.pattern_atoms[p - split];
      auto& out = p < split ? s.value_atoms : s.second_atoms;
      out.insert(out.end(), atoms.begin(), atoms.end());
    }
  };
  both(text, clean);
  if (first.decode && decode::decode_request(text, s.decoded)) {
    both(s.decoded, false);
    const size_t before = s.value_atoms.size();
    pattern_atoms(plan.line, s.decoded, s, s.value_atoms);
    s.second_atoms.insert(s.second_atoms.end(), s.value_atoms.begin() + static_cast<long>(before),
                          s.value_atoms.end());
  }
  sort_unique(s.value_atoms);
  sort_unique(s.second_atoms);
}

namespace {

std::vector<ValueCache>& caches_of(Matcher::Scratch& s, size_t kind, const KindPlan& plan) {
  auto& caches = s.caches[kind];
  if (caches.size() != plan.fields.size()) {
    caches.assign(plan.fields.size(), ValueCache(kCacheFirstSlots, kCacheMaxSlots));
    s.last_values[kind].assign(plan.fields.size(), {});
  }
  return caches;
}

// Equal texts; the parse gives a request without a query the same view for
// its path and its target, which then need no compare.
bool same_bytes(std::string_view a, std::string_view b) {
  return (a.data() == b.data() && a.size() == b.size()) || a == b;
}

// Fewer values are scanned one by one: the joined database is compiled on
// first use, which small inputs (a test, a short log) need not pay for.
constexpr size_t kMinJoined = 16;
// More lines than one in this many holding one of them: the whole block is
// searched at once instead (a search has a fixed cost).
constexpr size_t kLinesPerLiteralLine = 16;
// Events prepared at once: enough values for a joined scan to pay, few
// enough for what is prepared to stay in cache until match() reads it.
constexpr size_t kWindow = 512;

}  // namespace

void Matcher::Impl::scan_joined(const KindPlan& plan, Scratch& s) {
  const size_t n_fields = plan.fields.size();
  const size_t pair_unit = n_fields;
  const auto& same_text = plan.same_text;
  for (size_t u = 0; u <= n_fields; ++u) {
    if (s.joined[u].size() < kMinJoined) continue;
    const JoinedDatabase* joined = u == pair_unit ? (same_text ? same_text->joined.get() : nullptr)
                                                  : plan.fields[u].joined.get();
    const HsDatabase* db = joined ? joined->get() : nullptr;
    if (!db) continue;
    if (std::find(s.joined_fitted.begin(), s.joined_fitted.end(), db) == s.joined_fitted.end()) {
      if (!db->fit_scratch(&s.hs)) continue;
      s.joined_fitted.push_back(db);
    }
    if (!s.joined[u].scan(*db, s.hs, s.joined_hit)) continue;
    size_t hit = 0;
    for (size_t j = 0; j < s.joined_hit.size(); ++j) {
      hit += s.joined_hit[j];
      if (!s.joined_hit[j]) s.prepared[s.joined_owner[u][j]].clean = true;
    }
    joined->tally(s.joined_hit.size(), hit);
  }
}

void Matcher::Impl::prepare_window(const KindPlan& plan, const ingest::Event* from,
                                   const ingest::Event* to, std::vector<ValueCache>& caches,
                                   std::vector<Scratch::LastValue>& last_values, Scratch& s) {
  const size_t n_fields = plan.fields.size();
  const size_t pair_unit = n_fields;  // the same-text pair's values
  // No answer of a previous window is used past this point.
  for (ValueCache& cache : caches) cache.adapt();
  // Only the cached fields' entries are read, and each is set below: the
  // rest are not cleared (a window's worth is several times the L1 cache).
  if (const size_t need = static_cast<size_t>(to - from) * n_fields; s.prepared.size() < need)
    s.prepared.resize(need);
  s.window_from = from;
  s.window_to = to;
  s.joined.resize(n_fields + 1);
  s.joined_owner.resize(n_fields + 1);
  for (size_t u = 0; u <= n_fields; ++u) {
    s.joined[u].clear();
    s.joined_owner[u].clear();
  }
  const auto& same_text = plan.same_text;
  auto join = [&](size_t unit, size_t at, std::string_view text) {
    if (s.joined[unit].add(text)) s.joined_owner[unit].push_back(static_cast<uint32_t>(at));
  };
  // What the caches know, and the values they do not know, joined.
  for (const ingest::Event* ev = from; ev != to; ++ev) {
    const size_t row = static_cast<size_t>(ev - from) * n_fields;
    bool second_done = false;
    for (size_t i = 0; i < n_fields; ++i) {
      if (second_done && i == same_text->second) continue;
      const FieldScan& scan = plan.fields[i];
      if (!scan.cached()) continue;
      Scratch::Prepared& p = s.prepared[row + i];
      p = {};
      const std::string_view text = field_text(*ev, scan.ref, s.number);
      if (text.empty()) continue;
      p.hash = ValueCache::hash(text);
      p.found = caches[i].find_kept(text, p.hash);
      if (same_text && i == same_text->first &&
          same_bytes(field_text(*ev, plan.fields[same_text->second].ref, s.number2), text)) {
        second_done = true;
        p.same_text = true;
        Scratch::Prepared& second = s.prepared[row + same_text->second];
        second = {};
        second.hash = p.hash;
        second.found = caches[same_text->second].find_kept(text, p.hash);
        if (!p.found.atoms || !second.found.atoms) join(pair_unit, row + i, text);
      } else if (!p.found.atoms && scan.db) {
        join(i, row + i, text);
      }
    }
  }
  scan_joined(plan, s);
  // Then the atoms, event by event, through the caches.
  s.window_atoms.clear();
  s.atoms_at.clear();
  for (const ingest::Event* ev = from; ev != to; ++ev) {
    s.atoms_at.push_back(static_cast<uint32_t>(s.window_atoms.size()));
    const Scratch::Prepared* prepared =
        s.prepared.data() + static_cast<size_t>(ev - from) * n_fields;
    auto keep = [&](const std::vector<uint32_t>& atoms) {
      if (!atoms.empty()) s.window_atoms.insert(s.window_atoms.end(), atoms.begin(), atoms.end());
    };
    // The field's atoms when its cache knows the value (still, or by now).
    auto known = [&](size_t i, std::string_view text) {
      return caches[i].again(prepared[i].found, text, prepared[i].hash);
    };
    bool second_done = false;  // matched along with the first of same_text
    for (size_t i = 0; i < n_fields; ++i) {
      if (second_done && i == same_text->second) continue;
      const FieldScan& scan = plan.fields[i];
      if (!scan.cached()) {
        const std::string_view text = field_text(*ev, scan.ref, s.number);
        if (text.empty()) continue;
        Scratch::LastValue& last = last_values[i];
        if (!same_bytes(last.text, text)) {
          last.text.assign(text);
          last.atoms.clear();
          text_atoms(scan, text, s, last.atoms);
        }
        keep(last.atoms);
        continue;
      }
      const uint64_t hash = prepared[i].hash;
      if (hash == 0) continue;  // no value
      // What the cache knew, when nothing was stored over it since: the
      // event's text is not read again (it has left the cache by now).
      const std::vector<uint32_t>* atoms = caches[i].still(prepared[i].found);
      if (prepared[i].same_text) {
        second_done = true;
        const std::vector<uint32_t>* second =
            caches[same_text->second].still(prepared[same_text->second].found);
        if (!atoms || !second) {
          const std::string_view text = field_text(*ev, scan.ref, s.number);
          atoms = known(i, text);
          second = known(same_text->second, text);
          if (!atoms || !second) {
            same_text_atoms(plan, text, prepared[i].clean, s);
            if (!atoms) caches[i].store(text, hash, s.value_atoms);
            if (!second) caches[same_text->second].store(text, hash, s.second_atoms);
            atoms = &s.value_atoms;
            second = &s.second_atoms;
          }
        }
        keep(*second);
      } else if (!atoms) {
        const std::string_view text = field_text(*ev, scan.ref, s.number);
        atoms = known(i, text);
        if (!atoms) {
          value_atoms(plan, scan, text, prepared[i].clean, s);
          caches[i].store(text, hash, s.value_atoms);
          atoms = &s.value_atoms;
        }
      }
      keep(*atoms);
    }
  }
  s.atoms_at.push_back(static_cast<uint32_t>(s.window_atoms.size()));
}

void Matcher::Impl::scan_lines(const KindPlan& plan, std::span<const ingest::Event> events,
                               std::string_view text, Scratch& s) {
  // (Hyperscan takes an unsigned length.)
  if (!plan.block_db || text.empty() || text.size() > UINT32_MAX) return;
  // Every event of the kind, its line inside the block, in order, and most
  // of the block made of events (a selection of a few lines is cheaper one
  // by one).
  const std::less<> before;
  const char* const text_end = text.data() + text.size();
  const char* last = text.data();
  size_t bytes = 0;
  for (const ingest::Event& ev : events) {
    const char* const line_end = ev.raw.data() + ev.raw.size();
    if (ev.kind != events[0].kind || before(ev.raw.data(), last) || before(text_end, line_end))
      return;
    last = line_end;
    bytes += ev.raw.size();
  }
  if (bytes * 2 < text.size()) return;
  s.lines_from = events.data();
  s.lines_to = events.data() + events.size();
  // The lines holding a byte every literal needs one of, when they are few.
  std::vector<uint32_t>& lines = s.literal_lines;
  lines.clear();
  bool few = !plan.literal_bytes.empty();
  for (size_t b = 0; few && b < plan.literal_bytes.size(); ++b) {
    for (const char* p = text.data();
         (p = static_cast<const char*>(
              std::memchr(p, plan.literal_bytes[b], static_cast<size_t>(text_end - p))));) {
      if (const ingest::Event* ev = event_holding(events, p)) {
        lines.push_back(static_cast<uint32_t>(ev - events.data()));
        p = ev->raw.data() + ev->raw.size();
      } else {
        ++p;  // a byte of a line that is no event
      }
      if (lines.size() * kLinesPerLiteralLine > events.size()) few = false;
      if (!few || p >= text_end) break;
    }
  }
  if (few) {
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    for (uint32_t i : lines) {
      const std::string_view raw = events[i].raw;
      BlockScan scan{s, plan.literal_length, events.subspan(i, 1), raw.data()};
      hs_scan(plan.block_db->get(), raw.data(), static_cast<unsigned>(raw.size()), 0, s.hs,
              on_block_match, &scan);
    }
    return;
  }
  BlockScan scan{s, plan.literal_length, events, text.data()};
  hs_scan(plan.block_db->get(), text.data(), static_cast<unsigned>(text.size()), 0, s.hs,
          on_block_match, &scan);
  std::stable_sort(s.line_hits.begin(), s.line_hits.end(),
                   [&](const Scratch::LineHit& a, const Scratch::LineHit& b) {
                     return before(a.event, b.event);
                   });
}

void Matcher::scan_events(std::span<const ingest::Event> events, std::string_view text,
                          Scratch& s) const {
  s.line_hits.clear();
  s.line_next = 0;
  s.lines_from = s.lines_to = nullptr;
  s.values_from = s.values_to = s.window_from = s.window_to = nullptr;
  if (events.empty()) return;
  const size_t k = kind_index(events[0].kind);
  if (k >= kKinds) return;
  s.values_from = s.window_from = s.window_to = events.data();
  s.values_to = events.data() + events.size();
  Impl::scan_lines(impl_->plans[k], events, text, s);
}

void Matcher::match(const ingest::Event& ev, Scratch& s, std::vector<uint32_t>& out) const {
  const Impl& m = *impl_;
  const size_t k = kind_index(ev.kind);
  if (k >= kKinds) return;
  const KindPlan& kind_plan = m.plans[k];
  if (++s.gen == 0) {  // wrapped: forget every old mark
    std::fill(s.atom_gen.begin(), s.atom_gen.end(), 0);
    std::fill(s.rule_gen.begin(), s.rule_gen.end(), 0);
    s.gen = 1;
  }
  s.hit_atoms.clear();
  auto mark = [&](uint32_t a) {
    if (s.atom_gen[a] == s.gen) return;
    s.atom_gen[a] = s.gen;
    s.hit_atoms.push_back(a);
  };

  // The whole line is not decoded itself: the decoded forms of the fields
  // stand for it (scanned with the line's patterns when a value is first
  // seen), unless no field is decoded.
  const FieldScan& line = kind_plan.line;
  const bool decode_line = kind_plan.decode_line;
  const std::less<> before;
  // The event's window: the next of the batch's (events of one kind), or
  // the event alone.
  const bool in_batch = !before(&ev, s.values_from) && before(&ev, s.values_to);
  if (!in_batch || before(&ev, s.window_from) || !before(&ev, s.window_to)) {
    const ingest::Event* to = &ev + 1;
    while (in_batch && before(to, s.values_to) && to - &ev < static_cast<ptrdiff_t>(kWindow) &&
           to->kind == ev.kind)
      ++to;
    std::vector<ValueCache>& caches = caches_of(s, k, kind_plan);
    m.prepare_window(kind_plan, &ev, to, caches, s.last_values[k], s);
  }
  const auto row = static_cast<size_t>(&ev - s.window_from);
  for (uint32_t i = s.atoms_at[row]; i < s.atoms_at[row + 1]; ++i) mark(s.window_atoms[i]);
  if (line.used && !before(&ev, s.lines_from) && before(&ev, s.lines_to)) {
    // The block scan found this line's pattern hits; its exact values remain.
    while (s.line_next < s.line_hits.size() && before(s.line_hits[s.line_next].event, &ev))
      ++s.line_next;
    for (; s.line_next < s.line_hits.size() && s.line_hits[s.line_next].event == &ev; ++s.line_next)
      for (uint32_t a : line.pattern_atoms[s.line_hits[s.line_next].pattern]) mark(a);
    const std::string_view text = field_text(ev, line.ref, s.number);
    if (!text.empty()) {
      s.value_atoms.clear();
      m.exact_atoms(line, text, s, s.value_atoms);
      for (uint32_t a : s.value_atoms) mark(a);
    }
  } else if (line.used) {
    const std::string_view text = field_text(ev, line.ref, s.number);
    if (!text.empty()) {
      s.value_atoms.clear();
      m.text_atoms(line, text, s, s.value_atoms);
      if (decode_line && line.decode && decode::decode_request(text, s.decoded))
        m.text_atoms(line, s.decoded, s, s.value_atoms);
      for (uint32_t a : s.value_atoms) mark(a);
    }
  }

  s.candidates.clear();
  for (uint32_t a : s.hit_atoms) {
    if (!m.atoms[a].trigger) continue;
    const uint32_t r = m.atoms[a].rule;
    if (s.rule_gen[r] == s.gen) continue;
    s.rule_gen[r] = s.gen;
    s.candidates.push_back(r);
  }
  for (uint32_t r : kind_plan.always_rules)
    if (s.rule_gen[r] != s.gen) {
      s.rule_gen[r] = s.gen;
      s.candidates.push_back(r);
    }
  std::sort(s.candidates.begin(), s.candidates.end());
  for (uint32_t r : s.candidates) {
    const RuleC& rc = m.compiled[r];
    if (!rc.supported || !rc.kinds[k]) continue;
    if (!rc.processes.empty() &&
        std::none_of(rc.processes.begin(), rc.processes.end(),
                     [&](const std::string& p) { return iequals(p, ev.process); }))
      continue;
    if (m.condition_true(rc, m.rules[r].condition, ev, s)) out.push_back(r);
  }
}

Matcher::Evidence Matcher::explain(const ingest::Event& ev, uint32_t rule, Scratch& s) const {
  const Impl& m = *impl_;
  const RuleC& rc = m.compiled[rule];
  const int sel = m.deciding_selection(rc, m.rules[rule].condition, true, ev, s);
  if (sel >= 0) {
    const int alt = m.selection_true(rc, sel, ev, s);
    const auto& fms = rc.selections[static_cast<size_t>(sel)][static_cast<size_t>(alt)];
    for (const FieldMatchC& fm : fms) {
      if (fm.atoms.empty()) continue;
      const AtomSlot& slot = m.atoms[fm.atoms[0]];
      // A widened field shows the text it was matched in (url.original).
      const FieldRef& ref = slot.refs.back();
      const std::string_view value = field_text(ev, ref, s.number);
      if (value.empty()) continue;
      return {slot.shown, value};
    }
  }
  return {"event.original", ev.raw};
}

}  // namespace shodo::detect::engine
