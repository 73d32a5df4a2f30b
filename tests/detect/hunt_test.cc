// The whole hunt (rules, correlations, detectors, outcomes) over the bundled
// sample incident: what it must find, and that -j changes nothing.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "detect/detect.h"
#include "support/temp_dir.h"

namespace shodo::detect {
namespace {

const std::string kSample = std::string(SHODO_TEST_DATA) + "/../../samples/incident";

std::vector<Finding> hunt(const RuleSet& rules, unsigned threads) {
  ingest::IngestOptions opt;
  std::string error;
  opt.zone = ingest::Zone::locate("Asia/Tokyo", error);
  opt.threads = threads;
  opt.block_bytes = 4096;  // many small batches, so threads really interleave
  HuntOptions h;
  h.threads = threads;
  Hunt consumer(rules, h);
  const ingest::InputSet inputs = ingest::expand_inputs({kSample});
  ingest::ingest(inputs, opt, consumer);
  return consumer.finish();
}

std::string describe(const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const Finding& f : findings)
    out << f.rule_id << ' ' << f.time << ' ' << f.cite.file_index << ':' << f.cite.line << ' '
        << f.client_ip << ' ' << f.field << '=' << f.value << ' ' << outcome_name(f.outcome) << ' '
        << f.count << '\n';
  return out.str();
}

// The lines each rule of `dir`/rules cites in `log` (rules only, no
// detectors), by rule title; the rule folder must load `rules` rules.
std::map<std::string, std::vector<uint64_t>> cited_lines(const testing::TempDir& dir,
                                                         const std::string& log, size_t rules) {
  const std::string file = dir.write("access.log", log);
  RuleSetOptions ro;
  ro.shipped = false;
  ro.dirs = {(dir.path() / "rules").string()};
  const RuleSet set(ro);
  EXPECT_EQ(set.running_rules(), rules);
  HuntOptions h;
  h.detectors = false;
  Hunt consumer(set, h);
  ingest::ingest(ingest::expand_inputs({file}), ingest::IngestOptions{}, consumer);
  std::map<std::string, std::vector<uint64_t>> lines;
  for (const Finding& f : consumer.finish()) lines[f.title].push_back(f.cite.line);
  return lines;
}

// A webserver rule searching whole lines for `keywords`; ids end in `id`.
std::string keyword_rule(std::string_view title, std::string_view id,
                         std::initializer_list<std::string_view> keywords) {
  std::string rule = "title: " + std::string(title) + "\nid: 00000000-0000-4000-8000-0000000000" +
                     std::string(id) +
                     "\nlogsource: {category: webserver}\ndetection:\n  keywords:\n";
  for (std::string_view k : keywords) rule += "    - '" + std::string(k) + "'\n";
  return rule + "  condition: keywords\nlevel: high\n";
}

// With a rule on a field, the fields' decoded forms stand for the line's and
// the line itself is searched as it is, a block at a time.
std::string field_rule(std::string_view id) {
  return "title: a field rule\nid: 00000000-0000-4000-8000-0000000000" + std::string(id) +
         "\nlogsource: {category: webserver}\ndetection:\n  selection:\n"
         "    cs-uri-query|contains: 'zzz'\n  condition: selection\nlevel: low\n";
}

// Values are remembered per field, and url.path and url.original are
// scanned in one pass when they are the same text. A path first seen without
// a query must remember only the path's own hits: the request-target rule
// here is anchored at the end, so "/x/end2z" matches it and "/x/end2z?a=1"
// does not, though its path is the remembered "/x/end2z".
TEST(Hunt, APathRemembersOnlyItsOwnHits) {
  testing::TempDir dir;
  const std::string rule_head =
      "logsource: {category: webserver}\nlevel: high\ndetection:\n  selection:\n    ";
  dir.write("rules/target.yml", "title: target\nid: 7f0b4a52-0c8e-4e4b-9a52-4f2d1c0e0001\n" +
                                    rule_head + "cs-uri-query|endswith: '/end2z'\n" +
                                    "  condition: selection\n");
  dir.write("rules/path.yml", "title: path\nid: 7f0b4a52-0c8e-4e4b-9a52-4f2d1c0e0002\n" +
                                  rule_head + "cs-uri-stem|endswith: '/end2z'\n" +
                                  "  condition: selection\n");
  std::string log;
  const auto line = [&](std::string_view target) {
    log += "203.0.113.9 - - [10/Oct/2026:13:55:36 +0000] \"GET " + std::string(target) +
           " HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"\n";
  };
  for (int i = 0; i < 4; ++i) line("/x/end2z");  // kept from the second sighting on
  line("/x/end2z?a=1");
  auto lines = cited_lines(dir, log, 2);
  EXPECT_EQ(lines["target"], (std::vector<uint64_t>{1, 2, 3, 4}));
  EXPECT_EQ(lines["path"], (std::vector<uint64_t>{1, 2, 3, 4, 5}));
}

// A field matched by exact values alone (a method) remembers the last value
// and what it made true: runs of one value, and a value changing at every
// line, must each find exactly the lines whose value the rule names.
TEST(Hunt, AFieldRemembersItsLastValueOnlyWhileItRepeats) {
  testing::TempDir dir;
  dir.write("rules/methods.yml",
            "title: methods\nid: 7f0b4a52-0c8e-4e4b-9a52-4f2d1c0e0003\n"
            "logsource: {category: webserver}\nlevel: high\ndetection:\n  selection:\n"
            "    cs-method: [PUT, PROPFIND]\n  condition: selection\n");
  const std::vector<std::string> methods = {"GET",  "GET", "PUT",      "PUT", "GET", "PROPFIND",
                                            "POST", "PUT", "PROPFIND", "GET", "put"};
  std::string log;
  std::vector<uint64_t> expected;
  for (size_t i = 0; i < methods.size(); ++i) {
    log += "203.0.113.9 - - [10/Oct/2026:13:55:36 +0000] \"" + methods[i] +
           " /a HTTP/1.1\" 200 10 \"-\" \"Mozilla/5.0\"\n";
    if (methods[i] != "GET" && methods[i] != "POST") expected.push_back(i + 1);
  }
  auto lines = cited_lines(dir, log, 1);
  EXPECT_EQ(lines["methods"], expected);
}

// When no field the rules read is decoded (here the method, compared by
// its rule, is not read at all), the line is decoded itself: in a batch
// scanned line by line and in one scanned as a block alike.
TEST(Hunt, ALineIsDecodedWhenNoFieldStandsForIt) {
  testing::TempDir dir;
  dir.write("rules/script.yml",
            "title: script\nid: 7f0b4a52-0c8e-4e4b-9a52-4f2d1c0e0003\n"
            "logsource: {category: webserver}\nlevel: high\ndetection:\n"
            "  keywords: ['<script']\n  condition: keywords\n");
  dir.write("rules/post.yml",
            "title: post\nid: 7f0b4a52-0c8e-4e4b-9a52-4f2d1c0e0004\n"
            "logsource: {category: webserver}\nlevel: high\ndetection:\n"
            "  selection:\n    cs-method: POST\n  keywords: ['zzz']\n"
            "  condition: selection and keywords\n");
  std::string log;
  for (int i = 0; i < 3; ++i)
    log +=
        "203.0.113.9 - - [10/Oct/2026:13:55:36 +0000] \"GET /?q=%3Cscript%3E HTTP/1.1\" 200 10 "
        "\"-\" \"Mozilla/5.0\"\n";
  EXPECT_EQ(cited_lines(dir, log, 2)["script"], (std::vector<uint64_t>{1, 2, 3}));
}

// The values new to a batch are scanned joined by newlines before any is
// scanned alone (engine/joined_scan.h). Anchors must hold at each value's
// ends, and a match that runs across two values (`ab` ending one target,
// `/cd` starting the next) must not be credited to either.
TEST(Hunt, ValuesScannedTogetherMatchAsAlone) {
  testing::TempDir dir;
  const auto rule = [&](int n, const std::string& title, const std::string& selection) {
    dir.write(
        "rules/" + title + ".yml",
        "title: " + title + "\nid: 7f0b4a52-0c8e-4e4b-9a52-4f2d1c0e01" + std::to_string(10 + n) +
            "\nlogsource: {category: webserver}\nlevel: high\ndetection:\n  selection:\n    " +
            selection + "\n  condition: selection\n");
  };
  rule(1, "starts", "cs-uri-stem|startswith: '/adm'");
  rule(2, "ends", "cs-uri-stem|endswith: '.bak'");
  rule(3, "across", "cs-uri-query|re: 'ab\\s*/cd'");
  rule(4, "agent", "c-useragent|contains: 'evil'");
  std::string log;
  const auto line = [&](const std::string& target, const std::string& agent) {
    log += "203.0.113.9 - - [10/Oct/2026:13:55:36 +0000] \"GET " + target +
           " HTTP/1.1\" 200 10 \"-\" \"" + agent + "\"\n";
  };
  const auto filler = [&](int from, int to) {
    for (int i = from; i < to; ++i)
      line("/page/" + std::to_string(i), "Mozilla/" + std::to_string(i));
  };
  // Enough new values for the joined scans, none of them matching; the
  // lines that do straddle the end of the first window of 512 events.
  filler(0, 505);
  line("/admin/login", "x");    // 506: starts
  line("/x/adm", "y");          // 507: not at the start
  line("/old/site.bak", "z");   // 508: ends
  line("/old/site.bak2", "w");  // 509: not at the end
  line("/p/ab", "evil-a");      // 510: agent; "ab" ends it...
  line("/cd/q", "b-evil");      // 511: agent; ...and "/cd" starts the next
  line("/p/ab/cd", "c");        // 512: across, within one value
  line("/adm", "evil");         // 513: starts, agent (the second window's first)
  filler(505, 560);
  auto lines = cited_lines(dir, log, 4);
  EXPECT_EQ(lines["starts"], (std::vector<uint64_t>{506, 513}));
  EXPECT_EQ(lines["ends"], (std::vector<uint64_t>{508}));
  EXPECT_EQ(lines["across"], (std::vector<uint64_t>{512}));
  EXPECT_EQ(lines["agent"], (std::vector<uint64_t>{510, 511, 513}));
}

TEST(Hunt, SameFindingsForAnyNumberOfThreads) {
  const RuleSet rules(RuleSetOptions{});
  const std::string one = describe(hunt(rules, 1));
  EXPECT_FALSE(one.empty());
  EXPECT_EQ(one, describe(hunt(rules, 2)));
  EXPECT_EQ(one, describe(hunt(rules, 4)));
}

// Hands the hunt each batch whole, or only some of the parts the parse
// offers (process() must then match the rest).
class Forwarding final : public ingest::EventConsumer {
 public:
  Forwarding(Hunt& hunt, int part_every) : hunt_(hunt), part_every_(part_every) {}
  void process_parsed(const ingest::Batch& batch, size_t from, size_t to,
                      unsigned worker) override {
    if (part_every_ > 0 && parts_++ % part_every_ == 0)
      hunt_.process_parsed(batch, from, to, worker);
  }
  void process(const ingest::Batch& batch, unsigned worker) override {
    hunt_.process(batch, worker);
  }
  void ordered(const ingest::Batch& batch) override { hunt_.ordered(batch); }

