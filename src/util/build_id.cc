#include "util/build_id.h"

#include <elf.h>
#include <link.h>

#include <string>

#include "util/disk_cache.h"

namespace shodo::util {

namespace {

// The NT_GNU_BUILD_ID note of one loaded object (empty when it has none).
std::string object_build_id(const dl_phdr_info* info) {
  for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* const end = p + ph.p_memsz;
    // Offsets within a note are padded to the segment's alignment (4, or 8
    // for some), counted from the note's start.
    const size_t align = ph.p_align == 8 ? 8 : 4;
    const auto padded = [&](size_t n) { return (n + align - 1) / align * align; };
    while (static_cast<size_t>(end - p) >= sizeof(ElfW(Nhdr))) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const size_t size = static_cast<size_t>(end - p);
      const size_t desc_at = padded(sizeof(ElfW(Nhdr)) + note->n_namesz);
      if (desc_at > size || note->n_descsz > size - desc_at) break;
      const char* name = p + sizeof(ElfW(Nhdr));
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
          std::string_view(name, 4) == std::string_view("GNU", 4))
        return std::string(p + desc_at, note->n_descsz);
      const size_t next = padded(desc_at + note->n_descsz);
      if (next >= size) break;
      p += next;
    }
  }
  return {};
}

// Appends each object's ID with its length; the first object reported is
// the program itself.
int add_build_id(dl_phdr_info* info, size_t, void* data) {
  auto& out = *static_cast<std::string*>(data);
  put_bytes(out, object_build_id(info));
  return 0;
}

}  // namespace

std::string_view build_id() {
  static const std::string id = [] {
    std::string found;
    dl_iterate_phdr(add_build_id, &found);
    // No identity without the program's own.
    std::string_view first = found;
    std::string_view program;
    return get_bytes(first, program) && !program.empty() ? found : std::string();
  }();
  return id;
}

}  // namespace shodo::util
