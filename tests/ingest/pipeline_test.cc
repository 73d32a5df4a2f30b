// The ingest pipeline end to end: compression, rotated sets, bad input,
// block boundaries and thread-count determinism.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <mutex>

#include "ingest/event_json.h"
#include "ingest/ingest.h"
#include "ingest/read/block_reader.h"
#include "support/temp_dir.h"

namespace shodo::ingest {
namespace {

using shodo::testing::run_shell;
using shodo::testing::TempDir;

std::string combined_line(int i) {
  return "192.0.2." + std::to_string(i % 250 + 1) +
         " - - [10/Mar/2024:01:" + (i % 60 < 10 ? "0" : "") + std::to_string(i % 60) +
         ":00 +0900] \"GET /item?id=" + std::to_string(i) + " HTTP/1.1\" 200 " +
         std::to_string(1000 + i) + " \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"\n";
}

std::string combined_lines(int n, int from = 0) {
  std::string s;
  for (int i = from; i < from + n; ++i) s += combined_line(i);
  return s;
}

// Keeps every event's JSON and every bad line, in order.
class Recorder : public EventConsumer {
 public:
  explicit Recorder(const InputSet* inputs = nullptr) : inputs_(inputs) {}
  void ordered(const Batch& b) override {
    for (const Event& ev : b.events) {
      std::string js;
      append_event_json(js, ev, inputs_ ? inputs_->files[ev.file_index].path : "");
      events.push_back(std::move(js));
    }
    for (const BadLine& bad : b.bad) bad_lines.push_back(bad);
  }
  void process(const Batch& b, unsigned worker) override {
    std::lock_guard lock(mu);
    max_worker = std::max(max_worker, worker);
    processed += b.events.size();
  }
  std::vector<std::string> events;
  std::vector<BadLine> bad_lines;
  std::mutex mu;
  unsigned max_worker = 0;
  size_t processed = 0;

