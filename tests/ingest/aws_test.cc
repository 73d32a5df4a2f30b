// Elastic Load Balancing access logs: ALB and Classic ELB.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/formats/registry.h"
#include "support/line_harness.h"

namespace shodo::ingest {
namespace {

using shodo::testing::detect;
using shodo::testing::ParserHarness;

constexpr std::string_view kAlbLine =
    "https 2024-05-01T12:00:00.123456Z app/my-alb/50dc6c495c0c9188 203.0.113.12:46532 "
    "10.0.1.5:8080 0.001 0.045 0.000 200 200 512 1543 "
    "\"GET https://www.example.com:443/wp-login.php?action=lostpassword HTTP/1.1\" "
    "\"Mozilla/5.0 (compatible; ExampleBot/1.0)\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 "
    "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "
    "\"Root=1-65e1f1a0-0123456789abcdef01234567\" \"www.example.com\" "
    "\"arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012\" 1 "
    "2024-05-01T12:00:00.077000Z \"forward\" \"-\" \"-\" \"10.0.1.5:8080\" \"200\" \"-\" \"-\" "
    "TID_0123456789abcdef";

TEST(AwsAlb, FullLine) {
  ParserHarness f("aws_alb");
  ASSERT_TRUE(f.parser);
  ASSERT_EQ(f.feed(kAlbLine), LineResult::event) << f.error();
  const Event& ev = f.ev;
  EXPECT_EQ(f.time(), "2024-05-01T12:00:00.123456Z");
  EXPECT_FALSE(ev.offset_assumed);
  EXPECT_EQ(f.extra("type"), "https");
  EXPECT_EQ(f.extra("elb"), "app/my-alb/50dc6c495c0c9188");
  EXPECT_EQ(ev.client_ip, "203.0.113.12");
  EXPECT_EQ(ev.client_port, 46532);
  EXPECT_EQ(f.extra("target"), "10.0.1.5:8080");
  EXPECT_EQ(f.extra("target_processing_time"), "0.045");
  EXPECT_EQ(ev.duration_us, 46000);
  EXPECT_EQ(ev.status, 200);
  EXPECT_EQ(f.extra("target_status_code"), "200");
  EXPECT_EQ(ev.bytes_received, 512);
  EXPECT_EQ(ev.bytes_total, 1543);
  EXPECT_EQ(ev.method, "GET");
  EXPECT_EQ(ev.vhost, "www.example.com");
  EXPECT_EQ(ev.server_port, 443);
  EXPECT_EQ(ev.path, "/wp-login.php");
  EXPECT_EQ(ev.query, "action=lostpassword");
  EXPECT_EQ(ev.request_target, "/wp-login.php?action=lostpassword");
  EXPECT_EQ(ev.protocol, "HTTP/1.1");
  EXPECT_EQ(ev.user_agent, "Mozilla/5.0 (compatible; ExampleBot/1.0)");
  EXPECT_EQ(f.extra("ssl_protocol"), "TLSv1.2");
  EXPECT_EQ(f.extra("trace_id"), "Root=1-65e1f1a0-0123456789abcdef01234567");
  EXPECT_EQ(f.extra("domain_name"), "www.example.com");
  EXPECT_EQ(f.extra("request_creation_time"), "2024-05-01T12:00:00.077000Z");
  EXPECT_EQ(f.extra("actions_executed"), "forward");
  EXPECT_EQ(f.extra("redirect_url"), "<absent>");
  EXPECT_EQ(f.extra("target_list"), "10.0.1.5:8080");
  EXPECT_EQ(f.extra("conn_trace_id"), "TID_0123456789abcdef");
}

TEST(AwsAlb, TrailingFieldsOlderLinesAndUnmeasuredTimes) {
  ParserHarness f("aws_alb");
  const std::string longer = std::string(kAlbLine) + " \"some-future-field\" 42";
  ASSERT_EQ(f.feed(longer), LineResult::event) << f.error();
  EXPECT_EQ(f.ev.status, 200);
  // A 2017 line stops after the trace id.
  ASSERT_EQ(f.feed("http 2017-01-01T00:00:00.000000Z app/my-alb/1 192.0.2.3:1000 - -1 -1 -1 "
                   "503 - 100 200 \"POST http://192.0.2.1:80/xmlrpc.php HTTP/1.1\" \"-\" - - "
                   "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t/1 "
                   "\"Root=1-58337262-36d228ad5d99923122bbe354\""),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.ev.duration_us, -1);  // -1: not measured
  EXPECT_EQ(f.extra("request_processing_time"), "-1");
  EXPECT_EQ(f.ev.status, 503);
  EXPECT_EQ(f.extra("target"), "<absent>");
  EXPECT_TRUE(f.ev.user_agent.empty());
  EXPECT_EQ(f.ev.vhost, "192.0.2.1");
  EXPECT_EQ(f.ev.path, "/xmlrpc.php");
}

TEST(AwsAlb, AddressesQuotesAndMalformedRequests) {
  ParserHarness f("aws_alb");
  ASSERT_EQ(f.feed("h2 2024-05-01T12:00:00Z app/a/1 [2001:db8::5]:51234 10.0.0.1:80 0 0 0 400 - "
                   "0 0 \"- https://www.example.com:443- -\" \"agent \\\"quoted\\\" \\\\ x\" - - "
                   "- \"-\""),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.ev.client_ip, "2001:db8::5");
  EXPECT_EQ(f.ev.client_port, 51234);
  EXPECT_EQ(f.ev.user_agent, "agent \"quoted\" \\ x");
  EXPECT_TRUE(f.ev.method.empty());
  EXPECT_EQ(f.ev.vhost, "www.example.com");
  EXPECT_EQ(f.ev.duration_us, 0);

  ASSERT_EQ(f.feed("http 2024-05-01T12:00:00Z app/a/1 2001:db8::6:443 - 0 0 0 200 - 0 0 "
                   "\"GET http://example.com:80/ HTTP/1.1\" \"a\" - -"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.ev.client_ip, "2001:db8::6");
  EXPECT_EQ(f.ev.client_port, 443);
}

TEST(AwsAlb, BadLines) {
  ParserHarness f("aws_alb");
  EXPECT_EQ(f.feed("http 2024-05-01T12:00:00Z app/a/1 192.0.2.3:1000 - 0 0 0 200 - 0 0 "
                   "\"GET / HTTP/1.1 \"curl - -"),
            LineResult::bad);
  EXPECT_EQ(f.error(), "unterminated quote");
  EXPECT_EQ(f.feed("http 2024-05-01T12:00:00Z app/a/1 192.0.2.3:1000 - 0 0 0 200"),
            LineResult::bad);
  EXPECT_EQ(f.error(), "too few fields");
  EXPECT_EQ(f.feed("http yesterday app/a/1 192.0.2.3:1000 - 0 0 0 200 - 0 0 \"GET / HTTP/1.1\" "
                   "\"a\" - -"),
            LineResult::bad);
  EXPECT_EQ(f.error(), "bad time");
  EXPECT_EQ(f.feed("http 2024-05-01T12:00:00Z app/a/1 192.0.2.3 - 0 0 0 200 - 0 0 \"GET / "
                   "HTTP/1.1\" \"a\" - -"),
            LineResult::bad);
  EXPECT_EQ(f.feed("http 2024-05-01T12:00:00Z app/a/1 192.0.2.3:1000 - 0 0 0 2x0 - 0 0 \"GET / "
                   "HTTP/1.1\" \"a\" - -"),
            LineResult::bad);
  EXPECT_EQ(f.error(), "bad status");
  EXPECT_EQ(f.feed(""), LineResult::meta);
  const char nul[] = "http 2024-05-01T12:00:00Z app/a/1 192.0.2.3:1000 - 0 0 0 200 - 0 0 \"\0\" x";
  EXPECT_NE(f.feed(std::string_view(nul, sizeof nul - 1)), LineResult::meta);
}

TEST(AwsElb, ClassicLines) {
  ParserHarness f("aws_elb");
  ASSERT_EQ(f.feed("2015-05-13T23:39:43.945958Z my-loadbalancer 192.0.2.20:2817 10.0.0.1:80 "
                   "0.000073 0.001048 0.000057 200 200 0 29 "
                   "\"GET http://www.example.com:80/ HTTP/1.1\" \"curl/7.38.0\" - -"),
            LineResult::event)
      << f.error();
  const Event& ev = f.ev;
  EXPECT_EQ(f.time(), "2015-05-13T23:39:43.945958Z");
  EXPECT_EQ(f.extra("elb"), "my-loadbalancer");
  EXPECT_EQ(ev.client_ip, "192.0.2.20");
  EXPECT_EQ(ev.client_port, 2817);
  EXPECT_EQ(f.extra("backend"), "10.0.0.1:80");
  EXPECT_EQ(ev.duration_us, 1178);
  EXPECT_EQ(ev.status, 200);
  EXPECT_EQ(f.extra("backend_status_code"), "200");
  EXPECT_EQ(ev.bytes_received, 0);
  EXPECT_EQ(ev.bytes_sent, 29);
  EXPECT_EQ(ev.request_target, "/");
  EXPECT_EQ(ev.vhost, "www.example.com");
  EXPECT_EQ(ev.user_agent, "curl/7.38.0");

  // A TCP listener logs no request.
  ASSERT_EQ(f.feed("2015-05-13T23:39:43.945958Z my-loadbalancer 192.0.2.20:2817 10.0.0.1:80 "
                   "0.001069 0.000028 0.000041 - - 82 305 \"- - - \" \"-\" - -"),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.ev.status, -1);
  EXPECT_TRUE(f.ev.method.empty());
  EXPECT_TRUE(f.ev.request_target.empty());
  EXPECT_EQ(f.ev.bytes_sent, 305);

  // Before user_agent and the TLS fields were added.
  ASSERT_EQ(f.feed("2014-02-15T23:39:43.945958Z my-loadbalancer 192.0.2.20:2817 - -1 -1 -1 503 0 "
                   "0 0 \"GET http://www.example.com:80/ HTTP/1.1\""),
            LineResult::event)
      << f.error();
  EXPECT_EQ(f.ev.duration_us, -1);
  EXPECT_EQ(f.ev.status, 503);

  // An ALB line is not a Classic ELB line, nor the other way round.
  EXPECT_EQ(f.feed(kAlbLine), LineResult::bad);
  ParserHarness alb("aws_alb");
  EXPECT_EQ(alb.feed("2015-05-13T23:39:43.945958Z my-loadbalancer 192.0.2.20:2817 10.0.0.1:80 "
                     "0.000073 0.001048 0.000057 200 200 0 29 "
                     "\"GET http://www.example.com:80/ HTTP/1.1\" \"curl/7.38.0\" - -"),
            LineResult::bad);
}

TEST(AwsDetect, EachPresetPicksItsOwnSample) {
  const std::string_view path = "/logs/elb.log";
  EXPECT_EQ(detect({kAlbLine, kAlbLine}, path).choice.name, "aws_alb");
  EXPECT_EQ(detect({"2015-05-13T23:39:43.945958Z my-loadbalancer 192.0.2.20:2817 "
                    "10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 "
                    "\"GET http://www.example.com:80/ HTTP/1.1\" \"curl/7.38.0\" - -"},
                   path)
                .choice.name,
            "aws_elb");
  // Neither claims a combined log line.
  ParserHarness alb("aws_alb"), elb("aws_elb");
  for (ParserHarness* f : {&alb, &elb})
    EXPECT_EQ(f->feed("192.0.2.1 - - [10/Oct/2023:13:55:36 +0000] \"GET / HTTP/1.1\" 200 2326 "
                      "\"-\" \"curl/8\""),
              LineResult::bad);
}

}  // namespace
}  // namespace shodo::ingest
