#include "ingest/formats/json/source_names.h"

#include <algorithm>
#include <vector>

namespace shodo::ingest::mapping {
namespace {

struct Entry {
  std::string_view name;  // normalized (see normalize())
  Target target;
};

constexpr Target S(Field f, Conv c = Conv::text) {
  return {f, c, kSpecific};
}
constexpr Target G(Field f, Conv c = Conv::text) {
  return {f, c, kGeneric};
}

constexpr Entry kEntries[] = {
    // Nginx variables, as `log_format ... escape=json` writes them.
    {"remoteaddr", S(Field::client_ip)},
    {"remoteport", S(Field::client_port, Conv::count)},
    {"remoteuser", S(Field::user)},
    {"timelocal", S(Field::timestamp, Conv::time_clf)},
    {"timeiso8601", S(Field::timestamp, Conv::time_iso8601)},
    {"msec", S(Field::timestamp, Conv::epoch_s)},
    {"request", S(Field::request_target, Conv::request_line)},
    {"requestmethod", S(Field::method)},
    {"requesturi", S(Field::request_target, Conv::url)},
    {"uri", G(Field::request_target, Conv::url)},
    {"args", S(Field::query)},
    {"querystring", S(Field::query)},
    {"status", S(Field::status, Conv::count)},
    {"bodybytessent", S(Field::bytes_sent, Conv::count)},
    {"bytessent", S(Field::bytes_total, Conv::count)},
    {"requestlength", S(Field::bytes_received, Conv::count)},
    {"requesttime", S(Field::duration, Conv::duration_s)},
    {"httpreferer", S(Field::referer)},
    {"httpreferrer", S(Field::referer)},
    {"httpuseragent", S(Field::user_agent)},
    {"httpxforwardedfor", S(Field::forwarded_for)},
    {"host", S(Field::vhost)},  // Nginx $host: the site asked for, not the machine
    {"httphost", S(Field::vhost)},
    {"servername", G(Field::vhost)},
    {"serverprotocol", S(Field::protocol)},
    {"serveraddr", S(Field::server_ip)},
    {"serverport", S(Field::server_port, Conv::count)},
    {"hostname", S(Field::host)},  // Nginx $hostname and ECS host.name

    // ECS, dotted or nested.
    {"timestamp", S(Field::timestamp, Conv::time_auto)},
    {"sourceip", S(Field::client_ip)},
    {"sourceaddress", S(Field::client_ip)},
    {"sourceport", S(Field::client_port, Conv::count)},
    {"clientip", S(Field::client_ip)},
    {"clientaddress", S(Field::client_ip)},
    {"clientport", S(Field::client_port, Conv::count)},
    {"destinationip", S(Field::server_ip)},
    {"destinationaddress", S(Field::server_ip)},
    {"destinationport", S(Field::server_port, Conv::count)},
    {"serverip", S(Field::server_ip)},
    {"urldomain", S(Field::vhost)},
    {"urlpath", S(Field::path)},
    {"urlquery", S(Field::query)},
    {"urloriginal", S(Field::request_target, Conv::url)},
    {"urlfull", S(Field::request_target, Conv::url)},
    {"httprequestmethod", S(Field::method)},
    {"httpversion", S(Field::protocol)},
    {"httpresponsestatuscode", S(Field::status, Conv::count)},
    {"httpresponsebodybytes", S(Field::bytes_sent, Conv::count)},
    {"httpresponsebytes", S(Field::bytes_total, Conv::count)},
    {"httprequestbytes", S(Field::bytes_received, Conv::count)},
    {"httprequestreferrer", S(Field::referer)},
    {"httprequestxforwardedfor", S(Field::forwarded_for)},
    {"useragentoriginal", S(Field::user_agent)},
    {"username", S(Field::user)},
    {"eventduration", S(Field::duration, Conv::duration_ns)},
    {"message", S(Field::message)},

    // W3C (IIS, CloudFront), also as JSON keys. A lone date or clock time
    // waits for its other half.
    {"date", G(Field::timestamp, Conv::time_auto)},
    {"time", G(Field::timestamp, Conv::time_auto)},
    {"cip", S(Field::client_ip)},
    {"cport", S(Field::client_port, Conv::count)},
    {"sip", S(Field::server_ip)},
    {"sport", S(Field::server_port, Conv::count)},
    {"csmethod", S(Field::method)},
    {"csuristem", S(Field::path)},
    {"csuriquery", S(Field::query)},
    {"csuri", S(Field::request_target, Conv::url)},
    {"csversion", S(Field::protocol)},
    {"csprotocolversion", S(Field::protocol)},
    {"scstatus", S(Field::status, Conv::count)},
    {"scbytes", S(Field::bytes_total, Conv::count)},
    {"csbytes", S(Field::bytes_received, Conv::count)},
    // IIS writes whole milliseconds, CloudFront decimal seconds.
    {"timetaken", S(Field::duration, Conv::duration_auto)},
    {"cs(useragent)", S(Field::user_agent)},
    {"csuseragent", S(Field::user_agent)},
    {"cs(referer)", S(Field::referer)},
    {"csreferer", S(Field::referer)},
    {"csreferrer", S(Field::referer)},
    // CloudFront's cs(Host) is the distribution's own name; the Host header
    // the client sent is x-host-header, which wins.
    {"cs(host)", G(Field::vhost)},
    {"cshost", G(Field::vhost)},
    {"xhostheader", S(Field::vhost)},
    {"csusername", S(Field::user)},
    {"xforwardedfor", S(Field::forwarded_for)},
    {"cs(xforwardedfor)", S(Field::forwarded_for)},

    // Common variants.
    {"ip", G(Field::client_ip)},
    {"remoteip", G(Field::client_ip)},
    {"srcip", G(Field::client_ip)},
    {"useragent", S(Field::user_agent)},
    {"ua", S(Field::user_agent)},
    {"referer", S(Field::referer)},
    {"referrer", S(Field::referer)},
    {"method", G(Field::method)},
    {"httpmethod", G(Field::method)},
    {"verb", G(Field::method)},
    {"path", G(Field::path)},
    {"url", G(Field::request_target, Conv::url)},
    {"query", G(Field::query)},
    {"qs", G(Field::query)},
    {"statuscode", S(Field::status, Conv::count)},
    {"responsecode", S(Field::status, Conv::count)},
    {"httpstatus", S(Field::status, Conv::count)},
    {"httpstatuscode", S(Field::status, Conv::count)},
    {"bytes", G(Field::bytes_sent, Conv::count)},
    {"size", G(Field::bytes_sent, Conv::count)},
    {"responsesize", G(Field::bytes_sent, Conv::count)},
    {"duration", G(Field::duration, Conv::duration_auto)},
    {"latency", G(Field::duration, Conv::duration_auto)},
    {"responsetime", G(Field::duration, Conv::duration_auto)},
    {"elapsed", G(Field::duration, Conv::duration_auto)},
    {"ts", G(Field::timestamp, Conv::time_auto)},
    {"datetime", G(Field::timestamp, Conv::time_auto)},
    {"protocol", G(Field::protocol)},
    {"proto", G(Field::protocol)},
    {"forwardedfor", S(Field::forwarded_for)},
    {"xff", S(Field::forwarded_for)},
    {"vhost", G(Field::vhost)},
    {"domain", G(Field::vhost)},
    {"user", G(Field::user)},
    {"level", G(Field::level)},
    {"loglevel", G(Field::level)},
    {"severity", G(Field::level)},
    {"msg", G(Field::message)},
};

// Lowercased, separators dropped; empty when too long to be a known name.
std::string_view normalize(std::string_view name, char (&buf)[64]) {
  size_t n = 0;
  for (char c : name) {
    if (c == '_' || c == '-' || c == '.' || c == '@' || c == ' ') continue;
    if (n == sizeof buf) return {};
    buf[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  return {buf, n};
}

const std::vector<Entry>& sorted_entries() {
  static const std::vector<Entry> sorted = [] {
    std::vector<Entry> v(std::begin(kEntries), std::end(kEntries));
    std::sort(v.begin(), v.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return v;
  }();
  return sorted;
}

}  // namespace

std::optional<Target> target_for_source(std::string_view name) {
  char buf[64];
  const std::string_view key = normalize(name, buf);
  if (!key.empty()) {
    const auto& entries = sorted_entries();
    auto it = std::lower_bound(entries.begin(), entries.end(), key,
                               [](const Entry& e, std::string_view k) { return e.name < k; });
    if (it != entries.end() && it->name == key) return it->target;
  }
  if (auto f = field_by_name(name)) return default_target(*f);
  return std::nullopt;
}

}  // namespace shodo::ingest::mapping