 private:
  const InputSet* inputs_;
};

IngestOptions utc_options(unsigned threads = 2) {
  IngestOptions o;
  std::string err;
  o.zone = Zone::locate("UTC", err);
  o.threads = threads;
  return o;
}

TEST(Pipeline, ReadsEveryCompressionAlike) {
  TempDir dir;
  const std::string content = combined_lines(3000);
  for (const char* name : {"plain.log", "g.log", "b.log", "z.log"}) dir.write(name, content);
  const std::string d = dir.path().string();
  ASSERT_EQ(
      run_shell("gzip -n " + d + "/g.log && bzip2 " + d + "/b.log && zstd -q --rm " + d + "/z.log"),
      0);
  for (const char* name : {"plain.log", "g.log.gz", "b.log.bz2", "z.log.zst"}) {
    SCOPED_TRACE(name);
    Recorder rec;
    const IngestResult r = ingest(expand_inputs({d + "/" + name}), utc_options(), rec);
    ASSERT_EQ(r.files.size(), 1u);
    EXPECT_EQ(r.files[0].format, "combined");
    EXPECT_EQ(r.files[0].events, 3000u);
    EXPECT_EQ(r.files[0].lines, 3000u);
    EXPECT_EQ(r.files[0].bytes, content.size());
    EXPECT_TRUE(r.files[0].read_completely) << r.files[0].error;
    EXPECT_EQ(rec.events.size(), 3000u);
  }
}

TEST(Pipeline, ConcatenatedGzipMembersAreAllRead) {
  TempDir dir;
  const std::string d = dir.path().string();
  dir.write("a", combined_lines(100));
  dir.write("b", combined_lines(50, 100));
  ASSERT_EQ(run_shell("cd " + d + " && gzip -n a b && cat a.gz b.gz > both.log.gz"), 0);
  Recorder rec;
  const IngestResult r = ingest(expand_inputs({d + "/both.log.gz"}), utc_options(), rec);
  EXPECT_EQ(r.files[0].events, 150u);
  EXPECT_TRUE(r.files[0].read_completely) << r.files[0].error;
}

TEST(Pipeline, TruncatedGzipKeepsWhatWasReadAndSaysSo) {
  TempDir dir;
  const std::string d = dir.path().string();
  dir.write("t.log", combined_lines(20000));
  ASSERT_EQ(run_shell("cd " + d + " && gzip -n t.log && head -c 60000 t.log.gz > cut.log.gz"), 0);
  Recorder rec;
  const IngestResult r = ingest(expand_inputs({d + "/cut.log.gz"}), utc_options(), rec);
  const FileReport& f = r.files[0];
  EXPECT_FALSE(f.read_completely);
  EXPECT_NE(f.error.find("truncated"), std::string::npos) << f.error;
  EXPECT_GT(f.events, 1000u);
  EXPECT_LT(f.events, 20000u);
  // The cut can fall inside a line: at most that one line is bad.
  EXPECT_LE(f.bad_lines, 1u);
}

TEST(Pipeline, CorruptZstdIsReported) {
  TempDir dir;
  dir.write("x.log.zst", std::string("\x28\xb5\x2f\xfd") + std::string(100, '\x7f'));
  Recorder rec;
  const IngestResult r =
      ingest(expand_inputs({dir.path().string() + "/x.log.zst"}), utc_options(), rec);
  EXPECT_FALSE(r.files[0].read_completely);
  EXPECT_NE(r.files[0].error.find("zstd"), std::string::npos) << r.files[0].error;
}

TEST(Pipeline, ZeroPaddingAfterCompressedDataIsNotAnError) {
  TempDir dir;
  const std::string d = dir.path().string();
  dir.write("g.log", combined_lines(50));
  dir.write("z.log", combined_lines(50));
  ASSERT_EQ(run_shell("cd " + d +
                      " && gzip -n g.log && zstd -q --rm z.log && "
                      "head -c 4096 /dev/zero >> g.log.gz && head -c 4096 /dev/zero >> z.log.zst"),
            0);
  for (const char* name : {"g.log.gz", "z.log.zst"}) {
    Recorder rec;
    const IngestResult r = ingest(expand_inputs({d + "/" + name}), utc_options(), rec);
    EXPECT_EQ(r.files[0].events, 50u) << name;
    EXPECT_TRUE(r.files[0].error.empty()) << name << ": " << r.files[0].error;
  }
}

TEST(Pipeline, RotatedSetsAreReadOldestFirst) {
  std::vector<InputFile> files;
  for (const char* p :
       {"/l/access.log", "/l/access.log.1", "/l/access.log.10.gz", "/l/access.log.2.gz",
        "/l/error.log", "/l/error.log.1", "/m/secure-20240102", "/m/secure-20240101.gz",
        "/m/secure", "/n/access.log.2024.01.03", "/n/access.log.2024.01.01",
        "/n/access.log.2024.01.02"})
    files.push_back({p, 0, 0});
  sort_rotated(files);
  std::vector<std::string> order;
  for (const auto& f : files) order.push_back(f.path);
  const std::vector<std::string> want = {"/l/access.log.10.gz",
                                         "/l/access.log.2.gz",
                                         "/l/access.log.1",
                                         "/l/access.log",
                                         "/l/error.log.1",
                                         "/l/error.log",
                                         "/m/secure-20240101.gz",
                                         "/m/secure-20240102",
                                         "/m/secure",
                                         "/n/access.log.2024.01.01",
                                         "/n/access.log.2024.01.02",
                                         "/n/access.log.2024.01.03"};
  EXPECT_EQ(order, want);
}

TEST(Pipeline, FoldersGlobsAndMissingInputs) {
  TempDir dir;
  const std::string d = dir.path().string();
  dir.write("logs/access.log", combined_lines(3));
  dir.write("logs/access.log.1", combined_lines(3));
  dir.write("logs/deep/a/b/other.log", combined_lines(2));
  ASSERT_EQ(mkfifo((d + "/logs/pipe").c_str(), 0600), 0);
  InputSet set =
      expand_inputs({d + "/logs", d + "/nothing-here", d + "/logs/*.none", d + "/logs/pipe"});
  EXPECT_EQ(set.files.size(), 3u);  // the FIFO inside the folder is not a log
  ASSERT_EQ(set.problems.size(), 3u);
  EXPECT_EQ(set.problems[0].reason, "no such file or folder");
  EXPECT_EQ(set.problems[1].reason, "no file matches this pattern");
  EXPECT_NE(set.problems[2].reason.find("not a regular file"), std::string::npos);
  InputSet globbed = expand_inputs({d + "/logs/access.log*"});
  ASSERT_EQ(globbed.files.size(), 2u);
  EXPECT_TRUE(globbed.files[0].path.ends_with("access.log.1"));
}

TEST(Pipeline, MalformedLinesAreCountedWithLineNumbers) {
  TempDir dir;
  std::string content = combined_lines(5);
  content += "this is not a log line\n";
  content += combined_line(6).substr(0, 40) + "\n";  // cut short
  static constexpr char kJunk[] = "\x00\x01\x02 binary junk \xff\xfe";
  content += std::string(kJunk, sizeof kJunk - 1) + "\n";
  content += combined_lines(3, 7);
  content.insert(0, combined_line(99).substr(0, combined_line(99).size() - 1) + "\r\n");  // CRLF
  const std::string path = dir.write("m.log", content);
  Recorder rec;
  const IngestResult r = ingest(expand_inputs({path}), utc_options(), rec);
  const FileReport& f = r.files[0];
  EXPECT_EQ(f.format, "combined");
  EXPECT_EQ(f.lines, 12u);
  EXPECT_EQ(f.events, 9u);
  EXPECT_EQ(f.bad_lines, 3u);
  ASSERT_EQ(rec.bad_lines.size(), 3u);
  EXPECT_EQ(rec.bad_lines[0].line, 7u);
  EXPECT_EQ(rec.bad_lines[1].line, 8u);
  EXPECT_EQ(rec.bad_lines[2].line, 9u);
  EXPECT_EQ(rec.bad_lines[0].excerpt, "this is not a log line");
  EXPECT_FALSE(rec.bad_lines[0].reason.empty());
  EXPECT_EQ(f.bad_examples.size(), 3u);
  // The CRLF line parsed, without the CR in its last field.
  EXPECT_NE(rec.events[0].find("\"user_agent.original\":\"Mozilla/5.0 (X11; Linux x86_64)\""),
            std::string::npos)
      << rec.events[0];
}

TEST(Pipeline, HugeLineIsSkippedAndCountedWithoutLosingItsNeighbours) {
  TempDir dir;
  std::string content = combined_lines(2);
  content += std::string(50u << 20, 'A') + "\n";  // 50 MiB on one line
  content += combined_lines(2, 2);
  const std::string path = dir.write("huge.log", content);
  Recorder rec;
  IngestOptions opt = utc_options();
  const IngestResult r = ingest(expand_inputs({path}), opt, rec);
  const FileReport& f = r.files[0];
  EXPECT_EQ(f.events, 4u);
  EXPECT_EQ(f.lines, 5u);
  EXPECT_EQ(f.bad_lines, 1u);
  ASSERT_EQ(rec.bad_lines.size(), 1u);
  EXPECT_EQ(rec.bad_lines[0].line, 3u);
  EXPECT_NE(rec.bad_lines[0].reason.find("52428800 bytes"), std::string::npos)
      << rec.bad_lines[0].reason;
  EXPECT_NE(rec.events[2].find("\"log.file.line\":4"), std::string::npos) << rec.events[2];
}

TEST(Pipeline, LineNumbersAndOffsetsSurviveTinyBlocks) {
  TempDir dir;
  const std::string content = combined_lines(500);
  const std::string path = dir.write("t.log", content);
  IngestOptions opt = utc_options(3);
  opt.block_bytes = 333;  // many blocks, lines split across reads
  opt.max_line_bytes = 4096;
  Recorder rec;
  ingest(expand_inputs({path}), opt, rec);
  ASSERT_EQ(rec.events.size(), 500u);
  size_t offset = 0;
  for (int i = 0; i < 500; ++i) {
    const std::string want = "\"log.file.line\":" + std::to_string(i + 1) +
                             ",\"log.offset\":" + std::to_string(offset) + ",";
    ASSERT_NE(rec.events[static_cast<size_t>(i)].find(want), std::string::npos)
        << rec.events[static_cast<size_t>(i)];
    offset += combined_line(i).size();
  }
}

// A batch's events are reused from block to block (Event::reuse): whatever
// a line set (a user, a malformed request's mark, fields of the interpreted
// template) is gone for the next line in its slot. Read in blocks of 4 KiB
// (slots reused dozens of times) and in one block (never), the events are
// the same.
TEST(Pipeline, ReusedEventsKeepNothingOfTheLineBefore) {
  TempDir dir;
  std::string log;
  for (int i = 0; i < 4000; ++i) {
    switch (i % 7) {
      case 1:  // a user: a field after `raw`
        log +=
            "192.0.2.7 - alice [10/Mar/2024:01:00:00 +0900] \"GET /a HTTP/1.1\" 200 5 \"-\" "
            "\"x\"\n";
        break;
      case 3:  // a malformed request: marked in the extras
        log += "192.0.2.8 - - [10/Mar/2024:01:00:01 +0900] \"GARBAGE\" 400 0 \"-\" \"-\"\n";
        break;
      case 5:  // an escaped quote: the interpreted template reads it
        log +=
            "192.0.2.9 - bob [10/Mar/2024:01:00:02 +0900] \"GET /b HTTP/1.1\" 200 9 "
            "\"http://r/\" \"say \\\"hi\\\"\"\n";
        break;
      case 6:
        if (i % 5 == 0) {
          log += "not a log line at all\n";
          break;
        }
        [[fallthrough]];
      default: log += combined_line(i);
    }
  }
  const std::string path = dir.write("mixed.log", log);
  auto read = [&](size_t block_bytes) {
    IngestOptions o = utc_options(2);
    o.log_format = "combined";
    o.block_bytes = block_bytes;
    Recorder rec;
    ingest(expand_inputs({path}), o, rec);
    return std::make_pair(rec.events, rec.bad_lines.size());
  };
  const auto whole = read(size_t{16} << 20);
  const auto blocks = read(4096);
  ASSERT_GT(whole.first.size(), 3000u);
  EXPECT_GT(whole.second, 50u);
  EXPECT_EQ(blocks.second, whole.second);
  ASSERT_EQ(blocks.first.size(), whole.first.size());
  for (size_t i = 0; i < whole.first.size(); ++i) ASSERT_EQ(blocks.first[i], whole.first[i]) << i;
}

TEST(Pipeline, SameEventsInTheSameOrderWhateverTheThreadCount) {
  TempDir dir;
  dir.write("access.log.2.gz.src", combined_lines(4000));
  dir.write("access.log.1", combined_lines(3000, 4000));
  dir.write("access.log", combined_lines(5000, 7000));
  const std::string d = dir.path().string();
  ASSERT_EQ(
      run_shell("cd " + d +
                " && gzip -nc access.log.2.gz.src > access.log.2.gz && rm access.log.2.gz.src"),
      0);
  std::vector<std::string> first;
  for (unsigned threads : {1u, 2u, 4u}) {
    IngestOptions opt = utc_options(threads);
    opt.block_bytes = 8192;
    const InputSet inputs = expand_inputs({d});
    Recorder rec(&inputs);
    ingest(inputs, opt, rec);
    ASSERT_EQ(rec.events.size(), 12000u);
    EXPECT_EQ(rec.processed, 12000u);
    EXPECT_LE(rec.max_worker, threads);
    if (first.empty()) {
      first = rec.events;
      // Oldest file first: the rotated .2.gz holds items 0..3999.
      EXPECT_NE(first.front().find("id=0 "), std::string::npos) << first.front();
    } else {
      EXPECT_EQ(rec.events, first) << threads << " threads";
    }
  }
}

TEST(Pipeline, SinceAndUntilLeaveOutEventsAndCountThem) {
  TempDir dir;
  const std::string path = dir.write("a.log", combined_lines(60));
  IngestOptions opt = utc_options();
  // Lines are at 01:00..01:59 +0900 = 16:00..16:59 UTC on 9 March.
  opt.since = (1710000000LL + 10 * 60) * 1000000;  // 2024-03-09T16:10:00Z
  opt.until = (1710000000LL + 20 * 60) * 1000000;
  Recorder rec;
  const IngestResult r = ingest(expand_inputs({path}), opt, rec);
  EXPECT_EQ(r.files[0].events, 10u);
  EXPECT_EQ(r.files[0].filtered, 50u);
}

// Picks the lines holding a string, as a second pass picks one client's.
class PickContaining final : public LineSelector {
 public:
  explicit PickContaining(std::string needle) : needle_(std::move(needle)) {}
  bool select(uint32_t, LogKind, uint64_t, std::string_view block,
              std::vector<uint32_t>& marks) const override {
    marks.clear();
    for (size_t at = block.find(needle_); at != std::string_view::npos;
         at = block.find(needle_, at + 1))
      marks.push_back(static_cast<uint32_t>(at));
    return true;
  }

