// findings.json. One layout() per model type lists its members in file
// order; JsonWriter and JsonReader both walk it, so writing and reading can
// never disagree about names, order or types.
#include "report/investigation_json.h"

#include <fmt/format.h>

#include <concepts>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <utility>
#include <vector>

#include "ingest/event_json.h"
#include "ingest/time/civil.h"
#include "report/json_writer.h"
#include "util/hex.h"

namespace shodo::report {
namespace {

using investigate::TimeUs;
using nlohmann::json;

template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

// ---- The layout ----------------------------------------------------------------

template <class V>
void layout(V& v, Is<investigate::Text> auto& t) {
  v.field("en", t.en);
  v.field("ja", t.ja);
}

template <class V>
void layout(V& v, Is<investigate::Citation> auto& c) {
  v.field("file", c.file);
  v.field("line", c.line);
  v.field("offset", c.offset);
  v.field("inode", c.inode);
}

template <class V>
void layout(V& v, Is<investigate::CaseSummary> auto& c) {
  v.field("number", c.number);
  v.field("title", c.title);
  v.field("customer", c.customer);
  v.field("time_zone", c.time_zone);
  v.field("knowledge_date", c.knowledge_date);
  v.field("examiners", c.examiners);
}

template <class V>
void layout(V& v, Is<investigate::Verdict> auto& verdict) {
  v.field("value", verdict.value);
  v.field("confidence", verdict.confidence);
  v.texts_with_findings("reasons", verdict.reasons, verdict.reason_findings);
  v.field("missing", verdict.missing);
}

template <class V>
void layout(V& v, Is<investigate::WindowPoint> auto& p) {
  v.time("time", p.time);
  v.field("what", p.what);
  v.field("citation", p.cite);
  v.field("finding_id", p.finding_id);
}

template <class V>
void layout(V& v, Is<investigate::IncidentWindow> auto& w) {
  v.field("first_malicious", w.first_malicious);
  v.field("compromise", w.compromise);
  v.field("last_activity", w.last_activity);
}

template <class V>
void layout(V& v, Is<investigate::ChainStep> auto& s) {
  v.field("phase", s.phase);
  v.field("techniques", s.techniques);
  v.time("time", s.time);
  v.field("narrative", s.narrative);
  v.field("finding_ids", s.finding_ids);
  v.field("citation", s.cite);
}

template <class V>
void layout(V& v, Is<investigate::Attacker> auto& a) {
  v.field("ip", a.ip);
  v.field("level", a.level);
  v.field("outcome", a.outcome);
  v.field("role", a.role);
  v.time("first_seen", a.first_seen);
  v.time("last_seen", a.last_seen);
  v.field("first_citation", a.first_cite);
  v.field("last_citation", a.last_cite);
  v.field("requests", a.requests);
  v.field("bytes_sent", a.bytes_sent);
  v.field("auth_failures", a.auth_failures);
  v.field("auth_successes", a.auth_successes);
  v.field("techniques", a.techniques);
  v.field("tools", a.tools);
  v.field("user_agents", a.user_agents);
  v.field("files_touched", a.files_touched);
  v.field("finding_ids", a.finding_ids);
}

template <class V>
void layout(V& v, Is<investigate::Webshell> auto& w) {
  v.field("path", w.path);
  v.field("url", w.url);
  v.field("sha256", w.sha256);
  v.time("file_time", w.file_time);
  v.time("first_seen", w.first_seen);
  v.field("uploaded_by", w.uploaded_by);
  v.time("uploaded_at", w.uploaded_at);
  v.field("upload_citation", w.upload_cite);
  v.field("used_by", w.used_by);
  v.time("first_used", w.first_used);
  v.time("last_used", w.last_used);
  v.field("uses", w.uses);
  v.field("first_use_citation", w.first_use_cite);
  v.field("commands", w.commands);
  v.field("finding_ids", w.finding_ids);
}

template <class V>
void layout(V& v, Is<investigate::FindingRecord> auto& f) {
  v.field("id", f.id);
  v.field("origin", f.origin);
  v.field("rule", f.rule);
  v.field("title", f.title);
  v.field("level", f.level);
  v.first("technique", f.techniques);
  v.field("techniques", f.techniques);
  v.time("time", f.time);
  v.time("last_time", f.last_time);
  v.field("utc_offset_s", f.utc_offset_s);
  v.field("outcome", f.outcome);
  v.field("outcome_reason", f.outcome_reason);
  v.field("client_ip", f.client_ip);
  v.field("user", f.user);
  v.field("method", f.method);
  v.field("path", f.path);
  v.known("status", f.status);
  v.known("bytes", f.bytes);
  v.field("count", f.count);
  v.field("source", f.source);
  v.field("excerpt", f.excerpt);
  v.field("detail", f.detail);
  v.field("sha256", f.sha256);
}

template <class V>
void layout(V& v, Is<investigate::ChangedFile> auto& c) {
  v.field("path", c.path);
  v.field("change", c.change);
  v.field("sha256_before", c.sha256_before);
  v.field("sha256_after", c.sha256_after);
  v.field("size", c.size);
  v.time("mtime", c.mtime);
  v.field("assessment", c.assessment);
  v.field("note", c.note);
  v.field("finding_ids", c.finding_ids);
  v.field("diff", c.diff);
}

template <class V>
void layout(V& v, Is<obligations::Statement> auto& s) {
  v.field("text", s.text);
  v.field("rule", s.rule);
}

template <class V>
void layout(V& v, Is<obligations::Category> auto& c) {
  v.field("number", c.number);
  v.field("id", c.id);
  v.field("name", c.name);
  v.field("status", c.status);
  v.field("reason", c.reason);
  v.field("rule", c.rule);
}

template <class V>
void layout(V& v, Is<obligations::Assessment> auto& a) {
  v.field("reportable", a.reportable);
  v.field("summary", a.summary);
  v.field("summary_rule", a.summary_rule);
  v.field("categories", a.categories);
  v.field("sokuho_due", a.sokuho_due);
  v.field("sokuho_earliest", a.sokuho_earliest);
  v.field("kakuho_due", a.kakuho_due);
  v.field("kakuho_days", a.kakuho_days);
  v.field("deadlines", a.deadlines);
  v.field("notify_persons", a.notify_persons);
  v.field("notification", a.notification);
  v.field("card_brand_path", a.card_brand_path);
  v.field("card_steps", a.card_steps);
  v.field("notes", a.notes);
  v.field("disclaimer", a.disclaimer);
}

template <class V>
void layout(V& v, Is<investigate::LeakChannel> auto& c) {
  v.field("kind", c.kind);
  v.field("actor", c.actor);
  v.field("status", c.status);
  v.field("summary", c.summary);
  v.time("start", c.start);
  v.time("end", c.end);
  v.field("targets", c.targets);
  v.field("records", c.records);
  v.field("bytes", c.bytes);
  v.field("data_items", c.data_items);
  v.field("citations", c.cites);
  v.field("finding_ids", c.finding_ids);
}

template <class V>
void layout(V& v, Is<investigate::LeakDataItem> auto& d) {
  v.field("item", d.item);
  v.field("name", d.name);
  v.field("values", d.values);
  v.field("distinct", d.distinct);
  v.field("where", d.where);
  v.field("examples", d.examples);
  v.field("citation", d.cite);
}

template <class V>
void layout(V& v, Is<investigate::PersonsEstimate> auto& p) {
  v.field("min", p.min);
  v.field("max", p.max);
  v.field("method", p.method);
}

template <class V>
void layout(V& v, Is<investigate::CardData> auto& c) {
  v.field("full", c.full);
  v.field("masked", c.masked);
  v.field("test", c.test);
  v.field("brands", c.brands);
}

template <class V>
void layout(V& v, Is<investigate::LeakAssessment> auto& l) {
  v.field("verdict", l.verdict);
  v.field("summary", l.summary);
  v.field("reasons", l.reasons);
  v.field("channels", l.channels);
  v.field("data_items", l.data_items);
  v.field("persons_estimate", l.persons);
  v.field("card_data", l.card_data);
  v.field("sensitive_data", l.sensitive_data);
  v.field("public_body", l.public_body);
  v.time("period_start", l.period_start);
  v.time("period_end", l.period_end);
  v.field("to_narrow", l.to_narrow);
  v.field("appi", l.appi);
}

template <class V>
void layout(V& v, Is<investigate::Action> auto& a) {
  v.field("priority", a.priority);
  v.field("text", a.text);
  v.field("finding_ids", a.finding_ids);
}

template <class V>
void layout(V& v, Is<investigate::Indicator> auto& i) {
  v.field("type", i.type);
  v.field("value", i.value);
  v.field("validated", i.validated);
  v.field("description", i.description);
  v.time("first_seen", i.first_seen);
  v.time("last_seen", i.last_seen);
  v.field("finding_ids", i.finding_ids);
}

template <class V>
void layout(V& v, Is<investigate::EvidenceRecord> auto& e) {
  v.field("item_id", e.item_id);
  v.field("source", e.source);
  v.field("kind", e.kind);
  v.field("role", e.role);
  v.field("size", e.size);
  v.field("sha256", e.sha256);
  v.field("sha1", e.sha1);
  v.field("md5", e.md5);
  v.field("sha256_after", e.sha256_after);
  v.field("unchanged", e.unchanged);
}

template <class V>
void layout(V& v, Is<investigate::SourceStats> auto& s) {
  v.field("file", s.file);
  v.field("format", s.format);
  v.field("kind", s.kind);
  v.field("lines", s.lines);
  v.field("events", s.events);
  v.field("bad_lines", s.bad_lines);
  v.time("first_time", s.first);
  v.time("last_time", s.last);
  v.field("error", s.error);
}

template <class V>
void layout(V& v, Is<investigate::DiskImageRecord::FileSystem> auto& fs) {
  v.field("description", fs.description);
  v.field("fs_type", fs.fs_type);
  v.field("files", fs.files);
  v.field("problem", fs.problem);
}

template <class V>
void layout(V& v, Is<investigate::DiskImageRecord> auto& d) {
  v.field("source", d.source);
  v.field("format", d.format);
  v.field("media_size", d.media_size);
  v.field("partition_table", d.partition_table);
  v.field("file_systems", d.file_systems);
}

template <class V>
void layout(V& v, Is<investigate::HourBucket> auto& h) {
  v.time("hour", h.hour);
  v.field("requests", h.requests);
  v.field("attack_requests", h.attack_requests);
}

template <class V>
void layout(V& v, Is<investigate::TimelineRow> auto& r) {
  v.time("time", r.time);
  v.field("timestamp_desc", r.timestamp_desc);
  v.field("source", r.source);
  v.field("message", r.message);
  v.field("citation", r.cite);
  v.field("finding_id", r.finding_id);
}

template <class V>
void layout(V& v, Is<investigate::Investigation> auto& inv) {
  v.field("schema_version", inv.schema_version);
  v.field("tool", inv.tool);
  v.field("generated_at", inv.generated_at);
  v.field("case", inv.case_info);
  v.field("verdict", inv.verdict);
  v.field("incident_window", inv.window);
  v.field("chain", inv.chain);
  v.field("attackers", inv.attackers);
  v.field("webshells", inv.webshells);
  v.field("findings", inv.findings);
  v.field("changed_files", inv.changed_files);
  v.field("leak", inv.leak);
  v.field("measures", inv.measures);
  v.field("next_steps", inv.next_steps);
  v.field("indicators", inv.indicators);
  v.field("evidence", inv.evidence);
  v.field("stats", inv.stats);
  v.field("images", inv.images);
  v.field("files_scanned", inv.files_scanned);
  v.field("limitations", inv.limitations);
  v.field("hourly", inv.hourly);
  v.field("timeline_excerpt", inv.timeline_excerpt);
}

// ---- Writing -------------------------------------------------------------------

// Writes the layout as indented JSON; strings through append_json_quoted, so
// invalid evidence bytes become \udcNN rather than U+FFFD.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  template <class T>
  void field(std::string_view key, const T& value) {
    key_(key);
    write(value);
  }
  void time(std::string_view key, TimeUs t) {
    key_(key);
    if (t == investigate::kNoTime) {
      out_ += "null";
    } else {
      append_json_quoted(out_, ingest::format_utc(t));
    }
  }
  // -1 (unknown) as null.
  void known(std::string_view key, int64_t value) {
    key_(key);
    out_ += value < 0 ? "null" : std::to_string(value);
  }
  // The first value or null: a singular form for consumers that want one,
  // derived (readers take the list).
  void first(std::string_view key, const std::vector<std::string>& values) {
    key_(key);
    if (values.empty()) {
      out_ += "null";
    } else {
      append_json_quoted(out_, values.front());
    }
  }
  // texts[i] with the finding ids ids[i]: {"en", "ja", "findings"}.
  void texts_with_findings(std::string_view key, const std::vector<investigate::Text>& texts,
                           const std::vector<std::vector<std::string>>& ids) {
    key_(key);
    begin('[');
    for (size_t i = 0; i < texts.size(); ++i) {
      item();
      begin('{');
      layout(*this, texts[i]);
      field("findings", i < ids.size() ? ids[i] : std::vector<std::string>());
      end('}');
    }
    end(']');
  }

