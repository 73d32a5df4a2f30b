#include "support/web_traffic.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace shodo::testing {

namespace {

using ingest::TimeUs;
constexpr TimeUs kSecond = 1'000'000;
constexpr TimeUs kMinute = 60 * kSecond;
constexpr TimeUs kHour = 60 * kMinute;
constexpr TimeUs kDay = 24 * kHour;
constexpr int32_t kTokyo = 9 * 3600;

constexpr std::array kAgents = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
};
constexpr std::array kCategories = {"shoes", "bags",   "watches", "kitchen", "books",
                                    "toys",  "garden", "outdoor", "beauty",  "sale"};
constexpr std::array kSearches = {"red+dress", "leather+bag", "running+shoes",
                                  "gift+set",  "watch",       "%E3%82%BB%E3%83%BC%E3%83%AB"};
struct Asset {
  const char* path;
  int64_t bytes;
};
constexpr std::array<Asset, 7> kAssets = {{{"/static/css/site.min.css", 48213},
                                           {"/static/js/app.min.js", 181022},
                                           {"/static/js/vendor.min.js", 96310},
                                           {"/static/img/logo.svg", 5120},
                                           {"/favicon.ico", 1150},
                                           {"/static/fonts/noto-sans-jp.woff2", 120344},
                                           {"/static/img/banner-spring.webp", 88012}}};
constexpr std::string_view kSite = "https://shop.example.com";
constexpr int64_t kCatalogBytes = 3'145'728;
constexpr std::string_view kGooglebot =
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

// How busy the shop is by hour of the day in Tokyo: quiet nights, busy evenings.
double activity(TimeUs t) {
  const int hour = static_cast<int>(((t / kHour) + 9) % 24);
  if (hour < 7) return 0.12;
  if (hour < 10) return 0.5;
  if (hour < 19) return 0.9;
  if (hour < 23) return 1.0;
  return 0.5;
}

}  // namespace

ingest::Event to_event(const Record& r,
                       std::vector<std::pair<std::string_view, std::string_view>> extra) {
  ingest::Event ev;
  ev.line = r.line;
  ev.offset = r.line * 200;
  ev.time = r.time;
  ev.utc_offset_s = kTokyo;
  ev.kind = r.kind;
  ev.client_ip = r.client_ip;
  ev.user = r.user;
  if (r.kind == ingest::LogKind::auth) {
    ev.process = "sshd";
    ev.action = r.action;
    ev.outcome = r.outcome;
  } else {
    ev.method = r.method;
    ev.path = r.path;
    ev.query = r.query;
    ev.protocol = "HTTP/1.1";
    ev.status = r.status;
    ev.bytes_sent = r.bytes;
    ev.referer = r.referer;
    ev.user_agent = r.user_agent;
  }
  if (r.invalid_user) extra.emplace_back("ssh.invalid_user", "true");
  ev.extra = std::move(extra);
  return ev;
}

std::string_view attack_name(Attack a) {
  switch (a) {
    case Attack::web_brute_force: return "web-brute-force";
    case Attack::web_login_success: return "web-login-success";
    case Attack::ssh_brute_force: return "ssh-brute-force";
    case Attack::ssh_login_success: return "ssh-login-success";
    case Attack::scan: return "scan";
    case Attack::flood: return "flood";
    case Attack::oversized_response: return "oversized-response";
    case Attack::dump_download: return "dump-download";
    case Attack::large_transfer: return "large-transfer";
    case Attack::webshell: return "webshell";
  }
  return "?";
}

WebTraffic::WebTraffic(const ShopOptions& options)
    : options_(options), state_(options.seed * 0x9e3779b97f4a7c15ull + 1) {
  for (uint32_t i = 0; i < options_.customers; ++i) {
    const uint64_t v = state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    customer_ips_.push_back(i % 7 == 0
                                ? fmt::format("2001:db8:{:x}:{:x}::{:x}", (v >> 16) & 0xffff,
                                              (v >> 32) & 0xffff, (v >> 48) & 0xffff)
                                : fmt::format("{}.{}.{}.{}", 11 + (v >> 16) % 180, (v >> 24) & 0xff,
                                              (v >> 32) & 0xff, 1 + (v >> 40) % 254));
    customer_agents_.emplace_back(kAgents[pick(kAgents.size())]);
  }
  // Sessions start at random within each minute, as many as the hour's activity.
  for (TimeUs minute = options_.start; minute < end(); minute += kMinute) {
    const double expected = options_.sessions_per_minute_at_peak * activity(minute);
    const int n = static_cast<int>(expected) + (uniform() < expected - std::floor(expected));
    for (int i = 0; i < n; ++i) {
      // A few regular customers come often, most rarely.
      const double u = uniform();
      customer_session(minute + static_cast<TimeUs>(pick(kMinute)),
                       static_cast<uint32_t>(u * u * options_.customers) % options_.customers);
    }
  }
  crawlers();
  machines();
  ssh();
}

