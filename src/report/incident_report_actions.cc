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

// PPC reporting (個人情報保護委員会への報告): the preliminary report within
// 3-5 days, the final one within 30 days, 60 when the leak may come from an
// attack (施行規則 8 条); these reports are about website attacks, so 60.
constexpr int kPreliminaryDays = 5;
constexpr int kFinalDaysAfterAttack = 60;

void add_milestones(Builder& b) {
  b.subsection("Legal deadlines", "法令上の期限");
  const std::string& known = b.inv.case_info.knowledge_date;
  const std::string preliminary = add_days(known, kPreliminaryDays);
  const std::string final_report = add_days(known, kFinalDaysAfterAttack);
  if (preliminary.empty()) {
    b.note(
        "The day the incident became known is not set for the case (or is not a date), so "
        "the legal deadlines were not computed.",
        "本件を認知した日が設定されていない（または日付として解釈できない）ため、法令上の期限は"
        "算出していません。");
    return;
  }
  b.add(Paragraph{{plain(fmt::format(
      fmt::runtime(b.tr(
          "If personal data may have leaked through unauthorised access, the Act on the "
          "Protection of Personal Information requires reports to the Personal Information "
          "Protection Commission (PPC) and notice to the people concerned. Deadlines count from "
          "{}, the day the incident became known.",
          "不正アクセスにより個人データが漏えいしたおそれがある場合、個人情報保護法に基づき、"
          "個人情報保護委員会への報告と本人への通知が必要です。期限は本件を認知した日"
          "（{}）から起算しています。")),
      known))}});
  Table table{{std::string(b.tr("Milestone", "項目")), std::string(b.tr("Due by", "期限")),
               std::string(b.tr("Basis", "根拠"))},
              {false, false, false},
              {}};
  table.rows.push_back(
      {{plain(std::string(b.tr("PPC preliminary report", "個人情報保護委員会への速報")))},
       {strong(preliminary)},
       {plain(std::string(b.tr("Promptly: within 3–5 days of becoming known",
                               "速やかに（認知から概ね 3〜5 日以内）")))}});
  table.rows.push_back(
      {{plain(std::string(b.tr("PPC final report", "個人情報保護委員会への確報")))},
       {strong(final_report)},
       {plain(std::string(b.tr("Within 60 days of becoming known (30 days unless the leak may "
                               "result from an attack)",
                               "認知から 60 日以内（不正アクセス等の不正の目的によるおそれがある"
                               "場合。それ以外は 30 日以内）")))}});
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
