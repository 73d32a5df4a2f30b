// Decoding chains and names built at run time: how droppers hide the code they
// run (eval(gzinflate(base64_decode(...)))) and the function they call
// ('as'.'sert', chr(101).chr(118)..., "\x65\x76\x61\x6c", $f = 'system').
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "files/heuristics/anchored_pattern.h"
#include "files/heuristics/heuristics.h"
#include "files/heuristics/pattern.h"
#include "files/heuristics/php_assignment.h"
#include "files/heuristics/signal_util.h"
#include "files/heuristics/trigger.h"
#include "util/base64.h"
#include "util/hex.h"

namespace shodo::files {
namespace {

// Names a dropper hides: what it runs and how it unpacks.
constexpr std::string_view kSensitiveNames[] = {"eval",
                                                "assert",
                                                "system",
                                                "exec",
                                                "passthru",
                                                "shell_exec",
                                                "popen",
                                                "proc_open",
                                                "pcntl_exec",
                                                "create_function",
                                                "base64_decode",
                                                "gzinflate",
                                                "gzuncompress",
                                                "gzdecode",
                                                "str_rot13",
                                                "call_user_func",
                                                "call_user_func_array",
                                                "file_put_contents",
                                                "move_uploaded_file",
                                                "preg_replace",
                                                "function",
                                                "atob",
                                                "unescape",
                                                "fromcharcode"};

bool is_sensitive_name(std::string_view name) {
  std::string l = lower(name);
  return std::find(std::begin(kSensitiveNames), std::end(kSensitiveNames), l) !=
         std::end(kSensitiveNames);
}

constexpr const char* kDecoders =
    R"((?:base64_decode|gzinflate|gzuncompress|gzdecode|str_rot13|convert_uudecode|hex2bin|strrev|rawurldecode|urldecode|atob|unescape|decodeURIComponent|String\.fromCharCode|FromBase64String))";

bool is_code_language(Language l) {
  return l == Language::php || l == Language::js || l == Language::html || l == Language::asp ||
         l == Language::jsp;
}

void add(std::vector<Signal>& out, std::string_view text, std::string_view at, std::string id,
         int points, std::string title, std::string title_ja, std::string reason,
         std::string reason_ja) {
  add_signal(out, std::move(id), points, std::move(title), std::move(title_ja), std::move(reason),
             std::move(reason_ja), offset_in(text, at), {"T1027", "T1140"});
}

// Each check runs only where its trigger occurs (trigger.h). Every regex of
// this one calls a decoder of kDecoders: in the bytes, its name is followed by
// '(' or by a comment (blanked before the check reads the code).
constexpr const char* kCallOrComment = R"(\s*[(/#'])";
const Trigger kDecoderCall(std::string(kDecoders) + kCallOrComment, true);

void check_decode_chains(std::string_view text, std::vector<Signal>& out) {
  // Code run straight out of a decoder: eval(base64_decode(...)), eval(atob(...)).
  static const AnchoredPattern run_decoded(
      {"eval", "assert", "create_function", "function", "execute"},
      (std::string(R"(\b(?:eval|assert|create_function|Function|execute)\s*\(\s*@?\s*()") +
       kDecoders + R"()\s*\(\s*@?\s*()" + kDecoders + R"()?)")
          .c_str(),
      true);
  std::string_view best;
  bool chained = false;
  run_decoded.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
    if (is_member_or_definition(text, static_cast<size_t>(m.data() - text.data()))) return true;
    if (!best.data() || (!chained && !g[1].empty())) {
      best = m;
      chained = !g[1].empty();
    }
    return !chained;
  });
  if (best.data()) {
    add(out, text, best, "decoded_code_executed", chained ? 75 : 55,
        "Code decoded at run time and executed", "実行時に復号したコードを実行",
        std::string("decoded text is executed (") + std::string(best.substr(0, 80)) + ")" +
            (chained ? ", through a chain of decoders" : ""),
        "復号したテキストを実行している（" + std::string(best.substr(0, 80)) + "）" +
            (chained ? "、複数段の復号" : ""));
    return;
  }
  // A chain that involves compression or rot13: packing, not data handling.
  // Two shapes; the first in the text counts (they begin with different names).
  static const AnchoredPattern packer_chain(
      {"gzinflate", "gzuncompress", "gzdecode", "str_rot13", "convert_uudecode"},
      R"(\b(?:gzinflate|gzuncompress|gzdecode|str_rot13|convert_uudecode)\s*\(\s*@?\s*(?:base64_decode|str_rot13|gzinflate|gzuncompress|strrev|hex2bin)\s*\()",
      true);
  static const AnchoredPattern base64_chain(
      {"base64_decode"}, R"(\bbase64_decode\s*\(\s*(?:str_rot13|strrev|gzinflate)\s*\()", true);
  std::string_view a = packer_chain.find(text), b = base64_chain.find(text);
  std::string_view m = !a.data() || (b.data() && b.data() < a.data()) ? b : a;
  if (m.data())
    add(out, text, m, "decoding_chain", 30, "Chain of decoders (packed code)",
        "復号処理の連鎖（圧縮・難読化されたコード）",
        "decoders applied in a chain: " + std::string(m.substr(0, 80)),
        "復号関数の連鎖: " + std::string(m.substr(0, 80)));
}

