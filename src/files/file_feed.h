// The files of a scan as the walk finds them, handed to the worker threads as
// soon as their folder has been walked: the time and placement checks compare
// a file with its siblings, and the workers need not wait for the whole walk.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "files/signal.h"
#include "fsview/fsview.h"

namespace shodo::files {

class FileFeed {
 public:
  struct Item {
    size_t index;                  // in walk order
    const fsview::FileInfo* file;  // regular file or symlink
    const FolderStats* folder;     // null when its folder holds no regular file
  };

  // The walking thread: every entry of one root's walk, in walk order (a
  // folder before its content); then end_root(); close() after the last root.
  void visit(const fsview::FileInfo& entry);
  void end_root();
  void close();

  // The workers: the next file, waiting for the walk if need be; nullopt once
  // it is over and every file was handed out.
  std::optional<Item> next();

  size_t files() const { return files_.size(); }  // after close()

 private:
  // The folder is complete: its siblings' statistics, then its files go out.
  void release(const std::string& folder);

  // Walking thread only.
  std::set<std::string> seen_;
  std::vector<std::string> open_;                    // folders being walked, outermost first
  std::map<std::string, std::vector<size_t>> held_;  // files by folder, until it is complete
  // Appended by the walking thread, read by the workers through pointers
  // (a deque's elements stay where they are).
  std::deque<fsview::FileInfo> files_;
  std::deque<FolderStats> stats_;
  // Shared.
  std::mutex mutex_;
  std::condition_variable ready_or_closed_;
  std::deque<Item> ready_;
  bool closed_ = false;
};

}  // namespace shodo::files
