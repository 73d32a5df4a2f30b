#include "evidence/pipeline.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace shodo::evidence {
namespace {

constexpr size_t kSlots = 8;  // buffers in flight: 8 MiB whatever the source size

struct Slot {
  std::unique_ptr<unsigned char[]> data{new unsigned char[kChunkSize]};
  size_t size = 0;
  bool last = false;
  size_t pending = 0;  // stages that have not taken it yet
};

}  // namespace

bool run_pipeline(const Fill& fill, const std::vector<Stage>& stages, size_t& bytes,
                  std::string& error) {
  Slot slots[kSlots];
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
    if (!fill(slot.data.get(), kChunkSize, got, why)) {
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
