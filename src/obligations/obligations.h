// What the law asks of a company whose personal data leaked: Japan's Act on
// the Protection of Personal Information (APPI, 個人情報保護法) — whether the
// incident must be reported to the Personal Information Protection
// Commission (PPC), under which of the four categories, by when, whether the
// persons must be notified — and the card-brand path when card data is
// involved. Pure decision logic on facts the leak assessment established;
// every statement names the rule it comes from and is worded as guidance
// for the company's counsel, not legal advice.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/text.h"

namespace shodo::obligations {

using util::Text;

// A statement and the rule (article, guideline) it rests on.
struct Statement {
  Text text;
  Text rule;
  bool operator==(const Statement&) const = default;
};

// The facts the decision needs, as the leak assessment found them.
struct Facts {
  std::string knowledge_date;  // 知った日, YYYY-MM-DD; empty when not set
  // confirmed, likely, possible, not-supported (the leak verdict)
  std::string leak_verdict = "not-supported";
  uint64_t persons_min = 0, persons_max = 0;
  bool public_body = false;  // 行政機関等: the threshold of category 4 is 100
  // Category 1: special-care-required personal information (要配慮個人情報).
  bool sensitive_data = false;
  // Category 2: data whose misuse may cause financial damage: full card
  // numbers, or credentials that can be used to pay.
  bool card_data = false;
  bool payment_credentials = false;
  // Category 3: the leak was (or may have been) caused with an unauthorized
  // purpose: an attack, a skimmer (also data the company intended to hold).
  bool unauthorized_access = false;
  bool skimming = false;
  // The data was protected by strong encryption (高度な暗号化) whose keys did
  // not leak: exempt from reporting.
  bool strongly_encrypted = false;
  // Why each fact holds, in words with its citations (shown as reasons).
  Text sensitive_reason, card_reason, credentials_reason, attack_reason, persons_reason;
};

struct Category {
  int number = 0;  // 施行規則 7 条 1–4 号
  std::string id;  // sensitive-data, financial-damage, unauthorized-purpose, over-threshold
  Text name;
  // "applies", or "may-apply" when the facts leave it to counsel's judgement
  std::string status = "applies";
  Text reason;
  Text rule;
  bool operator==(const Category&) const = default;
};

struct Assessment {
  bool reportable = false;
  Text summary;       // one sentence: reportable or not, and why
  Text summary_rule;  // the duty it rests on, when there is one
  std::vector<Category> categories;
  // YYYY-MM-DD; empty when the knowledge date is not set (or not a date).
  std::string sokuho_due;       // 速報: promptly, about 3–5 days (the 5th day)
  std::string sokuho_earliest;  // the 3rd day
  std::string kakuho_due;       // 確報: the 30th day, the 60th for category 3
  int kakuho_days = 0;          // 30 or 60; 0 when not reportable
  std::vector<Statement> deadlines;
  bool notify_persons = false;
  std::vector<Statement> notification;  // the duty, its timing, its content, the substitute
  bool card_brand_path = false;
  std::vector<Statement> card_steps;
  std::vector<Statement> notes;  // exemptions, processors, what changes the answer
  Text disclaimer;
  bool operator==(const Assessment&) const = default;
};

Assessment assess(const Facts& facts);

// The calendar day `days` after `date` (YYYY-MM-DD, proleptic Gregorian);
// empty when `date` is not such a date.
std::string add_days(std::string_view date, int days);

// The last day of a period of `days` days that counts `date` as day 1: the
// earliest reading of "within N days of knowing", the safe one for a
// deadline (weekends and holidays are not skipped either).
std::string period_end(std::string_view date, int days);

}  // namespace shodo::obligations
