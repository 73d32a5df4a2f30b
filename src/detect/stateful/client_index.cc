#include "detect/stateful/client_index.h"

#include "util/hash.h"
#include "util/open_table.h"

namespace shodo::detect {

uint64_t ClientIndex::hash(std::string_view ip) {
  // Keyed: an attacker with a block of IPv6 addresses could otherwise pick
  // ones that share a slot.
  return util::table_hash<0>(ip);
}

size_t ClientIndex::find(std::string_view ip, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  for (; slots_[i].id != kNone; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.hash != hash) continue;
    if (ip.size() <= Slot::kInline ? ip == std::string_view(s.name, s.size) : names_[s.id] == ip)
      break;
  }
  return i;
}

uint32_t ClientIndex::known(std::string_view ip, uint64_t hash) const {
  return ip.empty() ? kNone : slots_[find(ip, hash)].id;
}

uint32_t ClientIndex::id(std::string_view ip, uint64_t hash) {
  if (ip.empty()) return kNone;
  const size_t i = find(ip, hash);
  const bool was_refused = last_was_refused_;
  last_was_refused_ = slots_[i].id == kNone && names_.size() >= max_;
  if (slots_[i].id != kNone) return slots_[i].id;
  if (last_was_refused_) {
    if (!was_refused || ip != last_refused_) {
      ++refused_;
      last_refused_.assign(ip);
    }
    return kNone;
  }
  const auto id = static_cast<uint32_t>(names_.size());
  names_.emplace_back(ip);
  Slot& s = slots_[i];
  s.hash = hash;
  s.id = id;
  // A name too long to keep inline has size 0 and is compared in names_.
  s.size = ip.size() <= Slot::kInline ? static_cast<uint8_t>(ip.size()) : 0;
  ip.copy(s.name, s.size);
  if (names_.size() * 2 > slots_.size())
    util::double_open_table(slots_, [](const Slot& slot) { return slot.id != kNone; });
  return id;
}

}  // namespace shodo::detect
