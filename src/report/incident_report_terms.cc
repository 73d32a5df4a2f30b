// The model's enumerated values in words, for the reports and the summary.
#include <span>

#include "report/incident_report_internal.h"

namespace shodo::report::incident {
namespace {

struct Entry {
  std::string_view value, en, ja;
};

constexpr Entry kVerdicts[] = {
    {"compromised", "Compromised", "侵害あり"},
    {"attacked-not-compromised", "Attacked, not compromised", "攻撃を受けたが侵害の痕跡なし"},
    {"no-evidence", "No evidence of attack", "攻撃の痕跡なし"},
    {"inconclusive", "Inconclusive", "判定不能"},
};
constexpr Entry kConfidences[] = {
    {"high", "high", "高"},
    {"medium", "medium", "中"},
    {"low", "low", "低"},
};
constexpr Entry kPhases[] = {
    {"reconnaissance", "Reconnaissance", "偵察"},
    {"initial-access", "Initial access", "初期侵入"},
    {"execution", "Execution", "実行"},
    {"persistence", "Persistence", "永続化"},
    {"privilege-escalation", "Privilege escalation", "権限昇格"},
    {"credential-access", "Credential access", "認証情報の窃取"},
    {"collection", "Collection", "収集"},
    {"exfiltration", "Exfiltration", "持ち出し"},
    {"impact", "Impact", "影響"},
};
constexpr Entry kPriorities[] = {
    {"now", "Now", "直ちに"},
    {"today", "Today", "本日中"},
    {"this-week", "This week", "今週中"},
};
constexpr Entry kLevels[] = {
    {"informational", "Informational", "情報"},
    {"low", "Low", "低"},
    {"medium", "Medium", "中"},
    {"high", "High", "高"},
    {"critical", "Critical", "重大"},
};
constexpr Entry kOutcomes[] = {
    {"success", "Success", "成功"},
    {"likely-success", "Likely success", "成功の可能性あり"},
    {"attempted", "Attempted", "試行のみ"},
    {"failed", "Failed", "失敗"},
    {"blocked", "Blocked", "遮断"},
    {"unknown", "Unknown", "不明"},
};
constexpr Entry kChanges[] = {
    {"added", "Added", "追加"},
    {"modified", "Modified", "変更"},
    {"removed", "Removed", "削除"},
};
constexpr Entry kAssessments[] = {
    {"webshell", "Webshell", "Web シェル"},
    {"data-dump", "Data dump", "データのダンプ"},
    {"defacement", "Defacement", "改ざん（ページの書き換え）"},
    {"injected-code", "Injected code", "不正なコードの挿入"},
    {"suspicious", "Suspicious", "不審"},
    {"benign", "Benign", "問題なし"},
    {"unknown", "Not assessed", "未評価"},
};
constexpr Entry kEvidenceKinds[] = {
    {"file", "File", "ファイル"},
    {"archive", "Archive", "アーカイブ"},
    {"tree", "Folder", "フォルダー"},
    {"raw-image", "Raw image", "RAW イメージ"},
    {"split-raw", "Split raw image", "分割 RAW イメージ"},
    {"e01", "E01 image", "E01 イメージ"},
    {"device", "Device", "デバイス"},
};
constexpr Entry kEvidenceRoles[] = {
    {"logs", "Logs", "ログ"},
    {"webroot", "Web content", "Web コンテンツ"},
    {"system", "System files", "システムファイル"},
    {"disk-image", "Disk image", "ディスクイメージ"},
    {"baseline", "Known-good baseline", "比較用の正常版"},
    {"other", "Other", "その他"},
};
constexpr Entry kOrigins[] = {
    {"log", "log analysis", "ログ解析"},
    {"scan", "file scan", "ファイル検査"},
    {"triage", "system triage", "システム調査"},
    {"diff", "comparison with the known-good version", "正常版との比較"},
};

std::span<const Entry> vocabulary(Term t) {
  switch (t) {
    case Term::verdict: return kVerdicts;
    case Term::confidence: return kConfidences;
    case Term::phase: return kPhases;
    case Term::priority: return kPriorities;
    case Term::level: return kLevels;
    case Term::outcome: return kOutcomes;
    case Term::change: return kChanges;
    case Term::assessment: return kAssessments;
    case Term::evidence_kind: return kEvidenceKinds;
    case Term::evidence_role: return kEvidenceRoles;
    case Term::origin: return kOrigins;
  }
  return {};
}

}  // namespace

std::string term(Term t, std::string_view value, bool ja) {
  for (const Entry& e : vocabulary(t))
    if (e.value == value) return std::string(ja ? e.ja : e.en);
  return std::string(value);
}

}  // namespace shodo::report::incident
