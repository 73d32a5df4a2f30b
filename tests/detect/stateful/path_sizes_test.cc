// The per-path size baseline: paths differing only in numbers share one, and
// no two others ever do.
#include "detect/stateful/path_sizes.h"

#include <gtest/gtest.h>

#include <string>

#include "support/web_traffic.h"

namespace shodo::testing {
namespace {

void answer(detect::PathSizes& sizes, const std::string& path, int64_t bytes,
            int32_t status = 200) {
  Record r;
  r.client_ip = "10.0.0.1";
  r.method = "GET";
  r.path = path;
  r.status = status;
  r.bytes = bytes;
  sizes.observe(to_event(r));
}

TEST(PathSizes, PathsDifferingInNumbersShareABaseline) {
  detect::PathSizes sizes;
  for (int i = 0; i < 40; ++i) answer(sizes, "/products/" + std::to_string(1000 + i * 37), 2000);
  answer(sizes, "/products/7", 2000, 404);  // not a 2xx: not counted
  const auto b = sizes.baseline("/products/99");
  EXPECT_EQ(b.responses, 40u);
  EXPECT_EQ(b.median, 2000);
  EXPECT_EQ(sizes.baseline("/products/x").responses, 0u);
}

// Thousands of paths, the table growing under them: each keeps its own
// baseline, short and long ones alike.
TEST(PathSizes, ManyPathsKeepTheirOwnBaselinesAsTheTableGrows) {
  detect::PathSizes sizes;
  const auto path = [](int i) {
    return "/static/" + std::string(static_cast<size_t>(i % 200), 'x') + "/f" +
           std::string(1, static_cast<char>('a' + i % 26)) + "-" +
           std::string(i / 26 % 26 + 1, 'y');
  };
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 3000; ++i) answer(sizes, path(i), 1000 + i);
  for (int i = 0; i < 3000; ++i) {
    const auto b = sizes.baseline(path(i));
    ASSERT_EQ(b.responses, 3u) << path(i);
    ASSERT_EQ(b.median, 1000 + i) << path(i);
  }
}

// Same length, same last bytes: the paths take turns in one slot of the
// recent paths, and each keeps its own baseline.
TEST(PathSizes, PathsSharingARecentSlotKeepTheirOwnBaselines) {
  detect::PathSizes sizes;
  const std::string a = "/static/aa/app.css", b = "/static/bb/app.css", c = "/items/12/app.css";
  for (int i = 0; i < 50; ++i) {
    answer(sizes, a, 1000);
    answer(sizes, a, 1000);
    answer(sizes, b, 5000);
    answer(sizes, c, 7000);
  }
  EXPECT_EQ(sizes.baseline(a).responses, 100u);
  EXPECT_EQ(sizes.baseline(a).median, 1000);
  EXPECT_EQ(sizes.baseline(b).responses, 50u);
  EXPECT_EQ(sizes.baseline(b).median, 5000);
  EXPECT_EQ(sizes.baseline("/items/99/app.css").median, 7000);
}

}  // namespace
}  // namespace shodo::testing
