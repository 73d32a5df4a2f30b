#include "leak/shell_command.h"

#include <algorithm>
#include <span>

#include "leak/ascii.h"

namespace shodo::leak {

namespace {

constexpr size_t kMaxCommand = 64 * 1024;
constexpr size_t kMaxWords = 4096;
constexpr size_t kMaxFiles = 256;

struct Redirect {
  std::string op;  // ">", ">>", "<"
  std::string target;
};

struct Simple {
  std::vector<std::string> words;
  std::vector<Redirect> redirects;
};

bool separator(char c) {
  return c == ';' || c == '&' || c == '|' || c == '\n';
}
bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

// Splits into simple commands: quotes and backslashes as the shell reads
// them, $(...) and `...` kept inside their word.
std::vector<Simple> split(std::string_view s) {
  std::vector<Simple> out(1);
  size_t words = 0;
  std::string word;
  bool in_word = false;
  std::string pending_redirect;  // the operator waiting for its target
  const auto end_word = [&] {
    if (!in_word) return;
    if (!pending_redirect.empty()) {
      out.back().redirects.push_back({pending_redirect, word});
      pending_redirect.clear();
    } else if (words < kMaxWords) {
      out.back().words.push_back(word);
      ++words;
    }
    word.clear();
    in_word = false;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (blank(c)) {
      end_word();
    } else if (separator(c)) {
      end_word();
      pending_redirect.clear();
      if (!out.back().words.empty() || !out.back().redirects.empty()) out.emplace_back();
    } else if (c == '>' || c == '<') {
      // 2>&1, >&2: duplications, no file.
      if (in_word && std::all_of(word.begin(), word.end(), is_digit)) {
        word.clear();
        in_word = false;
      }
      end_word();
      std::string op(1, c);
      if (c == '>' && i + 1 < s.size() && (s[i + 1] == '>' || s[i + 1] == '|')) {
        if (s[i + 1] == '>') op = ">>";
        ++i;
      }
      if (i + 1 < s.size() && s[i + 1] == '&') {
        ++i;
        while (i + 1 < s.size() && (is_digit(s[i + 1]) || s[i + 1] == '-')) ++i;
        continue;
      }
      pending_redirect = op;
    } else if (c == '\'' || c == '"') {
      in_word = true;
      size_t j = i + 1;
      for (; j < s.size() && s[j] != c; ++j) {
        if (c == '"' && s[j] == '\\' && j + 1 < s.size()) ++j;
        word += s[j];
      }
      i = j;
    } else if (c == '\\' && i + 1 < s.size()) {
      in_word = true;
      word += s[++i];
    } else if (c == '$' && i + 1 < s.size() && s[i + 1] == '(') {
      in_word = true;
      int depth = 0;
      for (; i < s.size(); ++i) {
        word += s[i];
        if (s[i] == '(') ++depth;
        if (s[i] == ')' && --depth == 0) break;
      }
    } else {
      in_word = true;
      word += c;
    }
  }
  end_word();
  if (out.back().words.empty() && out.back().redirects.empty()) out.pop_back();
  return out;
}

std::string basename(std::string_view p) {
  const size_t slash = p.rfind('/');
  return std::string(slash == std::string_view::npos ? p : p.substr(slash + 1));
}

// The URL path of `p` run in `folder`; empty outside the web root.
std::string resolve(std::string_view folder, std::string_view p) {
  if (p.empty() || p[0] == '/' || p[0] == '~' || p[0] == '$' || p.find("://") != p.npos) return {};
  std::vector<std::string_view> parts;
  const auto push = [&](std::string_view path) {
    while (!path.empty()) {
      const size_t slash = path.find('/');
      const std::string_view seg = path.substr(0, slash);
      path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
      if (seg.empty() || seg == ".") continue;
      if (seg == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else {
        parts.push_back(seg);
      }
    }
    return true;
  };
  if (!push(folder) || !push(p)) return {};
  std::string out;
  for (std::string_view seg : parts) {
    out += '/';
    out += seg;
  }
  return out.empty() ? "/" : out;
}

bool option(const std::string& w) {
  return w.size() > 1 && w[0] == '-';
}

// Programs in front of the real one.
bool wrapper(std::string_view p) {
  return p == "sudo" || p == "nohup" || p == "nice" || p == "time" || p == "exec" ||
         p == "command" || p == "busybox" || p == "env" || p == "timeout" || p == "stdbuf";
}

class Reader {
 public:
  explicit Reader(std::string_view folder) : folder_(folder) {}

  void run(const Simple& cmd) {
    size_t at = 0;
    const std::vector<std::string>& w = cmd.words;
    // Wrappers with their options (sudo -n, timeout 5), and VAR=value.
    bool wrapped = false;
    while (at < w.size() && (wrapper(basename(w[at])) || w[at].find('=') != std::string::npos ||
                             (wrapped && (option(w[at]) || is_digit(w[at][0]))))) {
      wrapped |= wrapper(basename(w[at]));
      ++at;
    }
    for (const Redirect& r : cmd.redirects) {
      if (r.target.rfind("/dev/", 0) == 0) continue;
      file(r.target, r.op == "<" ? "read" : (r.op == ">>" ? "append" : "create"));
    }
    if (at >= w.size()) return;
    const std::string program = basename(w[at]);
    if (std::find(fx_.programs.begin(), fx_.programs.end(), program) == fx_.programs.end())
      fx_.programs.push_back(program);
    const std::vector<std::string> args(w.begin() + static_cast<ptrdiff_t>(at) + 1, w.end());
    effects(program, args);
  }

  ShellEffects take() && { return std::move(fx_); }

 private:
  void file(std::string_view path, std::string_view role) {
    if (path.empty() || path == "-" || fx_.files.size() >= kMaxFiles) return;
    fx_.files.push_back({std::string(path), resolve(folder_, path), std::string(role)});
  }

  // The arguments that are no option nor an option's value (`valued`: the
  // program's options that take one, "-n" of head).
  static std::vector<std::string> operands(const std::vector<std::string>& args,
                                           std::span<const std::string_view> valued) {
    std::vector<std::string> out;
    bool options_end = false;
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      if (!options_end && a == "--") {
        options_end = true;
      } else if (options_end || !option(a)) {
        out.push_back(a);
      } else if (std::find(valued.begin(), valued.end(), a) != valued.end()) {
        ++i;
      }
    }
    return out;
  }

  // The value of -o X, -oX or --output=X.
  static std::string value_of(const std::vector<std::string>& args, std::string_view shortopt,
                              std::string_view longopt) {
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      if (a == shortopt || a == longopt) return i + 1 < args.size() ? args[i + 1] : "";
      if (!longopt.empty() && a.size() > longopt.size() &&
          a.compare(0, longopt.size(), longopt) == 0 && a[longopt.size()] == '=')
        return a.substr(longopt.size() + 1);
      if (shortopt.size() == 2 && a.size() > 2 && a.compare(0, 2, shortopt) == 0 && a[1] != '-')
        return a.substr(2);
    }
    return {};
  }

