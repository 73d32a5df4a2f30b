#include "ingest/formats/json/field_map_parser.h"

#include <string>
#include <vector>

#include "ingest/formats/json/csv_line.h"
#include "ingest/formats/json/json_lines.h"
#include "ingest/formats/json/object_reader.h"
#include "ingest/formats/w3c/url_decode.h"

namespace shodo::ingest::json {
namespace {

bool absent(std::string_view v) {
  return v.empty() || v == "-";
}

class MapVisitor final : public LeafVisitor {
 public:
  MapVisitor(const FieldMapSpec& spec, mapping::FieldSink& sink, ParseContext& ctx)
      : spec_(spec), sink_(sink), ctx_(ctx) {}

  void leaf(const Leaf& leaf) override {
    const mapping::Target* target = spec_.find(leaf.key);
    if (target && absent(leaf.value)) return;
    const std::string_view key = keep_key(leaf, *ctx_.arena);
    std::string_view value = leaf.value;
    if (leaf.kind == LeafKind::string && spec_.decodes(leaf.key))
      value = w3c::percent_decode(value, *ctx_.arena);
    if (!target) {
      sink_.extra(key, value);
    } else if (ok_ && !sink_.set(*target, key, value)) {
      ok_ = false;
      reason_ = ctx_.error;
    }
  }

  bool ok() const { return ok_; }
  std::string_view reason() const { return reason_; }

 private:
  const FieldMapSpec& spec_;
  mapping::FieldSink& sink_;
  ParseContext& ctx_;
  bool ok_ = true;
  std::string_view reason_;
};

class MappedParser final : public LineParser {
 public:
  explicit MappedParser(std::shared_ptr<const FieldMapSpec> spec) : spec_(std::move(spec)) {
    if (!spec_->columns.empty()) set_columns(spec_->columns);
  }
  // A copy takes the columns learned from a header, not the scratch state.
  MappedParser(const MappedParser& other)
      : LineParser(),
        spec_(other.spec_),
        columns_(other.columns_),
        header_seen_(other.header_seen_),
        header_line_(other.header_line_) {}

  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override {
    if (is_blank(line)) return LineResult::meta;
    line = strip_bom(line);
    mapping::FieldSink sink(ev, ctx);
    const LineResult result = spec_->format == FieldMapSpec::Format::json
                                  ? parse_json(line, sink, ctx)
                                  : parse_delimited(line, sink, ctx);
    if (result != LineResult::event) return result;
    sink.finish();
    if (!sink.any()) ev.message = line;
    return result;
  }

  bool sequential() const override { return spec_->header; }

  std::unique_ptr<LineParser> clone() const override {
    return std::make_unique<MappedParser>(*this);
  }

 private:
  struct Column {
    std::string name;
    const mapping::Target* target = nullptr;  // nullptr: kept as an extra
    bool decode = false;                      // named in "url_decode"
  };

  void set_columns(const std::vector<std::string>& names) {
    columns_.clear();
    for (const std::string& name : names)
      columns_.push_back({name, spec_->find(name), spec_->decodes(name)});
  }

  LineResult parse_json(std::string_view line, mapping::FieldSink& sink, ParseContext& ctx) {
    MapVisitor visitor(*spec_, sink, ctx);
    if (!reader_.read(line, *ctx.arena, visitor, ctx.error)) return LineResult::bad;
    if (!visitor.ok()) {
      ctx.error = visitor.reason();
      return LineResult::bad;
    }
    return LineResult::event;
  }

  LineResult parse_delimited(std::string_view line, mapping::FieldSink& sink, ParseContext& ctx) {
    const bool csv = spec_->format == FieldMapSpec::Format::csv;
    const char separator = csv ? ',' : '\t';
    if (spec_->header && (!header_seen_ || line == header_line_)) {
      // The first line names the columns; later copies of it come from
      // files concatenated with their headers.
      if (header_seen_) return LineResult::meta;
      if (!split_delimited(line, separator, csv, *ctx.arena, cells_, ctx.error))
        return LineResult::bad;
      std::vector<std::string> names(cells_.begin(), cells_.end());
      set_columns(names);
      header_seen_ = true;
      header_line_ = line;
      return LineResult::meta;
    }
    if (!split_delimited(line, separator, csv, *ctx.arena, cells_, ctx.error))
      return LineResult::bad;
    if (cells_.size() != columns_.size()) {
      ctx.error = spec_->header ? "column count differs from the header line"
                                : "column count differs from the map's \"columns\"";
      return LineResult::bad;
    }
    for (size_t i = 0; i < cells_.size(); ++i) {
      std::string_view value = cells_[i];
      const Column& col = columns_[i];
      if (absent(value) && (col.target || value.empty())) continue;
      if (col.decode) value = w3c::percent_decode(value, *ctx.arena);
      const std::string_view key = ctx.arena->store(col.name);
      if (!col.target)
        sink.extra(key, value);
      else if (!sink.set(*col.target, key, value))
        return LineResult::bad;
    }
    return LineResult::event;
  }

  std::shared_ptr<const FieldMapSpec> spec_;
  std::vector<Column> columns_;
  bool header_seen_ = false;
  std::string header_line_;
  ObjectReader reader_;
  std::vector<std::string_view> cells_;
};

}  // namespace

std::unique_ptr<LineParser> make_mapped_parser(std::shared_ptr<const FieldMapSpec> spec) {
  return std::make_unique<MappedParser>(std::move(spec));
}

}  // namespace shodo::ingest::json
