#include "ingest/formats/json/json_lines.h"

#include <string>
#include <vector>

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

// Most JSON logs write the same keys in the same order on every line: the
// target found for the n-th key is kept and reused while that key recurs.
class KeyCache {
 public:
  const std::optional<mapping::Target>& find(size_t index, std::string_view key) {
    if (index < slots_.size() && slots_[index].key == key) return slots_[index].target;
    if (index >= kMaxSlots) {
      scratch_ = mapping::target_for_source(key);
      return scratch_;
    }
    if (index >= slots_.size()) slots_.resize(index + 1);
    slots_[index].key.assign(key);
    slots_[index].target = mapping::target_for_source(key);
    return slots_[index].target;
  }

 private:
  struct Slot {
    std::string key;
    std::optional<mapping::Target> target;
  };
  static constexpr size_t kMaxSlots = 256;
  std::vector<Slot> slots_;
  std::optional<mapping::Target> scratch_;
};

// Known keys go to their Event field; everything else, and values that do
// not fit their field (a status of "OK"), are kept as extras.
class AutoMapVisitor final : public LeafVisitor {
 public:
  AutoMapVisitor(mapping::FieldSink& sink, Arena& arena, KeyCache& keys)
      : sink_(sink), arena_(arena), keys_(keys) {}

  void leaf(const Leaf& leaf) override {
    const size_t index = index_++;
    const std::optional<mapping::Target>* target = nullptr;
    if (leaf.kind != LeafKind::composite) target = &keys_.find(index, leaf.key);
    const bool known = target && target->has_value();
    if (known && (leaf.value.empty() || leaf.value == "-")) return;  // Nginx's "no value"
    const std::string_view key = keep_key(leaf, arena_);
    if (!known || !sink_.set(**target, key, leaf.value)) sink_.extra(key, leaf.value);
  }

 private:
  mapping::FieldSink& sink_;
  Arena& arena_;
  KeyCache& keys_;
  size_t index_ = 0;
};

class JsonLinesParser final : public LineParser {
 public:
  LineResult parse(std::string_view line, Event& ev, ParseContext& ctx) override {
    if (is_blank(line)) return LineResult::meta;
    mapping::FieldSink sink(ev, ctx);
    AutoMapVisitor visitor(sink, *ctx.arena, keys_);
    if (!reader_.read(strip_bom(line), *ctx.arena, visitor, ctx.error)) return LineResult::bad;
    sink.finish();
    // Valid JSON with no web field is still an event of its own.
    if (!sink.any()) ev.message = line;
    return LineResult::event;
  }

  std::unique_ptr<LineParser> clone() const override { return std::make_unique<JsonLinesParser>(); }

 private:
  ObjectReader reader_;
  KeyCache keys_;
};

}  // namespace

std::unique_ptr<LineParser> make_json_lines_parser() {
  return std::make_unique<JsonLinesParser>();
}

}  // namespace shodo::ingest::json
