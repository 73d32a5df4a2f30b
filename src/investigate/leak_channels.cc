// The channels through which data may have left, in the investigation's
// words: one per SQL injection (attacker, path, parameter), per download,
// per attacker and webshell, per skimmer, per spamming sender.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "investigate/changes.h"
#include "investigate/leak_assessment.h"
#include "investigate/leak_steps.h"

namespace shodo::investigate {
namespace {

constexpr size_t kMaxCites = 10;
constexpr size_t kMaxCommandsShown = 8;

Citation cite_of(const ingest::InputSet& logs, const leak::Cite& c) {
  if (c.file_index >= logs.files.size()) return {};
  return {logs.files[c.file_index].path, c.line, c.offset, 0};
}

void add_cite(LeakChannel& c, Citation cite) {
  if (cite.empty() || c.cites.size() >= kMaxCites) return;
  for (const Citation& have : c.cites)
    if (have.file == cite.file && have.line == cite.line) return;
  c.cites.push_back(std::move(cite));
}

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
  return out;
}

std::string table_label(const leak::TableExposure& t) {
  std::string name = t.database.empty() ? t.table : t.database + "." + t.table;
  return t.columns.empty() ? name : name + "(" + joined(t.columns, ",") + ")";
}

// Rows read from a table, in words.
std::string rows_read(const leak::TableExposure& t, bool ja) {
  const std::string name = table_label(t);
  if (t.rows_likely_extracted > 0)
    return ja ? fmt::format("{} の約 {} 行", name, t.rows_likely_extracted)
              : fmt::format("about {} rows of {}", t.rows_likely_extracted, name);
  if (t.whole_table_reads_with_data > 0)
    return ja ? fmt::format("{} の全行（行数不明）", name)
              : fmt::format("all rows of {} (count unknown)", name);
  return ja ? fmt::format("{}（データの返却は確認できず）", name)
            : fmt::format("{} (no response looked like data)", name);
}

ChannelDraft sql_injection(const leak::SqlInjection& s, const ingest::InputSet& logs) {
  ChannelDraft d;
  LeakChannel& c = d.channel;
  c.kind = "sql-injection";
  c.actor = s.ip;
  c.start = s.first_time;
  c.end = s.last_time;
  bool data = false;
  std::vector<std::string> reads_en, reads_ja;
  for (const leak::TableExposure& t : s.tables) {
    c.records += t.rows_likely_extracted;
    data = data || t.rows_likely_extracted > 0 || t.whole_table_reads_with_data > 0;
    c.targets.push_back(table_label(t));
    reads_en.push_back(rows_read(t, false));
    reads_ja.push_back(rows_read(t, true));
  }
  // The log holds no response body: sizes consistent with data make it likely.
  c.status = data ? "likely" : "possible";
  const std::string where = s.parameter.empty() ? s.path : s.path + " (" + s.parameter + ")";
  const std::string techniques = joined(s.techniques, ", ");
  c.summary.en = fmt::format(
      "SQL injection into {} by {}, {} requests ({}): {}.", where, s.ip, s.requests, techniques,
      reads_en.empty() ? std::string("no data table read was seen") : joined(reads_en, "; "));
  c.summary.ja = fmt::format(
      "{} から {} への SQL インジェクション {} 回（{}）：{}。", s.ip, where, s.requests, techniques,
      reads_ja.empty() ? std::string("データのテーブルの読み出しは確認できず")
                       : joined(reads_ja, "、"));
  if (!s.how_computed.empty()) {
    c.summary.en += " " + s.how_computed.en;
    c.summary.ja += s.how_computed.in("ja");
  }
  add_cite(c, cite_of(logs, s.first));
  for (const leak::Cite& e : s.examples) add_cite(c, cite_of(logs, e));
  add_cite(c, cite_of(logs, s.last));
  std::vector<std::string> columns;
  for (const leak::TableExposure& t : s.tables) {
    const std::vector<std::string> items = pii::items_of_columns(t.columns);
    columns.insert(columns.end(), items.begin(), items.end());
    d.tables.push_back(t);
  }
  std::sort(columns.begin(), columns.end());
  columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
  c.data_items = std::move(columns);
  return d;
}

// A download's kind in Japanese (the English words are the kind itself).
std::string kind_ja(const std::string& kind) {
  static const std::pair<const char*, const char*> kWords[] = {
      {"database-dump", "データベースのダンプ"},
      {"backup", "バックアップ"},
      {"archive", "アーカイブ"},
      {"export", "エクスポート"},
      {"log", "ログ"},
      {"config", "設定ファイル"}};
  for (const auto& [en, ja] : kWords)
    if (kind == en) return ja;
  return kind;
}

ChannelDraft download(const leak::Download& dl, const ingest::InputSet& logs) {
  ChannelDraft d;
  LeakChannel& c = d.channel;
  c.kind = "download";
  c.actor = dl.ip;
  c.start = c.end = dl.time;
  c.targets = {dl.path};
  c.bytes = dl.bytes > 0 ? static_cast<uint64_t>(dl.bytes) : 0;
  const bool ok = dl.status >= 200 && dl.status < 300;
  c.status = dl.complete && dl.matches_file ? "confirmed" : ok ? "likely" : "possible";
  const std::string size = dl.file_size
                               ? fmt::format("{} of the file's {} bytes", dl.bytes, *dl.file_size)
                               : fmt::format("{} bytes", dl.bytes);
  const std::string size_ja =
      dl.file_size ? fmt::format("ファイルサイズ {} バイト中 {} バイト", *dl.file_size, dl.bytes)
                   : fmt::format("{} バイト", dl.bytes);
  c.summary.en = fmt::format("{} downloaded {} ({}; status {}, {}){}.", dl.ip, dl.path, dl.kind,
                             dl.status, size, dl.matches_file ? ": the whole file" : "");
  c.summary.ja =
      fmt::format("{} が {} をダウンロード（{}、ステータス {}、{}）{}。", dl.ip, dl.path,
                  kind_ja(dl.kind), dl.status, size_ja, dl.matches_file ? "：ファイル全体" : "");
  add_cite(c, cite_of(logs, dl.cite));
  if (ok) d.file_urls.push_back(dl.path);
  return d;
}

// Commands one attacker ran through one webshell.
std::vector<ChannelDraft> webshell_channels(const std::vector<leak::WebshellCommand>& commands,
                                            const ingest::InputSet& logs) {
  std::map<std::pair<std::string, std::string>, ChannelDraft> by_actor;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> shown;
  for (const leak::WebshellCommand& cmd : commands) {
    ChannelDraft& d = by_actor[{cmd.ip, cmd.webshell}];
    LeakChannel& c = d.channel;
    if (c.kind.empty()) {
      c.kind = "webshell";
      c.actor = cmd.ip;
      c.status = "possible";
      c.start = cmd.time;
    }
    c.end = std::max(c.end, cmd.time);
    ++c.records;
    if (cmd.bytes > 0) c.bytes += static_cast<uint64_t>(cmd.bytes);
    for (const leak::FileUse& f : cmd.files) {
      const std::string target = f.role + ": " + (f.url_path.empty() ? f.path : f.url_path);
      if (std::find(c.targets.begin(), c.targets.end(), target) == c.targets.end())
        c.targets.push_back(target);
      if (f.role == "read" || f.role == "create") c.status = "likely";
      if (!f.url_path.empty()) d.file_urls.push_back(f.url_path);
    }
    std::vector<std::string>& list = shown[{cmd.ip, cmd.webshell}];
    if (list.size() < kMaxCommandsShown) list.push_back(cmd.command);
    add_cite(c, cite_of(logs, cmd.cite));
  }
  std::vector<ChannelDraft> out;
  for (auto& [key, d] : by_actor) {
    LeakChannel& c = d.channel;
    const std::string cmds = joined(shown[key], " ; ");
    c.summary.en =
        fmt::format("{} ran {} commands through the webshell {}: {}{}.", key.first, c.records,
                    key.second, cmds, c.records > shown[key].size() ? " …" : "");
    c.summary.ja =
        fmt::format("{} が Web シェル {} で {} 件のコマンドを実行：{}{}。", key.first, key.second,
                    c.records, cmds, c.records > shown[key].size() ? " …" : "");
    std::sort(d.file_urls.begin(), d.file_urls.end());
    d.file_urls.erase(std::unique(d.file_urls.begin(), d.file_urls.end()), d.file_urls.end());
    out.push_back(std::move(d));
  }
  return out;
}

// Dumps left in a served folder that no log shows being fetched: anyone
// who knew the URL could have.
std::vector<ChannelDraft> unfetched_dumps(const Investigation& inv,
                                          const std::vector<ChannelDraft>& drafts,
                                          const CorrelationInput& in) {
  std::set<std::string> fetched;
  for (const ChannelDraft& d : drafts)
    if (d.channel.kind == "download")
      for (const std::string& u : d.file_urls) fetched.insert(u);
  std::vector<ChannelDraft> out;
  for (const ChangedFile& f : inv.changed_files) {
    if (f.assessment != "data-dump") continue;
    std::string url;
    for (size_t i = 0; i < in.watched_paths.size(); ++i)
      if (in.watched_paths[i] == f.path) url = in.watched[i].url;
    if (url.empty() || fetched.count(url)) continue;
    ChannelDraft d;
    d.channel.kind = "download";
    d.channel.status = "possible";
    d.channel.start = f.mtime;
    d.channel.targets = {url};
    d.channel.finding_ids = f.finding_ids;
    d.channel.summary = {
        fmt::format("{} is a dump served to the web; the logs read show no download of it, but "
                    "anyone who knew the URL could have fetched it while it was there.",
                    url),
        fmt::format(
            "{} は Web から取得可能な場所に置かれたダンプです。読み込んだログには取得の記録は"
            "ありませんが、URL を知る者は設置中いつでも取得できました。",
            url)};
    d.file_urls = {url};
    out.push_back(std::move(d));
  }
  return out;
}

// Skimmers: every checkout served with the injected code may have been read.
std::vector<ChannelDraft> skimmers(const CorrelationInput& in, const Investigation& inv) {
  std::vector<ChannelDraft> out;
  for (const FindingRecord& f : inv.findings) {
    if (f.rule != "shodo.scan.skimmer") continue;
    ChannelDraft d;
    LeakChannel& c = d.channel;
    c.kind = "skimmer";
    c.status = "possible";
    c.start = f.time;
    c.targets = {f.path.empty() ? f.source.file : f.path};
    c.data_items = {"card_number"};
    c.finding_ids = {f.id};
    c.cites = {f.source};
    uint64_t served = 0;
    for (size_t i = 0; in.hunt && i < in.watched_paths.size(); ++i) {
      if (f.source.file.find(in.watched_paths[i]) == std::string::npos) continue;
      for (const Request& r : in.hunt->watched[i].requests) {
        if (r.status < 200 || r.status >= 300 || (c.start != kNoTime && r.time < c.start)) continue;
        ++served;
        c.end = std::max(c.end, r.time);
      }
    }
    c.records = served;
    if (served > 0) c.status = "likely";
    c.summary = {
        fmt::format("Injected code in {} sends payment-form input to another site; {} requests "
                    "were served with it in the logs read, each a checkout whose card data may "
                    "have been taken.",
                    c.targets[0], served),
        fmt::format(
            "{} に決済フォームの入力を外部に送るコードが挿入されています。読み込んだログでは"
            "この状態で {} 件のリクエストに応答しており、それぞれカード情報が窃取された"
            "おそれがあります。",
            c.targets[0], served)};
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<ChannelDraft> mail_channels(const leak::MailAssessment& m,
                                        const ingest::InputSet& logs) {
  std::vector<ChannelDraft> out;
  if (m.verdict != "server-sent-spam") return out;
  for (const leak::MailSender& s : m.senders) {
    if (!s.anomalous) continue;
    ChannelDraft d;
    LeakChannel& c = d.channel;
    c.kind = "mail";
    c.actor = s.sender;
    c.status = "possible";
    c.start = s.peak_hour;
    c.records = s.distinct_recipients;
    c.targets = {fmt::format("{} recipients", s.distinct_recipients)};
    c.data_items = {"email"};
    c.summary = {fmt::format("The server sent spam: {} sent {} deliveries in its peak hour against "
                             "a usual {:.1f} per hour, to {} recipients ({} new). {} The recipient "
                             "addresses may come from the site's customer data.",
                             s.sender, s.peak_deliveries, s.baseline_per_hour,
                             s.distinct_recipients, s.new_recipients_in_peak, m.reason.en),
                 fmt::format("サーバからスパムが送信されています：{} がピーク時間帯に {} 件を配送"
                             "（通常は 1 時間あたり {:.1f} 件）、宛先 {} 件（うち新規 {} 件）。{}"
                             "宛先は当サイトの顧客データに由来する可能性があります。",
                             s.sender, s.peak_deliveries, s.baseline_per_hour,
                             s.distinct_recipients, s.new_recipients_in_peak, m.reason.in("ja"))};
    add_cite(c, cite_of(logs, s.peak_first));
    add_cite(c, cite_of(logs, s.peak_last));
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

leak::Config leak_config(const Sources& sources, const std::vector<FileFindingIn>& file_findings) {
  leak::Config config;
  for (const FileFindingIn& f : file_findings)
    if (is_webshell_finding(f.finding) && !f.finding.url_path.empty())
      config.webshell_urls.push_back(f.finding.url_path);
  std::sort(config.webshell_urls.begin(), config.webshell_urls.end());
  config.webshell_urls.erase(std::unique(config.webshell_urls.begin(), config.webshell_urls.end()),
                             config.webshell_urls.end());
  config.file_size = [&sources](std::string_view url) -> std::optional<uint64_t> {
    WebrootFile f;
    if (!webroot_file(sources, url, f)) return std::nullopt;
    return f.info.size;
  };
  return config;
}

bool webroot_file(const Sources& sources, std::string_view url_path, WebrootFile& out) {
  if (url_path.empty() || url_path[0] != '/' || url_path.find("/../") != std::string_view::npos)
    return false;
  for (const WebrootRef& w : sources.webroots) {
    std::string path = (w.dir == "/" ? "" : w.dir) + std::string(url_path);
    std::string error;
    if (w.view->stat(path, out.info, error) && out.info.type == fsview::FileType::regular) {
      out.root = &w;
      out.path = std::move(path);
      return true;
    }
  }
  return false;
}

std::vector<ChannelDraft> draft_channels(const CorrelationInput& in, const leak::Channels& channels,
                                         const Investigation& inv) {
  const ingest::InputSet& logs = *in.logs;
  std::vector<ChannelDraft> drafts;
  for (const leak::SqlInjection& s : channels.sql_injection)
    drafts.push_back(sql_injection(s, logs));
  for (const leak::Download& dl : channels.downloads) drafts.push_back(download(dl, logs));
  for (ChannelDraft& d : webshell_channels(channels.webshell_commands, logs))
    drafts.push_back(std::move(d));
  for (ChannelDraft& d : unfetched_dumps(inv, drafts, in)) drafts.push_back(std::move(d));
  for (ChannelDraft& d : skimmers(in, inv)) drafts.push_back(std::move(d));
  for (ChannelDraft& d : mail_channels(channels.mail, logs)) drafts.push_back(std::move(d));
  std::stable_sort(drafts.begin(), drafts.end(), [](const ChannelDraft& a, const ChannelDraft& b) {
    return certainty(a.channel.status) < certainty(b.channel.status);
  });
  return drafts;
}

}  // namespace shodo::investigate
