// The catalogue of log formats: named presets, user format strings, and
// detection by sampling a file's first lines.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/parser.h"

namespace shodo::ingest {

struct FormatInfo {
  std::string name;  // preset name accepted by --log-format
  LogKind kind = LogKind::unknown;
  std::string description;  // one line for `shodo formats`
  std::function<std::unique_ptr<LineParser>()> make;
  // Whether auto-detection tries it (some presets only differ in meaning,
  // e.g. two names for the same layout: only one is tried).
  bool detect = true;
  // Tie-break in detection when two formats parse the sample equally well:
  // the higher, more specific one wins.
  int specificity = 0;
  // Detection by file name alone (shell histories have no telling content):
  // returns true when the name says this format.
  std::function<bool(std::string_view path)> name_says;
};

class FormatRegistry {
 public:
  static const FormatRegistry& instance();

  void add(FormatInfo f) { formats_.push_back(std::move(f)); }
  // The common case: a preset that detection tries.
  void add(std::string name, LogKind kind, std::string description,
           std::function<std::unique_ptr<LineParser>()> make, int specificity);
  const std::vector<FormatInfo>& formats() const { return formats_; }
  const FormatInfo* find(std::string_view name) const;

 private:
  std::vector<FormatInfo> formats_;
};

// Each family of formats adds its presets; one function per file under formats/.
void register_template_formats(FormatRegistry& r);   // Apache/Nginx access logs
void register_w3c_formats(FormatRegistry& r);        // IIS, CloudFront W3C
void register_json_formats(FormatRegistry& r);       // JSON lines, field maps
void register_aws_formats(FormatRegistry& r);        // ALB, classic ELB
void register_syslog_formats(FormatRegistry& r);     // syslog, auth, mail
void register_error_log_formats(FormatRegistry& r);  // Apache/Nginx/PHP error logs
void register_shell_history_formats(FormatRegistry& r);

// A parser for a --log-format value: a preset name, "apache:FORMAT",
// "nginx:FORMAT", or "map:FILE" (JSON/CSV field map). nullptr and an error
// message when the value is not understood.
struct ParserChoice {
  std::unique_ptr<LineParser> parser;
  std::string name;  // what to call the format in reports
  LogKind kind = LogKind::unknown;
};
ParserChoice parser_for_spec(std::string_view spec, std::string& error);

// Picks the format that parses the most of `sample` (the first lines of a
// file). An empty choice when nothing parses at least half of the lines.
struct Detection {
  ParserChoice choice;
  size_t lines_tried = 0;
  size_t lines_parsed = 0;
};
Detection detect_format(const std::vector<std::string_view>& sample, const FileContext& file);

}  // namespace shodo::ingest

namespace shodo::ingest {
// Parsers built from a user's format string or map file (see parser_for_spec).
std::unique_ptr<LineParser> make_apache_format_parser(std::string_view log_format,
                                                      std::string& error);
std::unique_ptr<LineParser> make_nginx_format_parser(std::string_view log_format,
                                                     std::string& error);
std::unique_ptr<LineParser> make_field_map_parser(std::string_view map_file, std::string& error);
}  // namespace shodo::ingest
