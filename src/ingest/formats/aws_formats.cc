// Elastic Load Balancing access logs.
#include "ingest/formats/aws/lb_parser.h"
#include "ingest/formats/registry.h"

namespace shodo::ingest {
// Specificity 60: strict layouts (ISO time, address:port, numeric codes in
// fixed places) that no other format's lines satisfy.
void register_aws_formats(FormatRegistry& r) {
  r.add(
      "aws_alb", LogKind::web_access,
      "AWS Application Load Balancer access log (type time elb client:port target:port ...)",
      [] { return aws::make_alb_parser(); }, 60);
  r.add(
      "aws_elb", LogKind::web_access,
      "AWS Classic Load Balancer access log (time elb client:port backend:port ...)",
      [] { return aws::make_elb_parser(); }, 60);
}

}  // namespace shodo::ingest
