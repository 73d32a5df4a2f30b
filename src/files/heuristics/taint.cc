// Taint-lite: a dangerous sink whose argument holds request input, directly
// or through a variable assigned from it in the same file. Genuine CMS code
// calls eval, exec and include all the time; what a webshell adds is the
// attacker's input reaching them.
#include <algorithm>
#include <functional>
#include <memory>
#include <set>
#include <string>

#include "files/heuristics/anchored_pattern.h"
#include "files/heuristics/heuristics.h"
#include "files/heuristics/pattern.h"
#include "files/heuristics/php_assignment.h"
#include "files/heuristics/trigger.h"

namespace shodo::files {
namespace {

struct Sink {
  std::vector<std::string_view> words;  // every match begins with one; none: it may begin anywhere
  const char* pattern;  // ends where the argument starts: at '(' or before the bare operand
  int arg;              // which argument carries the danger; -1: any
  int direct, via_var;  // points when input is in the argument / in a variable there
  const char* what;     // for the reason
  const char* what_ja;
};

// Request input: every match of a grammar's `source` begins with one of
// these words, so a file without any of them has no input to follow.
const std::vector<std::string_view> kPhpInputWords{
    "$_GET",    "$_POST",      "$_REQUEST", "$_COOKIE",      "$_FILES",
    "$_SERVER", "php://input", "$HTTP_",    "getallheaders", "$GLOBALS"};
const std::vector<std::string_view> kJspInputWords{"request.get"};
const std::vector<std::string_view> kAspInputWords{"request"};  // any case

const Trigger kPhpInput(any_literal(kPhpInputWords));
const Trigger kJspInput(any_literal(kJspInputWords));
const Trigger kAspInput(any_literal(kAspInputWords), true);

// fn(variable, right-hand side) for each assignment of a file, in order.
using AssignmentFn = std::function<bool(std::string_view, std::string_view)>;
using Assignments = std::function<void(std::string_view, const AssignmentFn&)>;

// Assignments as a regex reads them: group 1 the variable, group 2 the value.
Assignments regex_assignments(const char* re) {
  auto assign = std::make_shared<const Pattern>(re);
  return [assign](std::string_view text, const AssignmentFn& fn) {
    assign->each(text, [&](std::string_view, const std::vector<std::string_view>& g) {
      return fn(g[0], g[1]);
    });
  };
}

struct Grammar {
  const Trigger& input;
  AnchoredPattern source;
  Assignments assignments;
  Pattern variable;  // variable names inside an argument
  std::vector<std::pair<AnchoredPattern, Sink>> sinks;
  bool member_check;  // $obj->exec() is not exec()
};

std::vector<std::pair<AnchoredPattern, Sink>> make_sinks(std::initializer_list<Sink> sinks,
                                                         bool icase) {
  std::vector<std::pair<AnchoredPattern, Sink>> out;
  for (const Sink& s : sinks) out.emplace_back(AnchoredPattern(s.words, s.pattern, icase), s);
  return out;
}

constexpr const char* kRun = "runs code or commands";
constexpr const char* kRunJa = "コードやコマンドを実行する";

const Grammar& php() {
  static const Grammar l{
      kPhpInput,
      AnchoredPattern(
          kPhpInputWords,
          R"(\$_(?:GET|POST|REQUEST|COOKIE|FILES)\b|\$_SERVER\s*\[\s*['"](?:HTTP_\w+|QUERY_STRING|REQUEST_URI|PATH_INFO|PHP_AUTH_\w+)|\$GLOBALS\s*\[\s*['"]_(?:GET|POST|REQUEST|COOKIE|FILES)['"]\s*\]|php://input|\$HTTP_RAW_POST_DATA|\$HTTP_(?:GET|POST|COOKIE)_VARS|\bgetallheaders\s*\()"),
      [](std::string_view text, const AssignmentFn& fn) {
        each_php_assignment(text, {.indexed = true, .max_value = 400}, fn);
      },
      Pattern(R"(\$[A-Za-z_]\w*)"),
      make_sinks(
          {
              {{"eval", "assert"}, R"(\b(?:eval|assert)\s*\()", -1, 70, 55, kRun, kRunJa},
              {{"create_function"}, R"(\bcreate_function\s*\()", -1, 70, 55, kRun, kRunJa},
              {{"system", "exec", "passthru", "shell_exec", "popen", "proc_open", "pcntl_exec"},
               R"(\b(?:system|exec|passthru|shell_exec|popen|proc_open|pcntl_exec)\s*\()",
               0,
               70,
               55,
               kRun,
               kRunJa},
              {{"call_user_func", "array_map", "register_shutdown_function", "ob_start",
                "forward_static_call"},
               R"(\b(?:call_user_func|call_user_func_array|array_map|register_shutdown_function|ob_start|forward_static_call)\s*\()",
               0,
               60,
               45,
               "calls the function it is given",
               "渡された関数を呼び出す"},
              {{"usort", "uasort", "uksort", "array_filter", "array_walk", "array_reduce"},
               R"(\b(?:usort|uasort|uksort|array_filter|array_walk|array_reduce)\s*\()",
               1,
               60,
               45,
               "calls the function it is given",
               "渡された関数を呼び出す"},
              {{"include", "require"},
               R"(\b(?:include|require)(?:_once)?\b\s*)",
               0,
               35,
               20,
               "loads a file as code",
               "ファイルをコードとして読み込む"},
              // A function named by a variable: see below.
              {{}, R"(\$[A-Za-z_]\w*\s*(?:\[[^\]\n]{0,40}\]\s*)?\()", -1, 0, 0, "", ""},
          },
          true),
      true};
  return l;
}

const Grammar& jsp() {
  static const Grammar l{
      kJspInput,
      AnchoredPattern(
          kJspInputWords,
          R"(request\.get(?:Parameter|ParameterValues|ParameterMap|Header|Headers|InputStream|Reader|QueryString)\s*\()"),
      regex_assignments(R"(\b([A-Za-z_]\w*)\s*=([^=][^;]{0,400}))"),
      Pattern(R"(\b[A-Za-z_]\w*\b)"),
      make_sinks({{{".exec"}, R"(\.exec\s*\()", -1, 70, 55, kRun, kRunJa},
                  {{"new"}, R"(\bnew\s+ProcessBuilder\s*\()", -1, 70, 55, kRun, kRunJa},
                  {{".eval"}, R"(\.eval\s*\()", -1, 70, 55, kRun, kRunJa},
                  {{"defineClass"},
                   R"(\bdefineClass\s*\()",
                   -1,
                   70,
                   55,
                   "defines a class from bytes",
                   "バイト列からクラスを定義する"}},
                 false),
      false};
  return l;
}

const Grammar& asp() {
  static const Grammar l{
      kAspInput,
      AnchoredPattern(
          kAspInputWords,
          R"(Request(?:\.(?:Form|QueryString|Item|Params|Cookies|Headers|ServerVariables))?\s*[\[(]|Request\.InputStream|Request\.BinaryRead)",
          true),
      regex_assignments(R"(\b([A-Za-z_]\w*)\s*=([^=][^;\n]{0,400}))"),
      Pattern(R"(\b[A-Za-z_]\w*\b)"),
      make_sinks({{{"eval"}, R"(\beval\s*\()", -1, 70, 55, kRun, kRunJa},
                  {{"execute"}, R"(\bexecute(?:global)?\b\s*)", -1, 70, 55, kRun, kRunJa},
                  {{"Process.Start"}, R"(\bProcess\.Start\s*\()", -1, 70, 55, kRun, kRunJa},
                  {{"ProcessStartInfo"}, R"(\bProcessStartInfo\s*\()", -1, 70, 55, kRun, kRunJa},
                  {{".Exec"}, R"(\.Exec\s*\()", -1, 70, 55, kRun, kRunJa},
                  {{"Assembly.Load"},
                   R"(\bAssembly\.Load\s*\()",
                   -1,
                   70,
                   55,
                   "loads code from bytes",
                   "バイト列からコードを読み込む"}},
                 true),
      false};
  return l;
}

const Grammar* grammar_of(Language l) {
  switch (l) {
    case Language::php: return &php();
    case Language::jsp: return &jsp();
    case Language::asp: return &asp();
    default: return nullptr;
  }
}

// The operand of a sink: the call's argument list, or for a bare operand
// (include $x; Execute x) the rest of the statement.
std::string_view operand(std::string_view text, size_t at) {
  if (at < text.size() && text[at] == '(') return call_arguments(text, at);
  size_t end = text.find_first_of(";\n", at);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(at, std::min<size_t>(end - at, 400));
}

struct Taint {
  std::set<std::string, std::less<>> vars;
};

// Variables assigned straight from request input (one hop: following
// further in a file without scopes taints half of a large CMS file). A
// right-hand side that only tests the input or passes it through a
// sanitizer does not count.
Taint tainted_variables(const Grammar& l, std::string_view text) {
  Taint t;
  static const Pattern tested_or_cleaned(
      R"(\bisset\s*\(|\bempty\s*\(|==|!=|\?|\b(?:int|bool|float)val\s*\(|\(\s*(?:int|bool|float)\s*\)|\babsint\s*\(|\bbasename\s*\(|\b(?:sanitize|esc)_\w+\s*\(|htmlspecialchars|\bin_array\s*\(|\bpreg_match\s*\(|\bcount\s*\(|\bis_\w+\s*\(|\bParse\(|Integer\.parseInt|Encode\()",
      true);
  // $in = $_POST (or &$_POST, $_GET + $_POST, array_merge($_GET, $_POST)):
  // the variable is the request's variables under another name, and what
  // is read from it is as near to the request as $_POST['x'].
  static const Pattern whole_superglobal(
      R"(^\s*&?\s*(?:\$_(?:GET|POST|REQUEST|COOKIE)\b\s*(?:\+\s*\$_(?:GET|POST|REQUEST|COOKIE)\b\s*)*|array_merge\s*\(\s*\$_(?:GET|POST|REQUEST|COOKIE)\s*(?:,\s*\$_(?:GET|POST|REQUEST|COOKIE)\s*)*\))\s*;?\s*$)");
  // Followed in small files only (a shell's size): in a library the copy and
  // what reads it may sit in different functions, which this reading, without
  // scopes, cannot tell apart.
  constexpr size_t kAliasedFileBytes = 32768;
  std::set<std::string, std::less<>> aliases;
  l.assignments(text, [&](std::string_view variable, std::string_view value) {
    if (l.source.find(value).data() && !tested_or_cleaned.find(value).data()) {
      t.vars.emplace(variable);
      if (&l == &php() && text.size() <= kAliasedFileBytes && whole_superglobal.find(value).data())
        aliases.emplace(variable);
    }
    return true;
  });
  if (!aliases.empty())
    l.assignments(text, [&](std::string_view variable, std::string_view value) {
      if (tested_or_cleaned.find(value).data()) return true;
      // Each "$name[" of the value, looked up among the copies.
      l.variable.each(value, [&](std::string_view name, const std::vector<std::string_view>&) {
        const size_t end = static_cast<size_t>(name.data() - value.data()) + name.size();
        const size_t next = value.find_first_not_of(" \t", end);
        if (next == std::string_view::npos || value[next] != '[' || !aliases.count(name))
          return true;
        t.vars.emplace(variable);
        return false;
      });
      return true;
    });
  // foreach ($_POST as $k => $v) taints both.
  static const Pattern foreach_(
      R"(foreach\s*\(\s*\$_(?:GET|POST|REQUEST|COOKIE)\s+as\s+(\$\w+)(?:\s*=>\s*(\$\w+))?)");
  if (&l == &php())
    foreach_.each(text, [&](std::string_view, const std::vector<std::string_view>& g) {
      for (auto v : g)
        if (!v.empty()) t.vars.emplace(v);
      return true;
    });
  return t;
}

// $table[$input] picks an entry; the input itself is not what runs.
bool used_as_index(std::string_view arg, std::string_view at) {
  size_t i = static_cast<size_t>(at.data() - arg.data());
  while (i > 0 && (arg[i - 1] == ' ' || arg[i - 1] == '\t')) --i;
  return i > 0 && arg[i - 1] == '[';
}

std::string_view tainted_in(const Grammar& l, const Taint& t, std::string_view arg) {
  if (std::none_of(t.vars.begin(), t.vars.end(),
                   [&](const std::string& v) { return arg.find(v) != std::string_view::npos; }))
    return {};
  std::string_view hit;
  l.variable.each(arg, [&](std::string_view v, const std::vector<std::string_view>&) {
    if (t.vars.count(v) && !used_as_index(arg, v)) hit = v;
    return !hit.data();
  });
  return hit;
}

std::string trimmed(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n(");
  return b == std::string_view::npos ? std::string() : std::string(s.substr(b, e - b + 1));
}

}  // namespace

void check_input_to_sink(const FileContext& c, std::vector<Signal>& out) {
  const Grammar* l = grammar_of(c.lang);
  if (!l || c.binary || !c.has(l->input)) return;
  std::string_view text = c.code();
  if (!l->source.find(text).data()) return;  // no request input at all: nothing to follow
  const Taint taint = tainted_variables(*l, text);
  struct Best {
    int points = 0;
    size_t offset = 0;
    std::string sink, input, what, what_ja;
    bool direct = false;
  } best;
  std::set<std::string> sinks_hit;
  // Not a structured binding: clang before 16 cannot capture one in a lambda.
  for (const auto& entry : l->sinks) {
    const auto& sink = entry.second;
    entry.first.each(text, [&](std::string_view m, const std::vector<std::string_view>&) {
      size_t at = static_cast<size_t>(m.data() - text.data());
      if (l->member_check && m[0] != '$' && is_member_or_definition(text, at)) return true;
      std::string_view args = operand(text, at + m.size() - (m.back() == '(' ? 1 : 0));
      std::string_view arg = args;
      bool variable_function = sink.direct == 0;
      if (sink.arg >= 0) {
        auto parts = split_arguments(args);
        if (static_cast<size_t>(sink.arg) >= parts.size()) return true;
        arg = parts[static_cast<size_t>(sink.arg)];
      }
      if (variable_function) {
        // $f(...) where $f itself came from the request: the attacker names the function.
        std::string name(m.substr(0, m.find_first_of(" \t[(")));
        if (!taint.vars.count(name) && !l->source.find(m).data()) return true;
        arg = m;
      }
      std::string_view src = l->source.find(arg);
      std::string_view var = src.data() ? std::string_view() : tainted_in(*l, taint, arg);
      if (!src.data() && !var.data()) return true;
      int points = variable_function ? 70 : src.data() ? sink.direct : sink.via_var;
      sinks_hit.insert(trimmed(m));
      if (points > best.points) {
        best = {points,
                at,
                trimmed(m),
                std::string(src.data() ? src : var),
                variable_function ? "is a function named by request input" : sink.what,
                variable_function ? "リクエスト入力で名前を決めた関数呼び出し" : sink.what_ja,
                src.data() != nullptr};
      }
      return true;
    });
  }
  // preg_replace with the /e modifier evaluates its replacement.
  if (l == &php()) {
    static const AnchoredPattern preg_e(
        {"preg_replace"},
        R"(\bpreg_replace\s*\(\s*['"]([^'"\\]|\\.)*[/#~|!@%]\s*[a-df-z]*e[a-z]*\s*['"])", true);
    preg_e.each(text, [&](std::string_view m, const std::vector<std::string_view>&) {
      size_t at = static_cast<size_t>(m.data() - text.data());
      std::string_view args = call_arguments(text, text.find('(', at));
      if (l->source.find(args).data() || tainted_in(*l, taint, args).data()) {
        sinks_hit.insert("preg_replace /e");
        if (70 > best.points)
          best = {70, at, "preg_replace /e", "request input", kRun, kRunJa, true};
      }
      return true;
    });
    // Backticks run a shell command in PHP; in comments they quote code, so
    // only backticks whose value is used count.
    static const Pattern backtick(R"((?:echo|print|return|=|\()\s*`[^`\n]{1,300}`\s*[;.)])");
    if (text.find('`') != std::string_view::npos)  // else there is nothing to match
      backtick.each(text, [&](std::string_view m, const std::vector<std::string_view>&) {
        std::string_view src = l->source.find(m);
        std::string_view var = src.data() ? std::string_view() : tainted_in(*l, taint, m);
        if (!src.data() && !var.data()) return true;
        sinks_hit.insert("backticks");
        int points = src.data() ? 70 : 55;
        if (points > best.points)
          best = {points,
                  static_cast<size_t>(m.data() - text.data()),
                  "backticks",
                  std::string(src.data() ? src : var),
                  kRun,
                  kRunJa,
                  src.data() != nullptr};
        return true;
      });
  }
  if (best.points == 0) return;
  int points = best.points;
  if (sinks_hit.size() > 1) points += 10;
  // A tiny file whose point is this call; in a large file a variable may
  // have been reassigned or checked far from where it was set.
  if (best.points >= 55 && c.info.size < 4096) points += 10;
  if (!best.direct && c.info.size > 32768) points -= 20;
  Signal s;
  s.id = c.lang == Language::php   ? "php.input_to_sink"
         : c.lang == Language::jsp ? "jsp.input_to_sink"
                                   : "asp.input_to_sink";
  s.points = points;
  s.title = "Request input reaches a code or command sink";
  s.title_ja = "リクエスト入力が実行系の関数に渡される";
  s.reason = best.sink + " (" + best.what + ") receives request input " +
             (best.direct ? "(" + best.input + ") directly"
                          : "through " + best.input + ", assigned from request input");
  s.reason_ja =
      best.sink + "（" + best.what_ja + "）にリクエスト入力" +
      (best.direct ? "（" + best.input + "）が直接" : "を代入した " + best.input + " が") +
      "渡されている";
  if (sinks_hit.size() > 1) {
    s.reason += "; " + std::to_string(sinks_hit.size()) + " such sinks";
    s.reason_ja += "（このような呼び出しが" + std::to_string(sinks_hit.size()) + "箇所）";
  }
  s.offset = best.offset;
  s.techniques = {"T1505.003", "T1059"};
  out.push_back(std::move(s));
}

}  // namespace shodo::files
