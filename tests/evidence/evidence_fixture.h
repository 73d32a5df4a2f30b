// A fresh case with its key and a session, for evidence tests; and running
// the shodo binary.
#pragma once

#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "case/case.h"
#include "evidence/evidence.h"
#include "support/temp_dir.h"

namespace shodo::testing {

struct CaseFixture {
  TempDir tmp;
  cases::CaseDir dir;
  std::unique_ptr<cases::CaseStore> store;
  evidence::Session session;

  CaseFixture() {
    cases::CaseFields f;
    f.number = "T-001";
    f.created_at = "2024-03-10T00:00:00.000Z";
    dir.root = (tmp.path() / "case").string();
    if (!cases::create_case(dir.root, f, store).ok) throw std::runtime_error("create_case");
    if (!evidence::create_case_key(dir, {}).ok) throw std::runtime_error("create_case_key");
    if (!evidence::open_session(dir, *store, "tester", "shodo test", {}, session).ok)
      throw std::runtime_error("open_session");
  }
  evidence::AcquireReport acquire(const std::string& path, bool expect_ok = true) {
    evidence::AcquireReport r;
    cases::Status st = evidence::acquire(session, path, {}, r);
    if (st.ok != expect_ok) throw std::runtime_error("acquire: " + st.error);
    return r;
  }
};

struct Run {
  int code;
  std::string out;
};

inline Run run_shodo(const std::string& args) {
  const std::string cmd = std::string(SHODO_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int rc = pclose(p);
  return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, out};
}

}  // namespace shodo::testing
