// The parsers: each reads one file's decoded text from `in` to its end and
// reports units, rows, fields or lines and problems to `scan`.
#pragma once

#include "pii/file_scan.h"
#include "pii/input.h"

namespace shodo::pii {

// MySQL/MariaDB and PostgreSQL dumps: CREATE TABLE (column names), INSERT
// (one or many rows, with or without a column list) and COPY ... FROM stdin
// blocks; other statements are skipped.
void parse_sql_dump(Input& in, FileScan& scan);

// CSV (`delimiter` ',') or TSV ('\t'): the first record names the columns;
// RFC 4180 quoting, newlines inside quoted cells.
void parse_delimited(Input& in, FileScan& scan, char delimiter);

// Anything else: line by line, free text.
void parse_text(Input& in, FileScan& scan);

// Position of the first of `a` or `b` in [from, to), or `to`.
size_t find_either(const char* data, size_t from, size_t to, char a, char b);

}  // namespace shodo::pii
