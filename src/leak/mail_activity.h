// Internal: outbound mail per sender and hour, from mail-log events joined
// by queue id, and the verdict between "this server sent the spam" and
// "no outbound anomaly".
#pragma once

#include <map>
#include <string>
#include <unordered_map>

#include "leak/earliest.h"
#include "leak/leak.h"

namespace shodo::leak {

class MailTracker {
 public:
  void observe(const MailEvent& e, const Config& config);
  void merge(MailTracker&& other, const Config& config);
  MailAssessment finish(const Config& config) &&;

 private:
  // Who put a message in the queue: the local submitter wins over the
  // envelope sender, which anyone can write.
  struct Origin {
    std::string submitter;  // "uid 33 (www-data)", a login, "smtp client ..."
    std::string envelope;   // qmgr's from=
    bool web_user = false;
  };
  struct Delivery {
    TimeUs time = ingest::kNoTime;
    Cite cite;
    std::string queue_id;
    uint64_t recipient = 0;  // hash of the lower-cased address
    char outcome = 'd';      // d(elivered), f (deferred), b(ounced)
  };

  uint64_t events_ = 0;
  TimeUs first_time_ = ingest::kNoTime;
  std::map<std::string, Origin, std::less<>> origins_;  // by queue id
  uint64_t origins_dropped_ = 0;
  EarliestRecords<Delivery> deliveries_;
};

}  // namespace shodo::leak