 private:
  Hunt& hunt_;
  int part_every_;  // 0: none
  int parts_ = 0;
};

// Batches are matched part by part as they are parsed (process_parsed);
// any split of them finds what matching each batch whole finds.
TEST(Hunt, PartsMatchedAsParsedFindWhatWholeBatchesFind) {
  const RuleSet rules{RuleSetOptions{}};
  std::string error;
  ingest::IngestOptions opt;
  opt.zone = ingest::Zone::locate("Asia/Tokyo", error);
  const ingest::InputSet inputs = ingest::expand_inputs({kSample});
  auto run = [&](int part_every) {
    Hunt hunt(rules, HuntOptions{});
    if (part_every < 0) {
      ingest::ingest(inputs, opt, hunt);
    } else {
      Forwarding consumer(hunt, part_every);
      ingest::ingest(inputs, opt, consumer);
    }
    return describe(hunt.finish());
  };
  const std::string whole = run(0);
  EXPECT_GT(std::count(whole.begin(), whole.end(), '\n'), 20);
  EXPECT_EQ(run(-1), whole);  // every part, as ingest offers them
  EXPECT_EQ(run(2), whole);   // every other part: the rest in process()
  EXPECT_EQ(run(3), whole);
}

TEST(Hunt, FindsTheSampleIncident) {
  const RuleSet rules(RuleSetOptions{});
  const std::vector<Finding> findings = hunt(rules, 2);
  auto has = [&](auto pred) { return std::any_of(findings.begin(), findings.end(), pred); };
  // The SSH brute force, every attempt refused: found, and said to have failed.
  EXPECT_TRUE(has([](const Finding& f) {
    return f.client_ip == "198.51.100.23" && f.rule_id == "shodo.ssh-brute-force" &&
           f.outcome == Outcome::failed;
  })) << describe(findings);
  EXPECT_FALSE(has([](const Finding& f) { return f.outcome == Outcome::success; }))
      << describe(findings);
  // UNION-based SQL injection by the attacker, with the matched request.
  EXPECT_TRUE(has([](const Finding& f) {
    return f.source == Finding::Source::sigma && f.client_ip == "203.0.113.45" &&
           f.value.find("UNION") != std::string::npos && f.cite.line > 0 &&
           std::find(f.techniques.begin(), f.techniques.end(), "T1190") != f.techniques.end();
  }));
  // The webshell, from the logs alone, used from the attacker's second address.
  EXPECT_TRUE(has([](const Finding& f) {
    return f.rule_id == "shodo.webshell-use" && f.path == "/uploads/img/cache.php" &&
           f.client_ip == "203.0.113.77";
  })) << describe(findings);
  // Nothing serious points at the shop's customers or its owner (samples/EXPECTED.md
  // names the three attackers).
  for (const Finding& f : findings) {
    if (f.level >= Level::high && !f.client_ip.empty()) {
      EXPECT_TRUE(f.client_ip == "203.0.113.45" || f.client_ip == "203.0.113.77" ||
                  f.client_ip == "198.51.100.23")
          << f.rule_id << " " << f.title << " " << f.client_ip;
    }
  }
}

// Keyword literals are searched over a whole block of lines at once: each hit
// must cite the line that holds it, and a line that is no event (bad, or
// outside --since) must give no finding, nor lend its hit to a neighbour.
TEST(Hunt, KeywordHitsInABlockCiteTheirOwnLines) {
  const testing::TempDir dir;
  dir.write("rules/jndi.yml", keyword_rule("jndi keyword", "b1", {"jndi:ldap"}));
  dir.write("rules/field.yml", field_rule("b2"));
  auto line = [](int second, std::string_view agent) {
    return "203.0.113.9 - - [10/Oct/2026:13:55:" + std::to_string(10 + second) +
           " +0000] \"GET / HTTP/1.1\" 200 0 \"-\" \"" + std::string(agent) + "\"\n";
  };
  // Line 1 is before --since.
  std::string log =
      "192.0.2.1 - - [09/Oct/2026:00:00:00 +0000] \"GET /jndi:ldap HTTP/1.1\" 200 0 \"-\" \"x\"\n";
  log += line(0, "Mozilla/5.0");                           // 2
  log += "garbage jndi:ldap that is no log line\n";        // 3: bad
  log += line(2, "Mozilla/5.0");                           // 4
  log += line(3, "${jndi:ldap://a} and again jndi:ldap");  // 5: two hits, one finding
  log += line(4, "jndi:");                                 // 6: cut by the line end...
  log += "ldap " + line(5, "Mozilla/5.0");                 // 7: ...and a bad line
  const std::string file = dir.write("access.log", log);

  RuleSetOptions ro;
  ro.shipped = false;
  ro.dirs = {(dir.path() / "rules").string()};
  const RuleSet rules(ro);
  ingest::IngestOptions opt;
  std::string error;
  opt.zone = ingest::Zone::locate("UTC", error);
  opt.log_format = "combined";
  opt.since = ingest::TimeUs{1791590400} * 1'000'000;  // 2026-10-10T00:00:00Z
  HuntOptions h;
  h.detectors = false;
  Hunt consumer(rules, h);
  ingest::InputSet inputs;
  inputs.files.push_back({file, log.size(), 0});
  const ingest::IngestResult result = ingest::ingest(inputs, opt, consumer);
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].bad_lines, 2u);
  EXPECT_EQ(result.files[0].filtered, 1u);
  std::vector<uint64_t> cited;
  for (const Finding& f : consumer.finish())
    if (f.rule_id == "00000000-0000-4000-8000-0000000000b1") cited.push_back(f.cite.line);
  EXPECT_EQ(cited, std::vector<uint64_t>{5});
}

