// Logs and any other text: line by line, free text.
#include "pii/parsers.h"

namespace shodo::pii {

void parse_text(Input& in, FileScan& scan) {
  size_t pos = 0;
  Input::Line line;
  while (in.next_line(pos, line)) {
    size_t len = line.len;
    if (len && !line.cut && in.data()[pos + len - 1] == '\r') --len;
    scan.line(pos, len);
    if (line.cut) scan.truncated(pos, "line");
    in.past_line(pos, line);
  }
}

}  // namespace shodo::pii