// $a = base64_decode(...); $b = gzinflate($a); assert($b): the same chain
// staged through variables.
constexpr const char* kStagedDecoders =
    "(?:base64_decode|gzinflate|gzuncompress|gzdecode|str_rot13|convert_uudecode|hex2bin)";
const Trigger kStagedDecoderCall(std::string(kStagedDecoders) + kCallOrComment, true);

void check_staged_decoding(std::string_view text, std::vector<Signal>& out) {
  static const AnchoredPattern decoder(
      {"base64_decode", "gzinflate", "gzuncompress", "gzdecode", "str_rot13", "convert_uudecode",
       "hex2bin"},
      (std::string(R"(\b)") + kStagedDecoders + R"(\s*\()").c_str(), true);
  static const Pattern var(R"(\$[A-Za-z_]\w*)");
  std::set<std::string, std::less<>> decoded;
  auto holds_decoded = [&](std::string_view s) {
    if (decoded.empty()) return false;
    bool hit = false;
    var.each(s, [&](std::string_view v, const std::vector<std::string_view>&) {
      hit = decoded.count(v) > 0;
      return !hit;
    });
    return hit;
  };
  for (int round = 0; round < 2; ++round)
    each_php_assignment(text, {.indexed = false, .max_value = 300},
                        [&](std::string_view variable, std::string_view value) {
                          if (decoder.find(value).data() || holds_decoded(value))
                            decoded.emplace(variable);
                          return true;
                        });
  if (decoded.empty()) return;
  static const AnchoredPattern sink({"eval", "assert", "create_function"},
                                    R"(\b(?:eval|assert|create_function)\s*\()", true);
  sink.each(text, [&](std::string_view m, const std::vector<std::string_view>&) {
    size_t at = offset_in(text, m);
    if (is_member_or_definition(text, at)) return true;
    std::string_view args = call_arguments(text, at + m.size() - 1);
    if (!holds_decoded(args)) return true;
    add(out, text, m, "decoded_code_executed", 50, "Code decoded at run time and executed",
        "実行時に復号したコードを実行",
        "the output of a decoder is stored in a variable and executed: " +
            std::string(text.substr(at, std::min<size_t>(80, text.size() - at))),
        "復号結果を変数に入れて実行している: " +
            std::string(text.substr(at, std::min<size_t>(80, text.size() - at))));
    return false;
  });
}

