// The order of an investigation: find what the evidence holds, preserve it,
// analyse the files (their results tell the log passes which URLs to watch),
// hunt the logs, correlate, check the evidence is unchanged, write.
#include <algorithm>
#include <future>

#include "case/case.h"
#include "detect/detect.h"
#include "investigate/correlate.h"
#include "investigate/evidence_records.h"
#include "investigate/file_analysis.h"
#include "investigate/investigate.h"
#include "investigate/leak_assessment.h"
#include "investigate/log_analysis.h"
#include "investigate/outputs.h"
#include "investigate/sources.h"

#ifndef SHODO_VERSION
#define SHODO_VERSION "0.0.0"
#endif

namespace shodo::investigate {
namespace {

constexpr size_t kLimitationProblems = 20;

void add_file_rows(const Sources& sources, report::TimelineWriter& timeline) {
  auto walk = [&](const fsview::View& v, const std::string& root, const std::string& origin) {
    v.walk(
        root, {},
        [&](const fsview::FileInfo& f) {
          timeline.add_file(origin, f, "");
          return fsview::Visit::descend;
        },
        [](const fsview::Problem&) {});  // already reported by the analyses
  };
  for (const WebrootRef& w : sources.webroots) walk(*w.view, w.dir, w.origin);
  for (const fsview::View* v : sources.systems) {
    bool is_webroot_view = false;
    for (const WebrootRef& w : sources.webroots) is_webroot_view = is_webroot_view || w.view == v;
    if (!is_webroot_view) walk(*v, "/", v->description());
  }
}

void add_finding_rows(const Investigation& inv, report::TimelineWriter& timeline) {
  for (const FindingRecord& f : inv.findings) {
    report::TimelineEvent e;
    e.time = f.time;
    e.utc_offset_s = f.utc_offset_s;
    e.timestamp_desc = f.origin == "log" ? "Finding time" : "Finding (file time)";
    e.source = "finding";
    e.message = f.title.en + (f.client_ip.empty() ? "" : " from " + f.client_ip) +
                (f.path.empty() ? "" : ": " + f.path);
    e.cite = f.source;
    e.client_ip = f.client_ip;
    e.user = f.user;
    e.path = f.path;
    e.status = f.status;
    e.finding_id = f.id;
    e.level = std::string(level_name(f.level));
    e.tag = "finding";
    timeline.add(e);
  }
}

std::vector<SourceStats> stats_of(const ingest::InputSet& logs, const ingest::IngestResult& r) {
  std::vector<SourceStats> out;
  for (size_t i = 0; i < r.files.size(); ++i) {
    const ingest::FileReport& f = r.files[i];
    out.push_back({i < logs.files.size() ? logs.files[i].path : f.path, f.format,
                   std::string(ingest::log_kind_name(f.kind)), f.lines, f.events, f.bad_lines,
                   f.first_time, f.last_time, f.error});
  }
  return out;
}

std::vector<DiskImageRecord> images_of(const Sources& sources) {
  std::vector<DiskImageRecord> out;
  for (const fsview::Source* s : sources.images) {
    DiskImageRecord d;
    d.source = s->path;
    d.format = s->image.format;
    d.media_size = s->image.size;
    d.partition_table = s->image.volume_system;
    for (const auto& v : s->views)
      d.file_systems.push_back({v->description(), v->fs_type(), 0, ""});
    for (const fsview::Problem& p : sources.problems)
      if (p.path.starts_with(s->path)) d.file_systems.push_back({p.path, "", 0, p.reason});
    out.push_back(std::move(d));
  }
  return out;
}

void add_limitations(const std::vector<std::string>& problems, Investigation& inv) {
  if (problems.empty()) return;
  inv.limitations.push_back(
      {std::to_string(problems.size()) + " problems reading the evidence (first ones below)",
       "証拠の読み取りで " + std::to_string(problems.size()) + " 件の問題（先頭のみ以下に記載）"});
  for (size_t i = 0; i < problems.size() && i < kLimitationProblems; ++i)
    inv.limitations.push_back({problems[i], problems[i]});
}

}  // namespace

Result investigate(const Options& o, evidence::Session& session) {
  Result res;
  Investigation& inv = res.inv;
  auto stage = [&](std::string_view name) {
    if (o.on_stage) o.on_stage(name);
  };

  stage("finding what the evidence holds");
  Sources sources = find_sources(o.evidence, o.webroots, o.ingest.expansion);
  for (const fsview::Problem& p : sources.problems)
    res.problems.push_back(p.path + ": " + p.reason);
  res.input_error = std::count(sources.roles.begin(), sources.roles.end(), "missing") > 0;

  // Preserving runs beside the analyses: both read the same files, and the
  // analyses leave CPU time over while they wait for each other. Nothing
  // else touches the case until it is done.
  stage("preserving the evidence (hashes, vault, custody) while analysing it");
  std::future<Acquired> acquiring = std::async(
      std::launch::async, [&] { return acquire_evidence(session, o.evidence, sources.roles); });

  detect::RuleSetOptions rule_options;
  rule_options.dirs = o.rule_dirs;
  const detect::RuleSet rules(rule_options);

  stage("scanning webroots and system files");
  FileOptions fo;
  fo.yara_dirs = o.yara_dirs;
  fo.known_good = o.known_good;
  fo.threads = o.ingest.threads;
  fo.rules = &rules;
  FileAnalysis files = analyse_files(sources, fo);
  res.problems.insert(res.problems.end(), files.problems.begin(), files.problems.end());

  CorrelationInput in;
  in.logs = &sources.logs;
  in.file_findings = std::move(files.findings);
  in.changes = std::move(files.changes);
  in.baseline_given = files.baseline_given;
  watch_list(sources, in.file_findings, in.changes, in.watched, in.watched_paths);

  stage("hunting the logs");
  LogOptions lo;
  lo.ingest = o.ingest;
  lo.rules = &rules;
  lo.max_clients = o.max_clients;
  HuntPass hunt = hunt_pass(sources.logs, lo, in.watched);
  if (!hunt.ingest.error.empty()) {
    res.error = hunt.ingest.error;
    return res;
  }
  in.hunt = &hunt;
  for (const std::string& limit : hunt.limits) res.problems.push_back("limit reached: " + limit);
  for (const ingest::InputProblem& p : sources.logs.problems)
    res.problems.push_back(p.path + ": " + p.reason);
  for (const ingest::FileReport& f : hunt.ingest.files)
    if (f.input_error) {
      res.input_error = true;
      res.problems.push_back(f.path + ": " + f.error);
    }
  Stage1 stage1 = correlate_findings(in);

  stage("following the attackers");
  report::TimelineWriter timeline;
  add_file_rows(sources, timeline);
  const leak::Config leak_follow = leak_config(sources, in.file_findings);
  ActivityPass activity = activity_pass(sources.logs, lo, stage1.attackers, stage1.cited,
                                        in.watched, o.full_timeline, leak_follow, timeline);

  stage("correlating");
  inv.files_scanned = files.files_examined;
  correlate(in, std::move(stage1), activity, inv);
  add_finding_rows(inv, timeline);
  inv.tool = "shodo " SHODO_VERSION;
  inv.generated_at = cases::stamp_now("UTC").utc;

  stage("finishing the preservation of the evidence");
  Acquired acquired = acquiring.get();
  res.problems.insert(res.problems.end(), acquired.problems.begin(), acquired.problems.end());
  cases::CaseFields fields;
  if (session.store && session.store->fields(fields)) {
    inv.case_info.number = fields.number;
    inv.case_info.title = fields.title;
    inv.case_info.customer = fields.customer;
    inv.case_info.time_zone = fields.time_zone;
    inv.case_info.knowledge_date = fields.knowledge_date;
    inv.case_info.examiners = fields.examiners;
  }
  stage("assessing the leak");
  LeakOptions leak_options;
  leak_options.public_body = o.public_body;
  leak_options.expansion = o.ingest.expansion;
  assess_leak(in, sources, activity.channels, leak_options, inv, res.problems);
  inv.stats = stats_of(sources.logs, hunt.ingest);
  inv.images = images_of(sources);

  // Nothing reads the evidence after this point: it is hashed again while
  // the timeline, which needs nothing from the check, is written.
  stage("checking the evidence is unchanged while writing the timeline");
  std::future<HashesAfter> hashing =
      std::async(std::launch::async, [&] { return hash_after(acquired.items, o.ingest.threads); });
  std::string timeline_error;
  Written timeline_files = write_timeline(timeline, o.out_dir, timeline_error);
  res.evidence_changed = !record_after(session, acquired, hashing.get(), res.problems);
  inv.evidence = acquired.records;
  add_limitations(res.problems, inv);

  stage("writing the reports");
  res.outputs = write_outputs(inv, o.out_dir, res.error);
  // Listed right after findings.json (write_outputs' first file), as before.
  res.outputs.insert(res.outputs.begin() + std::min<size_t>(1, res.outputs.size()),
                     timeline_files.begin(), timeline_files.end());
  if (res.error.empty()) res.error = timeline_error;
  return res;
}

}  // namespace shodo::investigate
