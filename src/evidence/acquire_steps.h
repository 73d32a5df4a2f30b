// The acquisition of each kind of source (acquire.cc picks one), and the
// step they share: storing one stream as one recorded item.
#pragma once

#include <string>
#include <unordered_set>

#include "evidence/evidence.h"
#include "evidence/vault.h"

namespace shodo::evidence {

// Stores `content` in the vault and records `item` (source, kind, method,
// metadata and problems filled by the caller) with its "acquired" event.
Status record_item(Session& s, cases::Item item, fsview::Reader& content,
                   const AcquireOptions& options, AcquireReport& report, int64_t& id);

// Many items recorded together: their contents written, one sync for all,
// then the items and their events in one transaction (a folder of 50,000
// files costs 1/128th of the syncs). Nothing is recorded before its content
// is durable; an interruption loses at most the unrecorded batch, which the
// next run acquires again.
class ItemBatch {
 public:
  ItemBatch(Session& s, const AcquireOptions& options, AcquireReport& report);
  // Stores `content` (not yet committed) and queues `item`; flushes when full.
  Status add(cases::Item item, fsview::Reader& content);
  Status flush();

 private:
  static constexpr size_t kBatchBlobs = 128;   // temp files held open: well under fd limits
  static constexpr size_t kBatchItems = 4096;  // items whose content was already stored
  Session& s_;
  const AcquireOptions& options_;
  AcquireReport& report_;
  std::vector<PendingBlob> blobs_;
  std::unordered_set<std::string> pending_;  // SHA-256 of blobs_
  std::vector<cases::CaseStore::NewItem> items_;
};

// A file or a folder tree; each regular file becomes an item of `kind`.
Status acquire_tree(Session& s, const std::string& path, const std::string& kind,
                    const std::string& method, const AcquireOptions& o, AcquireReport& r);
// The archive itself is an item; its entries become items read back from
// the vault (so they are exactly the bytes that were hashed).
Status acquire_archive(Session& s, const std::string& path, const AcquireOptions& o,
                       AcquireReport& r);
// Split raw images (one logical stream) and block devices.
Status acquire_split_raw(Session& s, const std::string& first, const AcquireOptions& o,
                         AcquireReport& r);
Status acquire_device(Session& s, const std::string& path, const AcquireOptions& o,
                      AcquireReport& r);
Status acquire_e01(Session& s, const std::string& path, const AcquireOptions& o, AcquireReport& r);

// Checks an archive entry's path: "" when safe, else why it could escape.
std::string unsafe_entry_path(const std::string& path);
// Checks a symlink entry's target relative to the entry: "" when it stays inside.
std::string unsafe_link_target(const std::string& entry_path, const std::string& target);

}  // namespace shodo::evidence