 private:
  std::string needle_;
};

TEST(Pipeline, SelectorSkipsTheLinesItDoesNotPickAndCountsThem) {
  TempDir dir;
  const std::string path = dir.write("a.log", combined_lines(3000));
  IngestOptions opt = utc_options(2);
  opt.block_bytes = 4096;  // many blocks, lines across their edges
  const PickContaining picker("192.0.2.7 ");
  opt.selector = &picker;
  Recorder rec;
  const IngestResult r = ingest(expand_inputs({path}), opt, rec);
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(r.files[0].lines, 3000u);
  EXPECT_EQ(r.files[0].events, 12u);  // i % 250 == 6
  EXPECT_EQ(r.files[0].passed_over, 3000u - 12u);
  ASSERT_EQ(rec.events.size(), 12u);
  for (size_t k = 0; k < rec.events.size(); ++k) {
    EXPECT_NE(rec.events[k].find("\"192.0.2.7\""), std::string::npos) << rec.events[k];
    const std::string line = "\"log.file.line\":" + std::to_string(7 + 250 * k) + ",";
    EXPECT_NE(rec.events[k].find(line), std::string::npos) << rec.events[k];
  }
}

// Marks bytes by the line they fall in: the newline ending lines k % 7 == 3,
// the first byte of lines k % 11 == 5, two bytes of lines k % 13 == 0, and
// one byte of the file's last line (which has no newline).
class PickByLineNumber final : public LineSelector {
 public:
  static bool picks(uint64_t line, uint64_t last) {
    return line % 7 == 3 || line % 11 == 5 || line % 13 == 0 || line == last;
  }
  explicit PickByLineNumber(uint64_t last) : last_(last) {}
  bool select(uint32_t, LogKind, uint64_t first_line, std::string_view block,
              std::vector<uint32_t>& marks) const override {
    marks.clear();
    uint64_t line = first_line;
    for (size_t start = 0; start < block.size(); ++line) {
      size_t nl = block.find('\n', start);
      const size_t stop = nl == std::string_view::npos ? block.size() : nl;
      const auto at = [&](size_t i) { marks.push_back(static_cast<uint32_t>(i)); };
      if (line % 11 == 5) at(start);
      if (line % 13 == 0) {
        at(start + 2);
        at(start + 9);
      }
      if (line % 7 == 3 && nl != std::string_view::npos) at(nl);
      if (line == last_) at(stop - 1);
      start = stop + 1;
    }
    std::sort(marks.begin(), marks.end());
    return true;
  }

