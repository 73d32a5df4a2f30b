// Apache mod_log_config LogFormat strings compiled into templates.
#include <cctype>

#include "ingest/formats/template/template.h"

namespace shodo::ingest::tpl {
namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

FieldSpec text(Field slot, int priority, std::string name) {
  return field_spec(Kind::text, slot, priority, std::move(name));
}
FieldSpec number(Field slot, int priority, std::string name) {
  return field_spec(Kind::number, slot, priority, std::move(name));
}
FieldSpec extra(std::string name) {
  return field_spec(Kind::extra, Field::count_, 0, std::move(name));
}
FieldSpec duration(int scale, int priority, std::string name) {
  FieldSpec s = field_spec(Kind::duration, Field::duration, priority, std::move(name));
  s.scale = scale;
  return s;
}

// %{Header}i: the headers the event has slots for, the rest as extras.
FieldSpec request_header(std::string_view header) {
  const std::string h = lowercase(header);
  if (h == "referer") return text(Field::referer, 1, "http.request.headers.referer");
  if (h == "user-agent") return text(Field::user_agent, 1, "http.request.headers.user-agent");
  if (h == "x-forwarded-for") {
    FieldSpec s = text(Field::forwarded_for, 1, "http.request.headers.x-forwarded-for");
    s.list = true;
    return s;
  }
  // Below %v and %V: the Host header is whatever the client sent.
  if (h == "host") return text(Field::vhost, 1, "http.request.headers.host");
  return extra("http.request.headers." + h);
}

// %t and %{format}t.
bool time_field(std::string_view arg, FieldSpec& s, std::string& error) {
  s.kind = Kind::time;
  s.priority = 2;
  s.name = "time";
  if (arg.starts_with("begin:")) {
    arg.remove_prefix(6);
  } else if (arg.starts_with("end:")) {
    // The time the entry was written: the event's time only when no
    // field gives the start of the request.
    arg.remove_prefix(4);
    s.priority = 1;
    s.name = "time.end";
  }
  if (arg.empty()) {
    s.time = TimeShape::clf_bracketed;
  } else if (arg == "sec") {
    s.time = TimeShape::sec;
  } else if (arg == "msec") {
    s.time = TimeShape::msec;
  } else if (arg == "usec") {
    s.time = TimeShape::usec;
  } else if (arg == "msec_frac") {
    s.time = TimeShape::msec_frac;
  } else if (arg == "usec_frac") {
    s.time = TimeShape::usec_frac;
  } else {
    s.time = TimeShape::strftime;
    return compile_strftime(arg, s.strftime, error);
  }
  return true;
}

// One directive: `d` its letter ('^' for ^ti / ^to, with `d2` the rest),
// `arg` the text in braces, `final_status` whether '>' was given.
bool directive(char d, std::string_view d2, std::string_view arg, bool final_status, FieldSpec& s,
               std::string& error) {
  const std::string a(arg);
  if (arg.empty() && (d == 'C' || d == 'e' || d == 'i' || d == 'n' || d == 'o' || d == '^')) {
    error = "needs a {name}";
    return false;
  }
  switch (d) {
    case 'a':
      s = arg == "c" ? extra("peer_ip") : text(Field::client_ip, 2, "client_ip");
      return true;
    case 'A': s = text(Field::server_ip, 1, "server_ip"); return true;
    case 'B': s = number(Field::bytes_sent, 1, "bytes_sent"); return true;
    case 'b': s = field_spec(Kind::bytes_clf, Field::bytes_sent, 1, "bytes_sent_clf"); return true;
    case 'C': s = extra("cookie." + a); return true;
    case 'D': s = duration(0, 3, "duration_us"); return true;
    case 'e': s = extra("env." + a); return true;
    case 'f': s = extra("filename"); return true;
    case 'h':
      // %a, the address itself, wins over %h (a name when HostnameLookups is on).
      s = arg == "c" ? extra("peer_host") : text(Field::client_ip, 1, "remote_host");
      return true;
    case 'H': s = text(Field::protocol, 1, "request_protocol"); return true;
    case 'i': s = request_header(arg); return true;
    case 'k': s = extra("keepalive_requests"); return true;
    case 'l': s = extra("ident"); return true;
    case 'L': s = extra("log_id"); return true;
    case 'm': s = text(Field::method, 1, "request_method"); return true;
    case 'n': s = extra("note." + a); return true;
    case 'o': s = extra("http.response.headers." + lowercase(arg)); return true;
    case 'p':
      if (arg == "remote") {
        s = number(Field::client_port, 1, "remote_port");
      } else if (arg == "local") {
        s = number(Field::server_port, 2, "local_port");
      } else if (arg.empty() || arg == "canonical") {
        s = number(Field::server_port, 1, "canonical_port");
      } else {
        break;
      }
      return true;
    case 'P':
      if (arg.empty() || arg == "pid") {
        s = number(Field::pid, 1, "pid");
      } else if (arg == "tid" || arg == "hextid") {
        s = extra("tid");
      } else {
        break;
      }
      return true;
    case 'q': s = field_spec(Kind::query, Field::query, 1, "query_string"); return true;
    case 'r': s = field_spec(Kind::request_line, Field::count_, 3, "request"); return true;
    case 'R': s = extra("handler"); return true;
    case 's':
      // %>s is the final status; %s and %<s that of the original request.
      s = final_status ? number(Field::status, 2, "status.final")
                       : number(Field::status, 1, "status.original");
      return true;
    case 't': return time_field(arg, s, error);
    case 'T':
      if (arg.empty() || arg == "s") {
        s = duration(6, 1, "duration_s");
      } else if (arg == "ms") {
        s = duration(3, 2, "duration_ms");
      } else if (arg == "us") {
        s = duration(0, 3, "duration_us");
      } else {
        break;
      }
      return true;
    case 'u': s = text(Field::user, 1, "remote_user"); return true;
    case 'U': s = text(Field::path, 1, "url_path"); return true;
    case 'v': s = text(Field::vhost, 3, "server_name"); return true;
    case 'V': s = text(Field::vhost, 2, "server_name.used"); return true;
    case 'X': s = extra("connection_status"); return true;
    case 'I': s = number(Field::bytes_received, 1, "bytes_received"); return true;
    case 'O': s = number(Field::bytes_total, 1, "bytes_total"); return true;
    case 'S': s = extra("bytes_transferred"); return true;
    case '^':
      if (d2 == "ti") {
        s = extra("http.request.trailers." + lowercase(arg));
      } else if (d2 == "to") {
        s = extra("http.response.trailers." + lowercase(arg));
      } else {
        break;
      }
      return true;
    default: error = "unknown directive"; return false;
  }
  error = "unknown argument {" + a + "}";
  return false;
}

// A LogFormat copied from httpd.conf may keep its quotes and nickname:
// "%h %l \"%r\"" combined. Returns the format inside, or `f` itself.
std::string_view unwrap(std::string_view f) {
  auto trim = [](std::string_view& s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  };
  trim(f);
  if (f.size() > 10 && lowercase(f.substr(0, 10)) == "logformat ") {
    f.remove_prefix(10);
    trim(f);
  }
  if (f.empty() || f.front() != '"') return f;
  size_t close = 1;
  while (close < f.size() && f[close] != '"') close += f[close] == '\\' ? 2 : 1;
  if (close >= f.size()) return f;
  // Only a nickname (one word) may follow the closing quote.
  std::string_view tail = f.substr(close + 1);
  trim(tail);
  for (char c : tail)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return f;
  return f.substr(1, close - 1);
}

}  // namespace