  template <class T>
  void write(const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
      append_json_quoted(out_, value);
    } else if constexpr (std::is_same_v<T, bool>) {
      out_ += value ? "true" : "false";
    } else if constexpr (std::is_same_v<T, investigate::Level>) {
      append_json_quoted(out_, investigate::level_name(value));
    } else if constexpr (std::is_integral_v<T>) {
      out_ += std::to_string(value);
    } else if constexpr (IsVector<T>::value) {
      begin('[');
      for (const auto& v : value) {
        item();
        write(v);
      }
      end(']');
    } else {
      begin('{');
      layout(*this, value);
      end('}');
    }
  }

 private:
  // Each member or element on its own line, indented by nesting depth; an
  // empty container stays "[]" / "{}".
  void begin(char open) {
    out_ += open;
    ++depth_;
    first_ = true;
  }
  void end(char close) {
    --depth_;
    if (!first_) newline();
    out_ += close;
    first_ = false;
  }
  void item() {
    if (!first_) out_ += ',';
    first_ = false;
    newline();
  }
  void key_(std::string_view key) {
    item();
    append_json_quoted(out_, key);
    out_ += ": ";
  }
  void newline() {
    out_ += '\n';
    out_.append(2 * depth_, ' ');
  }

  std::string& out_;
  size_t depth_ = 0;
  bool first_ = true;
};

