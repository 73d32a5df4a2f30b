// What the targets share: cutting input into lines as the pipeline does,
// feeding them to a parser with the context the pipeline gives, and
// handing bytes to code that only reads files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fsview/fsview.h"
#include "ingest/parser.h"

namespace shodo::fuzz {

std::string_view as_text(const uint8_t* data, size_t size);

// Lines without their '\n' or trailing '\r'.
std::vector<std::string_view> split_lines(std::string_view text);

// A zone with DST gaps and folds, so local times exercise every path.
const ingest::Zone* fuzz_zone();

// Parses every line in order, as one file, and writes each event as JSON:
// that reads every view the parser set, so one left dangling is caught.
void parse_lines(ingest::LineParser& parser, ingest::LogKind kind,
                 const std::vector<std::string_view>& lines, const ingest::FileContext& file);

// A path whose content is `bytes`: an anonymous memory file reused by every
// call of the process (the targets run one input at a time).
std::string memory_file(std::string_view bytes);

// Walks a whole view (deleted entries too when asked) and reads every
// regular file to its end, as the analyses do.
void read_whole_view(const fsview::View& view, bool include_deleted = false);

}  // namespace shodo::fuzz
