// The request-text normalizer (percent, %u, overlong UTF-8, HTML entities,
// JavaScript escapes), and its promise never to lengthen its input.
#include <cstdlib>

#include "detect/decode/http_decode.h"
#include "fuzz/support.h"
#include "fuzz/targets.h"

namespace shodo::fuzz {

int http_decode(const uint8_t* data, size_t size) {
  const std::string_view in = as_text(data, size);
  std::string out;
  if (detect::decode::decode_request(in, out) && out.size() > in.size()) std::abort();
  return 0;
}

}  // namespace shodo::fuzz