// 'as'.'sert' or "ev"+"al": a sensitive name only the joined pieces spell.
// The first piece is a quoted start of the name, followed by the join or by a
// comment (blanked before the check reads the code).
std::string split_name_start() {
  std::set<std::string> quoted;  // 'a' 'as'... "a" "as"...: plain words, which Hyperscan finds fast
  for (std::string_view name : kSensitiveNames)
    for (size_t n = 1; n < name.size() && n <= 14; ++n)
      for (char q : {'\'', '"'}) quoted.insert(q + std::string(name.substr(0, n)) + q);
  return any_literal({quoted.begin(), quoted.end()}) + R"(\s*[.+/#'])";
}
const Trigger kSplitNameStart(split_name_start(), true);

void check_split_names(std::string_view text, std::vector<Signal>& out) {
  static const Pattern split(
      R"((?:'\w{1,14}'|"\w{1,14}")(?:\s*[.+]\s*(?:'\w{1,14}'|"\w{1,14}"))+)");
  static const Pattern piece(R"(['"](\w{1,14})['"])");
  split.each(text, [&](std::string_view m, const std::vector<std::string_view>&) {
    std::string joined;
    bool whole_in_piece = false;
    piece.each(m, [&](std::string_view, const std::vector<std::string_view>& g) {
      joined += g[0];
      whole_in_piece |= is_sensitive_name(g[0]);
      return true;
    });
    if (whole_in_piece || !is_sensitive_name(joined)) return true;
    add(out, text, m, "split_name", 50, "Function name split into pieces",
        "関数名を分割して隠している",
        "the name " + joined + " is assembled from string pieces: " + std::string(m.substr(0, 80)),
        "関数名 " + joined + " を文字列の断片から組み立てている: " + std::string(m.substr(0, 80)));
    return false;
  });
}

// chr(101).chr(118)... and String.fromCharCode(101,118,...); chr may be
// followed by a comment before its '('.
const Trigger kCharCodes(R"(chr\s*[(/#']|fromCharCode)", true);

void check_char_codes(std::string_view text, std::vector<Signal>& out) {
  static const AnchoredPattern chr_chain(
      {"chr"}, R"((?:\bchr\s*\(\s*\d{1,3}\s*\)\s*\.\s*){3,}\bchr\s*\(\s*\d{1,3}\s*\))", true);
  static const AnchoredPattern from_char_code(
      {"String.fromCharCode"},
      R"(String\.fromCharCode\s*\(\s*(\d{1,3}(?:\s*,\s*\d{1,3}){3,})\s*\))");
  static const Pattern number(R"((\d{1,3}))");
  auto decode = [&](std::string_view s) {
    std::string d;
    number.each(s, [&](std::string_view, const std::vector<std::string_view>& g) {
      d += static_cast<char>(std::stoi(std::string(g[0])) & 0xff);
      return true;
    });
    return d;
  };
  int longest = 0;
  std::string_view where;
  std::string named;
  auto consider = [&](std::string_view m, std::string_view digits) {
    std::string d = decode(digits);
    if (is_sensitive_name(d) && named.empty()) {
      named = d;
      where = m;
    }
    if (static_cast<int>(d.size()) > longest) {
      longest = static_cast<int>(d.size());
      if (named.empty()) where = m;
    }
    return true;
  };
  chr_chain.each(text, [&](std::string_view m, const std::vector<std::string_view>&) {
    return consider(m, m);
  });
  from_char_code.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
    return consider(m, g[0]);
  });
  if (!named.empty()) {
    add(out, text, where, "char_code_name", 50, "Function name built from character codes",
        "文字コードから関数名を組み立てている",
        "character codes spell " + named + ": " + std::string(where.substr(0, 80)),
        "文字コードで " + named + " を組み立てている: " + std::string(where.substr(0, 80)));
  } else if (longest >= 16) {
    add(out, text, where, "char_code_string", 25, "Text built from character codes",
        "文字コードから文字列を組み立てている",
        std::to_string(longest) + " characters built from character codes",
        std::to_string(longest) + "文字を文字コードから組み立てている");
  }
}

