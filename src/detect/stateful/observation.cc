#include "detect/stateful/observation.h"

#include "detect/stateful/client_index.h"
#include "detect/stateful/evidence.h"
#include "detect/stateful/web_paths.h"
#include "ingest/formats/json/request_line.h"
#include "util/hash.h"

namespace shodo::detect {

bool sized_success(const ingest::Event& ev) {
  return ev.kind == ingest::LogKind::web_access && !ev.path.empty() && ev.status >= 200 &&
         ev.status <= 299 && ev.bytes_sent >= 0;
}

namespace {

// Whether the Referer URL ("https://host/path?query") names `path` itself:
// webshell clients send the shell's own URL to look like a page's form. (A
// real form posting to itself was fetched first from another page.)
bool refers_to(std::string_view referer, std::string_view path) {
  ingest::mapping::UrlParts url;
  ingest::mapping::split_url(referer, url);
  return !url.host.empty() && url.path.substr(0, url.path.find('#')) == path;
}

}  // namespace

Observation observation_of(const ingest::Event& ev) {
  Observation o;
  o.time = ev.time;
  o.bytes_sent = ev.bytes_sent;
  o.cite = citation_of(ev);
  o.utc_offset_s = ev.utc_offset_s;
  o.status = ev.status;
  o.kind = ev.kind;
  o.path = ev.path;
  if (sized_success(ev)) o.flags |= Observation::kSizedSuccess;
  o.client_ip = ev.client_ip;
  if (!ev.client_ip.empty()) o.client_hash = ClientIndex::hash(ev.client_ip);
  // Only logins carry an action (SSH's, from auth logs and syslog). A web
  // access line's action is never read: it lies beyond the cache lines its
  // parse writes, and would cost a miss on every line.
  if (ev.kind != ingest::LogKind::web_access && !ev.action.empty()) o.flags |= Observation::kAction;
  if (ev.path.empty()) return o;
  // Only scanning asks, for the distinct paths answered 4xx.
  if (ev.status >= 400 && ev.status <= 499) o.path_hash = util::table_hash<1>(ev.path);
  const bool post = ev.method == "POST";
  if (post) o.flags |= Observation::kPost;
  if (ev.method == "HEAD") o.flags |= Observation::kHead;
  const PathTraits traits = path_traits(ev.path);
  if (ev.referer.empty() || ev.referer == "-" || (traits.script && refers_to(ev.referer, ev.path)))
    o.flags |= Observation::kNoReferer;
  if (traits.script) o.flags |= Observation::kScript;
  o.archive = traits.archive;
  if (post && is_login_path(ev.path)) o.flags |= Observation::kLoginPost;
  return o;
}

}  // namespace shodo::detect
