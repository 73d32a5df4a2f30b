// The libFuzzer entry point of one target binary; SHODO_FUZZ_TARGET names
// the function (set per executable in CMakeLists.txt).
#include "fuzz/targets.h"

// One-time setup (rule_match compiles the shipped rules) runs here on the
// empty input, before libFuzzer starts timing inputs.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  return shodo::fuzz::SHODO_FUZZ_TARGET(nullptr, 0);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return shodo::fuzz::SHODO_FUZZ_TARGET(data, size);
}
