// Dense numbers for client addresses, shared by the detectors that keep
// state per client: the detector set numbers each event's client before the
// detectors see it (one look-up, or two for an address not yet numbered)
// instead of one look-up per detector, and per-client state in vectors
// indexed by number.
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
  // for new addresses once max_clients have a number. `hash` is hash(ip).
  uint32_t id(std::string_view ip, uint64_t hash);
  uint32_t id(std::string_view ip) { return id(ip, hash(ip)); }
  // The same when a look-ahead found the number already (known() gave it;
  // numbers are never reassigned): no second look-up.
  uint32_t id(std::string_view ip, uint64_t hash, uint32_t known) {
    if (known == kNone) return id(ip, hash);
    last_was_refused_ = false;
    return known;
  }
  static uint64_t hash(std::string_view ip);
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
  // The last address refused a number, and whether the last look-up was
  // it: a run of its events counts once.
  std::string last_refused_;
  bool last_was_refused_ = false;
};

// Where a detector's per-client states lie, so a look-ahead can fetch a
// client's into cache without a call into the detector.
struct ClientStateArea {
  const char* data = nullptr;
  size_t count = 0;
  size_t stride = 0;

  void prefetch(uint32_t id) const {
    if (id < count) __builtin_prefetch(data + id * stride);
  }
};

// The state of client `id` in a vector indexed by client number, which
// `area` keeps describing.
template <typename T>
T& client_state(std::vector<T>& states, uint32_t id, ClientStateArea& area) {
  if (id >= states.size()) {
    states.resize(id + 1);
    area = {reinterpret_cast<const char*>(states.data()), states.size(), sizeof(T)};
  }
  return states[id];
}

}  // namespace shodo::detect
