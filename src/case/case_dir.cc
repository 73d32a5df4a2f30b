// The case folder: creating it, finding it (like git), locking it.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "case/case.h"
#include "case/sqlite_store.h"

namespace shodo::cases {

namespace fs = std::filesystem;

Status create_case(const std::string& dir, const CaseFields& fields,
                   std::unique_ptr<CaseStore>& out) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec))
    return Status::fail(dir + ": exists and is not empty");
  CaseDir d{fs::absolute(dir, ec).lexically_normal().string()};
  if (!d.root.empty() && d.root.size() > 1 && d.root.back() == '/') d.root.pop_back();
  for (const std::string& sub :
       {d.root, d.vault(), d.vault() + "/tmp", d.keys(), d.exports(), d.reports()}) {
    fs::create_directories(sub, ec);
    if (ec) return Status::fail(sub + ": " + ec.message());
  }
  // Evidence and keys are for the examiner only.
  for (const std::string& sub : {d.root, d.vault(), d.keys(), d.exports()})
    fs::permissions(sub, fs::perms::owner_all, ec);
  if (Status s = open_case_store(d.db(), true, out); !s) return s;
  return out->save_fields(fields);
}

Status open_case(const CaseDir& dir, std::unique_ptr<CaseStore>& out) {
  std::error_code ec;
  if (!fs::is_regular_file(dir.db(), ec)) return Status::fail(dir.root + ": not a shodo case");
  return open_case_store(dir.db(), false, out);
}

Status find_case(const std::string& flag, CaseDir& out) {
  std::error_code ec;
  if (!flag.empty()) {
    out.root = fs::absolute(flag, ec).lexically_normal().string();
    if (out.root.size() > 1 && out.root.back() == '/') out.root.pop_back();
    if (!fs::is_regular_file(out.db(), ec))
      return Status::fail(flag + ": not a shodo case (no case.db)");
    return {};
  }
  for (fs::path p = fs::current_path(ec); !ec && !p.empty(); p = p.parent_path()) {
    std::error_code missing;  // not found here: look in the parent
    if (fs::is_regular_file(p / "case.db", missing)) {
      out.root = p.string();
      return {};
    }
    if (p == p.parent_path()) break;
  }
  return Status::fail("no case here or in any parent folder (use --case DIR or `shodo case init`)");
}

CaseLock::~CaseLock() {
  if (fd_ >= 0) ::close(fd_);
}

Status CaseLock::lock(const CaseDir& dir, bool exclusive) {
  const std::string path = dir.root + "/case.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0)
    return Status::fail(path + ": " + std::error_code(errno, std::generic_category()).message());
  if (::flock(fd_, exclusive ? LOCK_EX : LOCK_SH) != 0) return Status::fail(path + ": cannot lock");
  return {};
}

}  // namespace shodo::cases
