// Disk images built at test time with the Debian tools (mke2fs -d, debugfs,
// mkfs.vfat/mtools, mkntfs/ntfscp, sfdisk, ewfacquire): nothing downloaded,
// nothing large committed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace shodo::testing {

// A small Linux web server's tree: /etc (os-release, hostname, passwd),
// nginx and auth logs (one rotated .gz), shell histories of root and alice,
// a webroot with /var/www/html/shell.php (deleted by make_ext4 callers that
// want it), and /tmp/names holding hostile names: a newline, control
// characters, invalid UTF-8, a backslash, a symlink to ../../../../etc/passwd.
std::filesystem::path make_linux_staging(const std::filesystem::path& dir);

// An ext4 image of `staging`, labelled `label`, with `remove` deleted by
// debugfs afterwards. "" when the tools failed.
std::string make_ext4(const std::filesystem::path& dir, const std::filesystem::path& staging,
                      const std::string& name, const std::string& label,
                      const std::vector<std::string>& remove = {}, int size_mb = 16);

// A GPT disk: partition 1 and 2 hold `ext4_a` and `ext4_b`, partition 3
// starts with XFS's magic, partition 4 is zeros. "" when the tools failed.
std::string make_gpt(const std::filesystem::path& dir, const std::string& ext4_a,
                     const std::string& ext4_b);

// A digest of a whole file's bytes, to show an image was not modified.
std::string file_digest(const std::string& path);

// A shell command's standard output.
std::string shell_output(const std::string& command);

}  // namespace shodo::testing
