// Files and folder trees, walked through fsview's directory view: symlinks
// are recorded, never followed; files are opened O_NOATIME.
#include <filesystem>

#include "evidence/acquire_steps.h"
#include "evidence/metadata.h"

namespace shodo::evidence {

Status acquire_tree(Session& s, const std::string& path, const std::string& kind,
                    const std::string& method, const AcquireOptions& o, AcquireReport& r) {
  namespace fs = std::filesystem;
  // A folder is its own root; a single file is seen from its parent folder.
  std::error_code ec;
  const bool is_dir = fs::is_directory(fs::symlink_status(path, ec));
  fs::path host = fs::absolute(path, ec).lexically_normal();
  if (host.filename().empty()) host = host.parent_path();
  const std::string root = is_dir ? host.string() : host.parent_path().string();
  const std::string start = is_dir ? "/" : "/" + host.filename().string();
  std::string error;
  auto view = fsview::open_directory(root, error);
  if (!view) return Status::fail(root + ": " + error);
  Status failed;
  ItemBatch batch(s, o, r);
  auto host_path = [&](const std::string& view_path) {
    return view_path == "/" ? root : (root == "/" ? view_path : root + view_path);
  };
  view->walk(
      start, {},
      [&](const fsview::FileInfo& f) {
        if (!failed) return fsview::Visit::skip;
        const std::string hp = host_path(f.path);
        if (f.type == fsview::FileType::directory) return fsview::Visit::descend;
        if (f.type != fsview::FileType::regular) {
          r.problems.push_back({hp, std::string(fsview::file_type_name(f.type)) +
                                        (f.link_target.empty() ? "" : " -> " + f.link_target) +
                                        ": recorded here, not followed or read"});
          return fsview::Visit::skip;
        }
        std::string why;
        auto reader = view->open(f, why);
        if (!reader) {
          r.problems.push_back({hp, "cannot open: " + why});
          return fsview::Visit::skip;
        }
        cases::Item item;
        item.kind = kind;
        item.method = method;
        item.source = hp;
        item.metadata_json = file_metadata_json(f, hp);
        if (Status st = batch.add(std::move(item), *reader); !st) {
          r.problems.push_back({hp, st.error});
          // A read error is this file's; the vault or the store failing stops the run.
          if (reader->error().empty()) failed = st;
        }
        return fsview::Visit::skip;
      },
      [&](const fsview::Problem& p) {
        r.problems.push_back({host_path(p.path), p.reason});
      });
  if (!failed) return failed;
  return batch.flush();
}

}  // namespace shodo::evidence
