#include "evidence/certificate.h"

#include <filesystem>
#include <fstream>

#include "report/json_writer.h"
#include "util/escape.h"

namespace shodo::evidence {
namespace {

constexpr std::string_view kMethod = "NIST SP 800-88 Rev. 1 Purge: cryptographic erase";
constexpr std::string_view kMethodJa = "NIST SP 800-88 Rev.1 パージ（暗号化消去）";

std::string certificate_json(const Session& s, const cases::CaseFields& f, const PurgeReport& r,
                             const cases::CustodyEvent& ev) {
  std::string out;
  report::JsonObject o(out);
  o.text("document", "deletion certificate / 削除証明書");
  o.text("case_number", f.number);
  o.text("case_title", f.title);
  o.text("customer", f.customer);
  o.text("method", kMethod);
  o.text("technique",
         "AES-256-GCM case key overwritten with random data and deleted; vault ciphertext and "
         "in-case exports deleted");
  o.text("tool", s.tool);
  o.text("examiner", s.actor);
  o.text("host", ev.host);
  o.text("time_utc", ev.time_utc);
  o.text("time_local", ev.time_local);
  std::string& v = o.member("verification");
  {
    report::JsonObject vo(v);
    vo.text("method",
            "every file left in the case folder searched for fragments of each item "
            "taken before the key was destroyed");
    vo.number("files_scanned", static_cast<uint64_t>(r.files_scanned));
    vo.number("fragments", static_cast<uint64_t>(r.probes));
    vo.text("result", r.clean() ? "no evidence content found" : "evidence content found");
    vo.texts("residue", r.residue);
    vo.close();
  }
  o.number("custody_event", ev.seq);
  o.text("custody_event_hash", ev.event_hash);
  report::append_json_array(o.member("items"), r.items, [](std::string& a, const cases::Item& it) {
    report::JsonObject io(a);
    io.number("id", it.id);
    io.text("kind", it.kind);
    io.text("source", it.source);
    io.text("entry_path", it.entry_path);
    io.number("size", it.size);
    io.text("sha256", it.hashes.sha256);
    io.text("sha1", it.hashes.sha1);
    io.text("md5", it.hashes.md5);
    io.text("acquired_at", it.acquired_at);
    io.close();
  });
  o.texts("removed_files", r.removed);
  o.close();
  out += '\n';
  return out;
}

std::string h(std::string_view s) {
  std::string out;
  append_html_escaped(out, s);
  return out;
}

std::string certificate_html(const Session& s, const cases::CaseFields& f, const PurgeReport& r,
                             const cases::CustodyEvent& ev) {
  std::string o =
      "<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">"
      "<title>削除証明書 / Certificate of Evidence Deletion</title><style>"
      "body{font-family:sans-serif;margin:2em;color:#111}h1{font-size:1.5em}"
      "table{border-collapse:collapse;width:100%;margin:1em 0}"
      "th,td{border:1px solid #888;padding:4px 6px;text-align:left;vertical-align:top;"
      "font-size:.9em}th{background:#eee;width:28%}td.hash{font-family:monospace;"
      "word-break:break-all}.sign{margin-top:3em}.sign span{display:inline-block;width:45%;"
      "border-top:1px solid #000;margin-right:4%;padding-top:4px}"
      "@media print{body{margin:0}}</style></head><body>\n";
  o += "<h1>証拠保全データ削除証明書<br>Certificate of Evidence Deletion</h1>\n<table>\n";
  auto row = [&o](std::string_view ja, std::string_view en, std::string_view value) {
    o += "<tr><th>" + h(ja) + " / " + h(en) + "</th><td>" + h(value) + "</td></tr>\n";
  };
  row("案件番号", "Case number", f.number);
  row("件名", "Title", f.title);
  row("顧客", "Customer", f.customer);
  row("消去方法", "Method", std::string(kMethodJa) + " / " + std::string(kMethod));
  row("手順", "Technique",
      "案件鍵（AES-256-"
      "GCM）を乱数で上書きして削除し、暗号化された保管データと案件内のエクスポートを削除 / "
      "case key overwritten with random data and deleted; vault ciphertext and in-case exports "
      "deleted");
  row("ツール", "Tool", s.tool);
  row("実施者", "Examiner", s.actor);
  row("ホスト", "Host", ev.host);
  row("日時 (UTC)", "Time (UTC)", ev.time_utc);
  row("日時（現地）", "Time (local)", ev.time_local + " " + ev.zone);
  row("検証", "Verification",
      (r.clean() ? std::string("証拠データの残存なし / no evidence content found")
                 : "証拠データが残存 / evidence content found: " +
                       std::to_string(r.residue.size()) + " file(s)") +
          " (" + std::to_string(r.files_scanned) + " files, " + std::to_string(r.probes) +
          " fragments)");
  row("保管記録", "Custody event", "#" + std::to_string(ev.seq) + " " + ev.event_hash);
  o += "</table>\n<h2>対象証拠 / Items</h2>\n<table><tr><th style=\"width:auto\">#</th>"
       "<th style=\"width:auto\">種別 / Kind</th><th style=\"width:auto\">取得元 / Source</th>"
       "<th style=\"width:auto\">サイズ / Size</th><th style=\"width:auto\">ハッシュ / "
       "Hashes</th></tr>\n";
  for (const cases::Item& it : r.items) {
    o += "<tr><td>" + std::to_string(it.id) + "</td><td>" + h(it.kind) + "</td><td>" +
         h(util::escape_terminal(it.source)) +
         (it.entry_path.empty() ? "" : "<br>!" + h(util::escape_terminal(it.entry_path))) +
         "</td><td>" + std::to_string(it.size) + "</td><td class=\"hash\">SHA-256 " +
         h(it.hashes.sha256) + "<br>SHA-1 " + h(it.hashes.sha1) + "<br>MD5 " + h(it.hashes.md5) +
         "</td></tr>\n";
  }
  o += "</table>\n<div class=\"sign\"><span>実施者署名 / Performed by</span>"
       "<span>確認者署名 / Validated by</span></div>\n</body></html>\n";
  return o;
}

Status write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  return out.flush() ? Status{} : Status::fail(path + ": cannot write");
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

Status write_certificate(const Session& s, const cases::CaseFields& f, PurgeReport& r,
                         const cases::CustodyEvent& ev) {
  std::error_code ec;
  std::filesystem::create_directories(s.dir.reports(), ec);
  r.certificate_json = s.dir.reports() + "/deletion-certificate.json";
  r.certificate_html = s.dir.reports() + "/deletion-certificate.html";
  if (Status st = write_file(r.certificate_json, certificate_json(s, f, r, ev)); !st) return st;
  return write_file(r.certificate_html, certificate_html(s, f, r, ev));
}

}  // namespace shodo::evidence