 private:
  uint64_t last_;
};

TEST(Pipeline, SelectedLinesKeepTheirNumbersAndOffsets) {
  TempDir dir;
  std::string content = combined_lines(2000);
  content.pop_back();  // the last line has no newline
  const std::string path = dir.write("a.log", content);
  for (const unsigned threads : {1u, 2u}) {
    IngestOptions opt = utc_options(threads);
    opt.block_bytes = 3000;  // lines across block edges
    Recorder all_rec, picked_rec;
    const IngestResult all = ingest(expand_inputs({path}), opt, all_rec);
    const PickByLineNumber picker(2000);
    opt.selector = &picker;
    const IngestResult some = ingest(expand_inputs({path}), opt, picked_rec);
    std::vector<std::string> expected;
    for (uint64_t line = 1; line <= 2000; ++line)
      if (PickByLineNumber::picks(line, 2000)) expected.push_back(all_rec.events[line - 1]);
    EXPECT_EQ(picked_rec.events, expected);  // same line numbers, offsets and fields
    EXPECT_EQ(some.files[0].lines, all.files[0].lines);
    EXPECT_EQ(some.files[0].lines, 2000u);
    EXPECT_EQ(some.files[0].passed_over, 2000u - expected.size());
  }
}

TEST(Pipeline, UnrecognizedAndBinaryFilesAreSkippedWithAReason) {
  TempDir dir;
  dir.write("notes.txt", "dear diary\nit rained\n");
  dir.write("wtmp", std::string(4096, '\0'));
  const InputSet inputs = expand_inputs({dir.path().string()});
  Recorder rec;
  const IngestResult r = ingest(inputs, utc_options(), rec);
  ASSERT_EQ(r.files.size(), 2u);
  for (const auto& f : r.files) {
    EXPECT_TRUE(f.format.empty());
    EXPECT_FALSE(f.read_completely);
    if (f.path.ends_with("wtmp")) {
      EXPECT_NE(f.error.find("binary"), std::string::npos) << f.error;
    } else {
      EXPECT_NE(f.error.find("not recognized"), std::string::npos) << f.error;
    }
  }
}

TEST(Pipeline, ReadingDoesNotChangeTheEvidence) {
  TempDir dir;
  const std::string path = dir.write("a.log", combined_lines(100));
  struct timespec old[2] = {{1000000000, 0}, {1000000000, 0}};
  ASSERT_EQ(utimensat(AT_FDCWD, path.c_str(), old, 0), 0);
  Recorder rec;
  ingest(expand_inputs({path}), utc_options(), rec);
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_atim.tv_sec, 1000000000);  // O_NOATIME (we run as the owner)
  EXPECT_EQ(st.st_mtim.tv_sec, 1000000000);
}

TEST(Pipeline, BadLogFormatIsAnError) {
  IngestOptions opt = utc_options();
  opt.log_format = "no-such-format";
  Recorder rec;
  const IngestResult r = ingest(InputSet{}, opt, rec);
  EXPECT_NE(r.error.find("unknown log format"), std::string::npos);
}

}  // namespace
}  // namespace shodo::ingest

