// Which rows an injection likely got back. The response body itself is not
// in an access log, only its status and size, so the test is comparative:
// the application's error page and its page for a false condition are
// "no data" (seen in the same client's requests on the same path); a UNION
// or error-based response of another size carries something the query
// produced. Rows read by inference (boolean or time) are counted when the
// responses distinguish true from false at all.
#include "leak/sql_injections.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "detect/stateful/evidence.h"
#include "leak/row_ranges.h"
#include "leak/sql_analyze.h"

namespace shodo::leak {

namespace {

constexpr size_t kResponsesPerRow = 4;
constexpr size_t kSizesKept = 16;
constexpr size_t kRangesShown = 100;
constexpr std::pair<uint64_t, uint64_t> kWholeTable = {std::numeric_limits<uint64_t>::max(), 0};
// sqlmap-style bisection over 7-bit characters asks about 7 questions per
// character, plus one or two to confirm: 8 is what "characters" divide by.
constexpr uint64_t kProbesPerCharacter = 8;
constexpr int64_t kSlowWithoutDelayUs = 2'000'000;

bool ok(int status) {
  return status >= 200 && status <= 299;
}

// Inserts, keeping the smallest `max`; counts what fell off.
template <typename Set, typename V>
void insert_bounded(Set& set, V&& value, size_t max, uint64_t& dropped) {
  set.insert(std::forward<V>(value));
  while (set.size() > max) {
    set.erase(std::prev(set.end()));
    ++dropped;
  }
}

template <typename Set>
void merge_bounded(Set& into, Set&& from, size_t max, uint64_t& dropped) {
  for (auto& v : from) insert_bounded(into, std::move(v), max, dropped);
}

std::string sizes_text(const std::set<int64_t>& sizes) {
  std::string s;
  for (int64_t v : sizes) {
    if (!s.empty()) s += ", ";
    s += detect::with_commas(static_cast<uint64_t>(v));
  }
  return s;
}

}  // namespace

void InjectionTracker::observe(const WebRequest& r, std::string_view path, const Config& config) {
  SqlPayload p = analyze_sql(r.target);
  // Of requests that inject nothing only the error page (105') is kept.
  if (!p.injected && (r.status < 400 || r.bytes < 0)) return;
  auto ci = clients_.find(r.ip);
  if (ci == clients_.end()) ci = clients_.emplace(std::string(r.ip), decltype(ci->second)()).first;
  auto pi = ci->second.find(path);
  if (pi == ci->second.end()) pi = ci->second.emplace(std::string(path), PathState()).first;
  PathState& ps = pi->second;
  if (!p.injected) {
    uint64_t dropped = 0;
    insert_bounded(ps.error_sizes, r.bytes, kSizesKept, dropped);
    return;
  }
  Group& g = ps.groups[p.parameter];
  const Stamp stamp{r.time, r.cite};
  g.span.add(stamp, config.max_examples);
  const auto has = [&](std::string_view t) {
    return std::find(p.techniques.begin(), p.techniques.end(), t) != p.techniques.end();
  };
  for (int b = 0; b < sql::kTechniqueCount; ++b) {
    if (has(sql::technique_name(b))) g.techniques |= static_cast<uint8_t>(1u << b);
  }
  const bool direct = has("union") || has("error") || has("stacked");
  const bool error_based = has("error");
  const bool timed = has("time");
  g.schema_enumeration |= p.schema_enumeration;
  for (std::string& d : p.databases)
    insert_bounded(g.databases, std::move(d), config.max_names, g.dropped);
  for (std::string& t : p.tables)
    insert_bounded(g.tables_named, std::move(t), config.max_names, g.dropped);

  if (p.condition && ok(r.status) && r.bytes >= 0) {
    uint64_t dropped = 0;
    insert_bounded(*p.condition ? ps.true_sizes : ps.false_sizes, r.bytes, kSizesKept, dropped);
  }
  if (p.condition) ++(*p.condition ? g.true_probes : g.false_probes);
  bool slow = false;
  if (timed) {
    ++g.time_probes;
    if (r.duration_us >= 0) {
      g.durations_known = true;
      slow = p.delay_s > 0 ? static_cast<double>(r.duration_us) >= 0.8e6 * p.delay_s
                           : r.duration_us >= kSlowWithoutDelayUs;
      ++(slow ? g.slow : g.fast);
    }
  }
  if (p.inference) {
    ++g.inference_probes;
    if (!timed && ok(r.status) && r.bytes >= 0)
      insert_bounded(g.inference_sizes, r.bytes, kSizesKept, g.dropped);
  }
  if (direct && ok(r.status) && r.bytes >= 0 && !p.reads.empty())
    insert_bounded(g.direct_sizes, r.bytes, kSizesKept, g.dropped);
  // A request that reads no table and fails (ORDER BY 5 past the last
  // column, a UNION with the wrong column count) shows the error page.
  if (p.reads.empty() && r.status >= 400 && r.bytes >= 0 && !error_based)
    insert_bounded(ps.error_sizes, r.bytes, kSizesKept, g.dropped);

  for (TableRead& read : p.reads) {
    if (g.tables.size() >= config.max_names && !g.tables.contains(read.table)) {
      ++g.dropped;
      continue;
    }
    TableState& ts = g.tables[read.table];
    if (ts.database.empty()) ts.database = read.database;
    ++ts.requests;
    ts.inference_probes += p.inference;
    for (size_t i = 0; i < read.columns.size(); ++i) {
      const Position pos{r.time, r.cite, i};
      auto [it, added] = ts.columns.emplace(read.columns[i], pos);
      if (!added && pos.key() < it->second.key()) it->second = pos;
      if (added && ts.columns.size() > config.max_names) {
        ts.columns.erase(std::prev(ts.columns.end()));
        ++g.dropped;
      }
    }
    const auto key = read.rows ? std::make_pair(read.rows->first, read.rows->count) : kWholeTable;
    auto [it, added] = ts.rows.try_emplace(key);
    RowProbe& rp = it->second;
    ++rp.requests;
    rp.direct |= direct && !p.inference;
    rp.boolean |= p.inference && !timed;
    rp.timed |= p.inference && timed;
    rp.slow |= slow;
    if (r.bytes >= 0) {
      uint64_t dropped = 0;
      insert_bounded(rp.responses, Response{r.status, r.bytes}, kResponsesPerRow, dropped);
    }
    if (added && ts.rows.size() > config.max_probes) {
      ts.rows.erase(std::prev(ts.rows.end()));
      ++g.dropped;
    }
  }
}

void InjectionTracker::merge_group(Group& into, Group&& from, const Config& config) {
  into.techniques |= from.techniques;
  merge_bounded(into.databases, std::move(from.databases), config.max_names, into.dropped);
  merge_bounded(into.tables_named, std::move(from.tables_named), config.max_names, into.dropped);
  into.schema_enumeration |= from.schema_enumeration;
  into.true_probes += from.true_probes;
  into.false_probes += from.false_probes;
  into.inference_probes += from.inference_probes;
  into.time_probes += from.time_probes;
  into.slow += from.slow;
  into.fast += from.fast;
  into.durations_known |= from.durations_known;
  merge_bounded(into.inference_sizes, std::move(from.inference_sizes), kSizesKept, into.dropped);
  merge_bounded(into.direct_sizes, std::move(from.direct_sizes), kSizesKept, into.dropped);
  into.span.merge(from.span, config.max_examples);
  into.dropped += from.dropped;
  for (auto& [name, fts] : from.tables) {
    if (into.tables.size() >= config.max_names && !into.tables.contains(name)) {
      ++into.dropped;
      continue;
    }
    TableState& ts = into.tables[name];
    if (ts.database.empty()) ts.database = fts.database;
    ts.requests += fts.requests;
    ts.inference_probes += fts.inference_probes;
    for (auto& [col, pos] : fts.columns) {
      auto [it, added] = ts.columns.emplace(col, pos);
      if (!added && pos.key() < it->second.key()) it->second = pos;
      if (added && ts.columns.size() > config.max_names) {
        ts.columns.erase(std::prev(ts.columns.end()));
        ++into.dropped;
      }
    }
    for (auto& [key, frp] : fts.rows) {
      auto [it, added] = ts.rows.try_emplace(key);
      RowProbe& rp = it->second;
      rp.requests += frp.requests;
      rp.direct |= frp.direct;
      rp.boolean |= frp.boolean;
      rp.timed |= frp.timed;
      rp.slow |= frp.slow;
      uint64_t dropped = 0;
      merge_bounded(rp.responses, std::move(frp.responses), kResponsesPerRow, dropped);
      if (added && ts.rows.size() > config.max_probes) {
        ts.rows.erase(std::prev(ts.rows.end()));
        ++into.dropped;
      }
    }
  }
}

void InjectionTracker::merge(InjectionTracker&& other, const Config& config) {
  for (auto& [ip, paths] : other.clients_) {
    auto& mine = clients_[ip];
    for (auto& [path, ops] : paths) {
      PathState& ps = mine[path];
      uint64_t dropped = 0;
      merge_bounded(ps.error_sizes, std::move(ops.error_sizes), kSizesKept, dropped);
      merge_bounded(ps.false_sizes, std::move(ops.false_sizes), kSizesKept, dropped);
      merge_bounded(ps.true_sizes, std::move(ops.true_sizes), kSizesKept, dropped);
      for (auto& [param, g] : ops.groups) merge_group(ps.groups[param], std::move(g), config);
    }
  }
  other.clients_.clear();
}

SqlInjection InjectionTracker::result(const std::string& ip, const std::string& path,
                                      const std::string& parameter, const PathState& ps,
                                      const Group& g) {
  SqlInjection s;
  s.ip = ip;
  s.path = path;
  s.parameter = parameter;
  for (int b = 0; b < sql::kTechniqueCount; ++b) {
    if (g.techniques & (1u << b)) s.techniques.emplace_back(sql::technique_name(b));
  }
  s.databases.assign(g.databases.begin(), g.databases.end());
  s.tables_named.assign(g.tables_named.begin(), g.tables_named.end());
  s.schema_enumeration = g.schema_enumeration;
  s.requests = g.span.count;
  s.true_probes = g.true_probes;
  s.false_probes = g.false_probes;
  s.inference_probes = g.inference_probes;
  s.time_probes = g.time_probes;
  s.slow_responses = g.slow;
  s.durations_known = g.durations_known;
  s.first_time = g.span.first.time;
  s.last_time = g.span.last.time;
  s.first = g.span.first.cite;
  s.last = g.span.last.cite;
  s.examples = g.span.cites();
  s.dropped = g.dropped;

  std::set<int64_t> no_data = ps.error_sizes;
  no_data.insert(ps.false_sizes.begin(), ps.false_sizes.end());
  s.no_data_sizes.assign(no_data.begin(), no_data.end());
  // Without a known empty page, a response still shows data when the same
  // query shape gives different sizes for different rows.
  const bool sizes_vary = g.direct_sizes.size() >= 2;
  const bool pages_differ = !ps.true_sizes.empty() && !ps.false_sizes.empty() &&
                            std::none_of(ps.true_sizes.begin(), ps.true_sizes.end(),
                                         [&](int64_t v) { return ps.false_sizes.contains(v); });
  const bool boolean_works = pages_differ || g.inference_sizes.size() >= 2;
  const bool time_works = g.slow > 0 && g.fast > 0;

  for (const auto& [name, ts] : g.tables) {
    TableExposure& t = s.tables.emplace_back();
    t.database = ts.database;
    t.table = name;
    std::vector<std::pair<Position, std::string>> cols;
    for (const auto& [col, pos] : ts.columns) cols.emplace_back(pos, col);
    std::sort(cols.begin(), cols.end(), [](const auto& a, const auto& b) {
      return std::make_pair(a.first.key(), a.second) < std::make_pair(b.first.key(), b.second);
    });
    for (auto& [pos, col] : cols) t.columns.push_back(std::move(col));
    t.requests = ts.requests;
    t.inference_probes = ts.inference_probes;
    std::vector<RowRange> addressed, likely;
    uint64_t direct_rows = 0, inferred_rows = 0;
    for (const auto& [key, rp] : ts.rows) {
      bool data = false;
      if (rp.direct) {
        for (const Response& resp : rp.responses) {
          const bool answered =
              ok(resp.status) || (resp.status >= 500 && (g.techniques & sql::kError));
          if (answered && resp.bytes > 0 && !no_data.contains(resp.bytes) &&
              (!no_data.empty() || sizes_vary))
            data = true;
        }
      }
      const bool inferred = (rp.boolean && boolean_works) || (rp.timed && rp.slow && time_works);
      if (key == kWholeTable) {
        t.whole_table_reads += rp.requests;
        if (data || inferred) t.whole_table_reads_with_data += rp.requests;
        continue;
      }
      const RowRange range{key.first, key.second};
      addressed.push_back(range);
      if (data || inferred) likely.push_back(range);
      if (data) ++direct_rows;
      if (!data && inferred) ++inferred_rows;
    }
    addressed = merge_ranges(std::move(addressed));
    likely = merge_ranges(std::move(likely));
    t.rows_addressed = rows_in(addressed);
    t.rows_likely_extracted = rows_in(likely);
    if (addressed.size() > kRangesShown) addressed.resize(kRangesShown);
    t.row_ranges = std::move(addressed);

    std::string en, ja;
    if (direct_rows > 0 || (t.rows_addressed > 0 && t.inference_probes == 0)) {
      en = no_data.empty()
               ? fmt::format(
                     "{} of {} row(s) addressed with LIMIT were answered 2xx with sizes "
                     "that vary from row to row ({} distinct); no error or empty page "
                     "of this path was seen to compare with.",
                     detect::with_commas(t.rows_likely_extracted),
                     detect::with_commas(t.rows_addressed), g.direct_sizes.size())
               : fmt::format(
                     "{} of {} row(s) addressed with LIMIT were answered with a size "
                     "unlike this path's error and false-condition pages ({} bytes).",
                     detect::with_commas(t.rows_likely_extracted),
                     detect::with_commas(t.rows_addressed), sizes_text(no_data));
      ja = no_data.empty()
               ? fmt::format(
                     "LIMIT で指定された {} 行のうち {} 行に 2xx "
                     "で応答し、サイズが行ごとに異なる（{} 種類）。比較できるエラー"
                     "／空ページは未確認。",
                     detect::with_commas(t.rows_addressed),
                     detect::with_commas(t.rows_likely_extracted), g.direct_sizes.size())
               : fmt::format(
                     "LIMIT で指定された {} 行のうち {} "
                     "行の応答サイズが、このパスのエラーページ・偽条件ページ（{} "
                     "バイト）と異なる。",
                     detect::with_commas(t.rows_addressed),
                     detect::with_commas(t.rows_likely_extracted), sizes_text(no_data));
    }
    if (t.inference_probes > 0) {
      const uint64_t chars = t.inference_probes / kProbesPerCharacter;
      const std::string works = boolean_works || time_works ? "distinguish" : "do not distinguish";
      if (!en.empty()) en += ' ';
      if (!ja.empty()) ja += ' ';
      en += fmt::format(
          "{} per-character probe(s) (about {} character(s) at ~{} probes each, an estimate) "
          "on {} row(s); the responses {} true from false{}.",
          detect::with_commas(t.inference_probes), detect::with_commas(chars), kProbesPerCharacter,
          detect::with_commas(inferred_rows + direct_rows), works,
          g.time_probes > 0 && !g.durations_known ? " (the log has no durations: delays unknown)"
                                                  : "");
      ja += fmt::format(
          "1 文字ずつの推測要求 {} 回（1 文字あたり約 {} 回として約 {} "
          "文字、推定）。応答は真偽を{}{}。",
          detect::with_commas(t.inference_probes), kProbesPerCharacter, detect::with_commas(chars),
          boolean_works || time_works ? "区別できている" : "区別できていない",
          g.time_probes > 0 && !g.durations_known ? "（ログに処理時間がなく遅延は不明）" : "");
    }
    if (t.whole_table_reads > 0) {
      if (!en.empty()) en += ' ';
      if (!ja.empty()) ja += ' ';
      en += fmt::format(
          "{} request(s) read the table without a row limit ({} with data-like "
          "responses): how many rows they returned is not in the log.",
          t.whole_table_reads, t.whole_table_reads_with_data);
      ja += fmt::format(
          "行数を制限しない読み出し {} 回（データらしい応答 {} "
          "回）：返った行数はログからは分からない。",
          t.whole_table_reads, t.whole_table_reads_with_data);
    }
    t.basis = {std::move(en), std::move(ja)};
  }
  s.how_computed = {
      "Each request's parameters were URL-decoded and read as SQL (comments removed, hex "
      "strings, CHAR() and CONCAT of constants folded). A row counts as likely extracted when "
      "a UNION, error-based or stacked query addressing it (LIMIT/OFFSET/TOP) was answered 2xx "
      "(error-based: also 5xx) with a body size unlike the error and false-condition pages "
      "this client got on the same path; rows read by boolean or time inference count when "
      "the responses distinguish true from false (page sizes, or delays when the log has "
      "durations). The access log holds sizes, not bodies: this is likelihood, not proof.",
      "各要求のパラメータを URL デコードし SQL として解析（コメント除去、16 進文字列・CHAR()"
      "・定数の CONCAT を展開）。LIMIT/OFFSET/TOP で行を指定した UNION・エラー型・スタック型の"
      "要求が 2xx（エラー型は 5xx も）で応答し、その応答サイズが同じクライアントが同じパスで受けた"
      "エラーページ・偽条件ページと異なる場合に「抽出された可能性が高い」行とする。ブール型・"
      "時間型の推測は、応答が真偽を区別できている（ページサイズ、またはログに処理時間がある場合"
      "は遅延）ときに数える。アクセスログにあるのはサイズで本文ではないため、これは可能性の評価で"
      "あり証明ではない。"};
  return s;
}

std::vector<SqlInjection> InjectionTracker::finish() && {
  std::vector<SqlInjection> out;
  for (const auto& [ip, paths] : clients_) {
    for (const auto& [path, ps] : paths) {
      for (const auto& [param, g] : ps.groups) out.push_back(result(ip, path, param, ps, g));
    }
  }
  return out;
}

}  // namespace shodo::leak
