#include "ingest/formats/json/field_map.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

namespace shodo::ingest::json {
namespace {

using Json = nlohmann::json;
using mapping::Conv;
using mapping::Target;

struct Choice {
  std::string_view name;
  Conv conv;
};

constexpr Choice kTimeFormats[] = {
    {"iso8601", Conv::time_iso8601}, {"clf", Conv::time_clf},      {"epoch_s", Conv::epoch_s},
    {"epoch_ms", Conv::epoch_ms},    {"epoch_us", Conv::epoch_us}, {"epoch_ns", Conv::epoch_ns},
    {"auto", Conv::time_auto},
};
constexpr Choice kDurationUnits[] = {
    {"s", Conv::duration_s},
    {"ms", Conv::duration_ms},
    {"us", Conv::duration_us},
    {"ns", Conv::duration_ns},
};

template <size_t N>
std::string choices(const Choice (&list)[N]) {
  std::string out;
  for (size_t i = 0; i < N; ++i) {
    out += i == 0 ? "" : i + 1 == N ? " or " : ", ";
    out += '"';
    out += list[i].name;
    out += '"';
  }
  return out;
}

class Loader {
 public:
  Loader(std::string_view path, FieldMapSpec& spec, std::string& error)
      : path_(path), spec_(spec), error_(error) {}

  bool load() {
    Json root;
    if (!read(root)) return false;
    if (!root.is_object())
      return fail(std::string("the top level must be a JSON object, not ") + root.type_name());
    for (const auto& item : root.items()) {
      static constexpr std::string_view kKeys[] = {
          "format", "header", "columns", "fields", "time", "duration", "url_decode", "description"};
      if (std::find(std::begin(kKeys), std::end(kKeys), item.key()) == std::end(kKeys))
        return fail("unknown key \"" + item.key() +
                    "\" (expected format, header, columns, fields, time, duration, url_decode or "
                    "description)");
    }
    if (root.contains("description") && !root["description"].is_string())
      return fail("\"description\" must be a string");
    return format(root) && layout(root) && fields(root) &&
           special(root, "time", Field::timestamp, kTimeFormats, "format") &&
           special(root, "duration", Field::duration, kDurationUnits, "unit") && decoded(root) &&
           finish();
  }

 private:
  bool fail(const std::string& message) {
    error_ = "field map " + path_ + ": " + message;
    return false;
  }

  bool read(Json& root) {
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
      error_ = "cannot read field map " + path_ + ": " + std::strerror(errno);
      return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    try {
      root = Json::parse(text.str());
    } catch (const Json::exception& e) {
      // Malformed, or a number out of range (7777e777). Keep nlohmann's
      // "parse error at line L, column C: ..." without its tag.
      std::string_view what = e.what();
      if (const size_t tag = what.find("] "); tag != std::string_view::npos)
        what.remove_prefix(tag + 2);
      return fail("not valid JSON: " + std::string(what));
    }
    return true;
  }

  bool format(const Json& root) {
    if (!root.contains("format"))
      return fail("\"format\" is missing: give \"json\", \"csv\" or \"tsv\"");
    const Json& f = root["format"];
    const std::string name = f.is_string() ? f.get<std::string>() : std::string();
    if (name == "json")
      spec_.format = FieldMapSpec::Format::json;
    else if (name == "csv")
      spec_.format = FieldMapSpec::Format::csv;
    else if (name == "tsv")
      spec_.format = FieldMapSpec::Format::tsv;
    else
      return fail("\"format\" must be \"json\", \"csv\" or \"tsv\", not " + f.dump());
    return true;
  }

  bool layout(const Json& root) {
    const bool delimited = spec_.format != FieldMapSpec::Format::json;
    if (root.contains("header")) {
      if (!delimited) return fail("\"header\" applies to csv and tsv maps only");
      if (!root["header"].is_boolean()) return fail("\"header\" must be true or false");
      spec_.header = root["header"].get<bool>();
    }
    if (root.contains("columns")) {
      if (!delimited) return fail("\"columns\" applies to csv and tsv maps only");
      const Json& cols = root["columns"];
      if (!cols.is_array() || cols.empty())
        return fail("\"columns\" must be a non-empty array of column names");
      for (size_t i = 0; i < cols.size(); ++i) {
        if (!cols[i].is_string() || cols[i].get<std::string>().empty())
          return fail("\"columns\"[" + std::to_string(i) + "] must be a non-empty string, not " +
                      cols[i].dump());
        std::string name = cols[i].get<std::string>();
        if (std::find(spec_.columns.begin(), spec_.columns.end(), name) != spec_.columns.end())
          return fail("\"columns\" names \"" + name + "\" twice");
        spec_.columns.push_back(std::move(name));
      }
    }
    if (delimited && spec_.header && !spec_.columns.empty())
      return fail("give either \"header\": true or \"columns\", not both");
    if (delimited && !spec_.header && spec_.columns.empty())
      return fail(
          "a csv or tsv map needs \"header\": true (the first line names the columns) or "
          "\"columns\"");
    return true;
  }

