#include "files/yara_rules.h"

#include <yara.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>

namespace shodo::files {
namespace {

constexpr const char* kExternals[] = {"filename", "filepath", "extension", "filetype", "owner"};
constexpr int kTimeoutSeconds = 20;

// libyara keeps global state; initialized once, never finalized (process exit).
void ensure_yara() {
  static std::once_flag once;
  std::call_once(once, [] { yr_initialize(); });
}

struct CompileErrors {
  std::string text;
};

void on_compile_message(int level, const char* file, int line, const YR_RULE*, const char* message,
                        void* user) {
  if (level != YARA_ERROR_LEVEL_ERROR) return;
  auto* errors = static_cast<CompileErrors*>(user);
  if (!errors->text.empty()) errors->text += "; ";
  errors->text += std::string(file ? file : "") + ":" + std::to_string(line) + ": " +
                  (message ? message : "error");
}

YR_COMPILER* new_compiler(CompileErrors& errors) {
  YR_COMPILER* c = nullptr;
  if (yr_compiler_create(&c) != ERROR_SUCCESS) return nullptr;
  for (const char* name : kExternals) yr_compiler_define_string_variable(c, name, "");
  yr_compiler_set_callback(c, on_compile_message, &errors);
  return c;
}

// Adds one file; its path is its namespace, so equal rule names in two files
// do not collide. libyara's compiler is unusable after an error, hence the
// separate trial compile of each file before the real one.
int add_file(YR_COMPILER* c, const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return -1;
  int errors = yr_compiler_add_file(c, f, path.c_str(), path.c_str());
  std::fclose(f);
  return errors;
}

std::string meta_text(const YR_META* meta) {
  if (meta->type == META_TYPE_STRING) return meta->string ? meta->string : "";
  if (meta->type == META_TYPE_INTEGER) return std::to_string(meta->integer);
  return meta->integer ? "true" : "false";
}

struct ScanState {
  std::vector<YaraMatch>* out;
};

// libyara 4.2 keeps its match records in a byte arena without their 8-byte
// alignment, and yr_string_matches_foreach reads them in place: a misaligned
// access UBSan reports (harmless on x86, the only target). The check is off
// here only; the records are libyara's, not evidence.
__attribute__((no_sanitize("alignment"))) int on_scan_message(YR_SCAN_CONTEXT* context, int message,
                                                              void* data, void* user) {
  if (message != CALLBACK_MSG_RULE_MATCHING) return CALLBACK_CONTINUE;
  auto* state = static_cast<ScanState*>(user);
  const auto* rule = static_cast<YR_RULE*>(data);
  YaraMatch m;
  m.rule = rule->identifier;
  m.file = rule->ns && rule->ns->name ? rule->ns->name : "";
  const YR_META* meta;
  yr_rule_metas_foreach(rule, meta) {
    std::string_view key = meta->identifier;
    if (key == "description" || (key == "title" && m.title.empty())) m.title = meta_text(meta);
    if (key == "title_ja") m.title_ja = meta_text(meta);
    if (key == "level") m.level = meta_text(meta);
    if (key == "mitre") m.mitre = meta_text(meta);
    if (key == "score" && meta->type == META_TYPE_INTEGER)
      m.score = static_cast<int>(meta->integer);
  }
  const YR_STRING* string;
  yr_rule_strings_foreach(rule, string) {
    const YR_MATCH* match;
    yr_string_matches_foreach(context, string, match) {
      size_t at = static_cast<size_t>(match->base + match->offset);
      if (at < m.offset) {
        m.offset = at;
        m.string_id = string->identifier;
      }
    }
  }
  state->out->push_back(std::move(m));
  return CALLBACK_CONTINUE;
}

}  // namespace

std::vector<std::string> yara_rule_files(const std::string& source) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(source, ec)) return {source};
  for (auto it = fs::recursive_directory_iterator(source, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string ext = it->path().extension().string();
    if (it->is_regular_file(ec) && (ext == ".yar" || ext == ".yara"))
      out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

YaraRules::YaraRules(const std::vector<std::string>& sources,
                     std::vector<fsview::Problem>& problems) {
  ensure_yara();
  std::vector<std::string> good;
  for (const std::string& src : sources) {
    std::error_code ec;
    if (!std::filesystem::exists(src, ec)) {
      problems.push_back({src, "YARA rules: no such file or folder"});
      continue;
    }
    for (const std::string& path : yara_rule_files(src)) {
      CompileErrors errors;
      YR_COMPILER* trial = new_compiler(errors);
      if (!trial) continue;
      int n = add_file(trial, path);
      yr_compiler_destroy(trial);
      if (n == 0) {
        good.push_back(path);
      } else {
        problems.push_back({path, "YARA rule file does not compile, skipped: " +
                                      (n < 0 ? std::string("cannot open") : errors.text)});
      }
    }
  }
  if (good.empty()) return;
  CompileErrors errors;
  YR_COMPILER* c = new_compiler(errors);
  if (!c) return;
  for (const std::string& path : good) {
    if (add_file(c, path) != 0) {
      // Compiled alone but not with the others (e.g. a clash in an include):
      // the compiler is now unusable, so the rules end here, said plainly.
      problems.push_back({path,
                          "YARA rule file does not compile with the others; it and the "
                          "files after it are skipped: " +
                              errors.text});
      break;
    }
    ++files_;
  }
  if (files_ > 0) yr_compiler_get_rules(c, &rules_);
  yr_compiler_destroy(c);
}

YaraRules::~YaraRules() {
  if (rules_) yr_rules_destroy(rules_);
}

std::vector<std::string> YaraRules::rule_names() const {
  std::vector<std::string> out;
  if (!rules_) return out;
  const YR_RULE* rule;
  yr_rules_foreach(rules_, rule) {
    out.emplace_back(rule->identifier);
  }
  return out;
}

std::unique_ptr<YaraScanner> YaraRules::scanner() const {
  return rules_ ? std::make_unique<YaraScanner>(rules_) : nullptr;
}

YaraScanner::YaraScanner(YR_RULES* rules) {
  if (yr_scanner_create(rules, &scanner_) != ERROR_SUCCESS) scanner_ = nullptr;
  if (!scanner_) return;
  // Only matching rules reach the callback (without the flag, every rule does).
  yr_scanner_set_flags(scanner_, SCAN_FLAGS_FAST_MODE | SCAN_FLAGS_REPORT_RULES_MATCHING);
  yr_scanner_set_timeout(scanner_, kTimeoutSeconds);
  yr_scanner_set_callback(scanner_, on_scan_message, nullptr);
}

YaraScanner::~YaraScanner() {
  if (scanner_) yr_scanner_destroy(scanner_);
}

bool YaraScanner::scan(std::string_view data, const YaraExternals& ext, std::vector<YaraMatch>& out,
                       std::string& error) {
  if (!scanner_) {
    error = "YARA scanner could not be created";
    return false;
  }
  const std::string* values[] = {&ext.filename, &ext.filepath, &ext.extension, &ext.filetype,
                                 &ext.owner};
  for (size_t i = 0; i < std::size(kExternals); ++i)
    yr_scanner_define_string_variable(scanner_, kExternals[i], values[i]->c_str());
  ScanState state{&out};
  yr_scanner_set_callback(scanner_, on_scan_message, &state);
  int rc =
      yr_scanner_scan_mem(scanner_, reinterpret_cast<const uint8_t*>(data.data()), data.size());
  if (rc == ERROR_SUCCESS) return true;
  error = rc == ERROR_SCAN_TIMEOUT          ? "YARA stopped: time limit reached"
          : rc == ERROR_TOO_MANY_MATCHES    ? "YARA stopped: too many matches"
          : rc == ERROR_INSUFFICIENT_MEMORY ? "YARA stopped: out of memory"
                                            : "YARA error " + std::to_string(rc);
  return false;
}

}  // namespace shodo::files
