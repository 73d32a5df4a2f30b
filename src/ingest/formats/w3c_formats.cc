// PLACEHOLDER: filled by the w3c parser work in progress.
#include "ingest/formats/registry.h"

namespace shodo::ingest {
void register_w3c_formats(FormatRegistry&) {}
}  // namespace shodo::ingest
