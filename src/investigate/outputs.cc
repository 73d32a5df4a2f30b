#include "investigate/outputs.h"

#include <cstdio>
#include <filesystem>

#include "report/incident_report.h"
#include "report/investigation_json.h"
#include "report/ioc_export.h"

namespace shodo::investigate {
namespace {

bool write_file(const std::string& path, const std::string& text, std::string& error) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    error = "cannot write " + tmp;
    return false;
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) {
    error = "cannot write " + tmp + " (disk full?)";
    std::remove(tmp.c_str());
    return false;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = "cannot rename " + tmp;
    return false;
  }
  return true;
}

bool make_folder(const std::string& dir, std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) error = "cannot create " + dir + ": " + ec.message();
  return !ec;
}

}  // namespace

Written write_timeline(report::TimelineWriter& timeline, const std::string& dir,
                       std::string& error) {
  Written written;
  if (!make_folder(dir, error)) return written;
  const std::string csv = dir + "/timeline.csv", jsonl = dir + "/timeline.jsonl",
                    body = dir + "/timeline.body";
  if (!timeline.finish(csv + ".tmp", jsonl + ".tmp", body + ".tmp", error)) return written;
  for (const auto& [label, path] : {std::pair{"timeline (Timesketch CSV)", csv},
                                    {"timeline (JSON lines)", jsonl},
                                    {"file-system body file", body}}) {
    if (std::rename((path + ".tmp").c_str(), path.c_str()) != 0) {
      error = "cannot rename " + path + ".tmp";
      break;
    }
    written.push_back({label, path});
  }
  return written;
}

Written write_outputs(const Investigation& inv, const std::string& dir, std::string& error) {
  Written written;
  if (!make_folder(dir, error)) return written;
  auto put = [&](const std::string& label, const std::string& name, const std::string& text) {
    if (!error.empty()) return;
    const std::string path = dir + "/" + name;
    if (write_file(path, text, error)) written.push_back({label, path});
  };
  put("findings", "findings.json", report::findings_json(inv));
  put("IOCs (STIX 2.1)", "iocs.stix.json", report::stix_bundle(inv));
  put("IOCs (MISP event)", "iocs.misp.json", report::misp_event(inv));
  put("IOCs (CSV)", "iocs.csv", report::ioc_csv(inv));
  for (const char* lang : {"ja", "en"})
    for (const char* format : {"html", "md"}) {
      put(std::string("initial investigation report (") + lang + ", " + format + ")",
          std::string("initial-report.") + lang + "." + format,
          report::render_incident_report(inv, report::ReportKind::initial, format, lang));
      if (!inv.images.empty())
        put(std::string("disk investigation report (") + lang + ", " + format + ")",
            std::string("disk-report.") + lang + "." + format,
            report::render_incident_report(inv, report::ReportKind::disk, format, lang));
    }
  return written;
}

}  // namespace shodo::investigate
