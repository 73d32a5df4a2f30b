#include "detect/engine/fallback_regex.h"

#include <re2/re2.h>

#include <regex>

namespace shodo::detect::engine {
namespace {

class Re2Regex final : public FallbackRegex {
 public:
  explicit Re2Regex(std::unique_ptr<re2::RE2> re) : re_(std::move(re)) {}
  bool search(std::string_view text) const override {
    return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
  }
  std::string_view engine_name() const override { return "RE2"; }

 private:
  std::unique_ptr<re2::RE2> re_;
};

// std::regex recurses per character: on hostile input it must see a bounded
// slice or it can exhaust the stack.
constexpr size_t kStdRegexMaxInput = 8192;

class StdRegex final : public FallbackRegex {
 public:
  explicit StdRegex(std::regex re) : re_(std::move(re)) {}
  bool search(std::string_view text) const override {
    if (text.size() > kStdRegexMaxInput) text = text.substr(0, kStdRegexMaxInput);
    try {
      return std::regex_search(text.begin(), text.end(), re_);
    } catch (const std::regex_error&) {
      return false;  // complexity or stack limits: treated as no match
    }
  }
  std::string_view engine_name() const override { return "std::regex"; }

 private:
  std::regex re_;
};

}  // namespace

std::unique_ptr<FallbackRegex> FallbackRegex::compile(const sigma::Atom& atom, std::string& error) {
  re2::RE2::Options opt;
  opt.set_encoding(re2::RE2::Options::EncodingLatin1);  // evidence is bytes
  opt.set_case_sensitive(!atom.caseless);
  opt.set_dot_nl(atom.dotall);
  opt.set_log_errors(false);
  opt.set_max_mem(64 << 20);
  const std::string pattern = atom.multiline ? "(?m)" + atom.regex : atom.regex;
  auto re = std::make_unique<re2::RE2>(pattern, opt);
  if (re->ok()) return std::make_unique<Re2Regex>(std::move(re));
  const std::string re2_error = re->error();

  auto flags = std::regex::ECMAScript | std::regex::optimize;
  if (atom.caseless) flags |= std::regex::icase;
  if (atom.multiline) flags |= std::regex::multiline;
  try {
    return std::make_unique<StdRegex>(std::regex(atom.regex, flags));
  } catch (const std::regex_error& e) {
    error = "RE2: " + re2_error + "; std::regex: " + e.what();
    return nullptr;
  }
}

}  // namespace shodo::detect::engine
