// E01 (EnCase / libewf) images: each segment file is stored as an item as
// it is; then the media inside is read with libewf, hashed, and compared
// with the MD5 / SHA-1 the image itself stores. The result is a custody
// "verified" event on the first segment.
#include <libewf.h>

#include <cctype>
#include <cstring>

#include "evidence/acquire_steps.h"
#include "evidence/custody.h"
#include "evidence/vault.h"

namespace shodo::evidence {
namespace {

std::string ewf_error(libewf_error_t*& e) {
  char buf[512] = "libewf error";
  if (e) {
    libewf_error_sprint(e, buf, sizeof buf);
    libewf_error_free(&e);
  }
  return buf;
}

class MediaReader final : public fsview::Reader {
 public:
  explicit MediaReader(libewf_handle_t* h) : h_(h) {}
  size_t read(char* buf, size_t n) override {
    libewf_error_t* e = nullptr;
    ssize_t got = libewf_handle_read_buffer(h_, buf, n, &e);
    if (got < 0) {
      error_ = ewf_error(e);
      return 0;
    }
    return static_cast<size_t>(got);
  }

 private:
  libewf_handle_t* h_;
};

std::string stored_hash(libewf_handle_t* h, const char* name) {
  uint8_t value[128] = {};
  libewf_error_t* e = nullptr;
  int rc = libewf_handle_get_utf8_hash_value(h, reinterpret_cast<const uint8_t*>(name),
                                             std::strlen(name), value, sizeof value, &e);
  if (rc != 1) {
    if (e) libewf_error_free(&e);
    return "";
  }
  std::string out(reinterpret_cast<char*>(value));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

Status acquire_e01(Session& s, const std::string& path, const AcquireOptions& o, AcquireReport& r) {
  libewf_error_t* e = nullptr;
  char** names = nullptr;
  int count = 0;
  if (libewf_glob(path.c_str(), path.size(), LIBEWF_FORMAT_UNKNOWN, &names, &count, &e) != 1)
    return Status::fail(path + ": " + ewf_error(e));
  std::vector<std::string> segments(names, names + count);
  libewf_glob_free(names, count, nullptr);

  int64_t first_id = 0;
  for (const std::string& seg : segments) {
    const size_t before = r.items.size();
    if (Status st = acquire_tree(s, seg, "e01-segment", "physical", o, r); !st) return st;
    if (r.items.size() == before) return Status::fail(seg + ": segment could not be stored");
    if (!first_id) first_id = r.items.back().item.id;
  }

  libewf_handle_t* h = nullptr;
  std::vector<char*> argv;
  for (std::string& seg : segments) argv.push_back(seg.data());
  if (libewf_handle_initialize(&h, &e) != 1) return Status::fail(ewf_error(e));
  E01Check check;
  check.image = path;
  Status result;
  if (libewf_handle_open(h, argv.data(), static_cast<int>(argv.size()), LIBEWF_OPEN_READ, &e) !=
      1) {
    r.problems.push_back({path, "libewf cannot open the image: " + ewf_error(e)});
    ++r.malformed_entries;
  } else {
    MediaReader media(h);
    uint64_t size = 0;
    Status st = hash_stream(media, check.media, size);
    check.stored_md5 = stored_hash(h, "MD5");
    check.stored_sha1 = stored_hash(h, "SHA1");
    cases::CustodyEvent ev =
        make_event(s, "verified", first_id, "E01 media hash against the image's own");
    ev.hashes_json = hashes_json(check.media);
    if (!st) {
      ev.matched = "no";
      ev.details = "media unreadable: " + st.error;
      r.problems.push_back({path, ev.details});
    } else {
      const bool any = !check.stored_md5.empty() || !check.stored_sha1.empty();
      check.match = any && (check.stored_md5.empty() || check.stored_md5 == check.media.md5) &&
                    (check.stored_sha1.empty() || check.stored_sha1 == check.media.sha1);
      ev.matched = any ? (check.match ? "yes" : "no") : "";
      ev.details = "E01 media " + std::to_string(size) + " bytes; stored MD5 " +
                   (check.stored_md5.empty() ? "(none)" : check.stored_md5) + ", stored SHA-1 " +
                   (check.stored_sha1.empty() ? "(none)" : check.stored_sha1) + "; " +
                   std::to_string(segments.size()) + " segment(s)";
    }
    std::vector<cases::CustodyEvent> evs = {ev};
    result = s.store->append_events(evs);
    libewf_handle_close(h, nullptr);
    r.e01.push_back(check);
  }
  libewf_handle_free(&h, nullptr);
  return result;
}

}  // namespace shodo::evidence
