// Reading one YAML document of a rule file: file line numbers for nodes, and
// a budget on the work the document may cause. YAML aliases let a small file
// name the same big list many times over; the budget turns such a file into
// a Problem instead of a hang.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace shodo::detect::sigma {

class DocReader {
 public:
  // line_offset: 0-based file line where the document's text starts.
  explicit DocReader(int line_offset) : line_offset_(line_offset) {}

  // 1-based file line of a node.
  int line(const YAML::Node& node) const;

  // Counts a visited node and its text against the budget; throws a
  // RuleError when the document has used it up.
  void charge(const YAML::Node& node);

  // A scalar's text; `what` names the attribute for the error message.
  std::string scalar(const YAML::Node& node, std::string_view what);
  // A scalar, or a list of scalars (a single string is a one-item list).
  std::vector<std::string> strings(const YAML::Node& node, std::string_view what);

  // Throws a RuleError of kind error located at the node.
  [[noreturn]] void fail(const YAML::Node& node, std::string reason) const;

 private:
  int line_offset_;
  size_t spent_ = 0;
};

}  // namespace shodo::detect::sigma
