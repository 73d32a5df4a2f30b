// Which of the logs shodo reads a Sigma `logsource` stands for.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "detect/sigma/rule.h"
#include "ingest/event.h"

namespace shodo::detect::sigma {

struct SourceFilter {
  std::vector<ingest::LogKind> kinds;  // events of these kinds
  std::vector<std::string> processes;  // and of these programs; empty = any program
};

// nullopt: a source shodo does not ingest (windows, process_creation, cloud...).
std::optional<SourceFilter> source_filter(const LogSource& source);

// The ingest preset `examples:` lines are in when the rule does not say.
std::string default_example_format(const LogSource& source, const SourceFilter& filter);

// "product=windows category=process_creation", for messages.
std::string describe(const LogSource& source);

}  // namespace shodo::detect::sigma