// ---- Reading -------------------------------------------------------------------

// nlohmann::json rejects lone surrogates, and an invalid byte NN is written
// as one (\udcNN). So before parsing, each such escape becomes NUL + U+00NN
// and each real NUL two NULs; raw_string() maps them back. Lossless for any
// JSON text, since a string can hold a NUL only as an escape.
int code_unit_at(std::string_view text, size_t i) {  // of the \uXXXX at i, or -1
  if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return -1;
  int unit = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const int digit = util::hex_value(text[k]);
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

std::string carry_raw_bytes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') in_string = !in_string;
    if (!in_string || c != '\\') {
      out += c;
      continue;
    }
    const int unit = code_unit_at(text, i);
    size_t length = unit < 0 ? 2 : 6;  // \" \n ... or \uXXXX
    if (unit == 0) {
      out += "\\u0000\\u0000";
    } else if (unit >= 0xDC80 && unit <= 0xDCFF) {
      out += "\\u0000\\u00";
      out += text.substr(i + 4, 2);
    } else {
      // A surrogate pair goes through whole: its low half is not a byte.
      const int next = code_unit_at(text, i + 6);
      if (unit >= 0xD800 && unit <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) length = 12;
      out += text.substr(i, length);
    }
    i += length - 1;
  }
  return out;
}