// "\x65\x76\x61\x6c" and "\145\166\141\154": escapes spelling a name.
// A match holds no white space, so the regex itself is the trigger.
constexpr const char* kEscapedName = R"(["']((?:\\x[0-9a-fA-F]{2}|\\[0-7]{3}){3,})["'])";
const Trigger kEscapedString(kEscapedName);
const std::vector<std::string_view> kEscapeStarts{
    R"("\x)", R"('\x)", R"("\0)", R"('\0)", R"("\1)", R"('\1)", R"("\2)", R"('\2)", R"("\3)",
    R"('\3)", R"("\4)", R"('\4)", R"("\5)", R"('\5)", R"("\6)", R"('\6)", R"("\7)", R"('\7)"};

void check_escaped_names(std::string_view text, std::vector<Signal>& out) {
  static const AnchoredPattern escaped(kEscapeStarts, kEscapedName);
  escaped.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
    std::string d;
    for (size_t i = 0; i + 1 < g[0].size();) {
      if (g[0][i + 1] == 'x') {
        d += static_cast<char>(std::stoi(std::string(g[0].substr(i + 2, 2)), nullptr, 16));
        i += 4;
      } else {
        d += static_cast<char>(std::stoi(std::string(g[0].substr(i + 1, 3)), nullptr, 8) & 0xff);
        i += 4;
      }
    }
    if (!is_sensitive_name(d)) return true;
    add(out, text, m, "escaped_name", 50, "Function name written as escape codes",
        "関数名をエスケープ表記で隠している",
        "escape codes spell " + d + ": " + std::string(m.substr(0, 80)),
        "エスケープ表記で " + d + " を表している: " + std::string(m.substr(0, 80)));
    return false;
  });
}

// Where each variable of a file is last called ($f(...)): "is $f called after
// this point" in one look-up. Searching the rest of the file for each
// assignment instead costs assignments × file size, which a file written
// for it (thousands of assignments, no call) turns into minutes.
class VariableCalls {
 public:
  explicit VariableCalls(std::string_view text) {
    static const Pattern call(R"((\$\w+)\s*\()");
    call.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
      last_[std::string(g[0])] = static_cast<size_t>(m.data() - text.data());
      return true;
    });
  }
  bool called_after(std::string_view variable, size_t offset) const {
    const auto it = last_.find(variable);
    return it != last_.end() && it->second >= offset;
  }

 private:
  std::map<std::string, size_t, std::less<>> last_;
};

// Each `$v = 'word';` of a file, in order: read once for the checks that
// follow names kept in variables.
struct LiteralAssignment {
  std::string_view statement, variable, value;
  size_t end;  // offset just past the statement
};

std::vector<LiteralAssignment> literal_assignments(std::string_view text) {
  static const Pattern assigned(R"((\$\w+)\s*=\s*['"](\w{1,20})['"]\s*;)");
  std::vector<LiteralAssignment> out;
  assigned.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
    out.push_back({m, g[0], g[1], static_cast<size_t>(m.data() - text.data()) + m.size()});
    return true;
  });
  return out;
}

// $f = 'assert'; ... $f(...): a sensitive function called through a variable.
// In the bytes, the quoted name ends its statement or a comment follows it.
const Trigger kQuotedSensitiveName(R"(['"])" +
                                       any_literal({std::begin(kSensitiveNames),
                                                    std::end(kSensitiveNames)}) +
                                       R"(['"]\s*[;/#])",
                                   true);

void check_variable_functions(std::string_view text, const std::vector<LiteralAssignment>& literals,
                              const VariableCalls& calls, std::vector<Signal>& out) {
  for (const LiteralAssignment& a : literals) {
    if (a.value.size() < 3 || !is_sensitive_name(a.value) || !calls.called_after(a.variable, a.end))
      continue;
    add(out, text, a.statement, "variable_function", 45,
        "Sensitive function called through a variable", "危険な関数を変数経由で呼び出している",
        std::string(a.value) + " is stored in " + std::string(a.variable) +
            " and called through it",
        std::string(a.value) + " を " + std::string(a.variable) + " に入れて呼び出している");
    return;
  }
}

