// The APPI decision table (改正個人情報保護法, in force 2022-04-01): the four
// reportable situations of 施行規則 7 条, the two reports of 8 条, the
// notice to the persons of 法 26 条 2 項.
#include <fmt/format.h>

#include <algorithm>

#include "obligations/obligations.h"

namespace shodo::obligations {
namespace {

// Article references, the way counsel will look them up.
const Text kReportDuty{"APPI art. 26(1)", "個人情報保護法 第26条第1項"};
const Text kNoticeDuty{"APPI art. 26(2)", "個人情報保護法 第26条第2項"};
const Text kNoticeSubstitute{"APPI art. 26(2), proviso", "個人情報保護法 第26条第2項ただし書"};
const Text kNoticeTiming{"APPI Enforcement Rules art. 10", "個人情報保護法施行規則 第10条"};
const Text kPreliminary{"APPI Enforcement Rules art. 8(1); PPC General Guidelines 3-5-3-3",
                        "個人情報保護法施行規則 第8条第1項、通則ガイドライン 3-5-3-3"};
const Text kFinal{"APPI Enforcement Rules art. 8(2); PPC General Guidelines 3-5-3-4",
                  "個人情報保護法施行規則 第8条第2項、通則ガイドライン 3-5-3-4"};
const Text kEncryption{"APPI Enforcement Rules art. 7(1), parenthesis",
                       "個人情報保護法施行規則 第7条第1号括弧書"};
const Text kPublicBody{"APPI art. 68(1); APPI Enforcement Rules art. 43(4)",
                       "個人情報保護法 第68条第1項、同施行規則 第43条第4号"};
const Text kProcessors{"APPI art. 26(1), proviso; PPC General Guidelines 3-5-3-5",
                       "個人情報保護法 第26条第1項ただし書、通則ガイドライン 3-5-3-5"};

constexpr uint64_t kPrivateThreshold = 1000;  // "more than 1,000 persons"
constexpr uint64_t kPublicThreshold = 100;    // public bodies: "more than 100"

// A leak that happened or may have happened (漏えい等が発生し、又は発生した
// おそれがある事態) triggers the duty; only "not supported" does not.
bool leak_or_risk(const Facts& f) {
  return f.leak_verdict == "confirmed" || f.leak_verdict == "likely" ||
         f.leak_verdict == "possible";
}

Text reason_or(const Text& given, Text fallback) {
  return given.empty() ? fallback : given;
}

std::vector<Category> categories_of(const Facts& f) {
  std::vector<Category> out;
  if (f.sensitive_data)
    out.push_back({1,
                   "sensitive-data",
                   {"Special care-required personal information", "要配慮個人情報"},
                   "applies",
                   reason_or(f.sensitive_reason,
                             {"The exposed data includes special care-required information.",
                              "漏えい等のおそれがあるデータに要配慮個人情報が含まれます。"}),
                   {"APPI Enforcement Rules art. 7(1)", "個人情報保護法施行規則 第7条第1号"}});
  if (f.card_data || f.payment_credentials)
    out.push_back(
        {2,
         "financial-damage",
         {"Data whose misuse may cause financial damage",
          "不正に利用されることにより財産的被害が生じるおそれがある個人データ"},
         f.card_data ? "applies" : "may-apply",
         f.card_data
             ? reason_or(f.card_reason,
                         {"Full payment card numbers are among the exposed data.",
                          "漏えい等のおそれがあるデータに完全なクレジットカード番号が含まれます。"})
             : reason_or(
                   f.credentials_reason,
                   {"Credentials are among the exposed data; whether they can be used to "
                    "pay (saved cards, points, net banking) decides this category.",
                    "漏えい等のおそれがあるデータに認証情報が含まれます。決済等に利用できる"
                    "もの（登録カード、ポイント、ネットバンキング等）かどうかで本号への該当性が"
                    "決まります。"}),
         {"APPI Enforcement Rules art. 7(2)", "個人情報保護法施行規則 第7条第2号"}});
  if (f.unauthorized_access || f.skimming)
    out.push_back(
        {3,
         "unauthorized-purpose",
         {"Leak that may have been caused with an unauthorized purpose",
          "不正の目的をもって行われたおそれがある漏えい等"},
         "applies",
         reason_or(f.attack_reason,
                   f.skimming
                       ? Text{"Payment-form input was captured by injected code (web skimming); "
                              "since 2024-04-01 this category also covers personal information "
                              "the company was about to acquire.",
                              "決済フォームへの入力が改ざんされたコードにより窃取されました（ウェブ"
                              "スキミング）。2024年4月1日以降、取得しようとしていた個人情報も本号の"
                              "対象です。"}
                       : Text{"The data was exposed through unauthorized access (an attack).",
                              "データは不正アクセス（攻撃）により漏えい等したおそれがあります。"}),
         f.skimming
             ? Text{"APPI Enforcement Rules art. 7(3) (as revised, in force 2024-04-01)",
                    "個人情報保護法施行規則 第7条第3号（2024年4月1日施行の改正後）"}
             : Text{"APPI Enforcement Rules art. 7(3)", "個人情報保護法施行規則 第7条第3号"}});
  const uint64_t threshold = f.public_body ? kPublicThreshold : kPrivateThreshold;
  if (f.persons_max > threshold) {
    const bool certain = f.persons_min > threshold;
    out.push_back(
        {4,
         "over-threshold",
         {fmt::format("More than {} persons", threshold),
          fmt::format("本人の数が{}人を超える", threshold)},
         certain ? "applies" : "may-apply",
         reason_or(f.persons_reason,
                   certain
                       ? Text{fmt::format("At least {} persons are affected.", f.persons_min),
                              fmt::format("少なくとも{}人が対象です。", f.persons_min)}
                       : Text{fmt::format("Between {} and {} persons may be affected; the estimate "
                                          "crosses the threshold.",
                                          f.persons_min, f.persons_max),
                              fmt::format("対象は{}人から{}人と推定され、閾値をまたぎます。",
                                          f.persons_min, f.persons_max)}),
         f.public_body
             ? kPublicBody
             : Text{"APPI Enforcement Rules art. 7(4)", "個人情報保護法施行規則 第7条第4号"}});
  }
  return out;
}

void add_deadlines(const Facts& f, Assessment& a) {
  const bool purpose = std::any_of(a.categories.begin(), a.categories.end(),
                                   [](const Category& c) { return c.number == 3; });
  a.kakuho_days = purpose ? 60 : 30;
  a.sokuho_earliest = period_end(f.knowledge_date, 3);
  a.sokuho_due = period_end(f.knowledge_date, 5);
  a.kakuho_due = period_end(f.knowledge_date, a.kakuho_days);
  if (a.sokuho_due.empty()) {
    a.deadlines.push_back(
        {{"The day the company learned of the incident (knowledge date) is not set, so no due "
          "date is computed: record it (shodo case set knowledge_date YYYY-MM-DD); the clock runs "
          "from that day.",
          "本件を知った日（知った日）が設定されていないため、期限は算出していません。設定してくだ"
          "さい（shodo case set knowledge_date YYYY-MM-DD）。期限はその日から起算されます。"},
         kPreliminary});
    return;
  }
  a.deadlines.push_back(
      {{fmt::format("Preliminary report (sokuho) to the PPC: promptly after learning of the "
                    "incident on {}; the PPC reads \"promptly\" as about 3 to 5 days, so by {} "
                    "(earliest reading {}). Report what is known at that time.",
                    f.knowledge_date, a.sokuho_due, a.sokuho_earliest),
        fmt::format("個人情報保護委員会への速報：{}に知った後、速やかに（概ね3〜5日以内、{}まで。"
                    "早い読み方では{}）。その時点で把握している事項を報告します。",
                    f.knowledge_date, a.sokuho_due, a.sokuho_earliest)},
       kPreliminary});
  a.deadlines.push_back(
      {{fmt::format("Final report (kakuho) to the PPC: within {} days of learning of the "
                    "incident{}, so by {}, with all nine report items. Counted with the "
                    "knowledge date as day 1 and without moving off weekends or holidays (the "
                    "earliest reading); counsel may confirm the count.",
                    a.kakuho_days, purpose ? " (60 because category 3 applies)" : "", a.kakuho_due),
        fmt::format("個人情報保護委員会への確報：知った日から{}日以内{}、{}まで。報告事項9項目"
                    "すべてを報告します。知った日を1日目とし、土日祝日による延長を考慮しない"
                    "（最も早い）数え方です。数え方は弁護士にご確認ください。",
                    a.kakuho_days, purpose ? "（第3号に該当するため60日）" : "", a.kakuho_due)},
       kFinal});
}

void add_notification(const Facts& f, Assessment& a) {
  a.notify_persons = true;
  a.notification.push_back(
      {{"Notify each affected person: the overview, the data items, the cause, any secondary "
        "damage or its risk, and other useful matters, as far as needed to protect their rights "
        "(letter, e-mail, or any way they can easily understand).",
        "本人への通知：概要、漏えい等した個人データの項目、原因、二次被害又はそのおそれの有無及び"
        "その内容、その他参考となる事項を、本人の権利利益の保護に必要な範囲で、書面・電子メール等の"
        "本人に分かりやすい方法で通知します。"},
       kNoticeDuty});
  a.notification.push_back(
      {{"Timing: promptly, according to the situation.", "時期：当該事態の状況に応じて速やかに。"},
       kNoticeTiming});
  a.notification.push_back(
      {{"When notice is difficult (no contact address, too many persons to reach), a substitute "
        "measure is allowed: a public notice on the website and an inquiry desk, without "
        "anything that identifies a person.",
        "本人への通知が困難な場合（連絡先が不明、対象者が多数で連絡が困難等）は、代替措置（事案の"
        "公表、問い合わせ窓口の設置）が認められます。公表には個人を特定できる情報を含めません。"},
       kNoticeSubstitute});
  if (f.persons_max == 0)
    a.notification.push_back(
        {{"The number of persons is not known yet; the notice list comes from the data items "
          "found exposed.",
          "本人の数はまだ判明していません。通知対象者は漏えい等した項目の特定結果から作成します。"},
         kNoticeDuty});
}

void add_card_path(Assessment& a) {
  a.card_brand_path = true;
  a.card_steps = {
      {{"Tell the acquirer (card company that signed the merchant) or the payment service "
        "provider at once; they inform the card brands. Stop card payment on the site if they "
        "ask, but do not delete or rebuild the server: the forensic investigation needs it.",
        "加盟店契約先のカード会社（アクワイアラ）又は決済代行会社に直ちに連絡します（カード"
        "ブランドへはそこから連絡されます）。求められればカード決済を停止しますが、サーバの削除や"
        "再構築はしないでください（フォレンジック調査に必要です）。"},
       {"PCI DSS / card brands' incident programmes; Japan Credit Card Security Guidelines",
        "PCI "
        "DSS・各カードブランドのインシデント対応規程、クレジットカード・セキュリティガイドライン"}},
      {{"A PCI Forensic Investigator (PFI) is engaged; the PFI's preliminary report is usually "
        "due within about 5 business days of engagement and goes to the brands and acquirer "
        "together with the final report. This shodo report is evidence for the PFI, not a PFI "
        "report.",
        "PCI フォレンジック調査機関（PFI）による調査が行われます。PFI の第一次報告は通常、調査開始"
        "から概ね5営業日以内で、最終報告とともにカードブランド・アクワイアラへ提出されます。本報告"
        "書"
        "は PFI への提供資料であり、PFI 報告書ではありません。"},
       {"PCI SSC PFI Program Guide", "PCI SSC PFI プログラムガイド"}},
      {{"Card numbers must not be stored by an e-commerce merchant (non-retention); if this "
        "site held them, that is itself a finding for counsel.",
        "EC 加盟店はカード番号を保持してはならない（非保持化）とされています。本サイトが保持して"
        "いた場合、それ自体が弁護士に確認すべき事項です。"},
       {"Installment Sales Act art. 35-16", "割賦販売法 第35条の16"}},
  };
}

void add_notes(const Facts& f, Assessment& a) {
  a.notes.push_back(
      {{"Exempt only if the data was protected by strong encryption (or an equivalent measure) "
        "and the key did not leak; this assessment found no such protection to rely on.",
        "高度な暗号化その他の個人の権利利益を保護するために必要な措置が講じられ、鍵が漏えいして"
        "いない場合のみ報告対象外です。本評価ではそのような保護は確認されていません。"},
       kEncryption});
  a.notes.push_back(
      {{"If the site is run for another company (processor, 委託先), both must report unless the "
        "processor notifies the controller, which then reports.",
        "委託を受けて運営している場合は、委託元と委託先の双方に報告義務があります（委託先が委託元"
        "に通知した場合は委託先の報告義務は免除されます）。"},
       kProcessors});
  if (!f.public_body)
    a.notes.push_back(
        {{"For a public body (行政機関等) the persons threshold of category 4 is 100, not 1,000.",
          "行政機関等の場合、第4号に相当する人数の閾値は1,000人ではなく100人です。"},
         kPublicBody});
}

}  // namespace

Assessment assess(const Facts& f) {
  Assessment a;
  a.disclaimer = {
      "This is guidance prepared from the evidence for the company's counsel, not legal advice. "
      "The decision to report and its content are the company's, with its lawyers.",
      "本項は証拠に基づき弁護士等の検討用に作成した参考情報であり、法的助言ではありません。報告の"
      "要否と内容は、弁護士と相談のうえ会社が判断してください。"};
  if (!leak_or_risk(f)) {
    a.summary = {
        "Not reportable on this evidence: no leak of personal data, nor its risk, is supported. "
        "Reassess if new evidence shows personal data was reachable.",
        "本証拠からは報告対象ではありません：個人データの漏えい等又はそのおそれは裏付けられて"
        "いません。個人データへの到達を示す新たな証拠があれば再評価してください。"};
    add_notes(f, a);
    return a;
  }
  if (f.strongly_encrypted) {
    a.summary = {
        "Not reportable if, as stated, the data was strongly encrypted and the key did not "
        "leak; counsel should confirm the protection.",
        "データが高度に暗号化され鍵が漏えいしていない場合は報告対象外です。保護の内容は弁護士"
        "とご確認ください。"};
    add_notes(f, a);
    return a;
  }
  a.categories = categories_of(f);
  a.reportable = std::any_of(a.categories.begin(), a.categories.end(),
                             [](const Category& c) { return c.status == "applies"; });
  const bool maybe = !a.reportable && !a.categories.empty();
  std::string numbers_en, numbers_ja;
  for (const Category& c : a.categories) {
    numbers_en += fmt::format("{}{}", numbers_en.empty() ? "" : ", ", c.number);
    numbers_ja += fmt::format("{}第{}号", numbers_ja.empty() ? "" : "・", c.number);
  }
  if (a.reportable || maybe) a.summary_rule = kReportDuty;
  if (a.reportable)
    a.summary = {fmt::format("Reportable to the PPC: the situation falls under category {} of "
                             "the Enforcement Rules art. 7, and the persons must be notified.",
                             numbers_en),
                 fmt::format("個人情報保護委員会への報告対象です（施行規則第7条{}に該当）。本人への"
                             "通知も必要です。",
                             numbers_ja)};
  else if (maybe)
    a.summary = {
        fmt::format("Possibly reportable: category {} may apply, depending on facts "
                    "counsel must judge (see the reasons).",
                    numbers_en),
        fmt::format("報告対象となる可能性があります：施行規則第7条{}に該当する可能性があり、"
                    "理由欄の事実についての判断が必要です。",
                    numbers_ja)};
  else
    a.summary = {
        "Not reportable on this evidence: personal data may have leaked, but none of the four "
        "categories applies (no sensitive or card data, no attack, 1,000 persons or fewer). "
        "Voluntary reporting and notice remain advisable.",
        "本証拠からは報告義務の対象外です：個人データの漏えい等のおそれはありますが、4つの類型の"
        "いずれにも該当しません（要配慮個人情報・カード情報なし、不正目的なし、1,"
        "000人以下）。任意の"
        "報告と本人通知を推奨します。"};
  if (a.reportable || maybe) {
    add_deadlines(f, a);
    add_notification(f, a);
  }
  if (f.card_data) add_card_path(a);
  add_notes(f, a);
  return a;
}

}  // namespace shodo::obligations
