#include "evidence/pipeline.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace shodo::evidence {
namespace {

constexpr size_t kSlots = 8;  // buffers in flight: 8 MiB whatever the source size

struct Slot {
  std::unique_ptr<unsigned char[]> data;  // allocated when first used
  size_t size = 0;
  bool last = false;
  size_t pending = 0;  // stages that have not taken it yet
};

// A source that fits in one buffer (most files of a webroot) is run through
// the stages on the calling thread: starting threads would cost more than
// the work.
bool run_small(Slot& slot, size_t got, const std::vector<Stage>& stages, std::string& error) {
  for (const Stage& stage : stages)
    if (!stage(slot.data.get(), got, true, error)) return false;
  return true;
}

}  // namespace

bool run_pipeline(const Fill& fill, const std::vector<Stage>& stages, size_t& bytes,
                  std::string& error) {
  Slot slots[kSlots];
  slots[0].data.reset(new unsigned char[kChunkSize]);
  size_t first = 0;
  if (!fill(slots[0].data.get(), kChunkSize, first, error)) return false;
  if (first < kChunkSize) {
    bytes = first;
    return run_small(slots[0], first, stages, error);
  }
  std::mutex mu;
  std::condition_variable cv;
  size_t produced = 0;  // buffers filled so far
  bool failed = false;
  std::string first_error;
  auto fail = [&](std::string why) {
    std::lock_guard lock(mu);
    if (!failed) first_error = std::move(why);
    failed = true;
    cv.notify_all();
  };

  std::vector<std::thread> threads;
  for (const Stage& stage : stages) {
    threads.emplace_back([&, &stage = stage] {
      for (size_t seq = 0;; ++seq) {
        Slot* slot;
        {
          std::unique_lock lock(mu);
          cv.wait(lock, [&] { return failed || produced > seq; });
          if (failed) return;
          slot = &slots[seq % kSlots];
        }
        std::string why;
        const bool ok = stage(slot->data.get(), slot->size, slot->last, why);
        const bool last = slot->last;
        if (!ok) return fail(why);
        {
          std::lock_guard lock(mu);
          if (--slot->pending == 0) cv.notify_all();
        }
        if (last) return;
      }
    });
  }

  bytes = 0;
  for (size_t seq = 0;; ++seq) {
    Slot& slot = slots[seq % kSlots];
    {
      std::unique_lock lock(mu);
      cv.wait(lock, [&] { return failed || slot.pending == 0; });
      if (failed) break;
    }
    size_t got = 0;
    std::string why;
    if (!slot.data) slot.data.reset(new unsigned char[kChunkSize]);
    if (seq == 0) {
      got = first;  // read above
    } else if (!fill(slot.data.get(), kChunkSize, got, why)) {
      fail(why);
      break;
    }
    bytes += got;
    std::lock_guard lock(mu);
    slot.size = got;
    slot.last = got < kChunkSize;  // a full buffer is followed by at least an empty last one
    slot.pending = stages.size();
    ++produced;
    cv.notify_all();
    if (slot.last) break;
  }
  for (std::thread& t : threads) t.join();
  if (failed) error = first_error;
  return !failed;
}

}  // namespace shodo::evidence
