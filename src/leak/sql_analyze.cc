// Reading an injection the way the database would run it, far enough to say
// what it asks for. Each technique is recognised by its working part, not by
// a tool's exact text:
//   union     UNION [ALL] SELECT with a select list an application would not
//             send (NULLs, constants, functions, FROM);
//   error     functions that put a value into an error message: EXTRACTVALUE,
//             UPDATEXML, FLOOR(RAND(0)*2) with GROUP BY, EXP(~...), the
//             geometry constructors, CONVERT(INT,...), CAST(... AS INT)...;
//   boolean   AND/OR after a closed value, followed by a condition: constants
//             compared (1=1), a subquery, or a per-character probe;
//   time      SLEEP, BENCHMARK, PG_SLEEP, WAITFOR DELAY, DBMS_LOCK.SLEEP...;
//   stacked   ';' then another statement;
//   order-by  ORDER BY n after a closed value (counting the columns).
#include "leak/sql_analyze.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>

namespace shodo::leak::sql {

namespace {

using namespace std::string_view_literals;

bool in(std::string_view w, std::initializer_list<std::string_view> lower_words) {
  for (std::string_view k : lower_words) {
    if (iequals(w, k)) return true;
  }
  return false;
}

constexpr auto kComparisons = {"="sv, "<>"sv, "!="sv, "<"sv, ">"sv, "<="sv, ">="sv};

// Catalog tables that list a database's objects: reading them is schema
// enumeration. Other catalog tables (PLUGINS, CHARACTER_SETS) only serve as
// row sources in error-based payloads.
constexpr auto kListings = {
    "tables"sv,          "columns"sv,           "schemata"sv,         "views"sv,
    "routines"sv,        "statistics"sv,        "key_column_usage"sv, "table_constraints"sv,
    "user_privileges"sv, "schema_privileges"sv, "table_privileges"sv, "column_privileges"sv};
constexpr auto kCatalogTables = {
    "sqlite_master"sv,   "sqlite_schema"sv,    "sqlite_temp_master"sv, "sysobjects"sv,
    "syscolumns"sv,      "sysdatabases"sv,     "all_tables"sv,         "user_tables"sv,
    "all_tab_columns"sv, "user_tab_columns"sv, "dba_tables"sv,         "pg_tables"sv,
    "pg_namespace"sv,    "pg_class"sv,         "pg_attribute"sv,       "pg_database"sv};
constexpr auto kCatalogDatabases = {"information_schema"sv, "pg_catalog"sv, "performance_schema"sv,
                                    "sys"sv};

// Words of a select list that are no column.
constexpr auto kNotColumns = {"null"sv,         "distinct"sv,     "all"sv,
                              "case"sv,         "when"sv,         "then"sv,
                              "else"sv,         "end"sv,          "not"sv,
                              "and"sv,          "or"sv,           "xor"sv,
                              "is"sv,           "in"sv,           "like"sv,
                              "true"sv,         "false"sv,        "binary"sv,
                              "interval"sv,     "separator"sv,    "div"sv,
                              "mod"sv,          "regexp"sv,       "rlike"sv,
                              "exists"sv,       "as"sv,           "desc"sv,
                              "asc"sv,          "select"sv,       "from"sv,
                              "top"sv,          "sql_no_cache"sv, "current_user"sv,
                              "current_date"sv, "current_time"sv, "current_timestamp"sv,
                              "localtime"sv,    "session_user"sv, "system_user"sv,
                              "using"sv,        "order"sv,        "by"sv};

// Words that end a FROM clause's table list.
constexpr auto kClauseWords = {"where"sv,  "group"sv,  "order"sv,        "limit"sv, "having"sv,
                               "offset"sv, "fetch"sv,  "procedure"sv,    "into"sv,  "union"sv,
                               "for"sv,    "window"sv, "on"sv,           "using"sv, "join"sv,
                               "inner"sv,  "left"sv,   "right"sv,        "cross"sv, "natural"sv,
                               "outer"sv,  "full"sv,   "straight_join"sv};

constexpr auto kStatements = {"select"sv,  "insert"sv,   "update"sv,   "delete"sv,  "drop"sv,
                              "create"sv,  "alter"sv,    "exec"sv,     "execute"sv, "declare"sv,
                              "waitfor"sv, "shutdown"sv, "truncate"sv, "grant"sv,   "set"sv,
                              "copy"sv,    "load"sv,     "call"sv,     "rename"sv,  "replace"sv};

constexpr auto kErrorFunctions = {
    "extractvalue"sv, "updatexml"sv,  "geometrycollection"sv, "multipoint"sv,  "polygon"sv,
    "multipolygon"sv, "linestring"sv, "multilinestring"sv,    "gtid_subset"sv, "json_keys"sv,
    "name_const"sv,   "xmltype"sv,    "get_host_name"sv,      "drithsx"sv,     "ordsys"sv};

constexpr auto kProbeFunctions = {
    "ord"sv,   "ascii"sv,  "unicode"sv,     "mid"sv,        "substring"sv, "substr"sv, "left"sv,
    "right"sv, "length"sv, "char_length"sv, "bit_length"sv, "instr"sv,     "locate"sv};

constexpr auto kConditionFunctions = {"if"sv,  "iif"sv,      "ifnull"sv, "isnull"sv, "coalesce"sv,
                                      "elt"sv, "make_set"sv, "exists"sv, "field"sv,  "nullif"sv};

bool parse_u64(std::string_view s, uint64_t& v) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

bool parse_double(std::string_view s, double& v) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

void add_unique(std::vector<std::string>& v, std::string_view s) {
  if (s.empty()) return;
  if (std::find(v.begin(), v.end(), s) == v.end()) v.emplace_back(s);
}

class Analyzer {
 public:
  Analyzer(const Tokens& t, SqlPayload& p) : t_(t), p_(p) {}

