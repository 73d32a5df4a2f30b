// Seeded generator of realistic web traffic for benchmarks: a web shop's
// access log in combined format (or vhost_combined / common), with many
// clients of skewed activity, browsing sessions, static assets, searches,
// bots, redirects and errors. Same seed and size, same bytes.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "ingest/time/civil.h"

namespace {

const char* kAgents[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 "
    "Safari/537.36",
    "curl/8.5.0",
    "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
};

const char* kCategories[] = {"shoes", "bags",   "watches", "kitchen", "books",
                             "toys",  "garden", "outdoor", "beauty",  "sale"};
const char* kSearchWords[] = {"red dress",  "日本 茶",        "leather bag",   "select size",
                              "union jack", "o'neill jacket", "running shoes", "gift set",
                              "セール",     "watch"};
const char* kAssets[] = {
    "/static/css/site.min.css",      "/static/js/app.min.js", "/static/js/vendor.min.js",
    "/static/img/logo.svg",          "/favicon.ico",          "/static/fonts/noto-sans-jp.woff2",
    "/static/img/banner-spring.webp"};

struct Request {
  std::string method, target, referer;
  int status;
  int64_t bytes;
};

class Shop {
 public:
  explicit Shop(std::mt19937_64& rng) : rng_(rng) {}

  Request next() {
    const double r = uniform();
    Request q{"GET", "", "-", 200, 0};
    if (r < 0.42) {
      q.target = kAssets[pick(std::size(kAssets))];
      q.bytes = 2000 + pick(180000);
      if (uniform() < 0.25) {
        q.status = 304;
        q.bytes = 0;
      }
      q.referer = "https://shop.example.com/";
    } else if (r < 0.67) {
      q.target = fmt::format("/products/{}/{}", kCategories[pick(std::size(kCategories))],
                             10000 + pick(40000));
      q.bytes = 18000 + pick(40000);
      q.referer = fmt::format("https://shop.example.com/category/{}",
                              kCategories[pick(std::size(kCategories))]);
    } else if (r < 0.75) {
      q.target =
          fmt::format("/category/{}?page={}&sort={}", kCategories[pick(std::size(kCategories))],
                      1 + pick(12), uniform() < 0.5 ? "price" : "new");
      q.bytes = 25000 + pick(30000);
      q.referer = "https://www.google.com/";
    } else if (r < 0.80) {
      std::string words = kSearchWords[pick(std::size(kSearchWords))];
      q.target = "/search?q=" + encode(words) +
                 (uniform() < 0.3 ? "&utm_source=newsletter&utm_medium=email&utm_campaign=spring"
                                    "_sale_2024&gclid=" +
                                        token(40)
                                  : "");
      q.bytes = 12000 + pick(20000);
      q.referer = "https://shop.example.com/";
    } else if (r < 0.84) {
      q.target = "/cart";
      if (uniform() < 0.4) {
        q.method = "POST";
        q.target = "/cart/add";
        q.status = 302;
        q.bytes = 0;
      } else {
        q.bytes = 9000 + pick(4000);
      }
      q.referer = "https://shop.example.com/products/shoes/12345";
    } else if (r < 0.86) {
      q.method = uniform() < 0.5 ? "POST" : "GET";
      q.target = "/account/login";
      q.status = q.method == "POST" ? (uniform() < 0.9 ? 302 : 200) : 200;
      q.bytes = q.status == 302 ? 0 : 7000 + pick(500);
    } else if (r < 0.90) {
      q.target = fmt::format("/api/v1/stock?sku={}", 10000 + pick(40000));
      q.bytes = 80 + pick(200);
      q.referer = "https://shop.example.com/products/bags/23456";
    } else if (r < 0.93) {
      q.target = "/";
      q.bytes = 45000 + pick(5000);
      q.referer = uniform() < 0.5 ? "-" : "https://www.bing.com/";
    } else if (r < 0.95) {
      q.target = fmt::format("/old-page-{}.html", pick(200));
      q.status = 301;
      q.bytes = 230;
    } else if (r < 0.985) {
      q.target = fmt::format("/products/{}/{}", kCategories[pick(std::size(kCategories))],
                             90000 + pick(9999));
      q.status = 404;
      q.bytes = 1500 + pick(300);
    } else if (r < 0.995) {
      q.target = "/robots.txt";
      q.bytes = 120;
    } else {
      q.target = "/checkout/confirm";
      q.method = "POST";
      q.status = uniform() < 0.8 ? 200 : 500;
      q.bytes = q.status == 200 ? 15000 + pick(2000) : 540;
    }
    return q;
  }

