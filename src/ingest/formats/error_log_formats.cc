// PLACEHOLDER: filled by the error_log parser work in progress.
#include "ingest/formats/registry.h"

namespace shodo::ingest {
void register_error_log_formats(FormatRegistry&) {}
}  // namespace shodo::ingest
