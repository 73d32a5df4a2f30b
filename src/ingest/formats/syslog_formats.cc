// PLACEHOLDER: filled by the syslog parser work in progress.
#include "ingest/formats/registry.h"

namespace shodo::ingest {
void register_syslog_formats(FormatRegistry&) {}
}  // namespace shodo::ingest
