#include "evidence/vault.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <optional>
#include <thread>

#include "evidence/multi_hash.h"
#include "evidence/pipeline.h"
#include "evidence/vault_format.h"

namespace shodo::evidence {
namespace {

namespace fs = std::filesystem;

std::string errno_text(int e) {
  return std::strerror(e);
}

bool fsync_dir(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

constexpr long kYoungSeconds = 60;

// Test hook (docs/evidence.md): SHODO_TEST_STALL_AFTER_CHUNKS=N makes the
// vault writer stop forever after N chunks, so a test can kill an
// acquisition at a known point.
long stall_after_chunks() {
  const char* v = std::getenv("SHODO_TEST_STALL_AFTER_CHUNKS");
  return v ? std::atol(v) : -1;
}

// The hashing stages: MD5 (the slowest) alone on one thread, SHA-1 and
// SHA-256 with the rest on the other.
struct Digests {
  Digest sha256{EVP_sha256()}, sha1{EVP_sha1()}, md5{EVP_md5()};
  Hashes finish() { return {sha256.hex(), sha1.hex(), md5.hex()}; }
};

}  // namespace

std::string blob_path(const cases::CaseDir& dir, const std::string& sha256) {
  return dir.vault() + "/" + sha256.substr(0, 2) + "/" + sha256;
}

TempBlob::~TempBlob() {
  if (fd_ >= 0) {
    ::unlink(path_.c_str());
    ::close(fd_);
  }
}

Status TempBlob::create(const cases::CaseDir& dir) {
  std::error_code ec;
  fs::create_directories(dir.vault() + "/tmp", ec);
  path_ = dir.vault() + "/tmp/acquire-XXXXXX";
  fd_ = ::mkostemp(path_.data(), O_CLOEXEC);
  if (fd_ < 0) return Status::fail(dir.vault() + "/tmp: " + errno_text(errno));
  // Held until commit or exit: a temp file nobody holds is stale.
  ::flock(fd_, LOCK_EX);
  return {};
}

Status TempBlob::commit(const cases::CaseDir& dir, const std::string& sha256, bool sync) {
  if (sync && ::fsync(fd_) != 0) return Status::fail("syncing the vault: " + errno_text(errno));
  const std::string target = blob_path(dir, sha256);
  const std::string folder = target.substr(0, target.rfind('/'));
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return Status::fail(folder + ": " + ec.message());
  // Identical content is stored once: keep what is there. (A rename, not a
  // link and an unlink: deleting an inode per file slows ext4's allocator.)
  if (::renameat2(AT_FDCWD, path_.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0) {
    if (errno != EEXIST) return Status::fail(target + ": " + errno_text(errno));
    ::unlink(path_.c_str());
  }
  ::close(fd_);
  fd_ = -1;
  if (sync && !fsync_dir(folder)) return Status::fail(folder + ": cannot sync");
  return {};
}

Status commit_blobs(const cases::CaseDir& dir, std::vector<PendingBlob>& blobs) {
  if (blobs.empty()) return {};
  // Contents first, then their names: a name never reaches the disk before
  // its content, and neither before the items are recorded.
  const int fd = blobs.front().blob->fd();
  if (::syncfs(fd) != 0) return Status::fail("syncing the vault: " + errno_text(errno));
  const int keep = ::dup(fd);  // the temp file closes on commit; the file system stays open
  Status st;
  for (PendingBlob& b : blobs)
    if (st = b.blob->commit(dir, b.sha256, false); !st) break;
  if (st && ::syncfs(keep) != 0) st = Status::fail("syncing the vault: " + errno_text(errno));
  ::close(keep);
  blobs.clear();
  return st;
}

void remove_stale_temp_files(const cases::CaseDir& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir.vault() + "/tmp", ec)) {
    int fd = ::open(e.path().c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) continue;
    // A file another process has just created is empty and not yet locked
    // (TempBlob::create locks right after creating): leave young empty ones.
    struct stat st;
    const bool just_created = ::fstat(fd, &st) == 0 && st.st_size == 0 &&
                              std::time(nullptr) - st.st_mtime < kYoungSeconds;
    if (!just_created && ::flock(fd, LOCK_EX | LOCK_NB) == 0) ::unlink(e.path().c_str());
    ::close(fd);
  }
}

bool blob_stored(const cases::CaseDir& dir, const std::string& sha256) {
  struct stat st;
  return ::stat(blob_path(dir, sha256).c_str(), &st) == 0;
}

Status store_stream(const Session& s, fsview::Reader& source, Hashes& hashes, uint64_t& size,
                    std::unique_ptr<TempBlob>* pending, const StoredCheck& stored) {
  Digests d;
  // Created when there is something to write: a small file whose content the
  // vault already holds (a webroot's copies of one library) costs no file.
  std::unique_ptr<TempBlob> tmp;
  std::optional<VaultWriter> writer;
  std::string whole_sha256;  // set when the source fit in one buffer
  const long stall = stall_after_chunks();
  long chunks = 0;
  std::vector<Stage> stages = {
      [&](const unsigned char* p, size_t n, bool, std::string&) {
        d.md5.update(p, n);
        return true;
      },
      [&](const unsigned char* p, size_t n, bool last, std::string& error) {
        d.sha256.update(p, n);
        d.sha1.update(p, n);
        if (!writer) {
          if (chunks == 0 && last) {
            whole_sha256 = d.sha256.hex();
            if (stored ? stored(whole_sha256) : blob_stored(s.dir, whole_sha256)) return true;
          }
          tmp = std::make_unique<TempBlob>();
          if (Status st = tmp->create(s.dir); !st) {
            error = st.error;
            return false;
          }
          writer.emplace(s.key, tmp->fd(), kChunkSize, !last);
        }
        if (!writer->write_chunk(p, n, last, error)) return false;
        if (stall >= 0 && ++chunks >= stall) {
          for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
        }
        return true;
      },
  };
  size_t bytes = 0;
  std::string error;
  if (!run_pipeline(fill_from(source), stages, bytes, error)) return Status::fail(error);
  size = bytes;
  hashes.sha256 = whole_sha256.empty() ? d.sha256.hex() : whole_sha256;
  hashes.sha1 = d.sha1.hex();
  hashes.md5 = d.md5.hex();
  writer.reset();  // before the file is committed or dropped
  if (pending) {
    *pending = std::move(tmp);  // null when already stored
    return {};
  }
  return tmp ? tmp->commit(s.dir, hashes.sha256) : Status{};
}

std::unique_ptr<fsview::Reader> open_blob(const Session& s, const std::string& sha256,
                                          std::string& error) {
  const std::string path = blob_path(s.dir, sha256);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    error = "vault file " + path + ": " + errno_text(errno);
    return nullptr;
  }
  return std::make_unique<VaultReader>(s.key, fd);
}

Status hash_stream(fsview::Reader& source, Hashes& hashes, uint64_t& size) {
  Digests d;
  std::vector<Stage> stages = {
      [&](const unsigned char* p, size_t n, bool, std::string&) {
        d.md5.update(p, n);
        return true;
      },
      [&](const unsigned char* p, size_t n, bool, std::string&) {
        d.sha256.update(p, n);
        d.sha1.update(p, n);
        return true;
      },
  };
  size_t bytes = 0;
  std::string error;
  if (!run_pipeline(fill_from(source), stages, bytes, error)) return Status::fail(error);
  size = bytes;
  hashes = d.finish();
  return {};
}

}  // namespace shodo::evidence
