#include "files/file_feed.h"

#include <algorithm>

#include "files/heuristics/heuristics.h"

namespace shodo::files {
namespace {

std::string parent_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

bool is_inside(const std::string& path, const std::string& folder) {
  if (folder == "/") return path != "/";
  return path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
         path[folder.size()] == '/';
}

FolderStats stats_of(const std::vector<const fsview::FileInfo*>& list) {
  FolderStats s;
  s.files = list.size();
  for (const auto* f : list) s.scripts += is_script_extension(lower(f->name()));
  std::vector<fsview::TimeNs> mtimes, btimes;
  size_t whole = 0;
  for (const auto* f : list) {
    if (f->mtime != fsview::kNoTime) {
      mtimes.push_back(f->mtime);
      whole += f->mtime % 1000000000 == 0;
    }
    if (f->btime != fsview::kNoTime) btimes.push_back(f->btime);
  }
  if (!mtimes.empty()) {
    std::nth_element(mtimes.begin(), mtimes.begin() + mtimes.size() / 2, mtimes.end());
    s.median_mtime = mtimes[mtimes.size() / 2];
    s.share_whole_second_mtime = static_cast<double>(whole) / static_cast<double>(mtimes.size());
  }
  std::sort(btimes.rbegin(), btimes.rend());
  if (!btimes.empty()) s.max_btime = btimes[0];
  if (btimes.size() > 1) s.second_btime = btimes[1];
  return s;
}

}  // namespace

void FileFeed::visit(const fsview::FileInfo& entry) {
  while (!open_.empty() && !is_inside(entry.path, open_.back())) {
    release(open_.back());
    open_.pop_back();
  }
  if (entry.type == fsview::FileType::directory) open_.push_back(entry.path);
  const bool file =
      entry.type == fsview::FileType::regular || entry.type == fsview::FileType::symlink;
  if (!file || !seen_.insert(entry.path).second) return;
  held_[parent_of(entry.path)].push_back(files_.size());
  files_.push_back(entry);
}

void FileFeed::end_root() {
  for (; !open_.empty(); open_.pop_back()) release(open_.back());
}

void FileFeed::close() {
  end_root();
  // Files whose folder was not walked (a root that is a file).
  while (!held_.empty()) release(held_.begin()->first);
  std::lock_guard lock(mutex_);
  closed_ = true;
  ready_or_closed_.notify_all();
}

void FileFeed::release(const std::string& folder) {
  auto it = held_.find(folder);
  if (it == held_.end()) return;
  std::vector<const fsview::FileInfo*> regular;
  for (size_t i : it->second)
    if (files_[i].type == fsview::FileType::regular) regular.push_back(&files_[i]);
  const FolderStats* stats = nullptr;
  if (!regular.empty()) stats = &stats_.emplace_back(stats_of(regular));
  {
    std::lock_guard lock(mutex_);
    for (size_t i : it->second) ready_.push_back({i, &files_[i], stats});
  }
  ready_or_closed_.notify_all();
  held_.erase(it);
}

std::optional<FileFeed::Item> FileFeed::next() {
  std::unique_lock lock(mutex_);
  ready_or_closed_.wait(lock, [&] { return !ready_.empty() || closed_; });
  if (ready_.empty()) return std::nullopt;
  Item item = ready_.front();
  ready_.pop_front();
  return item;
}

}  // namespace shodo::files
