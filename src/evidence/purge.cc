// shodo case purge: the certified deletion of the preserved evidence
// (証拠保全データの削除). NIST SP 800-88 "purge" by cryptographic erase: the
// case key is overwritten and deleted, which makes every vault file
// unreadable; the ciphertext and any exports in the case folder are deleted
// too; then the folder is searched for fragments of the evidence taken
// before the key was destroyed. The case record and the custody log stay.
#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "evidence/certificate.h"
#include "evidence/custody.h"
#include "evidence/pipeline.h"
#include "evidence/vault.h"

namespace shodo::evidence {
namespace {

namespace fs = std::filesystem;

constexpr size_t kProbeSize = 32;

// Fragments of an item to look for afterwards: its first bytes and the
// last bytes of its first chunk. Fragments with little variety (zeros,
// padding) would match anything and are not used.
void take_probes(const Session& s, const cases::Item& item, std::vector<std::string>& probes) {
  if (item.size < kProbeSize) return;
  std::string error;
  auto reader = open_blob(s, item.hashes.sha256, error);
  if (!reader) return;
  std::string head(std::min<uint64_t>(item.size, kChunkSize), '\0');
  size_t got = 0;
  while (got < head.size()) {
    size_t n = reader->read(head.data() + got, head.size() - got);
    if (n == 0) break;
    got += n;
  }
  head.resize(got);
  for (size_t at : {size_t{0}, got >= kProbeSize ? got - kProbeSize : 0}) {
    if (got < at + kProbeSize) continue;
    std::string p = head.substr(at, kProbeSize);
    if (std::set<char>(p.begin(), p.end()).size() >= 8) probes.push_back(std::move(p));
  }
}

// Overwrites a file with random bytes, syncs, then deletes it.
bool shred(const fs::path& p) {
  int fd = ::open(p.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) {
    struct stat st;
    if (::fstat(fd, &st) == 0) {
      std::vector<unsigned char> noise(static_cast<size_t>(st.st_size));
      RAND_bytes(noise.data(), static_cast<int>(noise.size()));
      ssize_t w = ::pwrite(fd, noise.data(), noise.size(), 0);
      (void)w;
      ::fsync(fd);
    }
    ::close(fd);
  }
  return ::unlink(p.c_str()) == 0;
}

void remove_tree_files(const fs::path& root, bool overwrite, std::vector<std::string>& removed) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec))
    if (!it->is_directory(ec)) files.push_back(it->path());
  for (const fs::path& f : files) {
    if (overwrite ? shred(f) : ::unlink(f.c_str()) == 0) removed.push_back(f.string());
  }
}

// Every file under root that holds any probe (streamed, with overlap).
void scan(const fs::path& root, const std::vector<std::string>& probes, PurgeReport& report) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    ++report.files_scanned;
    std::ifstream in(it->path(), std::ios::binary);
    std::string window, buf(1 << 20, '\0');
    bool hit = false;
    while (!hit && in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      window.append(buf.data(), static_cast<size_t>(in.gcount()));
      for (const std::string& p : probes)
        if (window.find(p) != std::string::npos) hit = true;
      if (window.size() > kProbeSize) window.erase(0, window.size() - kProbeSize);
    }
    if (hit) report.residue.push_back(it->path().string());
  }
}

}  // namespace

Status purge(Session& s, const std::string& confirm, PurgeReport& report) {
  cases::CaseFields fields;
  if (Status st = s.store->fields(fields); !st) return st;
  if (confirm.empty() || confirm != fields.number)
    return Status::fail("refused: --confirm must be this case's number (" + fields.number + ")");
  std::vector<cases::Item> items;
  if (Status st = s.store->items(items); !st) return st;
  std::vector<std::string> probes;
  for (const cases::Item& item : items)
    if (item.disposition == "held") take_probes(s, item, probes);
  report.probes = probes.size();

  // 1. Cryptographic erase: every key file, wrapped or not.
  remove_tree_files(s.dir.keys(), true, report.removed);
  // 2. The ciphertext, and plaintext exports kept inside the case folder.
  remove_tree_files(s.dir.vault(), false, report.removed);
  remove_tree_files(s.dir.exports(), true, report.removed);
  std::error_code ec;
  fs::remove_all(s.dir.vault(), ec);

  std::vector<cases::CustodyEvent> events;
  for (cases::Item& item : items) {
    if (item.disposition != "held") continue;
    if (Status st = s.store->set_disposition(item.id, "purged"); !st) return st;
    item.disposition = "purged";
    cases::CustodyEvent ev = make_event(s, "purged", item.id, "deletion of preserved evidence");
    ev.hashes_json = hashes_json(item.hashes);
    ev.details = "NIST SP 800-88 purge by cryptographic erase";
    events.push_back(std::move(ev));
    report.items.push_back(item);
  }
  if (Status st = s.store->append_events(events); !st) return st;
  if (Status st = s.store->compact(); !st) return st;

  // 3. Nothing of the evidence may remain anywhere in the case folder.
  scan(s.dir.root, probes, report);

  cases::CustodyEvent done = make_event(s, "purged", 0, "deletion of preserved evidence");
  done.matched = report.clean() ? "yes" : "no";
  done.details =
      std::to_string(report.items.size()) + " item(s); key destroyed; " +
      std::to_string(report.files_scanned) + " file(s) scanned for " +
      std::to_string(report.probes) + " evidence fragment(s): " +
      (report.clean() ? "none found"
                      : std::to_string(report.residue.size()) + " file(s) still hold evidence");
  std::vector<cases::CustodyEvent> last = {done};
  if (Status st = s.store->append_events(last); !st) return st;
  if (Status st = s.store->compact(); !st) return st;
  return write_certificate(s, fields, report, last.front());
}

}  // namespace shodo::evidence
