// `disk extract`: files and trees copied out of an image into one folder,
// with a manifest. Every host path is built from safe_name() components and
// created relative to the output folder's descriptor with O_NOFOLLOW and
// O_EXCL: whatever the names in the image, nothing is written outside it,
// and nothing already there is overwritten.
#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <utility>

#include "disk/disk.h"
#include "disk/entry_format.h"
#include "disk/safe_name.h"
#include "report/json_writer.h"

namespace shodo::disk {
namespace {

std::string errno_text() {
  return std::strerror(errno);
}

class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// Opens (creating when missing) the folder `parts` below `root`.
Fd open_folder(int root, const std::vector<std::string>& parts, std::string& error) {
  Fd dir(::dup(root));
  for (const std::string& part : parts) {
    if (::mkdirat(dir.get(), part.c_str(), 0755) != 0 && errno != EEXIST) {
      error = "cannot create folder " + part + ": " + errno_text();
      return Fd();
    }
    Fd next(::openat(dir.get(), part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (next.get() < 0) {
      error = "cannot open folder " + part + ": " + errno_text();
      return Fd();
    }
    dir = std::move(next);
  }
  return dir;
}

struct Written {
  std::string host_path;  // relative to the output folder
  uint64_t bytes = 0;
  std::string sha256, error;
};

// Creates a new file (name, name~2, name~3... when taken) and streams the
// content into it, hashing as it goes.
Written write_file(int dir, const std::string& rel_dir, const std::string& name,
                   fsview::Reader& reader) {
  Written w;
  Fd fd;
  std::string chosen;
  for (int n = 1; n < 1000 && fd.get() < 0; ++n) {
    chosen = n == 1 ? name : fmt::format("{}~{}", name, n);
    fd = Fd(
        ::openat(dir, chosen.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (fd.get() < 0 && errno != EEXIST) break;
  }
  if (fd.get() < 0) {
    w.error = "cannot create " + chosen + ": " + errno_text();
    return w;
  }
  w.host_path = rel_dir + chosen;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr);
  std::vector<char> buf(1u << 20);
  while (size_t n = reader.read(buf.data(), buf.size())) {
    EVP_DigestUpdate(md.get(), buf.data(), n);
    for (size_t done = 0; done < n;) {
      ssize_t put = ::write(fd.get(), buf.data() + done, n - done);
      if (put < 0 && errno == EINTR) continue;
      if (put <= 0) {
        w.error = "write failed: " + errno_text();
        return w;
      }
      done += static_cast<size_t>(put);
    }
    w.bytes += n;
  }
  if (!reader.error().empty()) w.error = "content read stopped early: " + reader.error();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  EVP_DigestFinal_ex(md.get(), digest, &len);
  for (unsigned i = 0; i < len; ++i) w.sha256 += fmt::format("{:02x}", digest[i]);
  return w;
}

std::vector<std::string> components(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.push_back(safe_name(path.substr(i, j - i)));
    i = j + 1;
  }
  return out;
}

const fsview::View* view_with(const std::vector<const fsview::View*>& views,
                              const std::string& path) {
  for (const fsview::View* view : views) {
    fsview::FileInfo f;
    std::string error;
    if (view->stat(path, f, error)) return view;
  }
  return nullptr;
}

}  // namespace

Outcome extract(const fsview::Source& source, const ExtractOptions& options) {
  Outcome outcome;
  std::error_code ec;
  std::filesystem::create_directories(options.to, ec);
  Fd root(::open(options.to.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (root.get() < 0) {
    outcome.problems.push_back({options.to, "cannot open the output folder: " + errno_text()});
    return outcome;
  }
  Fd manifest_fd(::openat(root.get(), "manifest.json",
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (manifest_fd.get() < 0) {
    outcome.problems.push_back(
        {options.to,
         "cannot create manifest.json (extract into a new or empty folder): " + errno_text()});
    return outcome;
  }
  std::string error;
  auto views = select_views(source, options.partition, error);
  if (views.empty()) outcome.problems.push_back({source.path, error});
  const bool tagged = !source.image.volume_system.empty();

  std::string manifest;
  report::JsonObject top(manifest);
  top.text("image", source.path);
  top.text("files_folder", "files");
  std::string& entries = top.member("entries");
  entries += "[\n";
  bool first = true;
  for (const std::string& path : options.paths) {
    const fsview::View* view = view_with(views, path);
    if (!view) {
      outcome.problems.push_back({path, "not found in the selected file systems"});
      continue;
    }
    fsview::WalkOptions walk;
    walk.include_deleted = true;
    view->walk(
        path, walk,
        [&](const fsview::FileInfo& f) {
          std::vector<std::string> parts = components(f.path);
          parts.insert(parts.begin(), "files");
          if (tagged) parts.insert(parts.begin() + 1, view_tag(*view));
          Written w;
          if (f.type == fsview::FileType::directory) {
            Fd dir = open_folder(root.get(), parts, w.error);
          } else if (f.type == fsview::FileType::regular) {
            const std::string name = parts.back();
            parts.pop_back();
            std::string rel_dir;
            for (const std::string& p : parts) rel_dir += p + "/";
            Fd dir = open_folder(root.get(), parts, w.error);
            std::string open_error;
            auto reader = dir.get() < 0 ? nullptr : view->open(f, open_error);
            if (reader) {
              w = write_file(dir.get(), rel_dir, name, *reader);
              if (w.error.empty()) ++outcome.entries;
            } else if (w.error.empty()) {
              w.error = "cannot read content: " + open_error;
            }
          }
          if (!w.error.empty()) outcome.problems.push_back({tagged_path(*view, f.path), w.error});
          entries += first ? "" : ",\n";
          first = false;
          report::JsonObject e(entries);
          e.text("partition", view_tag(*view));
          e.text("path", f.path);
          e.text("type", fsview::file_type_name(f.type));
          e.text("written", w.host_path);
          if (f.type == fsview::FileType::regular) {
            e.number("size", f.size);
            e.number("bytes_written", w.bytes);
            e.text("sha256", w.sha256);
          }
          e.number("inode", f.inode);
          e.text("mode", mode_octal(f));
          e.number("uid", static_cast<uint64_t>(f.uid));
          e.number("gid", static_cast<uint64_t>(f.gid));
          e.text("mtime", iso_time(f.mtime));
          e.text("atime", iso_time(f.atime));
          e.text("ctime", iso_time(f.ctime));
          e.text("btime", iso_time(f.btime));
          e.member("deleted") += f.deleted ? "true" : "false";
          e.text("link_target", f.link_target);
          e.text("error", w.error);
          e.close();
          return fsview::Visit::descend;
        },
        [&](const fsview::Problem& p) {
          outcome.problems.push_back({tagged_path(*view, p.path), p.reason});
        });
  }
  entries += "\n]";
  top.close();
  manifest += '\n';
  if (::write(manifest_fd.get(), manifest.data(), manifest.size()) !=
      static_cast<ssize_t>(manifest.size()))
    outcome.problems.push_back({options.to, "cannot write manifest.json: " + errno_text()});
  return outcome;
}

}  // namespace shodo::disk
