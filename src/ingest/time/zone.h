// Time zones: what a log's local wall-clock time means in UTC.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "ingest/event.h"
#include "ingest/time/civil.h"

namespace shodo::ingest {

// A named IANA zone read from the system tz database (or a fixed offset
// such as "+09:00" / "UTC").
class Zone {
 public:
  // nullptr and an error message when the name is unknown.
  static std::shared_ptr<const Zone> locate(std::string_view name, std::string& error);
  // The machine's zone (/etc/localtime, or TZ); UTC when none is set.
  static std::shared_ptr<const Zone> system();

  virtual ~Zone() = default;
  virtual const std::string& name() const = 0;
  // Offset in force at a local wall-clock second. A time that occurs twice
  // (DST ends) takes the earlier instant; one that never occurs (DST starts)
  // takes the offset before the gap. [valid_from, valid_until) is the local
  // range over which the same answer holds, for caching.
  virtual int32_t offset_at_local(int64_t local_s, int64_t& valid_from,
                                  int64_t& valid_until) const = 0;
};

// Converts civil times to UTC, caching the zone's answer for the local range
// it holds for. One per thread.
class ZoneCache {
 public:
  explicit ZoneCache(const Zone* zone = nullptr) : zone_(zone) {}
  void set_zone(const Zone* zone) {
    zone_ = zone;
    from_ = until_ = 0;
  }
  const Zone* zone() const { return zone_; }

  // Fills the event's time; uses the text's own offset when it had one, the
  // zone otherwise (and marks the offset as assumed).
  void apply(const CivilTime& t, Event& ev);

 private:
  const Zone* zone_;
  int64_t from_ = 0, until_ = 0;
  int32_t offset_ = 0;
};

}  // namespace shodo::ingest