  uint8_t run() {
    for (size_t i = 0; i < t_.size(); ++i) {
      if (t_.word(i, "select")) read_select(i);
      if (t_.word(i, "union")) check_union(i);
      if (t_.op(i, ";") && t_.kind(i + 1) == Tok::word && in(t_.text(i + 1), kStatements))
        bits_ |= kStacked;
      if (t_.kind(i) == Tok::word) check_function(i);
      if (t_.word(i, "order") && t_.word(i + 1, "by") && t_.kind(i + 2) == Tok::number &&
          !select_seen_ && closed_before(i))
        bits_ |= kOrderBy;
    }
    // Time- and error-based payloads use AND/OR too: the condition there is
    // only the carrier.
    if (!(bits_ & (kTime | kError))) {
      for (size_t i = 0; i < t_.size(); ++i) check_condition(i);
    }
    if (bits_ & (kBoolean | kTime)) p_.inference = probe_;
    return bits_;
  }

 private:
  // The value before `i` ended as an application's value would: a number,
  // the quote or parenthesis closing it, or nothing at all.
  bool closed_before(size_t i) const {
    if (i == 0) return true;
    const Tok k = t_.kind(i - 1);
    return k == Tok::number || k == Tok::closure || k == Tok::string || t_.op(i - 1, ")");
  }

  void check_union(size_t i) {
    size_t j = i + 1;
    if (t_.word(j, "all") || t_.word(j, "distinct")) ++j;
    while (t_.op(j, "(")) ++j;
    if (!t_.word(j, "select")) return;
    if (closed_before(i)) {
      bits_ |= kUnion;
      return;
    }
    // Else the select list must be one no sentence holds.
    for (size_t k = j + 1; k < t_.size() && !t_.op(k, ";"); ++k) {
      if (t_.kind(k) == Tok::number || t_.kind(k) == Tok::string || t_.op(k, ",") ||
          t_.op(k, "*") || t_.op(k, "(") || t_.word(k, "null") || t_.word(k, "from")) {
        bits_ |= kUnion;
        return;
      }
    }
  }

