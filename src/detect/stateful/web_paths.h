// What a request path says about itself: login endpoint, server-side script,
// archive or dump download; and the key under which paths share a size
// baseline.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace shodo::detect {

// POST targets of password logins: wp-login.php, xmlrpc.php, /login,
// /user/login, /signin, /admin, /administrator...
bool is_login_path(std::string_view path);
// XML-RPC endpoints answer 200 to failed logins too (the fault is in the body).
bool is_xmlrpc_path(std::string_view path);
// Server-side script by extension: .php (and .php5, .phtml...), .asp, .aspx,
// .jsp, .jspx, .cgi, .pl, .py...
bool is_script_path(std::string_view path);
// The archive, dump, backup or export extension the path ends with (".sql.gz",
// ".zip", ".bak"...), or empty. Dumps and backups are `sensitive`.
struct ArchiveKind {
  std::string_view extension;
  bool sensitive = false;  // database dumps and backups, as opposed to any archive
};
ArchiveKind archive_kind(std::string_view path);

// What the detectors ask of every request path, from one look at its
// extension: is_script_path, and archive_kind as a number (0: none) that
// archive_by_number turns back into the kind.
struct PathTraits {
  bool script = false;
  uint8_t archive = 0;
};
PathTraits path_traits(std::string_view path);
ArchiveKind archive_by_number(uint8_t number);

// Paths that differ only in numbers (/products/shoes/12345) share one size
// baseline: digit runs become '#'. Writes into `key`, reusing its memory.
void baseline_key(std::string_view path, std::string& key);
// The path's baseline key: the path itself when it holds no digit (most
// do), else written into `scratch`.
std::string_view baseline_key_of(std::string_view path, std::string& scratch);

}  // namespace shodo::detect