  // Options of `p` whose value is the next word.
  static std::span<const std::string_view> valued_options(std::string_view p) {
    static constexpr std::string_view kHead[] = {"-n", "-c"};
    static constexpr std::string_view kGrep[] = {"-e", "-f", "-m", "-A", "-B", "-C"};
    static constexpr std::string_view kWget[] = {"-O", "-o", "-P", "-U", "-T", "-t", "--header"};
    static constexpr std::string_view kCurl[] = {"-o",
                                                 "-T",
                                                 "-d",
                                                 "-F",
                                                 "-H",
                                                 "-u",
                                                 "-A",
                                                 "-X",
                                                 "-e",
                                                 "-b",
                                                 "-c",
                                                 "-x",
                                                 "--data",
                                                 "--data-binary",
                                                 "--form",
                                                 "--output",
                                                 "--upload-file",
                                                 "--header",
                                                 "--user-agent"};
    static constexpr std::string_view kDump[] = {"-u", "-p", "-h", "-P", "-r", "-f", "-U", "-d"};
    if (p == "head" || p == "tail") return kHead;
    if (p == "grep" || p == "egrep" || p == "fgrep") return kGrep;
    if (p == "wget") return kWget;
    if (p == "curl") return kCurl;
    if (p == "mysqldump" || p == "pg_dump" || p == "pg_dumpall" || p == "mysql") return kDump;
    return {};
  }

