// Attackers: one per client address that attacked, with its activity, tools,
// techniques and what it achieved.
#include <algorithm>
#include <cctype>

#include "investigate/correlate_steps.h"

namespace shodo::investigate {
namespace {

// Tools that name themselves in the User-Agent header; matched case-insensitively.
struct ToolName {
  const char* needle;
  const char* name;
};
constexpr ToolName kTools[] = {
    {"nikto", "Nikto"},
    {"sqlmap", "sqlmap"},
    {"nmap", "Nmap"},
    {"masscan", "masscan"},
    {"wpscan", "WPScan"},
    {"nuclei", "Nuclei"},
    {"gobuster", "gobuster"},
    {"dirbuster", "DirBuster"},
    {"ffuf", "ffuf"},
    {"hydra", "Hydra"},
    {"acunetix", "Acunetix"},
    {"nessus", "Nessus"},
    {"openvas", "OpenVAS"},
    {"zgrab", "zgrab"},
    {"curl/", "curl"},
    {"wget/", "Wget"},
    {"python-requests", "python-requests"},
    {"go-http-client", "Go-http-client"},
    {"libwww-perl", "libwww-perl"},
    {"havij", "Havij"},
    {"burp", "Burp Suite"},
};

// What the address did, in words, from its findings' techniques and rules.
Text role_of(const std::vector<const FindingRecord*>& fs, const ClientActivity* act) {
  struct Role {
    bool on = false;
    const char *en, *ja;
  };
  Role scan{false, "scanner", "スキャナ"}, sqli{false, "SQL injection", "SQL インジェクション"},
      brute{false, "password guessing", "パスワード総当たり"},
      shell{false, "webshell operator", "Web シェルの操作"},
      exfil{false, "data download", "データの持ち出し"}, deface{false, "defacement", "改ざん"},
      other{false, "web attacks", "Web 攻撃"};
  for (const FindingRecord* f : fs) {
    const std::string text = lower(f->rule + " " + f->title.en);
    if (has_technique(*f, "T1595") || text.find("scan") != std::string::npos)
      scan.on = true;
    else if (text.find("sql") != std::string::npos)
      sqli.on = true;
    else if (has_technique(*f, "T1110"))
      brute.on = true;
    else if (has_technique(*f, "T1505.003") || text.find("webshell") != std::string::npos)
      shell.on = true;
    else if (has_technique(*f, "T1041") || has_technique(*f, "T1048") ||
             has_technique(*f, "T1567") || text.find("exfil") != std::string::npos)
      exfil.on = true;
    else if (has_technique(*f, "T1491"))
      deface.on = true;
    else
      other.on = true;
  }
  (void)act;
  Text t;
  for (const Role* r : {&scan, &sqli, &brute, &shell, &exfil, &deface, &other}) {
    if (!r->on) continue;
    t.en += (t.en.empty() ? "" : ", ") + std::string(r->en);
    t.ja += (t.ja.empty() ? "" : "、") + std::string(r->ja);
  }
  return t;
}

}  // namespace

void build_attackers(const Stage1& s, const ActivityPass& activity, Investigation& inv) {
  for (const std::string& ip : s.attackers) {
    Attacker a;
    a.ip = ip;
    std::vector<const FindingRecord*> mine;
    for (const FindingRecord& f : inv.findings)
      if (f.client_ip == ip) mine.push_back(&f);
    const auto it = activity.clients.find(ip);
    const ClientActivity* act = it == activity.clients.end() ? nullptr : &it->second;
    if (act) {
      a.first_seen = act->first;
      a.last_seen = act->last;
      a.first_cite = act->first_cite;
      a.last_cite = act->last_cite;
      a.requests = act->requests;
      a.bytes_sent = act->bytes_sent;
      a.auth_failures = act->auth_failures;
      a.auth_successes = act->auth_successes;
      std::vector<std::pair<uint64_t, std::string>> uas;
      for (const auto& [ua, n] : act->user_agents) uas.push_back({n, ua});
      std::sort(uas.begin(), uas.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
      });
      for (size_t i = 0; i < uas.size() && i < 5; ++i) a.user_agents.push_back(uas[i].second);
      for (const auto& [ua, n] : act->user_agents)
        for (const ToolName& t : kTools)
          if (lower(ua).find(t.needle) != std::string::npos) add_unique(a.tools, t.name);
    }
    a.level = Level::informational;
    for (const FindingRecord* f : mine) {
      for (const std::string& t : f->techniques) add_unique(a.techniques, t);
      a.finding_ids.push_back(f->id);
      a.level = std::max(a.level, f->level);
      if (outcome_rank(f->outcome) > outcome_rank(a.outcome)) a.outcome = f->outcome;
      if (a.first_seen == kNoTime || (f->time != kNoTime && f->time < a.first_seen)) {
        a.first_seen = f->time;
        a.first_cite = f->source;
      }
    }
    std::sort(a.techniques.begin(), a.techniques.end());
    a.role = role_of(mine, act);
    inv.attackers.push_back(std::move(a));
  }
}

}  // namespace shodo::investigate
