// One YAML text: its documents, each a rule or a correlation.
#include "detect/sigma/loader.h"

#include <yaml-cpp/yaml.h>

#include <cctype>

#include "detect/sigma/correlation.h"
#include "detect/sigma/detection.h"
#include "detect/sigma/doc_reader.h"
#include "detect/sigma/logsource.h"
#include "detect/sigma/metadata.h"
#include "detect/sigma/rule_error.h"

namespace shodo::detect::sigma {
namespace {

struct Document {
  std::string_view text;
  int first_line = 0;  // 0-based line of `text` in the file
};

// Splits at `---` lines. YAML forbids a `---` line inside a document, so
// this matches the YAML stream, and one broken document does not hide the
// others.
std::vector<Document> split_documents(std::string_view yaml) {
  std::vector<Document> docs{{yaml.substr(0, 0), 0}};
  size_t doc_start = 0;
  int line = 0;
  for (size_t pos = 0; pos < yaml.size(); ++line) {
    size_t eol = yaml.find('\n', pos);
    if (eol == std::string_view::npos) eol = yaml.size();
    const std::string_view l = yaml.substr(pos, eol - pos);
    if (l.starts_with("---") && (l.size() == 3 || std::isspace(static_cast<unsigned char>(l[3])))) {
      docs.back().text = yaml.substr(doc_start, pos - doc_start);
      docs.push_back({{}, line});
      doc_start = pos;
    }
    pos = eol + 1;
  }
  docs.back().text = yaml.substr(doc_start);
  return docs;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

LogSource read_logsource(const YAML::Node& doc, DocReader& reader) {
  const YAML::Node node = doc["logsource"];
  if (!node || !node.IsMap()) fail("the rule has no 'logsource' map", reader.line(doc));
  LogSource source;
  for (const auto& [key, out] :
       {std::pair{"category", &source.category}, std::pair{"product", &source.product},
        std::pair{"service", &source.service}}) {
    const YAML::Node value = node[key];
    if (value && !value.IsNull()) *out = lower(reader.scalar(value, std::string("'") + key + "'"));
  }
  return source;
}

class DocumentLoader {
 public:
  DocumentLoader(const std::string& file, LoadedRules& out) : file_(file), out_(out) {}

  void load(const YAML::Node& doc, DocReader& reader) {
    if (!doc.IsMap()) fail("the document is not a map of rule attributes", reader.line(doc));
    label_ = rule_label(doc);
    if (doc["action"])
      fail_unsupported(
          "Sigma v1 rule collections ('action: global') are not supported: write "
          "each rule in full",
          reader.line(doc));
    std::vector<std::string> warnings;
    RuleMeta meta = read_meta(doc, reader, warnings);
    meta.file = file_;
    if (meta.title.empty()) fail("the rule has no title", meta.line);
    for (std::string& w : warnings)
      out_.problems.push_back({file_, meta.line, label_, std::move(w), Problem::Kind::error});
    if (doc["correlation"]) {
      load_correlation(doc, reader, std::move(meta));
    } else if (doc["detection"]) {
      load_rule(doc, reader, std::move(meta));
    } else if (doc["filter"]) {
      fail_unsupported("Sigma filters are not supported", meta.line);
    } else {
      fail("the document has neither 'detection' nor 'correlation'", meta.line);
    }
  }

  // What Problems call the rule being read.
  const std::string& label() const { return label_; }

 private:
  void load_rule(const YAML::Node& doc, DocReader& reader, RuleMeta meta) {
    Rule rule;
    rule.meta = std::move(meta);
    rule.logsource = read_logsource(doc, reader);
    const auto filter = source_filter(rule.logsource);
    if (!filter)
      throw RuleError{Problem::Kind::other_source,
                      "log source " + describe(rule.logsource) + " is not read by shodo",
                      rule.meta.line};
    read_detection(doc["detection"], reader, rule);
    rule.examples = read_examples(doc, reader, default_example_format(rule.logsource, *filter));
    out_.rules.push_back(std::move(rule));
  }

  void load_correlation(const YAML::Node& doc, DocReader& reader, RuleMeta meta) {
    Correlation c;
    c.meta = std::move(meta);
    read_correlation(doc, reader, c);
    c.examples = read_examples(doc, reader, "");  // format: see resolve_correlations
    out_.correlations.push_back(std::move(c));
  }

  const std::string& file_;
  LoadedRules& out_;
  std::string label_;
};

void load_document(const Document& d, const std::string& file, LoadedRules& out) {
  DocumentLoader loader(file, out);
  int line = d.first_line + 1;
  try {
    // Load, not LoadAll: the text is one document (split at `---` above), and
    // yaml-cpp 0.7's LoadAll never returns on a stray top-level ',' (it
    // yields empty documents forever; tests/data/fuzz-regressions/sigma_rule).
    const YAML::Node doc = YAML::Load(std::string(d.text));
    if (doc.IsNull()) return;  // an empty document, e.g. after a trailing `---`
    DocReader reader(d.first_line);
    line = reader.line(doc);
    loader.load(doc, reader);
  } catch (const RuleError& e) {
    out.problems.push_back({file, e.line ? e.line : line, loader.label(), e.reason, e.kind});
  } catch (const YAML::Exception& e) {
    const int at = e.mark.is_null() ? line : d.first_line + e.mark.line + 1;
    out.problems.push_back(
        {file, at, loader.label(), "YAML error: " + e.msg, Problem::Kind::error});
  } catch (const std::exception& e) {
    out.problems.push_back({file, line, loader.label(),
                            std::string("cannot read the rule: ") + e.what(),
                            Problem::Kind::error});
  }
}

}  // namespace

void load_rule_text(std::string_view yaml, const std::string& file_label, LoadedRules& out) {
  ++out.files;
  if (yaml.size() > kMaxRuleFileBytes) {
    out.problems.push_back({file_label, 1, "",
                            "the file is larger than " + std::to_string(kMaxRuleFileBytes >> 20) +
                                " MiB, too big for a rule file",
                            Problem::Kind::error});
    return;
  }
  for (const Document& d : split_documents(yaml)) load_document(d, file_label, out);
}

}  // namespace shodo::detect::sigma