  void check_function(size_t i) {
    const std::string_view w = t_.text(i);
    const bool call = t_.op(i + 1, "(");
    if (call && in(w, {"sleep", "pg_sleep", "benchmark", "receive_message"})) {
      bits_ |= kTime;
      delay_from_args(i + 1, iequals(w, "receive_message") ? 1 : 0, !iequals(w, "benchmark"));
    } else if (iequals(w, "waitfor") && (t_.word(i + 1, "delay") || t_.word(i + 1, "time"))) {
      bits_ |= kTime;
      if (t_.word(i + 1, "delay") && t_.kind(i + 2) == Tok::string) delay_hms(t_.text(i + 2));
    } else if (iequals(w, "dbms_lock") && t_.op(i + 1, ".") && t_.word(i + 2, "sleep")) {
      bits_ |= kTime;
      delay_from_args(i + 3, 0, true);
    } else if (call && iequals(w, "randomblob")) {
      bits_ |= kTime;  // SQLite's heavy query: LIKE over a huge random blob
    } else if (call && in(w, kErrorFunctions)) {
      bits_ |= kError;
    } else if (call && iequals(w, "exp") && t_.op(i + 2, "~")) {
      bits_ |= kError;
    } else if (call && iequals(w, "floor") && t_.word(i + 2, "rand")) {
      bits_ |= kError;
    } else if (call && iequals(w, "convert") && t_.word(i + 2, "int") && t_.op(i + 3, ",")) {
      bits_ |= kError;
    } else if (call && iequals(w, "cast") && cast_to_number_of_text(i + 1)) {
      bits_ |= kError;
    }
    if (call && in(w, kProbeFunctions)) {
      probe_ = true;
      if (in(w, {"mid", "substring", "substr"}) && p_.char_position == 0) {
        const std::vector<size_t> args = arg_starts(i + 1);
        uint64_t n = 0;
        if (args.size() >= 2 && t_.kind(args[1]) == Tok::number && parse_u64(t_.text(args[1]), n) &&
            n <= UINT32_MAX)
          p_.char_position = static_cast<uint32_t>(n);
      }
    }
  }

  // CAST((SELECT ...) AS INT), CAST(version() AS NUMERIC): a conversion
  // that fails with the value in the message (SQL Server, PostgreSQL).
  bool cast_to_number_of_text(size_t open) const {
    const size_t close = t_.close_of(open);
    if (close < 2 || close >= t_.size() || !t_.word(close - 2, "as")) return false;
    if (!in(t_.text(close - 1), {"int", "integer", "numeric", "bigint", "decimal"})) return false;
    for (size_t k = open; k < close; ++k) {
      if (t_.word(k, "select") || t_.word(k, "version") || t_.word(k, "current_user") ||
          t_.word(k, "current_database") || t_.word(k, "db_name"))
        return true;
    }
    return false;
  }

  // Indices where each top-level argument of the call at `open` starts.
  std::vector<size_t> arg_starts(size_t open) const {
    std::vector<size_t> starts;
    const size_t close = t_.close_of(open);
    if (close >= t_.size()) return starts;
    starts.push_back(open + 1);
    int depth = 0;
    for (size_t k = open + 1; k < close; ++k) {
      if (t_.op(k, "(")) ++depth;
      if (t_.op(k, ")")) --depth;
      if (depth == 0 && t_.op(k, ",")) starts.push_back(k + 1);
    }
    return starts;
  }

  void delay_from_args(size_t open, size_t arg, bool seconds) {
    const std::vector<size_t> args = arg_starts(open);
    double v = 0;
    if (seconds && arg < args.size() && t_.kind(args[arg]) == Tok::number &&
        parse_double(t_.text(args[arg]), v) && v > 0 && v < 1e6)
      p_.delay_s = v;
  }

  // WAITFOR DELAY '0:0:5'
  void delay_hms(std::string_view s) {
    double total = 0;
    for (size_t start = 0; start <= s.size();) {
      size_t colon = s.find(':', start);
      if (colon == std::string_view::npos) colon = s.size();
      double part = 0;
      if (!parse_double(s.substr(start, colon - start), part)) return;
      total = total * 60 + part;
      start = colon + 1;
    }
    if (total > 0 && total < 1e6) p_.delay_s = total;
  }