TimeUs WebTraffic::end() const {
  return options_.start + options_.days * kDay;
}

double WebTraffic::uniform() {
  return static_cast<double>(pick(1u << 30)) / (1u << 30);
}

uint64_t WebTraffic::pick(uint64_t n) {
  state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
  return (state_ >> 17) % n;
}

// Pages of one path always weigh about the same: a size from the path, and
// a little noise (tokens, recommendations).
int64_t WebTraffic::size_of(std::string_view path, int64_t low, int64_t spread) {
  const int64_t base = low + static_cast<int64_t>(std::hash<std::string_view>{}(path) % spread);
  return base + static_cast<int64_t>(pick(static_cast<uint64_t>(base / 50 + 1)));
}

Record& WebTraffic::web(TimeUs t, std::string_view ip, std::string_view method,
                        std::string_view path, int32_t status, int64_t bytes,
                        std::string_view referer, std::string_view agent) {
  Record& r = records_.emplace_back();
  r.time = t;
  r.client_ip = ip;
  r.method = method;
  const size_t q = path.find('?');
  r.path = path.substr(0, q);
  if (q != std::string_view::npos) r.query = path.substr(q + 1);
  r.status = status;
  r.bytes = bytes;
  r.referer = referer;
  r.user_agent = agent;
  sorted_ = false;
  return r;
}

Record& WebTraffic::sshd(TimeUs t, std::string_view ip, std::string_view user, bool accepted) {
  Record& r = records_.emplace_back();
  r.time = t;
  r.kind = ingest::LogKind::auth;
  r.client_ip = ip;
  r.user = user;
  r.action = "ssh-login";
  r.outcome = accepted ? "success" : "failure";
  sorted_ = false;
  return r;
}

void WebTraffic::customer_session(TimeUs t, uint32_t customer) {
  const std::string& ip = customer_ips_[customer];
  const std::string& agent = customer_agents_[customer];
  std::string referer = uniform() < 0.6 ? "https://www.google.com/" : "";
  const int pages = 1 + static_cast<int>(-std::log(1 - uniform()) * 5);
  for (int i = 0; i < pages && t < end(); ++i) {
    page(t, ip, agent, i == 0, referer);
    t += static_cast<TimeUs>(5 + pick(85)) * kSecond;
  }
}

void WebTraffic::page(TimeUs& t, const std::string& ip, const std::string& agent, bool first_page,
                      std::string& referer) {
  const double r = uniform();
  std::string path;
  int32_t status = 200;
  int64_t bytes = 0;
  const char* category = kCategories[pick(kCategories.size())];
  if (first_page && r < 0.4) {
    path = "/";
    bytes = size_of(path, 45000, 1);
  } else if (r < 0.5) {
    path = fmt::format("/products/{}/{}", category, 10000 + pick(40000));
    bytes = size_of(path, 18000, 40000);
  } else if (r < 0.68) {
    path = fmt::format("/category/{}?page={}", category, 1 + pick(8));
    bytes = size_of(path.substr(0, path.find('?')), 25000, 30000);
  } else if (r < 0.78) {
    path = fmt::format("/search?q={}", kSearches[pick(kSearches.size())]);
    bytes = 12000 + static_cast<int64_t>(pick(20000));
  } else if (r < 0.83) {
    path = "/cart";
    bytes = 9000 + static_cast<int64_t>(pick(4000));
  } else if (r < 0.88) {
    web(t, ip, "POST", "/cart/add", 302, 0, referer, agent);
    path = "/cart";
    t += 1 * kSecond;
    bytes = 9000 + static_cast<int64_t>(pick(4000));
  } else if (r < 0.91) {
    // An old link from a search engine or a bookmark: a legitimate 404.
    path = fmt::format("/products/{}/{}", category, 90000 + pick(9999));
    status = 404;
    bytes = 1530;
  } else if (r < 0.94) {
    web(t, ip, "GET", "/account/login", 200, size_of("/account/login", 7200, 1), referer, agent);
    t += static_cast<TimeUs>(8 + pick(20)) * kSecond;
    // One customer in ten mistypes the password once.
    if (uniform() < 0.1) {
      web(t, ip, "POST", "/account/login", 200, size_of("/account/login", 7300, 1),
          std::string(kSite) + "/account/login", agent);
      t += static_cast<TimeUs>(8 + pick(20)) * kSecond;
    }
    web(t, ip, "POST", "/account/login", 302, 0, std::string(kSite) + "/account/login", agent);
    path = "/account";
    bytes = size_of(path, 11000, 1);
  } else if (r < 0.97) {
    web(t, ip, "GET", "/checkout", 200, size_of("/checkout", 15000, 1), referer, agent);
    t += static_cast<TimeUs>(30 + pick(120)) * kSecond;
    web(t, ip, "POST", "/checkout/confirm", 200, size_of("/checkout/confirm", 16000, 1),
        std::string(kSite) + "/checkout", agent);
    // The payment provider confirms the payment to the shop's callback.
    web(t + static_cast<TimeUs>(2 + pick(5)) * kSecond, pick(2) ? "203.0.113.80" : "203.0.113.81",
        "POST", "/payment/notify.php", 200, 2, "", "PayGate-Callback/1.2");
    return;
  } else if (r < 0.98) {
    path = "/downloads/catalog-2024.pdf";
    bytes = kCatalogBytes;
  } else {
    path = fmt::format("/api/v1/stock?sku={}", 10000 + pick(40000));
    bytes = 80 + static_cast<int64_t>(pick(200));
  }
  web(t, ip, "GET", path, status, bytes, referer, agent);
  // The browser then fetches the assets: all of them on the first page,
  // then a couple revalidated (304).
  const std::string page_url = std::string(kSite) + path;
  for (size_t i = 0; i < kAssets.size(); ++i) {
    if (!first_page && pick(4) != 0) continue;
    const bool cached = !first_page;
    web(t + static_cast<TimeUs>(50 + pick(900)) * 1000, ip, "GET", kAssets[i].path,
        cached ? 304 : 200, cached ? 0 : kAssets[i].bytes, page_url, agent);
  }
  referer = page_url;
}

