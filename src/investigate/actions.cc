// What to do now (暫定策), what to do next (今後の対応), and the indicators to
// share — each derived from the findings that call for it.
#include <algorithm>

#include "investigate/correlate_steps.h"

namespace shodo::investigate {
namespace {

bool any_finding(const Investigation& inv, bool (*pred)(const FindingRecord&)) {
  return std::any_of(inv.findings.begin(), inv.findings.end(), pred);
}

std::vector<std::string> ids_where(const Investigation& inv, bool (*pred)(const FindingRecord&)) {
  std::vector<std::string> ids;
  for (const FindingRecord& f : inv.findings)
    if (pred(f) && ids.size() < 10) ids.push_back(f.id);
  return ids;
}

bool is_sqli(const FindingRecord& f) {
  return f.origin == "log" && f.level >= Level::medium &&
         f.title.en.find("SQL") != std::string::npos;
}
bool is_login_success(const FindingRecord& f) {
  return f.outcome == "success" && (has_technique(f, "T1110") || has_technique(f, "T1078"));
}
bool is_persistence(const FindingRecord& f) {
  return f.origin == "triage" && f.level >= Level::high;
}

void build_measures(const CorrelationInput& in, Investigation& inv) {
  std::vector<std::string> ips, ids;
  for (const Attacker& a : inv.attackers)
    if (a.level >= Level::medium) {
      ips.push_back(a.ip);
      ids.insert(ids.end(), a.finding_ids.begin(),
                 a.finding_ids.begin() + std::min<size_t>(3, a.finding_ids.size()));
    }
  if (!ips.empty())
    inv.measures.push_back({"now",
                            {"Block " + join(ips, ", ") + " at the firewall or WAF",
                             join(ips, "、") + " をファイアウォールまたは WAF で遮断する"},
                            ids});
  for (const Webshell& w : inv.webshells)
    inv.measures.push_back(
        {"now",
         {"Take " + w.path +
              " offline (move it out of the webroot after preserving a copy) and look for other "
              "files written at the same time",
          w.path + " を公開停止する（複製を保全したうえで Web "
                   "ルート外へ移動）。同時刻に書き込まれた他のファイルも確認する"},
         w.finding_ids});
  for (const ChangedFile& c : inv.changed_files) {
    if (c.assessment == "defacement" || c.assessment == "injected-code")
      inv.measures.push_back(
          {"now",
           {"Restore " + c.path + " from the known-good release", c.path + " を正常版から復元する"},
           c.finding_ids});
    if (c.assessment == "data-dump")
      inv.measures.push_back({"now",
                              {"Remove " + c.path + " from the webroot (after preserving it)",
                               c.path + " を Web ルートから削除する（保全後）"},
                              c.finding_ids});
  }
  inv.measures.push_back(
      {"now",
       {"Preserve the web, system and database logs before rotation deletes them (extend "
        "retention)",
        "ローテーションで消える前に Web・システム・DB のログを保全する（保存期間を延長）"},
       {}});
  if (!inv.webshells.empty() || any_finding(inv, is_sqli))
    inv.measures.push_back(
        {"today",
         {"Change the database password and every secret in the site's configuration files",
          "データベースのパスワードと設定ファイル内の秘密情報をすべて変更する"},
         ids_where(inv, is_sqli)});
  if (!inv.webshells.empty() || any_finding(inv, is_login_success) || any_finding(inv, is_sqli))
    inv.measures.push_back({"today",
                            {"Reset the site's administrator passwords and end their sessions",
                             "サイト管理者のパスワードを再設定し、セッションを無効化する"},
                            ids_where(inv, is_login_success)});
  if (any_finding(inv, is_sqli))
    inv.measures.push_back({"today",
                            {"Fix or disable the vulnerable parameters (use prepared statements); "
                             "put a WAF rule in front meanwhile",
                             "脆弱なパラメータを修正または無効化する（プリペアドステートメント）。"
                             "それまでは WAF で防御する"},
                            ids_where(inv, is_sqli)});
  for (const Webshell& w : inv.webshells)
    if (w.upload_cite.file.size())
      inv.measures.push_back({"today",
                              {"Close the upload path used to place the webshell (cited request): "
                               "allow only image types and never execute uploads",
                               "Web "
                               "シェルの設置に使われたアップロード機能を塞ぐ（画像のみ許可し、アッ"
                               "プロード先でスクリプトを実行させない）"},
                              w.finding_ids});
  if (!inv.webshells.empty() || any_finding(inv, is_persistence))
    inv.measures.push_back(
        {"this-week",
         {"Check for further persistence: cron jobs, SSH keys, new accounts, modified system files "
          "(shodo triage on a disk image)",
          "他の永続化の有無を確認する: cron、SSH "
          "鍵、新規アカウント、システムファイルの改変（ディスクイメージに shodo triage）"},
         ids_where(inv, is_persistence)});
  (void)in;
}

void build_next_steps(Investigation& inv) {
  const bool compromised = inv.verdict.value == "compromised";
  bool data = false;
  for (const ChainStep& s : inv.chain)
    data = data || s.phase == "collection" || s.phase == "exfiltration";
  if (data)
    inv.next_steps.push_back(
        {"this-week",
         {"Assess what personal data left and whose (leak assessment), to decide on notification",
          "漏えいした個人情報の範囲と対象者を確定し（漏えい調査）、通知の要否を判断する"},
         {}});
  if (compromised) {
    inv.next_steps.push_back({"today",
                              {"Report to the Personal Information Protection Commission: "
                               "preliminary report within 3-5 days of learning of the breach",
                               "個人情報保護委員会へ報告する: 知った日から 3〜5 日以内に速報"},
                              {}});
    inv.next_steps.push_back(
        {"this-week",
         {"Full forensic examination of the server's disk image (persistence, other compromised "
          "accounts)",
          "サーバのディスクイメージを詳細調査する（永続化、他に侵害されたアカウント）"},
         {}});
    inv.next_steps.push_back(
        {"this-week",
         {"Rebuild or clean the server, then watch it: the same rules run on live logs",
          "サーバを再構築または駆除し、その後は同じルールでログを監視する"},
         {}});
  }
  if (inv.verdict.value != "no-evidence")
    inv.next_steps.push_back(
        {"this-week",
         {"Share the indicators (STIX / MISP exports) with the hosting provider and peers",
          "IOC（STIX / MISP 形式）をホスティング事業者や関係組織と共有する"},
         {}});
}

void add_indicator(Investigation& inv, Indicator i) {
  for (const Indicator& o : inv.indicators)
    if (o.type == i.type && o.value == i.value) return;
  inv.indicators.push_back(std::move(i));
}

void build_indicators(Investigation& inv) {
  for (const Attacker& a : inv.attackers) {
    const bool v6 = a.ip.find(':') != std::string::npos;
    // Validated: seen succeeding, or attacking at high severity.
    const bool validated =
        outcome_rank(a.outcome) >= outcome_rank("likely-success") || a.level >= Level::high;
    add_indicator(inv, {v6 ? "ipv6-addr" : "ipv4-addr", a.ip, validated, a.role, a.first_seen,
                        a.last_seen, a.finding_ids});
    for (const std::string& ua : a.user_agents)
      if (!a.tools.empty())
        add_indicator(inv, {"user-agent",
                            ua,
                            false,
                            {"User agent of " + a.ip + " (" + join(a.tools, ", ") + ")",
                             a.ip + " のユーザーエージェント（" + join(a.tools, ", ") + "）"},
                            a.first_seen,
                            a.last_seen,
                            a.finding_ids});
  }
  for (const Webshell& w : inv.webshells) {
    const Text d{"Webshell", "Web シェル"};
    if (!w.sha256.empty())
      add_indicator(inv,
                    {"file-sha256", w.sha256, true, d, w.first_seen, w.last_used, w.finding_ids});
    add_indicator(inv, {"file-path", w.path, true, d, w.first_seen, w.last_used, w.finding_ids});
    if (!w.url.empty())
      add_indicator(inv, {"url",
                          w.url,
                          true,
                          {"Webshell URL", "Web シェルの URL"},
                          w.first_seen,
                          w.last_used,
                          w.finding_ids});
  }
  for (const FindingRecord& f : inv.findings)
    if (f.rule == "shodo.link.dump_download")
      add_indicator(
          inv, {"url",
                f.path,
                true,
                {"Data dump downloaded by the attacker", "攻撃者がダウンロードしたデータダンプ"},
                f.time,
                f.time,
                {f.id}});
}

}  // namespace

void build_actions(const CorrelationInput& in, Investigation& inv) {
  build_measures(in, inv);
  build_next_steps(inv);
  build_indicators(inv);
}

}  // namespace shodo::investigate
