// The account of the incident: when it started, when the site was
// compromised, when the attackers were last seen; the steps of the attack in
// kill-chain order; and the verdict with its reasons and gaps.
#include <algorithm>
#include <map>

#include "investigate/correlate_steps.h"

namespace shodo::investigate {
namespace {

struct Phase {
  const char* name;
  std::vector<const char*> techniques;  // ATT&CK id prefixes
  const char *lead_en, *lead_ja;
};
const std::vector<Phase>& phases() {
  static const std::vector<Phase> k = {
      {"reconnaissance",
       {"T1595", "T1592", "T1590", "T1591", "T1589"},
       "probed the site",
       "サイトを探索した"},
      {"initial-access",
       {"T1190", "T1078", "T1133", "T1566"},
       "attacked the site's entry points",
       "サイトの入口を攻撃した"},
      {"execution",
       {"T1059", "T1203"},
       "ran commands on the server",
       "サーバ上でコマンドを実行した"},
      {"persistence",
       {"T1505", "T1053", "T1098", "T1136", "T1543", "T1546", "T1574"},
       "planted a foothold",
       "足がかりを設置した"},
      {"privilege-escalation", {"T1548", "T1068"}, "raised its privileges", "権限を昇格した"},
      {"credential-access",
       {"T1110", "T1003", "T1552"},
       "went after credentials",
       "認証情報を狙った"},
      {"collection",
       {"T1005", "T1213", "T1074", "T1119", "T1560"},
       "gathered data",
       "データを収集した"},
      {"exfiltration",
       {"T1041", "T1048", "T1567", "T1030", "T1020"},
       "took data out",
       "データを持ち出した"},
      {"impact",
       {"T1491", "T1498", "T1499", "T1496", "T1485", "T1486", "T1565"},
       "damaged the service",
       "サービスに損害を与えた"},
  };
  return k;
}

int phase_of(const std::string& technique) {
  for (size_t i = 0; i < phases().size(); ++i)
    for (const char* p : phases()[i].techniques)
      if (technique.starts_with(p)) return static_cast<int>(i);
  return -1;
}

bool relevant(const FindingRecord& f) {
  return f.level >= Level::medium && f.time != kNoTime;
}

// Findings that are the attackers' doing: log findings from an attacker,
// file findings (the files are the attack's traces).
bool attackers_doing(const Investigation& inv, const FindingRecord& f) {
  return f.origin != "log" || attacker_of(inv, f.client_ip);
}

void build_window(Investigation& inv) {
  IncidentWindow& w = inv.window;
  for (const FindingRecord& f : inv.findings) {
    if (!relevant(f) || f.origin != "log" || !attacker_of(inv, f.client_ip)) continue;
    if (w.first_malicious.time == kNoTime || f.time < w.first_malicious.time)
      w.first_malicious = {
          f.time,
          {f.title.en + " from " + f.client_ip, f.title.in("ja") + "（" + f.client_ip + "）"},
          f.source,
          f.id};
  }
  auto consider = [&](TimeUs t, Text what, const Citation& cite, const std::string& id) {
    if (t != kNoTime && (w.compromise.time == kNoTime || t < w.compromise.time))
      w.compromise = {t, std::move(what), cite, id};
  };
  for (const Webshell& s : inv.webshells) {
    const std::string id = s.finding_ids.empty() ? "" : s.finding_ids.front();
    if (s.uploaded_at != kNoTime)
      consider(s.uploaded_at,
               {"Webshell " + s.url + " uploaded by " + s.uploaded_by,
                s.uploaded_by + " が Web シェル " + s.url + " をアップロード"},
               s.upload_cite, id);
    else
      consider(s.file_time, {"Webshell " + s.path + " written", "Web シェル " + s.path + " の作成"},
               {}, id);
  }
  for (const FindingRecord& f : inv.findings)
    if (relevant(f) && f.level >= Level::high && f.outcome == "success" && attackers_doing(inv, f))
      consider(f.time, {f.title.en, f.title.in("ja")}, f.source, f.id);
  // The incident ends with the last activity of those who got in; without
  // them, of every attacker.
  bool any_succeeded = false;
  for (const Attacker& a : inv.attackers) any_succeeded = any_succeeded || a.outcome == "success";
  for (const Attacker& a : inv.attackers)
    if (a.last_seen != kNoTime && a.level >= Level::medium &&
        (!any_succeeded || a.outcome == "success") &&
        (w.last_activity.time == kNoTime || a.last_seen > w.last_activity.time))
      w.last_activity = {
          a.last_seen, {"Last activity of " + a.ip, a.ip + " の最後の活動"}, a.last_cite, ""};
  if (w.first_malicious.time == kNoTime && w.compromise.time != kNoTime)
    w.first_malicious = w.compromise;
}

void build_chain(Investigation& inv) {
  std::map<int, ChainStep> steps;
  std::map<int, std::vector<std::string>> actors, titles;
  for (const FindingRecord& f : inv.findings) {
    if (!relevant(f) || !attackers_doing(inv, f)) continue;
    for (const std::string& t : f.techniques) {
      const int p = phase_of(t);
      if (p < 0) continue;
      ChainStep& s = steps[p];
      s.phase = phases()[p].name;
      add_unique(s.techniques, t);
      if (s.time == kNoTime || f.time < s.time) {
        s.time = f.time;
        s.cite = f.source;
      }
      if (s.finding_ids.size() < 12) add_unique(s.finding_ids, f.id);
      add_unique(actors[p], f.client_ip);
      if (titles[p].size() < 3) add_unique(titles[p], f.title.en);
    }
  }
  // A webshell told to run commands is execution, even when no rule named it.
  for (const Webshell& w : inv.webshells)
    if (!w.commands.empty() && w.first_used != kNoTime) {
      const int p = phase_of("T1059");
      ChainStep& s = steps[p];
      s.phase = phases()[p].name;
      add_unique(s.techniques, "T1059.004");
      if (s.time == kNoTime || w.first_used < s.time) {
        s.time = w.first_used;
        s.cite = w.first_use_cite;
      }
      for (const std::string& ip : w.used_by) add_unique(actors[p], ip);
      for (const std::string& id : w.finding_ids) add_unique(s.finding_ids, id);
    }
  for (auto& [p, s] : steps) {
    const Phase& ph = phases()[p];
    std::vector<std::string> who = actors[p];
    std::erase(who, std::string());
    const std::string subject_en = who.empty() ? "The attacker" : join(who, ", ");
    const std::string subject_ja = who.empty() ? "攻撃者" : join(who, "、");
    s.narrative.en = subject_en + " " + ph.lead_en +
                     (titles[p].empty() ? "" : ": " + join(titles[p], "; ")) + ".";
    s.narrative.ja = subject_ja + " が" + ph.lead_ja +
                     (titles[p].empty() ? "" : "（" + join(titles[p], "、") + "）") + "。";
    inv.chain.push_back(std::move(s));
  }
}

bool has_log_kind(const CorrelationInput& in, ingest::LogKind kind) {
  for (const ingest::FileReport& f : in.hunt->ingest.files)
    if (f.kind == kind && f.events > 0) return true;
  return false;
}

void build_verdict(const CorrelationInput& in, Investigation& inv) {
  Verdict& v = inv.verdict;
  auto reason = [&](Text t, std::vector<std::string> ids) {
    v.reasons.push_back(std::move(t));
    v.reason_findings.push_back(std::move(ids));
  };
  bool compromised = false, file_evidence = false, log_evidence = false;
  for (const Webshell& w : inv.webshells) {
    compromised = file_evidence = true;
    if (w.uses > 0) {
      log_evidence = true;
      reason({"Webshell " + w.url + " was placed and used by " + join(w.used_by, ", "),
              "Web シェル " + w.url + " が設置され、" + join(w.used_by, "、") + " が使用した"},
             w.finding_ids);
    } else {
      reason({"Webshell " + w.path + " is on the server",
              "サーバ上に Web シェル " + w.path + " がある"},
             w.finding_ids);
    }
  }
  for (const ChangedFile& c : inv.changed_files)
    if (c.assessment == "defacement" || c.assessment == "data-dump" ||
        c.assessment == "injected-code") {
      compromised = file_evidence = true;
      reason({c.note.en + ": " + c.path, c.note.in("ja") + ": " + c.path}, c.finding_ids);
    }
  for (const FindingRecord& f : inv.findings)
    if (f.rule == "shodo.link.dump_download") {
      compromised = log_evidence = true;
      reason({f.path + " was downloaded by " + f.client_ip + " (" + std::to_string(f.bytes) +
                  " bytes)",
              f.client_ip + " が " + f.path + " をダウンロード（" + std::to_string(f.bytes) +
                  " バイト）"},
             {f.id});
    }
  for (const FindingRecord& f : inv.findings)
    if (f.origin == "log" && f.level >= Level::high && f.outcome == "success" &&
        !f.rule.starts_with("shodo.link.") && attacker_of(inv, f.client_ip)) {
      compromised = log_evidence = true;
      reason({f.title.en + " succeeded (" + f.client_ip + ")",
              f.title.in("ja") + " が成功（" + f.client_ip + "）"},
             {f.id});
    }
  bool attacked = false, likely = false;
  std::vector<std::string> attack_ids;
  for (const FindingRecord& f : inv.findings)
    if (f.level >= Level::medium && (f.origin != "log" || attacker_of(inv, f.client_ip))) {
      attacked = true;
      likely = likely || f.outcome == "likely-success";
      if (attack_ids.size() < 10) attack_ids.push_back(f.id);
    }
  const bool have_logs = !in.hunt->ingest.files.empty();
  const bool have_files = inv.files_scanned > 0;
  if (compromised) {
    v.value = "compromised";
    v.confidence = file_evidence && log_evidence ? "high" : "medium";
  } else if (attacked && likely) {
    v.value = "inconclusive";
    v.confidence = "low";
    reason({"Attacks whose responses suggest they may have worked; no trace of compromise found",
            "成功した可能性のある攻撃があるが、侵害の痕跡は見つからない"},
           attack_ids);
  } else if (attacked) {
    v.value = "attacked-not-compromised";
    v.confidence = have_logs && have_files ? "medium" : "low";
    reason({"Attacks were seen, none of them shown to succeed",
            "攻撃は確認されたが、成功を示す痕跡はない"},
           attack_ids);
  } else if (have_logs || have_files) {
    v.value = "no-evidence";
    v.confidence = have_logs && have_files ? "medium" : "low";
    reason({"No rule, detector or scan found an attack",
            "ルール・検知器・スキャンのいずれも攻撃を検出しなかった"},
           {});
  } else {
    v.value = "inconclusive";
    v.confidence = "low";
    reason({"Nothing could be examined", "調査できる証拠がなかった"}, {});
  }

  if (!has_log_kind(in, ingest::LogKind::web_access))
    v.missing.push_back(
        {"No web access logs: requests, attackers and data downloads cannot be established",
         "Web アクセスログがなく、リクエスト・攻撃元・データの持ち出しを確認できない"});
  if (!have_files)
    v.missing.push_back({"No webroot or system files were examined",
                         "Web ルートやシステムのファイルを調査していない"});
  else if (!in.baseline_given)
    v.missing.push_back(
        {"No known-good release (--known-good): changed files cannot be told from the release",
         "既知の正常版（--known-good）がなく、改ざんされたファイルをリリース版と比較できない"});
  TimeUs logs_start = kNoTime;
  for (const ingest::FileReport& f : in.hunt->ingest.files)
    if (f.kind == ingest::LogKind::web_access && f.first_time != kNoTime &&
        (logs_start == kNoTime || f.first_time < logs_start))
      logs_start = f.first_time;
  TimeUs earliest_change = kNoTime;
  for (const ChangedFile& c : inv.changed_files)
    if (c.assessment != "benign" && c.mtime != kNoTime &&
        (earliest_change == kNoTime || c.mtime < earliest_change))
      earliest_change = c.mtime;
  if (logs_start != kNoTime && earliest_change != kNoTime && earliest_change < logs_start)
    v.missing.push_back(
        {"A changed file predates the web logs: the incident may have started before them",
         "Web "
         "ログの開始より前に変更されたファイルがあり、侵害はログの範囲より前に始まった可能性があ"
         "る"});
  for (const FindingRecord& f : inv.findings)
    if (f.origin == "log" && f.title.en.find("SQL") != std::string::npos) {
      v.missing.push_back(
          {"No database logs: what the SQL injection read is inferred from the requests and "
           "responses",
           "データベースのログがなく、SQL "
           "インジェクションで読まれた内容はリクエストと応答から推定している"});
      break;
    }
  uint64_t bad = 0;
  for (const ingest::FileReport& f : in.hunt->ingest.files) bad += f.bad_lines;
  if (bad > 0)
    v.missing.push_back({std::to_string(bad) + " log lines could not be read (see stats)",
                         std::to_string(bad) + " 行のログを解析できなかった（stats を参照）"});
}

}  // namespace

void build_story(const CorrelationInput& in, Investigation& inv) {
  build_window(inv);
  build_chain(inv);
  build_verdict(in, inv);
}

}  // namespace shodo::investigate
