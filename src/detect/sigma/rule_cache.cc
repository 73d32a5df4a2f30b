#include "detect/sigma/rule_cache.h"

#include <bit>
#include <cstring>
#include <type_traits>

#include "util/build_id.h"
#include "util/disk_cache.h"

namespace shodo::detect::sigma {

namespace {

constexpr std::string_view kMagic = "shodo-rule-cache-1\n";
constexpr std::string_view kSuffix = ".rules";
// Conditions nest no deeper than the loader lets them; a damaged entry may.
constexpr int kMaxDepth = 1000;

class Writer {
 public:
  std::string out;

  void put(std::string_view s) { util::put_bytes(out, s); }
  void put(const std::string& s) { put(std::string_view(s)); }
  void put(bool b) { util::put_u64(out, b ? 1 : 0); }
  void put(double d) { util::put_u64(out, std::bit_cast<uint64_t>(d)); }
  template <typename T>
  requires(std::is_integral_v<T> || std::is_enum_v<T>) void put(T v) {
    util::put_u64(out, static_cast<uint64_t>(v));
  }
  template <typename T>
  void put(const std::vector<T>& v) {
    util::put_u64(out, v.size());
    for (const T& x : v) put(x);
  }
  template <typename A, typename B>
  void put(const std::pair<A, B>& p) {
    put(p.first);
    put(p.second);
  }

  void put(const RuleMeta& m) {
    put(m.id), put(m.name), put(m.title), put(m.title_ja), put(m.description), put(m.status);
    put(m.level), put(m.author), put(m.date), put(m.modified), put(m.tags), put(m.references);
    put(m.falsepositives), put(m.fields), put(m.file), put(m.line);
  }
  void put(const LogSource& l) { put(l.category), put(l.product), put(l.service); }
  void put(const Atom& a) {
    put(a.kind), put(a.regex), put(a.caseless), put(a.multiline), put(a.dotall);
    put(a.literal), put(a.literal_text), put(a.from_re), put(a.op), put(a.number), put(a.v6);
    put(std::string_view(reinterpret_cast<const char*>(a.network), sizeof a.network));
    put(a.prefix_len), put(a.exists_wanted), put(a.other_field), put(a.fieldref_cased);
  }
  void put(const FieldMatch& f) { put(f.field), put(f.atoms), put(f.all); }
  void put(const Selection& s) { put(s.name), put(s.alternatives); }
  void put(const Condition& c) { put(c.op), put(c.selection), put(c.operands); }
  void put(const Examples& e) { put(e.format), put(e.tz), put(e.match), put(e.no_match); }
  void put(const Rule& r) {
    put(r.meta), put(r.logsource), put(r.selections), put(r.condition), put(r.generate);
    put(r.examples);
  }
  void put(const Correlation::Alias& a) { put(a.name), put(a.per_rule); }
  void put(const Correlation::Bound& b) { put(b.op), put(b.value); }
  void put(const Correlation& c) {
    put(c.meta), put(c.type), put(c.rules), put(c.group_by), put(c.aliases), put(c.timespan_us);
    put(c.condition), put(c.value_field), put(c.generate), put(c.examples);
  }
  void put(const Problem& p) { put(p.file), put(p.line), put(p.rule), put(p.reason), put(p.kind); }
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool done() const { return ok_ && in_.empty(); }

  void get(std::string& s) {
    std::string_view v;
    if (ok_ && util::get_bytes(in_, v))
      s.assign(v);
    else
      ok_ = false;
  }
  void get(bool& b) { b = number() != 0; }
  void get(double& d) { d = std::bit_cast<double>(number()); }
  template <typename T>
  requires std::is_integral_v<T>
  void get(T& v) { v = static_cast<T>(number()); }
  // An enum's value, which must be one of it (up to `last`).
  template <typename T>
  requires std::is_enum_v<T>
  void get(T& v, T last) {
    const uint64_t n = number();
    if (n > static_cast<uint64_t>(last)) ok_ = false;
    v = static_cast<T>(n);
  }
  template <typename T>
  void get(std::vector<T>& v) {
    const uint64_t n = number();
    // Every element takes at least a byte: a count past the rest is damage.
    if (n > in_.size()) ok_ = false;
    v.clear();
    for (uint64_t i = 0; ok_ && i < n; ++i) get(v.emplace_back());
  }
  template <typename A, typename B>
  void get(std::pair<A, B>& p) {
    get(p.first);
    get(p.second);
  }