  // AND/OR at `i` followed by a condition.
  void check_condition(size_t i) {
    const bool joiner = t_.word(i, "and") || t_.word(i, "or") || t_.word(i, "xor") ||
                        t_.op(i, "&&") || t_.op(i, "||");
    if (!joiner || !closed_before(i)) return;
    size_t k = i + 1;
    while (t_.word(k, "not") || t_.op(k, "!")) ++k;
    if (t_.word(k, "true") || t_.word(k, "false")) {
      bits_ |= kBoolean;
      p_.condition = t_.word(k, "true") != (k != i + 1);
      return;
    }
    if (literal(k) && comparison(k + 1) && literal(k + 2)) {
      bits_ |= kBoolean;
      const std::optional<bool> v = evaluate(k, k + 2);
      if (v && k == i + 1) p_.condition = v;
      return;
    }
    if (t_.kind(k) == Tok::number && k + 1 >= t_.size()) {
      bits_ |= kBoolean;
      return;
    }
    size_t head = k;
    while (t_.op(head, "(")) ++head;
    if (t_.word(head, "select") || t_.word(head, "exists") || t_.word(head, "case")) {
      bits_ |= kBoolean;
      return;
    }
    if (t_.kind(head) == Tok::word && t_.op(head + 1, "(") &&
        (in(t_.text(head), kProbeFunctions) || in(t_.text(head), kConditionFunctions)))
      bits_ |= kBoolean;
  }

  bool literal(size_t k) const { return t_.kind(k) == Tok::number || t_.kind(k) == Tok::string; }

  bool comparison(size_t k) const {
    if (t_.word(k, "like")) return true;
    for (std::string_view c : kComparisons) {
      if (t_.op(k, c)) return true;
    }
    return false;
  }

  std::optional<bool> evaluate(size_t a, size_t b) const {
    const std::string_view o = t_.text(a + 1);
    int cmp = 0;
    double x = 0, y = 0;
    if (t_.kind(a) == Tok::number && t_.kind(b) == Tok::number && parse_double(t_.text(a), x) &&
        parse_double(t_.text(b), y)) {
      cmp = x < y ? -1 : (x > y ? 1 : 0);
    } else if (t_.kind(a) == Tok::string && t_.kind(b) == Tok::string) {
      const int c = t_.text(a).compare(t_.text(b));
      cmp = c < 0 ? -1 : (c > 0 ? 1 : 0);
    } else {
      return std::nullopt;
    }
    if (o == "=" || iequals(o, "like")) return cmp == 0;
    if (o == "<>" || o == "!=") return cmp != 0;
    if (o == "<") return cmp < 0;
    if (o == ">") return cmp > 0;
    if (o == "<=") return cmp <= 0;
    if (o == ">=") return cmp >= 0;
    return std::nullopt;
  }

  // The end of the select at `s`: the ')' closing its enclosing parenthesis,
  // a ';', a UNION at its level, or the end.
  size_t select_end(size_t s) const {
    int depth = 0;
    for (size_t k = s + 1; k < t_.size(); ++k) {
      if (t_.op(k, "(")) ++depth;
      if (t_.op(k, ")") && --depth < 0) return k;
      if (depth == 0 &&
          (t_.op(k, ";") || t_.word(k, "union") || t_.word(k, "except") || t_.word(k, "intersect")))
        return k;
    }
    return t_.size();
  }

  struct TableName {
    std::string database, table, alias;
    bool data = false;
  };

  void read_select(size_t s) {
    select_seen_ = true;
    // NOT IN (SELECT TOP 5 ...) only skips rows: the outer select reads.
    if (s >= 3 && t_.op(s - 1, "(") && t_.word(s - 2, "in") && t_.word(s - 3, "not")) return;
    const size_t end = select_end(s);
    size_t k = s + 1;
    std::optional<uint64_t> top;
    for (;;) {
      if (t_.word(k, "distinct") || t_.word(k, "all") || t_.word(k, "sql_no_cache")) {
        ++k;
      } else if (t_.word(k, "top") && t_.kind(k + 1) == Tok::number) {
        uint64_t n = 0;
        if (parse_u64(t_.text(k + 1), n)) top = n;
        k += 2;
      } else {
        break;
      }
    }
    const size_t list_begin = k;
    size_t from = end;
    for (int depth = 0; k < end; ++k) {
      if (t_.op(k, "(")) ++depth;
      if (t_.op(k, ")")) --depth;
      if (depth == 0 && t_.word(k, "from")) {
        from = k;
        break;
      }
    }
    std::vector<TableName> tables = from_tables(from, end);
    std::vector<std::pair<std::string_view, std::string_view>> columns;  // qualifier, name
    select_columns(list_begin, from, columns);
    filters(from, end);
    std::optional<RowRange> rows = limit_of(from, end);
    if (!rows && top) rows = RowRange{skipped_by_top(s, end), *top};
    for (const TableName& tn : tables) {
      if (!tn.data) continue;
      add_unique(p_.tables, tn.table);
      add_unique(p_.databases, tn.database);
      TableRead& read = p_.reads.emplace_back();
      read.database = tn.database;
      read.table = tn.table;
      read.rows = rows;
      for (const auto& [qualifier, name] : columns) {
        const bool mine = qualifier.empty() ? &tn == &tables.front()
                                            : (qualifier == tn.alias || qualifier == tn.table);
        if (mine) add_unique(read.columns, name);
      }
    }
  }

