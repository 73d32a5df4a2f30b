#include "report/investigation_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "safety/support/output_checks.h"
#include "support/sample_investigation.h"
#include "support/temp_dir.h"

namespace shodo::report {
namespace {

using investigate::Action;
using investigate::Attacker;
using investigate::ChainStep;
using investigate::ChangedFile;
using investigate::Citation;
using investigate::DiskImageRecord;
using investigate::EvidenceRecord;
using investigate::FindingRecord;
using investigate::HourBucket;
using investigate::Indicator;
using investigate::Investigation;
using investigate::kNoTime;
using investigate::SourceStats;
using investigate::Text;
using investigate::TimelineRow;
using investigate::Verdict;
using investigate::Webshell;
using investigate::WindowPoint;

// The sample with the members it leaves at their defaults filled in too, so
// that a member lost on the way out or back shows as a difference.
Investigation complete_sample(bool hostile) {
  Investigation inv = testing::sample_investigation(hostile);
  inv.findings[0].bytes = 196;
  inv.findings[0].time += 250'000;  // a fraction of a second
  inv.findings[1].time += 123'456;
  inv.findings[2].utc_offset_s = -5 * 3600;
  inv.findings[5].last_time = -1'500'000;  // before 1970
  inv.attackers[0].auth_successes = 2;
  inv.window.compromise.cite.inode = 131;
  inv.changed_files[0].mtime = kNoTime;
  inv.evidence[1].sha256_after = std::string(64, 'e');
  inv.evidence[1].unchanged = false;
  inv.stats[1].error = "truncated gzip stream";
  inv.next_steps[0].finding_ids = {"F0002"};
  inv.leak.public_body = true;
  inv.timeline_excerpt[0].message.ja = "203.0.113.45 からの GET";
  inv.images = {{"/evidence/disk.E01",
                 "e01",
                 512ull << 20,
                 "gpt",
                 {{"partition 1 (ext4, 511 MiB at sector 2048)", "ext4", 1234, ""},
                  {"partition 2", "", 0, "unsupported file system"}}}};
  if (hostile) {
    // A NUL, a C1 control (CSI) and an encoded surrogate (invalid UTF-8).
    inv.findings[1].excerpt += std::string(
        "\0\xc2\x9b"
        "31m\xed\xa0\x80",
        9);
    inv.case_info.title += "\xfe";
  }
  return inv;
}

// ---- Member-by-member equality ---------------------------------------------------

void same(const Text& a, const Text& b, const std::string& at);
void same(const Citation& a, const Citation& b, const std::string& at);
void same(const Verdict& a, const Verdict& b, const std::string& at);
void same(const WindowPoint& a, const WindowPoint& b, const std::string& at);
void same(const ChainStep& a, const ChainStep& b, const std::string& at);
void same(const Attacker& a, const Attacker& b, const std::string& at);
void same(const Webshell& a, const Webshell& b, const std::string& at);
void same(const FindingRecord& a, const FindingRecord& b, const std::string& at);
void same(const ChangedFile& a, const ChangedFile& b, const std::string& at);
void same(const Action& a, const Action& b, const std::string& at);
void same(const Indicator& a, const Indicator& b, const std::string& at);
void same(const EvidenceRecord& a, const EvidenceRecord& b, const std::string& at);
void same(const SourceStats& a, const SourceStats& b, const std::string& at);
void same(const DiskImageRecord::FileSystem& a, const DiskImageRecord::FileSystem& b,
          const std::string& at);
void same(const DiskImageRecord& a, const DiskImageRecord& b, const std::string& at);
void same(const HourBucket& a, const HourBucket& b, const std::string& at);
void same(const TimelineRow& a, const TimelineRow& b, const std::string& at);

template <class T>
void same(const std::vector<T>& a, const std::vector<T>& b, const std::string& at) {
  ASSERT_EQ(a.size(), b.size()) << at;
  for (size_t i = 0; i < a.size(); ++i) same(a[i], b[i], at + "[" + std::to_string(i) + "]");
}

#define SAME(member) EXPECT_EQ(a.member, b.member) << at << "." #member
#define SAME_NESTED(member) same(a.member, b.member, at + "." #member)

void same(const Text& a, const Text& b, const std::string& at) {
  SAME(en);
  SAME(ja);
}
void same(const Citation& a, const Citation& b, const std::string& at) {
  SAME(file);
  SAME(line);
  SAME(offset);
  SAME(inode);
}
void same(const Verdict& a, const Verdict& b, const std::string& at) {
  SAME(value);
  SAME(confidence);
  SAME_NESTED(reasons);
  SAME(reason_findings);
  SAME_NESTED(missing);
}
void same(const WindowPoint& a, const WindowPoint& b, const std::string& at) {
  SAME(time);
  SAME_NESTED(what);
  SAME_NESTED(cite);
  SAME(finding_id);
}
void same(const ChainStep& a, const ChainStep& b, const std::string& at) {
  SAME(phase);
  SAME(techniques);
  SAME(time);
  SAME_NESTED(narrative);
  SAME(finding_ids);
  SAME_NESTED(cite);
}
void same(const Attacker& a, const Attacker& b, const std::string& at) {
  SAME(ip);
  SAME(first_seen);
  SAME(last_seen);
  SAME_NESTED(first_cite);
  SAME_NESTED(last_cite);
  SAME(requests);
  SAME(bytes_sent);
  SAME(auth_failures);
  SAME(auth_successes);
  SAME(techniques);
  SAME(tools);
  SAME(user_agents);
  SAME_NESTED(role);
  SAME(outcome);
  SAME(files_touched);
  SAME(finding_ids);
  SAME(level);
}
void same(const Webshell& a, const Webshell& b, const std::string& at) {
  SAME(path);
  SAME(url);
  SAME(sha256);
  SAME(file_time);
  SAME(first_seen);
  SAME(uploaded_by);
  SAME(uploaded_at);
  SAME_NESTED(upload_cite);
  SAME(used_by);
  SAME(first_used);
  SAME(last_used);
  SAME(uses);
  SAME_NESTED(first_use_cite);
  SAME(commands);
  SAME(finding_ids);
}
void same(const FindingRecord& a, const FindingRecord& b, const std::string& at) {
  SAME(id);
  SAME(origin);
  SAME(rule);
  SAME_NESTED(title);
  SAME(level);
  SAME(techniques);
  SAME(time);
  SAME(last_time);
  SAME(utc_offset_s);
  SAME(outcome);
  SAME(outcome_reason);
  SAME(client_ip);
  SAME(user);
  SAME(method);
  SAME(path);
  SAME(status);
  SAME(bytes);
  SAME(count);
  SAME_NESTED(source);
  SAME(excerpt);
  SAME_NESTED(detail);
  SAME(sha256);
}
void same(const ChangedFile& a, const ChangedFile& b, const std::string& at) {
  SAME(path);
  SAME(change);
  SAME(sha256_before);
  SAME(sha256_after);
  SAME(size);
  SAME(mtime);
  SAME(assessment);
  SAME_NESTED(note);
  SAME(finding_ids);
  SAME(diff);
}
void same(const Action& a, const Action& b, const std::string& at) {
  SAME(priority);
  SAME_NESTED(text);
  SAME(finding_ids);
}
void same(const Indicator& a, const Indicator& b, const std::string& at) {
  SAME(type);
  SAME(value);
  SAME(validated);
  SAME_NESTED(description);
  SAME(first_seen);
  SAME(last_seen);
  SAME(finding_ids);
}
void same(const EvidenceRecord& a, const EvidenceRecord& b, const std::string& at) {
  SAME(item_id);
  SAME(source);
  SAME(kind);
  SAME(role);
  SAME(size);
  SAME(sha256);
  SAME(sha1);
  SAME(md5);
  SAME(sha256_after);
  SAME(unchanged);
}
void same(const SourceStats& a, const SourceStats& b, const std::string& at) {
  SAME(file);
  SAME(format);
  SAME(kind);
  SAME(lines);
  SAME(events);
  SAME(bad_lines);
  SAME(first);
  SAME(last);
  SAME(error);
}
void same(const DiskImageRecord::FileSystem& a, const DiskImageRecord::FileSystem& b,
          const std::string& at) {
  SAME(description);
  SAME(fs_type);
  SAME(files);
  SAME(problem);
}
void same(const DiskImageRecord& a, const DiskImageRecord& b, const std::string& at) {
  SAME(source);
  SAME(format);
  SAME(media_size);
  SAME(partition_table);
  SAME_NESTED(file_systems);
}
void same(const HourBucket& a, const HourBucket& b, const std::string& at) {
  SAME(hour);
  SAME(requests);
  SAME(attack_requests);
}
void same(const TimelineRow& a, const TimelineRow& b, const std::string& at) {
  SAME(time);
  SAME(timestamp_desc);
  SAME(source);
  SAME_NESTED(message);
  SAME_NESTED(cite);
  SAME(finding_id);
}
void same(const Investigation& a, const Investigation& b) {
  const std::string at = "inv";
  SAME(schema_version);
  SAME(tool);
  SAME(generated_at);
  SAME(case_info.number);
  SAME(case_info.title);
  SAME(case_info.customer);
  SAME(case_info.time_zone);
  SAME(case_info.knowledge_date);
  SAME(case_info.examiners);
  SAME_NESTED(verdict);
  SAME_NESTED(window.first_malicious);
  SAME_NESTED(window.compromise);
  SAME_NESTED(window.last_activity);
  SAME_NESTED(chain);
  SAME_NESTED(attackers);
  SAME_NESTED(webshells);
  SAME_NESTED(findings);
  SAME_NESTED(changed_files);
  EXPECT_TRUE(a.leak == b.leak) << "inv.leak differs after the round trip";
  SAME_NESTED(measures);
  SAME_NESTED(next_steps);
  SAME_NESTED(indicators);
  SAME_NESTED(evidence);
  SAME_NESTED(stats);
  SAME_NESTED(images);
  SAME_NESTED(hourly);
  SAME_NESTED(timeline_excerpt);
  SAME_NESTED(limitations);
  SAME(files_scanned);
}

#undef SAME
#undef SAME_NESTED

// ---- Helpers -------------------------------------------------------------------

Investigation parsed(const std::string& text) {
  Investigation out;
  std::string error;
  EXPECT_TRUE(parse_findings_json(text, out, error)) << error;
  return out;
}

std::string schema_path() {
  return std::string(SHODO_TEST_DATA) + "/../../docs/findings.schema.json";
}

// Exit status of validating `document` against docs/findings.schema.json
// with python3-jsonschema; `output` gets what it printed.
int validate(const std::string& document, std::string& output) {
  testing::TempDir dir;
  const std::string doc = dir.write("findings.json", document);
  const std::string script = dir.write("validate.py", R"(import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2], encoding="utf-8")))
)");
  const std::string log = (dir.path() / "log").string();
  const int rc = testing::run_shell("python3 " + script + " " + schema_path() + " " + doc + " >" +
                                    log + " 2>&1");
  std::ifstream in(log);
  output.assign(std::istreambuf_iterator<char>(in), {});
  return rc;
}

// ---- Tests ---------------------------------------------------------------------

TEST(InvestigationJson, MatchesItsSchema) {
  if (testing::run_shell("python3 -c 'import jsonschema' 2>/dev/null") != 0)
    GTEST_SKIP() << "python3-jsonschema is not installed (scripts/bootstrap installs it)";
  for (bool hostile : {false, true}) {
    std::string output;
    EXPECT_EQ(validate(findings_json(complete_sample(hostile)), output), 0)
        << "hostile=" << hostile << "\n"
        << output;
  }
  // And the check can fail: a document the schema does not allow.
  std::string doc = findings_json(complete_sample(false)), output;
  doc.replace(doc.find("\"level\": \"medium\""), 17, "\"level\": \"severe\"");
  EXPECT_NE(validate(doc, output), 0);
  EXPECT_NE(output.find("severe"), std::string::npos) << output;
}

TEST(InvestigationJson, ReadsBackEveryMember) {
  for (bool hostile : {false, true}) {
    SCOPED_TRACE(hostile ? "hostile" : "plain");
    const Investigation inv = complete_sample(hostile);
    same(parsed(findings_json(inv)), inv);
  }
}

TEST(InvestigationJson, SameModelSameBytes) {
  const Investigation inv = complete_sample(true);
  const std::string text = findings_json(inv);
  EXPECT_EQ(findings_json(inv), text);
  EXPECT_EQ(findings_json(parsed(text)), text);
}

TEST(InvestigationJson, HostileBytesAreEscapedAndSurvive) {
  const Investigation inv = complete_sample(true);
  const std::string text = findings_json(inv);
  EXPECT_TRUE(testing::valid_utf8(text));
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\0'), std::string::npos);
  EXPECT_NE(text.find(R"(<script>alert(1)</script>\u001b[31m\udcff)"), std::string::npos);
  EXPECT_NE(text.find(R"(\u0000\u009b31m\udced\udca0\udc80)"), std::string::npos);
  const Investigation back = parsed(text);
  EXPECT_EQ(back.attackers[1].user_agents[0], inv.attackers[1].user_agents[0]);
  EXPECT_EQ(back.findings[1].excerpt, inv.findings[1].excerpt);
  EXPECT_EQ(back.case_info.title, "EC site breach\xfe");
}

TEST(InvestigationJson, LayoutIsTheDocumentedOne) {
  const std::string text = findings_json(complete_sample(false));
  const auto doc = nlohmann::ordered_json::parse(text);
  std::vector<std::string> keys;
  for (const auto& [key, value] : doc.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"schema_version", "tool",
                                            "generated_at",   "case",
                                            "verdict",        "incident_window",
                                            "chain",          "attackers",
                                            "webshells",      "findings",
                                            "changed_files",  "leak",
                                            "measures",       "next_steps",
                                            "indicators",     "evidence",
                                            "stats",          "images",
                                            "files_scanned",  "limitations",
                                            "hourly",         "timeline_excerpt"}));
  EXPECT_EQ(text.substr(0, 28), "{\n  \"schema_version\": 1,\n  \"");
  EXPECT_EQ(text.back(), '\n');