 private:
  double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  uint64_t pick(uint64_t n) { return rng_() % n; }
  std::string token(int n) {
    static const char kAlnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string s;
    for (int i = 0; i < n; ++i) s += kAlnum[pick(62)];
    return s;
  }
  static std::string encode(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
        out += static_cast<char>(c);
      } else if (c == ' ') {
        out += '+';
      } else {
        out += fmt::format("%{:02X}", c);
      }
    }
    return out;
  }
  std::mt19937_64& rng_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Generate a realistic, seeded web access log for benchmarks"};
  uint64_t seed = 1;
  std::string size_text = "100M";
  std::string layout = "combined";
  uint64_t clients = 50000;
  std::string start = "2024-03-01T00:00:00+09:00";
  app.add_option("--seed", seed, "Random seed")->capture_default_str();
  app.add_option("--size", size_text, "Output size: bytes, or with K/M/G suffix")
      ->capture_default_str();
  app.add_option("--layout", layout, "Log layout")
      ->check(CLI::IsMember({"combined", "common", "vhost_combined"}))
      ->capture_default_str();
  app.add_option("--clients", clients, "Distinct client addresses")->capture_default_str();
  app.add_option("--start", start, "Time of the first request (ISO 8601 with offset)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  uint64_t target = std::stoull(size_text);
  switch (size_text.empty() ? ' ' : size_text.back()) {
    case 'K':
    case 'k': target <<= 10; break;
    case 'M':
    case 'm': target <<= 20; break;
    case 'G':
    case 'g': target <<= 30; break;
    default: break;
  }
  shodo::ingest::CivilTime t0;
  size_t used = 0;
  if (!shodo::ingest::parse_iso8601(start, t0, used) || !t0.utc_offset_s) {
    std::fprintf(stderr, "--start needs a time with an offset\n");
    return 2;
  }
  const int offset = *t0.utc_offset_s;
  int64_t now = shodo::ingest::civil_to_epoch_seconds(t0);  // local wall clock seconds

  std::mt19937_64 rng(seed);
  Shop shop(rng);
  // Client activity follows a Zipf-like law: a few heavy clients, a long tail.
  std::vector<std::string> ips(clients);
  for (uint64_t i = 0; i < clients; ++i) {
    const uint64_t v = rng();
    ips[i] = (i % 7 == 0) ? fmt::format("2001:db8:{:x}:{:x}::{:x}", (v >> 8) & 0xffff,
                                        (v >> 24) & 0xffff, (v >> 40) & 0xffff)
                          : fmt::format("{}.{}.{}.{}", 11 + (v & 0xff) % 180, (v >> 8) & 0xff,
                                        (v >> 16) & 0xff, 1 + (v >> 24) % 254);
  }
  std::vector<int> agent_of(clients);
  for (auto& a : agent_of) a = static_cast<int>(rng() % std::size(kAgents));

  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::string buf;
  buf.reserve(1 << 20);
  uint64_t written = 0;
  int64_t cached_second = -1;
  std::string stamp;
  const char sign = offset < 0 ? '-' : '+';
  const int aoff = std::abs(offset);
  while (written < target) {
    // About 300 requests a second on average.
    if (rng() % 300 == 0) now += 1;
    if (now != cached_second) {
      cached_second = now;
      int y, m, d;
      shodo::ingest::civil_from_days(now / 86400, y, m, d);
      const int64_t sod = now % 86400;
      stamp = fmt::format("{:02}/{}/{:04}:{:02}:{:02}:{:02} {}{:02}{:02}", d, kMonths[m - 1], y,
                          sod / 3600, sod / 60 % 60, sod % 60, sign, aoff / 3600, aoff / 60 % 60);
    }
    // Zipf-ish pick: squaring a uniform value favours low indices.
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    const uint64_t c = static_cast<uint64_t>(u * u * u * static_cast<double>(clients)) % clients;
    const Request q = shop.next();
    const std::string bytes =
        q.bytes == 0 && layout != "vhost_combined" ? "-" : std::to_string(q.bytes);
    if (layout == "common") {
      buf += fmt::format("{} - - [{}] \"{} {} HTTP/1.1\" {} {}\n", ips[c], stamp, q.method,
                         q.target, q.status, bytes);
    } else {
      if (layout == "vhost_combined") buf += "shop.example.com:443 ";
      buf += fmt::format("{} - - [{}] \"{} {} HTTP/1.1\" {} {} \"{}\" \"{}\"\n", ips[c], stamp,
                         q.method, q.target, q.status, bytes, q.referer, kAgents[agent_of[c]]);
    }
    if (buf.size() >= (1 << 20) - 4096) {
      std::fwrite(buf.data(), 1, buf.size(), stdout);
      written += buf.size();
      buf.clear();
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), stdout);
  return 0;
}