namespace shodo::ingest {
namespace {
TEST(Pipeline, CountNewlinesAgreesWithANaiveCount) {
  std::string s;
  for (int i = 0; i < 100000; ++i)
    s += (i * 7919) % 13 == 0 ? '\n' : static_cast<char>('a' + i % 26);
  for (size_t len : {0ul, 1ul, 15ul, 16ul, 17ul, 63ul, 64ul, 65ul, 79ul, 80ul, 127ul, 128ul, 4095ul,
                     4096ul, 4097ul, 99999ul, 100000ul}) {
    const std::string_view v(s.data(), len);
    EXPECT_EQ(count_newlines(v), static_cast<size_t>(std::count(v.begin(), v.end(), '\n'))) << len;
  }
  EXPECT_EQ(count_newlines(std::string(5000, '\n')), 5000u);  // counters must not overflow
}

TEST(Pipeline, SkipLinesStopsAfterTheNthNewline) {
  std::string s;
  for (size_t i = 0; i < 5000; ++i)
    s += (i * 7919) % 13 == 0 ? '\n' : static_cast<char>('a' + i % 26);
  s += "\n\n\n";              // a run of newlines inside one 16-byte step
  std::vector<size_t> after;  // the offset after each newline, the slow way
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n') after.push_back(i + 1);
  for (size_t n = 1; n <= after.size(); ++n) ASSERT_EQ(skip_lines(s, n), after[n - 1]) << n;
  EXPECT_EQ(skip_lines(s, after.size() + 1), std::string_view::npos);
  EXPECT_EQ(skip_lines(s, 0), 0u);
  EXPECT_EQ(skip_lines("", 1), std::string_view::npos);
  EXPECT_EQ(skip_lines(std::string(40, '\n'), 33), 33u);
}
}  // namespace
}  // namespace shodo::ingest

