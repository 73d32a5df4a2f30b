#include "ingest/formats/json/json_lines.h"

#include "ingest/formats/json/field_sink.h"
#include "ingest/formats/json/object_reader.h"
#include "ingest/formats/json/source_names.h"

namespace shodo::ingest::json {

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

std::string_view strip_bom(std::string_view line) {
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  return line;
}

namespace {

// Known keys go to their Event field; everything else, and values that do
// not fit their field (a status of "OK"), are kept as extras.
class AutoMapVisitor final : public LeafVisitor {
 public:
  AutoMapVisitor(mapping::FieldSink& sink, Arena& arena) : sink_(sink), arena_(arena) {}

  void leaf(const Leaf& leaf) override {
    std::optional<mapping::Target> target;
    if (leaf.kind != LeafKind::composite) target = mapping::target_for_source(leaf.key);
    if (target && (leaf.value.empty() || leaf.value == "-")) return;  // Nginx's "no value"
    const std::string_view key = keep_key(leaf, arena_);
    if (!target || !sink_.set(*target, key, leaf.value)) sink_.extra(key, leaf.value);
  }

 private:
  mapping::FieldSink& sink_;
  Arena& arena_;
};

class JsonLinesParser final : public LineParser {
 public:
  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override {
    if (is_blank(line)) return LineResult::meta;
    mapping::FieldSink sink(ev, ctx);
    AutoMapVisitor visitor(sink, *ctx.arena);
    if (!reader_.read(strip_bom(line), *ctx.arena, visitor, ctx.error)) return LineResult::bad;
    sink.finish();
    // Valid JSON with no web field is still an event of its own.
    if (!sink.any()) ev.message = line;
    return LineResult::event;
  }

  std::unique_ptr<LineParser> clone() const override {
    return std::make_unique<JsonLinesParser>();
  }

 private:
  ObjectReader reader_;
};

}  // namespace

std::unique_ptr<LineParser> make_json_lines_parser() { return std::make_unique<JsonLinesParser>(); }

}  // namespace shodo::ingest::json
