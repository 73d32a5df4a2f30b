#include "ingest/formats/json/object_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "ingest/formats/json/json_string.h"

namespace shodo::ingest::json {
namespace {

namespace sj = simdjson::ondemand;

// Objects nested deeper are kept whole as JSON text rather than flattened.
constexpr int kMaxFlatten = 8;

std::string_view trim_right(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool digits(std::string_view s, size_t& p) {
  const size_t start = p;
  while (p < s.size() && s[p] >= '0' && s[p] <= '9') ++p;
  return p > start;
}

// JSON's number grammar; simdjson leaves tokens it is not asked to convert
// unchecked.
bool valid_number(std::string_view s) {
  size_t p = 0;
  if (p < s.size() && s[p] == '-') ++p;
  if (p < s.size() && s[p] == '0') {
    ++p;
  } else if (!digits(s, p)) {
    return false;
  }
  if (p < s.size() && s[p] == '.' && !digits(s, ++p)) return false;
  if (p < s.size() && (s[p] == 'e' || s[p] == 'E')) {
    ++p;
    if (p < s.size() && (s[p] == '+' || s[p] == '-')) ++p;
    if (!digits(s, p)) return false;
  }
  return p == s.size();
}

}  // namespace

std::string_view keep_key(const Leaf& leaf, Arena& arena) {
  return leaf.key_stable ? leaf.key : arena.store(leaf.key);
}

struct ObjectReader::Impl {
  sj::parser parser;
  // The line copied with simdjson's padding. Bytes >= 0x80 are replaced by
  // 'x' in the copy so that simdjson's UTF-8 check cannot reject a line;
  // every text reported is taken from the caller's line at the same offsets,
  // so the original bytes survive.
  std::unique_ptr<char[]> buf;
  size_t cap = 0;
  std::string path;  // dotted key of the object being walked
  std::string_view line;
  Arena* arena = nullptr;
  LeafVisitor* visitor = nullptr;
  std::string_view error;

  std::string_view original(std::string_view in_buf) const {
    return line.substr(static_cast<size_t>(in_buf.data() - buf.get()), in_buf.size());
  }

  bool fail(std::string_view why) {
    error = why;
    return false;
  }

  // The text between quotes starting at buffer offset `start`, decoded.
  bool string_at(size_t start, size_t end, std::string_view& out) {
    const std::string_view body = line.substr(start, end - start);
    if (body.find('\\') == std::string_view::npos) {
      out = body;
      return true;
    }
    return unescape_string(body, *arena, out) || fail("bad JSON string escape");
  }

  bool key_of(const sj::raw_json_string& raw, std::string_view& out) {
    const size_t start = static_cast<size_t>(raw.raw() - buf.get());
    // The closing quote is the first one not escaped by an odd run of
    // backslashes.
    for (size_t p = line.find('"', start); p != std::string_view::npos; p = line.find('"', p + 1)) {
      size_t slashes = 0;
      while (p - slashes > start && line[p - slashes - 1] == '\\') ++slashes;
      if (slashes % 2 == 0) return string_at(start, p, out);
    }
    return fail("invalid JSON");
  }

  bool string_value(std::string_view token, std::string_view& out) {
    if (token.size() < 2 || token.front() != '"' || token.back() != '"')
      return fail("invalid JSON");
    const size_t start = static_cast<size_t>(token.data() - buf.get()) + 1;
    return string_at(start, start + token.size() - 2, out);
  }

  void emit(std::string_view key, bool stable, std::string_view value, LeafKind kind) {
    visitor->leaf(Leaf{key, stable, value, kind});
  }

  bool walk(sj::object& obj, int depth) {
    for (auto result : obj) {
      sj::field field;
      if (std::move(result).get(field)) return fail("invalid JSON");
      std::string_view name;
      if (!key_of(field.key(), name)) return false;
      const size_t mark = path.size();
      if (mark) path += '.';
      path += name;
      const bool top = mark == 0;
      const std::string_view key = top ? name : std::string_view(path);
      if (!value(field.value(), key, top, depth)) return false;
      path.resize(mark);
    }
    return true;
  }

