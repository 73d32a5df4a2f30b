// The leak assessment: the channels joined with the personal data they
// carried, the verdict, the persons estimate and the law's next steps.
#include "investigate/leak_assessment.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

#include "investigate/leak_steps.h"

namespace shodo::investigate {
namespace {

Text item_text(const std::string& item) {
  for (size_t i = 0; i < pii::kItems; ++i) {
    const auto it = static_cast<pii::Item>(i);
    if (pii::item_name(it) != item) continue;
    std::string en(it == pii::Item::sensitive ? "special care-required information" : item);
    std::replace(en.begin(), en.end(), '_', ' ');
    return {en, std::string(pii::item_label_ja(it))};
  }
  return {item, ""};
}

// "access.log:1234": a citation short enough for a sentence.
std::string short_cite(const Citation& c) {
  const size_t slash = c.file.rfind('/');
  const std::string name = slash == std::string::npos ? c.file : c.file.substr(slash + 1);
  return c.line ? fmt::format("{}:{}", name, c.line) : name;
}

std::string cites_in_words(const LeakChannel& c) {
  std::string out;
  for (size_t i = 0; i < c.cites.size() && i < 2; ++i)
    out += (out.empty() ? "" : ", ") + short_cite(c.cites[i]);
  return out.empty() ? out : " (" + out + ")";
}

// The exposed files, each with the most certain channel that carried it.
struct Exposed {
  std::map<std::string, std::string> status_by_url;
  std::map<std::string, std::string> label_by_url;  // citation label of the scanned file
};

Exposed exposed_files(const std::vector<ChannelDraft>& drafts) {
  Exposed e;
  for (const ChannelDraft& d : drafts)
    for (const std::string& url : d.file_urls) {
      auto [it, fresh] = e.status_by_url.emplace(url, d.channel.status);
      if (!fresh && certainty(d.channel.status) < certainty(it->second))
        it->second = d.channel.status;
    }
  return e;
}

struct Scanned {
  pii::Report all;      // every exposed file
  pii::Report certain;  // the ones taken through confirmed or likely channels
};

Scanned scan_exposed(const Sources& sources, const LeakOptions& o, Exposed& e,
                     std::vector<Text>& to_narrow, std::vector<std::string>& problems) {
  pii::Options po;
  po.expansion = o.expansion;
  po.threads = 1;
  // Files taken through confirmed or likely channels are scanned a second
  // time, on their own, only when possibly taken ones are among them.
  bool possible = false, certain_too = false;
  for (const auto& [url, status] : e.status_by_url)
    (status == "possible" ? possible : certain_too) = true;
  const bool separate = possible && certain_too;
  pii::Scanner all(po), certain(po);
  for (const auto& [url, status] : e.status_by_url) {
    WebrootFile f;
    if (!webroot_file(sources, url, f)) {
      to_narrow.push_back(
          {fmt::format("{} went out but is not in the webroot examined: a copy of it (backup, "
                       "the attacker's server) would tell what it held.",
                       url),
           fmt::format("{} は持ち出されましたが、調査した Web ルートにありません。その内容は複製"
                       "（バックアップ等）から確認する必要があります。",
                       url)});
      continue;
    }
    const std::string label = view_citation(f.root->origin, f.path);
    e.label_by_url[url] = label;
    all.scan(*f.root->view, f.info, label);
    if (separate && status != "possible") certain.scan(*f.root->view, f.info, label);
  }
  Scanned s{all.finish(), certain.finish()};
  if (!possible) s.certain = s.all;
  for (const pii::Problem& p : s.all.problems)
    problems.push_back(fmt::format("{}:{}: {}", p.where.file, p.where.line, p.reason));
  return s;
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// What each channel carried, from the scan of its files.
void fill_channel_items(std::vector<ChannelDraft>& drafts, const Exposed& e,
                        const pii::Report& report) {
  for (ChannelDraft& d : drafts)
    for (const std::string& url : d.file_urls) {
      auto label = e.label_by_url.find(url);
      if (label == e.label_by_url.end()) continue;
      uint64_t rows = 0;
      for (const pii::Unit& u : report.units) {
        if (u.file != label->second) continue;
        rows += u.rows_with_pii;
        for (const pii::ItemFinding& i : u.items)
          if (i.values || i.masked) add_unique(d.channel.data_items, i.item);
      }
      if (d.channel.kind == "download") d.channel.records += rows;
    }
}

std::vector<LeakDataItem> data_items(const pii::Report& report,
                                     const std::vector<ChannelDraft>& drafts) {
  std::map<std::string, LeakDataItem> by_item;
  for (const pii::Unit& u : report.units)
    for (const pii::ItemFinding& i : u.items) {
      if (!i.values && !i.masked) continue;
      LeakDataItem& d = by_item[i.item];
      if (d.item.empty()) {
        d.item = i.item;
        d.name = item_text(i.item);
        d.cite = {i.first.file, i.first.line, i.first.offset, 0};
      }
      d.values += i.values;
      add_unique(d.where, u.table.empty() ? u.file : u.file + " (" + u.table + ")");
      for (const std::string& x : i.examples)
        if (d.examples.size() < 3) d.examples.push_back(x);
    }
  for (const pii::Count& c : report.items)
    if (by_item.count(c.name)) by_item[c.name].distinct = c.count;
  // Items only an SQL injection shows (no copy of the table was found).
  for (const ChannelDraft& d : drafts) {
    if (d.channel.kind != "sql-injection") continue;
    for (const leak::TableExposure& t : d.tables)
      for (const std::string& item : pii::items_of_columns(t.columns)) {
        LeakDataItem& di = by_item[item];
        if (di.item.empty()) {
          di.item = item;
          di.name = item_text(item);
          if (!d.channel.cites.empty()) di.cite = d.channel.cites.front();
        }
        if (!di.values) di.values += t.rows_likely_extracted;
        add_unique(di.where, t.table + " (SQL injection)");
      }
  }
  std::vector<LeakDataItem> out;
  for (size_t i = 0; i < pii::kItems; ++i) {
    auto it = by_item.find(std::string(pii::item_name(static_cast<pii::Item>(i))));
    if (it != by_item.end()) out.push_back(std::move(it->second));
  }
  return out;
}

// Rows an SQL injection read from tables of which no exposed copy was
// scanned (those rows are persons the files do not already count).
struct InjectedRows {
  uint64_t likely = 0, addressed = 0;
};
InjectedRows uncovered_injected_rows(const std::vector<ChannelDraft>& drafts,
                                     const pii::Report& report) {
  std::set<std::string> scanned_tables;
  for (const pii::Unit& u : report.units)
    if (!u.table.empty()) scanned_tables.insert(u.table);
  InjectedRows r;
  for (const ChannelDraft& d : drafts)
    for (const leak::TableExposure& t : d.tables) {
      if (scanned_tables.count(t.table) || pii::items_of_columns(t.columns).empty()) continue;
      r.likely += t.rows_likely_extracted;
      r.addressed += std::max(t.rows_addressed, t.rows_likely_extracted);
    }
  return r;
}

PersonsEstimate persons(const Scanned& s, const std::vector<ChannelDraft>& drafts) {
  const InjectedRows rows = uncovered_injected_rows(drafts, s.all);
  uint64_t skimmed = 0;
  for (const ChannelDraft& d : drafts)
    if (d.channel.kind == "skimmer") skimmed += d.channel.records;
  PersonsEstimate p;
  p.min = s.certain.persons + rows.likely;
  p.max = std::max(p.min, s.all.persons + rows.addressed + skimmed);
  p.method = {
      fmt::format("Distinct persons (rows sharing an e-mail address, card number or phone number "
                  "count once) in the files taken through confirmed or likely channels ({}), plus "
                  "rows an SQL injection likely read from tables no copy of which was found ({}); "
                  "the maximum adds the files only possibly taken ({} persons in all exposed "
                  "files), every row the injections addressed ({}) and the checkouts served with a "
                  "skimmer ({}).",
                  s.certain.persons, rows.likely, s.all.persons, rows.addressed, skimmed),
      fmt::format(
          "確実又は可能性が高い経路で持ち出されたファイル中の本人数（メールアドレス・カード"
          "番号・電話番号が同じ行は同一人物として重複排除：{} 人）に、複製が見つからない"
          "テーブルから SQL インジェクションで読み出された可能性が高い行数（{} 行）を加えた"
          "ものを下限としました。上限には、持ち出された可能性のあるファイル（全体で {} 人）、"
          "インジェクションが指定した全行（{} 行）、スキマー設置中の決済（{} 件）を加えて"
          "います。",
          s.certain.persons, rows.likely, s.all.persons, rows.addressed, skimmed)};
  return p;
}

CardData card_data(const pii::Report& r) {
  CardData c;
  for (const pii::Count& b : r.cards_by_brand) {
    c.full += b.count;
    c.brands.push_back(fmt::format("{}: {}", b.name, b.count));
  }
  c.masked = r.masked_cards;
  c.test = r.test_cards;
  return c;
}

bool has_item(const std::vector<LeakDataItem>& items, std::string_view name) {
  return std::any_of(items.begin(), items.end(),
                     [&](const LeakDataItem& i) { return i.item == name && i.values > 0; });
}

std::string verdict_of(const std::vector<ChannelDraft>& drafts, const Investigation& inv) {
  int best = 3;
  for (const ChannelDraft& d : drafts) {
    // A channel that carried no personal data we know of is at most possible.
    const int c = d.channel.data_items.empty() ? 2 : certainty(d.channel.status);
    best = std::min(best, c);
  }
  if (best == 3 && !inv.webshells.empty()) best = 2;  // code ran on the server
  static constexpr const char* kVerdicts[] = {"confirmed", "likely", "possible", "not-supported"};
  return kVerdicts[best];
}

void extend_period(const LeakChannel& c, LeakAssessment& L) {
  if (c.start != kNoTime && (L.period_start == kNoTime || c.start < L.period_start))
    L.period_start = c.start;
  const TimeUs end = c.end != kNoTime ? c.end : c.start;
  if (end != kNoTime && (L.period_end == kNoTime || end > L.period_end)) L.period_end = end;
}

void add_summary(LeakAssessment& L) {
  std::string items_en, items_ja;
  for (const LeakDataItem& i : L.data_items) {
    items_en += (items_en.empty() ? "" : ", ") + i.name.en;
    items_ja += (items_ja.empty() ? "" : "、") + i.name.in("ja");
  }
  const std::string range = L.persons.min == L.persons.max
                                ? fmt::format("{}", L.persons.min)
                                : fmt::format("{}–{}", L.persons.min, L.persons.max);
  if (L.verdict == "not-supported") {
    L.summary = {
        "The evidence does not support a leak of personal data: no channel through which "
        "data left was found.",
        "個人データの漏えいを裏付ける証拠はありません：データが持ち出された経路は見つかり"
        "ませんでした。"};
    return;
  }
  static const std::map<std::string, Text> kWords = {
      {"confirmed", {"Personal data leaked", "個人データの漏えいを確認しました"}},
      {"likely",
       {"Personal data most likely leaked", "個人データが漏えいした可能性が高い状況です"}},
      {"possible", {"Personal data may have leaked", "個人データが漏えいしたおそれがあります"}}};
  const Text& w = kWords.at(L.verdict);
  L.summary = {
      fmt::format("{}: {} persons{} through {} channel(s){}.", w.en, range,
                  items_en.empty() ? "" : " (" + items_en + ")", L.channels.size(),
                  L.card_data.full ? fmt::format(", {} card numbers", L.card_data.full) : ""),
      fmt::format("{}：本人数 {} 人{}、経路 {} 件{}。", w.ja, range,
                  items_ja.empty() ? "" : "（" + items_ja + "）", L.channels.size(),
                  L.card_data.full ? fmt::format("、カード番号 {} 件", L.card_data.full) : "")};
}

void add_reasons(LeakAssessment& L) {
  for (const LeakChannel& c : L.channels) {
    if (L.reasons.size() >= 6) break;
    if (c.status == "possible" && L.verdict != "possible") continue;
    const std::string cites = cites_in_words(c);
    L.reasons.push_back({c.summary.en + cites, c.summary.in("ja") + cites});
  }
}

void add_to_narrow(LeakAssessment& L, const Investigation& inv) {
  const auto has_kind = [&](std::string_view k) {
    return std::any_of(L.channels.begin(), L.channels.end(),
                       [&](const LeakChannel& c) { return c.kind == k; });
  };
  if (has_kind("sql-injection"))
    L.to_narrow.push_back(
        {"The database's query log or the application's response bodies for the injected "
         "requests would show exactly which rows were returned; the current row counts of the "
         "tables read bound the estimate.",
         "インジェクションされたリクエストに対する DB のクエリログやアプリケーションの応答内容が"
         "あれば、返却された行を正確に特定できます。読み出されたテーブルの現在の行数は推定の上限"
         "になります。"});
  if (has_kind("webshell") || !inv.webshells.empty())
    L.to_narrow.push_back(
        {"The database server's logs (connections from the web server, mysqldump sessions) and "
         "outbound network records for the webshell's period would show what else was read or "
         "sent out.",
         "Web シェルが使われていた期間の DB サーバのログ（Web サーバからの接続、mysqldump の実行）"
         "や外向き通信の記録があれば、他に読み出し・送信されたものを確認できます。"});
  if (has_kind("skimmer"))
    L.to_narrow.push_back(
        {"The payment provider's list of transactions in the skimmer's period gives the exact "
         "cards concerned.",
         "スキマー設置期間中の決済代行会社の取引一覧があれば、対象のカードを正確に特定できます。"});
  bool covered = false;
  for (const SourceStats& s : inv.stats) covered = covered || s.kind == "web_access";
  if (!covered)
    L.to_narrow.push_back(
        {"No web access log was examined: the requests that took data are unseen.",
         "Web アクセスログを調査していないため、データを持ち出したリクエストは"
         "確認できていません。"});
  L.to_narrow.push_back(
      {"Special care-required data (health, beliefs, criminal records…) is not recognised by the "
       "scanner: check the schema of the tables reached.",
       "要配慮個人情報（病歴、信条、犯罪歴等）はスキャナでは判定していません。到達されたテーブルの"
       "定義を確認してください。"});
}

}  // namespace

obligations::Facts appi_facts(const LeakAssessment& L, const std::string& knowledge_date,
                              bool public_body) {
  obligations::Facts f;
  f.knowledge_date = knowledge_date;
  f.leak_verdict = L.verdict;
  f.persons_min = L.persons.min;
  f.persons_max = L.persons.max;
  f.public_body = public_body;
  f.sensitive_data = L.sensitive_data || has_item(L.data_items, "sensitive");
  for (const LeakDataItem& i : L.data_items)
    if (i.item == "sensitive" && i.values > 0)
      f.sensitive_reason = {
          fmt::format("{} values of special care-required information (columns named for medical, "
                      "criminal, creed or similar data) in {}.",
                      i.values, fmt::join(i.where, ", ")),
          fmt::format("要配慮個人情報（病歴・犯罪歴・信条等の列）の値 {} 件：{}。", i.values,
                      fmt::join(i.where, ", "))};
  f.card_data = L.card_data.full > L.card_data.test;
  f.payment_credentials = has_item(L.data_items, "credential");
  f.skimming = std::any_of(L.channels.begin(), L.channels.end(),
                           [](const LeakChannel& c) { return c.kind == "skimmer"; });
  // Every channel shodo reconstructs is an attacker's doing.
  f.unauthorized_access = L.verdict != "not-supported";
  if (f.card_data)
    for (const LeakDataItem& i : L.data_items)
      if (i.item == "card_number") {
        std::string where;
        for (const std::string& w : i.where) where += (where.empty() ? "" : ", ") + w;
        f.card_reason = {fmt::format("{} full card numbers ({}) in {}.", L.card_data.full,
                                     fmt::join(L.card_data.brands, ", "), where),
                         fmt::format("完全なカード番号 {} 件（{}）：{}。", L.card_data.full,
                                     fmt::join(L.card_data.brands, ", "), where)};
      }
  if (f.unauthorized_access && !L.channels.empty()) {
    const LeakChannel& c = L.channels.front();
    f.attack_reason = {
        "The data was reached by an attack: " + c.summary.en + cites_in_words(c),
        "攻撃によりデータに到達されています：" + c.summary.in("ja") + cites_in_words(c)};
  }
  return f;
}

void assess_leak(const CorrelationInput& in, const Sources& sources, const leak::Channels& channels,
                 const LeakOptions& o, Investigation& inv, std::vector<std::string>& problems) {
  LeakAssessment& L = inv.leak;
  L = {};
  std::vector<ChannelDraft> drafts = draft_channels(in, channels, inv);
  Exposed exposed = exposed_files(drafts);
  Scanned scanned = scan_exposed(sources, o, exposed, L.to_narrow, problems);
  fill_channel_items(drafts, exposed, scanned.all);

  L.data_items = data_items(scanned.all, drafts);
  L.sensitive_data = has_item(L.data_items, "sensitive");
  L.card_data = card_data(scanned.all);
  L.persons = persons(scanned, drafts);
  L.verdict = verdict_of(drafts, inv);
  const bool any_certain = std::any_of(drafts.begin(), drafts.end(), [](const ChannelDraft& d) {
    return d.channel.status != "possible";
  });
  for (ChannelDraft& d : drafts) {
    // The period: of the confirmed and likely channels when there are some.
    if (!any_certain || d.channel.status != "possible") extend_period(d.channel, L);
    L.channels.push_back(std::move(d.channel));
  }
  add_summary(L);
  add_reasons(L);
  if (channels.mail.verdict == "no-outbound-anomaly")
    L.reasons.push_back(
        {"Mail: the server sent no unusual volume, so if customers receive spam or phishing, "
         "their addresses were taken (the channels above), not the server used to send. " +
             channels.mail.reason.en,
         "メール：サーバからの送信量に異常はありません。顧客に迷惑メールやフィッシングメールが届い"
         "ている場合、サーバが送信に使われたのではなく、アドレスが持ち出された（上記の経路）と"
         "考えられます。" +
             channels.mail.reason.in("ja")});
  add_to_narrow(L, inv);
  L.public_body = o.public_body;
  L.appi = obligations::assess(appi_facts(L, inv.case_info.knowledge_date, o.public_body));
}

}  // namespace shodo::investigate