  static bool has(const std::vector<std::string>& args, std::string_view a) {
    return std::find(args.begin(), args.end(), a) != args.end();
  }

  void effects(const std::string& p, const std::vector<std::string>& args) {
    const std::vector<std::string> ops = operands(args, valued_options(p));
    if (p == "cd") {
      if (!ops.empty()) {
        folder_ = resolve(folder_, ops[0]);
        if (folder_.empty()) folder_ = "/..";  // left the web root: nothing resolves
      }
    } else if (p == "cat" || p == "head" || p == "tail" || p == "less" || p == "more" ||
               p == "strings" || p == "xxd" || p == "od" || p == "nl" || p == "tac" ||
               p == "base64" || p == "md5sum" || p == "sha1sum" || p == "sha256sum" ||
               p == "file" || p == "hexdump" || p == "unzip" || p == "source" || p == ".") {
      for (const std::string& f : ops) file(f, "read");
    } else if (p == "grep" || p == "egrep" || p == "fgrep") {
      // The pattern is the first operand unless -e or -f gave it.
      const size_t first = has(args, "-e") || has(args, "-f") ? 0 : 1;
      for (size_t i = first; i < ops.size(); ++i) file(ops[i], "read");
    } else if (p == "cp" || p == "mv" || p == "ln" || p == "install") {
      if (ops.size() >= 2) {
        for (size_t i = 0; i + 1 < ops.size(); ++i) file(ops[i], p == "mv" ? "delete" : "read");
        file(ops.back(), "create");
      }
    } else if (p == "rm" || p == "unlink" || p == "shred") {
      for (const std::string& f : ops) file(f, "delete");
    } else if (p == "touch" || p == "mkdir") {
      for (const std::string& f : ops) file(f, "create");
    } else if (p == "chmod" || p == "chown" || p == "chgrp") {
      for (size_t i = 1; i < ops.size(); ++i) file(ops[i], "modify");
    } else if (p == "sed" || p == "perl") {
      if (std::any_of(args.begin(), args.end(),
                      [](const std::string& a) { return a.rfind("-i", 0) == 0; })) {
        for (size_t i = 1; i < ops.size(); ++i) file(ops[i], "modify");
      }
    } else if (p == "tee") {
      for (const std::string& f : ops) file(f, has(args, "-a") ? "append" : "create");
    } else if (p == "tar") {
      tar(args);
    } else if (p == "zip" || p == "7z" || p == "7za" || p == "rar") {
      std::vector<std::string> rest = ops;
      if ((p == "7z" || p == "7za" || p == "rar") && !rest.empty()) rest.erase(rest.begin());
      if (!rest.empty()) {
        file(rest[0], "create");
        for (size_t i = 1; i < rest.size(); ++i) file(rest[i], "read");
      }
    } else if (p == "gzip" || p == "bzip2" || p == "xz" || p == "zstd") {
      const bool in_place = !has(args, "-c") && !has(args, "-d") && !has(args, "--stdout");
      const std::string ext = p == "gzip"    ? ".gz"
                              : p == "bzip2" ? ".bz2"
                              : p == "xz"    ? ".xz"
                                             : ".zst";
      for (const std::string& f : ops) {
        file(f, in_place ? "delete" : "read");
        if (in_place) file(f + ext, "create");
      }
    } else if (p == "mysqldump" || p == "pg_dump" || p == "pg_dumpall") {
      std::string out =
          p == "mysqldump" ? value_of(args, "-r", "--result-file") : value_of(args, "-f", "--file");
      file(out, "create");
    } else if (p == "dd") {
      for (const std::string& a : args) {
        if (a.rfind("if=", 0) == 0) file(a.substr(3), "read");
        if (a.rfind("of=", 0) == 0) file(a.substr(3), "create");
      }
    } else if (p == "wget") {
      wget(args, ops);
    } else if (p == "curl") {
      curl(args, ops);
    }
  }