  void get(RuleMeta& m) {
    get(m.id), get(m.name), get(m.title), get(m.title_ja), get(m.description), get(m.status);
    get(m.level, Level::critical), get(m.author), get(m.date), get(m.modified), get(m.tags),
        get(m.references);
    get(m.falsepositives), get(m.fields), get(m.file), get(m.line);
  }
  void get(LogSource& l) { get(l.category), get(l.product), get(l.service); }
  void get(Atom& a) {
    get(a.kind, Atom::Kind::fieldref), get(a.regex), get(a.caseless), get(a.multiline);
    get(a.dotall), get(a.literal, Atom::Literal::endswith), get(a.literal_text), get(a.from_re);
    get(a.op, Atom::Op::lte), get(a.number), get(a.v6);
    std::string network;
    get(network);
    if (network.size() != sizeof a.network)
      ok_ = false;
    else
      std::memcpy(a.network, network.data(), sizeof a.network);
    get(a.prefix_len), get(a.exists_wanted), get(a.other_field), get(a.fieldref_cased);
    // What the engine relies on and the loader checks (modifiers/cidr.cc).
    if (a.prefix_len < 0 || a.prefix_len > (a.v6 ? 128 : 32)) ok_ = false;
  }
  void get(FieldMatch& f) { get(f.field), get(f.atoms), get(f.all); }
  void get(Selection& s) { get(s.name), get(s.alternatives); }
  void get(Condition& c) {
    if (++depth_ > kMaxDepth) ok_ = false;
    get(c.op, Condition::Op::not_), get(c.selection);
    if (ok_) get(c.operands);
    --depth_;
  }
  void get(Examples& e) { get(e.format), get(e.tz), get(e.match), get(e.no_match); }
  void get(Rule& r) {
    get(r.meta), get(r.logsource), get(r.selections), get(r.condition), get(r.generate);
    get(r.examples);
    if (!well_formed(r.condition, r.selections.size())) ok_ = false;
  }
  void get(Correlation::Alias& a) { get(a.name), get(a.per_rule); }
  void get(Correlation::Bound& b) { get(b.op, Atom::Op::lte), get(b.value); }
  void get(Correlation& c) {
    get(c.meta), get(c.type, Correlation::Type::temporal_ordered), get(c.rules), get(c.group_by),
        get(c.aliases), get(c.timespan_us);
    get(c.condition), get(c.value_field), get(c.generate), get(c.examples);
  }
  void get(Problem& p) {
    get(p.file), get(p.line), get(p.rule), get(p.reason), get(p.kind, Problem::Kind::other_source);
  }

 private:
  // As the loader makes them: a selection names one of the rule's, a `not`
  // has one operand.
  static bool well_formed(const Condition& c, size_t selections) {
    if (c.op == Condition::Op::selection)
      return c.selection >= 0 && static_cast<size_t>(c.selection) < selections;
    if (c.op == Condition::Op::not_ && c.operands.size() != 1) return false;
    for (const Condition& o : c.operands)
      if (!well_formed(o, selections)) return false;
    return true;
  }

  uint64_t number() {
    uint64_t v = 0;
    if (ok_ && !util::get_u64(in_, v)) ok_ = false;
    return v;
  }

  std::string_view in_;
  bool ok_ = true;
  int depth_ = 0;
};

}  // namespace

std::string serialize_rules(const LoadedRules& rules) {
  Writer w;
  w.put(rules.rules), w.put(rules.correlations), w.put(rules.problems), w.put(rules.files);
  return std::move(w.out);
}

bool deserialize_rules(std::string_view bytes, LoadedRules& out) {
  Reader r(bytes);
  LoadedRules read;
  r.get(read.rules), r.get(read.correlations), r.get(read.problems), r.get(read.files);
  if (!r.done()) return false;
  out.append(std::move(read));
  return true;
}

RuleCacheEntry::RuleCacheEntry(const std::string& path, std::string_view text) : path_(path) {
  const std::string_view build = util::build_id();
  if (build.empty() || text.size() > kMaxRuleFileBytes) return;
  key_ = kMagic;
  util::put_bytes(key_, build);
  util::put_bytes(key_, path);
  util::put_bytes(key_, text);
}

bool RuleCacheEntry::load(LoadedRules& out) const {
  if (key_.empty()) return false;
  // The slot is the path: an edited file's entry, or a new build's,
  // replaces the one before.
  const std::optional<std::string> payload =
      util::cache_read(util::cache_dir("rules"), {path_, kSuffix}, key_);
  return payload && deserialize_rules(*payload, out);
}

void RuleCacheEntry::store(const LoadedRules& parsed) const {
  if (key_.empty()) return;
  util::cache_write(util::cache_dir("rules"), {path_, kSuffix}, key_, serialize_rules(parsed));
}

}  // namespace shodo::detect::sigma
