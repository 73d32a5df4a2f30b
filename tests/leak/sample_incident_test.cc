// The bundled sample incident through the channel tracker: the numbers of
// samples/EXPECTED.md ("Data exposure"), and the same results however the
// events are split among trackers and merged.
#include <gtest/gtest.h>

#include <algorithm>

#include "fsview/fsview.h"
#include "leak/feed.h"

namespace shodo::leak {
namespace {

const std::string kSample = std::string(SHODO_TEST_DATA) + "/../../samples/incident";

struct Sample {
  ingest::InputSet inputs = ingest::expand_inputs({kSample + "/var/log"});
  std::unique_ptr<fsview::View> webroot;

  Sample() {
    std::vector<fsview::Problem> problems;
    std::string error;
    webroot = fsview::open_archive(kSample + "/webroot.tar.gz", problems, error);
    EXPECT_TRUE(webroot) << error;
  }

  Config config() const {
    Config c;
    c.webshell_urls = {"/uploads/img/cache.php"};
    c.file_size = [this](std::string_view url_path) -> std::optional<uint64_t> {
      fsview::FileInfo info;
      std::string error;
      if (!webroot || !webroot->stat("/var/www/html" + std::string(url_path), info, error))
        return std::nullopt;
      return info.size;
    };
    return c;
  }

