// Splitting what access logs record of a request: the request line and its
// target, which may be in absolute form (load balancers and CDNs log
// "https://host:443/path?q").
#pragma once

#include <string_view>

namespace shodo::ingest::mapping {

struct RequestLine {
  std::string_view method, target, protocol;
};
// "GET /a?b HTTP/1.1"; the protocol is the last word when there are three or
// more (targets logged with raw spaces stay whole), absent in HTTP/0.9 form.
// False when the line does not start with a method token and a space, e.g.
// a TLS handshake sent to a plain-text port.
bool split_request_line(std::string_view s, RequestLine& out);

struct UrlParts {
  std::string_view host, port;  // absolute URLs only; the port as written, unchecked
  std::string_view target;      // path?query as sent to the origin
  std::string_view path, query;
};
void split_url(std::string_view s, UrlParts& out);

// "192.0.2.1:443", "[2001:db8::1]:443", "2001:db8::1:443" (port after the
// last colon). False when there is no port.
bool split_host_port(std::string_view s, std::string_view& host, std::string_view& port);

}  // namespace shodo::ingest::mapping