std::string raw_string(const std::string& parsed) {
  if (parsed.find('\0') == std::string::npos) return parsed;
  std::string out;
  for (size_t i = 0; i < parsed.size(); ++i) {
    if (parsed[i] != '\0' || i + 1 >= parsed.size()) {
      out += parsed[i];
    } else if (parsed[i + 1] == '\0') {
      out += '\0';
      ++i;
    } else if (i + 2 < parsed.size()) {  // U+0080..U+00FF: two UTF-8 bytes
      out += static_cast<char>(((parsed[i + 1] & 0x1F) << 6) | (parsed[i + 2] & 0x3F));
      i += 2;
    }
  }
  return out;
}

struct ReadError {
  std::string message;
};

// Fills the model from a parsed object following the layout. Absent members
// keep their defaults; a member of the wrong type throws ReadError naming it.
class JsonReader {
 public:
  JsonReader(const json& object, std::string path) : object_(object), path_(std::move(path)) {}

  template <class T>
  void field(std::string_view key, T& value) {
    if (const json* j = member(key)) read(*j, value, child(key));
  }
  void time(std::string_view key, TimeUs& t) {
    const json* j = member(key);
    if (!j) return;
    if (j->is_null()) {
      t = investigate::kNoTime;
    } else if (!j->is_string() || !parse_findings_time(j->get_ref<const std::string&>(), t)) {
      fail(child(key), "an ISO 8601 time or null");
    }
  }
  template <class T>
  void known(std::string_view key, T& value) {
    const json* j = member(key);
    if (!j) return;
    if (j->is_null()) {
      value = -1;
    } else {
      read(*j, value, child(key));
    }
  }
  void first(std::string_view, const std::vector<std::string>&) {}
  void texts_with_findings(std::string_view key, std::vector<investigate::Text>& texts,
                           std::vector<std::vector<std::string>>& ids) {
    const json* j = member(key);
    if (!j) return;
    if (!j->is_array()) fail(child(key), "an array");
    texts.clear();
    ids.clear();
    for (size_t i = 0; i < j->size(); ++i) {
      const std::string path = child(key) + "[" + std::to_string(i) + "]";
      if (!(*j)[i].is_object()) fail(path, "an object");
      JsonReader item((*j)[i], path);
      layout(item, texts.emplace_back());
      item.field("findings", ids.emplace_back());
    }
  }