  std::vector<TableName> from_tables(size_t from, size_t end) {
    std::vector<TableName> tables;
    if (from >= end) return tables;
    size_t k = from + 1;
    while (k < end) {
      if (t_.op(k, "(")) {  // a derived table: its select is read on its own
        k = t_.close_of(k) + 1;
        if (t_.word(k, "as")) ++k;
        if (t_.kind(k) == Tok::word && !in(t_.text(k), kClauseWords)) ++k;
      } else if (t_.kind(k) == Tok::word && !in(t_.text(k), kClauseWords)) {
        std::vector<std::string_view> parts{t_.text(k)};
        while (t_.op(k + 1, ".") && t_.kind(k + 2) == Tok::word) {
          parts.push_back(t_.text(k + 2));
          k += 2;
        }
        ++k;
        TableName tn;
        tn.table = parts.back();
        if (parts.size() >= 2) tn.database = parts[parts.size() - 2];
        classify(tn);
        if (t_.word(k, "as")) ++k;
        if (t_.kind(k) == Tok::word && !in(t_.text(k), kClauseWords)) tn.alias = t_.text(k++);
        if (!iequals(tn.table, "dual")) tables.push_back(std::move(tn));
      } else if (t_.op(k, ",") || in(t_.text(k), kClauseWords)) {
        if (!t_.op(k, ",") && !in(t_.text(k), {"join", "inner", "left", "right", "cross", "natural",
                                               "outer", "full", "straight_join"})) {
          if (t_.word(k, "on") || t_.word(k, "using")) {
            // A join condition: skip to the next join or clause.
            ++k;
            while (k < end && !t_.word(k, "join") && !t_.op(k, ",") &&
                   !(t_.kind(k) == Tok::word &&
                     in(t_.text(k), {"where", "group", "order", "limit", "having", "union"})))
              ++k;
            continue;
          }
          break;
        }
        ++k;
      } else {
        break;
      }
    }
    return tables;
  }

  void classify(TableName& tn) {
    if (in(tn.database, kCatalogDatabases)) {
      if (in(tn.table, kListings)) p_.schema_enumeration = true;
      return;
    }
    if (in(tn.table, kCatalogTables)) {
      p_.schema_enumeration = true;
      return;
    }
    tn.data = true;
  }

  // Identifiers of the select list [b, e), nested selects left to their own
  // reading: a word is a column where an expression starts (after the list's
  // start, a comma, '(' or an operator) and is no function, keyword, alias
  // or variable.
  void select_columns(size_t b, size_t e,
                      std::vector<std::pair<std::string_view, std::string_view>>& out) const {
    for (size_t k = b; k < e; ++k) {
      if (t_.op(k, "(") && t_.word(k + 1, "select")) {
        k = t_.close_of(k);
        continue;
      }
      if (t_.kind(k) != Tok::word || t_.op(k + 1, "(") || in(t_.text(k), kNotColumns)) continue;
      const bool starts_expression = k == b || (t_.kind(k - 1) == Tok::op && !t_.op(k - 1, ")") &&
                                                !t_.op(k - 1, "@") && !t_.op(k - 1, "."));
      if (!starts_expression) continue;
      std::string_view qualifier, name = t_.text(k);
      while (t_.op(k + 1, ".") && t_.kind(k + 2) == Tok::word) {
        qualifier = name;
        name = t_.text(k + 2);
        k += 2;
      }
      if (t_.op(k + 1, "(")) continue;  // schema.function(...)
      out.emplace_back(qualifier, name);
    }
    for (size_t k = b; k < e; ++k) {
      if (t_.op(k, "*") && (k == b || t_.op(k - 1, ",")) && (k + 1 == e || t_.op(k + 1, ",")))
        out.emplace_back(std::string_view(), "*");
    }
  }

