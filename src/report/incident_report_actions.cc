// What to do: the interim measures by urgency, the next steps, and the
// deadlines the Act on the Protection of Personal Information sets from the
// day the organisation learned of the incident.
#include <fmt/format.h>

#include "report/incident_report_internal.h"

namespace shodo::report::incident {
namespace {

constexpr std::string_view kPriorities[] = {"now", "today", "this-week"};

bool known_priority(std::string_view p) {
  for (auto known : kPriorities)
    if (p == known) return true;
  return false;
}

Inlines action_item(const Builder& b, const investigate::Action& a) {
  Inlines item{plain(b.text(a.text))};
  b.cite(item, a.finding_ids);
  return item;
}

// The reporting deadlines, as the leak assessment decided them (its section
// gives the reasons and rules).
void add_milestones(Builder& b) {
  b.subsection("Legal deadlines", "法令上の期限");
  const obligations::Assessment& appi = b.inv.leak.appi;
  if (appi.categories.empty()) {
    b.add(Paragraph{{plain(b.text(appi.summary))}});
    return;
  }
  if (appi.sokuho_due.empty()) {
    for (const auto& d : appi.deadlines) b.add(Paragraph{{plain(b.text(d.text))}});
    return;
  }
  Table table{{std::string(b.tr("Milestone", "項目")), std::string(b.tr("Due by", "期限")),
               std::string(b.tr("Basis", "根拠"))},
              {false, false, false},
              {}};
  table.rows.push_back(
      {{plain(std::string(b.tr("PPC preliminary report", "個人情報保護委員会への速報")))},
       {strong(appi.sokuho_due)},
       {plain(std::string(b.tr("Promptly: about 3–5 days from ",
                               "速やかに（概ね 3〜5 日以内）："
                               "起算日 ")) +
              b.inv.case_info.knowledge_date)}});
  table.rows.push_back(
      {{plain(std::string(b.tr("PPC final report", "個人情報保護委員会への確報")))},
       {strong(appi.kakuho_due)},
       {plain(fmt::format(fmt::runtime(b.tr("Within {} days from {}", "{1} から {0} 日以内")),
                          appi.kakuho_days, b.inv.case_info.knowledge_date))}});
  b.add(std::move(table));
}

}  // namespace

void add_measures(Builder& b) {
  b.section("Interim measures", "暫定策");
  const auto& measures = b.inv.measures;
  if (measures.empty()) {
    b.note("No interim measure is recommended at this point.",
           "現時点で推奨する暫定策はありません。");
    return;
  }
  const auto add_group = [&](std::string heading, auto belongs) {
    List list;
    for (const auto& m : measures)
      if (belongs(m.priority)) list.items.push_back(action_item(b, m));
    if (list.items.empty()) return;
    b.add(Heading{3, std::move(heading), {}});
    b.add(std::move(list));
  };
  for (auto priority : kPriorities)
    add_group(b.words(Term::priority, priority),
              [&](const std::string& p) { return p == priority; });
  add_group(std::string(b.tr("Other", "その他")),
            [](const std::string& p) { return !known_priority(p); });
}

void add_next_steps(Builder& b) {
  b.section("Next steps and milestones", "今後の対応");
  if (b.inv.next_steps.empty()) {
    b.note("No further step is planned yet.", "今後の対応は未定です。");
  } else {
    List list;
    for (const auto& step : b.inv.next_steps) {
      Inlines item;
      if (!step.priority.empty())
        item = {strong(b.words(Term::priority, step.priority)),
                plain(std::string(b.tr(": ", "：")))};
      item.push_back(plain(b.text(step.text)));
      b.cite(item, step.finding_ids);
      list.items.push_back(std::move(item));
    }
    b.add(std::move(list));
  }
  add_milestones(b);
}

}  // namespace shodo::report::incident