  const auto& recon = doc["findings"][0];
  EXPECT_EQ(recon["time"], "2024-03-09T16:12:03.250Z");
  EXPECT_EQ(recon["last_time"], "2024-03-09T16:22:03Z");
  EXPECT_EQ(doc["findings"][1]["time"], "2024-03-09T16:32:03.123456Z");
  EXPECT_EQ(doc["findings"][5]["last_time"], "1969-12-31T23:59:58.500Z");
  EXPECT_EQ(recon["technique"], "T1595.002");
  EXPECT_EQ(recon["techniques"], nlohmann::ordered_json::array({"T1595.002"}));
  EXPECT_EQ(recon["source"]["file"], "samples/incident/var/log/apache2/access.log");
  EXPECT_EQ(recon["source"]["line"], 10412);
  EXPECT_EQ(recon["bytes"], 196);
  EXPECT_EQ(recon["title"],
            (nlohmann::ordered_json{{"en", "Vulnerability scanner"}, {"ja", "脆弱性スキャナ"}}));
  EXPECT_TRUE(doc["findings"][3]["status"].is_null());  // -1: unknown
  EXPECT_TRUE(doc["findings"][3]["bytes"].is_null());
  EXPECT_TRUE(doc["changed_files"][0]["mtime"].is_null());

