// A seeded generator of a web shop's logs for detector tests: clean traffic
// (customers browsing in busy days and quiet nights, searches, carts,
// checkouts, static assets, a few legitimate 404s, crawlers, a monitoring
// client polling every minute, a payment provider's callbacks, a cron job,
// the admin's SSH logins and the internet's background SSH noise) and
// attacks injected on demand, each record labelled with what it is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/event.h"

namespace shodo::testing {

// One access-log or sshd line, owning its text.
struct Record {
  ingest::TimeUs time = 0;
  ingest::LogKind kind = ingest::LogKind::web_access;
  std::string client_ip, method, path, query, referer, user_agent;
  int32_t status = -1;
  int64_t bytes = -1;
  std::string user, action, outcome;  // sshd
  bool invalid_user = false;          // sshd "for invalid user"
  std::string attack;                 // empty for clean traffic, else the attack's name
  uint64_t line = 0;                  // 1-based, in time order
};

// The event a parser would give for the record; views into `r` and `extra`.
ingest::Event to_event(const Record& r,
                       std::vector<std::pair<std::string_view, std::string_view>> extra = {});

struct ShopOptions {
  uint64_t seed = 1;
  int days = 2;
  // 2024-03-01T00:00:00+09:00; the shop is in Tokyo.
  ingest::TimeUs start = 1709218800LL * 1'000'000;
  double sessions_per_minute_at_peak = 4;
  uint32_t customers = 5000;
};

enum class Attack : uint8_t {
  web_brute_force,     // 60 login POSTs answered 200
  web_login_success,   // 40 failures, then a 302
  ssh_brute_force,     // 80 failed passwords for root, admin...
  ssh_login_success,   // 30 failures for deploy, then accepted
  scan,                // 300 distinct, mostly missing paths
  flood,               // 8,000 requests in 4 minutes
  oversized_response,  // SQL injection answered with 2.4 MB on a product page
  dump_download,       // a 58 MB .sql.gz from /backup/
  large_transfer,      // the 3 MB catalog downloaded 400 times
  webshell,            // a dropped .php used with POSTs for 3 hours
};
std::string_view attack_name(Attack a);

class WebTraffic {
 public:
  explicit WebTraffic(const ShopOptions& options);

  // Adds the attack's records from `ip`, starting at `at`.
  void inject(Attack attack, ingest::TimeUs at, std::string_view ip);
  // All records in time order, lines numbered.
  const std::vector<Record>& records();
  ingest::TimeUs start() const { return options_.start; }
  ingest::TimeUs end() const;

 private:
  void customer_session(ingest::TimeUs t, uint32_t customer);
  void page(ingest::TimeUs& t, const std::string& ip, const std::string& agent, bool first_page,
            std::string& referer);
  void crawlers();
  void machines();
  void ssh();
  Record& web(ingest::TimeUs t, std::string_view ip, std::string_view method, std::string_view path,
              int32_t status, int64_t bytes, std::string_view referer = {},
              std::string_view agent = {});
  Record& sshd(ingest::TimeUs t, std::string_view ip, std::string_view user, bool accepted);
  double uniform();
  uint64_t pick(uint64_t n);
  int64_t size_of(std::string_view path, int64_t low, int64_t spread);

  ShopOptions options_;
  uint64_t state_;
  std::vector<Record> records_;
  std::vector<std::string> customer_ips_, customer_agents_;
  bool sorted_ = false;
};

}  // namespace shodo::testing