void WebTraffic::crawlers() {
  // Googlebot: many distinct paths, some of them gone (404), robots.txt hourly.
  TimeUs last_robots = 0;
  for (TimeUs t = options_.start; t < end(); t += static_cast<TimeUs>(5 + pick(30)) * kSecond) {
    const std::string ip = fmt::format("66.249.66.{}", 1 + pick(3));
    if (t - last_robots > kHour) {
      web(t, ip, "GET", "/robots.txt", 200, 120, "", kGooglebot);
      last_robots = t;
      continue;
    }
    const char* category = kCategories[pick(kCategories.size())];
    if (uniform() < 0.05) {
      web(t, ip, "GET", fmt::format("/products/{}/{}", category, 90000 + pick(9999)), 404, 1530, "",
          kGooglebot);
    } else {
      const std::string path = fmt::format("/products/{}/{}", category, 10000 + pick(40000));
      web(t, ip, "GET", path, 200, size_of(path, 18000, 40000), "", kGooglebot);
    }
  }
}

void WebTraffic::machines() {
  // The uptime monitor polls one URL every minute; a cron job runs a script
  // every five minutes.
  for (TimeUs t = options_.start + 7 * kSecond; t < end(); t += kMinute) {
    web(t, "198.51.100.250", "GET", "/healthcheck", 200, 2, "", "UptimeRobot/2.0");
  }
  for (TimeUs t = options_.start + 30 * kSecond; t < end(); t += 5 * kMinute) {
    web(t, "127.0.0.1", "POST", "/cron/run.php", 200, 0, "", "curl/8.5.0");
  }
}

void WebTraffic::ssh() {
  // The admin logs in from the office a few times a day, sometimes after a typo.
  for (TimeUs day = options_.start; day < end(); day += kDay) {
    for (int i = 0; i < 3; ++i) {
      TimeUs t = day + (1 + 9 + 3 * i) * kHour + static_cast<TimeUs>(pick(3600)) * kSecond;
      if (uniform() < 0.4) {
        for (uint64_t typo = 1 + pick(2); typo > 0; --typo, t += 4 * kSecond)
          sshd(t, "203.0.113.10", "deploy", false);
      }
      sshd(t, "203.0.113.10", "deploy", true);
    }
  }
  // The internet's background noise: a few guesses each from passing bots.
  for (TimeUs t = options_.start; t < end(); t += static_cast<TimeUs>(600 + pick(1800)) * kSecond) {
    const std::string ip = fmt::format("45.{}.{}.{}", 10 + pick(200), pick(256), 1 + pick(254));
    const char* user = pick(2) ? "root" : "admin";
    for (uint64_t i = 1 + pick(3); i > 0; --i)
      sshd(t + static_cast<TimeUs>(i) * 3 * kSecond, ip, user, false);
  }
}

