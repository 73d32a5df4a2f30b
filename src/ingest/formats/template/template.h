// A log format compiled into literal text and fields, shared by Apache
// LogFormat and Nginx log_format: each field ends where the literal after it
// begins (or, for times, where its shape ends).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/event.h"
#include "ingest/formats/template/escapes.h"
#include "ingest/formats/template/time_fields.h"
#include "ingest/parser.h"

namespace shodo::ingest::tpl {

// How a field's text becomes part of the event.
enum class Kind : uint8_t {
  extra,           // an extra field, by name
  text,            // a text slot of the event
  number,          // a count slot: status, ports, pid, byte counts
  bytes_clf,       // %b: a byte count written "-" for zero
  duration,        // time taken, read as a decimal scaled to microseconds
  query,           // a query string; a leading '?' is dropped
  request_line,    // METHOD SP TARGET SP PROTOCOL
  request_target,  // path?query as sent
  time,            // all or part of the event's time
};

// One field as a format language describes it.
struct FieldSpec {
  std::string directive;  // as written, for messages: "%{Referer}i", "$uri"
  Kind kind = Kind::extra;
  Field slot = Field::count_;  // the slot of text and number fields
  // When several fields write the same slots, the highest priority wins (the
  // first of equals); the others become extras. Time parts of the highest
  // priority all contribute.
  int priority = 1;
  std::string name;   // extra name, also when it loses its slots
  bool list = false;  // comma-separated list (X-Forwarded-For): ", " does not end it
  TimeShape time = TimeShape::clf;
  int scale = 0;  // for durations: fraction digits of the unit (s 6, ms 3, us 0)
  StrftimeFormat strftime;
};

// A field spec filling `slot` (or an extra, for Kind::extra).
FieldSpec field_spec(Kind kind, Field slot, int priority, std::string name);

// A compiled field and the literal text that follows it.
struct Item {
  Kind kind = Kind::extra;
  Field slot = Field::count_;
  TimeShape time = TimeShape::clf;
  bool as_extra = false;  // stored under `name` instead of its slots
  bool quoted = false;    // between '"'s: ends at an unescaped quote
  bool list = false;
  int8_t scale = 0;
  int16_t strftime = -1;  // index into Template::strftimes
  std::string_view name;  // interned: outlives every parser and event
  std::string literal;    // empty only for the last field or a time
};

struct Template {
  Escape escape = Escape::apache;
  std::string lead;  // literal text before the first field
  std::vector<Item> items;
  std::vector<StrftimeFormat> strftimes;
  int time_items = 0;  // items that set the event's time
};

// Collects literals and fields in order, then resolves which field fills
// each slot and checks that every field has an end.
class TemplateBuilder {
 public:
  explicit TemplateBuilder(Escape escape) { t_.escape = escape; }
  void literal(std::string_view text);
  void field(FieldSpec spec);
  // The template, or nullptr with `error` set.
  std::shared_ptr<const Template> finish(std::string& error);

 private:
  Template t_;
  std::vector<FieldSpec> specs_;  // parallel to t_.items
};

// A stable copy of a field name: events keep views of it.
std::string_view intern(std::string_view name);

// The Common and Combined Log Formats are read without interpreting the
// template, line by line where the line has their plain shape; the template
// reads every other line. `fixed_layouts` false interprets the template for
// every line (tests compare both ways).
std::unique_ptr<LineParser> make_template_parser(std::shared_ptr<const Template> t,
                                                 bool fixed_layouts = true);

// An Apache LogFormat string (as in httpd.conf, with or without its quotes,
// \" escapes and nickname), or nullptr with `error` set.
std::shared_ptr<const Template> compile_apache(std::string_view format, std::string& error);
// An Nginx log_format value: optional "escape=..." then one or more quoted
// pieces as in nginx.conf, or the bare format string.
std::shared_ptr<const Template> compile_nginx(std::string_view format, std::string& error);

}  // namespace shodo::ingest::tpl