// Keywords that each hold a byte rare in logs ('{', '#') are searched for
// only in the lines holding one; the lines found are those a search of the
// whole block finds (here forced by a keyword of letters only, which never
// matches), whether such lines are few or many.
TEST(Hunt, KeywordLinesFoundByTheirRareBytesAreTheBlockSearchsLines) {
  auto rules = [](const testing::TempDir& dir, bool letters_too) {
    dir.write("rules/rare.yml", keyword_rule("rare keywords", "c1", {"${jndi:", "#_memberAccess"}));
    dir.write("rules/field.yml", field_rule("c2"));
    if (letters_too)
      dir.write("rules/letters.yml", keyword_rule("letters only", "c3", {"qqzzyyxxww"}));
  };
  for (const int decoy_every : {400, 3}) {  // few lines with a rare byte, then many
    // Lines that are no events hold keywords too (the first, and one in 500):
    // they give no finding, nor lend their hit to a neighbour.
    std::string log = "${jndi:ldap://h/a} before the first event\n";
    std::vector<uint64_t> expected;
    for (int i = 2; i <= 3001; ++i) {
      std::string agent = "Mozilla/5.0";
      std::string target = "/p" + std::to_string(i % 50);
      if (i % 500 == 0) {
        log += "no event #_memberAccess ${jndi:\n";
        continue;
      }
      if (i % 97 == 0 || i == 3001) {    // the last line: the keyword at the block's end
        agent = "x ${jndi:ldap://h/a}";  // the keyword in the agent
        expected.push_back(static_cast<uint64_t>(i));
      } else if (i % 131 == 0) {
        target += "?b=#_memberAccess";  // as logged: no decoded form shows it
        expected.push_back(static_cast<uint64_t>(i));
      } else if (i % decoy_every == 0) {
        agent = "curl/8 {$} #jndi @ ${jnd";  // rare bytes, no keyword
      }
      log += "203.0.113." + std::to_string(i % 200) +
             " - - [10/Oct/2026:13:55:" + std::to_string(10 + i % 40) + " +0000] \"GET " + target +
             " HTTP/1.1\" 200 1 \"-\" \"" + agent + "\"\n";
    }
    const testing::TempDir rare_only, with_letters;
    rules(rare_only, false);
    rules(with_letters, true);
    for (auto* dir : {&rare_only, &with_letters}) {
      auto cited = cited_lines(*dir, log, dir == &rare_only ? 2 : 3)["rare keywords"];
      std::sort(cited.begin(), cited.end());
      EXPECT_EQ(cited, expected) << decoy_every << (dir == &rare_only ? " rare" : " whole");
    }
  }
}

}  // namespace
}  // namespace shodo::detect