  bool value(sj::value& v, std::string_view key, bool stable, int depth) {
    sj::json_type type;
    if (v.type().get(type)) return fail("invalid JSON");
    std::string_view raw;
    switch (type) {
      case sj::json_type::object: {
        sj::object child;
        if (v.get_object().get(child)) return fail("invalid JSON");
        if (depth + 1 < kMaxFlatten) return walk(child, depth + 1);
        if (child.raw_json().get(raw)) return fail("invalid JSON");
        emit(key, stable, original(trim_right(raw)), LeafKind::composite);
        return true;
      }
      case sj::json_type::array: {
        sj::array items;
        if (v.get_array().get(items) || items.raw_json().get(raw)) return fail("invalid JSON");
        emit(key, stable, original(trim_right(raw)), LeafKind::composite);
        return true;
      }
      case sj::json_type::string: {
        std::string_view text;
        if (!string_value(trim_right(v.raw_json_token()), text)) return false;
        emit(key, stable, text, LeafKind::string);
        return true;
      }
      case sj::json_type::number:
        raw = trim_right(v.raw_json_token());
        if (!valid_number(raw)) return fail("invalid JSON number");
        emit(key, stable, original(raw), LeafKind::number);
        return true;
      case sj::json_type::boolean:
        raw = trim_right(v.raw_json_token());
        if (raw != "true" && raw != "false") return fail("invalid JSON");
        emit(key, stable, original(raw), LeafKind::boolean);
        return true;
      case sj::json_type::null:
        return trim_right(v.raw_json_token()) == "null" || fail("invalid JSON");
    }
    return fail("invalid JSON");
  }
};

ObjectReader::ObjectReader() : impl_(std::make_unique<Impl>()) {}
ObjectReader::~ObjectReader() = default;

bool ObjectReader::read(std::string_view line, Arena& arena, LeafVisitor& visitor,
                        std::string_view& error) {
  Impl& m = *impl_;
  const size_t need = line.size() + simdjson::SIMDJSON_PADDING;
  if (need > m.cap) {
    m.cap = std::max(need, m.cap * 2);
    m.buf = std::make_unique<char[]>(m.cap);  // zeroed: the padding is read
  }
  char* const copy = m.buf.get();
  std::memcpy(copy, line.data(), line.size());
  // Eight bytes at a time: most lines are ASCII. Reading into the padding
  // is safe, and bytes there are not changed.
  for (size_t i = 0; i < line.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, copy + i, sizeof word);
    if (!(word & 0x8080808080808080ULL)) continue;
    for (size_t j = i; j < std::min(i + 8, line.size()); ++j)
      if (static_cast<unsigned char>(copy[j]) >= 0x80) copy[j] = 'x';
  }
  m.line = line;
  m.arena = &arena;
  m.visitor = &visitor;
  m.path.clear();

  sj::document doc;
  sj::object root;
  if (m.parser.iterate(m.buf.get(), line.size(), m.cap).get(doc)) {
    error = "invalid JSON";
    return false;
  }
  if (const auto err = doc.get_object().get(root)) {
    error = err == simdjson::INCORRECT_TYPE ? "not a JSON object"
            : err == simdjson::INCOMPLETE_ARRAY_OR_OBJECT
                ? "unbalanced JSON (cut short, or text after it)"
                : "invalid JSON";
    return false;
  }
  if (!m.walk(root, 0)) {
    error = m.error;
    return false;
  }
  const char* rest = nullptr;
  const auto err = doc.current_location().get(rest);
  if (err == simdjson::OUT_OF_BOUNDS) return true;
  error = err ? "invalid JSON" : "text after the JSON object";
  return false;
}

}  // namespace shodo::ingest::json
