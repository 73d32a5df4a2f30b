#include "detect/stateful/web_outcome.h"

#include <gtest/gtest.h>

#include "support/web_traffic.h"

namespace shodo::testing {
namespace {

using detect::Finding;
using detect::Outcome;

class StatefulWebOutcome : public ::testing::Test {
 protected:
  void SetUp() override {
    // 311 answers of about 1,020 bytes on product pages.
    for (int i = 0; i < 311; ++i) {
      Record r;
      r.client_ip = "10.0.0.1";
      r.method = "GET";
      r.path = "/products/" + std::to_string(1000 + i);
      r.status = 200;
      r.bytes = i % 10 == 0 ? 990 : 1020;
      sizes_->observe(to_event(r));
    }
  }
  Finding assessed(int32_t status, int64_t bytes, std::string path = "/products/4242") {
    Finding f;
    f.method = "GET";
    f.path = std::move(path);
    f.status = status;
    f.bytes = bytes;
    outcome_.assess(f);
    return f;
  }
  detect::DetectorOptions options_ = [] {
    detect::DetectorOptions o;
    o.block_page_sizes = {3187};
    return o;
  }();
  std::shared_ptr<detect::PathSizes> sizes_ = std::make_shared<detect::PathSizes>();
  detect::WebOutcome outcome_{options_, sizes_};
};

TEST_F(StatefulWebOutcome, BigBodyIsALikelySuccess) {
  const Finding f = assessed(200, 48213);
  EXPECT_EQ(f.outcome, Outcome::likely_success);
  EXPECT_EQ(f.outcome_reason,
            "200 with 48,213 bytes; this path usually answers 1,020 bytes (median of 311 "
            "responses)");
}

TEST_F(StatefulWebOutcome, UsualBodyIsAnAttempt) {
  const Finding f = assessed(200, 1100);
  EXPECT_EQ(f.outcome, Outcome::attempted);
  EXPECT_EQ(f.outcome_reason,
            "200 with 1,100 bytes, like the usual; this path usually answers 1,020 bytes (median "
            "of 311 responses)");
  EXPECT_EQ(assessed(302, 0).outcome, Outcome::attempted);
  EXPECT_EQ(assessed(200, 90000, "/never-seen").outcome, Outcome::attempted);
}

TEST_F(StatefulWebOutcome, RefusalsAndBlockPagesAreBlocked) {
  for (int32_t status : {401, 403, 404, 405, 406, 429, 500, 503}) {
    const Finding f = assessed(status, 48213);
    EXPECT_EQ(f.outcome, Outcome::blocked) << status;
  }
  EXPECT_EQ(assessed(403, 10).outcome_reason, "refused: answered 403");
  const Finding waf = assessed(200, 3187);
  EXPECT_EQ(waf.outcome, Outcome::blocked);
  EXPECT_EQ(waf.outcome_reason, "200 with 3,187 bytes, the size of the WAF block page");
}

TEST_F(StatefulWebOutcome, KeepsKnownOutcomesAndNeedsAStatus) {
  Finding known;
  known.outcome = Outcome::success;
  known.status = 403;
  outcome_.assess(known);
  EXPECT_EQ(known.outcome, Outcome::success);
  EXPECT_EQ(assessed(-1, -1).outcome, Outcome::unknown);
}

}  // namespace
}  // namespace shodo::testing