 private:
  const json* member(std::string_view key) const {
    const auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }
  std::string child(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  [[noreturn]] static void fail(const std::string& path, const char* expected) {
    throw ReadError{"findings.json: " + path + ": expected " + expected};
  }

  template <class T>
  static void read(const json& j, T& value, const std::string& path) {
    if constexpr (std::is_same_v<T, std::string>) {
      if (!j.is_string()) fail(path, "a string");
      value = raw_string(j.get_ref<const std::string&>());
    } else if constexpr (std::is_same_v<T, bool>) {
      if (!j.is_boolean()) fail(path, "true or false");
      value = j.get<bool>();
    } else if constexpr (std::is_same_v<T, investigate::Level>) {
      if (!j.is_string() || !investigate::parse_level(j.get_ref<const std::string&>(), value))
        fail(path, "a level name");
    } else if constexpr (std::is_unsigned_v<T>) {
      if (!j.is_number_unsigned() || !std::in_range<T>(j.get<uint64_t>()))
        fail(path, "a non-negative integer in range");
      value = static_cast<T>(j.get<uint64_t>());
    } else if constexpr (std::is_integral_v<T>) {
      if (j.is_number_unsigned() && std::in_range<T>(j.get<uint64_t>())) {
        value = static_cast<T>(j.get<uint64_t>());
      } else if (j.is_number_integer() && !j.is_number_unsigned() &&
                 std::in_range<T>(j.get<int64_t>())) {
        value = static_cast<T>(j.get<int64_t>());
      } else {
        fail(path, "an integer in range");
      }
    } else if constexpr (IsVector<T>::value) {
      if (!j.is_array()) fail(path, "an array");
      value.clear();
      for (size_t i = 0; i < j.size(); ++i)
        read(j[i], value.emplace_back(), path + "[" + std::to_string(i) + "]");
    } else {
      if (!j.is_object()) fail(path, "an object");
      JsonReader object(j, path);
      layout(object, value);
    }
  }

  const json& object_;
  std::string path_;
};

}  // namespace

bool parse_findings_time(std::string_view text, investigate::TimeUs& out) {
  ingest::CivilTime c;
  size_t used = 0;
  if (!ingest::parse_iso8601(text, c, used) || used != text.size() || !c.utc_offset_s) return false;
  out = (ingest::civil_to_epoch_seconds(c) - *c.utc_offset_s) * 1'000'000 + c.micros;
  return true;
}

std::string utc_micros_time(investigate::TimeUs t) {
  const TimeUs micros = (t % 1'000'000 + 1'000'000) % 1'000'000;
  std::string whole = ingest::format_utc(t - micros);  // "...:SSZ"
  whole.pop_back();
  return fmt::format("{}.{:06}+00:00", whole, micros);
}

std::string findings_json(const investigate::Investigation& inv) {
  std::string out;
  JsonWriter(out).write(inv);
  out += '\n';
  return out;
}

std::string appi_json(const obligations::Assessment& appi) {
  std::string out;
  JsonWriter(out).write(appi);
  out += '\n';
  return out;
}

bool parse_findings_json(std::string_view text, investigate::Investigation& out,
                         std::string& error) {
  json doc;
  try {
    doc = json::parse(carry_raw_bytes(text));
  } catch (const json::exception& e) {  // malformed, or a number out of range (1e999)
    error = std::string("findings.json is not valid JSON: ") + e.what();
    return false;
  }
  const auto version = doc.is_object() ? doc.find("schema_version") : doc.end();
  if (version == doc.end() || !version->is_number_integer() ||
      *version != investigate::kFindingsSchemaVersion) {
    error = "findings.json: schema_version " +
            (version == doc.end() ? "missing" : version->dump()) +
            " is not supported (this shodo reads version " +
            std::to_string(investigate::kFindingsSchemaVersion) + ")";
    return false;
  }
  out = investigate::Investigation();
  try {
    JsonReader reader(doc, "");
    layout(reader, out);
  } catch (const ReadError& e) {
    error = e.message;
    return false;
  }
  return true;
}

}  // namespace shodo::report
