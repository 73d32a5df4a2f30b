#include "ingest/formats/template/template.h"

#include <array>
#include <climits>
#include <mutex>
#include <unordered_set>

namespace shodo::ingest::tpl {
namespace {

constexpr uint64_t bit(Field f) {
  return uint64_t{1} << static_cast<unsigned>(f);
}
static_assert(kFieldCount <= 64);

// The event slots a field writes.
uint64_t slots_of(const FieldSpec& s) {
  switch (s.kind) {
    case Kind::extra: return 0;
    case Kind::text:
    case Kind::number: return bit(s.slot);
    case Kind::bytes_clf: return bit(Field::bytes_sent);
    case Kind::duration: return bit(Field::duration);
    case Kind::query: return bit(Field::query);
    case Kind::request_line:
      return bit(Field::method) | bit(Field::request_target) | bit(Field::path) |
             bit(Field::query) | bit(Field::protocol);
    case Kind::request_target:
      return bit(Field::request_target) | bit(Field::path) | bit(Field::query);
    case Kind::time: return bit(Field::timestamp);
  }
  return 0;
}

}  // namespace

std::string_view intern(std::string_view name) {
  // Never freed: names are few (one per distinct field of the formats used).
  static std::mutex mutex;
  static auto* names = new std::unordered_set<std::string>;
  std::lock_guard lock(mutex);
  return *names->emplace(name).first;
}

void TemplateBuilder::literal(std::string_view text) {
  (t_.items.empty() ? t_.lead : t_.items.back().literal) += text;
}

FieldSpec field_spec(Kind kind, Field slot, int priority, std::string name) {
  FieldSpec s;
  s.kind = kind;
  s.slot = slot;
  s.priority = priority;
  s.name = std::move(name);
  return s;
}

void TemplateBuilder::field(FieldSpec spec) {
  specs_.push_back(std::move(spec));
  t_.items.emplace_back();
}

std::shared_ptr<const Template> TemplateBuilder::finish(std::string& error) {
  if (specs_.empty()) {
    error = "the format has no fields";
    return nullptr;
  }
  const size_t n = specs_.size();
  std::array<int, kFieldCount> best;
  std::array<size_t, kFieldCount> winner;
  best.fill(INT_MIN);
  winner.fill(n);
  std::vector<uint64_t> masks(n);
  for (size_t i = 0; i < n; ++i) {
    masks[i] = slots_of(specs_[i]);
    for (size_t f = 0; f < kFieldCount; ++f) {
      if ((masks[i] & bit(static_cast<Field>(f))) && specs_[i].priority > best[f]) {
        best[f] = specs_[i].priority;
        winner[f] = i;
      }
    }
  }

  for (size_t i = 0; i < n; ++i) {
    FieldSpec& s = specs_[i];
    Item& it = t_.items[i];
    bool keep = masks[i] != 0;
    for (size_t f = 0; f < kFieldCount; ++f) {
      if (!(masks[i] & bit(static_cast<Field>(f)))) continue;
      const bool wins =
          static_cast<Field>(f) == Field::timestamp ? s.priority == best[f] : winner[f] == i;
      keep = keep && wins;
    }
    it.kind = s.kind;
    it.slot = s.slot;
    it.time = s.time;
    it.as_extra = !keep;
    it.scale = static_cast<int8_t>(s.scale);
    it.name = intern(s.name);
    if (s.kind == Kind::time && s.time == TimeShape::strftime) {
      it.strftime = static_cast<int16_t>(t_.strftimes.size());
      t_.strftimes.push_back(std::move(s.strftime));
    }
    if (s.kind == Kind::time && keep) ++t_.time_items;

    const std::string& before = i == 0 ? t_.lead : t_.items[i - 1].literal;
    it.quoted =
        !before.empty() && before.back() == '"' && !it.literal.empty() && it.literal.front() == '"';
    it.list = s.list && !it.literal.empty() && it.literal.front() == ' ';
    // Only a time knows where it ends by itself; any other field needs text
    // after it, unless it runs to the end of the line.
    if (it.literal.empty() && i + 1 < n && s.kind != Kind::time) {
      error = "fields " + s.directive + " and " + specs_[i + 1].directive +
              " have nothing between them, so where the first ends cannot be told";
      return nullptr;
    }
  }
  return std::make_shared<const Template>(std::move(t_));
}

}  // namespace shodo::ingest::tpl
