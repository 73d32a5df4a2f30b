// Elastic Load Balancing access logs: Application Load Balancer ("aws_alb")
// and Classic Load Balancer ("aws_elb"), one engine over two layouts.
#pragma once

#include <memory>

#include "ingest/parser.h"

namespace shodo::ingest::aws {

std::unique_ptr<LineParser> make_alb_parser();
std::unique_ptr<LineParser> make_elb_parser();

}  // namespace shodo::ingest::aws