// str_rot13('riny') and strrev('tressa'): a sensitive name only the
// transform spells (str_replace of filler is another, below).
// (A comment may stand before the '(' or the quote.)
const Trigger kTransformedName(R"((?:str_rot13|strrev)\s*[(/#])", true);

void check_transformed_names(std::string_view text, std::vector<Signal>& out) {
  static const Pattern call(R"((str_rot13|strrev)\s*\(\s*['"](\w{3,20})['"]\s*\))", true);
  call.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
    std::string name(g[1]);
    if (lower(g[0]) == "strrev") {
      std::reverse(name.begin(), name.end());
    } else {
      for (char& ch : name) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>('a' + (ch - 'a' + 13) % 26);
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>('A' + (ch - 'A' + 13) % 26);
      }
    }
    if (!is_sensitive_name(name)) return true;
    add(out, text, m, "transformed_name", 50, "Function name hidden by a string transform",
        "関数名を文字列変換で隠している",
        std::string(g[0]) + " turns " + std::string(g[1]) + " into " + name + ": " +
            std::string(m.substr(0, 80)),
        std::string(g[0]) + " で " + std::string(g[1]) + " を " + name +
            " に変えている: " + std::string(m.substr(0, 80)));
    return false;
  });
}

// str_replace('Fx', '', 'creFxaFxte_FxfuFxnction'): a sensitive name only the
// removal of filler spells.
const Trigger kFillerRemoved(R"(str_replace\s*[(/#])", true);

void check_filler_removed_names(std::string_view text, std::vector<Signal>& out) {
  static const AnchoredPattern call(
      {"str_replace"},
      R"(str_replace\s*\(\s*['"](\w{1,8})['"]\s*,\s*(?:''|"")\s*,\s*['"](\w{3,80})['"]\s*\))",
      true);
  call.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
    const std::string_view filler = g[0];
    std::string name;
    const std::string_view padded = g[1];
    for (size_t i = 0; i < padded.size();) {
      if (padded.substr(i, filler.size()) == filler) {
        i += filler.size();
      } else {
        name += padded[i++];
      }
    }
    if (name.size() == padded.size() || !is_sensitive_name(name)) return true;
    add(out, text, m, "transformed_name", 50, "Function name hidden by a string transform",
        "関数名を文字列変換で隠している",
        "removing " + std::string(filler) + " from " + std::string(padded) + " gives " + name +
            ": " + std::string(m.substr(0, 80)),
        std::string(padded) + " から " + std::string(filler) + " を除くと " + name +
            " になる: " + std::string(m.substr(0, 80)));
    return false;
  });
}

// base64_decode('c3lzdGVt') and hex2bin('73797374656d'): a sensitive name
// kept encoded in the code.
const Trigger kDecodedLiteral(R"((?:base64_decode|hex2bin)\s*[(/#])", true);

void check_encoded_names(std::string_view text, std::vector<Signal>& out) {
  static const Pattern call(R"((base64_decode|hex2bin)\s*\(\s*['"]([A-Za-z0-9+/=]{4,40})['"]\s*\))",
                            true);
  call.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
    const std::string_view literal = g[1];
    std::string name;
    if (lower(g[0]) == "hex2bin") {
      if (literal.size() % 2 != 0) return true;
      for (size_t i = 0; i < literal.size(); i += 2) {
        const int hi = util::hex_value(literal[i]), lo = util::hex_value(literal[i + 1]);
        if (hi < 0 || lo < 0) return true;
        name += static_cast<char>(hi * 16 + lo);
      }
    } else if (!util::decode_base64(literal, name)) {
      return true;
    }
    if (!is_sensitive_name(name)) return true;
    add(out, text, m, "encoded_name", 50, "Function name kept encoded",
        "関数名を符号化して隠している",
        std::string(g[0]) + " of " + std::string(literal) + " gives " + name + ": " +
            std::string(m.substr(0, 80)),
        std::string(g[0]) + " で " + std::string(literal) + " から " + name +
            " を得ている: " + std::string(m.substr(0, 80)));
    return false;
  });
}