  void tar(const std::vector<std::string>& args) {
    // tar czf out.tgz dir, tar -czf out.tgz dir, tar -c -z -f out.tgz dir,
    // tar --create --file=out.tgz dir.
    bool create = false, extract = false;
    std::string archive;
    std::vector<std::string> rest;
    for (size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      const bool bundle =
          (i == 0 && !a.empty() && a[0] != '-') || (a.size() > 1 && a[0] == '-' && a[1] != '-');
      if (a == "--create") {
        create = true;
      } else if (a == "--extract" || a == "--get") {
        extract = true;
      } else if (a.rfind("--file=", 0) == 0) {
        archive = a.substr(7);
      } else if (a == "--file" && i + 1 < args.size()) {
        archive = args[++i];
      } else if (bundle) {
        create |= a.find('c') != std::string::npos;
        extract |= a.find('x') != std::string::npos;
        if (a.find('f') != std::string::npos && i + 1 < args.size()) archive = args[++i];
      } else if (!option(a)) {
        rest.push_back(a);
      }
    }
    if (create) {
      file(archive, "create");
      for (const std::string& f : rest) file(f, "read");
    } else if (extract) {
      file(archive, "read");
    }
  }

  void wget(const std::vector<std::string>& args, const std::vector<std::string>& ops) {
    const std::string out = value_of(args, "-O", "--output-document");
    for (const std::string& u : ops) {
      if (u.find("://") == std::string::npos && !istarts_with(u, "www.")) continue;
      fx_.urls.push_back(u);
      if (out.empty()) file(url_file_name(u), "create");
    }
    if (!out.empty()) file(out, "create");
  }

  void curl(const std::vector<std::string>& args, const std::vector<std::string>& ops) {
    for (const std::string& u : ops) {
      if (u.find("://") != std::string::npos) fx_.urls.push_back(u);
    }
    file(value_of(args, "-o", "--output"), "create");
    if (has(args, "-O") || has(args, "--remote-name")) {
      for (const std::string& u : fx_.urls) file(url_file_name(u), "create");
    }
    // Uploads: -T file, -d @file, --data-binary @file, -F name=@file.
    file(value_of(args, "-T", "--upload-file"), "read");
    for (size_t i = 0; i + 1 < args.size(); ++i) {
      const std::string& a = args[i];
      const std::string& v = args[i + 1];
      if (a == "-d" || a == "--data" || a == "--data-binary" || a == "-F" || a == "--form") {
        const size_t at = v.find('@');
        if (at != std::string::npos) file(v.substr(at + 1, v.find(';', at) - at - 1), "read");
      }
    }
  }

  static std::string url_file_name(std::string_view url) {
    const size_t scheme = url.find("://");
    std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
    rest = rest.substr(0, rest.find_first_of("?#"));
    const size_t slash = rest.find('/');
    const std::string name = slash == std::string_view::npos ? "" : basename(rest.substr(slash));
    return name.empty() ? "index.html" : name;
  }

  std::string folder_;
  ShellEffects fx_;
};

}  // namespace

ShellEffects read_shell_command(std::string_view command, std::string_view folder) {
  if (command.size() > kMaxCommand) command = command.substr(0, kMaxCommand);
  Reader reader(folder);
  for (const Simple& cmd : split(command)) reader.run(cmd);
  return std::move(reader).take();
}

}  // namespace shodo::leak
