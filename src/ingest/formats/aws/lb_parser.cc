#include "ingest/formats/aws/lb_parser.h"

#include <array>
#include <span>
#include <vector>

#include "ingest/formats/aws/lb_fields.h"
#include "ingest/formats/json/conversions.h"
#include "ingest/formats/json/field_sink.h"

namespace shodo::ingest::aws {
namespace {

using mapping::Conv;
using mapping::kSpecific;
using mapping::Target;

struct Column {
  std::string_view name;  // the documented name; extras keep it
  Target target;          // default: kept as an extra
};

struct Layout {
  std::span<const Column> columns;
  // Lines written before AWS appended later fields stop early.
  size_t min_fields;
  // The request, target/backend and response processing times, in seconds
  // (-1 when not measured): their sum is the event's duration.
  std::array<size_t, 3> timings;
};

constexpr Target kTime{Field::timestamp, Conv::time_iso8601, kSpecific};
constexpr Target kClient{Field::client_ip, Conv::host_port, kSpecific};
constexpr Target kStatus{Field::status, Conv::count, kSpecific};
constexpr Target kRequest{Field::request_target, Conv::request_line, kSpecific};
constexpr Target kUserAgent{Field::user_agent, Conv::text, kSpecific};
constexpr Target kReceived{Field::bytes_received, Conv::count, kSpecific};

// Application Load Balancer, in the documented order. AWS appends fields
// over time; more than these are tolerated and ignored.
constexpr Column kAlb[] = {
    {"type", {}},
    {"time", kTime},
    {"elb", {}},
    {"client", kClient},
    {"target", {}},
    {"request_processing_time", {}},
    {"target_processing_time", {}},
    {"response_processing_time", {}},
    {"elb_status_code", kStatus},
    {"target_status_code", {}},
    {"received_bytes", kReceived},
    // Headers included, for HTTP.
    {"sent_bytes", {Field::bytes_total, Conv::count, kSpecific}},
    {"request", kRequest},
    {"user_agent", kUserAgent},
    {"ssl_cipher", {}},
    {"ssl_protocol", {}},
    {"target_group_arn", {}},
    {"trace_id", {}},
    {"domain_name", {}},
    {"chosen_cert_arn", {}},
    {"matched_rule_priority", {}},
    {"request_creation_time", {}},
    {"actions_executed", {}},
    {"redirect_url", {}},
    {"error_reason", {}},
    {"target_list", {}},
    {"target_status_code_list", {}},
    {"classification", {}},
    {"classification_reason", {}},
    {"conn_trace_id", {}},
};

// Classic Load Balancer.
constexpr Column kElb[] = {
    {"time", kTime},
    {"elb", {}},
    {"client", kClient},
    {"backend", {}},
    {"request_processing_time", {}},
    {"backend_processing_time", {}},
    {"response_processing_time", {}},
    {"elb_status_code", kStatus},
    {"backend_status_code", {}},
    {"received_bytes", kReceived},
    // The body only, for HTTP.
    {"sent_bytes", {Field::bytes_sent, Conv::count, kSpecific}},
    {"request", kRequest},
    {"user_agent", kUserAgent},
    {"ssl_cipher", {}},
    {"ssl_protocol", {}},
};

// ALB lines have held the fields up to ssl_protocol since the first ones;
// Classic ELB added user_agent and the TLS fields to its first twelve.
constexpr Layout kAlbLayout{kAlb, 16, {5, 6, 7}};
constexpr Layout kElbLayout{kElb, 12, {4, 5, 6}};

class LbParser final : public LineParser {
 public:
  explicit LbParser(const Layout& layout) : layout_(&layout) {}

  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override {
    if (line.find_first_not_of(" \t") == std::string_view::npos) return LineResult::meta;
    const auto& columns = layout_->columns;
    if (!split_fields(line, columns.size(), *ctx.arena, fields_, ctx.error)) return LineResult::bad;
    if (fields_.size() < layout_->min_fields) {
      ctx.error = "too few fields";
      return LineResult::bad;
    }
    mapping::FieldSink sink(ev, ctx);
    for (size_t i = 0; i < fields_.size(); ++i) {
      const std::string_view value = fields_[i];
      if (value.empty() || value == "-") continue;
      if (!sink.set(columns[i].target, columns[i].name, value)) return LineResult::bad;
    }
    int64_t total = 0;
    for (size_t i : layout_->timings) {
      int64_t us = 0;
      // "-1" (not measured) does not parse: no duration then.
      if (total < 0 || !mapping::parse_duration_in(fields_[i], mapping::Unit::s, us))
        total = -1;
      else
        total += us;
    }
    if (total >= 0) ev.duration_us = total;
    sink.finish();
    return LineResult::event;
  }

  std::unique_ptr<LineParser> clone() const override {
    return std::make_unique<LbParser>(*layout_);
  }

 private:
  const Layout* layout_;
  std::vector<std::string_view> fields_;
};

}  // namespace

std::unique_ptr<LineParser> make_alb_parser() {
  return std::make_unique<LbParser>(kAlbLayout);
}
std::unique_ptr<LineParser> make_elb_parser() {
  return std::make_unique<LbParser>(kElbLayout);
}

}  // namespace shodo::ingest::aws
