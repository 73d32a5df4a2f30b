// A scratch folder for a test, removed afterwards.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace shodo::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes a file (creating folders) and returns its path.
  std::string write(std::string_view name, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

// Runs a shell command; returns its exit status.
int run_shell(const std::string& command);

// A whole file's bytes ("" when it cannot be read).
std::string read_file(const std::filesystem::path& path);

// Fields of a line of a data-driven test case ("a\tb" -> {"a", "b"}).
std::vector<std::string> split(const std::string& s, char sep);

}  // namespace shodo::testing