// $a = 'sys'; $b = 'tem'; $c = $a . $b; $c(...): the pieces of a name kept
// in variables first, then joined and called.
// (A comment may stand between the pieces; the check reads code without them.)
constexpr const char* kGap = R"((?:\s|/\*[^*]*\*/|//[^\n]*\n|#[^\n]*\n)*)";
const Trigger kJoinedVariables(std::string("=") + kGap + R"((?:\$\w+|['"]\w{1,14}['"]))" + kGap +
                               R"(\.)" + kGap + R"([$'"])");

void check_joined_variables(std::string_view text, const std::vector<LiteralAssignment>& assigned,
                            const VariableCalls& calls, std::vector<Signal>& out) {
  static const Pattern joined(
      R"((\$\w+)\s*=\s*((?:\$\w+|'\w{1,14}'|"\w{1,14}")(?:\s*\.\s*(?:\$\w+|'\w{1,14}'|"\w{1,14}"))+)\s*;)");
  static const Pattern piece(R"(\$(\w+)|['"](\w{1,14})['"])");
  std::map<std::string, std::string, std::less<>> literals;  // pieces: up to 14 characters
  for (const LiteralAssignment& a : assigned)
    if (a.value.size() <= 14) literals[std::string(a.variable)] = std::string(a.value);
  if (literals.empty()) return;
  joined.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
    std::string name;
    bool resolved = true, from_variable = false;
    piece.each(g[1], [&](std::string_view p, const std::vector<std::string_view>& q) {
      if (q[0].empty()) {
        name += q[1];
        return true;
      }
      auto it = literals.find(p);
      if (it == literals.end()) return resolved = false;
      name += it->second;
      from_variable = true;
      return true;
    });
    if (!resolved || !from_variable || !is_sensitive_name(name)) return true;
    const size_t after = static_cast<size_t>(m.data() - text.data()) + m.size();
    if (!calls.called_after(g[0], after)) return true;
    add(out, text, m, "split_name", 50, "Function name split into pieces",
        "関数名を分割して隠している",
        "the name " + name + " is assembled from variables holding its pieces and called: " +
            std::string(m.substr(0, 80)),
        "断片を入れた変数から関数名 " + name +
            " を組み立てて呼び出している: " + std::string(m.substr(0, 80)));
    return false;
  });
}

