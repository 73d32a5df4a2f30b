// analyze_sql: the cheap byte test, then each parameter URL-decoded (the
// detect component's decoder), tokenized and read.
#include <array>

#include "detect/decode/http_decode.h"
#include "leak/leak.h"
#include "leak/query_params.h"
#include "leak/sql_analyze.h"

namespace shodo::leak {

namespace {

constexpr size_t kMaxDecoded = 2048;

// Bytes an injection cannot do without: quotes and parentheses, comment and
// statement marks, whitespace raw or as '+', and '%' for any of them encoded.
constexpr std::array<bool, 256> kSqlByte = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'\'', '"', '(', ')', ';', '*', '#', '`', '%', '+', ' ', '\t', '\n', '\r',
                          '\v', '\f', '\\', '\0'})
    t[c] = true;
  return t;
}();

void analyze_value(std::string_view name, std::string_view value, std::string& decoded,
                   sql::Tokens& tokens, SqlPayload& out) {
  std::string_view text = value;
  if (detect::decode::decode_request(value, decoded)) text = decoded;
  tokens.tokenize(text);
  SqlPayload p;
  sql::analyze(tokens, p);
  p.parameter = name;
  p.decoded = tokens.joined(kMaxDecoded);
  p.truncated = tokens.truncated();
  out = std::move(p);
}

}  // namespace

bool may_hold_sql(std::string_view text) {
  for (char c : text) {
    if (kSqlByte[static_cast<unsigned char>(c)]) return true;
  }
  return false;
}

SqlPayload analyze_sql(std::string_view input) {
  SqlPayload result;
  if (!may_hold_sql(input)) return result;
  // Reused per thread: the buffers reach the size of the longest value once.
  thread_local std::string decoded;
  thread_local sql::Tokens tokens;
  std::string_view path, query = input;
  if (const size_t q = input.find('?'); q != std::string_view::npos) {
    path = input.substr(0, q);
    query = input.substr(q + 1);
  } else if (!input.empty() && input.front() == '/') {
    path = input;
    query = {};
  }
  if (may_hold_sql(path)) {
    analyze_value("(path)", path, decoded, tokens, result);
    if (result.injected) return result;
  }
  for (QueryParam p; next_param(query, p);) {
    if (!may_hold_sql(p.value)) continue;
    analyze_value(p.name, p.value, decoded, tokens, result);
    if (result.injected) return result;
  }
  return result;
}

}  // namespace shodo::leak
