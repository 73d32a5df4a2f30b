// Elastic Load Balancing access logs.
#include "ingest/formats/aws/lb_parser.h"
#include "ingest/formats/registry.h"

namespace shodo::ingest {
namespace {

void add(FormatRegistry& r, std::string name, std::string description,
         std::function<std::unique_ptr<LineParser>()> make) {
  FormatInfo f;
  f.name = std::move(name);
  f.kind = LogKind::web_access;
  f.description = std::move(description);
  f.make = std::move(make);
  // Strict layouts (ISO time, address:port, numeric codes in fixed places)
  // that no other format's lines satisfy.
  f.specificity = 60;
  r.add(std::move(f));
}

}  // namespace

void register_aws_formats(FormatRegistry& r) {
  add(r, "aws_alb",
      "AWS Application Load Balancer access log (type time elb client:port target:port ...)",
      [] { return aws::make_alb_parser(); });
  add(r, "aws_elb", "AWS Classic Load Balancer access log (time elb client:port backend:port ...)",
      [] { return aws::make_elb_parser(); });
}

}  // namespace shodo::ingest
