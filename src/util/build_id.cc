#include "util/build_id.h"

#include <elf.h>
#include <link.h>

#include <string>

namespace shodo::util {

namespace {

// The NT_GNU_BUILD_ID note in the first object dl_iterate_phdr reports,
// which is the program itself.
int find_build_id(dl_phdr_info* info, size_t, void* data) {
  auto& out = *static_cast<std::string*>(data);
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* const end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + ((note->n_namesz + 3) & ~3u);
      const char* next = desc + ((note->n_descsz + 3) & ~3u);
      if (next > end) break;
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
          std::string_view(name, 4) == std::string_view("GNU", 4)) {
        out.assign(desc, note->n_descsz);
        return 1;
      }
      p = next;
    }
  }
  return 1;  // only the program itself
}

}  // namespace

std::string_view build_id() {
  static const std::string id = [] {
    std::string found;
    dl_iterate_phdr(find_build_id, &found);
    return found;
  }();
  return id;
}

}  // namespace shodo::util
