#include "detect/sigma/condition.h"

#include <cctype>

#include "detect/sigma/rule_error.h"

namespace shodo::detect::sigma {
namespace {

// Deepest nesting of brackets and `not` accepted; real rules use a handful.
constexpr int kMaxDepth = 64;

std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '(' || c == ')' || c == '|') {
      tokens.emplace_back(1, c);
      ++i;
    } else {
      const size_t start = i;
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) &&
             text[i] != '(' && text[i] != ')' && text[i] != '|')
        ++i;
      tokens.emplace_back(text.substr(start, i - start));
    }
  }
  return tokens;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `*` matches any run of characters. Linear: on a mismatch, the last `*`
// takes one more character.
bool wildcard_match(std::string_view pattern, std::string_view name) {
  size_t p = 0, n = 0, star = std::string_view::npos, star_n = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_n = n;
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p, ++n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++star_n;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

Condition leaf(int selection) {
  Condition c;
  c.op = Condition::Op::selection;
  c.selection = selection;
  return c;
}

Condition join(Condition::Op op, std::vector<Condition> operands) {
  if (operands.size() == 1) return std::move(operands.front());
  Condition c;
  c.op = op;
  c.operands = std::move(operands);
  return c;
}

constexpr std::string_view kAggregation =
    "Sigma v1 aggregations and 'near' are not supported: write a Sigma correlation rule instead";

class Parser {
 public:
  Parser(std::string_view text, const std::vector<Selection>& selections)
      : tokens_(tokenize(text)), selections_(selections) {}

  Condition parse() {
    for (const std::string& t : tokens_)
      if (t == "|" || lower(t) == "near") fail_unsupported(std::string(kAggregation));
    if (tokens_.empty()) fail("the condition is empty");
    Condition c = parse_or(0);
    if (pos_ < tokens_.size()) fail("unexpected '" + tokens_[pos_] + "' in the condition");
    return c;
  }

 private:
  bool at(std::string_view keyword) const {
    return pos_ < tokens_.size() && lower(tokens_[pos_]) == keyword;
  }

  const std::string& take(std::string_view what) {
    if (pos_ >= tokens_.size())
      fail("the condition ends where " + std::string(what) + " should be");
    return tokens_[pos_++];
  }

  Condition parse_or(int depth) {
    std::vector<Condition> operands{parse_and(depth)};
    while (at("or")) {
      ++pos_;
      operands.push_back(parse_and(depth));
    }
    return join(Condition::Op::any_of, std::move(operands));
  }

  Condition parse_and(int depth) {
    std::vector<Condition> operands{parse_not(depth)};
    while (at("and")) {
      ++pos_;
      operands.push_back(parse_not(depth));
    }
    return join(Condition::Op::all_of, std::move(operands));
  }

  Condition parse_not(int depth) {
    if (depth > kMaxDepth) fail("the condition is nested too deeply");
    if (!at("not")) return parse_primary(depth);
    ++pos_;
    Condition c;
    c.op = Condition::Op::not_;
    c.operands.push_back(parse_not(depth + 1));
    return c;
  }

  Condition parse_primary(int depth) {
    const std::string& token = take("a selection");
    if (token == "(") {
      Condition c = parse_or(depth + 1);
      if (take("')'") != ")") fail("a '(' in the condition is not closed");
      return c;
    }
    const std::string word = lower(token);
    if (at("of")) {
      ++pos_;
      return parse_quantifier(word);
    }
    if (token == ")" || word == "and" || word == "or" || word == "not" || word == "of")
      fail("unexpected '" + token + "' in the condition");
    for (size_t i = 0; i < selections_.size(); ++i)
      if (selections_[i].name == token) return leaf(static_cast<int>(i));
    fail("the condition names '" + token + "', which is not a selection of the rule");
  }

  // `1 of x*`, `any of them`, `all of them`...
  Condition parse_quantifier(const std::string& quantifier) {
    Condition::Op op;
    if (quantifier == "1" || quantifier == "any") {
      op = Condition::Op::any_of;
    } else if (quantifier == "all") {
      op = Condition::Op::all_of;
    } else if (!quantifier.empty() &&
               quantifier.find_first_not_of("0123456789") == std::string::npos) {
      fail_unsupported("'" + quantifier + " of' is not supported (only '1 of' and 'all of')");
    } else {
      fail("'" + quantifier + " of' must be '1 of', 'any of' or 'all of'");
    }
    const std::string& pattern = take("a selection pattern or 'them'");
    const bool them = lower(pattern) == "them";
    std::vector<Condition> operands;
    for (size_t i = 0; i < selections_.size(); ++i) {
      const std::string& name = selections_[i].name;
      if (them ? !name.starts_with('_') : wildcard_match(pattern, name))
        operands.push_back(leaf(static_cast<int>(i)));
    }
    if (operands.empty())
      fail("'" + pattern + "' in the condition matches no selection of the rule");
    return join(op, std::move(operands));
  }

  std::vector<std::string> tokens_;
  const std::vector<Selection>& selections_;
  size_t pos_ = 0;
};

}  // namespace

Condition parse_condition(std::string_view text, const std::vector<Selection>& selections) {
  return Parser(text, selections).parse();
}

Condition any_of(std::vector<Condition> conditions) {
  return join(Condition::Op::any_of, std::move(conditions));
}

}  // namespace shodo::detect::sigma
