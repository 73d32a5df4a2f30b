// PLACEHOLDER: filled by the aws parser work in progress.
#include "ingest/formats/registry.h"

namespace shodo::ingest {
void register_aws_formats(FormatRegistry&) {}
}  // namespace shodo::ingest
