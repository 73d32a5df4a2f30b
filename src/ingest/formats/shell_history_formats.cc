// PLACEHOLDER: filled by the shell_history parser work in progress.
#include "ingest/formats/registry.h"

namespace shodo::ingest {
void register_shell_history_formats(FormatRegistry&) {}
}  // namespace shodo::ingest
