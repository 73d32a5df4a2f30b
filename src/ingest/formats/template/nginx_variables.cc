// Nginx log_format values compiled into templates.
#include <algorithm>
#include <cctype>

#include "ingest/formats/template/template.h"

namespace shodo::ingest::tpl {
namespace {

FieldSpec time_spec(TimeShape shape, int priority, std::string name) {
  FieldSpec s = field_spec(Kind::time, Field::timestamp, priority, std::move(name));
  s.time = shape;
  return s;
}

// Header variable names use '_' where the header has '-'.
std::string header_name(std::string_view prefix, std::string_view var) {
  std::string out(prefix);
  for (char c : var) out += c == '_' ? '-' : c;
  return out;
}

// An extra named like an event field would be hidden behind it when rules
// look names up.
std::string extra_name(std::string_view var) {
  if (field_by_name(var)) return "nginx." + std::string(var);
  return std::string(var);
}

struct Known {
  std::string_view name;
  Kind kind;
  Field slot;
  int priority;
};

// Variables with a place in the event (times and $request_time aside).
// Where several fill one slot the higher priority wins: the full request
// line over its parts, the configured server name over the Host header.
constexpr Known kKnown[] = {
    {"remote_addr", Kind::text, Field::client_ip, 1},
    {"remote_user", Kind::text, Field::user, 1},
    {"remote_port", Kind::number, Field::client_port, 1},
    {"request", Kind::request_line, Field::count_, 3},
    {"request_uri", Kind::request_target, Field::count_, 2},
    {"request_method", Kind::text, Field::method, 1},
    {"uri", Kind::text, Field::path, 1},
    {"document_uri", Kind::text, Field::path, 1},
    {"args", Kind::query, Field::query, 1},
    {"query_string", Kind::query, Field::query, 1},
    {"server_protocol", Kind::text, Field::protocol, 1},
    {"status", Kind::number, Field::status, 1},
    {"body_bytes_sent", Kind::number, Field::bytes_sent, 1},
    {"bytes_sent", Kind::number, Field::bytes_total, 1},
    {"request_length", Kind::number, Field::bytes_received, 1},
    {"http_referer", Kind::text, Field::referer, 1},
    {"http_user_agent", Kind::text, Field::user_agent, 1},
    {"http_x_forwarded_for", Kind::text, Field::forwarded_for, 2},
    {"proxy_add_x_forwarded_for", Kind::text, Field::forwarded_for, 1},
    {"server_name", Kind::text, Field::vhost, 3},
    {"host", Kind::text, Field::vhost, 2},
    {"http_host", Kind::text, Field::vhost, 1},
    {"server_addr", Kind::text, Field::server_ip, 1},
    {"server_port", Kind::number, Field::server_port, 1},
    {"pid", Kind::number, Field::pid, 1},
    {"hostname", Kind::text, Field::host, 1},
};

FieldSpec variable(std::string_view var) {
  // $msec, to the millisecond, wins over the times to the second.
  if (var == "time_local") return time_spec(TimeShape::clf, 2, extra_name(var));
  if (var == "time_iso8601") return time_spec(TimeShape::iso8601, 2, extra_name(var));
  if (var == "msec") return time_spec(TimeShape::epoch_decimal, 3, extra_name(var));
  if (var == "request_time") {
    FieldSpec s = field_spec(Kind::duration, Field::duration, 1, extra_name(var));
    s.scale = 6;
    return s;
  }
  for (const Known& k : kKnown) {
    if (k.name != var) continue;
    // Headers keep the name Apache's %{...}i would give them if demoted.
    FieldSpec s =
        field_spec(k.kind, k.slot, k.priority,
                   var.starts_with("http_") ? header_name("http.request.headers.", var.substr(5))
                                            : extra_name(var));
    s.list = k.slot == Field::forwarded_for;
    return s;
  }
  std::string name = extra_name(var);
  if (var.starts_with("http_")) {
    name = header_name("http.request.headers.", var.substr(5));
  } else if (var.starts_with("sent_http_")) {
    name = header_name("http.response.headers.", var.substr(10));
  } else if (var.starts_with("cookie_")) {
    name = "cookie." + std::string(var.substr(7));
  } else if (var.starts_with("arg_")) {
    name = "arg." + std::string(var.substr(4));
  }
  FieldSpec s = field_spec(Kind::extra, Field::count_, 0, name);
  // One value per upstream tried: "0.012, 0.004".
  s.list = var.starts_with("upstream_");
  return s;
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

void trim(std::string_view& s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
}

// Removes a leading word (up to whitespace) and returns it.
std::string_view take_word(std::string_view& s) {
  size_t n = 0;
  while (n < s.size() && !std::isspace(static_cast<unsigned char>(s[n]))) ++n;
  const std::string_view w = s.substr(0, n);
  s.remove_prefix(n);
  trim(s);
  return w;
}

// The quoted pieces of an nginx.conf value, joined ('a ' "b" -> "a b"),
// with nginx.conf's escapes undone. False when `s` is not only such pieces.
bool join_pieces(std::string_view s, std::string& out) {
  out.clear();
  if (s.empty() || (s.front() != '\'' && s.front() != '"')) return false;
  while (!s.empty()) {
    const char q = s.front();
    if (q != '\'' && q != '"') return false;
    size_t i = 1;
    for (; i < s.size() && s[i] != q; ++i) {
      if (s[i] != '\\' || i + 1 == s.size()) {
        out += s[i];
        continue;
      }
      switch (const char e = s[++i]) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case '"':
        case '\'':
        case '\\': out += e; break;
        default: out += '\\'; out += e;
      }
    }
    if (i == s.size()) return false;
    s.remove_prefix(i + 1);
    trim(s);
  }
  return true;
}

}  // namespace

std::shared_ptr<const Template> compile_nginx(std::string_view value, std::string& error) {
  std::string_view v = value;
  trim(v);
  // Quoted pieces are nginx.conf syntax when the value is pasted from there
  // (the directive, an escape= parameter) or starts with a single quote;
  // otherwise a leading '"' is part of the format itself.
  bool conf = v.starts_with('\'');
  if (v.starts_with("log_format ")) {  // the whole directive, pasted
    take_word(v);
    take_word(v);
    conf = true;
  }
  if (v.ends_with(';')) {
    v.remove_suffix(1);
    trim(v);
  }
  Escape escape = Escape::nginx;
  std::string_view mode;
  if (v.starts_with("escape=")) {
    mode = take_word(v).substr(7);
    conf = true;
  } else {
    // The bare parameter value ("json '{...}'") as some write it.
    std::string_view rest = v;
    const std::string_view w = take_word(rest);
    if ((w == "default" || w == "json" || w == "none") && !rest.empty() &&
        (rest.front() == '\'' || rest.front() == '"')) {
      mode = w;
      v = rest;
      conf = true;
    }
  }
  if (mode == "json") {
    escape = Escape::json;
  } else if (mode == "none") {
    escape = Escape::none;
  } else if (!mode.empty() && mode != "default") {
    error = "unknown escape=" + std::string(mode) + " (nginx knows default, json and none)";
    return nullptr;
  }
  std::string joined;
  const std::string_view f = conf && join_pieces(v, joined) ? std::string_view(joined) : v;

  TemplateBuilder b(escape);
  size_t i = 0;
  while (i < f.size()) {
    if (f[i] != '$') {
      const size_t next = f.find('$', i);
      b.literal(f.substr(i, next - i));
      i = next == std::string_view::npos ? f.size() : next;
      continue;
    }
    const size_t start = i++;
    std::string_view var;
    if (i < f.size() && f[i] == '{') {
      const size_t close = f.find('}', i);
      if (close == std::string_view::npos) {
        error = "unclosed ${ in log_format at " + std::string(f.substr(start));
        return nullptr;
      }
      var = f.substr(i + 1, close - i - 1);
      i = close + 1;
    } else {
      while (i < f.size() && is_name_char(f[i])) ++i;
      var = f.substr(start + 1, i - start - 1);
    }
    if (var.empty() || !std::all_of(var.begin(), var.end(), is_name_char)) {
      error = "invalid variable name in log_format at " + std::string(f.substr(start));
      return nullptr;
    }
    FieldSpec s = variable(var);
    // $uri$is_args$args is the request target as sent, path and query together.
    if ((var == "uri" || var == "document_uri") &&
        (f.substr(i).starts_with("$is_args$args") ||
         f.substr(i).starts_with("$is_args$query_string"))) {
      i += f.substr(i).starts_with("$is_args$args") ? 13 : 21;
      s = field_spec(Kind::request_target, Field::count_, 2, "request_uri");
    }
    s.directive = std::string(f.substr(start, i - start));
    b.field(std::move(s));
  }
  return b.finish(error);
}

}  // namespace shodo::ingest::tpl
