// Rule files and folders of rule files.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "detect/sigma/loader.h"
#include "detect/sigma/rule_cache.h"

namespace shodo::detect::sigma {
namespace {

namespace fs = std::filesystem;

// Deeper folder trees than this are not rule collections.
constexpr int kMaxDirDepth = 32;
// Read one byte more than load_rule_text accepts, so it can tell the file is too big.
constexpr size_t kReadLimit = kMaxRuleFileBytes + 1;
// Fewer files than this per thread are not worth starting one for (a file
// takes about a millisecond, a thread tens of microseconds).
constexpr size_t kFilesPerThread = 8;

void add_problem(LoadedRules& out, const std::string& file, std::string reason) {
  out.problems.push_back({file, 0, "", std::move(reason), Problem::Kind::error});
}

bool is_rule_file(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".yml" || ext == ".yaml";
}

bool is_hidden(const fs::path& p) {
  return p.filename().string().starts_with('.');
}

void collect(const fs::path& dir, int depth, std::vector<std::string>& files, LoadedRules& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    add_problem(out, dir.string(), "cannot read the folder: " + ec.message());
    return;
  }
  for (; it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (is_hidden(p)) continue;
    std::error_code type_ec;
    const fs::file_status st = it->symlink_status(type_ec);
    if (fs::is_symlink(st)) {
      add_problem(out, p.string(), "symbolic link not followed");
    } else if (fs::is_directory(st)) {
      if (depth >= kMaxDirDepth)
        add_problem(out, p.string(), "folder nested too deeply; not read");
      else
        collect(p, depth + 1, files, out);
    } else if (is_rule_file(p)) {
      files.push_back(p.string());
    }
  }
  if (ec) add_problem(out, dir.string(), "cannot list the whole folder: " + ec.message());
}

}  // namespace

void load_rule_file(const std::string& path, LoadedRules& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    add_problem(out, path, fs::exists(path, ec) ? "cannot open the file" : "no such file");
    return;
  }
  std::string text;
  char buf[1 << 16];
  while (in && text.size() < kReadLimit) {
    in.read(buf, static_cast<std::streamsize>(std::min(sizeof buf, kReadLimit - text.size())));
    text.append(buf, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    add_problem(out, path, "cannot read the file");
    return;
  }
  const RuleCacheEntry cached(path, text);
  if (cached.load(out)) return;
  LoadedRules parsed;
  load_rule_text(text, path, parsed);
  cached.store(parsed);
  out.append(std::move(parsed));
}

void LoadedRules::append(LoadedRules&& other) {
  std::move(other.rules.begin(), other.rules.end(), std::back_inserter(rules));
  std::move(other.correlations.begin(), other.correlations.end(), std::back_inserter(correlations));
  std::move(other.problems.begin(), other.problems.end(), std::back_inserter(problems));
  files += other.files;
}

void load_rule_sources(const std::vector<std::string>& sources, LoadedRules& out) {
  // Each source's folder problems, then its files in path order: a result
  // per part, appended in that order once all are loaded.
  struct Part {
    std::string file;  // empty: only `result` (a source's problems)
    LoadedRules result;
  };
  std::vector<Part> parts;
  for (const std::string& src : sources) {
    std::error_code ec;
    const fs::file_status st = fs::status(src, ec);
    if (ec || !fs::exists(st)) {
      add_problem(parts.emplace_back().result, src, "no such file or folder");
    } else if (fs::is_directory(st)) {
      std::vector<std::string> files;
      collect(src, 0, files, parts.emplace_back().result);
      std::sort(files.begin(), files.end());
      for (std::string& f : files) parts.push_back({std::move(f), {}});
    } else {
      parts.push_back({src, {}});
    }
  }
  // Parsing YAML is most of the start of a run with a rule collection: the
  // files of every source are loaded on several threads at once.
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < parts.size();)
      if (!parts[i].file.empty()) load_rule_file(parts[i].file, parts[i].result);
  };
  const size_t threads = std::clamp<size_t>(parts.size() / kFilesPerThread, 1,
                                            std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();
  for (std::thread& h : helpers) h.join();
  for (Part& part : parts) out.append(std::move(part.result));
}

void load_rule_dir(const std::string& dir, LoadedRules& out) {
  load_rule_sources({dir}, out);
}

}  // namespace shodo::detect::sigma