  bool add(std::string_view what, const std::string& source, Target target) {
    for (const auto& [other, t] : spec_.sources) {
      if (t.field == target.field)
        return fail(std::string(what) + ": " + std::string(field_name(target.field)) +
                    " is mapped twice (from \"" + other + "\" and \"" + source + "\")");
      if (other == source)
        return fail(std::string(what) + ": \"" + source + "\" is the source of two fields");
    }
    if (!spec_.columns.empty() &&
        std::find(spec_.columns.begin(), spec_.columns.end(), source) == spec_.columns.end())
      return fail(std::string(what) + ": \"" + source + "\" is not one of \"columns\"");
    spec_.sources.emplace_back(source, target);
    return true;
  }

  bool fields(const Json& root) {
    if (!root.contains("fields")) return true;
    const Json& fields = root["fields"];
    if (!fields.is_object())
      return fail("\"fields\" must be an object of shodo field names to source keys");
    for (const auto& item : fields.items()) {
      const std::string where = "\"fields\".\"" + item.key() + "\"";
      const std::optional<Field> f = field_by_name(item.key());
      if (!f)
        return fail(where +
                    " is not a shodo field (use an ECS name such as source.ip or an alias such as "
                    "c-ip; see docs/fields.md)");
      if (*f == Field::raw)
        return fail(where + " cannot be mapped: event.original is always the line itself");
      if (!item.value().is_string() || item.value().get<std::string>().empty())
        return fail(where + " must be a non-empty string naming a source " +
                    (spec_.format == FieldMapSpec::Format::json ? "key" : "column") + ", not " +
                    item.value().dump());
      if (!add(where, item.value().get<std::string>(), mapping::default_target(*f))) return false;
    }
    return true;
  }

  // "time" and "duration": a source field plus how to read it.
  template <size_t N>
  bool special(const Json& root, const char* name, Field field, const Choice (&list)[N],
               const char* how) {
    if (!root.contains(name)) return true;
    const std::string where = std::string("\"") + name + "\"";
    const Json& obj = root[name];
    if (!obj.is_object())
      return fail(where + " must be an object: {\"field\": SOURCE, \"" + how +
                  "\": " + choices(list) + "}");
    for (const auto& item : obj.items())
      if (item.key() != "field" && item.key() != how)
        return fail(where + ": unknown key \"" + item.key() + "\" (expected field and " + how +
                    ")");
    if (!obj.contains("field") || !obj["field"].is_string() ||
        obj["field"].get<std::string>().empty())
      return fail(where + ".field must be a non-empty string naming the source");
    if (!obj.contains(how) || !obj[how].is_string())
      return fail(where + "." + how + " must be one of " + choices(list));
    const std::string value = obj[how].get<std::string>();
    const Choice* choice = std::find_if(std::begin(list), std::end(list),
                                        [&](const Choice& c) { return c.name == value; });
    if (choice == std::end(list))
      return fail(where + "." + how + " must be one of " + choices(list) + ", not \"" + value +
                  "\"");
    return add(where, obj["field"].get<std::string>(), {field, choice->conv, mapping::kSpecific});
  }

  bool decoded(const Json& root) {
    if (!root.contains("url_decode")) return true;
    const Json& list = root["url_decode"];
    if (!list.is_array()) return fail("\"url_decode\" must be an array of source names");
    for (size_t i = 0; i < list.size(); ++i) {
      if (!list[i].is_string() || list[i].get<std::string>().empty())
        return fail("\"url_decode\"[" + std::to_string(i) + "] must be a non-empty string, not " +
                    list[i].dump());
      const std::string name = list[i].get<std::string>();
      if (!spec_.columns.empty() &&
          std::find(spec_.columns.begin(), spec_.columns.end(), name) == spec_.columns.end())
        return fail("\"url_decode\": \"" + name + "\" is not one of \"columns\"");
      spec_.url_decoded.push_back(name);
    }
    std::sort(spec_.url_decoded.begin(), spec_.url_decoded.end());
    return true;
  }

  bool finish() {
    if (spec_.sources.empty()) return fail("maps no field: give \"fields\" (and \"time\")");
    std::sort(spec_.sources.begin(), spec_.sources.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return true;
  }

  std::string path_;
  FieldMapSpec& spec_;
  std::string& error_;
};

}  // namespace

const mapping::Target* FieldMapSpec::find(std::string_view source) const {
  auto it = std::lower_bound(sources.begin(), sources.end(), source,
                             [](const auto& s, std::string_view k) { return s.first < k; });
  return it != sources.end() && it->first == source ? &it->second : nullptr;
}

bool FieldMapSpec::decodes(std::string_view source) const {
  return std::binary_search(url_decoded.begin(), url_decoded.end(), source,
                            [](std::string_view a, std::string_view b) { return a < b; });
}

bool load_field_map(std::string_view path, FieldMapSpec& spec, std::string& error) {
  spec = FieldMapSpec{};
  return Loader(path, spec, error).load();
}

}  // namespace shodo::ingest::json
