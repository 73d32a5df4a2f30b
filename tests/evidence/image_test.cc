// Disk images: split raw read as one stream, E01 made with ewfacquire with
// its stored hashes checked.
#include <gtest/gtest.h>

#include "evidence/evidence_fixture.h"

namespace {

using shodo::testing::CaseFixture;
using shodo::testing::run_shell;

std::string pattern(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 31) ^ (i >> 9));
  return s;
}

TEST(Images, SplitRawIsHashedAsOneStream) {
  CaseFixture c;
  const std::string whole = pattern(3 * 65536 + 100);
  const std::string img = c.tmp.write("img/whole.dd", whole);
  ASSERT_EQ(run_shell("cd " + (c.tmp.path() / "img").string() +
                      " && split -b 65536 -d -a 3 --numeric-suffixes=1 whole.dd disk."),
            0);
  auto r = c.acquire((c.tmp.path() / "img/disk.001").string());
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_EQ(r.items[0].item.kind, "split-raw");
  EXPECT_EQ(r.items[0].item.size, whole.size());
  shodo::evidence::Hashes h;
  uint64_t size;
  ASSERT_TRUE(shodo::evidence::hash_path(img, h, size).ok);
  EXPECT_EQ(r.items[0].item.hashes.sha256, h.sha256);
  EXPECT_NE(r.items[0].item.metadata_json.find("disk.004"), std::string::npos);
  auto raw = c.acquire(img);
  EXPECT_EQ(raw.items[0].item.kind, "raw-image");
}

TEST(Images, E01StoredHashesAreCheckedAndSegmentsStored) {
  CaseFixture c;
  const std::string media = c.tmp.write("img/media.raw", pattern(3 << 20));
  const std::string base = (c.tmp.path() / "img/evidence").string();
  ASSERT_EQ(run_shell("ewfacquire -u -q -t " + base +
                      " -C T-001 -E 1 -e tester -D test -N none "
                      "-d sha1 -S 1MiB -c none " +
                      media + " >/dev/null 2>&1"),
            0);
  auto r = c.acquire(base + ".E01");
  ASSERT_GE(r.items.size(), 2u);  // several 1 MiB segments
  for (const auto& e : r.items) EXPECT_EQ(e.item.kind, "e01-segment");
  ASSERT_EQ(r.e01.size(), 1u);
  EXPECT_TRUE(r.e01[0].match);
  shodo::evidence::Hashes h;
  uint64_t size;
  ASSERT_TRUE(shodo::evidence::hash_path(media, h, size).ok);
  EXPECT_EQ(r.e01[0].media.md5, h.md5);
  EXPECT_EQ(r.e01[0].stored_md5, h.md5);
  EXPECT_EQ(r.e01[0].stored_sha1, h.sha1);
  std::vector<shodo::cases::CustodyEvent> events;
  ASSERT_TRUE(c.store->events(r.items[0].item.id, events).ok);
  EXPECT_EQ(events.back().action, "verified");
  EXPECT_EQ(events.back().matched, "yes");
}

}  // namespace
