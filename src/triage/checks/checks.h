// Internal to triage: the checks, one per file. Whole-tree checks look at
// each entry of the one full walk; the others read the places they know.
#pragma once

#include <string_view>
#include <vector>

#include "fsview/fsview.h"
#include "triage/context.h"

namespace shodo::triage {

// Places the checks read.
void check_accounts(Context& ctx);    // accounts.cc: passwd, shadow, group
void check_sudoers(Context& ctx);     // sudoers.cc
void check_ssh_keys(Context& ctx);    // ssh_keys.cc: authorized_keys of every home
void check_cron(Context& ctx);        // cron.cc
void check_systemd(Context& ctx);     // systemd.cc: units and timers
void check_ld_preload(Context& ctx);  // ld_preload.cc
void check_binaries(Context& ctx);    // binaries.cc: /bin, /sbin, /usr/bin, /usr/sbin
void check_histories(Context& ctx, const std::vector<fsview::FileInfo>& histories);  // history.cc

// Entries of the full walk.
void check_suid(Context& ctx, const fsview::FileInfo& f);       // suid.cc
void check_temp_exec(Context& ctx, const fsview::FileInfo& f);  // temp_exec.cc
void check_window(Context& ctx, const fsview::FileInfo& f);     // window.cc
void check_forged(Context& ctx, const fsview::FileInfo& f);     // forged.cc
// The history format a file's name says (bash_history...), or "".
std::string_view history_format(std::string_view path);  // history.cc

}  // namespace shodo::triage