std::shared_ptr<const Template> compile_apache(std::string_view format, std::string& error) {
  const std::string_view f = unwrap(format);
  TemplateBuilder b(Escape::apache);
  size_t i = 0;
  while (i < f.size()) {
    const char c = f[i];
    if (c == '\\' && i + 1 < f.size()) {
      // httpd.conf quoting (\") and mod_log_config's own \n \t \r \\.
      switch (f[i + 1]) {
        case '"': b.literal("\""); break;
        case '\\': b.literal("\\"); break;
        case 'n': b.literal("\n"); break;
        case 't': b.literal("\t"); break;
        case 'r': b.literal("\r"); break;
        default: b.literal(f.substr(i, 2)); break;
      }
      i += 2;
      continue;
    }
    if (c != '%') {
      b.literal(f.substr(i, 1));
      ++i;
      continue;
    }
    const size_t start = i++;
    std::string_view arg;
    bool final_status = false;
    // Modifiers: status conditions (%400,501{...}i, %!200{...}i: the value
    // is "-" when unmet, so parsing ignores them), < and >, and {argument}.
    while (i < f.size()) {
      const char m = f[i];
      if (m == '!' || m == ',' || (m >= '0' && m <= '9')) {
        ++i;
      } else if (m == '<' || m == '>') {
        final_status = m == '>';
        ++i;
      } else if (m == '{') {
        const size_t close = f.find('}', i);
        if (close == std::string_view::npos) {
          error = "unclosed { in LogFormat directive " + std::string(f.substr(start));
          return nullptr;
        }
        arg = f.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        break;
      }
    }
    if (i >= f.size()) {
      error = "LogFormat ends inside the directive " + std::string(f.substr(start));
      return nullptr;
    }
    const char d = f[i];
    if (d == '%') {
      b.literal("%");
      ++i;
      continue;
    }
    const std::string_view d2 = d == '^' ? f.substr(i + 1, 2) : std::string_view{};
    i += 1 + d2.size();
    FieldSpec s;
    if (!directive(d, d2, arg, final_status, s, error)) {
      error = "LogFormat directive " + std::string(f.substr(start, i - start)) + ": " + error;
      return nullptr;
    }
    // %U%q is the request target as sent, path and query together.
    if (d == 'U' && f.substr(i).starts_with("%q")) {
      s = field_spec(Kind::request_target, Field::count_, 2, "request_uri");
      i += 2;
    }
    s.directive = std::string(f.substr(start, i - start));
    b.field(std::move(s));
  }
  return b.finish(error);
}

}  // namespace shodo::ingest::tpl
