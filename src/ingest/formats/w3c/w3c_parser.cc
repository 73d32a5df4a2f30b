#include "ingest/formats/w3c/w3c_parser.h"

#include <string>
#include <vector>

#include "ingest/formats/json/source_names.h"
#include "ingest/formats/w3c/url_decode.h"

namespace shodo::ingest::w3c {
namespace {

// More columns than any writer produces: the rest of such a line is noise.
constexpr size_t kMaxColumns = 512;

class W3cParser final : public LineParser {
 public:
  explicit W3cParser(const Dialect& dialect) : dialect_(&dialect) {
    set_columns(dialect.default_fields);
  }

  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override {
    if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    if (line.find_first_not_of(" \t") == std::string_view::npos) return LineResult::meta;
    if (line.front() == '#') return directive(line, ctx);

    values_.clear();
    for (size_t start = 0;;) {
      const size_t end = line.find(dialect_->separator, start);
      values_.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
      if (end == std::string_view::npos || values_.size() > columns_.size()) break;
      start = end + 1;
    }
    const size_t n = values_.size();
    if (from_header_ ? n != columns_.size()
                     : n < dialect_->min_default_fields || n > columns_.size()) {
      ctx.error = from_header_ ? "field count differs from #Fields"
                               : "field count differs from the default layout (no #Fields line)";
      return LineResult::bad;
    }

    mapping::FieldSink sink(ev, ctx);
    for (size_t i = 0; i < n; ++i) {
      std::string_view value = values_[i];
      if (value.empty() || value == "-") continue;
      const Column& col = columns_[i];
      if (col.decode == Decode::plus)
        value = plus_to_space(value, *ctx.arena);
      else if (col.decode == Decode::percent)
        value = percent_decode(value, *ctx.arena);
      const std::string_view key =
          col.static_name.empty() ? ctx.arena->store(col.name) : col.static_name;
      if (!sink.set(col.target, key, value)) return LineResult::bad;
    }
    sink.finish();
    return LineResult::event;
  }

  bool sequential() const override { return true; }

  std::unique_ptr<LineParser> clone() const override { return std::make_unique<W3cParser>(*this); }

 private:
  struct Column {
    std::string name;              // as written in #Fields
    std::string_view static_name;  // the same, when a documented name (no per-line copy)
    mapping::Target target;
    Decode decode = Decode::none;
  };

  template <typename Names>
  void set_columns(const Names& names) {
    columns_.clear();
    for (std::string_view name : names) {
      Column col;
      col.name = std::string(name);
      col.static_name = known_field(name);
      const FieldRule* rule = find_rule(*dialect_, name);
      if (rule && rule->target)
        col.target = *rule->target;
      else
        col.target = mapping::target_for_source(name).value_or(mapping::Target{});
      if (rule) col.decode = rule->decode;
      columns_.push_back(std::move(col));
    }
  }

  // #Software, #Version, #Date, #Remark and the like are meta; #Fields
  // also sets the columns for the lines after it.
  LineResult directive(std::string_view line, ParseContext& ctx) {
    constexpr std::string_view kFields = "#Fields:";
    if (!line.starts_with(kFields)) return LineResult::meta;
    std::vector<std::string_view> names;
    std::string_view rest = line.substr(kFields.size());
    while (!rest.empty()) {
      const size_t start = rest.find_first_not_of(" \t");
      if (start == std::string_view::npos) break;
      rest.remove_prefix(start);
      const size_t end = rest.find_first_of(" \t");
      names.push_back(rest.substr(0, end));
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
    }
    if (names.empty() || names.size() > kMaxColumns) {
      ctx.error = names.empty() ? "#Fields names no field" : "#Fields names too many fields";
      return LineResult::bad;
    }
    set_columns(names);
    from_header_ = true;
    return LineResult::meta;
  }

  const Dialect* dialect_;
  std::vector<Column> columns_;
  bool from_header_ = false;  // false: the dialect's default layout
  std::vector<std::string_view> values_;
};

}  // namespace

std::unique_ptr<LineParser> make_w3c_parser(const Dialect& dialect) {
  return std::make_unique<W3cParser>(dialect);
}

}  // namespace shodo::ingest::w3c