namespace shodo::ingest {
namespace {

// Remembers the largest batch and each batch's file.
class BatchSizes : public EventConsumer {
 public:
  void ordered(const Batch& b) override {
    largest = std::max(largest, b.events.size() + b.bad.size());
    for (const Event& ev : b.events) mismatched += ev.file_index != b.file_index;
    files.push_back(b.file_index);
  }
  size_t largest = 0, mismatched = 0;
  std::vector<uint32_t> files;
};

TEST(Pipeline, TinyLinesCannotInflateABatch) {
  TempDir dir;
  std::string content;
  for (int i = 0; i < 100000; ++i) content += "{}\n";  // a JSON object each: an event each
  const std::string path = dir.write("tiny.log", content);
  BatchSizes sizes;
  const IngestResult r = ingest(expand_inputs({path}), utc_options(), sizes);
  EXPECT_EQ(r.files[0].events, 100000u);
  EXPECT_LE(sizes.largest, 8192u);
}

TEST(Pipeline, BatchesNameTheirFile) {
  TempDir dir;
  dir.write("a/access.log.1", combined_lines(10));
  dir.write("a/access.log", combined_lines(10, 10));
  BatchSizes sizes;
  ingest(expand_inputs({dir.path().string() + "/a"}), utc_options(), sizes);
  EXPECT_EQ(sizes.mismatched, 0u);
  EXPECT_NE(std::find(sizes.files.begin(), sizes.files.end(), 1u), sizes.files.end());
}

TEST(Pipeline, EmptyAndCorruptFilesAreNamed) {
  TempDir dir;
  dir.write("empty.log", "");
  dir.write("bad.log.gz", std::string("\x1f\x8b", 2) + std::string(64, 'x'));
  const InputSet inputs = expand_inputs({dir.path().string()});
  Recorder rec;
  const IngestResult r = ingest(inputs, utc_options(), rec);
  ASSERT_EQ(r.files.size(), 2u);
  for (const FileReport& f : r.files) {
    if (f.path.ends_with("empty.log")) {
      EXPECT_EQ(f.error, "empty file");
      EXPECT_FALSE(f.input_error);
    } else {
      EXPECT_TRUE(f.input_error);
      EXPECT_NE(f.error.find("gzip"), std::string::npos) << f.error;
    }
  }
}

TEST(Pipeline, SymlinksInFoldersAreReportedNotFollowed) {
  TempDir dir;
  const std::string d = dir.path().string();
  dir.write("logs/access.log", combined_lines(2));
  ASSERT_EQ(symlink("/etc/passwd", (d + "/logs/passwd.log").c_str()), 0);
  ASSERT_EQ(symlink(d.c_str(), (d + "/logs/loop").c_str()), 0);
  const InputSet set = expand_inputs({d + "/logs"});
  ASSERT_EQ(set.files.size(), 1u);
  ASSERT_EQ(set.problems.size(), 2u);
  for (const auto& p : set.problems) EXPECT_NE(p.reason.find("symbolic link"), std::string::npos);
}

TEST(Pipeline, VeryDeepTreesAreReportedNotWalkedForever) {
  TempDir dir;
  std::string deep = "top";
  for (int i = 0; i < 140; ++i) deep += "/d";
  dir.write("top/access.log", combined_lines(1));
  dir.write(deep + "/hidden.log", combined_lines(1));
  const InputSet set = expand_inputs({dir.path().string() + "/top"});
  ASSERT_EQ(set.files.size(), 1u);
  ASSERT_EQ(set.problems.size(), 1u);
  EXPECT_NE(set.problems[0].reason.find("too deep"), std::string::npos);
}

TEST(Pipeline, GlobsMatchingFoldersAreWalked) {
  TempDir dir;
  dir.write("host1/logs/access.log", combined_lines(2));
  dir.write("host2/logs/access.log", combined_lines(2));
  const InputSet set = expand_inputs({dir.path().string() + "/host*"});
  EXPECT_EQ(set.files.size(), 2u);
  EXPECT_TRUE(set.problems.empty());
}

TEST(Pipeline, AbsurdDurationsSaturateInsteadOfOverflowing) {
  Event ev;
  EXPECT_EQ(ev.duration_ns(), -1);
  ev.duration_us = 1500;
  EXPECT_EQ(ev.duration_ns(), 1500000);
  ev.duration_us = INT64_MAX / 10;
  EXPECT_EQ(ev.duration_ns(), INT64_MAX);
}

}  // namespace
}  // namespace shodo::ingest