  const auto& reason = doc["verdict"]["reasons"][0];
  EXPECT_EQ(reason["en"], "A webshell was uploaded and used");
  EXPECT_EQ(reason["findings"], nlohmann::ordered_json::array({"F0003", "F0004"}));
  EXPECT_EQ(doc["incident_window"]["compromise"]["citation"]["inode"], 131);
  EXPECT_EQ(doc["incident_window"]["compromise"]["finding_id"], "F0003");
}

TEST(InvestigationJson, ReadsOtherEscapesAndSkipsUnknownMembers) {
  std::string text = findings_json(complete_sample(false));
  text.replace(text.find("\"shodo 0.1.0\""), 13, R"("\u0041\ud83d\ude00\u00e9\/")");
  text.insert(text.find("\"tool\""), R"("added_later": {"nested": [1, 2.5, null]}, )");
  EXPECT_EQ(parsed(text).tool, "A\xf0\x9f\x98\x80\xc3\xa9/");
  same(parsed(text).findings[0], complete_sample(false).findings[0], "findings[0]");
}

TEST(InvestigationJson, ReportsWhatItCannotRead) {
  const std::string good = findings_json(complete_sample(false));
  const auto error_of = [](const std::string& text) {
    Investigation out;
    std::string error;
    EXPECT_FALSE(parse_findings_json(text, out, error));
    return error;
  };
  EXPECT_NE(error_of(good.substr(0, good.size() / 2)).find("not valid JSON"), std::string::npos);
  EXPECT_NE(error_of("[1]").find("schema_version missing"), std::string::npos);

  std::string newer = good;
  newer.replace(newer.find("\"schema_version\": 1"), 19, "\"schema_version\": 2");
  EXPECT_NE(error_of(newer).find("schema_version 2 is not supported"), std::string::npos);

  std::string wrong_type = good;
  wrong_type.replace(wrong_type.find("\"line\": 10412"), 13, "\"line\": \"x\"");
  EXPECT_NE(error_of(wrong_type).find("incident_window.first_malicious.citation.line: expected"),
            std::string::npos)
      << error_of(wrong_type);

  std::string bad_time = good;
  bad_time.replace(bad_time.find("2024-03-09T16:22:03Z"), 20, "2024-03-09 16:22:03 ");
  EXPECT_NE(error_of(bad_time).find("findings[0].last_time"), std::string::npos);
}

}  // namespace
}  // namespace shodo::report
