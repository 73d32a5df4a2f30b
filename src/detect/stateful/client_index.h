// Dense numbers for client addresses, shared by the detectors that keep
// state per client: one hash lookup per event instead of one per detector
// (the others find the same address in a one-entry cache), and per-client
// state in vectors indexed by number.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace shodo::detect {

class ClientIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // At most `max_clients` addresses get a number (per-client state is
  // bounded: millions of addresses from a botnet or forged logs).
  explicit ClientIndex(size_t max_clients = kNone)
      : max_(max_clients < kNone ? max_clients : kNone) {}

  // The address's number, assigned on first sight; kNone for no address and
  // for new addresses once max_clients have a number.
  uint32_t id(std::string_view ip) {
    if (ip.empty()) return kNone;
    // The very text hint() was given (the same event's): its hash is known,
    // and after the first detector asks, its number.
    const bool hinted = ip.data() == hinted_.data() && ip.size() == hinted_.size();
    if (hinted && hinted_known_) return last_id_;
    if (ip != last_) {
      last_.assign(ip);
      last_id_ = hinted && hinted_id_ != kNone ? hinted_id_
                                               : find_or_add(ip, hinted ? hinted_hash_ : hash(ip));
    }
    hinted_known_ = hinted;
    return last_id_;
  }
  static uint64_t hash(std::string_view ip);
  // The address of the event about to be observed, its hash and its number
  // (when known() gave one), from a look-ahead: its first id() neither
  // hashes it again nor looks it up.
  void hint(std::string_view ip, uint64_t hash, uint32_t id = kNone) {
    hinted_ = ip;
    hinted_hash_ = hash;
    hinted_id_ = id;
    hinted_known_ = false;
  }
  // For looking ahead of the events being observed, without the side
  // effects of id(): fetch the address's slot into cache; its number if it
  // has one already.
  void prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }
  uint32_t known(std::string_view ip, uint64_t hash) const;

  const std::string& name(uint32_t id) const { return names_[id]; }
  size_t max_clients() const { return max_; }
  // Look-ups of addresses that got no number (runs of one address's events
  // count once).
  uint64_t refused() const { return refused_; }

 private:
  // The slot holding `ip`, or the empty one where it would go.
  size_t find(std::string_view ip, uint64_t hash) const;
  uint32_t find_or_add(std::string_view ip, uint64_t hash);
  void grow();

  size_t max_;
  uint64_t refused_ = 0;
  // Open addressing, the address kept in its slot (one cache line): a
  // look-up of a known address reads one line, not a chain of nodes.
  struct alignas(64) Slot {
    static constexpr size_t kInline = 51;  // an IPv6 address fits
    uint64_t hash = 0;
    uint32_t id = kNone;  // kNone: empty
    uint8_t size = 0;     // of the inline name; longer names are only in names_
    char name[kInline];
  };
  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  std::vector<std::string> names_;
  std::string last_;  // a copy: event text does not outlive its batch
  uint32_t last_id_ = kNone;
  std::string_view hinted_;  // into the event being observed
  uint64_t hinted_hash_ = 0;
  uint32_t hinted_id_ = kNone;
  bool hinted_known_ = false;  // last_id_ is the hinted text's
};

// The state of client `id` in a vector indexed by client number.
template <typename T>
T& client_state(std::vector<T>& states, uint32_t id) {
  if (id >= states.size()) states.resize(id + 1);
  return states[id];
}

// Fetches the state of client `id` into cache, when it has one.
template <typename T>
void prefetch_client_state(const std::vector<T>& states, uint32_t id) {
  if (id < states.size()) __builtin_prefetch(&states[id]);
}

}  // namespace shodo::detect
