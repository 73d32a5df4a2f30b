#include "detect/sigma/doc_reader.h"

#include "detect/sigma/rule_error.h"

namespace shodo::detect::sigma {
namespace {

// Nodes and text bytes one document may make the loader visit. Real rules
// use a few thousand; alias bombs reach billions.
constexpr size_t kDocumentBudget = size_t{32} << 20;

}  // namespace

int DocReader::line(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? line_offset_ + 1 : line_offset_ + mark.line + 1;
}

void DocReader::charge(const YAML::Node& node) {
  spent_ += 1 + (node.IsScalar() ? node.Scalar().size() : 0);
  if (spent_ > kDocumentBudget)
    sigma::fail("the document expands to too much data (YAML aliases repeated too often?)",
                line(node));
}

std::string DocReader::scalar(const YAML::Node& node, std::string_view what) {
  charge(node);
  if (!node.IsScalar()) fail(node, std::string(what) + " must be a single value");
  return node.Scalar();
}

std::vector<std::string> DocReader::strings(const YAML::Node& node, std::string_view what) {
  if (node.IsScalar()) return {scalar(node, what)};
  if (!node.IsSequence()) fail(node, std::string(what) + " must be a list of values");
  std::vector<std::string> out;
  for (const YAML::Node& item : node) out.push_back(scalar(item, what));
  return out;
}

void DocReader::fail(const YAML::Node& node, std::string reason) const {
  sigma::fail(std::move(reason), line(node));
}

}  // namespace shodo::detect::sigma