void WebTraffic::inject(Attack attack, TimeUs at, std::string_view ip) {
  const std::string name(attack_name(attack));
  const size_t first = records_.size();
  constexpr std::string_view kTool = "Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101";
  switch (attack) {
    case Attack::web_brute_force:
    case Attack::web_login_success: {
      const int tries = attack == Attack::web_brute_force ? 60 : 40;
      TimeUs t = at;
      for (int i = 0; i < tries; ++i, t += static_cast<TimeUs>(2 + pick(5)) * kSecond)
        web(t, ip, "POST", "/account/login", 200, size_of("/account/login", 7300, 1), "", kTool);
      if (attack == Attack::web_login_success) {
        web(t, ip, "POST", "/account/login", 302, 0, "", kTool);
        web(t + kSecond, ip, "GET", "/account", 200, size_of("/account", 11000, 1), "", kTool);
      }
      break;
    }
    case Attack::ssh_brute_force:
    case Attack::ssh_login_success: {
      const bool success = attack == Attack::ssh_login_success;
      constexpr std::array kUsers = {"root", "admin", "ubuntu", "test", "oracle"};
      TimeUs t = at;
      for (int i = 0; i < (success ? 30 : 80); ++i, t += static_cast<TimeUs>(1 + pick(3)) * kSecond)
        sshd(t, ip, success ? "deploy" : kUsers[pick(kUsers.size())], false);
      if (success) sshd(t, ip, "deploy", true);
      break;
    }
    case Attack::scan: {
      constexpr std::array kDirs = {"",          "/admin",      "/backup", "/old",
                                    "/wp-admin", "/phpmyadmin", "/.git",   "/api",
                                    "/test",     "/cgi-bin"};
      constexpr std::array kFiles = {".env",
                                     "config.php",
                                     "backup.zip",
                                     "db.sql",
                                     "info.php",
                                     "shell.php",
                                     "HEAD",
                                     "install.php",
                                     "setup.cgi",
                                     "web.config",
                                     "admin.asp",
                                     "server-status",
                                     "login.jsp",
                                     "debug.log",
                                     "id_rsa",
                                     "wp-config.php.bak",
                                     "dump.sql.gz",
                                     "phpinfo.php",
                                     "readme.html",
                                     "composer.json",
                                     "package.json",
                                     ".htpasswd",
                                     "vendor/phpunit/eval-stdin.php",
                                     "actuator/env",
                                     "console",
                                     "solr/admin",
                                     "manager/html",
                                     "xmlrpc.php",
                                     "status",
                                     "index.php.old"};
      TimeUs t = at;
      for (const char* dir : kDirs) {
        for (const char* file : kFiles) {
          const int32_t status = pick(10) == 0 ? 403 : 404;
          web(t, ip, "GET", fmt::format("{}/{}", dir, file), status, status == 403 ? 199 : 1530, "",
              "Mozilla/5.0 zgrab/0.x");
          t += 500'000;
        }
      }
      break;
    }
    case Attack::flood:
      for (int i = 0; i < 8000; ++i)
        web(at + i * (4 * kMinute / 8000), ip, "GET", "/", 200, size_of("/", 45000, 1), "",
            kAgents[0]);
      break;
    case Attack::oversized_response:
      for (int i = 0; i < 3; ++i)
        web(at + i * 20 * kSecond, ip, "GET",
            "/products/shoes/12345?id=1%27%20UNION%20SELECT%20email,password%20FROM%20customers--",
            200, 2'400'000 + i * 1000, "", kTool);
      break;
    case Attack::dump_download:
      web(at, ip, "GET", "/backup/shop_db.sql.gz", 200, 58'000'000, "", "Wget/1.21.3");
      break;
    case Attack::large_transfer:
      for (int i = 0; i < 400; ++i)
        web(at + i * 18 * kSecond, ip, "GET", "/downloads/catalog-2024.pdf", 200, kCatalogBytes, "",
            "python-requests/2.31.0");
      break;
    case Attack::webshell: {
      const std::string path = "/media/uploads/2024/03/thumb_cache.php";
      web(at, ip, "GET", path, 200, 0, "", "curl/8.5.0");
      for (int i = 1; i <= 25; ++i)
        web(at + i * 7 * kMinute, ip, "POST", path, 200, 200 + static_cast<int64_t>(pick(5000)), "",
            "curl/8.5.0");
      break;
    }
  }
  for (size_t i = first; i < records_.size(); ++i) records_[i].attack = name;
}

const std::vector<Record>& WebTraffic::records() {
  if (!sorted_) {
    // Records are big: sort their positions, then move each once.
    std::vector<std::pair<TimeUs, size_t>> order;
    order.reserve(records_.size());
    for (size_t i = 0; i < records_.size(); ++i) order.emplace_back(records_[i].time, i);
    std::sort(order.begin(), order.end());
    std::vector<Record> sorted;
    sorted.reserve(records_.size());
    for (const auto& [time, i] : order) sorted.push_back(std::move(records_[i]));
    records_ = std::move(sorted);
    for (size_t i = 0; i < records_.size(); ++i) records_[i].line = i + 1;
    sorted_ = true;
  }
  return records_;
}

}  // namespace shodo::testing