  // WHERE table_schema='shop' AND table_name='customers' (and IN lists).
  void filters(size_t from, size_t end) {
    for (size_t k = from; k < end; ++k) {
      if (t_.kind(k) != Tok::word) continue;
      const std::string_view w = t_.text(k);
      const bool schema = in(w, {"table_schema", "schema_name", "table_catalog", "owner", "datname",
                                 "schemaname", "tabschema"});
      const bool table = in(w, {"table_name", "tbl_name", "relname", "tablename"});
      if (!schema && !table) continue;
      size_t v = k + 1;
      if (!(t_.op(v, "=") || t_.word(v, "like") || t_.word(v, "in"))) continue;
      ++v;
      if (t_.op(v, "(")) ++v;
      for (; t_.kind(v) == Tok::string; v += 2) {
        add_unique(schema ? p_.databases : p_.tables, t_.text(v));
        if (!t_.op(v + 1, ",")) break;
      }
    }
  }

  // LIMIT a,b / LIMIT b OFFSET a / OFFSET a [ROWS] [FETCH NEXT b ROWS ONLY]
  // at the select's own level.
  std::optional<RowRange> limit_of(size_t from, size_t end) const {
    std::optional<uint64_t> offset, count;
    uint64_t n = 0;
    for (size_t k = from, depth = 0; k < end; ++k) {
      if (t_.op(k, "(")) ++depth;
      if (t_.op(k, ")") && depth > 0) --depth;
      if (depth != 0) continue;
      if (t_.word(k, "limit") && t_.kind(k + 1) == Tok::number && parse_u64(t_.text(k + 1), n)) {
        if (t_.op(k + 2, ",") && t_.kind(k + 3) == Tok::number) {
          offset = n;
          if (parse_u64(t_.text(k + 3), n)) count = n;
        } else {
          count = n;
        }
      } else if (t_.word(k, "offset") && t_.kind(k + 1) == Tok::number &&
                 parse_u64(t_.text(k + 1), n)) {
        offset = n;
      } else if (t_.word(k, "fetch") && (t_.word(k + 1, "next") || t_.word(k + 1, "first"))) {
        count = 1;
        if (t_.kind(k + 2) == Tok::number && parse_u64(t_.text(k + 2), n)) count = n;
      }
    }
    if (!offset && !count) return std::nullopt;
    return RowRange{offset.value_or(0), count.value_or(1)};
  }

  // SELECT TOP 1 x FROM t WHERE x NOT IN (SELECT TOP 5 x FROM t): row 5.
  uint64_t skipped_by_top(size_t s, size_t end) const {
    for (size_t k = s; k + 5 < end; ++k) {
      uint64_t n = 0;
      if (t_.word(k, "not") && t_.word(k + 1, "in") && t_.op(k + 2, "(") &&
          t_.word(k + 3, "select") && t_.word(k + 4, "top") && t_.kind(k + 5) == Tok::number &&
          parse_u64(t_.text(k + 5), n))
        return n;
    }
    return 0;
  }

  const Tokens& t_;
  SqlPayload& p_;
  uint8_t bits_ = 0;
  bool select_seen_ = false;
  bool probe_ = false;
};

}  // namespace

std::string_view technique_name(int bit_index) {
  static constexpr std::array<std::string_view, kTechniqueCount> kNames = {
      "union", "error", "boolean", "time", "stacked", "order-by"};
  return kNames[static_cast<size_t>(bit_index)];
}

uint8_t analyze(const Tokens& t, SqlPayload& p) {
  const uint8_t bits = Analyzer(t, p).run();
  p.injected = bits != 0;
  if (!p.injected) {  // a sentence that reads like SQL names no table
    p = SqlPayload{};
    return 0;
  }
  for (int b = 0; b < kTechniqueCount; ++b) {
    if (bits & (1u << b)) p.techniques.emplace_back(technique_name(b));
  }
  return bits;
}

}  // namespace shodo::leak::sql