// ("<"^"{") and $_^"/": names spelled by XOR of short strings, the way
// shells without letters or digits build $_GET and the function they call.
const Trigger kXorString(std::string(R"(['"])") + kGap + R"(\^|\^)" + kGap + R"(['"])");

void check_xor_strings(std::string_view text, std::vector<Signal>& out) {
  static const Pattern xored(
      R"((?:'[^'\s,]{1,4}'|"[^"\s,]{1,4}"|\$\w+)\s*\^\s*(?:'[^'\s,]{1,4}'|"[^"\s,]{1,4}"))");
  size_t count = 0;
  std::string_view first;
  xored.each(text, [&](std::string_view m, const std::vector<std::string_view>&) {
    if (!first.data()) first = m;
    return ++count < 3;
  });
  if (count < 3) return;
  add(out, text, first, "xor_strings", 45, "Strings built by XOR of short strings",
      "短い文字列の XOR で文字列を組み立てている",
      "names spelled by XOR of short strings, as shells without letters do: " +
          std::string(first.substr(0, 80)),
      "英数字を使わない Web シェルのように、短い文字列の XOR で名前を作っている: " +
          std::string(first.substr(0, 80)));
}

// ${'_'.$x}['a'](...): a request variable whose name is made at run time,
// indexed and called.
void check_runtime_variable_calls(std::string_view text, std::vector<Signal>& out) {
  static const Pattern call(R"(\$\{\s*['"]_['"]\s*\.\s*\$\w+\s*\}\s*\[[^\]\n]{1,20}\]\s*\()");
  const std::string_view m = call.find(text);
  if (!m.data()) return;
  add(out, text, m, "runtime_superglobal_call", 50,
      "Function called from a variable named at run time",
      "実行時に名前を作った変数から関数を呼び出している",
      "a variable named '_' plus a computed suffix ($_GET, $_POST...) names the function: " +
          std::string(m.substr(0, 80)),
      "'_' と計算した文字列で名前を作った変数（$_GET・$_POST など）が関数名を決めている: " +
          std::string(m.substr(0, 80)));
}

// ${'_G'.'ET'} or ${"_"."POST"}: the request's variables reached through a
// name joined from strings, which no application needs.
const Trigger kJoinedVariableName(R"(\$\{\s*['"/#])");

void check_joined_superglobals(std::string_view text, std::vector<Signal>& out) {
  static const Pattern braced(
      R"(\$\{\s*((?:'\w{0,10}'|"\w{0,10}")(?:\s*\.\s*(?:'\w{0,10}'|"\w{0,10}"))+)\s*\})");
  static const Pattern piece(R"(['"](\w{0,10})['"])");
  static constexpr std::string_view kRequestVariables[] = {
      "_GET", "_POST", "_REQUEST", "_COOKIE", "_SERVER", "_FILES", "_ENV", "GLOBALS"};
  braced.each(text, [&](std::string_view m, const std::vector<std::string_view>& g) {
    std::string joined;
    piece.each(g[0], [&](std::string_view, const std::vector<std::string_view>& p) {
      joined += p[0];
      return true;
    });
    if (std::find(std::begin(kRequestVariables), std::end(kRequestVariables), joined) ==
        std::end(kRequestVariables))
      return true;
    add(out, text, m, "joined_superglobal", 60, "Request variables named by joined strings",
        "リクエスト変数の名前を文字列の連結で隠している",
        "$" + joined + " is reached as " + std::string(m.substr(0, 80)),
        "$" + joined + " を " + std::string(m.substr(0, 80)) + " として参照している");
    return false;
  });
}

}  // namespace

void check_decoding(const FileContext& c, std::vector<Signal>& out) {
  if (c.binary || !is_code_language(c.lang)) return;
  if (c.has(kDecoderCall)) check_decode_chains(c.code(), out);
  if (c.has(kSplitNameStart)) check_split_names(c.code(), out);
  if (c.has(kCharCodes)) check_char_codes(c.code(), out);
  if (c.has(kEscapedString)) check_escaped_names(c.code(), out);
  if (c.lang == Language::php) {
    // Read once, for the checks that need them.
    std::optional<VariableCalls> calls;
    std::optional<std::vector<LiteralAssignment>> literals;
    auto variable_calls = [&]() -> const VariableCalls& {
      if (!calls) calls.emplace(c.code());
      return *calls;
    };
    auto literal_values = [&]() -> const std::vector<LiteralAssignment>& {
      if (!literals) literals = literal_assignments(c.code());
      return *literals;
    };
    if (c.has(kQuotedSensitiveName))
      check_variable_functions(c.code(), literal_values(), variable_calls(), out);
    if (c.has(kTransformedName)) check_transformed_names(c.code(), out);
    if (c.has(kDecodedLiteral)) check_encoded_names(c.code(), out);
    if (c.has(kFillerRemoved)) check_filler_removed_names(c.code(), out);
    if (c.has(kJoinedVariableName)) check_joined_superglobals(c.code(), out);
    if (c.has(kJoinedVariables) &&
        std::none_of(out.begin(), out.end(), [](const Signal& s) { return s.id == "split_name"; }))
      check_joined_variables(c.code(), literal_values(), variable_calls(), out);
    if (c.has(kXorString)) check_xor_strings(c.code(), out);
    if (c.has(kJoinedVariableName)) check_runtime_variable_calls(c.code(), out);
    if (c.has(kStagedDecoderCall) && std::none_of(out.begin(), out.end(), [](const Signal& s) {
          return s.id == "decoded_code_executed";
        }))
      check_staged_decoding(c.code(), out);
  }
}

}  // namespace shodo::files
