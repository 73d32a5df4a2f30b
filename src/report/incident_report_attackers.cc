// Who attacked: one table row per attacking address, and a bar chart of how
// active each was.
#include <fmt/format.h>

#include "report/incident_report_internal.h"
#include "report/text_format.h"

namespace shodo::report::incident {
namespace {

// Addresses shown, most significant first; findings.json keeps all of them.
constexpr size_t kTableRows = 30;
constexpr size_t kChartBars = 15;

Chart activity_chart(const Builder& b) {
  Chart chart;
  chart.title = b.tr("Attackers by activity", "攻撃元別の活動量");
  chart.series = {{std::string(b.tr("Web requests", "Web リクエスト")), Shade::attack},
                  {std::string(b.tr("Login attempts", "ログイン試行")), Shade::attack_secondary}};
  const auto& attackers = b.inv.attackers;
  if (attackers.size() > kChartBars)
    chart.title += fmt::format(fmt::runtime(b.tr(" (the first {})", "（上位 {} 件）")), kChartBars);
  for (size_t i = 0; i < attackers.size() && i < kChartBars; ++i) {
    const auto& a = attackers[i];
    chart.bars.push_back({a.ip, {}, {a.requests, a.auth_failures + a.auth_successes}});
  }
  return chart;
}

}  // namespace

void add_attackers(Builder& b) {
  b.section("Attackers", "攻撃元");
  const auto& attackers = b.inv.attackers;
  if (attackers.empty()) {
    b.note("No attacking address was identified.", "攻撃元は特定されていません。");
    return;
  }
  Table table{
      {std::string(b.tr("IP address", "IP アドレス")), std::string(b.tr("Role", "役割")),
       std::string(b.tr("First seen", "初回")), std::string(b.tr("Last seen", "最終")),
       std::string(b.tr("Requests", "リクエスト数")),
       std::string(b.tr("Logins failed / succeeded", "ログイン失敗 / 成功")),
       std::string(b.tr("Bytes sent", "送信バイト数")), std::string(b.tr("Tools", "ツール")),
       std::string(b.tr("Techniques", "手法（ATT&CK）")), std::string(b.tr("Outcome", "結果")),
       std::string(b.tr("Findings", "所見"))},
      {false, false, false, false, true, true, true, false, false, false, false},
      {}};
  for (size_t i = 0; i < attackers.size() && i < kTableRows; ++i) {
    const auto& a = attackers[i];
    table.rows.push_back({{plain(a.ip)},
                          {plain(b.text(a.role))},
                          {plain(b.time(a.first_seen))},
                          {plain(b.time(a.last_seen))},
                          {plain(grouped(a.requests))},
                          {plain(grouped(a.auth_failures) + " / " + grouped(a.auth_successes))},
                          {plain(grouped(a.bytes_sent))},
                          {plain(joined(a.tools))},
                          {plain(joined(a.techniques))},
                          {plain(b.words(Term::outcome, a.outcome))},
                          b.sources(a.finding_ids, a.first_cite)});
  }
  b.add(std::move(table));
  if (attackers.size() > kTableRows)
    b.note(fmt::format("{} more attacking addresses are listed in findings.json.",
                       attackers.size() - kTableRows),
           fmt::format("ほか {} 件の攻撃元は findings.json に記録されています。",
                       attackers.size() - kTableRows));
  b.add(activity_chart(b));
}

}  // namespace shodo::report::incident
