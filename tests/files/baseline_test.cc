// Baseline manifest and diff: added, changed, removed; the unified diff of a
// defaced page against the known-good release; known-good files skipped.
#include <gtest/gtest.h>

#include <filesystem>

#include "files/files.h"
#include "support/temp_dir.h"

using namespace shodo;

namespace {

std::unique_ptr<fsview::View> open_dir(const std::filesystem::path& p) {
  std::string error;
  return fsview::open_directory(p.string(), error);
}

const files::Change* find(const files::DiffResult& r, const std::string& path) {
  for (const auto& c : r.changes)
    if ((c.after.path.empty() ? c.before.path : c.after.path) == path) return &c;
  return nullptr;
}

TEST(Baseline, ManifestRoundTripsIncludingNonUtf8Names) {
  shodo::testing::TempDir t;
  t.write("a.php", "<?php echo 1;");
  t.write(std::string("b\xff\x01.txt"), "x");
  std::vector<fsview::Problem> problems;
  auto entries = files::make_baseline(*open_dir(t.path()), "/", problems);
  ASSERT_EQ(entries.size(), 2u);
  std::vector<files::ManifestEntry> back;
  std::string error;
  ASSERT_TRUE(files::parse_manifest(files::manifest_to_jsonl(entries), back, error)) << error;
  ASSERT_EQ(back.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back[i].path, entries[i].path);
    EXPECT_EQ(back[i].sha256, entries[i].sha256);
    EXPECT_EQ(back[i].mtime, entries[i].mtime);
  }
  EXPECT_FALSE(files::parse_manifest("{not json\n", back, error));
}

TEST(Baseline, DiffShowsAddedChangedRemovedAndTheDefacement) {
  shodo::testing::TempDir good, site;
  good.write("index.html", "<html>\n<h1>Welcome</h1>\n<p>shop</p>\n</html>\n");
  good.write("about.html", "about us\n");
  good.write("lib/core.php", "<?php // release file\n");
  std::vector<fsview::Problem> problems;
  auto baseline = files::make_baseline(*open_dir(good.path()), "/", problems);

  site.write("index.html", "<html>\n<h1>Hacked by \x1b[31mX</h1>\n<p>shop</p>\n</html>\n");
  site.write("lib/core.php", "<?php // release file\n");
  site.write("lib/new.php", "<?php // dropped\n");
  auto good_view = open_dir(good.path());
  files::DiffOptions o;
  o.known_good = good_view.get();
  auto r = files::diff(baseline, *open_dir(site.path()), o);
  ASSERT_EQ(r.changes.size(), 3u);
  const auto* index = find(r, "/index.html");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->kind, files::Change::Kind::changed);
  EXPECT_NE(index->unified_diff.find("-<h1>Welcome</h1>"), std::string::npos);
  EXPECT_NE(index->unified_diff.find("+<h1>Hacked by"), std::string::npos);
  EXPECT_EQ(find(r, "/lib/new.php")->kind, files::Change::Kind::added);
  EXPECT_EQ(find(r, "/about.html")->kind, files::Change::Kind::removed);
}

TEST(Baseline, KnownGoodTreeAndHashesSkipPristineFiles) {
  shodo::testing::TempDir release, site;
  release.write("wp-includes/version.php", "<?php $v = '6.4';\n");
  site.write("wp-includes/version.php", "<?php $v = '6.4';\n");
  site.write("wp-includes/extra.php", "<?php // plugin file\n");
  auto rel = open_dir(release.path());
  files::DiffOptions o;
  o.known_good = rel.get();
  auto r = files::diff({}, *open_dir(site.path()), o);
  EXPECT_EQ(r.skipped_known_good, 1u);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].after.path, "/wp-includes/extra.php");

  files::DiffOptions by_hash;
  by_hash.known_good_hashes = {r.changes[0].after.sha256};
  auto r2 = files::diff({}, *open_dir(site.path()), by_hash);
  EXPECT_EQ(r2.skipped_known_good, 1u);
  ASSERT_EQ(r2.changes.size(), 1u);
  EXPECT_EQ(r2.changes[0].after.path, "/wp-includes/version.php");
}

}  // namespace