  // "access.log:42" for a citation.
  std::string where(const Cite& c) const {
    const std::string& path = inputs.files.at(c.file_index).path;
    return path.substr(path.rfind('/') + 1) + ":" + std::to_string(c.line);
  }
};

const TableExposure* table(const SqlInjection& s, std::string_view name) {
  for (const TableExposure& t : s.tables) {
    if (t.table == name) return &t;
  }
  return nullptr;
}

TEST(LeakSample, SqlInjectionReadFortyCustomersAndTwoAdminUsers) {
  const Sample sample;
  const Channels c = testing::channels_of(sample.inputs, sample.config());
  // Customers' searches ("select gift box", "O'Neill tea set") are no injection.
  ASSERT_EQ(c.sql_injection.size(), 1u);
  const SqlInjection& s = c.sql_injection[0];
  EXPECT_EQ(s.ip, "203.0.113.45");
  EXPECT_EQ(s.path, "/products/view.php");
  EXPECT_EQ(s.parameter, "id");
  for (const char* t : {"union", "boolean", "order-by"}) {
    EXPECT_NE(std::find(s.techniques.begin(), s.techniques.end(), t), s.techniques.end()) << t;
  }
  EXPECT_TRUE(s.schema_enumeration);
  EXPECT_NE(std::find(s.tables_named.begin(), s.tables_named.end(), "customers"),
            s.tables_named.end());
  EXPECT_EQ(s.true_probes, 1u);
  EXPECT_EQ(s.false_probes, 1u);
  EXPECT_EQ(s.no_data_sizes, (std::vector<int64_t>{612, 12587}));

  const TableExposure* customers = table(s, "customers");
  ASSERT_NE(customers, nullptr);
  EXPECT_EQ(customers->columns, (std::vector<std::string>{"name", "email", "card_number"}));
  EXPECT_EQ(customers->rows_addressed, 40u);
  EXPECT_EQ(customers->rows_likely_extracted, 40u);
  EXPECT_EQ(customers->row_ranges, (std::vector<RowRange>{{0, 40}}));
  EXPECT_NE(customers->basis.en.find("40 of 40"), std::string::npos) << customers->basis.en;
  EXPECT_FALSE(customers->basis.ja.empty());

  const TableExposure* admins = table(s, "admin_users");
  ASSERT_NE(admins, nullptr);
  EXPECT_EQ(admins->columns, (std::vector<std::string>{"login", "password"}));
  EXPECT_EQ(admins->rows_likely_extracted, 2u);
  EXPECT_EQ(s.tables.size(), 2u);

  EXPECT_EQ(sample.where(s.first), "access.log:42");
  EXPECT_EQ(sample.where(s.last), "access.log:94");
  EXPECT_EQ(s.first_time, 1710001889000000);  // 2024-03-09 16:31:29 UTC
  EXPECT_EQ(s.last_time, 1710002073000000);   // 2024-03-09 16:34:33 UTC
  EXPECT_EQ(s.examples.size(), 5u);
  EXPECT_FALSE(s.how_computed.en.empty());
  EXPECT_FALSE(s.how_computed.ja.empty());
}

TEST(LeakSample, WebshellCommandsNameTheFilesTheyReadAndCreate) {
  const Sample sample;
  const Channels c = testing::channels_of(sample.inputs, sample.config());
  ASSERT_EQ(c.webshell_commands.size(), 7u);
  std::vector<std::string> commands;
  for (const WebshellCommand& w : c.webshell_commands) {
    EXPECT_EQ(w.ip, "203.0.113.77");
    EXPECT_EQ(w.webshell, "/uploads/img/cache.php");
    EXPECT_EQ(w.parameter, "c");
    commands.push_back(w.command);
  }
  EXPECT_EQ(commands[0], "id");
  const auto find = [&](std::string_view program) -> const WebshellCommand& {
    for (const WebshellCommand& w : c.webshell_commands) {
      if (!w.programs.empty() && w.programs[0] == program) return w;
    }
    ADD_FAILURE() << program;
    return c.webshell_commands[0];
  };
  const WebshellCommand& dump = find("mysqldump");
  ASSERT_EQ(dump.files.size(), 1u);
  EXPECT_EQ(dump.files[0].path, ".b.sql");
  EXPECT_EQ(dump.files[0].url_path, "/uploads/img/.b.sql");
  EXPECT_EQ(dump.files[0].role, "create");
  EXPECT_EQ(dump.time, 1710003147000000);  // 2024-03-09 16:52:27 UTC
  EXPECT_EQ(sample.where(dump.cite), "access.log:110");

  const WebshellCommand& cat = find("cat");
  ASSERT_EQ(cat.files.size(), 1u);
  EXPECT_EQ(cat.files[0].url_path, "/config.php");
  EXPECT_EQ(cat.files[0].role, "read");

  const WebshellCommand& cp = find("cp");
  ASSERT_EQ(cp.files.size(), 2u);
  EXPECT_EQ(cp.files[0].path, "/tmp/.i");
  EXPECT_EQ(cp.files[0].url_path, "");  // outside the web root
  EXPECT_EQ(cp.files[1].url_path, "/index.php");
  EXPECT_EQ(cp.files[1].role, "create");
}

TEST(LeakSample, TheDumpWasDownloadedWhole) {
  const Sample sample;
  const Channels c = testing::channels_of(sample.inputs, sample.config());
  // Nikto's probes for backup.sql, db.sql.gz, config.php~ were 404: no download.
  ASSERT_EQ(c.downloads.size(), 1u);
  const Download& d = c.downloads[0];
  EXPECT_EQ(d.ip, "203.0.113.77");
  EXPECT_EQ(d.path, "/uploads/img/.b.sql");
  EXPECT_EQ(d.kind, "database-dump");
  EXPECT_EQ(d.status, 200);
  EXPECT_EQ(d.bytes, 36162);
  EXPECT_EQ(d.file_size, std::optional<uint64_t>(36162));
  EXPECT_TRUE(d.matches_file);
  EXPECT_TRUE(d.complete);
  EXPECT_EQ(d.time, 1710003292000000);  // 2024-03-09 16:54:52 UTC
  EXPECT_EQ(sample.where(d.cite), "access.log:112");
}

TEST(LeakSample, MailLogShowsNoOutboundAnomaly) {
  const Sample sample;
  const Channels c = testing::channels_of(sample.inputs, sample.config());
  EXPECT_EQ(c.mail.verdict, "no-outbound-anomaly") << c.mail.reason.en;
  EXPECT_EQ(c.mail.events, 48u);
  EXPECT_EQ(c.mail.messages, 16u);
  ASSERT_EQ(c.mail.senders.size(), 1u);
  EXPECT_EQ(c.mail.senders[0].sender, "uid 33 (www-data)");
  EXPECT_TRUE(c.mail.senders[0].web_user);
  EXPECT_FALSE(c.mail.senders[0].anomalous);
  EXPECT_TRUE(c.mail.citations.empty());
  EXPECT_NE(c.mail.reason.en.find("addresses having leaked"), std::string::npos);
  EXPECT_FALSE(c.mail.reason.ja.empty());
}

// Everything a result holds, as text, to compare runs.
std::string describe(const Channels& c) {
  std::string s;
  for (const SqlInjection& i : c.sql_injection) {
    s += i.ip + i.path + i.parameter + std::to_string(i.requests) + std::to_string(i.first.line) +
         std::to_string(i.last.line);
    for (const Cite& e : i.examples) s += "," + std::to_string(e.line);
    for (const TableExposure& t : i.tables) {
      s += t.table + std::to_string(t.rows_likely_extracted) + t.basis.en;
      for (const std::string& col : t.columns) s += col;
    }
    for (int64_t v : i.no_data_sizes) s += std::to_string(v);
    s += '\n';
  }
  for (const Download& d : c.downloads) s += d.path + std::to_string(d.cite.line) + '\n';
  for (const WebshellCommand& w : c.webshell_commands) s += w.command + '\n';
  s += c.mail.verdict + c.mail.reason.en;
  for (const MailSender& m : c.mail.senders) s += m.sender + std::to_string(m.deliveries);
  return s;
}

TEST(LeakSample, SameResultsHoweverTrackersAreSplitAndMerged) {
  const Sample sample;
  const std::string one = describe(testing::channels_of(sample.inputs, sample.config()));
  EXPECT_EQ(describe(testing::channels_of(sample.inputs, sample.config(), 3, {0, 1, 2})), one);
  EXPECT_EQ(describe(testing::channels_of(sample.inputs, sample.config(), 3, {2, 0, 1})), one);
  EXPECT_EQ(describe(testing::channels_of(sample.inputs, sample.config(), 5, {4, 3, 2, 1, 0})),
            one);
}

}  // namespace
}  // namespace shodo::leak
