// Web requests over time: a column per hour (several hours over long
// periods), requests from attacking addresses set apart, on local hours of
// the display zone.
#include <fmt/format.h>

#include <map>

#include "ingest/event_json.h"
#include "report/incident_report_internal.h"

namespace shodo::report::incident {
namespace {

constexpr TimeUs kHour = 3'600'000'000;
constexpr size_t kMaxColumns = 336;  // two weeks of hours still read as columns
constexpr size_t kMaxTicks = 12;
// Hours per column, and columns per axis label: steps that fall on round local times.
constexpr int64_t kSteps[] = {1, 2, 3, 4, 6, 8, 12, 24, 48, 96, 168, 336, 720};

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// The smallest step that makes `count` units at most `limit` groups.
int64_t step_for(int64_t count, size_t limit) {
  for (int64_t step : kSteps)
    if (count <= step * static_cast<int64_t>(limit)) return step;
  return kSteps[std::size(kSteps) - 1];
}

struct Counts {
  uint64_t attack = 0, other = 0;
};

}  // namespace

void add_activity(Builder& b) {
  b.section("Web activity", "アクセス状況");
  const auto& hourly = b.inv.hourly;
  if (hourly.empty()) {
    b.note("No web access log was read, so there is no activity chart.",
           "Web アクセスログがないため、アクセス状況のグラフは作成していません。");
    return;
  }
  // Local wall-clock time less the zone's minutes (India's :30), so column
  // starts are the hours the logs were counted in.
  const int32_t first_offset = b.zone.offset_at(hourly.front().hour);
  const TimeUs minutes = TimeUs{((first_offset % 3600) + 3600) % 3600} * 1'000'000;
  const auto local = [&](TimeUs utc) {
    return utc + TimeUs{b.zone.offset_at(utc)} * 1'000'000 - minutes;
  };
  TimeUs first = INT64_MAX, last = INT64_MIN;
  for (const auto& h : hourly) {
    first = std::min(first, local(h.hour));
    last = std::max(last, local(h.hour));
  }
  const int64_t hours_per_column = step_for((last - first) / kHour + 1, kMaxColumns);
  const TimeUs column = hours_per_column * kHour;
  std::map<int64_t, Counts> columns;
  for (const auto& h : hourly) {
    Counts& c = columns[floor_div(local(h.hour), column)];
    c.attack += h.attack_requests;
    c.other += h.requests - std::min(h.attack_requests, h.requests);
  }

  Chart chart;
  chart.vertical = true;
  chart.title =
      hours_per_column == 1
          ? std::string(b.tr("Web requests per hour", "1 時間ごとの Web リクエスト数"))
          : fmt::format(
                fmt::runtime(b.tr("Web requests per {} hours", "{} 時間ごとの Web リクエスト数")),
                hours_per_column);
  chart.series = {
      {std::string(b.tr("From attacking addresses", "攻撃元からのリクエスト")), Shade::attack},
      {std::string(b.tr("Other requests", "その他のリクエスト")), Shade::neutral}};
  chart.axis_note = fmt::format(fmt::runtime(b.tr("Time ({}, {})", "時刻（{}、UTC{}）")),
                                b.zone.name(), ingest::format_offset(first_offset));
  const int64_t first_key = columns.begin()->first, last_key = columns.rbegin()->first;
  const int64_t tick_every = step_for(last_key - first_key + 1, kMaxTicks);
  const bool days = hours_per_column >= 24;
  for (int64_t key = first_key; key <= last_key; ++key) {
    // format_utc of a local time reads its wall clock: "2024-03-10T01:00:00Z".
    const std::string start = ingest::format_utc(key * column + minutes);
    const std::string label = start.substr(0, 10) + (days ? "" : " " + start.substr(11, 5));
    const auto found = columns.find(key);
    const Counts c = found == columns.end() ? Counts{} : found->second;
    chart.bars.push_back(
        {label,
         floor_div(key, tick_every) * tick_every == key ? label.substr(5) : std::string(),
         {c.attack, c.other}});
  }
  b.add(std::move(chart));
}

}  // namespace shodo::report::incident
