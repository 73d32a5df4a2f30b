// Rule files and folders of rule files.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "detect/sigma/loader.h"

namespace shodo::detect::sigma {
namespace {

namespace fs = std::filesystem;

// Deeper folder trees than this are not rule collections.
constexpr int kMaxDirDepth = 32;
// Read one byte more than load_rule_text accepts, so it can tell the file is too big.
constexpr size_t kReadLimit = kMaxRuleFileBytes + 1;

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
  load_rule_text(text, path, out);
}

void load_rule_dir(const std::string& dir, LoadedRules& out) {
  std::vector<std::string> files;
  collect(dir, 0, files, out);
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) load_rule_file(f, out);
}

}  // namespace shodo::detect::sigma
