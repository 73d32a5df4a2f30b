// System binaries replaced after installation: in /bin, /sbin, /usr/bin and
// /usr/sbin a binary whose mtime or ctime is much later than its folder's
// median was likely put there by other means than the package manager (a
// trojaned ls, ps or sshd). A package upgraded alone looks the same: the
// finding says how far out the file is, for the examiner to weigh.
#include "triage/checks/checks.h"
#include "triage/robust_stats.h"

namespace shodo::triage {
namespace {

void check_folder(Context& ctx, std::string_view dir) {
  std::vector<fsview::FileInfo> files;
  for (fsview::FileInfo& f : ctx.entries_in(dir))
    if (f.type == fsview::FileType::regular) files.push_back(std::move(f));
  const SiblingTimes times = later_than_siblings(files, ctx.options.sibling_gap_ns);
  for (const Outlier& o : times.outliers) {
    const bool both = o.mtime && o.ctime;
    auto& f = ctx.add(*o.file, "binaries", both ? detect::Level::medium : detect::Level::low,
                      both ? 60 : 40, {"T1554"});
    f.title = "System binary much newer than its siblings";
    f.title_ja = "同じフォルダの他より大幅に新しいシステムバイナリ";
    describe_outlier(o, times, f.reason, f.reason_ja);
    f.reason += " (replaced after installation, or upgraded alone)";
    f.reason_ja += "（インストール後の置き換え、または単独での更新）";
  }
}

}  // namespace

void check_binaries(Context& ctx) {
  // With a merged /usr, /bin and /sbin are symlinks: Context never follows them.
  for (const char* dir : {"/bin", "/sbin", "/usr/bin", "/usr/sbin"}) check_folder(ctx, dir);
}

}  // namespace shodo::triage
