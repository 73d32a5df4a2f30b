#include "ingest/time/zone.h"

#include <date/tz.h>

#include <chrono>
#include <cstdlib>

namespace shodo::ingest {
namespace {

class FixedZone final : public Zone {
 public:
  FixedZone(std::string name, int32_t offset) : name_(std::move(name)), offset_(offset) {}
  const std::string& name() const override { return name_; }
  int32_t offset_at_local(int64_t, int64_t& from, int64_t& until) const override {
    from = INT64_MIN;
    until = INT64_MAX;
    return offset_;
  }

 private:
  std::string name_;
  int32_t offset_;
};

class IanaZone final : public Zone {
 public:
  explicit IanaZone(const date::time_zone* tz) : tz_(tz), name_(std::string(tz->name())) {}
  const std::string& name() const override { return name_; }

  int32_t offset_at_local(int64_t local_s, int64_t& from, int64_t& until) const override {
    using namespace std::chrono;
    const date::local_seconds lt{seconds{local_s}};
    const date::local_info info = tz_->get_info(lt);
    const date::sys_info& first = info.first;
    const int32_t off = static_cast<int32_t>(first.offset.count());
    switch (info.result) {
      case date::local_info::unique: {
        // Cache only the part of the local range at least a day away from a
        // transition: times near one are asked again, so gaps and overlaps
        // (and the day Samoa skipped) are always resolved by the zone itself.
        constexpr int64_t kMargin = 86400;
        from = first.begin == date::sys_seconds::min()
                   ? INT64_MIN
                   : first.begin.time_since_epoch().count() + off + kMargin;
        until = first.end == date::sys_seconds::max()
                    ? INT64_MAX
                    : first.end.time_since_epoch().count() + off - kMargin;
        return off;
      }
      case date::local_info::ambiguous:
        // Repeated hour when DST ends: take the earlier instant (first offset).
        from = local_s;
        until = local_s + 1;
        return off;
      case date::local_info::nonexistent:
      default:
        // Skipped hour when DST starts: read it with the offset before the gap.
        from = local_s;
        until = local_s + 1;
        return off;
    }
  }

 private:
  const date::time_zone* tz_;
  std::string name_;
};

// "+09:00", "-0530", "UTC+9" style fixed offsets.
bool parse_fixed_offset(std::string_view s, int32_t& out) {
  if (s.starts_with("UTC") || s.starts_with("GMT")) s.remove_prefix(3);
  if (s.empty()) {
    out = 0;
    return true;
  }
  if (s[0] != '+' && s[0] != '-') return false;
  const int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  int h = 0, m = 0;
  size_t i = 0;
  auto d = [](char c) { return c >= '0' && c <= '9'; };
  while (i < s.size() && d(s[i]) && i < 2) h = h * 10 + (s[i++] - '0');
  if (i == 0) return false;
  if (i < s.size() && s[i] == ':') ++i;
  size_t j = i;
  while (j < s.size() && d(s[j]) && j - i < 2) m = m * 10 + (s[j++] - '0');
  if (j != s.size() || h > 23 || m > 59 || (j != i && j - i != 2)) return false;
  out = sign * (h * 3600 + m * 60);
  return true;
}

}  // namespace

std::shared_ptr<const Zone> Zone::locate(std::string_view name, std::string& error) {
  int32_t off = 0;
  if (parse_fixed_offset(name, off)) return std::make_shared<FixedZone>(std::string(name), off);
  try {
    return std::make_shared<IanaZone>(date::locate_zone(name));
  } catch (const std::exception& e) {
    error = "unknown time zone '" + std::string(name) +
            "' (use an IANA name such as Asia/Tokyo, or an offset such as +09:00)";
    return nullptr;
  }
}

std::shared_ptr<const Zone> Zone::system() {
  // TZ holds an IANA name (optionally ":name" or a zoneinfo path). Its POSIX
  // rule forms ("UTC-9" means UTC+9, "JST-9") are not offsets in the ISO
  // sense, so they are not read as such: the machine's zone is used instead.
  if (const char* tz = std::getenv("TZ"); tz && *tz) {
    std::string_view name = tz[0] == ':' ? tz + 1 : tz;
    if (auto at = name.find("zoneinfo/"); at != std::string_view::npos) name.remove_prefix(at + 9);
    try {
      return std::make_shared<IanaZone>(date::locate_zone(name));
    } catch (const std::exception&) {
    }
  }
  try {
    return std::make_shared<IanaZone>(date::current_zone());
  } catch (const std::exception&) {
    return std::make_shared<FixedZone>("UTC", 0);
  }
}

void ZoneCache::apply(const CivilTime& t, Event& ev) {
  const int64_t local = civil_to_epoch_seconds(t);
  int32_t off;
  if (t.utc_offset_s) {
    off = *t.utc_offset_s;
    ev.offset_assumed = false;
  } else {
    if (local < from_ || local >= until_) {
      offset_ = zone_ ? zone_->offset_at_local(local, from_, until_) : 0;
      if (!zone_) {
        from_ = INT64_MIN;
        until_ = INT64_MAX;
      }
    }
    off = offset_;
    ev.offset_assumed = true;
  }
  ev.utc_offset_s = off;
  ev.time = (local - off) * 1000000 + t.micros;
}

}  // namespace shodo::ingest
