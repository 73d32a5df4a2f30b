// PII scan: the bytes as one file read as a SQL dump, a CSV and a TSV
// export and a text file, with a short line limit so values, heads and
// lines are cut, and again compressed by nothing but their own magic.
#include <algorithm>
#include <cstring>

#include "fuzz/targets.h"
#include "pii/pii.h"

namespace shodo::fuzz {
namespace {

// One file, its content in memory, read in small pieces.
class BytesView : public fsview::View {
 public:
  explicit BytesView(std::string_view bytes) : bytes_(bytes) {}
  std::string description() const override { return "fuzz input"; }
  std::string fs_type() const override { return "memory"; }
  bool stat(std::string_view, fsview::FileInfo&, std::string& error) const override {
    error = "no such file";
    return false;
  }
  void walk(std::string_view, const fsview::WalkOptions&,
            const std::function<fsview::Visit(const fsview::FileInfo&)>&,
            const std::function<void(const fsview::Problem&)>&) const override {}
  std::unique_ptr<fsview::Reader> open(const fsview::FileInfo&, std::string&) const override {
    return std::make_unique<BytesReader>(bytes_);
  }

 private:
  class BytesReader : public fsview::Reader {
   public:
    explicit BytesReader(std::string_view b) : b_(b) {}
    size_t read(char* buf, size_t n) override {
      n = std::min({n, b_.size(), size_t{4093}});
      if (n == 0) return 0;  // an empty input's data() may be null
      std::memcpy(buf, b_.data(), n);
      b_.remove_prefix(n);
      return n;
    }

   private:
    std::string_view b_;
  };
  std::string_view bytes_;
};

}  // namespace

int pii_scan(const uint8_t* data, size_t size) {
  const BytesView view(std::string_view(reinterpret_cast<const char*>(data), size));
  fsview::FileInfo file;
  file.path = "/input";
  file.type = fsview::FileType::regular;
  file.size = size;
  pii::Options options;
  options.max_line_bytes = 64;
  pii::Scanner scanner(options);
  for (const char* label : {"input.sql", "input.csv", "input.tsv", "input.log"})
    scanner.scan(view, file, label);
  const pii::Report report = scanner.finish();
  // Every example shown is masked: never longer than a masked card.
  for (const pii::Unit& u : report.units)
    for (const pii::ItemFinding& f : u.items)
      for (const std::string& e : f.examples)
        if (e.size() > 400) std::abort();
  return 0;
}

}  // namespace shodo::fuzz
